package baseline_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/check/baseline"
)

// A key does not change when the line is re-indented, nor when the same
// file is named from another working directory; the file round-trips.
func TestKeysAndFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	b, err := baseline.New("ci/statusls-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if baseline.LineHash([]byte("\tw.WriteHeader(532)\r")) != baseline.LineHash([]byte("        w.WriteHeader(532)")) {
		t.Error("re-indenting a line changes its hash")
	}
	if baseline.LineHash([]byte("w.WriteHeader(532)")) == baseline.LineHash([]byte("w.WriteHeader(533)")) {
		t.Error("different lines hash alike")
	}
	k := b.Key("api/main.go", "SL001", baseline.LineHash([]byte("w.WriteHeader(532)")), 1)
	if k.Path != "../api/main.go" {
		t.Errorf("path relative to the baseline's directory = %q, want ../api/main.go", k.Path)
	}
	b.Add(k)
	if err := errors.Join(os.MkdirAll("ci", 0o755), os.MkdirAll("api", 0o755)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("ci/statusls-baseline.json", b.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Chdir("api")
	loaded, err := baseline.Load(filepath.Join("..", "ci", "statusls-baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Contains(loaded.Key("main.go", "SL001", k.Line, 1)) || loaded.Contains(loaded.Key("main.go", "SL001", k.Line, 0)) {
		t.Errorf("loaded baseline: holds occurrence 1 from api/: %v; holds occurrence 0: %v",
			loaded.Contains(loaded.Key("main.go", "SL001", k.Line, 1)), loaded.Contains(loaded.Key("main.go", "SL001", k.Line, 0)))
	}
}

func TestLoadRefusesOtherVersions(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.json")
	os.WriteFile(p, []byte(`{"version": 2, "findings": []}`), 0o644)
	if _, err := baseline.Load(p); err == nil || !strings.Contains(err.Error(), "baseline version 2, want 1: write it again with --write-baseline") {
		t.Errorf("Load of version 2: %v", err)
	}
}
