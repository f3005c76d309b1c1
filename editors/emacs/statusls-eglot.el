;;; statusls-eglot.el --- statusls, the HTTP status code server, for Eglot  -*- lexical-binding: t; -*-

;; Load this file (or paste its forms into your init file), then M-x eglot
;; in an nginx, Apache, YAML, JSON or .http buffer; add `eglot-ensure' to
;; those modes' hooks to start it by itself.
;;
;; Eglot runs one server per buffer, so this file claims only the config
;; formats, where no other server usually runs.  Its YAML and JSON entries
;; take those modes from yaml-language-server and vscode-json-languageserver:
;; remove them from `statusls-eglot-modes' if you use those.  For statusls
;; next to gopls or pyright in source files, use lsp-mode
;; (statusls-lsp-mode.el), which runs several servers per buffer.

;;; Code:

(require 'eglot)
(require 'statusls)

(defcustom statusls-eglot-modes
  '((nginx-mode :language-id "nginx")
    (apache-mode :language-id "apache")
    (restclient-mode :language-id "http")
    (yaml-mode :language-id "yaml")
    (yaml-ts-mode :language-id "yaml")
    (json-mode :language-id "json")
    (js-json-mode :language-id "json")
    (json-ts-mode :language-id "json"))
  "Major modes that Eglot serves with statusls, with the LSP language IDs."
  :type '(repeat sexp))

(add-to-list 'eglot-server-programs
             `(,statusls-eglot-modes
               . ,#'statusls-command))

;; The "statusls" section, as the server asks for it with
;; workspace/configuration.  Set it per project in .dir-locals.el, or here;
;; :json-false is JSON's false.  Left out, :vendorCodes, :rules (such as
;; (:SL005 "off")) and :constants follow the project's .statusls.toml.
(setq-default eglot-workspace-configuration
              (plist-put (copy-sequence (default-value 'eglot-workspace-configuration))
                         :statusls '(:locale ""          ; "" follows Emacs, or "en", "vi"
                                     :diagnostics t
                                     :inlayHints (:enabled t))))

(provide 'statusls-eglot)
;;; statusls-eglot.el ends here
