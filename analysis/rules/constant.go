package rules

import (
	"bytes"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/catalog"
)

// PreferNamedConstant (SL005) suggests the named constant for a numeric
// status where the file's ecosystem has one: http.StatusNotFound reads
// better than 404 and cannot be mistyped as 4040. The fix replaces the
// literal and adds the import when the file lacks it, keeping the import's
// alias (nethttp.StatusNotFound).
//
//	w.WriteHeader(404)                // SL005: http.StatusNotFound
//	w.WriteHeader(http.StatusNotFound) // right
//
// Which library's constants are suggested is data (constantChoices): the
// one the file already uses, else the language's standard one where there
// is one (Go's net/http, Python's http.HTTPStatus). In .statusls.toml,
// [constants] sets an ecosystem to "prefer" (suggest it even where the file
// does not import it) or "off".
var PreferNamedConstant = &Rule{
	ID:   "SL005",
	Name: "prefer-named-constant",
	Doc: `numeric status code where the file's library has a named constant

Go net/http, Python HTTPStatus or the framework's status module, Spring
HttpStatus where a call takes it (ResponseEntity.status), JAX-RS's
Response.Status in Response.status, the Servlet API's
HttpServletResponse.SC_* or Jetty's HttpStatus where an int is wanted
(setStatus, sendError, comparisons), ASP.NET StatusCodes, Rust StatusCode,
Symfony Response, and StatusCodes when http-status-codes is imported. A
name that recent versions of the library introduced (Spring 7's
CONTENT_TOO_LARGE, Python 3.13's HTTPStatus.UNPROCESSABLE_CONTENT) is not
suggested: code built against older versions would not compile or run.

Wrong:
	w.WriteHeader(404)

Right:
	w.WriteHeader(http.StatusNotFound)`,
	Severity: Hint,
	Run:      runPreferNamedConstant,
}

// constantChoice is an ecosystem SL005 may suggest in a language: byDefault
// ones are suggested even where the file does not import them, with the
// import added; the others only where the file uses them. The first that
// applies wins, so frameworks come before the standard library. A library
// whose constants are not integers (Spring's HttpStatus is an enum) fits
// only the calls that take them (catalog.Ecosystem.Fits): an int slot
// (setStatus, sendError, a comparison) goes to the next choice.
type constantChoice struct {
	lang      analysis.Language
	eco       string
	byDefault bool
}

var constantChoices = []constantChoice{
	{analysis.Go, "go-nethttp", true},
	{analysis.Python, "drf", false},
	{analysis.Python, "starlette", false},
	{analysis.Python, "python-httpstatus", true},
	{analysis.Java, "spring", false},
	{analysis.Java, "jaxrs", false},
	{analysis.Java, "servlet", false},
	{analysis.Java, "jetty", false},
	{analysis.Java, "apache-httpcore", false},
	{analysis.Java, "java-httpurlconnection", false},
	{analysis.Kotlin, "spring", false},
	{analysis.Kotlin, "jaxrs", false},
	{analysis.Kotlin, "servlet", false},
	{analysis.Kotlin, "apache-httpcore", false},
	{analysis.Kotlin, "java-httpurlconnection", false},
	{analysis.CSharp, "aspnetcore", false},
	{analysis.Rust, "rust-http", false},
	{analysis.PHP, "symfony", false},
	{analysis.JavaScript, "npm-http-status-codes", false},
	{analysis.TypeScript, "npm-http-status-codes", false},
}

