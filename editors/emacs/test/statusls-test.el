;;; statusls-test.el --- what the Emacs end-to-end tests share  -*- lexical-binding: t; -*-

;; The tests run in `emacs --batch' (editors/emacs_test.go), with
;; STATUSLS_BIN and STATUSLS_FILE in the environment, and read the
;; @hover/@diag/@fix markers of editors/testdata files as the Neovim and
;; VS Code tests do.  Each check prints an ok or FAIL line; `statusls-test-finish'
;; exits non-zero if any failed.

;;; Code:

(require 'cl-lib)
(require 'package)

;; Debian's elpa-* packages are activated by package.el, which batch mode
;; does not start by itself.
(package-initialize)

(defconst statusls-test-dir
  (file-name-directory (or load-file-name buffer-file-name)))
(add-to-list 'load-path (expand-file-name ".." statusls-test-dir))

(defvar statusls-test-failures 0)

(defun statusls-test-check (ok what &optional detail)
  "Print an ok or FAIL line for WHAT; count a failure when OK is nil."
  (if ok
      (princ (format "ok   %s\n" what) #'external-debugging-output)
    (setq statusls-test-failures (1+ statusls-test-failures))
    (princ (format "FAIL %s%s\n" what (if detail (format ": %s" detail) ""))
           #'external-debugging-output))
  ok)

(defun statusls-test-finish (name)
  "Print the summary of test NAME and exit with its status."
  (princ (format "%s (Emacs %s): %d failed\n" name emacs-version statusls-test-failures)
         #'external-debugging-output)
  (kill-emacs (if (zerop statusls-test-failures) 0 1)))

(defun statusls-test-wait (pred &optional seconds)
  "Process events until PRED returns non-nil or SECONDS (default 10) pass.
The deadline only guards against a hang; the result is PRED's last value."
  (let ((end (+ (float-time) (or seconds 10)))
        v)
    (while (and (not (setq v (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    v))

(defun statusls-test-markers ()
  "The markers of the current buffer: (LINE POS KIND ARGS) per marker.
POS is the position of the first status code on LINE; lines that are only
a comment describe markers rather than carry them."
  (let (out)
    (save-excursion
      (goto-char (point-min))
      (while (not (eobp))
        (let* ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
               (code-part (car (split-string line "#\\|//")))
               (col (string-match "\\b[0-9][0-9][0-9]\\b" code-part))
               (start 0))
          (unless (string-match-p "\\`[ \t]*\\'" code-part)
            (while (string-match "@\\([a-z]+\\)(\\([^)]*\\))" line start)
              (let ((kind (match-string 1 line))
                    (args (match-string 2 line))
                    list)
                (setq start (match-end 0))
                (let ((s 0))
                  (while (string-match "\"\\([^\"]*\\)\"" args s)
                    (push (match-string 1 args) list)
                    (setq s (match-end 0))))
                (push (list (line-number-at-pos) (+ (line-beginning-position) col) kind (nreverse list)) out)))))
        (forward-line 1)))
    (nreverse out)))

(defun statusls-test-code-text (line)
  "The text of LINE before its comment."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (car (split-string (buffer-substring-no-properties (line-beginning-position) (line-end-position)) "#\\|//"))))

(provide 'statusls-test)
;;; statusls-test.el ends here
