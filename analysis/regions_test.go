package analysis

import (
	"bytes"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/internal/marker"
	"github.com/statusls/statusls/catalog"
)

// TestRegionsKeepFindings proves that skipping regions without candidates
// (regions.go) changes no finding: every test data file, its twin with the
// digits 1-9 made 0 (where only slots accepting any integer report), and,
// unless -short, a sample of the Go distribution's sources are analysed
// with and without skipping, and the findings must be identical. So must
// those of AnalyzeCode, with and without skipping, and Analyze's less the
// ones in comments (see sameFindings).
func TestRegionsKeepFindings(t *testing.T) {
	c := catalog.Default()
	skipping, whole := New(c.Ecosystems(), c.Phrases), New(c.Ecosystems(), c.Phrases)
	whole.wholeFiles = true

	compare := func(name string, lang Language, text []byte) {
		t.Helper()
		sameFindings(t, name, lang, text, skipping, whole)
	}
	// Shapes where a region that holds no candidate itself changes what a
	// later one means.
	compare("python alias", Python, []byte(`import requests
from requests import codes as rc


def check(r):
    return r.status_code == rc.not_found
`))
	compare("python alias in brackets", Python, []byte("from http import (\n    HTTPStatus as S,\n)\n\n\ndef f(r):\n    return r.status_code == S.NOT_FOUND\n"))
	// as renames to any effect only after a qualifier of constants
	// (triggers.renamesQualifier); a comment may stand between.
	compare("python alias of a module", Python, []byte("import numpy as np\n\n\ndef f(r):\n    return np.zeros(404)\n"))
	compare("python alias after a comment", Python, []byte("from http import (HTTPStatus  # the enum\n    as S)\n\n\ndef f(r):\n    return r.status_code == S.NOT_FOUND\n"))
	// A class deriving from the file's own error class is one, in the
	// region scan as in the engine (pythonErrorClasses).
	compare("python family of error classes", Python, []byte("class Base(HTTPException):\n    pass\n\n\nx = 1\n\n\nclass Gone(Base):\n    y = 2\n    code = 410\n\n\nclass HTTPOk(Base):\n    z = 3\n    code = 200\n"))
	compare("python import without alias", Python, []byte("import json\nwith open(p) as f:\n    x = f\n"))
	compare("go alias", Go, []byte(`package p

import nethttp "net/http"

func fail(w nethttp.ResponseWriter) {
	nethttp.Error(w, "gone", 0)
}
`))
	// The engine takes an import's path as go/scanner reads it: cut short
	// by the line's end, raw, or after a name on another line.
	compare("unterminated aliased import", Go, []byte("import nethttp \"net/http\n0\nfunc nethttp.StatusBadRequest"))
	compare("raw aliased import", Go, []byte("package p\n\nimport nethttp `net/http`\n\nfunc f() { nethttp.Error(w, \"x\", 0) }\n"))
	compare("alias on another line", Go, []byte("package p\n\nimport (\n\tnethttp // c\n\t\"net/http\"\n)\n\nfunc f() { x := nethttp.StatusOK }\n"))
	// Found by FuzzRegionsKeepFindings: lexers split $ off a number, and an
	// unterminated string has no closing quote to leave out of its text.
	compare("dollar before a number", Go, []byte("A\x93.Error(,$400"))
	compare("dollar before a number", JavaScript, []byte("x.Error(,$400)\n"))
	compare("unterminated string", Go, []byte(`"A 1000`))
	compare("unterminated char literal", Kotlin, []byte(`'\A 1000`))
	// go/scanner drops carriage returns from raw strings and comments.
	compare("carriage return in a raw string", Go, []byte("`\r0A  5000"))
	compare("unterminated long string", Lua, []byte("[[A 10000"))
	// A statement's end inside a call's brackets is no place to cut: the
	// call's frame (an assertion) pairs what comes before and after.
	compare("statement end in brackets", JavaScript, []byte("Equal(100;\nRespons.Code"))
	// Frames a region starts in: a function's body takes status = 302
	// where the top level does not, and a class named for a response
	// makes its code a status.
	compare("statement in a function body", JavaScript, []byte("function f() {\n  var x;\n  var status = 302;\n}\n"))
	compare("statement in a class body", JavaScript, []byte("class ErrorResponse {\n  constructor() {\n    this.x = 1;\n    this.code = 404;\n  }\n}\n"))
	// Specs of a const or var group that are a name and a number are
	// skipped unless the name says status (triggers.plainSpec).
	compare("specs of a group", Go, []byte("package p\n\nconst (\n\tSYS_OPENAT = 257 // { int openat(int fd); }\n"+
		"\tExpectedStatus = 404\n\tTeapot Code = 418\n\tretryCode = 503 // retry\n\tfallback = 500 // 404 when missing\n"+
		"\tstatusOK int = 200\n\tStatusTeapot = 418\n)\n\nvar (\n\tdefaultStatus = 502\n\tplain = 404\n\tcodes = []int{404}\n)\n"))
	compare("switch word before a brace", TypeScript, []byte("when }\n.Code{100->"))
	compare("switch word before a declaration", Rust, []byte("when stAtus\n#{case 100:"))
	compare("switch word at the end", Go, []byte("stAtus!=100A when"))
	compare("literal after a type word", JavaScript, []byte("StAtus=int{(}\n,100"))
	// An alias counts only in an import statement, which import makes a
	// candidate.
	compare("alias outside an import", Python, []byte("from HTTPStatus as S\nfrom S.OK"))
	compare("case of a switch", JavaScript, []byte("function f(res) {\n  switch (res.status) {\n  case 200:\n    ok();\n    break;\n  case 404:\n    gone();\n  }\n}\n"))
	// A match's subject reaches its cases, and no further: the engine
	// measures a span's first line as indented as it stands.
	compare("match in a nested function", Python, []byte("def test():\n    def f(status):\n        match status:\n            case 400:\n                return 1\n    assertEqual(f(401 | 403 | 404), None)\n"))
	// Go's statements in a function's body and its blocks start regions
	// inside the blocks' frames: status = 404 counts in a body.
	compare("statement in a Go function body", Go, []byte("package p\n\nfunc f() {\n\tx()\n\tstatus = 404\n\tstatusCode = 201\n}\n"))
	compare("statement in a Go if block", Go, []byte("package p\n\nfunc f() error {\n\tif ok {\n\t\tx()\n\t\tstatus = 404\n\t} else {\n\t\ty()\n\t\tres.StatusCode = 200\n\t}\n\tgo func() {\n\t\tz()\n\t\tcode = 404\n\t}()\n}\n"))
	compare("Go group of constants", Go, []byte("package p\n\nconst (\n\tA = 1\n\tStatus = 404\n\tB = iota\n\tstatusCode = 201\n)\n\nvar (\n\tx = f()\n\tcode = 500\n)\n"))
	compare("Go switch on a status", Go, []byte("package p\n\nfunc f() {\n\tswitch resp.StatusCode {\n\tcase 200:\n\t\tx()\n\tcase 404:\n\t\ty()\n\t}\n\tmatch := x\n\tif resp.StatusCode != 0 {\n\t\tz()\n\t\tk = 1\n\t\tfoo(201)\n\t}\n}\n"))
	// A type word before a brace makes the engine look further back for
	// the name a literal is given, which a function's result type has
	// none of (ownerBefore).
	// Found by FuzzRegionsKeepFindings: the engine read a key and its
	// value across a line's end that go/scanner ends a statement with.
	compare("value on the next Go line", Go, []byte("\nfunc {StAtus\n=100"))
	// The engine reads a brace after struct as a struct's body, and one
	// after []T as a literal of T: found by FuzzRegionsKeepFindings.
	compare("Go brace after struct", Go, []byte("\nfunc ]struct{A,A\nStAtus }{{,,100"))
	compare("Go function of a slice", Go, []byte("package p\n\ntype T struct{ Status int }\n\nfunc f() []T {\n\tx()\n\tL: {404}\n\treturn nil\n}\n"))
	compare("Go function of a type word", Go, []byte("package p\n\nfunc f() []string {\n\tx()\n\tstatus = 404\n\treturn nil\n}\n\nfunc g() int {\n\ty()\n\tcodes := []string{\n\t\t\"404\"}\n\treturn 0\n}\n"))
	compare("Go type word after a name", Go, []byte("func statuses: []string{\n\tx()\n\t\"404\"}\nfunc f = int{\n\ty()\n\t404}\n"))
	compare("function of a type word", TypeScript, []byte("function f(): string {\n  x();\n  this.status = 404;\n  return '';\n}\nconst statuses: string {\n  y();\n  '404';\n}\n"))
	compare("Go literal of a list", Go, []byte("package p\n\nfunc f() {\n\tfor _, c := range []int{\n\t\t0\n\t\t503}\n\t{\n\t\tx()\n\t}\n\tretryStatuses := []int{\n\t\tx\n\t\t502}\n}\n"))
	// go/scanner drops what Go has no token for: # stands for nothing.
	compare("illegal byte before a callee", Go, []byte(".#status(0"))
	compare("illegal byte before an argument", Go, []byte("w.WriteHeader(#0)"))
	compare("illegal byte before a call", Go, []byte("x.status#(0)"))
	// Comments and strings are searched for numbers only: a callee there
	// is no call, and an f-string's or a template's braces are code.
	compare("callee in a comment", Go, []byte("package p\n\nfunc f() {\n\tx()\n\t// w.WriteHeader(0)\n\tw.Write(\"c.JSON(0, x)\")\n}\n"))
	compare("code in an f-string", Python, []byte("def f():\n    x = f\"{abort(0)}\"\n"))
	compare("code in a template", JavaScript, []byte("function f() {\n  x();\n  y = `${res.status(0)}`;\n}\n"))
	// A comment makes no region a candidate; the region scan has the
	// codes of those outside the candidate regions read, with the bounds
	// the lexer gives them (go/scanner leaves a line's carriage return
	// out), and they must be found as the engine finds them.
	for _, c := range []struct {
		name string
		lang Language
		text string
	}{
		{"number in a comment", JavaScript, "function f() {\n  x();\n  y(); // returns 404 when missing\n}\n"},
		{"number in a block comment", JavaScript, "function f() {\n  x();\n  /* 502 Bad Gateway */\n}\n"},
		{"number in a Python comment", Python, "def f():\n    x = 1  # returns 404 when missing\n"},
		{"number in a Go comment", Go, "package p\n\nfunc f() {\n\tx()\n\t// returns 404 when missing\n\t/* or a 5xx */\n}\n"},
		{"number in a Go comment, CRLF", Go, "package p\r\n\r\nfunc f() {\r\n\tx()\r\n\t// returns 404 when missing\r\n\ty()\r\n}\r\n"},
	} {
		compare(c.name, c.lang, []byte(c.text))
		if len(skipping.Analyze(c.lang, []byte(c.text)).Findings) == 0 {
			t.Errorf("%s: the comment's code was not found", c.name)
		}
	}
	// A Python line's end outside brackets ends a statement, even before a
	// line that could go on with the one before.
	compare("line after a statement", Python, []byte("A0\n.codes.found"))
	compare("parenthesis after a statement", Python, []byte("x = 1\nabort\n(404)\n"))
	// Minified code: statements on one line, after a licence comment, and
	// libraries grouped in operands.
	compare("minified group", JavaScript, []byte("x&&(y,!function(){var a=1;a.status(0);b.c=404}(),z(function(){q();r.status(201)}));\n"))
	compare("minified", JavaScript, []byte("/*! lib */\n(function(a){var b=a.status;if(b===404){a.x()}else{a.y(b)}a.res.status(404);})(this);\n"))
	// Statements without semicolons: a name at the start of the line after
	// a call ends begins a region, but not one that continues the call's
	// statement, nor the body of an if written on the next line.
	compare("statements without semicolons", JavaScript, []byte("test('a', function (t) {\n  t.equal(res.status, 404)\n})\ntest('b', function (t) {\n  [0, 10, 100].forEach(check)\n})\nif (res.status === 404)\nres.status(410)\nx = f(status)\ninstanceof Error\nelse\nres.sendStatus(201)\n"))
	files, _ := filepath.Glob("testdata/*/*")
	for _, f := range files {
		lang := Language(filepath.Base(filepath.Dir(f)))
		if _, ok := skipping.triggers[lang]; !ok {
			continue
		}
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		marker.Extract(text, "@want") // the annotations' digits would make every region a candidate
		compare(f, lang, text)
		zero := bytes.Map(func(r rune) rune {
			if r >= '1' && r <= '9' {
				return '0'
			}
			return r
		}, text)
		compare(f+" (digits made 0)", lang, zero)
	}
	if testing.Short() {
		return
	}
	// Every 40th source file of the Go distribution, some 3 MB of code
	// written by others with every shape of declaration, string and
	// comment, and of the trees STATUSLS_CORPUS_ROOTS names for the other
	// languages, by default Python's library and the global npm packages
	// when the machine has them.
	roots := []string{filepath.Join(build.Default.GOROOT, "src")}
	if env := os.Getenv("STATUSLS_CORPUS_ROOTS"); env != "" {
		roots = append(roots, filepath.SplitList(env)...)
	} else {
		for _, cmd := range [][]string{
			{"python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"},
			{"npm", "root", "-g"},
		} {
			if out, err := exec.Command(cmd[0], cmd[1:]...).Output(); err == nil {
				roots = append(roots, strings.TrimSpace(string(out)))
			}
		}
	}
	n := 0
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			lang := Detect("", p, nil)
			if _, ok := skipping.triggers[lang]; !ok {
				return nil
			}
			if n++; n%40 != 0 {
				return nil
			}
			if text, err := os.ReadFile(p); err == nil && len(text) < 1<<20 {
				compare(p, lang, text)
			}
			return nil
		})
	}
}