// runPreferNamedConstant suggests, for each numeric status, the constant
// of the library chosen for its slot (see constantChoices).
func runPreferNamedConstant(pass *Pass) {
	var ch *ecosystemChooser
	importers := map[string]importer{}
	for _, f := range pass.Result.Findings {
		if f.Kind != analysis.NumericLiteral || f.Where != analysis.InCode || f.Evidence != analysis.Strong {
			continue
		}
		switch f.Role {
		case analysis.Status, analysis.ErrorStatus, analysis.RedirectStatus, analysis.Compare:
		default:
			continue
		}
		if ch == nil {
			ch = newEcosystemChooser(pass)
		}
		eco := ch.choose(f)
		if eco == nil {
			continue
		}
		c, ok := eco.Preferred(f.Code)
		if !ok || c.Since != "" || questionable(pass, f) {
			continue // a name would not make a wrong code right, and a recent one would not build everywhere
		}
		imp, seen := importers[eco.ID]
		if !seen {
			imp = importFor(pass.Result.Language, pass.Text, eco)
			importers[eco.ID] = imp
		}
		if imp == nil {
			continue
		}
		qual, edit, ok := imp()
		if !ok {
			continue
		}
		name := qual + c.Name
		fix := Fix{Title: pass.msg("fix.replace", "name", name), Preferred: true}
		if edit != nil && edit.Start <= f.Start {
			fix.Edits = append(fix.Edits, *edit)
		}
		fix.Edits = append(fix.Edits, Edit{Start: f.Start, End: f.End, NewText: name})
		if edit != nil && edit.Start > f.Start {
			fix.Edits = append(fix.Edits, *edit)
		}
		pass.Report(Diagnostic{Start: f.Start, End: f.End,
			Message: pass.msg("SL005", "code", strconv.Itoa(f.Code), "name", name, "library", eco.Name), Fixes: []Fix{fix}})
	}
}

// questionable reports a code that another rule reports as wrong for its
// slot: deprecated, reserved, or contradicting its helper.
func questionable(pass *Pass, f analysis.Finding) bool {
	if e, ok := pass.Catalog.Primary(f.Code); !ok || e.Status != catalog.Assigned && e.Status != catalog.Temporary {
		return true
	}
	return f.Role == analysis.ErrorStatus && f.Code < 400 || f.Role == analysis.RedirectStatus && f.Code/100 != 3
}

// ecosystemChooser picks, per finding, the library whose constants to
// suggest: the candidates of the file's language, ranked once per file.
type ecosystemChooser struct {
	ranked []*catalog.Ecosystem // best first
}

func newEcosystemChooser(pass *Pass) *ecosystemChooser {
	used := map[string]bool{}
	for _, id := range pass.Result.Ecosystems() {
		used[id] = true
	}
	type scored struct {
		eco  *catalog.Ecosystem
		rank int // 3: preferred in the settings, 2: used, 1: default
	}
	var cands []scored
	for _, ch := range constantChoices {
		if ch.lang != pass.Result.Language || pass.Constants[ch.eco] == config.Never {
			continue
		}
		r := 0
		switch {
		case pass.Constants[ch.eco] == config.Prefer:
			r = 3
		case used[ch.eco]:
			r = 2
		case ch.byDefault:
			r = 1
		}
		if e, ok := pass.Catalog.Ecosystem(ch.eco); ok && r > 0 {
			cands = append(cands, scored{e, r})
		}
	}
	slices.SortStableFunc(cands, func(a, b scored) int { return b.rank - a.rank })
	c := &ecosystemChooser{}
	for _, s := range cands {
		c.ranked = append(c.ranked, s.eco)
	}
	return c
}

// choose returns the best-ranked library whose constants fit the
// finding's slot, or nil.
func (c *ecosystemChooser) choose(f analysis.Finding) *catalog.Ecosystem {
	for _, eco := range c.ranked {
		if eco.Fits(f.Directive) {
			return eco
		}
	}
	return nil
}

// importer returns the qualifier to write before a constant's name and the
// edit that adds the import, nil when the file has it; ok is false when the
// import cannot be added safely. It is computed once per file.
type importer func() (qualifier string, edit *Edit, ok bool)

