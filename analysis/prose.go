package analysis

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

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
	"catch", "catches", "handle", "handles", "handled", "handling", "handler", "handlers", "corresponds", "correspond",
}

// proseUnits are words after a number that make it a quantity, whatever
// came before ("returns 200 items").
var proseUnits = []string{
	"ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "day", "days",
	"b", "kb", "mb", "gb", "kib", "mib", "bytes", "byte", "px", "items", "item", "times", "lines", "line", "chars",
	"characters", "rows", "records", "requests", "req", "users", "words", "entries", "elements", "iterations",
	"tokens", "results", "retries", "attempts", "connections", "workers", "threads", "files", "k", "m", "x",
	"years", "cm", "mm", "km", "percent", "objects", "messages", "bits", "ports", "points", "steps", "columns",
	"year", "week", "weeks", "month", "months", "millisecond", "milliseconds", "microseconds", "nanoseconds",
}

// proseBlockers are words just before a number that make it something else
// ("port 500", "line 404", "RFC 793", "version 200").
var proseBlockers = []string{
	"port", "line", "lines", "rfc", "version", "issue", "pr", "bug", "ticket", "step", "chapter", "section",
	"max", "limit", "size", "width", "height", "top", "first", "last", "about", "around", "than", "over",
	"under", "every", "each", "wait", "sleep", "timeout", "delay", "v", "id", "pid", "uid", "gid",
	"row", "col", "column", "offset", "index", "number", "num", "ms",
}

// proseNotAfterNext are triggers that do not count as the second word
// after a number ("404 page not found" is, "200 pages" is not).
var proseNotAfterNext = []string{"not", "no", "too", "content", "page", "pages", "request", "method", "server", "client", "means", "meaning"}

// proseAfterOnly are triggers that count only after a number, as words of
// a reason phrase ("204 No Content", "404 page"): before one they say
// something else ("page 101", "Required: No ... Default: 300", "created
// 200 orders"). A whole phrase before its own code still counts (see
// ownPhraseBefore).
var proseAfterOnly = []string{"ok", "not", "found", "forbidden", "unauthorized", "bad", "internal", "created", "accepted",
	"gateway", "unavailable", "conflict", "gone", "moved", "permanently", "temporarily", "too", "no", "content",
	"unprocessable", "request", "method", "allowed", "entity", "partial", "continue", "switching", "precondition",
	"payload", "teapot", "upgrade", "locked", "page", "pages"}

// proseThirdWords are the words that, third after a number, still make it
// a status ("500 - any server error").
var proseThirdWords = []string{"error", "errors", "status", "response", "responses"}

// proseClass is the set of word lists a word belongs to.
type proseClass uint8

const (
	pTrigger proseClass = 1 << iota
	pUnit
	pBlocker
	pNotAfterNext
	pThirdWord
	pAfterOnly
)

// proseWords maps every word of the lists above to its classes, so that
// each word around a number is looked up once rather than compared with
// every list entry.
var proseWords = func() map[string]proseClass {
	m := map[string]proseClass{}
	for _, l := range []struct {
		words []string
		class proseClass
	}{{proseTriggers, pTrigger}, {proseUnits, pUnit}, {proseBlockers, pBlocker}, {proseNotAfterNext, pNotAfterNext}, {proseThirdWords, pThirdWord}, {proseAfterOnly, pAfterOnly}} {
		for _, w := range l.words {
			if len(w) > maxProseWord {
				panic("prose word longer than maxProseWord: " + w)
			}
			m[w] |= l.class
		}
	}
	return m
}()

const maxProseWord = 24

// proseShapes rules out most words before classOf looks them up: bit
// last&31 of proseShapes[len][first] is set for each word of proseWords,
// by its length and its first and last bytes. Test files hold a number in
// most lines, and the lookups of the words around them cost more than the
// rest of reading them.
var proseShapes = func() (t [maxProseWord + 1][256]uint32) {
	for w := range proseWords {
		t[len(w)][w[0]] |= 1 << (w[len(w)-1] & 31)
	}
	return t
}()

