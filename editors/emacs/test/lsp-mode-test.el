;;; lsp-mode-test.el --- statusls in lsp-mode, end to end  -*- lexical-binding: t; -*-

;; emacs --batch -l editors/emacs/test/lsp-mode-test.el
;; Opens STATUSLS_FILE (an nginx config) in nginx-mode, starts lsp-mode with
;; editors/emacs/statusls-lsp-mode.el, and checks hover, diagnostics and the
;; quick fix at each marker, and that the settings reach the server.

;;; Code:

(load (expand-file-name "statusls-test.el" (file-name-directory load-file-name)) nil t)
(require 'nginx-mode)
(setq statusls-program (getenv "STATUSLS_BIN")
      ;; No prompts and no state outside the test's home.
      lsp-session-file (expand-file-name "lsp-session" user-emacs-directory)
      lsp-enable-snippet nil
      lsp-auto-guess-root nil
      lsp-enable-file-watchers nil
      lsp-keep-workspace-alive nil
      lsp-headerline-breadcrumb-enable nil
      lsp-diagnostics-provider :none)
(require 'statusls-lsp-mode)
(setq statusls-locale "vi")

(defun statusls-test-lsp-mode ()
  (find-file (getenv "STATUSLS_FILE"))
  (statusls-test-check (eq major-mode 'nginx-mode) "nginx-mode is on" major-mode)
  ;; What "i" (import the project root) answers when lsp-mode asks.
  (lsp-workspace-folders-add (file-name-directory (getenv "STATUSLS_FILE")))
  (lsp)
  (statusls-test-check (statusls-test-wait (lambda () (lsp-find-workspace 'statusls nil)))
                       "lsp-mode started statusls")
  (statusls-test-check (statusls-test-wait (lambda () (> (hash-table-count (lsp-diagnostics t)) 0)))
                       "diagnostics arrived")
  (dolist (m (statusls-test-markers))
    (cl-destructuring-bind (line pos kind args) m
      (goto-char pos)
      (let ((where (format "line %d" line)))
        (pcase kind
          ("hover"
           (let* ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params)))
                  (text (and hover (lsp:markup-content-value (lsp:hover-contents hover)))))
             (statusls-test-check (and text (string-search (car args) text))
                                  (format "%s: hover shows \"%s\"" where (car args)) text)
             (statusls-test-check (and text (string-search "máy chủ" text))
                                  (format "%s: hover is in Vietnamese, as the settings ask" where) text)))
          ("diag"
           ;; The settings ask for Vietnamese, so the rule's ID finds the
           ;; diagnostic and the message is checked for the language.
           (let ((d (cl-find-if (lambda (d)
                                  (and (equal (lsp:diagnostic-code? d) (car args))
                                       (= (lsp:position-line (lsp:range-start (lsp:diagnostic-range d))) (1- line))))
                                (gethash (buffer-file-name) (lsp-diagnostics t)))))
             (statusls-test-check d (format "%s: diagnostic %s on the line" where (car args)))
             (statusls-test-check (and d (string-search "mã trạng thái" (lsp:diagnostic-message d)))
                                  (format "%s: the diagnostic is in Vietnamese, as the settings ask" where)
                                  (and d (lsp:diagnostic-message d)))))
          ("fix"
           (let ((actions (lsp-code-actions-at-point "quickfix")))
             (statusls-test-check actions (format "%s: a quick fix is offered" where))
             (when actions
               ;; The preferred fix, which a user picks by default.
               (lsp-execute-code-action (or (cl-find-if #'lsp:code-action-is-preferred? actions)
                                            (car actions)))))
           (let ((text (statusls-test-wait
                        (lambda ()
                          (let ((s (statusls-test-code-text line)))
                            (and (string-search (car args) s) s)))
                        5)))
             (statusls-test-check text (format "%s: quick fix gives \"%s\"" where (car args))
                                  (statusls-test-code-text line)))))))))

(condition-case err
    (statusls-test-lsp-mode)
  (error (statusls-test-check nil "the test ran to its end" (error-message-string err))))
(statusls-test-finish "lsp-mode")
;;; lsp-mode-test.el ends here
