package editors

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmacs opens an nginx config in batch Emacs with each of the two LSP
// clients, using the configs of editors/emacs, and checks hover (in the
// locale the settings ask for), diagnostics and the quick fix
// (editors/emacs/test/*-test.el).
func TestEmacs(t *testing.T) {
	emacs := need(t, "emacs", "apt-get install emacs-nox")
	for _, client := range []struct{ name, library, pkg string }{
		{"eglot", "eglot", "elpa-eglot"},
		{"lsp-mode", "lsp-mode", "elpa-lsp-mode"},
	} {
		t.Run(client.name, func(t *testing.T) {
			needLisp(t, emacs, []string{client.library, "nginx-mode"}, "apt-get install "+client.pkg+" elpa-nginx-mode")
			dir := workspace(t, "nginx.conf")
			script, err := filepath.Abs(filepath.Join("emacs", "test", client.name+"-test.el"))
			if err != nil {
				t.Fatal(err)
			}
			env := isolatedEnv(t, "STATUSLS_FILE="+filepath.Join(dir, "nginx.conf"))
			runEditor(t, env, emacs, "--batch", "-l", script)
		})
	}
}

// needLisp is need for Emacs Lisp libraries, which Debian's elpa-*
// packages install for package.el to activate.
func needLisp(t *testing.T, emacs string, libraries []string, install string) {
	t.Helper()
	var missing []string
	for _, lib := range libraries {
		out, err := exec.Command(emacs, "--batch", "--eval",
			`(progn (package-initialize) (princ (if (locate-library "`+lib+`") "found" "missing")))`).Output()
		if err != nil || !strings.Contains(string(out), "found") {
			missing = append(missing, lib)
		}
	}
	if len(missing) > 0 {
		unavailable(t, "Emacs lacks "+strings.Join(missing, ", "), install)
	}
}
