package analysis

import (
	"bytes"
	"strings"
)

// The code scanners for languages other than Go share one hand-written
// lexer. No library tokenises JavaScript, Python, Java, C#, Rust, PHP, Ruby
// and Lua alike, and the scanners need very little from a token: where it
// is and whether it is an identifier, a number, a string, punctuation or a
// comment. The lexer is table-driven by a syntax value per language and
// never allocates.

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tNumber
	tString
	tSymbol // Ruby :name
	tPunct
	tComment
	tNewline // only for languages where line ends matter (Python, Ruby)
)

// token is a span of the text. For strings, cs:ce is the content between
// the quotes; for symbols, the name after the colon.
type token struct {
	kind tokKind
	// docstring marks a Python string standing alone as a statement, which
	// is prose like a comment.
	docstring  bool
	start, end int
	cs, ce     int
}

// syntax is what distinguishes the languages' lexical rules.
type syntax struct {
	slashComments bool // // and /* */
	hashComments  bool // #
	luaComments   bool // -- and --[[ ]]
	nestedBlocks  bool // Rust: /* /* */ */
	backticks     bool // JavaScript template literals
	triple        bool // """ and ''' strings
	charQuote     bool // ' starts a char literal or a lifetime, not a string
	regex         bool // /.../ literals after an operator
	luaLong       bool // [[ ]] strings
	symbols       bool // Ruby :symbol
	newlines      bool // report newline tokens
	verbatim      bool // C# @"..." and $"..."
	rawRust       bool // r"..." r#"..."#
	pyPrefix      bool // r"", b"", f"", rb""...
	heredoc       bool // Ruby <<~EOS
	rubyBlock     bool // =begin ... =end
	phpAttr       bool // #[ is an attribute, not a comment
	// punctOnly marks the bytes that start nothing but punctuation under
	// these rules, so that scan goes to punct without asking every rule
	// about them.
	punctOnly *[256]bool
}

// syntaxOf returns a language's lexical rules.
func syntaxOf(l Language) syntax {
	if s, ok := syntaxes[l]; ok {
		return s
	}
	return syntaxes[""]
}

// syntaxes holds the rules of each language the lexer reads, and under ""
// those of the others, with their punctOnly tables.
var syntaxes = func() map[Language]syntax {
	m := map[Language]syntax{}
	for _, l := range []Language{JavaScript, TypeScript, Java, Kotlin, CSharp, Rust, PHP, Ruby, Python, Lua, ""} {
		s := rulesOf(l)
		s.punctOnly = punctOnlyUnder(s)
		m[l] = s
	}
	return m
}()

// punctOnlyUnder returns the bytes that no rule of scan but punct takes
// under s: not a line break, letter, digit, dot or quote, nor a byte that
// one of s's rules looks for.
func punctOnlyUnder(s syntax) *[256]bool {
	var t [256]bool
	for c := range 256 {
		t[c] = c != '\n' && byteClass[c]&(cIdent|cBlank) == 0 && !strings.ContainsRune(".\"'`$@", rune(c))
	}
	special := func(on bool, set string) {
		for i := range len(set) {
			t[set[i]] = t[set[i]] && !on
		}
	}
	special(s.slashComments || s.regex, "/")
	special(s.hashComments, "#")
	special(s.luaComments, "-")
	special(s.rubyBlock, "=")
	special(s.luaLong, "[")
	special(s.symbols, ":")
	special(s.heredoc, "<")
	return &t
}

// rulesOf returns a language's lexical rules without punctOnly.
func rulesOf(l Language) syntax {
	switch l {
	case JavaScript, TypeScript:
		return syntax{slashComments: true, backticks: true, regex: true}
	case Java, Kotlin:
		return syntax{slashComments: true, triple: true, charQuote: true}
	case CSharp:
		return syntax{slashComments: true, triple: true, charQuote: true, verbatim: true}
	case Rust:
		return syntax{slashComments: true, nestedBlocks: true, charQuote: true, rawRust: true}
	case PHP:
		return syntax{slashComments: true, hashComments: true, phpAttr: true}
	case Ruby:
		return syntax{hashComments: true, symbols: true, newlines: true, heredoc: true, rubyBlock: true}
	case Python:
		return syntax{hashComments: true, triple: true, newlines: true, pyPrefix: true}
	case Lua:
		return syntax{luaComments: true, luaLong: true}
	}
	return syntax{slashComments: true}
}

