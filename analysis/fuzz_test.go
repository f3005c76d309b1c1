package analysis_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/statusls/statusls/analysis"
)

var fuzzLanguages = []analysis.Language{
	analysis.Go, analysis.JavaScript, analysis.TypeScript, analysis.Python, analysis.Java, analysis.Kotlin,
	analysis.CSharp, analysis.Rust, analysis.PHP, analysis.Ruby, analysis.Lua, analysis.Nginx, analysis.Apache,
	analysis.HAProxy, analysis.Caddy, analysis.YAML, analysis.JSON, analysis.HTTP, analysis.AccessLog, analysis.Plain,
}

// addSeeds adds every annotated test file as a seed, for its own scanner.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*")
	for _, p := range files {
		lang := analysis.Language(filepath.Base(filepath.Dir(p)))
		for i, l := range fuzzLanguages {
			if l == lang {
				text, err := os.ReadFile(p)
				if err == nil {
					f.Add(uint8(i), text, uint16(len(text)/2))
				}
			}
		}
	}
}

// FuzzAnalyze checks every scanner on arbitrary text: no panic, findings
// inside the text, in order, not overlapping, on UTF-8 boundaries; and
// SlotAt at an arbitrary offset does not panic and reports a typed span
// that ends at the cursor.
func FuzzAnalyze(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, li uint8, text []byte, at uint16) {
		lang := fuzzLanguages[int(li)%len(fuzzLanguages)]
		res := fixture.Analyze(lang, text)
		prev := 0
		for _, fd := range res.Findings {
			if fd.Start < prev || fd.End <= fd.Start || fd.End > len(text) {
				t.Fatalf("%s: bad span %d-%d (previous end %d, len %d)", lang, fd.Start, fd.End, prev, len(text))
			}
			if !utf8.RuneStart(text[fd.Start]) || fd.End < len(text) && !utf8.RuneStart(text[fd.End]) {
				t.Fatalf("%s: span %d-%d is not on UTF-8 boundaries", lang, fd.Start, fd.End)
			}
			prev = fd.End
		}
		off := int(at) % (len(text) + 1)
		if sl, ok := fixture.SlotAt(lang, text, off); ok && (sl.End != off || sl.Start > sl.End) {
			t.Fatalf("%s: SlotAt(%d) span %d-%d", lang, off, sl.Start, sl.End)
		}
	})
}
