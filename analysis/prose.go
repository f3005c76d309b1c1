package analysis

// Prose is text written for people: comments, docstrings and string
// literals outside any status slot. A number there is a status code only
// when the words around it say so ("returns 404 when missing", "HTTP 503",
// "a 5xx response"), and only when the catalogue knows it; everything else
// (sizes, durations, counts, ports) is left alone.

// proseTriggers are words that, within a few words of a number, make it a
// status code.
var proseTriggers = []string{
	"http", "status", "statuses", "code", "codes", "response", "responses", "respond", "responds", "responded",
	"responding", "return", "returns", "returned", "returning", "reply", "replies", "error", "errors", "redirect",
	"redirects", "redirected", "redirection", "got", "expect", "expected", "expects", "sends", "send", "answer",
	"answers", "answered", "raise", "raises", "throw", "throws", "fail", "fails", "failed", "abort", "aborts",
	"ok", "not", "found", "forbidden", "unauthorized", "bad", "internal", "created", "accepted", "gateway",
	"unavailable", "conflict", "gone", "moved", "permanently", "temporarily", "too", "no", "content",
	"unprocessable", "request", "method", "allowed", "timeout", "entity", "server", "client", "partial",
	"continue", "switching", "precondition", "payload", "teapot", "upgrade", "locked", "page", "pages", "means", "meaning",
}

// proseUnits are words after a number that make it a quantity, whatever
// came before ("returns 200 items").
var proseUnits = []string{
	"ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "day", "days",
	"b", "kb", "mb", "gb", "kib", "mib", "bytes", "byte", "px", "items", "item", "times", "lines", "line", "chars",
	"characters", "rows", "records", "requests", "req", "users", "words", "entries", "elements", "iterations",
	"tokens", "results", "retries", "attempts", "connections", "workers", "threads", "files", "k", "m", "x",
	"years", "cm", "mm", "km", "percent", "objects", "messages", "bits", "ports", "points", "steps", "columns",
}

// proseBlockers are words just before a number that make it something else
// ("port 500", "line 404", "RFC 793", "version 200").
var proseBlockers = []string{
	"port", "line", "lines", "rfc", "version", "issue", "pr", "bug", "ticket", "step", "chapter", "section",
	"max", "limit", "size", "width", "height", "top", "first", "last", "about", "around", "than", "over",
	"under", "every", "each", "wait", "sleep", "timeout", "delay", "v", "id", "pid", "uid", "gid",
	"row", "col", "column", "offset", "index", "number", "num", "ms",
}

// codeLike reports whether text[i:i+3], at or after lo, looks like a code
// or a class ("301", "5xx"), for lists written "301/307" or "2xx-5xx".
func codeLike(text []byte, lo, i int) bool {
	if i < lo || i < 0 || i+3 > len(text) {
		return false
	}
	c := text[i : i+3]
	return c[0] >= '1' && c[0] <= '5' && (isDigit(c[1]) && isDigit(c[2]) || (c[1] == 'x' || c[1] == 'X') && (c[2] == 'x' || c[2] == 'X'))
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func eqFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

func inFold(b []byte, list []string) bool {
	for _, s := range list {
		if eqFold(b, s) {
			return true
		}
	}
	return false
}

// wordBefore returns the word ending before i, skipping blanks and light
// punctuation, and the position where it starts.
func wordBefore(text []byte, lo, i int) ([]byte, int) {
	lo = max(lo, i-24) // a word further back is not "around" the number
	for i > lo && !isLetter(text[i-1]) {
		c := text[i-1]
		if c == '\n' || c == '.' || c == ';' || c == '(' || c == '[' || c == '{' || c == '}' || c == ')' || isDigit(c) {
			return nil, i
		}
		i--
	}
	j := i
	for j > lo && isLetter(text[j-1]) {
		j--
	}
	return text[j:i], j
}

// wordAfter returns the word starting after i, skipping blanks.
func wordAfter(text []byte, i, hi int) ([]byte, int) {
	for i < hi && (text[i] == ' ' || text[i] == '\t' || text[i] == '-' || text[i] == '"' || text[i] == '\'' || text[i] == '`' || text[i] == ':' || text[i] == ',') {
		i++
	}
	j := i
	for j < hi && isLetter(text[j]) {
		j++
	}
	return text[i:j], j
}

// prose reports status codes in prose text[lo:hi].
func (s *scan) prose(lo, hi int, where Where) {
	text := s.text
	lastHit := -1 // end of the last code found in this text
	for i := lo; i < hi; i++ {
		c := text[i]
		if !isDigit(c) && c != 'x' && c != 'X' {
			continue
		}
		if i > lo && (isIdentByte(text[i-1]) || text[i-1] == '.' || text[i-1] == '#' || text[i-1] == '/' && !codeLike(text, lo, i-4) || text[i-1] == '$' || text[i-1] == '%' || text[i-1] == '-' && !codeLike(text, lo, i-4) || text[i-1] == ':' || text[i-1] == ',' || text[i-1] == '+' || text[i-1] == '=' && where == InComment) {
			for i < hi && isIdentByte(text[i]) {
				i++
			}
			continue
		}
		j := i
		for j < hi && isIdentByte(text[j]) {
			j++
		}
		if j-i != 3 || !isDigit(c) || c < '1' || c > '5' {
			i = j
			continue
		}
		if j < hi && (text[j] == '.' && j+1 < hi && isDigit(text[j+1]) || text[j] == '%' || text[j] == '/' && !codeLike(text, j+1, hi-3) || text[j] == ':' && j+1 < hi && isDigit(text[j+1]) || text[j] == '-' && j+1 < hi && isDigit(text[j+1]) && !codeLike(text, j+1, hi-3) || text[j] == ',' && j+1 < hi && isDigit(text[j+1])) {
			i = j
			continue
		}
		if isDigit(text[i+1]) && isDigit(text[i+2]) {
			if s.proseNumber(lo, hi, i, j, where, lastHit >= 0 && i-lastHit < 48) {
				lastHit = j
			}
		} else if (text[i+1] == 'x' || text[i+1] == 'X') && (text[i+2] == 'x' || text[i+2] == 'X') {
			s.addClass(i, j, where, slot{role: Mention, evidence: Weak, context: "class of statuses in prose"})
		}
		i = j
	}
}

// proseNumber reports the number at text[i:j] if the words around it say
// it is a status; near says that a code was found just before ("returns 404
// or 410"), which is context enough.
func (s *scan) proseNumber(lo, hi, i, j int, where Where, near bool) bool {
	text := s.text
	after, afterEnd := wordAfter(text, j, hi)
	if inFold(after, proseUnits) {
		return false
	}
	before, at := wordBefore(text, lo, i)
	if inFold(before, proseBlockers) {
		return false
	}
	// "a 502 means ...": an article before a bare number is how people
	// name a status in prose.
	ok := near || inFold(after, proseTriggers) || eqFold(before, "a") || eqFold(before, "an")
	if !ok && !inFold(after, proseBlockers) {
		after2, _ := wordAfter(text, afterEnd, hi)
		ok = inFold(after2, proseTriggers) && !inFold(after2, []string{"not", "no", "too", "content", "page", "pages", "request", "method", "server", "client"})
	}
	for k := 0; k < 4 && !ok && before != nil; k++ {
		ok = inFold(before, proseTriggers)
		before, at = wordBefore(text, lo, at)
	}
	if !ok {
		return false
	}
	return s.addNumber(i, j, NumericLiteral, where, slot{role: Mention, filter: knownOnly, evidence: Weak, context: "status code in prose"})
}
