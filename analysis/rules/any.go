package rules

import (
	"strconv"
	"strings"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/catalog"
)

// The rules that apply to status codes in any language. They judge a
// finding by its code, its role (what the slot holding it does) and the
// file's format, all of which the scanners have worked out.

// sourceLanguages are the programming languages, where a code is what an
// application sends; configuration formats have rules of their own.
var sourceLanguages = []analysis.Language{
	analysis.Go, analysis.JavaScript, analysis.TypeScript, analysis.Python, analysis.Java, analysis.Kotlin,
	analysis.CSharp, analysis.Rust, analysis.PHP, analysis.Ruby, analysis.Lua,
}

func isSource(l analysis.Language) bool {
	for _, s := range sourceLanguages {
		if s == l {
			return true
		}
	}
	return false
}

// sent reports whether a finding is a code the file sends or documents, as
// opposed to one it compares with, selects by or merely mentions; receiving
// an odd code is no mistake of the file's.
func sent(f analysis.Finding) bool {
	switch f.Role {
	case analysis.Status, analysis.ErrorStatus, analysis.RedirectStatus, analysis.Documented, analysis.Expected:
		return f.Where != analysis.InComment && f.Evidence == analysis.Strong && f.Kind != analysis.ClassRange
	}
	return false
}

// DeprecatedStatusCode (SL002) reports a code that the registry marks
// deprecated (305), unused (306) or obsoleted (510): clients may not
// support it, and its defining specification advises against it. 418 is
// reserved rather than unused: RFC 9110 keeps it from being assigned
// because of the joke, and it is noted as such.
//
//	return Response(status=305)  # SL002: deprecated, tagged
//	w.WriteHeader(418)           # SL002 (information): reserved
//	return Response(status=502)  # right
//
// Codes compared with a received status are not reported: a client may
// well meet them.
var DeprecatedStatusCode = &Rule{
	ID:   "SL002",
	Name: "deprecated-status-code",
	Doc: `deprecated, obsoleted or unused status code (305, 306, 510; 418 reserved)

The IANA registry keeps these numbers but advises against sending them.

Wrong:
	return Response(status=305)

Right:
	return Response(status=502)`,
	Severity: Warning,
	Run:      runDeprecatedStatusCode,
}

func runDeprecatedStatusCode(pass *Pass) {
	for _, f := range pass.Result.Findings {
		if !sent(f) {
			continue
		}
		e, ok := pass.Catalog.Primary(f.Code)
		if !ok || !e.Status.Standard() {
			continue
		}
		start, end := digits(pass.Text, f.Start, f.End)
		if f.Kind == analysis.NamedConstant {
			start, end = f.Start, f.End
		}
		switch {
		case f.Code == 418:
			pass.Report(Diagnostic{Start: start, End: end, Severity: Information,
				Message: pass.msg("SL002.reserved", "title", e.Title(), "reference", e.Reference.Title)})
		case e.Status == catalog.Deprecated || e.Status == catalog.Obsoleted || e.Status == catalog.Unused:
			pass.Report(Diagnostic{Start: start, End: end, Tags: []Tag{Deprecated},
				Message: pass.msg("SL002.deprecated", "title", e.Title(), "standing", pass.Catalog.StatusLabel(e, pass.Locale),
					"reference", e.Reference.Title, "description", firstSentence(e.TextIn(pass.Locale).Description))})
		}
	}
}

// VendorCodeInApplication (SL003) reports a vendor code sent by application
// code: nginx's 499 and 444, Cloudflare's 52x are written to logs by the
// proxy or CDN, and a client that receives one from an application sees an
// unknown code, which it treats as the x00 of its class.
//
//	w.WriteHeader(499)  // SL003: nginx's Client Closed Request, never seen by a client
//	w.WriteHeader(408)  // right: the registered code for a client that took too long
//
// With vendor codes turned off in the settings, SL001 reports these as
// unregistered instead.
var VendorCodeInApplication = &Rule{
	ID:   "SL003",
	Name: "vendor-code-in-application",
	Doc: `vendor status code sent by application code (nginx 499, Cloudflare 52x)

A vendor code means something in the vendor's logs; clients do not know it.

Wrong:
	w.WriteHeader(499)

Right:
	w.WriteHeader(408)`,
	Severity: Information,
	Run:      runVendorCodeInApplication,
}