// classOf returns the classes of a word, ignoring ASCII case as eqFold does.
func classOf(w []byte) proseClass {
	if len(w) == 0 || len(w) > maxProseWord || proseShapes[len(w)][lowerByte(w[0])]&(1<<(lowerByte(w[len(w)-1])&31)) == 0 {
		return 0
	}
	var buf [maxProseWord]byte
	for i, c := range w {
		buf[i] = lowerByte(c)
	}
	return proseWords[string(buf[:len(w)])] // the compiler does not allocate for a lookup
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

// lowerByte returns c in lower case if it is an ASCII capital letter.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func eqFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := lowerByte(b[i])
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
		if c == '>' {
			// Documentation written in HTML: <code>400</code> error. A
			// tag's name is no word of the text.
			if k := bytes.LastIndexByte(text[lo:i-1], '<'); k >= 0 {
				i = lo + k
				continue
			}
		}
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

// onlyQuotesBetween reports whether text[i:j] holds nothing but blanks and
// the quotes that set a number apart ("a `404`").
func onlyQuotesBetween(text []byte, i, j int) bool {
	for _, c := range text[i:j] {
		if c != ' ' && c != '\t' && c != '`' && c != '"' && c != '\'' {
			return false
		}
	}
	return true
}

// numberSign reports whether the word before a number, at text[at:], is
// "no" written as the sign of a number ("line no: 407 error"), which the
// words after it must not make a status. ("No. 5" needs no test: a period
// ends the words wordBefore reads.)
func numberSign(text, before []byte, at int) bool {
	end := at + len(before)
	return eqFold(before, "no") && end < len(text) && text[end] == ':'
}

// wordAfter returns the word starting after i, skipping blanks.
func wordAfter(text []byte, i, hi int) ([]byte, int) {
	for i < hi && (text[i] == ' ' || text[i] == '\t' || text[i] == '-' || text[i] == '(' || text[i] == '"' || text[i] == '\'' || text[i] == '`' || text[i] == ':' || text[i] == ',' || text[i] == '<') {
		if text[i] == '<' {
			// A tag (<code>400</code> error) is no word of the text.
			k := bytes.IndexByte(text[i:min(hi, i+24)], '>')
			if k < 0 {
				break
			}
			i += k
		}
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
	if s.codeOnly && where == InComment {
		return
	}
	text := s.text
	lastHit := -1 // end of the last code found in this text
	for i := lo; i < hi; i++ {
		// Only a digit can start a code or a class; most prose has few.
		k := indexDigit(text[i:hi])
		if k < 0 {
			return
		}
		i += k
		c := text[i]
		if i > lo && (isIdentByte(text[i-1]) || text[i-1] == '.' || text[i-1] == '#' || text[i-1] == '/' && !codeLike(text, lo, i-4) || text[i-1] == '$' || text[i-1] == '%' || text[i-1] == '\\' || text[i-1] == '-' && !codeLike(text, lo, i-4) || text[i-1] == ':' || text[i-1] == ',' || text[i-1] == '+' || text[i-1] == '=' && where == InComment && !keywordSaysStatus(text, lo, i-1)) {
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
		if j < hi && (text[j] == '.' && j+1 < hi && isDigit(text[j+1]) || text[j] == '%' || text[j] == '/' && !codeLike(text, j+1, j+1) || text[j] == ':' && j+1 < hi && isDigit(text[j+1]) || text[j] == '-' && j+1 < hi && isDigit(text[j+1]) && !codeLike(text, j+1, j+1) || text[j] == ',' && j+1 < hi && isDigit(text[j+1])) {
			i = j
			continue
		}
		if isDigit(text[i+1]) && isDigit(text[i+2]) {
			// A code just before ("returns 404 or 410") is context
			// enough, but not for the argument of a call written after it
			// in a code example (abort(404); time.sleep(500)), which
			// exampleCall judges by its callee.
			near := lastHit >= 0 && i-lastHit < 48 && !inCallAfter(text, lastHit, i)
			if s.proseNumber(lo, hi, i, j, where, near) {
				lastHit = j
			}
		} else if (text[i+1] == 'x' || text[i+1] == 'X') && (text[i+2] == 'x' || text[i+2] == 'X') && !(opensProse(text, lo, i) && s.speaksOtherProtocol()) {
			s.addClass(i, j, where, slot{role: Mention, evidence: Weak, context: "class of statuses in prose"})
		}
		i = j
	}
}

// codeAlone reports whether the number at text[i:j] heads a comment in a
// file that speaks HTTP or statuses: it follows the comment marker directly
// and either ends the line ("// 404" over a not-found handler) or is
// followed by a dash or colon, as in "# 500 - any server error".
func (s *scan) codeAlone(lo, hi, i, j int) bool {
	text := s.text
	k := i
	for k > lo && (text[k-1] == ' ' || text[k-1] == '\t') {
		k--
	}
	marker := k > lo && text[k-1] == '#' || k-1 > lo && (text[k-2] == '/' && text[k-1] == '/' || text[k-2] == '-' && text[k-1] == '-')
	if !marker || k == i {
		return false
	}
	// Only a comment on a line of its own: "x = 5 // 300" comments a value.
	for b := k - 1; b > 0 && text[b-1] != '\n'; b-- {
		if c := text[b-1]; c != ' ' && c != '\t' && c != '/' && c != '#' && c != '-' && c != '*' && !isLetter(c) && c != '.' && c != ',' {
			return false
		}
	}
	if j+2 < hi && (text[j] == ' ' && text[j+1] == '-' && text[j+2] == ' ' || text[j] == ':' && text[j+1] == ' ') {
		return s.mentionsHTTP() || bytes.Contains(text, []byte("status"))
	}
	for j < hi && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	return (j == hi || text[j] == '\n') && (s.mentionsHTTP() || bytes.Contains(text, []byte("status")))
}

// reasonThenCode reports whether the number at text[i:j] is written in
// parentheses after a status's reason phrase: "Not Found (404)".
func (s *scan) reasonThenCode(lo, hi, i, j int) bool {
	text := s.text
	if i-1 <= lo || text[i-1] != '(' || j >= hi || text[j] != ')' {
		return false
	}
	k := i - 1
	for k > lo && text[k-1] == ' ' {
		k--
	}
	w := k
	for w > lo && isLetter(text[w-1]) {
		w--
	}
	return w < k && reasonLike(text[w:k])
}

// opensProse reports whether the number at text[i] opens the prose that
// starts at lo, marks and blanks aside, as the reply lines of SMTP and
// its kin do ("503 Error: send HELO first", "# 4xx errors"): only such a
// number has speaksOtherProtocol looked up.
func opensProse(text []byte, lo, i int) bool {
	for k := lo; k < i; k++ {
		switch text[k] {
		case ' ', '\t', '#', '/', '*', '"', '\'', '-':
		default:
			return false
		}
	}
	return true
}

// phraseEnd returns where a reason phrase before the number at text[i]
// would end: before the blanks, colon, dash or parenthesis between them
// ("Service Unavailable: 503", "Bad Gateway - 502", "Proxy Authentication
// Required (407)").
func phraseEnd(text []byte, lo, i int) int {
	for i > lo && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == ':' || text[i-1] == '-' || text[i-1] == '(') {
		i--
	}
	return i
}

// ownPhraseBefore reports whether text[lo:k] ends with a reason phrase of
// the code at text[i:i+3], in any case: "Proxy Authentication Required
// (407)", whose last word says nothing by itself.
func (s *scan) ownPhraseBefore(lo, i, k int) bool {
	text := s.text
	code, _ := atoi(text[i : i+3])
	for _, p := range s.a.phrases[code] {
		if start := k - len(p); start >= lo && eqFold(text[start:k], p) && (start == lo || !isLetter(text[start-1])) {
			return true
		}
	}
	return false
}

// ownPhraseAfter reports whether the number text[i:j] is followed, blanks
// and an opening parenthesis or dash aside, by a reason phrase of its own
// in any case: "303 See Other", "301 (Moved Permanently)", the way
// documentation lists statuses, whose phrases ("See Other", "Reset
// Content") need not hold a word that says status.
func (s *scan) ownPhraseAfter(i, j, hi int) bool {
	text := s.text
	code, _ := atoi(text[i : i+3])
	for j < hi && (text[j] == ' ' || text[j] == '\t' || text[j] == '(' || text[j] == '-') {
		j++
	}
	for _, p := range s.a.phrases[code] {
		if end := j + len(p); end <= hi && eqFold(text[j:end], p) && (end == hi || !isLetter(text[end])) {
			return true
		}
	}
	return false
}

// proseNumber reports the number at text[i:j] if the words around it say
// it is a status; near says that a code was found just before ("returns 404
// or 410"), which is context enough.
func (s *scan) proseNumber(lo, hi, i, j int, where Where, near bool) bool {
	text := s.text
	if afterHTTPVersion(text, lo, i) {
		return s.addNumber(i, j, NumericLiteral, where, slot{role: Mention, filter: knownOnly, evidence: Strong, context: "status line"})
	}
	// "403/500 errors", "429/5xx": the words after the whole list say
	// what its codes are, and a class in the list says it on its own.
	inList, end := false, j
	for end+4 <= hi && (text[end] == '/' || text[end] == '-') && codeLike(text, lo, end+1) && (end+4 == hi || !isIdentByte(text[end+4])) {
		if text[end+2] == 'x' || text[end+2] == 'X' {
			inList = true
		}
		end += 4
	}
	after, afterEnd := wordAfter(text, end, hi)
	ac := classOf(after)
	if ac&pUnit != 0 {
		return false
	}
	before, at := wordBefore(text, lo, i)
	if classOf(before)&pBlocker != 0 || numberSign(text, before, at) {
		return false
	}
	// "a 502 means ...": an article just before a bare number is how
	// people name a status in prose (not "a + 100").
	ok := near || inList || ac&pTrigger != 0 || (eqFold(before, "a") || eqFold(before, "an")) && onlyQuotesBetween(text, at+len(before), i) || s.codeAlone(lo, hi, i, j) ||
		s.reasonThenCode(lo, hi, i, j) || s.ownPhraseAfter(i, j, hi) || s.ownPhraseBefore(lo, i, phraseEnd(text, lo, i)) ||
		exampleCall(text, lo, hi, i, j)
	if !ok && ac&pBlocker == 0 {
		after2, after2End := wordAfter(text, afterEnd, hi)
		c2 := classOf(after2)
		ok = c2&(pTrigger|pNotAfterNext) == pTrigger
		// "500 - any server error": the third word may still say it.
		if !ok && c2&pUnit == 0 {
			after3, _ := wordAfter(text, after2End, hi)
			ok = classOf(after3)&pThirdWord != 0
		}
	}
	for k := 0; k < 4 && !ok && before != nil; k++ {
		ok = classOf(before)&(pTrigger|pAfterOnly) == pTrigger
		prev, prevAt := wordBefore(text, lo, at)
		if ok && eqFold(prev, "exit") {
			return false // "an exit code of 100": a process's
		}
		before, at = prev, prevAt
	}
	if !ok || opensProse(text, lo, i) && s.speaksOtherProtocol() { // last: it reads the whole file, once
		return false
	}
	return s.addNumber(i, j, NumericLiteral, where, slot{role: Mention, filter: knownOnly, evidence: Weak, context: "status code in prose"})
}

// afterHTTPVersion reports whether the number at text[i] follows an HTTP
// version and one space, as in a status line ("HTTP/1.1 200", "HTTP/2
// 404"), which names nothing but a status whatever comes after it.
func afterHTTPVersion(text []byte, lo, i int) bool {
	v := i - 1 // the blank; the version starts at v when the loop ends
	for v > lo && i-v < 8 && (isDigit(text[v-1]) || text[v-1] == '.') {
		v--
	}
	return v-5 >= lo && httpVersionEnd(text, v-5, i) == i-1
}

// indexDigit returns the index of the first ASCII digit in b, or -1. It
// tests eight bytes at a time, since comments and strings are read for
// numbers that few of them hold: a byte v below 0x80 is a digit when
// v+0x50 reaches 0x80 (v >= '0') and v+0x46 does not (v <= '9'), and no
// such sum carries into the next byte. The standard library searches for
// one byte (bytes.IndexByte), not for a range.
func indexDigit(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		y := x & 0x7f7f7f7f7f7f7f7f
		if m := (y + 0x5050505050505050) &^ (y + 0x4646464646464646) &^ x & 0x8080808080808080; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if isDigit(b[i]) {
			return i
		}
	}
	return -1
}

// exampleCall reports whether the number at text[i:j] is written in prose
// as an argument of a call, as documentation shows code
// (self.set_status(304), w.WriteHeader(200), raise HTTPError(403),
// Response("Not Found", status=404)): a whole argument after a keyword
// that says status, or at the place where a call rule takes a status, of
// its callee, with its receiver.
func exampleCall(text []byte, lo, hi, i, j int) bool {
	end := skipBlanks(text[:hi], j)
	if end == hi || text[end] != ')' && text[end] != ',' {
		return false
	}
	k := i
	for k > lo && (text[k-1] == ' ' || text[k-1] == '\t') {
		k--
	}
	if k > lo && text[k-1] == '=' {
		return keywordSaysStatus(text, lo, k-1)
	}
	// Back to the parenthesis that opens the argument list, counting the
	// arguments before the number and stepping over quoted commas.
	arg, depth := 0, 0
	for ; k > lo; k-- {
		switch c := text[k-1]; c {
		case '\n':
			return false
		case '"', '\'':
			q := bytes.LastIndexByte(text[lo:k-1], c)
			if q < 0 {
				return false
			}
			k = lo + q + 1
		case ')', ']', '}':
			depth++
		case '[', '{':
			if depth == 0 {
				return false
			}
			depth--
		case ',':
			if depth == 0 {
				arg++
			}
		case '(':
			if depth == 0 {
				return calledWith(text[lo:k-1], arg)
			}
			depth--
		}
	}
	return false
}

// inCallAfter reports whether the number at text[i] is an argument of a
// call that opens after from: a parenthesis after a name that is not
// closed before i (sleep(500), make([]byte, 404)).
func inCallAfter(text []byte, from, i int) bool {
	depth := 0
	for k := i; k > from; k-- {
		switch text[k-1] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return k-1 > from && identByte[text[k-2]]
			}
			depth--
		}
	}
	return false
}

