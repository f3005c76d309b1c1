package walk_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/walk/walktest"

	"github.com/statusls/statusls/analysis/walk"
)

func TestListHonoursGitignore(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		".gitignore":           "node_modules/\n*.min.js\n/build\n!keep.min.js\n",
		".htaccess":            "ErrorDocument 404 /404.html\n",
		".git/config":          "[core]\n",
		"main.go":              "package main\n",
		"keep.min.js":          "res.status(404)\n",
		"app.min.js":           "res.status(404)\n",
		"build/out.js":         "x\n",
		"web/build/page.js":    "kept: /build is anchored to the root\n",
		"node_modules/x/a.js":  "x\n",
		"svc/.gitignore":       "generated.yaml\n",
		"svc/generated.yaml":   "x\n",
		"svc/openapi.yaml":     "responses:\n",
		"other/generated.yaml": "not ignored: the pattern belongs to svc/\n",
		"sites-available/shop": "server { return 301 https://x; }\n",
	})
	got, err := walk.List([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i], _ = filepath.Rel(root, got[i])
		got[i] = filepath.ToSlash(got[i])
	}
	want := []string{".gitignore", ".htaccess", "keep.min.js", "main.go", "other/generated.yaml",
		"sites-available/shop", "svc/.gitignore", "svc/openapi.yaml", "web/build/page.js"}
	if !slices.Equal(got, want) {
		t.Errorf("List =\n%q\nwant\n%q", got, want)
	}
}

func TestReadSkipsBinaryAndLargeFiles(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		"logo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"big.json":  `{"status": 200, "pad": "` + strings.Repeat("x", 2000) + `"}`,
		"small.yml": "status: 200\n",
	})
	opts := walk.Options{MaxSize: 1000}
	if _, err := walk.Read(filepath.Join(root, "logo.png"), opts); !errors.Is(err, walk.ErrSkipped) || !errors.Is(err, walk.ErrBinary) {
		t.Errorf("binary file: err = %v, want ErrBinary, an ErrSkipped", err)
	}
	if _, err := walk.Read(filepath.Join(root, "big.json"), opts); !errors.Is(err, walk.ErrSkipped) || !errors.Is(err, walk.ErrTooLarge) {
		t.Errorf("large file: err = %v, want ErrTooLarge, an ErrSkipped", err)
	}
	if data, err := walk.Read(filepath.Join(root, "small.yml"), opts); err != nil || string(data) != "status: 200\n" {
		t.Errorf("small file: %q, %v", data, err)
	}
	if _, err := walk.List([]string{filepath.Join(root, "missing")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing root: err = %v, want not exist", err)
	}
}

// AppendFile reuses the buffer it is given, whatever it held before.
func TestAppendFileReusesBuffer(t *testing.T) {
	root := walktest.Tree(t, map[string]string{"a.conf": "return 404;\n", "b.conf": "return 301 https://x;\n"})
	buf := make([]byte, 0, 64)
	a, err := walk.AppendFile(buf, filepath.Join(root, "a.conf"), walk.Options{})
	if err != nil || string(a) != "return 404;\n" {
		t.Fatalf("a.conf: %q, %v", a, err)
	}
	b, err := walk.AppendFile(a, filepath.Join(root, "b.conf"), walk.Options{})
	if err != nil || string(b) != "return 301 https://x;\n" || &b[0] != &buf[:1][0] {
		t.Errorf("b.conf: %q, %v; same backing array: %v", b, err, &b[0] == &buf[:1][0])
	}
}

// Walk hands out files as it finds them, in the order List returns; symbolic
// links inside a tree, broken or not, are not followed, while a missing root
// is an error that does not stop the other roots; an error from the visitor
// stops the walk.
func TestWalkStreamsAndStops(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		"sites-available/shop": "return 301 https://x;\n",
		"b/x.go":               "package b\n",
		"a.go":                 "package a\n",
	})
	if err := os.Symlink("../sites-available/shop", filepath.Join(root, "b", "shop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(root, "b", "broken")); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := walk.Walk([]string{filepath.Join(root, "missing"), root, filepath.Join(root, "a.go")}, func(p string, dir *walk.Dir) error {
		rel, _ := filepath.Rel(root, p)
		got = append(got, filepath.ToSlash(rel))
		// Each file comes with the listing of its directory, and that with
		// its parent's up to the root; a root file comes with none.
		var chain []string
		for d := dir; d != nil; d = d.Parent {
			if !d.Has(filepath.Base(p)) && d == dir || d.Has("missing") {
				t.Errorf("%s: the listing of %s does not say what is in it", rel, d.Path)
			}
			r, _ := filepath.Rel(root, d.Path)
			chain = append(chain, filepath.ToSlash(r))
		}
		if want := map[string][]string{"a.go": {"."}, "b/x.go": {"b", "."}, "sites-available/shop": {"sites-available", "."}}[got[len(got)-1]]; len(got) > 3 && chain != nil || len(got) <= 3 && !slices.Equal(chain, want) {
			t.Errorf("%s (visit %d) came with directories %q, want %q (none for a root file)", rel, len(got), chain, want)
		}
		return nil
	})
	if want := []string{"a.go", "b/x.go", "sites-available/shop", "a.go"}; !slices.Equal(got, want) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Walk visited %q, err %v; want %q and a not-exist error", got, err, want)
	}
	stop := errors.New("enough")
	n := 0
	err = walk.Walk([]string{root}, func(string, *walk.Dir) error { n++; return stop })
	if n != 1 || err != stop {
		t.Errorf("visitor error: %d visits, err %v; want 1 visit and the visitor's error", n, err)
	}
}