func runVendorCodeInApplication(pass *Pass) {
	if !isSource(pass.Result.Language) || !pass.VendorCodes {
		return
	}
	for _, f := range pass.Result.Findings {
		if !sent(f) || f.Role == analysis.Expected {
			continue
		}
		e, ok := pass.Catalog.Primary(f.Code)
		if !ok || e.Status.Standard() {
			continue
		}
		start, end := digits(pass.Text, f.Start, f.End)
		generic := f.Code / 100 * 100
		pass.Report(Diagnostic{Start: start, End: end,
			Message: pass.msg("SL003", "code", strconv.Itoa(f.Code), "vendor", e.Vendor, "phrase", e.Phrase,
				"description", firstSentence(e.TextIn(pass.Locale).Description), "generic", title(pass.Catalog, generic))})
	}
}

// StatusHelperMismatch (SL004) reports an error helper given a code that
// is no error, and a redirect helper given one that is no redirect: the
// response then contradicts its own body or lacks the redirect.
//
//	http.Error(w, "not found", 200)          // SL004: an error page sent as success
//	http.Redirect(w, r, "/login", 200)       // SL004: no redirect happens
//	http.Error(w, "not found", http.StatusNotFound) // right
var StatusHelperMismatch = &Rule{
	ID:   "SL004",
	Name: "status-helper-mismatch",
	Doc: `error helper given a success code, or redirect helper given a non-3xx code

http.Error(w, msg, 200), abort(200), http.Redirect(w, r, u, 200), res.redirect(404, u).

Wrong:
	http.Error(w, "not found", 200)
	http.Redirect(w, r, "/login", 200)

Right:
	http.Error(w, "not found", http.StatusNotFound)
	http.Redirect(w, r, "/login", http.StatusSeeOther)`,
	Severity: Error,
	Run:      runStatusHelperMismatch,
}

func runStatusHelperMismatch(pass *Pass) {
	if !isSource(pass.Result.Language) {
		return
	}
	for _, f := range pass.Result.Findings {
		if !sent(f) || catalog.ClassOf(f.Code) == 0 {
			continue
		}
		helper := f.Directive
		if helper == "" {
			helper = pass.msg("SL004.helper")
		}
		start, end := f.Start, f.End
		if f.Kind != analysis.NamedConstant {
			start, end = digits(pass.Text, f.Start, f.End)
		}
		switch {
		case f.Role == analysis.ErrorStatus && f.Code < 400:
			pass.Report(Diagnostic{Start: start, End: end,
				Message: pass.msg("SL004.error", "helper", helper, "title", title(pass.Catalog, f.Code))})
		case f.Role == analysis.RedirectStatus && f.Code/100 != 3:
			pass.Report(Diagnostic{Start: start, End: end,
				Message: pass.msg("SL004.redirect", "helper", helper, "title", title(pass.Catalog, f.Code))})
		}
	}
}

// DeprecatedConstant (SL006) reports a constant spelled with a deprecated
// name: Python's HTTPStatus.REQUEST_ENTITY_TOO_LARGE (CONTENT_TOO_LARGE
// since 3.13), Spring's HttpStatus.MOVED_TEMPORARILY, Starlette's pre-RFC
// 9110 names. The fix renames it; it is not applied by "fix all", since the
// new name may need a newer library than the project uses.
//
//	raise HTTPException(status_code=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)  # SL006
//	raise HTTPException(status_code=HTTPStatus.CONTENT_TOO_LARGE)         # right
var DeprecatedConstant = &Rule{
	ID:   "SL006",
	Name: "deprecated-constant",
	Doc: `named constant with a deprecated spelling

The library keeps the old name for compatibility; the current one follows RFC 9110.

Wrong:
	raise HTTPException(status_code=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

Right:
	raise HTTPException(status_code=HTTPStatus.CONTENT_TOO_LARGE)`,
	Severity: Hint,
	Run:      runDeprecatedConstant,
}

func runDeprecatedConstant(pass *Pass) {
	for _, f := range pass.Result.Findings {
		if f.Kind != analysis.NamedConstant || f.Where == analysis.InComment {
			continue
		}
		eco, ok := pass.Catalog.Ecosystem(f.Ecosystem)
		if !ok {
			continue
		}
		c, ok := eco.Lookup(f.Name)
		if !ok || !c.Deprecated {
			continue
		}
		msg := pass.msg("SL006", "name", f.Name, "library", eco.Name)
		if c.Note != "" {
			msg = pass.msg("SL006.note", "message", msg, "note", c.Note)
		}
		d := Diagnostic{Start: f.Start, End: f.End, Tags: []Tag{Deprecated}}
		if c.Replacement != "" {
			msg = pass.msg("SL006.use", "message", msg, "replacement", c.Replacement)
			ns := f.End - len(f.Name)
			d.Fixes = []Fix{{Title: pass.msg("SL006.fix", "replacement", c.Replacement), Edits: []Edit{{Start: ns, End: f.End, NewText: c.Replacement}}}}
		}
		d.Message = msg
		pass.Report(d)
	}
}

// firstSentence returns the first sentence of catalogue prose, on one line.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
