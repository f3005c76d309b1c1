package analysis_test

import (
	"strings"
	"testing"

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
