;;; statusls-lsp-mode.el --- statusls, the HTTP status code server, for lsp-mode  -*- lexical-binding: t; -*-

;; Load this file, then M-x lsp (or `lsp-deferred' in mode hooks).  statusls
;; is registered as an add-on server, so it runs next to gopls, pyright or
;; typescript-language-server in the same buffer.

;; Vendor codes and per-rule severities follow the project's .statusls.toml.

;;; Code:

(require 'lsp-mode)
(require 'statusls)

(defcustom statusls-locale ""
  "Language of hovers and pages: \"en\", \"vi\", or \"\" to follow Emacs."
  :type 'string)

(defcustom statusls-diagnostics t
  "Check status codes and report wrong ones."
  :type 'boolean)

(defcustom statusls-inlay-hints t
  "Show the reason phrase after status codes (shown with `lsp-inlay-hints-mode')."
  :type 'boolean)

(lsp-register-custom-settings
 '(("statusls.locale" statusls-locale)
   ("statusls.diagnostics" statusls-diagnostics t)
   ("statusls.inlayHints.enabled" statusls-inlay-hints t)))

;; Language IDs for modes that lsp-mode has none for; the server also looks
;; at file names, so fundamental or conf modes work on nginx.conf too.
(dolist (m '((nginx-mode . "nginx") (apache-mode . "apache") (restclient-mode . "http")))
  (add-to-list 'lsp-language-id-configuration m))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection #'statusls-command)
  :activation-fn (lsp-activate-on "nginx" "apache" "http" "yaml" "json" "go" "javascript"
                                  "typescript" "javascriptreact" "typescriptreact" "python"
                                  "java" "kotlin" "csharp" "rust" "php" "ruby" "lua")
  :server-id 'statusls
  :add-on? t
  :priority -2
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration (lsp-configuration-section "statusls"))))))

(provide 'statusls-lsp-mode)
;;; statusls-lsp-mode.el ends here