func importFor(lang analysis.Language, text []byte, eco *catalog.Ecosystem) importer {
	var qual string
	var edit *Edit
	ok := true
	switch lang {
	case analysis.Go:
		qual, edit, ok = goImport(text, eco)
	case analysis.Python:
		qual, edit = pythonImport(text, eco)
	case analysis.Java, analysis.Kotlin:
		semi := ";"
		if lang == analysis.Kotlin {
			semi = ""
		}
		pkg := eco.Import[:strings.LastIndexByte(eco.Import, '.')+1]
		qual = eco.Qualifier
		switch other := javaImportOf(text, eco.Import[len(pkg):]); {
		case other == "" && !bytes.Contains(text, []byte(pkg+"*")):
			edit = afterLastLine(text, "import ", "import "+eco.Import+semi)
		case other != "" && !sameJavaClass(other, eco.Import):
			ok = false // another class of that name is imported (Jetty's HttpStatus, not Spring's)
		}
	case analysis.CSharp:
		qual = eco.Qualifier
		if !bytes.Contains(text, []byte("using "+eco.Import+";")) {
			edit = afterLastLine(text, "using ", "using "+eco.Import+";")
		}
	case analysis.PHP:
		qual = eco.Qualifier
		if !bytes.Contains(text, []byte(eco.Import)) {
			edit = afterLastLine(text, "use ", "use "+eco.Import+";")
		}
	default:
		// Rust and JavaScript: suggested only where the file already
		// names the type, since their imports take too many shapes
		// (use http::{self, StatusCode}, require, re-exports) to add one
		// safely.
		root := strings.TrimRight(eco.Qualifier, ":.")
		if !bytes.Contains(text, []byte(root)) {
			ok = false
		}
		qual = eco.Qualifier
	}
	if edit != nil && edit.NewText == "" {
		ok = false
	}
	return func() (string, *Edit, bool) { return qual, edit, ok }
}

// goImport finds how the file imports the package (its alias, if any), or
// the edit adding it. go/parser reads only the import section.
func goImport(text []byte, eco *catalog.Ecosystem) (string, *Edit, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", text, parser.ImportsOnly|parser.ParseComments)
	if err != nil || f.Name == nil {
		return "", nil, false
	}
	base := eco.Import[strings.LastIndexByte(eco.Import, '/')+1:]
	for _, s := range f.Imports {
		if p, _ := strconv.Unquote(s.Path.Value); p == eco.Import {
			if s.Name == nil {
				return base + ".", nil, true
			}
			if s.Name.Name == "_" || s.Name.Name == "." {
				return "", nil, false
			}
			return s.Name.Name + ".", nil, true
		}
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	quoted := strconv.Quote(eco.Import)
	if len(f.Imports) > 0 {
		// Inside a parenthesised block, before the first path that sorts
		// after it, as gofmt would keep it.
		for _, s := range f.Imports {
			if p, _ := strconv.Unquote(s.Path.Value); p > eco.Import {
				at := lineStart(text, off(s.Pos()))
				if ind := indentAt(text, at); ind != "" {
					return base + ".", &Edit{Start: at, End: at, NewText: ind + quoted + "\n"}, true
				}
				break
			}
		}
		last := f.Imports[len(f.Imports)-1]
		at := min(lineEnd(text, off(last.End()))+1, len(text))
		ind := indentAt(text, lineStart(text, off(last.Pos())))
		if ind == "" {
			return base + ".", &Edit{Start: at, End: at, NewText: "import " + quoted + "\n"}, true
		}
		return base + ".", &Edit{Start: at, End: at, NewText: ind + quoted + "\n"}, true
	}
	at := min(lineEnd(text, off(f.Name.End()))+1, len(text))
	return base + ".", &Edit{Start: at, End: at, NewText: "\nimport " + quoted + "\n"}, true
}

// pythonImport finds the name the file imports the constants' class or
// module under (from http import HTTPStatus as S), or adds the catalogue's
// import statement after the file's imports.
func pythonImport(text []byte, eco *catalog.Ecosystem) (string, *Edit) {
	if m := findPythonImport(text, eco); m != nil {
		if len(m[1]) > 0 {
			return string(m[1]) + ".", nil
		}
		return eco.Qualifier, nil
	}
	return eco.Qualifier, afterLastLine(text, "import |from ", eco.Import)
}

// findPythonImport returns the submatches of pythonImportRegexp in text,
// or nil. The expression is slow to run over a whole file, and its import
// list stops at the line's end, so it runs only on the lines that name the
// class or module.
func findPythonImport(text []byte, eco *catalog.Ecosystem) [][]byte {
	root := []byte(strings.TrimSuffix(eco.Qualifier, "."))
	for off := 0; ; {
		k := bytes.Index(text[off:], root)
		if k < 0 {
			return nil
		}
		start := lineStart(text, off+k)
		end := lineEnd(text, off+k)
		if m := pythonImportRegexp(eco).FindSubmatch(text[start:end]); m != nil {
			return m
		}
		off = end
	}
}

// pythonImportRegexps caches, per qualifier, the expression that finds a
// Python import of it: compiling it took a tenth of the checks' time.
var pythonImportRegexps sync.Map // qualifier → *regexp.Regexp

// pythonImportRegexp matches "from module import ..., Name as alias" for
// the constants' class or module, with the alias as its group.
func pythonImportRegexp(eco *catalog.Ecosystem) *regexp.Regexp {
	if re, ok := pythonImportRegexps.Load(eco.Qualifier); ok {
		return re.(*regexp.Regexp)
	}
	root := strings.TrimSuffix(eco.Qualifier, ".")
	re := regexp.MustCompile(`(?m)^\s*from\s+[\w.]+\s+import\s+[^#\n]*\b` + regexp.QuoteMeta(root) + `\b(?:\s+as\s+(\w+))?`)
	pythonImportRegexps.Store(eco.Qualifier, re)
	return re
}

// javaImportOf returns the class a Java or Kotlin file imports under the
// simple name, or "".
func javaImportOf(text []byte, simple string) string {
	for off := 0; off < len(text); {
		end := lineEnd(text, off)
		l := strings.TrimSpace(string(text[off:end]))
		off = end + 1
		if !strings.HasPrefix(l, "import ") {
			continue
		}
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "import "), ";"))
		if strings.HasSuffix(name, "."+simple) {
			return name
		}
	}
	return ""
}

