package analysis

import "bytes"

// The remaining formats: .http/.rest request files, access logs and plain
// text, which gets only the conservative generic rules.

// statusLine reports the code of "HTTP/1.1 200 OK" starting at i (the H).
func (s *scan) statusLine(i, hi int, sl slot) bool {
	text := s.text
	if i+5 > hi || string(text[i:i+5]) != "HTTP/" {
		return false
	}
	j := i + 5
	for j < hi && (isDigit(text[j]) || text[j] == '.') {
		j++
	}
	if j == i+5 || j >= hi || text[j] != ' ' {
		return false
	}
	a, b := digitsAt(text, j+1, hi)
	if b-a != 3 || b < hi && isIdentByte(text[b]) {
		return false
	}
	return s.addNumber(a, b, NumericLiteral, InCode, sl)
}

// scanHTTPFile scans JetBrains/VS Code REST Client files and raw HTTP
// messages (HAProxy's error files): response lines (HTTP/1.1 200 OK),
// JavaScript response handlers ("> {% ... %}"), comments, and in headers
// and bodies the codes written with their reason phrase (see
// phrasedCodes).
func (s *scan) scanHTTPFile() {
	text := s.text
	i := 0
	for i < len(text) {
		j := lineEnd(text, i, len(text))
		k := i
		for k < j && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		switch {
		case k+1 < j && (text[k] == '#' || text[k] == '/' && text[k+1] == '/'):
			s.prose(k, j, InComment)
		case k+3 < j && string(text[k:k+4]) == "> {%":
			end := indexFrom(text, k+4, "%}")
			s.scanCodeAs(JavaScript, syntaxOf(JavaScript), k+4, end)
			j = lineEnd(text, end, len(text))
		case !s.statusLine(k, j, slot{role: Expected, filter: anyInt, evidence: Strong, directive: "HTTP", context: "response status line"}):
			s.phrasedCodes(k, j)
		}
		i = j + 1
	}
}

// phrasedCodes reports in text[lo:hi], a header or a line of a body, the
// codes followed by a reason phrase of their own, as an error page writes
// them (<h1>503 Service Unavailable</h1>). Headers and bodies hold many
// other numbers (Content-Length: 404, {"items": 200}) that the words
// around them do not tell from statuses, so only the phrase counts.
func (s *scan) phrasedCodes(lo, hi int) {
	text := s.text
	for i := lo; i < hi; {
		k := indexDigit(text[i:hi])
		if k < 0 {
			return
		}
		i += k
		j := i
		for j < hi && isIdentByte(text[j]) {
			j++
		}
		if j-i == 3 && text[i] >= '1' && text[i] <= '5' && isDigit(text[i+1]) && isDigit(text[i+2]) &&
			(i == lo || !isIdentByte(text[i-1]) && text[i-1] != '/' && text[i-1] != '.') && s.ownPhraseAfter(i, j, hi) {
			s.addNumber(i, j, NumericLiteral, InString, slot{role: Mention, filter: knownOnly, evidence: Strong, context: "status code with its reason phrase"})
		}
		i = j
	}
}

func indexFrom(text []byte, i int, sub string) int {
	for ; i+len(sub) <= len(text); i++ {
		if string(text[i:i+len(sub)]) == sub {
			return i
		}
	}
	return len(text)
}

// scanAccessLog scans access logs: the status after the quoted request
// line of the common and combined formats ("GET / HTTP/1.1" 200 512), and
// JSON log lines.
func (s *scan) scanAccessLog() {
	text := s.text
	eachLine(text, func(lo, hi int) {
		if lo < hi && text[lo] == '{' {
			s.scanJSONRange(lo, hi)
			return
		}
		for i := lo; i+5 < hi; i++ {
			if text[i] != '"' || text[i+1] != ' ' || !isDigit(text[i+2]) {
				continue
			}
			// The request ends with its protocol: ... HTTP/1.1" 200
			if !hasHTTPVersionBefore(text, lo, i) {
				continue
			}
			a, b := digitsAt(text, i+2, hi)
			if b-a == 3 && (b == hi || text[b] == ' ') {
				s.addNumber(a, b, NumericLiteral, InCode, slot{role: Logged, filter: anyInt, evidence: Strong, directive: "status", context: "access log status"})
			}
			return
		}
	})
}

// hasHTTPVersionBefore reports whether the quoted field ending at i ends
// with an HTTP version (HTTP/1.1, HTTP/2.0).
func hasHTTPVersionBefore(text []byte, lo, i int) bool {
	j := i
	for j > lo && (isDigit(text[j-1]) || text[j-1] == '.') {
		j--
	}
	return j-5 >= lo && string(text[j-5:j]) == "HTTP/"
}

// scanPlain applies the generic rules: status lines and prose. Where both
// find the same code, the status line's finding is kept (see run).
func (s *scan) scanPlain() {
	text := s.text
	// A status line and prose both need a digit, which most lines of text
	// lack: only the lines that hold one are read.
	for from := 0; from < len(text); {
		k := indexDigit(text[from:])
		if k < 0 {
			return
		}
		lo := from + k
		for lo > from && text[lo-1] != '\n' {
			lo--
		}
		hi := lineEnd(text, lo, len(text))
		for i := lo; i+5 < hi; i++ {
			h := bytes.IndexByte(text[i:hi-5], 'H')
			if h < 0 {
				break
			}
			i += h
			s.statusLine(i, hi, slot{role: Mention, filter: knownOnly, evidence: Weak, directive: "HTTP", context: "HTTP status line"})
		}
		s.prose(lo, hi, InComment)
		from = hi + 1
	}
}
