// Package editors holds the end-to-end tests of the editor integrations:
// each test starts a real editor (Neovim, Emacs, VS Code served by
// code-server) on a copy of a file from testdata, with the statusls server
// built from this checkout, and checks what the editor shows. The checks
// themselves are written in the editor's language (editors/nvim/test,
// editors/emacs/test, editors/vscode/test/e2e); these Go tests only build,
// launch and report, so that `go test ./...` runs them.
//
// A test whose editor is not installed is skipped with the command that
// installs it, except under CI=true, where it fails: .ci/run installs every
// editor, and a skipped editor test there would hide a broken integration.
package editors

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// statuslsBin is the statusls binary built from this checkout by TestMain.
var statuslsBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statusls-editors-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	statuslsBin = filepath.Join(dir, "statusls")
	build := exec.Command("go", "build", "-o", statuslsBin, "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building statusls:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// need returns the path of an editor's program, or skips the test (fails it
// under CI) when the program is missing.
func need(t *testing.T, program, install string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		unavailable(t, program+" is not installed", install)
	}
	return path
}

// needFile is need for something an install script makes rather than a
// program on PATH.
func needFile(t *testing.T, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		unavailable(t, path+" is missing", install)
	}
}

// unavailable skips a test whose editor is missing, saying how to install
// it, or fails it under CI, where .ci/run installs every editor.
func unavailable(t *testing.T, what, install string) {
	t.Helper()
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatalf("%s, and CI must run this test: .ci/run should run %q", what, install)
	}
	t.Skipf("%s; to run this test: %s", what, install)
}

// workspace copies testdata files into a fresh directory, so that the
// editors' edits and state never touch the repository, and returns it.
func workspace(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// isolatedEnv is the environment for an editor: its home, caches and state
// in a temporary directory, so that neither the user's configuration nor
// the machine's leaks in, and nothing is left behind.
func isolatedEnv(t *testing.T, extra ...string) []string {
	home := t.TempDir()
	env := []string{}
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME":
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"STATUSLS_BIN="+statuslsBin,
	)
	return append(env, extra...)
}

// runScript runs a command of a test's setup, with a deadline that only
// guards against a hang, and fails the test if it fails.
func runScript(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	t.Logf("%s %s:\n%s", filepath.Base(name), strings.Join(args, " "), out.String())
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish: %v", name, ctx.Err())
	}
	if err != nil {
		t.Fatalf("%s: %v (see its output above)", name, err)
	}
	return out.String()
}

// runEditor runs an editor's test script, which prints one "ok"/"FAIL"
// line per check and exits non-zero if any failed; the lines go to the test
// log. A script that checked nothing fails too.
func runEditor(t *testing.T, env []string, name string, args ...string) {
	t.Helper()
	out := runScript(t, env, name, args...)
	if !strings.Contains(out, "ok ") {
		t.Fatalf("%s ran no check", name)
	}
}
