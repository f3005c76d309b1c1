package rules

import (
	"strconv"
	"strings"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/apacheconf"
)

// The Apache checks read the directives (analysis/apacheconf): a
// Redirect's status, path and URL, a RewriteRule's substitution and flags.
// What httpd accepts is taken from mod_alias (add_redirect_internal: a 3xx
// status needs a URL, any other status must have none), mod_rewrite
// (the R flag takes any code httpd knows; outside 300-399 the
// substitution is dropped) and core (ErrorDocument takes a code httpd
// knows). httpd's table of codes follows the IANA registry, which is what
// the catalogue's Registered reports.

// apacheRedirectKeywords are the statuses mod_alias and the R flag accept
// by name.
var apacheRedirectKeywords = map[string]int{"permanent": 301, "temp": 302, "seeother": 303, "gone": 410}

// apacheFixedRedirects are the mod_alias directives whose status is in
// their name.
var apacheFixedRedirects = map[string]int{"redirectpermanent": 301, "redirecttemp": 302}

// apacheTree returns the directives of an Apache file, parsed once per run
// for all the Apache rules.
func apacheTree(pass *Pass) []*apacheconf.Directive {
	if pass.Result.Language != analysis.Apache {
		return nil
	}
	return pass.cached().apache.get(func() []*apacheconf.Directive { return apacheconf.Parse(pass.Text) })
}

// apacheKnows reports whether httpd has the code in its table: 500 always
// (its index is the fallback for unknown ones), else the registered codes.
func apacheKnows(pass *Pass, code int) bool {
	return code == 500 || pass.Catalog.Registered(code)
}

// apacheRejects reports a code that SL201 or SL202 reports as one httpd
// refuses, so that SL001 does not say it twice.
func apacheRejects(pass *Pass, f analysis.Finding) bool {
	switch f.Directive {
	case "ErrorDocument", "RewriteRule":
		return !apacheKnows(pass, f.Code)
	}
	return false
}

// ApacheErrorDocumentNotError (SL201) reports ErrorDocument given a code
// that is no error (the page is never shown for a success, and replaces
// the body of a redirect), as a warning, and one httpd does not know,
// which stops it from starting, as an error.
//
//	ErrorDocument 200 /index.html        # SL201: 200 is not an error
//	ErrorDocument 299 /errors/299.html   # SL201 (error): Unsupported HTTP response code
//	ErrorDocument 404 /errors/404.html   # right
var ApacheErrorDocumentNotError = &Rule{
	ID:   "SL201",
	Name: "apache-error-document-not-error",
	Doc: `ErrorDocument with a code that is no error, or one Apache does not know

ErrorDocument sets the page for a 4xx or 5xx response; Apache refuses codes it does not know.

Wrong:
	ErrorDocument 200 /index.html

Right:
	ErrorDocument 404 /errors/404.html`,
	Severity: Warning,
	Run:      runApacheErrorDocumentNotError,
}

func runApacheErrorDocumentNotError(pass *Pass) {
	apacheconf.Walk(apacheTree(pass), func(d *apacheconf.Directive) {
		if !strings.EqualFold(d.Name, "ErrorDocument") || len(d.Args) == 0 {
			return
		}
		a := d.Args[0]
		code, err := strconv.Atoi(a.Text)
		if err != nil {
			return
		}
		switch {
		case !apacheKnows(pass, code):
			pass.Report(Diagnostic{Start: a.Start, End: a.End, Severity: Error, Message: pass.msg("SL201.unsupported", "code", a.Text)})
		case code < 400:
			pass.Report(Diagnostic{Start: a.Start, End: a.End, Message: pass.msg("SL201.not-error", "code", a.Text, "title", title(pass.Catalog, code))})
		}
	})
}

