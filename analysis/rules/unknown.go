package rules

import (
	"fmt"
	"strconv"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/catalog"
)

// UnknownStatusCode (SL001) reports a number used as a status code that is no
// status code: one outside 100-599 is an error, since HTTP has no such code
// and many clients reject the response; one inside the range that neither the
// IANA registry nor a known vendor defines is a warning.
//
//	w.WriteHeader(4040) // SL001 error: not a status code
//	w.WriteHeader(432)  // SL001 warning: not registered
//	w.WriteHeader(400)  // right
//
// Only findings with strong evidence outside comments are checked: the
// argument of WriteHeader, an nginx return, an OpenAPI response key. Numbers
// in comments or prose are explained on hover but never flagged, and neither
// are the codes of access log lines, which record what happened rather than
// say what to send.
//
// The unregistered case has a fix, replacing the code with the x00 code of
// its class (432 → 400): RFC 9110 §15 requires clients to treat an
// unrecognised code as the x00 code of its class, so the fix makes explicit
// what every client already does, and changes no behaviour. Guessing the
// "nearest" registered code would change behaviour on a guess, so it is not
// offered. A code outside the range has no class, and so no fix.
var UnknownStatusCode = &Rule{
	ID:   "SL001",
	Name: "unknown-status-code",
	Doc: `status code outside 100-599 or not registered

A status code must be three digits from 100 to 599 (RFC 9110 §15), and
should be one that the IANA registry or a known vendor defines.

Wrong:
	w.WriteHeader(4040)  // not a status code
	w.WriteHeader(432)   // not registered

Right:
	w.WriteHeader(400)`,
	Severity: Warning,
	Run:      runUnknownStatusCode,
}

func runUnknownStatusCode(pass *Pass) {
	for _, f := range pass.Result.Findings {
		if f.Where == analysis.InComment || f.Evidence != analysis.Strong || f.Role == analysis.Logged || f.Role == analysis.Mention {
			continue
		}
		if f.Kind != analysis.NumericLiteral && f.Kind != analysis.StringLiteral {
			continue
		}
		if pass.Result.Language == analysis.Nginx && nginxRejects(f) {
			continue // SL101 says it in nginx's terms
		}
		if pass.Result.Language == analysis.Apache && apacheRejects(pass, f) {
			continue // SL201 and SL202 say it in Apache's terms
		}
		if catalog.ClassOf(f.Code) == 0 && openapiOwns(pass, f) {
			continue // SL301 says it in OpenAPI's terms
		}
		start, end := digits(pass.Text, f.Start, f.End)
		class := catalog.ClassOf(f.Code)
		if class == 0 {
			pass.Report(Diagnostic{
				Start: start, End: end, Severity: Error,
				Message: pass.msg("SL001.outside", "code", strconv.Itoa(f.Code)),
			})
			continue
		}
		if known(pass, f.Code) {
			continue
		}
		generic := int(class) * 100
		d := Diagnostic{
			Start: start, End: end,
			Message: pass.msg("SL001.unregistered", "code", strconv.Itoa(f.Code), "generic", title(pass.Catalog, generic)),
		}
		if generic != f.Code {
			d.Fixes = []Fix{{
				Title:     pass.msg("fix.replace", "name", title(pass.Catalog, generic)),
				Edits:     []Edit{{Start: start, End: end, NewText: strconv.Itoa(generic)}},
				Preferred: true,
			}}
		}
		pass.Report(d)
	}
}

// known reports whether the registry, or a vendor when vendor codes are on,
// defines the code.
func known(pass *Pass, code int) bool {
	for _, e := range pass.Catalog.Lookup(code) {
		if e.Status.Standard() || pass.VendorCodes {
			return true
		}
	}
	return false
}

func title(c *catalog.Catalog, code int) string {
	if e, ok := c.Primary(code); ok {
		return e.Title()
	}
	return fmt.Sprint(code)
}

// digits narrows a finding to its run of digits, so that the diagnostic and
// the fix cover "432" and not the quotes around an OpenAPI key.
func digits(text []byte, start, end int) (int, int) {
	s := start
	for s < end && (text[s] < '0' || text[s] > '9') {
		s++
	}
	e := s
	for e < end && text[e] >= '0' && text[e] <= '9' {
		e++
	}
	if s == e {
		return start, end
	}
	return s, e
}
