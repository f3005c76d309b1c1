package server

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/txtar"

	"github.com/statusls/statusls/server/position"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*.txtar")

// TestMarkers runs the feature tests written as marker files, in the manner
// of gopls: each testdata/*.txtar archive holds real files in the formats
// statusls reads, and expectations sit on the line they concern:
//
//	w.WriteHeader(502) //@hover("502", "502.md"), inlay("502", "Bad Gateway")
//
//	hover(pattern, golden)   hovering the pattern's first character shows the
//	                         section "-- golden --"; golden none: no hover
//	diag(pattern, rule, severity)
//	                         a diagnostic covers exactly the pattern
//	fix(pattern, title)      the diagnostic on the pattern has this quick fix
//	inlay(pattern, label)    a hint with this label follows the pattern
//	complete(pattern, labels...)
//	                         completing just after the pattern offers these
//	                         items first, in this order; with no labels,
//	                         nothing
//
// The pattern is the first occurrence of the text on the line. Diagnostics
// and inlay hints not marked are errors, as in analysistest. A section
// "-- @fixall/NAME --" holds file NAME after source.fixAll.statusls.
// Run with -update to rewrite the hover goldens.
func TestMarkers(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runMarkerFile(t, file)
		})
	}
}

var (
	// A line's markers follow "//@" or "#@", the first one named there and
	// the others after commas: //@hover("502", "502.md"), inlay("502", "Bad Gateway").
	markerStart = regexp.MustCompile(`(//|#)@`)
	markerRE    = regexp.MustCompile(`(\w+)\(((?:"(?:[^"\\]|\\.)*"|[^)"])*)\)`)
	languages   = map[string]string{
		".go": "go", ".conf": "nginx", ".yaml": "yaml", ".yml": "yaml", ".js": "javascript",
		".ts": "typescript", ".py": "python", ".json": "json", ".http": "http", ".txt": "plaintext", ".htaccess": "apacheconf",
		".java": "java",
	}
)

type marker struct {
	name  string
	args  []string
	line  int
	start int // byte offset of the pattern in the file
	end   int
}

