package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/catalog"
)

// The scanners are tested in package analysis; here findings are built by
// hand, as the scanners would report them, so that each case isolates what
// the rule decides. Each case is one line of a real file: the finding is the
// first occurrence of `code`, and want lists what the rule reports on it as
// "severity: message" and "fix: title → the line after the fix". {500}
// stands for the title the catalogue gives 500, which the message quotes.
func TestUnknownStatusCode(t *testing.T) {
	tests := []struct {
		line     string
		code     string
		kind     analysis.Kind
		where    analysis.Where
		evidence analysis.Evidence
		role     analysis.Role
		vendor   bool
		want     []string
	}{
		{line: `w.WriteHeader(4040)`, code: "4040", want: []string{
			"error: 4040 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)",
		}},
		{line: `return 99;`, code: "99", want: []string{
			"error: 99 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)",
		}},
		{line: `w.WriteHeader(532)`, code: "532", want: []string{
			"warning: 532 is not a registered HTTP status code; clients treat it as {500} (RFC 9110, section 15)",
			"fix: Replace with {500} → w.WriteHeader(500)",
		}},
		// An OpenAPI key is a string; the diagnostic and the fix cover the
		// digits, not the quotes.
		{line: `    '532':`, code: "'532'", kind: analysis.StringLiteral, where: analysis.InString, role: analysis.Documented, want: []string{
			"warning: 532 is not a registered HTTP status code; clients treat it as {500} (RFC 9110, section 15)",
			"fix: Replace with {500} →     '500':",
		}},
		{line: `w.WriteHeader(502)`, code: "502"},
		{line: `// we used to send 4040 here`, code: "4040", where: analysis.InComment},
		{line: `log.Printf("took 4040 ms")`, code: "4040", evidence: analysis.Weak},
		{line: `10.0.0.7 - - [12/Mar/2026:10:01:22 +0000] "GET / HTTP/1.1" 4040 12`, code: "4040", role: analysis.Logged},
	}
	c := catalog.Default()
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			start := strings.Index(tt.line, tt.code)
			f := analysis.Finding{
				Start: start, End: start + len(tt.code),
				Kind: or(tt.kind, analysis.NumericLiteral), Where: or(tt.where, analysis.InCode),
				Evidence: or(tt.evidence, analysis.Strong), Role: or(tt.role, analysis.Status),
			}
			fmt.Sscan(strings.Trim(tt.code, `'"`), &f.Code)
			f.Class = f.Code / 100
			text := []byte(tt.line)
			got := rules.Run(rules.All(), rules.Pass{
				Result: analysis.Result{Language: analysis.Go, Findings: []analysis.Finding{f}},
				Text:   text, Catalog: c, VendorCodes: tt.vendor,
			})
			var lines []string
			for _, d := range got {
				if d.RuleID != "SL001" || string(text[d.Start:d.End]) != strings.Trim(tt.code, `'"`) {
					t.Errorf("diagnostic %s covers %q; want SL001 on the digits of %q", d.RuleID, text[d.Start:d.End], tt.code)
				}
				lines = append(lines, severity(d.Severity)+": "+d.Message)
				for _, fix := range d.Fixes {
					for _, e := range fix.Edits {
						lines = append(lines, fmt.Sprintf("fix: %s → %s", fix.Title, string(text[:e.Start])+e.NewText+string(text[e.End:])))
					}
				}
			}
			title := "500"
			if e, ok := c.Primary(500); ok {
				title = e.Title()
			}
			want := strings.ReplaceAll(strings.Join(tt.want, "\n"), "{500}", title)
			if g, w := strings.Join(lines, "\n"), want; g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func severity(s rules.Severity) string {
	return map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Information: "info", rules.Hint: "hint"}[s]
}

// Every rule has a stable ID of the form SLnnn, a name, a title line, a
// wrong and a right example, and a link, and can be found by either; IDs are unique.
func TestRulesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if len(r.ID) != 5 || !strings.HasPrefix(r.ID, "SL") || seen[r.ID] {
			t.Errorf("rule ID %q is malformed or repeated", r.ID)
		}
		seen[r.ID] = true
		if r.Name == "" || r.Doc == "" || r.Run == nil || r.Severity == 0 {
			t.Errorf("rule %s lacks a name, doc, run function or severity", r.ID)
		}
		if !strings.Contains(r.Doc, "\n\nWrong:\n\t") || !strings.Contains(r.Doc, "\n\nRight:\n\t") {
			t.Errorf("rule %s's doc shows no wrong and right example (statusls explain prints it)", r.ID)
		}
		for _, key := range []string{r.ID, r.Name} {
			if got, ok := rules.ByID(key); !ok || got != r {
				t.Errorf("ByID(%q) does not find rule %s", key, r.ID)
			}
		}
	}
	if got, want := rules.UnknownStatusCode.URL(), "https://pkg.go.dev/github.com/statusls/statusls/analysis/rules#UnknownStatusCode"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	// Every link lands on the variable that declares the rule.
	var src []byte
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		src = append(src, b...)
	}
	for _, r := range rules.All() {
		_, anchor, _ := strings.Cut(r.URL(), "#")
		if !strings.Contains(string(src), "\nvar "+anchor+" = &Rule{") {
			t.Errorf("%s links to #%s, which no variable declares", r.ID, anchor)
		}
	}
}
