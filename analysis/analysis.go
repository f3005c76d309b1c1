package analysis

import (
	"slices"
	"strings"
	"sync"

	"github.com/statusls/statusls/catalog"
)

// Kind says how a status code is written.
type Kind uint8

// The ways a status code can be written.
const (
	NumericLiteral Kind = iota + 1 // 502
	StringLiteral                  // "502", '404': as an OpenAPI key, "200 OK" in a WSGI status
	NamedConstant                  // http.StatusBadGateway, :not_found
	ClassRange                     // 5xx, http_5xx, 4XX
)

// Where says what part of the file a finding sits in. Findings in comments
// are explained on hover but never checked.
type Where uint8

// The parts of a file a finding can sit in.
const (
	InCode Where = iota + 1
	InString
	InComment
)

// Evidence says how sure the scanner is that the number is a status code.
type Evidence uint8

// Levels of evidence.
const (
	// Weak: the text suggests a status (a code in prose, "returns 404", a
	// generic "status" key in data), good enough to explain on hover but not
	// to check. Weak findings are only ever codes the catalogue knows.
	Weak Evidence = iota + 1
	// Strong: the syntax says it is a status (WriteHeader's argument, nginx
	// return, an OpenAPI response key); checks apply, and any integer written
	// there is reported so that checks can flag it.
	Strong
)

// Role is what the slot holding a code does, in a form later checks can
// switch on: a redirect helper given 404 or an error helper given 200 is a
// mistake whatever the language.
type Role uint8

// The roles of a status slot.
const (
	// Mention: the code is named but not used, as in prose, generic data or
	// a constant outside any known slot.
	Mention Role = iota + 1
	// Status: the status a response is sent with (WriteHeader, res.status,
	// nginx return with a 2xx code, an "=200" override in error_page).
	Status
	// ErrorStatus: an error helper's status (http.Error, abort, sendError,
	// HttpException, nginx error_page's intercepted codes, ErrorDocument).
	ErrorStatus
	// RedirectStatus: a redirect helper's status (http.Redirect,
	// res.redirect, nginx return 3xx, Apache Redirect, RewriteRule [R=301]).
	RedirectStatus
	// Expected: a status a test or client asserts (assert.Equal, toBe,
	// supertest .expect, MockMvc status().is, HTTP/1.1 lines of .http files).
	Expected
	// Compare: a status compared with a received one (resp.StatusCode == 200,
	// switch cases, nginx if ($status = 502)).
	Compare
	// Condition: a configuration list that selects responses by status
	// (proxy_next_upstream http_502, proxy_cache_valid, map $status,
	// custom-http-errors, Caddy status matchers).
	Condition
	// Documented: API documentation of a response (OpenAPI response keys,
	// ProducesResponseType, @ApiResponse).
	Documented
	// Logged: a status recorded in an access log line.
	Logged
	// Bound: the edge of a range of statuses rather than a status itself
	// (resp.StatusCode >= 500, status < 300, 200..=299 in a match arm). Only
	// numbers that are real codes are reported; 299 and 600 are not codes,
	// and no check applies to a bound.
	Bound
)

var roleNames = [...]string{"", "mention", "status", "error", "redirect", "expected", "compare", "condition", "documented", "logged", "bound"}

// String returns the role's name as used in JSON output and tests.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

var kindNames = [...]string{"", "number", "string", "constant", "class"}

// String returns the kind's name as used in JSON output and tests.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

var whereNames = [...]string{"", "code", "string", "comment"}

// String returns code, string or comment, the names "statusls scan" prints.
func (w Where) String() string {
	if int(w) < len(whereNames) {
		return whereNames[w]
	}
	return "unknown"
}

// Finding is one status code found in a file.
type Finding struct {
	// Start and End are byte offsets of the code's text in the file: the
	// digits of a number (also inside "http_502" or a quoted key), the whole
	// qualified name of a constant ("http.StatusBadGateway").
	Start, End int
	// Code is the status code; for ClassRange it is 0 and Class is set.
	// In strong contexts any integer is reported, even outside 100-599, so
	// that checks can flag it.
	Code int
	// Class is the first digit: Code/100, or the class of a range.
	Class int
	// Ecosystem is the catalogue's ecosystem ID of a NamedConstant, and Name
	// the constant's name as written (without qualifier).
	Ecosystem, Name string
	// Directive is the configuration directive or key that holds the code in
	// config formats ("error_page", "return", "ErrorDocument", "responses"),
	// and the callee in source code ("WriteHeader"), so that checks can apply
	// per-directive rules without re-parsing.
	Directive string
	// Context says in words what made it a status code, e.g. "argument of
	// WriteHeader" or "nginx return".
	Context string
	// The small fields come last, packed together: an open document keeps
	// its findings, so their size is the server's memory.
	Kind     Kind
	Where    Where
	Evidence Evidence
	Role     Role
}