func runMarkerFile(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]byte{}
	for _, f := range ar.Files {
		sections[f.Name] = f.Data
	}
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	changed := false
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "@") || strings.HasSuffix(f.Name, ".md") {
			continue // an expected result: @fixall/handler.go, or a hover's page
		}
		lang, ok := languages[filepath.Ext(f.Name)]
		if !ok {
			t.Errorf("%s: no language for its extension; add it to languages", f.Name)
			continue
		}
		u := uri.File("/work/" + f.Name)
		c.open(t, u, lang, string(f.Data))
		pushed := c.nextDiagnostics(t)
		m := position.NewMapper(f.Data)
		at := func(off int) protocol.Position {
			p, _ := m.OffsetPosition(off, position.UTF16)
			return toProtocol(p)
		}
		span := func(r protocol.Range) string {
			s := m.PositionOffset(position.Position{Line: int(r.Start.Line), Character: int(r.Start.Character)}, position.UTF16)
			e := m.PositionOffset(position.Position{Line: int(r.End.Line), Character: int(r.End.Character)}, position.UTF16)
			return fmt.Sprintf("%d:%d-%d:%d %q", r.Start.Line+1, r.Start.Character, r.End.Line+1, r.End.Character, f.Data[s:e])
		}
		markers := parseMarkers(t, f.Name, f.Data)
		diags := map[string]protocol.Diagnostic{}
		for _, d := range pushed.Diagnostics {
			diags[span(d.Range)] = d
		}
		hints, err := c.server.InlayHint(c.ctx, &protocol.InlayHintParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u},
			Range:        protocol.Range{End: at(len(f.Data))},
		})
		if err != nil {
			t.Fatal(err)
		}
		unmarkedHints := slices.Clone(hints)
		for _, mk := range markers {
			where := fmt.Sprintf("%s:%d: @%s%q", f.Name, mk.line, mk.name, mk.args)
			switch mk.name {
			case "hover":
				h, err := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
					TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: at(mk.start),
				}})
				if err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				got := ""
				if h != nil {
					got = h.Contents.(*protocol.MarkupContent).Value
				}
				golden := mk.args[1]
				if golden == "none" {
					if h != nil {
						t.Errorf("%s: unexpected hover:\n%s", where, got)
					}
					continue
				}
				if *update {
					sections[golden] = []byte(got)
					changed = true
				} else if want := string(sections[golden]); got != want {
					t.Errorf("%s: hover differs from %s (run with -update to accept):\n%s", where, golden, got)
				}
			case "diag":
				key := span(protocol.Range{Start: at(mk.start), End: at(mk.end)})
				d, ok := diags[key]
				delete(diags, key)
				if !ok {
					t.Errorf("%s: no diagnostic on %s", where, key)
					continue
				}
				if got := fmt.Sprintf("%v %s", d.Code, severityName(d.Severity)); got != mk.args[1]+" "+mk.args[2] {
					t.Errorf("%s: diagnostic is %s", where, got)
				}
				if src, _ := d.Source.Get(); src != "statusls" || d.CodeDescription.Href == "" {
					t.Errorf("%s: diagnostic lacks source or documentation link: %+v", where, d)
				}
			case "fix":
				key := span(protocol.Range{Start: at(mk.start), End: at(mk.end)})
				var on []protocol.Diagnostic
				for _, d := range pushed.Diagnostics {
					if span(d.Range) == key {
						on = append(on, d)
					}
				}
				actions, err := c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
					TextDocument: protocol.TextDocumentIdentifier{URI: u},
					Range:        protocol.Range{Start: at(mk.start), End: at(mk.end)},
					Context:      protocol.CodeActionContext{Diagnostics: on},
				})
				if err != nil {
					t.Errorf("%s: %v", where, err)
				}
				var titles []string
				for _, a := range actions {
					titles = append(titles, a.(*protocol.CodeAction).Title)
				}
				if !slices.Contains(titles, mk.args[1]) {
					t.Errorf("%s: quick fixes are %q", where, titles)
				}
			case "inlay":
				want := at(mk.end)
				i := slices.IndexFunc(unmarkedHints, func(h protocol.InlayHint) bool {
					return h.Position == want && string(h.Label.(protocol.String)) == mk.args[1]
				})
				if i < 0 {
					t.Errorf("%s: no inlay hint %q at %d:%d", where, mk.args[1], want.Line+1, want.Character)
					continue
				}
				unmarkedHints = slices.Delete(unmarkedHints, i, i+1)
			case "complete":
				res, err := c.server.Completion(c.ctx, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
					TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: at(mk.end),
				}})
				if err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				items := res.(*protocol.CompletionList).Items
				// Order as an editor does: by sortText, then label.
				slices.SortStableFunc(items, func(a, b protocol.CompletionItem) int {
					sa, _ := a.SortText.Get()
					sb, _ := b.SortText.Get()
					return strings.Compare(sa+"\x00"+a.Label, sb+"\x00"+b.Label)
				})
				var got []string
				for _, it := range items[:min(len(items), len(mk.args)-1)] {
					got = append(got, it.Label)
				}
				if want := mk.args[1:]; !slices.Equal(got, want) || (len(want) == 0 && len(items) > 0) {
					t.Errorf("%s: completion offers %q first (%d items)", where, got, len(items))
				}
			default:
				t.Errorf("%s: unknown marker", where)
			}
		}
		for key, d := range diags {
			t.Errorf("%s: unexpected diagnostic %v on %s: %v", f.Name, d.Code, key, d.Message)
		}
		for _, h := range unmarkedHints {
			t.Errorf("%s:%d:%d: unexpected inlay hint %q", f.Name, h.Position.Line+1, h.Position.Character, h.Label)
		}
		if want, ok := sections["@fixall/"+f.Name]; ok {
			got := applyFixAll(t, c, u, f.Data, m)
			if got != string(want) {
				t.Errorf("%s after fixAll:\n%s\nwant:\n%s", f.Name, got, want)
			}
		}
	}
	if changed {
		for i, f := range ar.Files {
			ar.Files[i].Data = sections[f.Name]
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// applyFixAll asks for source.fixAll.statusls and applies its edit.
func applyFixAll(t *testing.T, c *testClient, u uri.URI, text []byte, m *position.Mapper) string {
	actions, err := c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{protocol.CodeActionKindSourceFixAll}},
	})
	if err != nil || len(actions) != 1 {
		t.Fatalf("fixAll: %d actions, %v", len(actions), err)
	}
	edit := actions[0].(*protocol.CodeAction).Edit.DocumentChanges[0].(*protocol.TextDocumentEdit)
	out := slices.Clone(text)
	// Apply from the end so that earlier offsets stay valid.
	for i := len(edit.Edits) - 1; i >= 0; i-- {
		e := edit.Edits[i].(*protocol.TextEdit)
		s := m.PositionOffset(position.Position{Line: int(e.Range.Start.Line), Character: int(e.Range.Start.Character)}, position.UTF16)
		en := m.PositionOffset(position.Position{Line: int(e.Range.End.Line), Character: int(e.Range.End.Character)}, position.UTF16)
		out = slices.Concat(out[:s], []byte(e.NewText), out[en:])
	}
	return string(out)
}

func severityName(s protocol.DiagnosticSeverity) string {
	return map[protocol.DiagnosticSeverity]string{1: "error", 2: "warning", 3: "info", 4: "hint"}[s]
}

// parseMarkers finds the markers of each line and resolves their patterns.
func parseMarkers(t *testing.T, name string, data []byte) []marker {
	var out []marker
	offset := 0
	for i, line := range bytes.SplitAfter(data, []byte("\n")) {
		loc := markerStart.FindIndex(line)
		if loc == nil {
			offset += len(line)
			continue
		}
		code := line[:loc[0]]
		for _, m := range markerRE.FindAllSubmatch(line[loc[1]:], -1) {
			args := splitArgs(t, string(m[2]))
			if len(args) == 0 {
				t.Fatalf("%s:%d: marker without arguments", name, i+1)
			}
			at := bytes.Index(code, []byte(args[0]))
			if at < 0 {
				t.Fatalf("%s:%d: pattern %q not on the line", name, i+1, args[0])
			}
			out = append(out, marker{name: string(m[1]), args: args, line: i + 1, start: offset + at, end: offset + at + len(args[0])})
		}
		offset += len(line)
	}
	return out
}

// splitArgs reads comma-separated Go string literals and bare words.
func splitArgs(t *testing.T, s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimLeft(s, ", ") {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				t.Fatalf("bad marker argument %s", s)
			}
			v, _ := strconv.Unquote(q)
			out = append(out, v)
			s = s[len(q):]
			continue
		}
		word, rest, _ := strings.Cut(s, ",")
		out = append(out, strings.TrimSpace(word))
		s = rest
	}
	return out
}