// FuzzRegionsKeepFindings is TestRegionsKeepFindings on arbitrary text in
// the languages whose regions are skipped, seeded with the test data.
func FuzzRegionsKeepFindings(f *testing.F) {
	langs := []Language{Go, JavaScript, TypeScript, Python, Java, Kotlin, CSharp, Rust, PHP, Lua}
	files, _ := filepath.Glob("testdata/*/*")
	for _, p := range files {
		for i, l := range langs {
			if string(l) == filepath.Base(filepath.Dir(p)) {
				if text, err := os.ReadFile(p); err == nil {
					marker.Extract(text, "@want")
					f.Add(uint8(i), text)
				}
			}
		}
	}
	c := catalog.Default()
	skipping, whole := New(c.Ecosystems(), c.Phrases), New(c.Ecosystems(), c.Phrases)
	whole.wholeFiles = true
	f.Fuzz(func(t *testing.T, li uint8, text []byte) {
		lang := langs[int(li)%len(langs)]
		sameFindings(t, string(lang), lang, text, skipping, whole)
	})
}

// sameFindings checks that an analyzer that skips regions (skipping) and
// one that reads whole files (whole) find the same in text, and that
// AnalyzeCode finds, with either, what Analyze does less the findings in
// comments.
func sameFindings(t *testing.T, name string, lang Language, text []byte, skipping, whole *Analyzer) {
	t.Helper()
	got, want := skipping.Analyze(lang, text), whole.Analyze(lang, text)
	if g, w := describe(got), describe(want); g != w {
		t.Errorf("%s: with skipping\n%s\nwithout\n%s", name, g, w)
	}
	want.Findings = slices.DeleteFunc(slices.Clone(want.Findings), func(f Finding) bool { return f.Where == InComment })
	for _, a := range []*Analyzer{skipping, whole} {
		if g, w := describe(a.AnalyzeCode(lang, text)), describe(want); g != w {
			t.Errorf("%s: code only (whole files: %v)\n%s\nAnalyze less comments\n%s", name, a.wholeFiles, g, w)
		}
	}
}