type lexer struct {
	syn     syntax
	text    []byte
	pos     int
	end     int
	lastSig tokKind // kind of the last non-comment token, for regex detection
	lastB   byte    // its last byte when punctuation
	lineTok bool    // a token other than a comment was seen on this line
	// lineFirst: the token next returned last is the first of its line
	// other than comments.
	lineFirst bool
	heredoc   []byte // pending Ruby heredoc terminator
}

// byteClass holds what the lexer asks of a byte, as bits, so that each
// question is one table lookup rather than a chain of comparisons.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 {
			t[c] |= cIdentStart | cIdent
		}
		if c >= '0' && c <= '9' {
			t[c] |= cIdent
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			t[c] |= cBlank
		}
	}
	return t
}()

const (
	cIdentStart = 1 << iota // a letter, _ or a byte of a multi-byte rune
	cIdent                  // cIdentStart or a digit
	cBlank                  // a blank other than a newline
)

func isIdentStart(c byte) bool { return byteClass[c]&cIdentStart != 0 }

func isIdentByte(c byte) bool { return byteClass[c]&cIdent != 0 }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (l *lexer) peek(i int) byte {
	if l.pos+i < l.end {
		return l.text[l.pos+i]
	}
	return 0
}

func (l *lexer) hasPrefix(s string) bool {
	if l.pos+len(s) > l.end {
		return false
	}
	return string(l.text[l.pos:l.pos+len(s)]) == s
}

// next reads the next token into t, tEOF at the end. It fills t rather
// than return a token, which the compiler copied through the stack
// twice per token.
func (l *lexer) next(t *token) {
	for {
		*t = l.scan()
		if t.kind == tString && l.syn.pyPrefix && !l.lineTok {
			t.docstring = true
		}
		l.lineFirst = false
		switch t.kind {
		case tComment:
		case tNewline:
			l.lineTok = false
		default:
			l.lineFirst = !l.lineTok
			l.lineTok = true
			l.lastSig = t.kind
			if t.kind == tPunct {
				l.lastB = l.text[t.end-1]
			}
		}
		if t.kind == tNewline && !l.syn.newlines {
			continue
		}
		return
	}
}

