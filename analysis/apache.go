package analysis

import "bytes"

// Apache httpd configuration and .htaccess files: line-based directives,
// case-insensitive names. Codes appear as ErrorDocument's and Redirect's
// first argument, in RewriteRule's [R=301] flag, after ProxyErrorOverride
// On, in mod_security's status:403 action and compared with
// %{REQUEST_STATUS} in expressions.

var apacheRedirects = []string{"redirect", "redirectmatch"}

func (s *scan) scanApache() {
	var ws words
	eachLine(s.text, func(lo, hi int) { s.apacheLine(lo, hi, &ws) })
}

// isApacheCodeDirective reports whether a directive takes status codes.
func isApacheCodeDirective(name []byte) bool {
	return eqFold(name, "errordocument") || inFold(name, apacheRedirects) || eqFold(name, "rewriterule") || eqFold(name, "proxyerroroverride")
}

// apacheLine scans one line of Apache configuration.
func (s *scan) apacheLine(lo, hi int, ws *words) {
	text := s.text
	c := splitWords(text, lo, hi, ws)
	if c < hi {
		if ws.n == 0 && !s.commented && s.commentedOut(c, hi, isApacheCodeDirective, func(lo, hi int) { s.apacheLine(lo, hi, ws) }) {
			return
		}
		s.prose(c, hi, InComment)
	}
	if ws.n == 0 {
		return
	}
	name := ws.word(text, 0)
	switch {
	case eqFold(name, "errordocument") && ws.n > 1:
		a := ws.w[1]
		s.addNumber(a[0], a[1], NumericLiteral, InCode, slot{role: ErrorStatus, filter: anyInt, evidence: Strong, directive: "ErrorDocument", context: "Apache ErrorDocument"})
	case inFold(name, apacheRedirects) && ws.n > 2:
		a := ws.w[1]
		s.addNumber(a[0], a[1], NumericLiteral, InCode, slot{role: RedirectStatus, filter: anyInt, evidence: Strong, directive: "Redirect", context: "Apache Redirect status"})
	case eqFold(name, "rewriterule") && ws.n > 3:
		flags := ws.w[ws.n-1]
		s.rewriteFlags(flags[0], flags[1])
	case eqFold(name, "proxyerroroverride"):
		for k := 2; k < ws.n; k++ {
			a := ws.w[k]
			s.addNumber(a[0], a[1], NumericLiteral, InCode, slot{role: Condition, filter: anyInt, evidence: Strong, directive: "ProxyErrorOverride", context: "Apache ProxyErrorOverride"})
		}
	}
	line := text[lo:c]
	if i := bytes.Index(line, []byte("status:")); i >= 0 && bytes.HasPrefix(bytes.ToLower(name), []byte("sec")) {
		a, b := digitsAt(text, lo+i+len("status:"), c)
		s.addNumber(a, b, NumericLiteral, InString, slot{role: ErrorStatus, filter: anyInt, evidence: Strong, directive: string(name), context: "mod_security status action"})
	}
	if i := bytes.Index(line, []byte("REQUEST_STATUS")); i >= 0 {
		s.compareAfter(lo+i+len("REQUEST_STATUS"), c, slot{role: Compare, filter: anyInt, evidence: Strong, directive: "If", context: "compared with %{REQUEST_STATUS}"})
	}
}

// rewriteFlags reads [R=301,L] or [redirect=302].
func (s *scan) rewriteFlags(lo, hi int) {
	text := s.text
	if lo >= hi || text[lo] != '[' {
		return
	}
	i := lo + 1
	for i < hi {
		j := i
		for j < hi && text[j] != ',' && text[j] != ']' {
			j++
		}
		f := text[i:j]
		if eq := bytes.IndexByte(f, '='); eq > 0 && (eqFold(f[:eq], "r") || eqFold(f[:eq], "redirect")) {
			role := RedirectStatus
			if n, ok := atoi(f[eq+1:]); ok && (n < 300 || n > 399) {
				role = Status
			}
			s.addNumber(i+eq+1, j, NumericLiteral, InCode, slot{role: role, filter: anyInt, evidence: Strong, directive: "RewriteRule", context: "RewriteRule [R=] flag"})
		}
		i = j + 1
	}
}
