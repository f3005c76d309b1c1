package analysis

import "bytes"

// HAProxy configuration: line-based. Codes follow errorfile and errorloc,
// and the keywords deny_status, set-status, code (of redirect), status (of
// http-request return and http-check expect) and the status fetch of ACLs.

var haproxyFirstArg = []string{"errorfile", "errorloc", "errorloc302", "errorloc303"}

func (s *scan) scanHAProxy() {
	var ws words
	eachLine(s.text, func(lo, hi int) { s.haproxyLine(lo, hi, &ws) })
}

// isHAProxyCodeDirective reports whether a line starting with name can hold codes.
func isHAProxyCodeDirective(name []byte) bool {
	return inList(name, haproxyFirstArg) || bytes.HasPrefix(name, []byte("http-")) || string(name) == "redirect" || string(name) == "acl"
}

// haproxyLine scans one line; a commented-out directive is read as one, its
// codes reported in the comment.
func (s *scan) haproxyLine(lo, hi int, ws *words) {
	text := s.text
	c := splitWords(text, lo, hi, ws)
	if c < hi {
		if ws.n == 0 && !s.commented && s.commentedOut(c, hi, isHAProxyCodeDirective, func(lo, hi int) { s.haproxyLine(lo, hi, ws) }) {
			return
		}
		s.prose(c, hi, InComment)
	}
	if ws.n == 0 {
		return
	}
	name := ws.word(text, 0)
	if inList(name, haproxyFirstArg) && ws.n > 1 {
		a := ws.w[1]
		s.addNumber(a[0], a[1], NumericLiteral, InCode, slot{role: ErrorStatus, filter: anyInt, evidence: Strong, context: "HAProxy ", key: name})
		return
	}
	line := text[lo:c]
	for k := 1; k+1 < ws.n; k++ {
		w := ws.word(text, k)
		var sl slot
		switch string(w) {
		case "deny_status":
			sl = slot{role: ErrorStatus, directive: "deny_status", context: "HAProxy deny_status"}
		case "set-status":
			sl = slot{role: Status, directive: "set-status", context: "HAProxy set-status"}
		case "code":
			if !bytes.Contains(line, []byte("redirect")) {
				continue
			}
			sl = slot{role: RedirectStatus, directive: "redirect", context: "HAProxy redirect code"}
		case "status":
			switch {
			case bytes.Contains(line, []byte("http-check")) || bytes.Contains(line, []byte("expect")):
				sl = slot{role: Expected, directive: "http-check expect", context: "HAProxy expected status"}
			case string(name) == "acl" || string(ws.word(text, k-1)) == "{" || string(ws.word(text, k-1)) == "!":
				sl = slot{role: Condition, directive: "acl", context: "HAProxy status ACL"}
			default:
				sl = slot{role: Status, directive: "status", context: "HAProxy return status"}
			}
		default:
			continue
		}
		sl.filter, sl.evidence = anyInt, Strong
		a := ws.w[k+1]
		if op := ws.word(text, k+1); string(op) == "eq" || string(op) == "ge" || string(op) == "gt" || string(op) == "le" || string(op) == "lt" {
			if k+2 >= ws.n {
				continue
			}
			a = ws.w[k+2]
		}
		if d := bytes.IndexByte(text[a[0]:a[1]], ':'); d > 0 {
			s.addNumber(a[0], a[0]+d, NumericLiteral, InCode, sl)
			s.addNumber(a[0]+d+1, a[1], NumericLiteral, InCode, sl)
			continue
		}
		s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
	}
}
