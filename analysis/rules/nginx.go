package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/nginxconf"
)

// The nginx checks read the block structure (analysis/nginxconf) rather
// than the findings alone: whether a block proxies, whether an enclosing
// block sets limit_req_status, and where a directive goes all depend on it.

// nginxCodeBounds are the codes each directive accepts; outside them
// "nginx -t" fails and nginx refuses to start.
var nginxCodeBounds = map[string][2]int{
	"error_page":        {300, 599},
	"return":            {0, 999},
	"limit_req_status":  {400, 599},
	"limit_conn_status": {400, 599},
}

// nginxUpstreamCodes are the http_XXX conditions that *_next_upstream and
// *_cache_use_stale accept; any other is an "invalid value".
var nginxUpstreamCodes = []string{"http_500", "http_502", "http_503", "http_504", "http_403", "http_404", "http_429"}

func isUpstreamList(name string) bool {
	return strings.HasSuffix(name, "_next_upstream") || strings.HasSuffix(name, "_cache_use_stale")
}

// nginxRejects reports whether nginx refuses a code found by the scanner,
// which NginxInvalidStatus reports in nginx's own terms, so that SL001
// does not report it twice.
func nginxRejects(f analysis.Finding) bool {
	b, ok := nginxCodeBounds[f.Directive]
	if !ok || f.Directive == "error_page" && f.Role != analysis.ErrorStatus {
		return false
	}
	return f.Code < b[0] || f.Code > b[1]
}

// nginxRemedies are the directives worth adding where a code comes from,
// with a sensible value and why (the catalogue's message
// "rule.SL106.why."+why); "_" stands for the proxy module of the block
// (proxy_, fastcgi_, uwsgi_, grpc_, scgi_). One line per directive.
var nginxRemedies = []struct {
	code       int
	directive  string
	value, why string
}{
	{502, "_next_upstream", "error timeout http_502", "next-upstream"},
	{502, "_connect_timeout", "5s", "connect-fast"},
	{504, "_read_timeout", "120s", "read"},
	{504, "_send_timeout", "120s", "send"},
	{504, "_connect_timeout", "5s", "connect-retry"},
	{413, "client_max_body_size", "20m", "body"},
	{414, "large_client_header_buffers", "4 32k", "uri"},
	{494, "large_client_header_buffers", "4 32k", "headers"},
}

var nginxPasses = []string{"proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass", "scgi_pass"}

// nginxTree returns the directives of an nginx file, parsed once per run
// for all the nginx rules.
func nginxTree(pass *Pass) []*nginxconf.Directive {
	if pass.Result.Language != analysis.Nginx {
		return nil
	}
	return pass.cached().nginx.get(func() []*nginxconf.Directive { return nginxconf.Parse(pass.Text) })
}

// NginxInvalidStatus (SL101) reports a code that nginx refuses, so that the
// mistake shows in the editor rather than as a failed reload in production:
// error_page codes outside 300-599, return codes above 999,
// limit_req_status and limit_conn_status outside 400-599, and http_XXX
// conditions of proxy_next_upstream other than 403, 404, 429, 500, 502,
// 503 and 504.
//
//	error_page 200 /ok.html;                      # SL101: nginx -t fails
//	proxy_next_upstream error http_501;           # SL101: invalid value
//	error_page 500 502 503 504 /50x.html;         # right
var NginxInvalidStatus = &Rule{
	ID:   "SL101",
	Name: "nginx-invalid-status",
	Doc: `status code that nginx refuses: nginx -t fails and nginx will not start

error_page takes 300-599, return 0-999, limit_req_status and limit_conn_status
400-599, proxy_next_upstream http_403, 404, 429, 500, 502, 503 or 504.

Wrong:
	error_page 200 /ok.html;
	proxy_next_upstream error http_501;

Right:
	error_page 500 502 503 504 /50x.html;
	proxy_next_upstream error timeout http_502;`,
	Severity: Error,
	Run:      runNginxInvalidStatus,
}

