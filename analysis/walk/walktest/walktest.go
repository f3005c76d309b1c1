// Package walktest builds directory trees for the tests of code that walks
// them (analysis/walk, statusls scan and check), in the manner of
// net/http/httptest: a helper shared by several packages' tests.
package walktest

import (
	"os"
	"testing"
	"testing/fstest"
)

// Tree writes files (slash-separated path → content) under a new temporary
// directory, creating the directories they need, and returns its path.
func Tree(t testing.TB, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, c := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(c)}
	}
	root := t.TempDir()
	if err := os.CopyFS(root, fsys); err != nil {
		t.Fatal(err)
	}
	return root
}
