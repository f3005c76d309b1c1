package analysis

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/statusls/statusls/catalog"
)

// TestReleaseKeepsNoText proves that a scan handed back to the pool holds
// nothing that points into the file it read: every element of its
// buffers, up to their capacity, is zero after release, for each test
// data file scanned with the buffers that the files before it grew.
func TestReleaseKeepsNoText(t *testing.T) {
	c := catalog.Default()
	a := New(c.Ecosystems(), c.Phrases)
	texts := map[string][]byte{
		// A constant met as a mention and as a case: run drops one of
		// the two findings.
		"dropped.go": []byte("package p\n\nfunc f(code int) bool {\n\tswitch code {\n\tcase http.StatusMovedPermanently,\n\t\thttp.StatusFound:\n\t\treturn true\n\t}\n\treturn false\n}\n"),
	}
	files, _ := filepath.Glob("testdata/*/*")
	for _, f := range files {
		if text, err := os.ReadFile(f); err == nil { // not a directory of fuzz inputs
			texts[f] = text
		}
	}
	s := &scan{}
	for _, f := range slices.Sorted(maps.Keys(texts)) {
		text := texts[f]
		a.scans.Put(s)
		s = a.newScan(Detect("", f, text), text, -1)
		s.run()
		a.release(s)
		if s.eng != nil && s.eng.text != nil {
			t.Errorf("%s: after release, the engine keeps the text", f)
		}
		var eng engine
		if s.eng != nil {
			eng = *s.eng
		}
		for name, buf := range map[string]any{"findings": s.findings, "frames": eng.frames, "pending": eng.pending, "armPend": eng.armPend, "yaml": s.yaml} {
			v := reflect.ValueOf(buf)
			for i := range v.Cap() {
				if !v.Slice(0, v.Cap()).Index(i).IsZero() {
					t.Errorf("%s: after release, %s[%d] of %d is not zero", f, name, i, v.Cap())
					break
				}
			}
		}
	}
}