// sameJavaClass reports whether two imports name the same class, the
// javax and jakarta packages of Java EE counting as one: their status
// constants are the same.
func sameJavaClass(a, b string) bool {
	strip := func(s string) string {
		for _, p := range []string{"javax.", "jakarta."} {
			if t, ok := strings.CutPrefix(s, p); ok {
				return t
			}
		}
		return s
	}
	return strip(a) == strip(b)
}

// afterLastLine returns the edit inserting line after the last top-level
// line starting with one of the prefixes ("a|b"), following a parenthesised
// continuation; with none, before the first line that is not a comment
// or blank.
func afterLastLine(text []byte, prefixes, line string) *Edit {
	ps := strings.Split(prefixes, "|")
	at, first := -1, -1
	open := false
	for off := 0; off < len(text); {
		end := lineEnd(text, off)
		l := string(text[off:end])
		switch {
		case open:
			if strings.Contains(l, ")") {
				open = false
				at = min(end+1, len(text))
			}
		case hasAnyPrefix(l, ps):
			at = min(end+1, len(text))
			open = strings.Contains(l, "(") && !strings.Contains(l, ")")
		case first < 0 && strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), "#") &&
			!strings.HasPrefix(strings.TrimSpace(l), "//") && !strings.HasPrefix(l, "<?php") && !strings.HasPrefix(l, "package ") && !strings.HasPrefix(l, "namespace "):
			first = off
		}
		off = end + 1
	}
	if at < 0 {
		if first < 0 {
			return &Edit{}
		}
		at = first
		return &Edit{Start: at, End: at, NewText: line + "\n\n"}
	}
	nl := ""
	if at == len(text) && (at == 0 || text[at-1] != '\n') {
		nl = "\n"
	}
	return &Edit{Start: at, End: at, NewText: nl + line + "\n"}
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func lineStart(text []byte, off int) int { return bytes.LastIndexByte(text[:off], '\n') + 1 }

// lineEnd returns the offset of the line's "\n", or len(text).
func lineEnd(text []byte, off int) int {
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(text)
}

func indentAt(text []byte, ls int) string {
	i := ls
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return string(text[ls:i])
}
