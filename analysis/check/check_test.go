package check_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/analysis/walk"
)

// tree writes n nginx files, each returning an unregistered code, spread
// over nested directories so that the walk order is not the order of
// creation.
func tree(t *testing.T, n int) string {
	t.Helper()
	root := t.TempDir()
	for i := range n {
		p := filepath.Join(root, fmt.Sprintf("site%d", i%7), fmt.Sprintf("%03d", n-i), "nginx.conf")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, fmt.Appendf(nil, "server {\n    return 532; # site %d\n}\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// However the workers are scheduled, files come back in the walk's order.
func TestRunReportsInWalkOrder(t *testing.T) {
	root := tree(t, 300)
	want, err := walk.List([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	sum, err := check.Run(context.Background(), []string{root}, check.Options{Workers: 4}, func(f *check.File) error {
		if len(f.Findings) != 1 || f.Findings[0].Start.Line != 2 || f.Findings[0].Start.Column != 12 {
			t.Errorf("%s: findings %+v, want one at 2:12", f.Path, f.Findings)
		}
		got = append(got, f.Path)
		return nil
	})
	if err != nil || sum.Checked != 300 || !slices.Equal(got, want) {
		t.Errorf("Run: err %v, %d checked, order equal to the walk's: %v", err, sum.Checked, slices.Equal(got, want))
	}
}

// An error from emit stops the run at once and is returned.
func TestRunStopsOnEmitError(t *testing.T) {
	root := tree(t, 100)
	stop := errors.New("stdout closed")
	calls := 0
	_, err := check.Run(context.Background(), []string{root}, check.Options{Workers: 3}, func(*check.File) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 3 {
		t.Errorf("Run returned %v after %d calls, want %v after 3", err, calls, stop)
	}
}

// The configuration governing a file is the nearest .statusls.toml in its
// directory or above, whether that directory was walked (its listing says)
// or lies above the roots (looked up on disk), and however the roots are
// named, a file among them included.
func TestRunFindsGoverningConfig(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const conf = "server {\n    return 532;\n}\n" // SL001: 532 is not registered
	write(".statusls.toml", "[rules]\nSL001 = \"info\"\n")
	write("svc/.statusls.toml", "[rules]\nSL001 = \"off\"\n")
	for _, dir := range []string{".", "web", "web/deep", "svc", "svc/deep"} {
		write(filepath.Join(dir, "nginx.conf"), conf)
	}
	// What each file's SL001 severity is: information under the root's
	// file, none under svc's.
	want := map[string]rules.Severity{"nginx.conf": rules.Information, "web/nginx.conf": rules.Information, "web/deep/nginx.conf": rules.Information}
	for _, roots := range [][]string{
		{root},
		{filepath.Join(root, "web"), filepath.Join(root, "svc", "deep")},
		{filepath.Join(root, "web", "deep", "nginx.conf"), filepath.Join(root, "svc", "nginx.conf")},
		{filepath.Join(root, "web") + "/./"},
	} {
		got := map[string]rules.Severity{}
		_, err := check.Run(context.Background(), roots, check.Options{}, func(f *check.File) error {
			rel, _ := filepath.Rel(root, f.Path)
			for _, fd := range f.Findings {
				got[filepath.ToSlash(rel)] = fd.Severity
			}
			return f.Err
		})
		if err != nil {
			t.Fatal(err)
		}
		for rel, sev := range got {
			if want[rel] != sev {
				t.Errorf("roots %q: %s has severity %d, want %d", roots, rel, sev, want[rel])
			}
		}
		if len(got) == 0 {
			t.Errorf("roots %q: no findings", roots)
		}
	}
}
