package analysis

import "bytes"

// Caddyfile: directives are the first word of a line. Codes are the bare
// numbers of respond, redir, error, handle_errors, copy_response and
// health_status, the codes and classes of status matchers, and numbers
// compared with {err.status_code} in expressions.

type caddyRule struct {
	name string
	role Role
	last bool // only the last argument (redir's code comes after the target)
}

var caddyDirectives = []caddyRule{
	{"respond", Status, false},
	{"redir", RedirectStatus, true},
	{"error", ErrorStatus, false},
	{"handle_errors", Condition, false},
	{"copy_response", Status, false},
	{"replace_status", Status, false},
	{"health_status", Expected, false},
	{"status", Condition, false},
}

func (s *scan) scanCaddy() {
	var ws words
	eachLine(s.text, func(lo, hi int) { s.caddyLine(lo, hi, &ws) })
}

// isCaddyCodeDirective reports whether a line starting with name can hold codes.
func isCaddyCodeDirective(name []byte) bool {
	if len(name) > 0 && name[0] == '@' {
		return true
	}
	for _, r := range caddyDirectives {
		if string(name) == r.name {
			return true
		}
	}
	return false
}

// caddyLine scans one line; a commented-out directive is read as one, its
// codes reported in the comment.
func (s *scan) caddyLine(lo, hi int, ws *words) {
	text := s.text
	c := splitWords(text, lo, hi, ws)
	if c < hi {
		if ws.n == 0 && !s.commented && s.commentedOut(c, hi, isCaddyCodeDirective, func(lo, hi int) { s.caddyLine(lo, hi, ws) }) {
			return
		}
		s.prose(c, hi, InComment)
	}
	if ws.n == 0 {
		return
	}
	k0 := 0
	if w := ws.word(text, 0); len(w) > 0 && w[0] == '@' {
		k0 = 1 // @name status 5xx: a one-line named matcher
	}
	name := ws.word(text, k0)
	for _, r := range caddyDirectives {
		if string(name) != r.name {
			continue
		}
		sl := slot{role: r.role, filter: anyInt, evidence: Strong, context: "Caddy ", key: name}
		for k := k0 + 1; k < ws.n; k++ {
			if r.last && k != ws.n-1 {
				continue
			}
			a := ws.w[k]
			w := text[a[0]:a[1]]
			if len(w) == 3 && w[0] >= '1' && w[0] <= '5' && (w[1] == 'x' || w[1] == 'X') && (w[2] == 'x' || w[2] == 'X') {
				s.addClass(a[0], a[1], InCode, sl)
				continue
			}
			s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
		}
	}
	line := text[lo:c]
	if i := bytes.Index(line, []byte("status_code}")); i >= 0 {
		s.compareAfter(lo+i+len("status_code}"), c, slot{role: Compare, filter: anyInt, evidence: Strong, directive: "expression", context: "compared with the status in a Caddy expression"})
	}
}