// keywordSaysStatus reports whether the = at text[eq] follows a name that
// says status (status=404, status_code=404 in a call written in prose).
func keywordSaysStatus(text []byte, lo, eq int) bool {
	w := eq
	for w > lo && identByte[text[w-1]] {
		w--
	}
	if w == eq {
		return false
	}
	_, ok := classifyKey(text[w:eq])
	return ok
}

// calledWith reports whether text ends with the callee (and receiver, as
// the rule wants it) of a call rule that takes a status as argument arg,
// or with a callee the engine takes for a response helper by its name
// (see heuristicCalleeWords).
func calledWith(text []byte, arg int) bool {
	c := len(text)
	for c > 0 && identByte[text[c-1]] {
		c--
	}
	callee := text[c:]
	if len(callee) == 0 {
		return false
	}
	var recv []byte // the receiver, when the callee is a method
	if c > 0 && text[c-1] == '.' {
		r := c - 1
		for r > 0 && identByte[text[r-1]] {
			r--
		}
		recv = text[r : c-1]
	}
	var rules []callRule // of any language: prose may show another's code
	if info := calleeIndex[string(callee)]; info != nil {
		rules = info.rules
	}
	for _, rule := range rules {
		if rule.arg != arg && rule.arg >= 0 {
			continue
		}
		switch rule.recv {
		case anyRecv:
			return true
		case isMethod:
			if recv != nil {
				return true
			}
		case isFunc:
			if recv == nil {
				return true
			}
		default:
			if string(recv) == rule.recv {
				return true
			}
		}
	}
	// A project's own helper, as the engine takes one (HTTPError).
	return containsWordFold(callee, heuristicCalleeWords)
}