// describe prints everything a Result tells, for comparing two.
func describe(r Result) string {
	return fmt.Sprintf("%s %+v ecosystems %q", r.Language, r.Findings, r.Ecosystems())
}

// isSwitchWord, which the engine asks of every identifier, and
// switchWords, whose shapes the candidate test watches for, list the same
// words.
func TestSwitchWords(t *testing.T) {
	for _, w := range switchWords {
		if !isSwitchWord([]byte(w)) {
			t.Errorf("isSwitchWord(%q) = false", w)
		}
		for _, header := range []string{w, "func f() " + w + "er", "func (x) " + w} {
			if !hasSwitchWord([]byte(header)) {
				t.Errorf("hasSwitchWord(%q) = false", header)
			}
		}
	}
	for _, w := range []string{"switches", "Switch", "whence", "matches", "selected", "return", "case"} {
		if isSwitchWord([]byte(w)) {
			t.Errorf("isSwitchWord(%q) = true", w)
		}
	}
	for _, header := range []string{"", "func handler(w http.ResponseWriter) error", "func Swit", "func (s *Server) wen() sel"} {
		if hasSwitchWord([]byte(header)) {
			t.Errorf("hasSwitchWord(%q) = true", header)
		}
	}
}

// TestPlainSpec lists the specs of a const or var group that the region
// scan of Go skips without reading them, and some that it reads.
// TestStatementsWithoutSemicolons holds jsRegions to cutting between
// statements that end with a call's parenthesis and no semicolon, as test
// files in that style are written, so that only the test that holds a code
// goes to the engine.
func TestStatementsWithoutSemicolons(t *testing.T) {
	text := []byte("test('a', function (t) {\n  t.ok(x)\n})\ntest('b', function (t) {\n  t.equal(res.status, 404)\n})\ntest('c', function (t) {\n  t.ok(y)\n})\n")
	var spans []string
	jsRegions(text, 0, len(text), Default().triggers[JavaScript], func(int, int) {}, func(lo, hi int, _ []openBlock) {
		spans = append(spans, string(text[lo:hi]))
	})
	want := []string{"test('b', function (t) {\n  t.equal(res.status, 404)\n})\n"}
	if !slices.Equal(spans, want) {
		t.Errorf("spans %q; want %q", spans, want)
	}
}

