//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/statusls/statusls/analysis/walk/walktest"
)

// An unreadable file is one line on stderr and exit code 2, and every other
// file is still checked. Root reads files whatever their mode, so as root
// (CI runs as root) the built binary runs as the unprivileged user nobody.
func TestCheckUnreadableFile(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		"a/secret.go": "package a\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
		"b/main.go":   "package b\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
	})
	if err := os.Chmod(filepath.Join(root, "a", "secret.go"), 0o000); err != nil {
		t.Fatal(err)
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "check", ".")
	cmd.Dir = root
	if os.Geteuid() == 0 {
		const nobody = 65534
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		// nobody must reach the binary and the tree through their
		// temporary directories, which are private to their creator.
		for _, dir := range []string{filepath.Dir(bin), filepath.Dir(root)} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("exit: %v, want 2; stderr:\n%s", err, stderr.String())
	}
	if want := "statusls check: open a/secret.go: permission denied\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if !strings.HasPrefix(stdout.String(), "b/main.go:3:47: error SL001 4040") {
		t.Errorf("stdout %q lacks the other file's finding", stdout.String())
	}
}