// Result is everything analysis knows about one file.
type Result struct {
	Language Language
	Findings []Finding
	eco      *fileEcosystems
}

// Ecosystems lists the catalogue ecosystem IDs whose constants the file
// uses or imports (a Go file importing net/http: go-nethttp), in catalogue
// order; hover, completion and the "prefer the named constant" check offer
// constants from these. The imports are looked up in the analysed text on
// the first call, which must come before that text changes (see
// fileEcosystems); the answer is kept, and calls are safe for concurrent
// use.
func (r Result) Ecosystems() []string {
	if r.eco == nil {
		return nil
	}
	return r.eco.get()
}

// Analyzer holds the rule tables bound to one catalogue: which codes exist
// (for weak contexts) and how each ecosystem spells its constants. It is
// immutable and safe for concurrent use.
type Analyzer struct {
	known [1000]bool
	// phrases are each known code's reason phrases, in lower case: a
	// number followed by one of its own in prose is a status.
	phrases [600][]string
	consts  constIndex
	ecos    []*catalog.Ecosystem
	hints   map[Language][]importHint
	scans   sync.Pool // *scan, see newScan
	// triggers are the identifiers that make a region of code worth
	// scanning (see regions.go).
	triggers map[Language]*triggers
	// wholeFiles turns region skipping off, so that a test can compare
	// the findings of both ways.
	wholeFiles bool
}

// New builds an analyzer from a catalogue's ecosystems and the reason
// phrases of the codes it knows (none for a code it does not know).
// Callers other than tests use Default; tests pass small fixture
// ecosystems so that expectations do not move when catalogue data grows.
func New(ecosystems []*catalog.Ecosystem, phrases func(code int) []string) *Analyzer {
	a := &Analyzer{ecos: ecosystems}
	for n := 100; n < 600; n++ {
		for _, p := range phrases(n) {
			a.phrases[n] = append(a.phrases[n], strings.ToLower(p))
		}
		a.known[n] = len(a.phrases[n]) > 0
	}
	a.consts = buildConstIndex(ecosystems)
	a.hints = buildHints(ecosystems)
	a.triggers = buildTriggers(&a.consts, &a.known)
	return a
}

var defaultAnalyzer = sync.OnceValue(func() *Analyzer {
	c := catalog.Default()
	return New(c.Ecosystems(), c.Phrases)
})

// Default returns the analyzer for the embedded catalogue.
func Default() *Analyzer { return defaultAnalyzer() }

// Analyze finds the status codes in text with the embedded catalogue.
func Analyze(lang Language, text []byte) Result { return Default().Analyze(lang, text) }

// AnalyzeCode finds the status codes in text with the embedded catalogue,
// leaving out those in comments and prose (see Analyzer.AnalyzeCode).
func AnalyzeCode(lang Language, text []byte) Result { return Default().AnalyzeCode(lang, text) }

// Analyze finds the status codes in text, which is in the given language.
// Findings are in order of Start and never overlap.
func (a *Analyzer) Analyze(lang Language, text []byte) Result { return a.analyze(lang, text, false) }

// AnalyzeCode is Analyze without the findings whose Where is InComment:
// codes in comments, docstrings, prose files and commented-out
// directives. The checks read none of them (see package rules), and a scan
// that does not look for them costs less: comments are not read for
// numbers, and no region of code is read only for its comments.
// TestAnalyzeCode holds it to Analyze's findings less those in comments.
func (a *Analyzer) AnalyzeCode(lang Language, text []byte) Result { return a.analyze(lang, text, true) }

// analyze is Analyze, or AnalyzeCode with codeOnly.
func (a *Analyzer) analyze(lang Language, text []byte, codeOnly bool) Result {
	s := a.newScan(lang, text, -1)
	defer a.release(s)
	s.codeOnly = codeOnly
	s.run()
	var findings []Finding
	if len(s.findings) > 0 {
		findings = slices.Clone(s.findings)
	}
	return Result{Language: lang, Findings: findings, eco: s.ecosystems()}
}