func runNginxInvalidStatus(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		bounds, bounded := nginxCodeBounds[d.Name]
		for i, a := range d.Args {
			switch {
			case isUpstreamList(d.Name):
				if strings.HasPrefix(a.Text, "http_") && !slices.Contains(nginxUpstreamCodes, a.Text) {
					pass.Report(Diagnostic{Start: a.Start, End: a.End,
						Message: pass.msg("SL101.upstream", "directive", d.Name, "value", a.Text)})
				}
			case bounded:
				n, err := strconv.Atoi(a.Text)
				if err != nil || d.Name != "error_page" && i > 0 {
					return // error_page's codes end at "=" or the URI
				}
				if n < bounds[0] || n > bounds[1] {
					pass.Report(Diagnostic{Start: a.Start, End: a.End,
						Message: pass.msg("SL101.range", "directive", d.Name, "min", strconv.Itoa(bounds[0]), "max", strconv.Itoa(bounds[1]),
							"code", strconv.Itoa(n), "value", a.Text)})
				}
			}
		}
	})
}

// NginxTemporaryHttpsRedirect (SL102) reports a temporary redirect that
// sends plain-HTTP requests to HTTPS. A 302 or 307 is not cached, so every
// visit pays the extra round trip over plain HTTP, and search engines keep
// the http:// URL. The fixes switch to 301, or to 308 which also keeps the
// method and body of a POST.
//
//	return 302 https://$host$request_uri;   # SL102
//	return 301 https://$host$request_uri;   # right
var NginxTemporaryHttpsRedirect = &Rule{
	ID:   "SL102",
	Name: "nginx-temporary-https-redirect",
	Doc: `temporary redirect (302, 307) from http to https

The move to HTTPS is permanent: use 301, or 308 to keep the method.

Wrong:
	return 302 https://$host$request_uri;

Right:
	return 301 https://$host$request_uri;`,
	Severity: Warning,
	Run:      runNginxTemporaryHttpsRedirect,
}

func runNginxTemporaryHttpsRedirect(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		if d.Name != "return" || len(d.Args) < 2 || d.Args[0].Text != "302" && d.Args[0].Text != "307" {
			return
		}
		url := strings.Trim(d.Args[1].Text, `"'`)
		if !strings.HasPrefix(url, "https://") || !strings.Contains(url, "$request_uri") && !strings.HasSuffix(url, "$uri") {
			return
		}
		a := d.Args[0]
		pass.Report(Diagnostic{Start: a.Start, End: a.End,
			Message: pass.msg("SL102", "code", a.Text),
			Fixes:   permanentFixes(pass, a.Start, a.End, "{code}")})
	})
}

// NginxRedirectWithoutUrl (SL103) reports "return 301;" and the like: nginx
// sends the redirect with no Location header, so the browser shows an
// empty page instead of going anywhere.
//
//	return 301;                              # SL103
//	return 301 https://example.com$request_uri;  # right
var NginxRedirectWithoutUrl = &Rule{
	ID:   "SL103",
	Name: "nginx-redirect-without-url",
	Doc: `3xx return without a URL

A redirect needs the URL to go to: return 301 https://...;

Wrong:
	return 301;

Right:
	return 301 https://example.com$request_uri;`,
	Severity: Warning,
	Run:      runNginxRedirectWithoutUrl,
}

func runNginxRedirectWithoutUrl(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		if d.Name != "return" || len(d.Args) != 1 {
			return
		}
		switch a := d.Args[0]; a.Text {
		case "301", "302", "303", "307", "308":
			pass.Report(Diagnostic{Start: a.Start, End: a.End, Message: pass.msg("SL103", "code", a.Text)})
		}
	})
}

// NginxLimitWithoutStatus (SL104) reports limit_req and limit_conn in a
// block where no limit_req_status / limit_conn_status applies: rejected
// clients then get 503 Service Unavailable, which monitors and clients read
// as an outage rather than as throttling. The fix adds the status line,
// 429 Too Many Requests, after the limit.
//
//	limit_req zone=api burst=20;                      # SL104
//	limit_req zone=api burst=20; limit_req_status 429; # right
var NginxLimitWithoutStatus = &Rule{
	ID:   "SL104",
	Name: "nginx-limit-without-status",
	Doc: `limit_req or limit_conn rejects with 503 because no limit_*_status is set

Add limit_req_status 429; (limit_conn_status 429;) so clients see throttling.

Wrong:
	limit_req zone=api burst=20;

Right:
	limit_req zone=api burst=20;
	limit_req_status 429;`,
	Severity: Information,
	Run:      runNginxLimitWithoutStatus,
}

