package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
)

// CheckFile runs the whole pipeline from a path and text: the format comes
// from the name, suppressions from the comments, levels from the settings.
func TestCheckFile(t *testing.T) {
	src := `package orders

import "net/http"

func legacy(w http.ResponseWriter) {
	w.WriteHeader(4040)
	w.WriteHeader(299) // statusls:ignore SL001 the partner's client expects it
	// statusls:ignore unknown-status-code
	w.WriteHeader(298)
}
`
	pos := func(i int) string {
		return fmt.Sprintf("%d:%d", strings.Count(src[:i], "\n")+1, i-strings.LastIndex(src[:i], "\n"))
	}
	at := func(text string) string { return pos(strings.Index(src, text)) }
	for _, tt := range []struct {
		name  string
		rules map[string]config.Level
		want  []string
	}{
		{"defaults", nil, []string{
			"SL001 error " + at("4040"),
			"SL901 warning " + at("statusls:ignore unknown"),
		}},
		{"by name, severity changed", map[string]config.Level{"unknown-status-code": config.Hint}, []string{
			"SL001 hint " + at("4040"),
			"SL901 warning " + at("statusls:ignore unknown"),
		}},
		{"rules off", map[string]config.Level{"SL001": config.Off, "SL901": config.Off}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range rules.CheckFile("internal/orders/legacy.go", []byte(src), rules.Options{Settings: config.Settings{Rules: tt.rules}}) {
				got = append(got, fmt.Sprintf("%s %s %s", d.RuleID, severity(d.Severity), pos(d.Start)))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
