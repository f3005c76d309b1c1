// Package rules checks the status codes that analysis found and reports the
// wrong ones, with fixes where a fix can be justified.
//
// It sits beside the scanners (client → server → analysis → rules → catalog)
// and, like them, works in byte offsets and knows nothing of LSP: the server
// turns a Diagnostic into an LSP diagnostic and its Fixes into quick fixes.
// The shape follows go/analysis: a Rule is a value with a stable ID, a Doc
// whose first line is its title, and a Run function that reports through a
// Pass. Adding a rule means declaring one more Rule and listing it in All.
package rules

import (
	"cmp"
	"slices"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/apacheconf"
	"github.com/statusls/statusls/analysis/nginxconf"
	"github.com/statusls/statusls/catalog"
)

// Severity says how bad a finding is; the values match LSP's
// DiagnosticSeverity so that the server converts them one to one.
type Severity int

// The severities, most severe first.
const (
	Error Severity = iota + 1
	Warning
	Information
	Hint
)

// Rule is one check. Rules are values so that editors, the command line and
// documentation can list them, and so that a user can refer to one by its ID.
type Rule struct {
	// ID is the stable code shown with each diagnostic, e.g. "SL001"; it
	// never changes once released, so users can rely on it in settings.
	ID string
	// Name is a readable alias for the ID, e.g. "unknown-status-code".
	Name string
	// Doc explains the rule: the first line is its title, the rest shows a
	// wrong and a right example.
	Doc string
	// Severity is the default severity of the rule's diagnostics; Run may
	// report some with another.
	Severity Severity
	// Run inspects pass.Result and reports through pass.Report.
	Run func(pass *Pass)

	url string // see URL; set in init
}

// URL links to the rule's documentation, which is the doc comment of the
// variable that declares it. Every diagnostic carries it, so it is built
// once per rule.
func (r *Rule) URL() string {
	if r.url == "" {
		return ruleDocs + r.goName()
	}
	return r.url
}

const ruleDocs = "https://pkg.go.dev/github.com/statusls/statusls/analysis/rules#"

