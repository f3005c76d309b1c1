package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/rules"
)

// Any text, checked as any of the formats of the test files, gives
// diagnostics and edits inside the text, in order, never a panic: the
// nginx, Apache and OpenAPI readers and the position mapping behind them
// meet broken files in editors all the time. The test files are the seeds.
func FuzzCheckFile(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*")
	var names []string
	for _, p := range files {
		if strings.HasSuffix(p, ".golden") || strings.HasSuffix(p, ".toml") {
			continue
		}
		text, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(len(names)), text)
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".txt"))
	}
	f.Fuzz(func(t *testing.T, which uint8, text []byte) {
		name := names[int(which)%len(names)]
		for _, d := range rules.CheckFile(name, text, rules.Options{}) {
			if d.Start < 0 || d.Start > d.End || d.End > len(text) {
				t.Fatalf("%s: %s spans %d:%d of %d bytes", name, d.RuleID, d.Start, d.End, len(text))
			}
			for _, fix := range d.Fixes {
				at := 0
				for _, e := range fix.Edits {
					if e.Start < at || e.Start > e.End || e.End > len(text) {
						t.Fatalf("%s: %s fix %q edits %d:%d of %d bytes", name, d.RuleID, fix.Title, e.Start, e.End, len(text))
					}
					at = e.End
				}
			}
		}
	})
}
