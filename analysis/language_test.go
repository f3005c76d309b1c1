package analysis_test

import (
	"os"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
)

// TestDetect reads testdata/detect/cases.txt: one case per line,
// "languageId | path | content | want", content with \n for newlines.
func TestDetect(t *testing.T) {
	data, err := os.ReadFile("testdata/detect/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			t.Fatalf("cases.txt:%d: want 4 fields", i+1)
		}
		id, p, content, want := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.ReplaceAll(strings.TrimSpace(f[2]), `\n`, "\n"), strings.TrimSpace(f[3])
		if got := analysis.Detect(id, p, []byte(content)); got != analysis.Language(want) {
			t.Errorf("cases.txt:%d: Detect(%q, %q) = %s, want %s", i+1, id, p, got, want)
		}
	}
}