func runNginxLimitWithoutStatus(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		if d.Name != "limit_req" && d.Name != "limit_conn" {
			return
		}
		status := d.Name + "_status"
		if d.Find(status) != nil {
			return
		}
		// After the block's last limit, so that several limits in one
		// block get one status line.
		last := d
		for _, s := range d.Parent.Block {
			if s.Name == d.Name {
				last = s
			}
		}
		pass.Report(Diagnostic{Start: d.NameStart, End: d.NameStart + len(d.Name),
			Message: pass.msg("SL104", "directive", d.Name, "status", status),
			Fixes:   []Fix{{Title: pass.msg("fix.add", "line", status+" 429;"), Edits: []Edit{insertAfter(pass.Text, last, status+" 429;")}, Preferred: true}}})
	})
}

// NginxErrorMaskedAsSuccess (SL105) reports error_page turning an error
// into a success (error_page 404 =200 /index.html): clients, crawlers and
// monitors then see success for a missing page. A single-page application
// that needs every path to serve index.html says so with try_files.
//
//	error_page 404 =200 /index.html;     # SL105
//	try_files $uri $uri/ /index.html;    # right, for a single-page app
var NginxErrorMaskedAsSuccess = &Rule{
	ID:   "SL105",
	Name: "nginx-error-masked-as-success",
	Doc: `error_page that answers an error with a 2xx code

error_page 404 =200 ... hides errors from clients, crawlers and monitors.

Wrong:
	error_page 404 =200 /index.html;

Right:
	try_files $uri $uri/ /index.html;`,
	Severity: Warning,
	Run:      runNginxErrorMaskedAsSuccess,
}

func runNginxErrorMaskedAsSuccess(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		if d.Name != "error_page" {
			return
		}
		var errs []string
		for _, a := range d.Args {
			if n, err := strconv.Atoi(a.Text); err == nil {
				if n >= 400 {
					errs = append(errs, a.Text)
				}
				continue
			}
			if n, err := strconv.Atoi(strings.TrimPrefix(a.Text, "=")); err == nil && strings.HasPrefix(a.Text, "=") && n/100 == 2 && len(errs) > 0 {
				pass.Report(Diagnostic{Start: a.Start, End: a.End,
					Message: pass.msg("SL105", "errors", strings.Join(errs, ", "), "title", title(pass.Catalog, n))})
			}
			break
		}
	})
}

// NginxUpstreamErrorHelp (SL106) explains 502 and 504 where a block that
// proxies handles them (error_page, proxy_next_upstream), and 413, 414 and
// 494 where error_page names them, with the causes and fixes from the
// catalogue (413, 414 and 494 only while their limit is unset), and offers
// to add the directives that address them in the
// right block: timeouts and retries next to proxy_pass, body and header
// limits next to error_page. Which directives, with which values, is the
// table nginxRemedies.
//
//	location /api/ {
//	    proxy_pass http://app;
//	    error_page 504 /timeout.html;   # SL106: proxy_read_timeout 120s; ...
//	}
var NginxUpstreamErrorHelp = &Rule{
	ID:   "SL106",
	Name: "nginx-upstream-error-help",
	Doc: `causes and fixes of 502/504 in a proxied block, 413/414/494 in error_page

Offers to add proxy_connect_timeout, proxy_read_timeout, proxy_next_upstream,
client_max_body_size or large_client_header_buffers where they belong.

Wrong:
	location /api/ {
	    proxy_pass http://app;
	    error_page 504 /timeout.html;
	}

Right:
	location /api/ {
	    proxy_pass http://app;
	    proxy_read_timeout 120s;
	    error_page 504 /timeout.html;
	}`,
	Severity: Information,
	Run:      runNginxUpstreamErrorHelp,
}

