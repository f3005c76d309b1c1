package analysis

import (
	"bytes"
	"strings"
)

// The remaining formats: .http/.rest request files, access logs and plain
// text, which gets only the conservative generic rules.

// statusLine reports the code of "HTTP/1.1 200 OK" starting at i (the H).
func (s *scan) statusLine(i, hi int, sl slot) bool {
	text := s.text
	j := httpVersionEnd(text, i, hi)
	if j < 0 {
		return false
	}
	a, b := digitsAt(text, j+1, hi)
	if b-a != 3 || b < hi && isIdentByte(text[b]) {
		return false
	}
	return s.addNumber(a, b, NumericLiteral, InCode, sl)
}

// httpVersionEnd returns where "HTTP/" and a version (2, 1.1) that start
// at text[i] end, at the blank a status line puts before its code, or -1.
func httpVersionEnd(text []byte, i, hi int) int {
	if i < 0 || i+5 > hi || string(text[i:i+5]) != "HTTP/" {
		return -1
	}
	a, b := digitsAt(text, i+5, hi)
	if b == a {
		return -1
	}
	if b+1 < hi && text[b] == '.' {
		if _, c := digitsAt(text, b+1, hi); c > b+1 {
			b = c
		}
	}
	if b >= hi || text[b] != ' ' {
		return -1
	}
	return b
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

// scanPlain applies the generic rules, prose and the status lines in it,
// except in a Markdown code block whose info string names a format the
// analyzer reads (```js, ```nginx, ```go): there the format's own rules
// apply, as a README's examples are code.
func (s *scan) scanPlain() {
	text := s.text
	fences := fenceFinder{text: text, backtick: -1, tilde: -1}
	for from := 0; from < len(text); {
		block := fences.next(from)
		s.scanProse(from, block.start)
		if block.start == len(text) {
			return
		}
		if !s.scanFenced(block.lang, block.bodyStart, block.bodyEnd) {
			s.scanProse(block.bodyStart, block.bodyEnd)
		}
		from = block.end
	}
}

// scanProse reads text[lo:hi] as prose. Prose needs a digit, which most
// lines of text lack: only the lines that hold one are read.
func (s *scan) scanProse(lo, hi int) {
	text := s.text
	for from := lo; from < hi; {
		k := indexDigit(text[from:hi])
		if k < 0 {
			return
		}
		start := from + k
		for start > from && text[start-1] != '\n' {
			start--
		}
		end := lineEnd(text, start, hi)
		s.prose(start, end, InComment)
		from = end + 1
	}
}

// scanFenced scans the body of a fenced code block in lang with that
// format's rules, and reports whether it could: only the scanners that
// read a part of a file are called, and only when the body holds a word
// that the candidate test of regions.go looks for.
func (s *scan) scanFenced(lang Language, lo, hi int) bool {
	if tr := s.a.triggers[lang]; tr != nil {
		if cl := tr.clues(s.text[lo:hi], true, 0); !tr.isCandidate(cl, s.text[lo:hi]) {
			return lang != Plain // code, with no word a rule looks for
		}
	}
	switch lang {
	case Go:
		s.scanGoRange(lo, hi, nil)
	case JavaScript, TypeScript, Python, Java, Kotlin, CSharp, Rust, PHP, Ruby, Lua:
		s.scanCodeSpan(lang, syntaxOf(lang), lo, hi, nil, 0)
	case Nginx:
		s.scanNginx(lo, hi)
	case JSON:
		s.scanJSONRange(lo, hi)
	case YAML:
		s.scanYAMLRange(lo, hi)
	default:
		return false
	}
	return true
}

// fence is a Markdown fenced code block: its opening line starts at
// start, its body lies in [bodyStart, bodyEnd), and the text after its
// closing line starts at end. lang is what its info string names, or
// Plain.
type fence struct {
	start, bodyStart, bodyEnd, end int
	lang                           Language
}

// fenceLanguages are the info strings of code blocks that neither an
// editor's languageId nor a file extension spells.
var fenceLanguages = map[string]Language{"golang": Go, "node": JavaScript, "python3": Python, "py3": Python, "c#": CSharp}

// fenceFinder finds the fenced code blocks of a text in order; it keeps
// where the next run of backticks and of tildes lies, so that the text
// is searched for each once.
type fenceFinder struct {
	text            []byte
	backtick, tilde int // the next run of each, -1 before a search
}

// next finds the first fenced code block at or after from, as
// CommonMark writes one: a line of three or more backticks or tildes,
// indented at most three spaces, up to a line of at least as many of the
// same character, or the end of the text. With none, start is len(text).
// Written by hand: the standard library reads no Markdown, and a parser
// module would build a tree of the whole document for the one thing
// needed here. Runs of three are looked for with bytes.Index, so lines
// without one cost nothing.
func (ff *fenceFinder) next(from int) fence {
	text := ff.text
	for i := from; ; {
		k := min(ff.run(i, '`'), ff.run(i, '~'))
		ls, ok := fenceLine(text, k)
		if k >= len(text) {
			return fence{start: len(text), end: len(text)}
		}
		j := lineEnd(text, k, len(text))
		n, c := fenceRun(text[ls:j])
		if !ok || n == 0 {
			i = j + 1
			continue
		}
		info := bytes.Fields(bytes.TrimLeft(text[ls:j], " "+string(c)))
		lang := Plain
		if len(info) > 0 {
			lang = fenceLanguage(string(info[0]))
		}
		body := min(j+1, len(text))
		for b := body; ; {
			e := ff.run(b, c)
			if e >= len(text) {
				return fence{start: ls, bodyStart: body, bodyEnd: len(text), end: len(text), lang: lang}
			}
			el := lineEnd(text, e, len(text))
			if cs, ok := fenceLine(text, e); ok {
				if m, _ := fenceRun(text[cs:el]); m >= n && len(bytes.TrimSpace(bytes.TrimLeft(text[cs:el], " "+string(c)))) == 0 {
					return fence{start: ls, bodyStart: body, bodyEnd: cs, end: min(el+1, len(text)), lang: lang}
				}
			}
			b = el + 1
		}
	}
}

// run returns where the next run of three c (a backtick or a tilde)
// starts at or after i, or len(text).
func (ff *fenceFinder) run(i int, c byte) int {
	at := &ff.backtick
	if c == '~' {
		at = &ff.tilde
	}
	if *at < i {
		*at = len(ff.text)
		if i < len(ff.text) {
			if k := bytes.Index(ff.text[i:], []byte{c, c, c}); k >= 0 {
				*at = i + k
			}
		}
	}
	return *at
}

// fenceLine returns the start of the line of a run at k, and whether
// only up to three spaces stand before the run on it.
func fenceLine(text []byte, k int) (int, bool) {
	ls := k
	for ls > 0 && k-ls < 3 && text[ls-1] == ' ' {
		ls--
	}
	return ls, ls == 0 || text[ls-1] == '\n'
}

// fenceRun returns the length and character of the run of backticks or
// tildes that opens a line (after at most three spaces), if it is a fence.
func fenceRun(line []byte) (int, byte) {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i == len(line) || line[i] != '`' && line[i] != '~' {
		return 0, 0
	}
	c, n := line[i], 0
	for i+n < len(line) && line[i+n] == c {
		n++
	}
	if n < 3 || c == '`' && bytes.IndexByte(line[i+n:], '`') >= 0 {
		return 0, 0 // a backtick fence's info string holds no backtick
	}
	return n, c
}

// fenceLanguage is the format an info string names (js, python, nginx,
// yml), or Plain.
func fenceLanguage(info string) Language {
	info = strings.ToLower(info)
	if l, ok := languageIDs[info]; ok {
		return l
	}
	if l, ok := extensions["."+info]; ok {
		return l
	}
	if l, ok := fenceLanguages[info]; ok {
		return l
	}
	return Plain
}