// ApacheInvalidRedirect (SL202) reports a redirect status that httpd
// refuses, which stops it from starting: a Redirect or RedirectMatch
// whose 3xx status has no URL, or whose other status (410, 404) has one;
// a RewriteRule [R=...] code httpd does not know. An R flag outside
// 300-399 with a substitution is a warning: httpd drops the substitution
// and answers with the code, which the rule does not say; the preferred
// fix writes "-", which changes nothing but the reading.
//
//	Redirect 301 /old                       # SL202: URL to redirect to is missing
//	Redirect 410 /old https://example.com/  # SL202: Redirect URL not valid for this status
//	RewriteRule ^old$ /new [R=299]          # SL202: invalid HTTP response code
//	RewriteRule ^old$ /gone.html [R=410]    # SL202 (warning): /gone.html is dropped
//	Redirect gone /old                      # right
//	RewriteRule ^old$ - [R=410]             # right
var ApacheInvalidRedirect = &Rule{
	ID:   "SL202",
	Name: "apache-invalid-redirect",
	Doc: `Redirect or RewriteRule [R=] status that Apache refuses, or whose target it drops

A 3xx Redirect needs a URL, any other status takes none; R= takes a code
Apache knows, and outside 300-399 drops the substitution.

Wrong:
	Redirect 301 /old
	Redirect 410 /old https://example.com/
	RewriteRule ^old$ /gone.html [R=410]

Right:
	Redirect 301 /old https://example.com/new
	Redirect gone /old
	RewriteRule ^old$ - [R=410]`,
	Severity: Error,
	Run:      runApacheInvalidRedirect,
}

func runApacheInvalidRedirect(pass *Pass) {
	apacheconf.Walk(apacheTree(pass), func(d *apacheconf.Directive) {
		name := strings.ToLower(d.Name)
		switch {
		case name == "redirect" || name == "redirectmatch":
			if len(d.Args) < 2 {
				return
			}
			a := d.Args[0]
			status, ok := apacheRedirectKeywords[strings.ToLower(a.Text)]
			if !ok {
				n, err := strconv.Atoi(a.Text)
				if err != nil {
					return // Redirect /path URL: 302
				}
				status = n
			}
			redirect := d.Name + " " + a.Text
			switch {
			case status/100 == 3 && len(d.Args) == 2:
				pass.Report(Diagnostic{Start: a.Start, End: a.End, Message: pass.msg("SL202.missing-url", "redirect", redirect)})
			case status/100 != 3 && len(d.Args) >= 3:
				u := d.Args[2]
				pass.Report(Diagnostic{Start: u.Start, End: u.End, Message: pass.msg("SL202.extra-url", "redirect", redirect),
					Fixes: []Fix{{Title: pass.msg("SL202.fix.remove-url"), Edits: []Edit{{Start: d.Args[1].End, End: u.End}}}}})
			}
		case name == "rewriterule":
			f, ok := redirectFlag(d)
			if !ok || f.value == "" {
				return
			}
			code, err := strconv.Atoi(f.value)
			if err != nil {
				return
			}
			switch {
			case !apacheKnows(pass, code):
				pass.Report(Diagnostic{Start: f.valueStart, End: f.end, Message: pass.msg("SL202.unknown-r", "code", f.value)})
			case code/100 != 3 && len(d.Args) >= 2 && d.Args[1].Text != "-":
				sub := d.Args[1]
				pass.Report(Diagnostic{Start: f.valueStart, End: f.end, Severity: Warning,
					Message: pass.msg("SL202.dropped", "code", f.value, "target", sub.Text, "title", title(pass.Catalog, code)),
					Fixes:   []Fix{{Title: pass.msg("SL202.fix.dash"), Edits: []Edit{{Start: sub.Start, End: sub.End, NewText: "-"}}, Preferred: true}}})
			}
		}
	})
}

// rFlag is a RewriteRule's R (redirect) flag: its key, and its value when
// it has one ("R=301", "redirect=temp").
type rFlag struct {
	start, end int // the whole flag
	valueStart int // after "=", or end
	value      string
}

// redirectFlag finds the R flag in a RewriteRule's flags ([L,R=301]).
func redirectFlag(d *apacheconf.Directive) (rFlag, bool) {
	if len(d.Args) < 3 {
		return rFlag{}, false
	}
	w := d.Args[len(d.Args)-1]
	if !strings.HasPrefix(w.Text, "[") || !strings.HasSuffix(w.Text, "]") {
		return rFlag{}, false
	}
	at := w.Start + 1
	for f := range strings.SplitSeq(w.Text[1:len(w.Text)-1], ",") {
		key, val, hasVal := strings.Cut(f, "=")
		if strings.EqualFold(key, "R") || strings.EqualFold(key, "redirect") {
			r := rFlag{start: at, end: at + len(f), valueStart: at + len(f), value: val}
			if hasVal {
				r.valueStart = at + len(key) + 1
			}
			return r, true
		}
		at += len(f) + 1
	}
	return rFlag{}, false
}