func runNginxUpstreamErrorHelp(pass *Pass) {
	nginxconf.Walk(nginxTree(pass), func(d *nginxconf.Directive) {
		if d.Name != "error_page" && !strings.HasSuffix(d.Name, "_next_upstream") {
			return
		}
		for _, a := range d.Args {
			code, err := strconv.Atoi(strings.TrimPrefix(a.Text, "http_"))
			if err != nil {
				if d.Name == "error_page" {
					return
				}
				continue
			}
			start := a.End - 3
			var target *nginxconf.Directive // where the remedies go
			var module, proxy string
			switch code {
			case 502, 504:
				p := proxyOf(d)
				if p == nil {
					continue
				}
				target, module = p, strings.TrimSuffix(p.Name, "_pass")
				proxy = strings.TrimSpace(p.Name + " " + argText(p))
			case 413, 414, 494:
				if d.Name != "error_page" {
					continue
				}
				target = d
			default:
				continue
			}
			e, ok := pass.Catalog.Primary(code)
			if !ok {
				continue
			}
			txt := e.TextIn(pass.Locale)
			what := e.Title()
			if proxy != "" {
				what = pass.msg("SL106.upstream", "title", what, "proxy", proxy)
			}
			diag := Diagnostic{Start: start, End: a.End,
				Message: pass.msg("SL106", "title", what, "seen", prose(txt.Seen), "fix", prose(txt.Fix))}
			for _, r := range nginxRemedies {
				if r.code != code {
					continue
				}
				name := r.directive
				if strings.HasPrefix(name, "_") {
					name = module + name
				}
				if target.Find(name) != nil {
					continue // already set here or in an enclosing block
				}
				line := name + " " + r.value + ";"
				diag.Fixes = append(diag.Fixes, Fix{Title: pass.msg("SL106.fix", "line", line, "why", pass.msg("SL106.why."+r.why)),
					Edits: []Edit{insertAfter(pass.Text, target, line)}})
			}
			if proxy == "" && len(diag.Fixes) == 0 {
				continue // a client-side limit already set: nothing to add
			}
			pass.Report(diag)
		}
	})
}

// permanentFixes are the two ways to make a temporary redirect permanent:
// writing 301 over start:end (preferred, the usual choice) or 308, which
// also keeps the method and body. tmpl is the text to write, with {code}
// for the code ("R={code}" for RewriteRule's flag).
func permanentFixes(pass *Pass, start, end int, tmpl string) []Fix {
	return []Fix{
		{Title: pass.msg("fix.301"), Edits: []Edit{{Start: start, End: end, NewText: strings.ReplaceAll(tmpl, "{code}", "301")}}, Preferred: true},
		{Title: pass.msg("fix.308"), Edits: []Edit{{Start: start, End: end, NewText: strings.ReplaceAll(tmpl, "{code}", "308")}}},
	}
}

// proxyOf finds the *_pass directive that makes d's surroundings a proxy:
// in d's block or an enclosing one, or anywhere inside the nearest
// enclosing server block (error_page at server level covers the proxied
// locations).
func proxyOf(d *nginxconf.Directive) *nginxconf.Directive {
	for b := d.Parent; b != nil; b = b.Parent {
		var found *nginxconf.Directive
		nginxconf.Walk(b.Block, func(s *nginxconf.Directive) {
			if found == nil && slices.Contains(nginxPasses, s.Name) {
				found = s
			}
		})
		if found != nil || b.Name == "server" {
			return found
		}
	}
	return nil
}

func argText(d *nginxconf.Directive) string {
	var parts []string
	for _, a := range d.Args {
		parts = append(parts, a.Text)
	}
	return strings.Join(parts, " ")
}

// insertAfter returns the edit that adds a directive on the line after d,
// indented like d.
func insertAfter(text []byte, d *nginxconf.Directive, line string) Edit {
	ls := lineStart(text, d.NameStart)
	ind := indentAt(text, ls)
	if ls+len(ind) != d.NameStart {
		ind = "" // d does not start its line
	}
	at := lineEnd(text, d.End)
	if at == len(text) {
		return Edit{Start: at, End: at, NewText: "\n" + ind + line}
	}
	return Edit{Start: at + 1, End: at + 1, NewText: ind + line + "\n"}
}

// prose flattens catalogue Markdown (indented list items) for a diagnostic
// message.
func prose(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for l := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case b.Len() == 0:
			b.WriteString(l)
		case strings.HasPrefix(l, "- ") || len(l) > 2 && l[0] >= '0' && l[0] <= '9' && (l[1] == '.' || l[2] == '.'):
			b.WriteByte('\n') // a list item starts a line
			b.WriteString(l)
		default:
			b.WriteByte(' ') // a wrapped line goes on the one before
			b.WriteString(l)
		}
	}
	return b.String()
}
