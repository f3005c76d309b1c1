package rules_test

// The rule tests read real-looking files under testdata/<family>/ (a Go
// handler, an nginx site, an OpenAPI document) in which every expected
// diagnostic is annotated at the end of its line:
//
//	w.WriteHeader(299) // @diag SL001=299
//	return 302 https://$host$request_uri; # @diag SL102=302
//	limit_req zone=api burst=20; # @diag SL104=limit_req:info
//
// An item is a rule ID, optionally "=TEXT", the exact text the diagnostic
// covers (the first occurrence on the line at token boundaries, the Nth
// one with TEXT#N), and ":SEVERITY" when it is not the rule's
// default. A diagnostic that is not annotated, or an annotation without
// its diagnostic, fails the test, as in analysistest. The annotations are
// blanked before checking (see analysis/internal/marker). Files whose name
// ends in .txt are read as the name without it (handlers.go.txt is Go), so
// that gofmt and the compiler leave them alone. A .statusls.toml in the
// directory configures its files, as in a workspace.
//
// Fixes are compared with FILE.golden, a txtar archive with one section per
// fix, named "LINE RULE: TITLE" and holding the lines each of its edits
// touches after applying it (separated by "..."), and a section "fix-all" holding the whole file after every
// preferred fix. Run with -update to rewrite them.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/internal/marker"
	"github.com/statusls/statusls/analysis/rules"
)

var update = flag.Bool("update", false, "rewrite the fix goldens under testdata")

func TestTestdata(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata", d.Name())
			var cfg *config.Config
			if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
				if cfg, err = config.Load(filepath.Join(dir, config.FileName)); err != nil {
					t.Fatal(err)
				}
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*"))
			for _, f := range files {
				if strings.HasSuffix(f, ".golden") || filepath.Base(f) == config.FileName {
					continue
				}
				checkFile(t, f, cfg)
			}
		})
	}
}

type wantDiag struct {
	line       int
	rule       string
	start, end int // -1: anywhere on the line
	severity   string
}

func checkFile(t *testing.T, file string, cfg *config.Config) {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var wants []wantDiag
	for _, l := range marker.Extract(src, "@diag") {
		for _, item := range l.Items {
			item, sev, _ := strings.Cut(item, ":")
			rule, text, hasText := strings.Cut(item, "=")
			w := wantDiag{line: l.Num, rule: rule, start: -1, severity: sev}
			if r, ok := rules.ByID(rule); !ok {
				t.Fatalf("%s:%d: @diag %s: no such rule", file, l.Num, rule)
			} else if sev == "" {
				w.severity = severity(r.Severity)
			}
			if hasText {
				nth := 1
				if i := strings.LastIndexByte(text, '#'); i > 0 {
					if n, err := strconv.Atoi(text[i+1:]); err == nil {
						text, nth = text[:i], n
					}
				}
				off := -1
				for from := 0; nth > 0; nth-- {
					if off = marker.FindToken(l.Text, text, from); off < 0 {
						t.Fatalf("%s:%d: @diag %s: %q is not on the line", file, l.Num, item, text)
					}
					from = off + len(text)
				}
				w.start, w.end = l.Start+off, l.Start+off+len(text)
			}
			wants = append(wants, w)
		}
	}
	name := strings.TrimSuffix(file, ".txt")
	opts := rules.Options{Settings: cfg.ForFile(name)}
	diags := rules.CheckFile(name, src, opts)
	// The server checks the full analysis it keeps for hovers; CheckFile
	// analyses code only (analysis.AnalyzeCode). Both must report the same.
	lang := analysis.Detect("", name, src[:min(len(src), 8192)])
	if full := rules.Check(analysis.Analyze(lang, src), src, opts); !reflect.DeepEqual(full, diags) {
		t.Errorf("%s: Check of the full analysis\n%+v\ndiffers from CheckFile\n%+v", file, full, diags)
	}
	lineOf := func(off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }
	used := make([]bool, len(diags))
	for _, w := range wants {
		i := -1
		for k, d := range diags {
			if !used[k] && d.RuleID == w.rule && lineOf(d.Start) == w.line && (w.start < 0 || d.Start == w.start && d.End == w.end) {
				i = k
				break
			}
		}
		if i < 0 {
			what := ""
			if w.start >= 0 {
				what = fmt.Sprintf(" on %q", src[w.start:w.end])
			}
			t.Errorf("%s:%d: missing %s%s", file, w.line, w.rule, what)
			continue
		}
		used[i] = true
		if got := severity(diags[i].Severity); got != w.severity {
			t.Errorf("%s:%d: %s is %s, want %s", file, w.line, w.rule, got, w.severity)
		}
	}
	for i, d := range diags {
		if !used[i] {
			t.Errorf("%s:%d: unexpected %s on %q: %s", file, lineOf(d.Start), d.RuleID, src[d.Start:d.End], d.Message)
		}
		// A message ID the catalogue lacks comes back as the ID itself.
		texts := []string{d.Message}
		for _, f := range d.Fixes {
			texts = append(texts, f.Title)
		}
		for _, s := range texts {
			if strings.Contains(s, "rule.") || placeholder.MatchString(s) {
				t.Errorf("%s:%d: %s has an unknown message or an unfilled placeholder: %q", file, lineOf(d.Start), d.RuleID, s)
			}
		}
	}
	checkFixes(t, file, src, diags)
}