func (l *lexer) scan() token {
	l.pos = skipBlanks(l.text[:l.end], l.pos)
	if l.pos >= l.end {
		return token{kind: tEOF, start: l.end, end: l.end}
	}
	start := l.pos
	c := l.text[l.pos]
	if c == '\n' {
		l.pos++
		if l.heredoc != nil {
			l.skipHeredoc()
		}
		return token{kind: tNewline, start: start, end: l.pos}
	}
	syn := &l.syn
	// Identifiers are most tokens, and no other rule starts with a letter:
	// go straight to them unless the language has string prefixes.
	if byteClass[c]&cIdentStart != 0 && !syn.pyPrefix && !syn.rawRust {
		return l.ident(start)
	}
	if syn.punctOnly[c] {
		return l.punct(start)
	}
	switch {
	case syn.slashComments && c == '/' && l.peek(1) == '/':
		return l.lineComment(start)
	case syn.slashComments && c == '/' && l.peek(1) == '*':
		return l.blockComment(start)
	case syn.hashComments && c == '#' && !(syn.phpAttr && l.peek(1) == '['):
		return l.lineComment(start)
	case syn.luaComments && c == '-' && l.peek(1) == '-':
		l.pos += 2
		if n := l.longBracket(); n >= 0 {
			l.skipLong(n)
			return token{kind: tComment, start: start, end: l.pos, cs: start, ce: l.pos}
		}
		return l.lineComment(start)
	case syn.rubyBlock && c == '=' && !l.lineTok && l.hasPrefix("=begin"):
		for l.pos < l.end && !(l.text[l.pos] == '\n' && l.pos+5 < l.end && string(l.text[l.pos+1:l.pos+5]) == "=end") {
			l.pos++
		}
		l.pos = min(l.pos+5, l.end)
		return token{kind: tComment, start: start, end: l.pos, cs: start, ce: l.pos}
	case syn.luaLong && c == '[' && (l.peek(1) == '[' || l.peek(1) == '='):
		if n := l.longBracket(); n >= 0 {
			cs := l.pos
			ce := l.skipLong(n)
			return token{kind: tString, start: start, end: l.pos, cs: cs, ce: ce}
		}
	case c == '"' || c == '\'' || c == '`':
		return l.quoted(start, 0)
	case isDigit(c) || c == '.' && isDigit(l.peek(1)):
		return l.number(start)
	case syn.symbols && c == ':' && isIdentStart(l.peek(1)) && (l.pos == 0 || !isIdentByte(l.text[l.pos-1]) && l.text[l.pos-1] != ':'):
		l.pos++
		for l.pos < l.end && (isIdentByte(l.text[l.pos]) || l.text[l.pos] == '?' || l.text[l.pos] == '!') {
			l.pos++
		}
		return token{kind: tSymbol, start: start, end: l.pos, cs: start + 1, ce: l.pos}
	case syn.heredoc && c == '<' && l.peek(1) == '<' && (l.peek(2) == '~' || l.peek(2) == '-' || l.peek(2) >= 'A' && l.peek(2) <= 'Z'):
		l.pos += 2
		if l.text[l.pos] == '~' || l.text[l.pos] == '-' {
			l.pos++
		}
		if l.pos < l.end && (l.text[l.pos] == '\'' || l.text[l.pos] == '"') {
			l.pos++
		}
		ts := l.pos
		for l.pos < l.end && isIdentByte(l.text[l.pos]) {
			l.pos++
		}
		if l.pos > ts {
			l.heredoc = l.text[ts:l.pos]
		}
		if l.pos < l.end && (l.text[l.pos] == '\'' || l.text[l.pos] == '"') {
			l.pos++
		}
		return token{kind: tString, start: start, end: l.pos, cs: l.pos, ce: l.pos}
	case isIdentStart(c) || c == '$' || c == '@':
		if t, ok := l.prefixedString(start); ok {
			return t
		}
		if c == '$' || c == '@' {
			l.pos++
			if l.pos >= l.end || !isIdentStart(l.text[l.pos]) {
				return token{kind: tPunct, start: start, end: l.pos}
			}
			start = l.pos
		}
		return l.ident(start)
	case syn.regex && c == '/' && l.regexAllowed():
		l.pos = jsRegexEnd(l.text[:l.end], start)
		return token{kind: tString, start: start, end: l.pos, cs: start, ce: start}
	}
	return l.punct(start)
}

// ident reads an identifier starting at pos.
func (l *lexer) ident(start int) token {
	i, text := l.pos, l.text[:l.end]
	for i < len(text) && byteClass[text[i]]&cIdent != 0 {
		i++
	}
	l.pos = i
	return token{kind: tIdent, start: start, end: i}
}

var multiPunct = []string{"===", "!==", "...", "..=", "<=>", "**=", "==", "!=", "<=", ">=", "=>", "->", "::", "&&", "||", "..", ":=", "?.", "??", "<<", ">>", "+=", "-=", "//", "~="}

