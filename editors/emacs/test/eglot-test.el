;;; eglot-test.el --- statusls in Eglot, end to end  -*- lexical-binding: t; -*-

;; emacs --batch -l editors/emacs/test/eglot-test.el
;; Opens STATUSLS_FILE (an nginx config) in nginx-mode, starts Eglot with
;; editors/emacs/statusls-eglot.el, and checks hover, diagnostics and the
;; quick fix at each marker, and that the settings reach the server.

;;; Code:

(load (expand-file-name "statusls-test.el" (file-name-directory load-file-name)) nil t)
(require 'nginx-mode)
(setq statusls-program (getenv "STATUSLS_BIN"))
(require 'statusls-eglot)

;; The server asks for the "statusls" section; Vietnamese hovers prove the
;; answer arrived.
(setq-default eglot-workspace-configuration
              (plist-put (copy-sequence eglot-workspace-configuration)
                         :statusls '(:locale "vi")))

(defun statusls-test-eglot ()
  (find-file (getenv "STATUSLS_FILE"))
  (statusls-test-check (eq major-mode 'nginx-mode) "nginx-mode is on" major-mode)
  (apply #'eglot (eglot--guess-contact))
  (let ((server (statusls-test-wait #'eglot-current-server)))
    (statusls-test-check server "Eglot connected to statusls")
    (statusls-test-check (statusls-test-wait (lambda () (flymake-diagnostics)))
                         "diagnostics arrived")
    (dolist (m (statusls-test-markers))
      (cl-destructuring-bind (line pos kind args) m
        (goto-char pos)
        (let ((where (format "line %d" line)))
          (pcase kind
            ("hover"
             (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                    (text (plist-get (plist-get hover :contents) :value)))
               (statusls-test-check (and text (string-search (car args) text))
                                    (format "%s: hover shows \"%s\"" where (car args)) text)
               (statusls-test-check (and text (string-search "máy chủ" text))
                                    (format "%s: hover is in Vietnamese, as the settings ask" where) text)))
            ("diag"
             ;; The settings ask for Vietnamese, so the rule's ID finds the
             ;; diagnostic and the text is checked for the language.
             (let ((d (cl-find-if (lambda (d)
                                    (and (= (flymake-diagnostic-beg d) pos)
                                         (string-search (format "[%s]" (car args)) (flymake-diagnostic-text d))))
                                  (flymake-diagnostics (line-beginning-position) (line-end-position)))))
               (statusls-test-check d (format "%s: diagnostic %s on the code" where (car args))
                                    (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))
               (statusls-test-check (and d (string-search "mã trạng thái" (flymake-diagnostic-text d)))
                                    (format "%s: the diagnostic is in Vietnamese, as the settings ask" where)
                                    (and d (flymake-diagnostic-text d)))))
            ("fix"
             ;; Choose the preferred fix in Eglot's menu, as a user would:
             ;; the menu is a completing-read when the last event was no
             ;; mouse click.
             (let* ((actions (eglot-code-actions pos (+ pos 3) "quickfix"))
                    (preferred (or (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                                   (car actions)))
                    (last-nonmenu-event 'key))
               (statusls-test-check preferred (format "%s: a quick fix is offered" where))
               (cl-letf (((symbol-function 'completing-read)
                          (lambda (&rest _) (plist-get preferred :title))))
                 (eglot-code-actions pos (+ pos 3) "quickfix" t)))
             (let ((text (statusls-test-wait
                          (lambda ()
                            (let ((s (statusls-test-code-text line)))
                              (and (string-search (car args) s) s)))
                          5)))
               (statusls-test-check text (format "%s: quick fix gives \"%s\"" where (car args))
                                    (statusls-test-code-text line))))))))
    (eglot-shutdown server)))

(condition-case err
    (statusls-test-eglot)
  (error (statusls-test-check nil "the test ran to its end" (error-message-string err))))
(statusls-test-finish "eglot")
;;; eglot-test.el ends here