// ApacheTemporaryHttpsRedirect (SL203) reports a temporary redirect of a
// whole site to https: Redirect without a status or with temp, 302 or
// 307, RedirectTemp, and RewriteRule with [R], [R=302], [R=307] or
// [R=temp] whose target keeps the requested path (%{REQUEST_URI}, $1). As
// with nginx's SL102, browsers do not remember a temporary redirect and
// search engines keep the http:// URL. The fixes write 301 (preferred) or
// 308, which also keeps the method and body.
//
//	Redirect / https://shop.example.com/                              # SL203
//	RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R,L]            # SL203
//	Redirect 301 / https://shop.example.com/                          # right
//	RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]        # right
var ApacheTemporaryHttpsRedirect = &Rule{
	ID:   "SL203",
	Name: "apache-temporary-https-redirect",
	Doc: `temporary redirect (302, 307, temp, R without a code) of a whole site to https

The move to HTTPS is permanent: use 301, or 308 to keep the method.

Wrong:
	Redirect / https://shop.example.com/
	RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R,L]

Right:
	Redirect 301 / https://shop.example.com/
	RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]`,
	Severity: Warning,
	Run:      runApacheTemporaryHttpsRedirect,
}

func runApacheTemporaryHttpsRedirect(pass *Pass) {
	apacheconf.Walk(apacheTree(pass), func(d *apacheconf.Directive) {
		name := strings.ToLower(d.Name)
		switch {
		case name == "redirect" || name == "redirectmatch" || apacheFixedRedirects[name] != 0:
			args := d.Args
			var status *apacheconf.Word
			if apacheFixedRedirects[name] == 0 && len(args) == 3 {
				status, args = &args[0], args[1:]
			}
			if len(args) != 2 || !wholeSiteToHTTPS(args[0].Value(), args[1].Value(), name == "redirectmatch") {
				return
			}
			switch {
			case name == "redirecttemp":
				pass.Report(Diagnostic{Start: d.NameStart, End: d.NameStart + len(d.Name), Message: pass.msg("SL203", "redirect", d.Name),
					Fixes: permanentFixes(pass, d.NameStart, d.NameStart+len(d.Name), "Redirect {code}")})
			case name == "redirectpermanent":
			case status == nil:
				a := args[0]
				pass.Report(Diagnostic{Start: d.NameStart, End: d.NameStart + len(d.Name), Message: pass.msg("SL203", "redirect", d.Name),
					Fixes: permanentFixes(pass, a.Start, a.Start, "{code} ")})
			case isTemporary(status.Text):
				pass.Report(Diagnostic{Start: status.Start, End: status.End, Message: pass.msg("SL203", "redirect", d.Name+" "+status.Text),
					Fixes: permanentFixes(pass, status.Start, status.End, "{code}")})
			}
		case name == "rewriterule":
			f, ok := redirectFlag(d)
			if !ok || !wholeSiteToHTTPS(d.Args[0].Value(), d.Args[1].Value(), true) {
				return
			}
			flag := string(pass.Text[f.start:f.end])
			switch {
			case f.value == "":
				key := strings.TrimSuffix(flag, "=")
				pass.Report(Diagnostic{Start: f.start, End: f.end, Message: pass.msg("SL203", "redirect", "RewriteRule ["+flag+"]"),
					Fixes: permanentFixes(pass, f.start, f.end, key+"={code}")})
			case isTemporary(f.value):
				pass.Report(Diagnostic{Start: f.valueStart, End: f.end, Message: pass.msg("SL203", "redirect", "RewriteRule ["+flag+"]"),
					Fixes: permanentFixes(pass, f.valueStart, f.end, "{code}")})
			}
		}
	})
}

func isTemporary(status string) bool {
	return status == "302" || status == "307" || strings.EqualFold(status, "temp")
}

// wholeSiteToHTTPS reports a redirect of every path to the same path on
// https: a Redirect of "/" (mod_alias appends the rest of the path), or a
// pattern whose target carries the path (%{REQUEST_URI}, or $1 of a
// pattern that matches everything). A redirect of one page to an https
// site (a promotion) is a choice, not a move, and is left alone.
func wholeSiteToHTTPS(path, target string, regex bool) bool {
	if !strings.HasPrefix(target, "https://") {
		return false
	}
	if !regex {
		return path == "/"
	}
	if strings.Contains(target, "%{REQUEST_URI}") {
		return true
	}
	switch path {
	case "^(.*)$", "^/?(.*)$", "^/(.*)$", "(.*)", "^(.*)", "^/?(.*)", "^/(.*)", ".*":
		return strings.Contains(target, "$1")
	}
	return false
}