// multiByFirst lists, for each byte, the multi-byte operators it begins,
// in the order of multiPunct (longest first), so that punctuation is
// compared only with the operators it can start.
var multiByFirst = func() (t [256][]string) {
	for _, p := range multiPunct {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

func (l *lexer) punct(start int) token {
	if l.pos+1 < l.end {
		next, third := l.text[l.pos+1], byte(0)
		if l.pos+2 < l.end {
			third = l.text[l.pos+2]
		}
		// Every operator of multiPunct has two bytes or three.
		for _, p := range multiByFirst[l.text[l.pos]] {
			if p[1] == next && (len(p) == 2 || p[2] == third) {
				l.pos += len(p)
				return token{kind: tPunct, start: start, end: l.pos}
			}
		}
	}
	l.pos++
	return token{kind: tPunct, start: start, end: l.pos}
}

func (l *lexer) lineComment(start int) token {
	if i := bytes.IndexByte(l.text[l.pos:l.end], '\n'); i >= 0 {
		l.pos += i
	} else {
		l.pos = l.end
	}
	return token{kind: tComment, start: start, end: l.pos, cs: start, ce: l.pos}
}

func (l *lexer) blockComment(start int) token {
	l.pos += 2
	depth := 1
	for l.pos < l.end {
		if l.text[l.pos] == '*' && l.peek(1) == '/' {
			l.pos += 2
			depth--
			if depth == 0 || !l.syn.nestedBlocks {
				break
			}
			continue
		}
		if l.syn.nestedBlocks && l.text[l.pos] == '/' && l.peek(1) == '*' {
			depth++
			l.pos++
		}
		l.pos++
	}
	l.pos = min(l.pos, l.end)
	return token{kind: tComment, start: start, end: l.pos, cs: start, ce: l.pos}
}

// longBracket reads a Lua long bracket opener ([[ or [==[) at pos and
// returns its level, or -1 (leaving pos unchanged) when there is none.
func (l *lexer) longBracket() int {
	if l.peek(0) != '[' {
		return -1
	}
	i := 1
	for l.peek(i) == '=' {
		i++
	}
	if l.peek(i) != '[' {
		return -1
	}
	l.pos += i + 1
	return i - 1
}

// skipLong moves past the closer of a level-n long bracket and returns
// where the closer starts, which ends the content: the text's end when
// there is no closer.
func (l *lexer) skipLong(n int) int {
	for l.pos < l.end {
		if l.text[l.pos] == ']' {
			i := 1
			for l.peek(i) == '=' {
				i++
			}
			if i-1 == n && l.peek(i) == ']' {
				ce := l.pos
				l.pos += i + 1
				return ce
			}
		}
		l.pos++
	}
	return l.pos
}

func (l *lexer) skipHeredoc() {
	term := l.heredoc
	l.heredoc = nil
	for l.pos < l.end {
		ls := l.pos
		for l.pos < l.end && l.text[l.pos] != '\n' {
			l.pos++
		}
		line := l.text[ls:l.pos]
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if l.pos < l.end {
			l.pos++
		}
		if string(trimRightSpace(line[i:])) == string(term) {
			return
		}
	}
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// prefixedString handles string prefixes: Python r"" b"" f"", Rust r#""#
// and b"", C# @"" and $"".
func (l *lexer) prefixedString(start int) (token, bool) {
	syn := &l.syn
	i := 0
	switch {
	case syn.pyPrefix:
		for i < 2 && l.pos+i < l.end && stringsContainsByte("rRbBfFuU", l.text[l.pos+i]) {
			i++
		}
	case syn.rawRust:
		if l.peek(0) == 'b' {
			i++
		}
		if l.peek(i) == 'r' {
			i++
			n := 0
			for l.peek(i+n) == '#' {
				n++
			}
			if l.peek(i+n) == '"' {
				l.pos += i + n + 1
				cs := l.pos
				for l.pos < l.end {
					if l.text[l.pos] == '"' && l.pos+n < l.end+1 && hashes(l.text[l.pos+1:l.end], n) {
						ce := l.pos
						l.pos += 1 + n
						return token{kind: tString, start: start, end: l.pos, cs: cs, ce: ce}, true
					}
					l.pos++
				}
				return token{kind: tString, start: start, end: l.pos, cs: cs, ce: l.pos}, true
			}
			return token{}, false
		}
	case syn.verbatim:
		for i < 3 && (l.peek(i) == '@' || l.peek(i) == '$') {
			i++
		}
	}
	if i == 0 || (l.peek(i) != '"' && l.peek(i) != '\'') {
		return token{}, false
	}
	if syn.verbatim && l.peek(i) != '"' {
		return token{}, false
	}
	verbatim := syn.verbatim && (l.peek(0) == '@' || l.peek(1) == '@')
	l.pos += i
	if verbatim {
		return l.quoted(start, '@'), true
	}
	return l.quoted(start, 0), true
}

func hashes(b []byte, n int) bool {
	if len(b) < n {
		return false
	}
	for i := range n {
		if b[i] != '#' {
			return false
		}
	}
	return true
}

func stringsContainsByte(s string, c byte) bool {
	for i := range len(s) {
		if s[i] == c {
			return true
		}
	}
	return false
}

// quoted reads a string literal whose opening quote is at pos. mode '@'
// means a C# verbatim string, where "" is the escape and \ is literal.
func (l *lexer) quoted(start int, mode byte) token {
	q := l.text[l.pos]
	syn := &l.syn
	if q == '\'' && syn.charQuote {
		// A char literal 'x', '\n', or a Rust lifetime 'a.
		if l.peek(1) == '\\' {
			l.pos += 2
			for l.pos < l.end && l.text[l.pos] != '\'' && l.text[l.pos] != '\n' {
				l.pos++
			}
			// The closing quote (or the line's end) is not content; a
			// literal the text ends in has none.
			ce := l.pos
			l.pos = min(l.pos+1, l.end)
			return token{kind: tString, start: start, end: l.pos, cs: start + 1, ce: ce}
		}
		if l.peek(2) == '\'' {
			l.pos += 3
			return token{kind: tString, start: start, end: l.pos, cs: start + 1, ce: l.pos - 1}
		}
		if l.syn.rawRust {
			l.pos++
			return token{kind: tPunct, start: start, end: l.pos}
		}
	}
	if q == '`' && !syn.backticks {
		l.pos++
		return token{kind: tPunct, start: start, end: l.pos}
	}
	n := 1
	if syn.triple && l.peek(1) == q && l.peek(2) == q {
		n = 3
	}
	l.pos += n
	cs := l.pos
	for l.pos < l.end {
		b := l.text[l.pos]
		switch {
		case b == '\\' && mode != '@':
			l.pos += 2
			continue
		case b == q && mode == '@' && l.peek(1) == q:
			l.pos += 2
			continue
		case b == q && (n == 1 || l.peek(1) == q && l.peek(2) == q):
			ce := l.pos
			l.pos += n
			return token{kind: tString, start: start, end: l.pos, cs: cs, ce: ce}
		case b == '\n' && n == 1 && q != '`' && mode != '@':
			// An unterminated one-line string ends at the line end, so
			// that one stray quote does not swallow the rest of the file.
			return token{kind: tString, start: start, end: l.pos, cs: cs, ce: l.pos}
		}
		l.pos++
	}
	l.pos = l.end
	return token{kind: tString, start: start, end: l.end, cs: min(cs, l.end), ce: l.end}
}

func (l *lexer) number(start int) token {
	for l.pos < l.end {
		c := l.text[l.pos]
		if isIdentByte(c) || c == '.' && isDigit(l.peek(1)) || (c == '+' || c == '-') && (l.text[l.pos-1] == 'e' || l.text[l.pos-1] == 'E') && !isHex(l.text[start:l.pos]) {
			l.pos++
			continue
		}
		break
	}
	return token{kind: tNumber, start: start, end: l.pos}
}

func isHex(b []byte) bool { return len(b) > 1 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X') }

// regexAllowed decides whether a slash starts a regular expression: after
// an operator or at the start, not after a value.
func (l *lexer) regexAllowed() bool {
	switch l.lastSig {
	case tIdent, tNumber, tString, tSymbol:
		return false
	case tPunct:
		return l.lastB != ')' && l.lastB != ']' && l.lastB != '}'
	}
	return true
}
