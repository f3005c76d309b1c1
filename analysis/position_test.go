package analysis_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/statusls/statusls/analysis"
)

// Each case marks an offset with «»; the cursor gives its line, byte column
// and UTF-16 column, and the text of its line.
func TestLineCursor(t *testing.T) {
	text := "server {\r\n" +
		"    # «é»rreur 502\r\n" +
		"    return «404»;\n" +
		"}\n" +
		"# 🙂 «503»\n" +
		"«»"
	tests := []struct {
		mark string
		want analysis.Pos
		line string
	}{
		{"«é»", analysis.Pos{Line: 2, Column: 7, UTF16Column: 7}, "    # érreur 502"},
		{"«404»", analysis.Pos{Line: 3, Column: 12, UTF16Column: 12}, "    return 404;"},
		{"«503»", analysis.Pos{Line: 5, Column: 8, UTF16Column: 6}, "# 🙂 503"},
		{"«»", analysis.Pos{Line: 6, Column: 1, UTF16Column: 1}, ""},
	}
	unmark := strings.NewReplacer("«", "", "»", "")
	c := analysis.NewLineCursor([]byte(unmark.Replace(text)))
	for _, back := range []bool{false, true} { // in order, then again from the top
		for _, tt := range tests {
			off := len(unmark.Replace(text[:strings.Index(text, tt.mark)]))
			if got := c.At(off); got != tt.want || string(c.Line()) != tt.line {
				t.Errorf("At(%s) = %+v on line %q, want %+v on %q (second pass: %v)", tt.mark, got, c.Line(), tt.want, tt.line, back)
			}
		}
	}
}

// FuzzLineCursor compares the cursor with a slow, obvious computation at
// offsets visited in increasing order and then back from the top: line =
// newlines before the offset plus one, byte column = distance from the
// line's start plus one, UTF-16 column = the UTF-16 length of the decoded
// runes from the line's start, plus one.
func FuzzLineCursor(f *testing.F) {
	f.Add([]byte("server {\r\n    return 404;\n}\n"), uint16(17), uint16(3))
	f.Add([]byte("# 🙂 503\n\xff\xfe 502"), uint16(7), uint16(12))
	f.Add([]byte(""), uint16(0), uint16(0))
	// An offset inside a character (found by fuzzing; the seeds stay in
	// code, since the other tests read every file under testdata/*/ as a
	// language sample).
	f.Add([]byte("0🙂00"), uint16(4), uint16(4))
	f.Fuzz(func(t *testing.T, text []byte, a, b uint16) {
		offs := []int{int(a) % (len(text) + 1), int(b) % (len(text) + 1)}
		slices.Sort(offs)
		c := analysis.NewLineCursor(text)
		for _, off := range append(offs, offs[0]) {
			lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
			n := 0
			for _, r := range string(text[lineStart:off]) {
				n += len(utf16.Encode([]rune{r}))
			}
			want := analysis.Pos{Line: bytes.Count(text[:off], []byte("\n")) + 1, Column: off - lineStart + 1, UTF16Column: n + 1}
			line := text[lineStart:]
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			line = bytes.TrimSuffix(line, []byte("\r"))
			if got := c.At(off); got != want || !bytes.Equal(c.Line(), line) {
				t.Fatalf("At(%d) = %+v, line %q; want %+v, line %q", off, got, c.Line(), want, line)
			}
		}
	})
}