// placeholder matches the placeholders of the catalogue's rule messages,
// which must all be filled.
var placeholder = regexp.MustCompile(`\{(code|title|generic|reference|standing|description|vendor|phrase|helper|name|library|note|message|replacement|directive|value|min|max|status|errors|seen|fix|proxy|line|why|redirect|target|key|operation|kind|rule)\}`)

// checkFixes compares every fix, and all preferred fixes together, with the
// file's golden.
func checkFixes(t *testing.T, file string, src []byte, diags []rules.Diagnostic) {
	ar := &txtar.Archive{}
	lineOf := func(off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }
	for _, d := range diags {
		for _, f := range d.Fixes {
			out := apply(src, f.Edits)
			var regions [][]byte
			delta := 0
			for _, e := range f.Edits {
				ns := e.Start + delta
				ne := ns + len(e.NewText)
				delta += len(e.NewText) - (e.End - e.Start)
				if ne > ns && out[ne-1] == '\n' {
					ne-- // an inserted line: show it, not the one after
				}
				ls := bytes.LastIndexByte(out[:ns], '\n') + 1
				le := len(out)
				if i := bytes.IndexByte(out[max(ne, ls):], '\n'); i >= 0 {
					le = max(ne, ls) + i + 1
				}
				regions = append(regions, out[ls:le])
			}
			ar.Files = append(ar.Files, txtar.File{
				Name: fmt.Sprintf("%d %s: %s", lineOf(d.Start), d.RuleID, f.Title),
				Data: trimLines(bytes.Join(regions, []byte("...\n"))),
			})
		}
	}
	if all := rules.FixAll(diags); len(all) > 0 {
		ar.Files = append(ar.Files, txtar.File{Name: "fix-all", Data: trimLines(apply(src, all))})
	}
	golden := file + ".golden"
	got := txtar.Format(ar)
	if *update {
		if len(ar.Files) == 0 {
			os.Remove(golden)
			return
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil && len(ar.Files) == 0 {
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: fixes differ from %s (run with -update to accept):\n%s", file, golden, got)
	}
}

// apply applies edits in order of position.
func apply(src []byte, edits []rules.Edit) []byte {
	var b bytes.Buffer
	at := 0
	for _, e := range edits {
		b.Write(src[at:e.Start])
		b.WriteString(e.NewText)
		at = e.End
	}
	b.Write(src[at:])
	return b.Bytes()
}

// trimLines drops the blanks that annotations left at line ends.
func trimLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " \t")
	}
	return bytes.Join(lines, []byte("\n"))
}