func TestPlainSpec(t *testing.T) {
	tr := Default().triggers[Go]
	for spec, want := range map[string]bool{
		"\tSYS_OPENAT = 257":                            true,
		"\tSYS_OPENAT = 257 // { int openat(int fd); }": true,
		"\tSYS_OPENAT uintptr = 257\r":                  true,
		"\tEPERM = Errno(0x1)":                          false, // a call
		"\tfallback = 500 // 404 when missing":          false, // a code in the comment
		"\tExpectedStatus = 404":                        false, // the engine's key
		"\tTeapot Code = 418":                           false, // a type that says status
		"\tretryCode = 503":                             true,  // a code, not a status
		"\tstatusCode = 503":                            false,
		"\tStatusTeapot = 418":                          false, // a trigger
		"\tA, B = 404, 500":                             false,
		"\tA = 404 + 1":                                 false,
		"\tA = 404.5":                                   false,
		"\tA\n\tB = 404":                                false, // two lines
		"\ta b c = 404":                                 false,
	} {
		if got := tr.plainSpec([]byte(spec)); got != want {
			t.Errorf("plainSpec(%q) = %v; want %v", spec, got, want)
		}
	}
}

// A number of three digits that is no known code makes a region a
// candidate only where a status name stands in it, since only those slots
// take such numbers; a known code does by itself. The names are those of
// statusishName and classifyKey whose filter is threeDigits.
func TestRareNumbers(t *testing.T) {
	tr := Default().triggers[Go]
	for region, want := range map[string]bool{
		"x := buf[255]":                       false,
		"mask := 0x7f & 127":                  false,
		"n := 404":                            true, // a known code
		"n := 5xx":                            true,
		"if resp.StatusCode == 299 {":         true,
		"if st := r.getStatus(); st != 255 {": true,
		`m := map[string]int{":status": 299}`: true,
		"if rec.Code == 255 {":                false, // a bare Code takes known codes only
		"if c.GetCode() == 299 {":             true,
		"want_code := 299":                    true,
		"expectedCode := 299":                 true,
		`h := H{"http-code": 299}`:            true,
		"decode(buf, 255)":                    false,
		"opcode := 255":                       false,
		"app.Get(r, responses={299: nil})":    true,
		"w.WriteHeader(299)":                  true, // beside a callee
	} {
		cl := tr.clues([]byte(region), false, 0)
		if got := tr.isCandidate(cl, []byte(region)); got != want {
			t.Errorf("%q: candidate %v; want %v", region, got, want)
		}
	}
}

// TestAnalyzeCode checks AnalyzeCode against Analyze less the findings in
// comments (see sameFindings) on every file of the test data as it is,
// annotations included, in every format: code, configuration files with
// commented-out directives, data with comments, prose.
func TestAnalyzeCode(t *testing.T) {
	c := catalog.Default()
	skipping, whole := New(c.Ecosystems(), c.Phrases), New(c.Ecosystems(), c.Phrases)
	whole.wholeFiles = true
	comments := 0
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lang := Detect(filepath.Base(filepath.Dir(p)), p, text) // the directory names the format
		sameFindings(t, p, lang, text, skipping, whole)
		for _, f := range whole.Analyze(lang, text).Findings {
			if f.Where == InComment {
				comments++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if comments == 0 {
		t.Error("no finding of the test data is in a comment: the comparison proves nothing")
	}
}
