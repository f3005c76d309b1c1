;;; statusls.el --- what the Eglot and lsp-mode configs of statusls share  -*- lexical-binding: t; -*-

;;; Code:

(defgroup statusls nil
  "statusls, a language server for HTTP status codes."
  :group 'tools)

(defcustom statusls-program "statusls"
  "The statusls binary: a name on `exec-path', or an absolute file name.
Install it with: go install github.com/statusls/statusls@latest"
  :type 'string)

(defun statusls-command (&rest _)
  "The command line that serves LSP on stdio."
  (list statusls-program "serve" "--stdio"))

(provide 'statusls)
;;; statusls.el ends here