// goName turns "unknown-status-code" into "UnknownStatusCode", the name of
// the variable that declares the rule.
func (r *Rule) goName() string {
	out := make([]byte, 0, len(r.Name))
	upper := true
	for i := 0; i < len(r.Name); i++ {
		c := r.Name[i]
		switch {
		case c == '-':
			upper = true
			continue
		case upper && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		upper = false
		out = append(out, c)
	}
	return string(out)
}

// Pass is what a rule gets to inspect one file.
type Pass struct {
	// Result holds the file's findings. A rule reads none whose Where is
	// InComment: CheckFile analyses code only (analysis.AnalyzeCode), and
	// TestTestdata holds its diagnostics to those of a full analysis.
	Result analysis.Result
	// Text is the text the Result was computed from.
	Text    []byte
	Catalog *catalog.Catalog
	// VendorCodes says whether codes that only a vendor defines (nginx's 499,
	// Cloudflare's 520) count as known. Users who must stay within the
	// registry turn it off.
	VendorCodes bool
	// Constants maps an ecosystem ID to config.Prefer or config.Never,
	// steering the named-constant suggestions (see PreferNamedConstant).
	Constants map[string]string
	// Locale is the language of messages and fix titles, whose text comes
	// from the catalogue's locale files (message IDs "rule.SL001.outside").
	Locale catalog.Locale

	rule   *Rule
	report []Diagnostic
	cache  *passCache
}

// passCache holds what several rules derive from one file, such as its
// OpenAPI structure, so that it is computed once per run, not once per rule.
type passCache struct {
	openapi  derived[*openapiDoc]
	nginx    derived[[]*nginxconf.Directive]
	apache   derived[[]*apacheconf.Directive]
	suppress derived[suppressions]
}

// derived is a value computed from a pass's file at most once per run.
type derived[T any] struct {
	done bool
	v    T
}

// get returns the value, computing it with f on first use.
func (d *derived[T]) get(f func() T) T {
	if !d.done {
		d.done, d.v = true, f()
	}
	return d.v
}

// cached returns the pass's cache, made on first use for a Pass that did
// not come through Run.
func (p *Pass) cached() *passCache {
	if p.cache == nil {
		p.cache = &passCache{}
	}
	return p.cache
}

// msg returns the catalogue's message "rule."+id in the pass's locale, with
// its placeholders filled from vars (pairs of name and value).
func (p *Pass) msg(id string, vars ...string) string {
	return p.Catalog.Message(p.Locale, "rule."+id, vars...)
}

// Report records a diagnostic of the running rule. A zero Severity means the
// rule's default.
func (p *Pass) Report(d Diagnostic) {
	d.RuleID = p.rule.ID
	if d.Severity == 0 {
		d.Severity = p.rule.Severity
	}
	p.report = append(p.report, d)
}

// Diagnostic is one problem in the text, in byte offsets.
type Diagnostic struct {
	Start, End int
	RuleID     string
	Severity   Severity
	Message    string
	// Tags mark a deprecated code or constant, which editors strike
	// through.
	Tags []Tag
	// Fixes are the edits that resolve the problem, the preferred one first.
	Fixes []Fix
}

// Tag is extra meaning of a diagnostic; the values match LSP's
// DiagnosticTag.
type Tag int

// Deprecated marks the use of something deprecated or obsolete.
const Deprecated Tag = 2

// Fix is one way to resolve a diagnostic.
type Fix struct {
	Title string
	// Edits are in order of position and do not overlap.
	Edits []Edit
	// Preferred marks the fix that is safe to apply without looking, the
	// one "fix all" applies; a diagnostic has at most one, and fixes that
	// are a judgement call (which timeout to raise, 301 or 308) have none.
	Preferred bool
}

// Edit replaces the text between two byte offsets.
type Edit struct {
	Start, End int
	NewText    string
}

// all is filled in init because some rules look others up by ID (a
// suppression names rules), which a variable initialiser cannot do.
var all []*Rule

func init() {
	all = []*Rule{
		UnknownStatusCode,
		DeprecatedStatusCode,
		VendorCodeInApplication,
		StatusHelperMismatch,
		PreferNamedConstant,
		DeprecatedConstant,
		NginxInvalidStatus,
		NginxTemporaryHttpsRedirect,
		NginxRedirectWithoutUrl,
		NginxLimitWithoutStatus,
		NginxErrorMaskedAsSuccess,
		NginxUpstreamErrorHelp,
		ApacheErrorDocumentNotError,
		ApacheInvalidRedirect,
		ApacheTemporaryHttpsRedirect,
		OpenapiInvalidResponseKey,
		OpenapiNoSuccessResponse,
		SuppressionWithoutReason,
	}
	for _, r := range all {
		r.url = ruleDocs + r.goName()
	}
}

// All lists every rule, in ID order. The slice is shared; do not modify it.
func All() []*Rule { return all }

// ByID finds a rule by its ID or its name.
func ByID(id string) (*Rule, bool) {
	for _, r := range All() {
		if r.ID == id || r.Name == id {
			return r, true
		}
	}
	return nil, false
}

// Run runs the rules over one file and returns their diagnostics ordered by
// position, then rule ID.
func Run(rules []*Rule, pass Pass) []Diagnostic {
	// One slice takes every rule's reports, sized for one per finding,
	// which most files do not exceed.
	out := make([]Diagnostic, 0, len(pass.Result.Findings))
	if pass.cache == nil {
		pass.cache = &passCache{}
	}
	// One Pass serves every rule: a copy per rule escapes to the heap,
	// which on a tree of small files was a sixth of what checking allocates.
	p := &pass
	for _, r := range rules {
		p.rule, p.report = r, out
		r.Run(p)
		out = p.report
	}
	sortDiagnostics(out)
	return out
}

func sortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.RuleID, b.RuleID))
	})
}
