package analysis

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// Most of a source file is far from any status code. The code engine reads
// every token of what it is given, so a file is split at places where the
// engine's state is clean anyway, or can be set up (between top-level
// declarations; in Go between the statements of a function's body and the
// specs of a const, var or type group; in Python between statements; in
// JavaScript between statements in blocks and in parentheses that group
// an operand, as minified code is written), the engine starting inside the
// brackets open there with the frames reading from the top would have
// opened, and only the regions that could yield a finding are given to
// it. In Go,
// Python and JavaScript the regions are found by a scan of the bytes that
// follows the lexer's rules for strings and comments (goRegions,
// pythonRegions, jsRegions), so the lexer reads only the candidate spans;
// in the other languages the lexer reads everything and scanCodeAs splits
// its tokens. No region starts between a switch and its block, whose cases
// depend on what the switch is on.
//
// A region is a candidate when its bytes hold any of:
//   - a word that starts with three digits, the first 1-9 (404, 404L, but
//     not 4040 or x509), that make a code the catalogue knows: every
//     filter except anyInt accepts only 100-999, and a string ("404",
//     "200 OK") or prose needs them as a word start; three digits that
//     make no known code (255, 386) count only where the region mentions
//     a status (mentionsStatus), as only the slots of status names and
//     keys (threeDigits) take them, or beside a callee (below);
//   - a word that is a class such as 5xx;
//   - an identifier among the language's triggers (see buildTriggers): the
//     names of the constants of the language's ecosystems (StatusOK,
//     aliased or not);
//   - an import that may rename a package of constants: in Python import
//     with as, in Go import in a file that imports net/http under a name
//     of its own;
//   - a callee of the call rules (or its receiver), whose slots are the only
//     ones that accept any integer (WriteHeader(0)), together with a word
//     that starts with a digit and may be a whole argument: such a slot
//     reports only a number literal that fills an argument, and every
//     integer literal starts with a digit, so a region that calls c.String
//     but holds no number after a parenthesis or comma has nothing for
//     it. A callee counts only where it is called, and as its rules want
//     it: as a method (c.String(...)) or as a plain function (error(...)).
//
// The test looks at the words of the raw bytes, strings included (where
// codes are found in prose), so it finds more candidates than there are,
// never fewer; in the strings that the region scans of Go, Python and
// JavaScript step over, where nothing is a name or a call, it looks for
// numbers only (regionSpans.prose). Comments make no region a candidate:
// the engine reads nothing in them but their prose, which is read
// directly for the comments of the other regions, where their codes are
// wanted (not by AnalyzeCode; see regionSpans.comment and scanCodeAs).
// TestRegionsKeepFindings runs the engine with and without skipping over
// the test data and samples of real code and requires the same findings;
// FuzzRegionsKeepFindings does so on any text.

// triggers is the set of identifiers that make a region a candidate in one
// language, with a filter on length, first and last byte that rules most
// identifiers out before the map lookup.
type triggers struct {
	// names are the identifiers the test looks up, with what each is to
	// it, in one map: a word that passed the shape filter costs one
	// lookup whatever it turns out to be.
	names map[string]trigger
	// memberCalls are the receivers with their callees, as written
	// (http.Error), which a receiver must be seen with.
	memberCalls map[string]bool
	// aliasedImports says the import words count only in a file that
	// imports under a name of its own (see aliasesNetHTTP).
	aliasedImports bool
	// aliasable are the names an as renames to any effect, where as
	// counts only after one of them (Python's qualifiers: from http
	// import HTTPStatus as S; see engine.pythonAlias); nil when any.
	aliasable map[string]bool
	shape     wordShapes // of every name above, and of the switch words
	// switchClose holds the bytes that end a switch's subject, for the
	// languages whose region scans watch for switches (see
	// switchPending); pyMatch says only match, at a line's start, opens
	// one (Python).
	switchClose string
	pyMatch     bool
	// token marks the bytes the language's lexer reads as a token that
	// stands for itself (see tokenBytes).
	token *[256]bool
	// known is the analyzer's set of codes the catalogue knows.
	known *[1000]bool
}

// trigger is what one identifier is to the candidate test.
type trigger struct {
	// word: a constant's name, which makes a region a candidate by
	// itself; call: a callee or receiver of a call rule, with the forms
	// its rules accept, which does only beside a number.
	word bool
	call callForm
	// alias: a callee of a rule that names its receiver (http.Error): the
	// receiver is the trigger, unless the file imports the package under
	// another name (nethttp.Error), when the callee is.
	alias bool
	// imported: a word of an import statement that may rename a package
	// of constants (see engine.goImportPath, engine.pythonAlias), which
	// tells importClue.
	imported clue
}

// clue is what the words of a region tell the candidate test: a region is
// a candidate once it has seen both halves of a pair (see and), or a word
// that makes it one by itself.
type clue uint8

const (
	numberClue clue = 1 << iota // a word that starts with a digit
	callClue                    // a callee or receiver of a call rule
	importClue                  // an import statement's keyword
	asClue                      // the as that renames an import
	// rareClue: a number of three digits that is no code the catalogue
	// knows (255, 386, 999), which only the slots of a status name take
	// (see isCandidate).
	rareClue
	candidate clue = 0xff
)

// and adds d to what c has seen.
func (c clue) and(d clue) clue {
	c |= d
	if c&(numberClue|callClue) == numberClue|callClue || c&(importClue|asClue) == importClue|asClue {
		return candidate
	}
	return c
}

// callForm is how a trigger of the call rules stands: as a method (x.f),
// as a plain function (f), either, or as a receiver (http in
// http.Error), which need not be called itself.
type callForm uint8

const (
	asMethod callForm = 1 << iota
	asFunc
	asReceiver
	anyForm = asMethod | asFunc
)

// tokenBytes marks, for the lexer of this package, the bytes read as a
// token, or part of one, that stands for itself: printable ASCII but the
// slash and bracket (where a comment may end or start, hiding what stands
// beside it: //, /* */, Lua's --[[ ]]), the backslash (a line
// continuation), and $ and @, which the lexer drops before a name; not
// blanks, line breaks, control bytes or bytes beyond ASCII. The byte tests
// of the candidate filter decide only on these, and leave the others to
// the engine.
var tokenBytes = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		t[c] = true
	}
	for _, c := range []byte("/]\\$@") {
		t[c] = false
	}
	return t
}()

// goTokenBytes is tokenBytes for go/scanner, which also drops # and ?, for
// which Go has no token.
var goTokenBytes = func() (t [256]bool) {
	t = tokenBytes
	for _, c := range []byte("#?") {
		t[c] = false
	}
	return t
}()

// formAt tells how the word at text[i] stands, from the byte before it,
// blanks aside: after a dot it is a method (x.f, x?.f), after another
// token a plain function, except after two dots (a spread), another
// separator (::, ->), and after what is no token (see tokenBytes), which
// the test leaves to the engine.
func (t *triggers) formAt(text []byte, i int) callForm {
	switch c, at := byteBefore(text, i); {
	case at < 0 || c == ':' || c == '>' || !t.token[c]:
		return anyForm
	case c == '.' && at > 0 && text[at-1] == '.':
		return anyForm
	case c == '.':
		return asMethod
	}
	return asFunc
}

// byteBefore returns the last byte before text[i] that is no blank (a line
// break is none), and its offset, or -1 when there is none.
func byteBefore(text []byte, i int) (byte, int) {
	for i--; i >= 0; i-- {
		if byteClass[text[i]]&cBlank == 0 {
			return text[i], i
		}
	}
	return 0, -1
}

// memberCalled reports whether the receiver text[i:j] is followed by a
// callee of its rules: written out (http.Error), or with something else
// after it that leaves the member open (blanks, ?. or ::, what is not a
// token).
func (t *triggers) memberCalled(text []byte, i, j int) bool {
	if j+1 < len(text) && text[j] == '.' && wordByte[text[j+1]] {
		return t.memberCalls[string(text[i:wordEnd(text, j+1)])]
	}
	if j == len(text) {
		return true
	}
	c := text[j]
	return c == '.' || c == '?' || c == ':' || c == '-' || byteClass[c]&cBlank != 0 || !t.token[c]
}

// calledAt reports whether the word that ends at text[j] may be called:
// the byte after it, blanks aside, opens its arguments, or may come before
// them in a generic, optional or asserted call (<, ?, !), or starts a Lua
// comment (-), or is not a token.
func (t *triggers) calledAt(text []byte, j int) bool {
	if j = skipBlanks(text, j); j == len(text) {
		return true
	}
	c := text[j]
	return c == '(' || c == '<' || c == '?' || c == '!' || c == '-' || !t.token[c]
}

// mayFillArgument reports whether the word at text[i] may be a whole
// argument of a call: the byte before it, blanks aside, opens or separates
// arguments, or is no token.
func (t *triggers) mayFillArgument(text []byte, i int) bool {
	c, at := byteBefore(text, i)
	return at < 0 || c == '(' || c == ',' || !t.token[c]
}

// wordShapes is a set of the shapes of words: their length (modulo 16),
// first and last byte (modulo 64). It rules out most words a table does
// not hold before a map lookup.
type wordShapes [16 * 64 * 64 / 64]uint64

// add adds the shape of w.
func (s *wordShapes) add(w []byte) {
	k, b := shapeBit(w)
	s[k] |= b
}

// has reports whether a word of w's shape was added.
func (s *wordShapes) has(w []byte) bool {
	k, b := shapeBit(w)
	return s[k]&b != 0
}

// shapeBit returns the word of a wordShapes and the bit in it that stand
// for w's shape.
func shapeBit(w []byte) (int, uint64) {
	k := (len(w)&15)<<12 | int(w[0]&63)<<6 | int(w[len(w)-1]&63)
	return k >> 6, 1 << (k & 63)
}

// add adds to what the name w is to the test, unless w is empty.
func (t *triggers) add(w string, set func(*trigger)) {
	if w != "" {
		n := t.names[w]
		set(&n)
		t.names[w] = n
		t.addShape(w)
	}
}

// addCall adds a callee or receiver of a call rule, in the given form.
func (t *triggers) addCall(w string, form callForm) {
	t.add(w, func(n *trigger) { n.call |= form })
}

func (t *triggers) addShape(w string) { t.shape.add([]byte(w)) }

// buildTriggers derives each code language's triggers from the rule tables
// and the catalogue's constants, so that they cannot drift apart. The
// assertion and chain callees (Equal, toBe) are not triggers: what they
// take is reported only when a status expression stands beside it, whose
// filter wants three digits, or when it is a constant.
func buildTriggers(ix *constIndex, known *[1000]bool) map[Language]*triggers {
	out := map[Language]*triggers{}
	for _, lang := range []Language{Go, JavaScript, TypeScript, Python, Java, Kotlin, CSharp, Rust, PHP, Lua} {
		t := &triggers{names: map[string]trigger{}, memberCalls: map[string]bool{}, token: &tokenBytes, known: known}
		if lang == Go {
			t.token = &goTokenBytes
		}
		bit := langBit(lang)
		for _, r := range callRules {
			if r.langs != 0 && r.langs&bit == 0 {
				continue
			}
			switch r.recv {
			case anyRecv:
				t.addCall(r.callee, anyForm)
			case isMethod:
				t.addCall(r.callee, asMethod)
			case isFunc:
				t.addCall(r.callee, asFunc)
			default:
				t.addCall(r.recv, asReceiver)
				t.add(r.callee, func(n *trigger) { n.alias = true })
				t.memberCalls[r.recv+"."+r.callee] = true
			}
		}
		for _, l := range ecoLanguages(lang) {
			for _, ecs := range ix.byLang[l] {
				for _, ec := range ecs {
					for name := range ec.names {
						t.add(name, func(n *trigger) { n.word = true })
					}
				}
			}
		}
		// Imports name the packages that aliased constants come from
		// (nethttp "net/http", from requests import codes as rc); the scan
		// remembers them for the rest of the file.
		imports := func(w string, c clue) { t.add(w, func(n *trigger) { n.imported = c }) }
		switch lang {
		case Go:
			imports("import", importClue|asClue)
			t.aliasedImports = true
		case Python:
			imports("import", importClue)
			imports("as", asClue)
			t.aliasable = map[string]bool{}
			for q := range ix.byLang["python"] {
				t.aliasable[q] = true
			}
		}
		if lang == Go || lang == Python {
			// The words that open a switch, which the region scans of
			// these languages watch for (see switchPending), as the
			// engine reads them (engine.ident, engine.punct).
			t.switchClose, t.pyMatch = "{", lang == Python
			if t.pyMatch {
				t.switchClose = ":{"
			}
			for _, w := range switchWords {
				t.addShape(w)
			}
		}
		out[lang] = t
	}
	return out
}

// identByte marks the bytes of identifiers and numbers as the trigger test
// sees them.
var identByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
	}
	return t
}()

// wordByte marks the bytes of the words the trigger test looks at: those
// of identByte but $, which lexers split off a number ($400 is $ and 400
// to go/scanner and to the lexer of JavaScript), and which no trigger
// contains.
var wordByte = func() (t [256]bool) {
	t = identByte
	t['$'] = false
	return t
}()

// clues adds to seen what the words of text tell, up to candidate (the
// test at the top of this file); aliased says that the file imports a
// package under another name, so that receivers cannot be told from their
// spelling.
func (t *triggers) clues(text []byte, aliased bool, seen clue) clue {
	for i := 0; i < len(text) && seen != candidate; i++ {
		if wordByte[text[i]] {
			j := wordEnd(text, i)
			seen = t.wordSeen(text, i, j, aliased, seen)
			i = j
		}
	}
	return seen
}

// wordSeen adds to seen what the word text[i:j] tells, read as code: a
// number by its digits and by whether it may fill an argument, a name by
// wordClue when its shape is that of a trigger.
func (t *triggers) wordSeen(text []byte, i, j int, aliased bool, seen clue) clue {
	w := text[i:j]
	if !isDigit(w[0]) {
		return t.nameSeen(text, i, j, aliased, seen)
	}
	if codeWord(w) {
		if t.knownCode(w) {
			return candidate
		}
		seen |= rareClue
	}
	if t.mayFillArgument(text, i) {
		seen = seen.and(numberClue)
	}
	// go/scanner ends a number where its digits do, and reads what
	// follows as a name (0x is a number, WriteHeader a name, in
	// 0xWriteHeader): any part of the word from a letter on may be one.
	// Words of digits and letters are few, so testing every such part
	// costs less than telling where go/scanner ends the number.
	for k := i + 1; k < j && seen != candidate; k++ {
		if isIdentStart(text[k]) {
			seen = t.nameSeen(text, k, j, aliased, seen)
		}
	}
	return seen
}

// nameSeen adds to seen what the name text[i:j] tells (see wordClue).
func (t *triggers) nameSeen(text []byte, i, j int, aliased bool, seen clue) clue {
	if t.shape.has(text[i:j]) { // most names, without a map lookup
		return seen.and(t.wordClue(text, i, j, aliased))
	}
	return seen
}

// switchWordAt reports whether the word text[i:j] opens a switch as the
// engine reads the language (see switchPending).
func (t *triggers) switchWordAt(text []byte, i, j int) bool {
	return t.shape.has(text[i:j]) && t.opensSwitch(text, i, text[i:j])
}

// codeWord reports whether a word that starts with a digit is a number of
// three digits (404, 404L, 404u16) or a class (5xx).
func codeWord(w []byte) bool {
	return len(w) >= 3 && (w[0] >= '1' && isDigit(w[1]) && isDigit(w[2]) && (len(w) == 3 || !isDigit(w[3])) ||
		w[0] >= '1' && w[0] <= '5' && w[1]|0x20 == 'x' && w[2]|0x20 == 'x')
}

// proseClue is what a string tells the candidate test: a known code or a
// class at the start of a word (see codeWord) makes the region a
// candidate, another number of three digits a rare one; of a comment, a
// candidate says its prose may hold a code (see regionSpans.comment).
// Names and the halves of a call say nothing in prose, so it looks for
// digits only, eight bytes at a time.
func (t *triggers) proseClue(text []byte) clue {
	var cl clue
	for i := 0; ; {
		start, end := nextCodeWord(text, i)
		if start < 0 {
			return cl
		}
		if t.knownCode(text[start:end]) {
			return candidate
		}
		cl |= rareClue
		i = end
	}
}

// nextCodeWord returns the bounds of the first word of text from i on that
// starts with a digit and passes codeWord, or -1 and len(text): the only
// words in which prose holds a code or a class. It looks for digits eight
// bytes at a time.
func nextCodeWord(text []byte, i int) (start, end int) {
	for i < len(text) {
		k := indexDigit(text[i:])
		if k < 0 {
			break
		}
		i += k
		j := wordEnd(text, i)
		if j-i >= 3 && (i == 0 || !wordByte[text[i-1]]) && codeWord(text[i:j]) { // most numbers are shorter
			return i, j
		}
		i = j
	}
	return -1, len(text)
}

// knownCode reports whether a word that passed codeWord is a class (5xx)
// or starts with a code the catalogue knows.
func (t *triggers) knownCode(w []byte) bool {
	if w[1]|0x20 == 'x' {
		return true
	}
	return t.known[int(w[0]-'0')*100+int(w[1]-'0')*10+int(w[2]-'0')]
}

// isCandidate completes the candidate test of a region with the clues of
// its words: a number the catalogue does not know (255) counts where the
// region mentions a status (see mentionsStatus), for the engine takes it
// for one only in the slots of such names.
func (t *triggers) isCandidate(cl clue, region []byte) bool {
	return cl == candidate || cl&rareClue != 0 && mentionsStatus(region)
}

// mentionsStatus reports whether text holds, in any case, "tatu",
// "respons", or "code" after get, http, want, expect or expected (an
// underscore or dash between). Those are the names through which the
// engine takes a number the catalogue does not know for a status, with
// threeDigits (statusishName, classifyKey, frame.docKeys): statusCode,
// getStatus(), ":status", responseCode, FastAPI's responses=, getCode(),
// http_code, want_code, expectedCode. A bare code, or rc, takes only known
// codes. Keys are often strings, so strings and comments are searched too.
func mentionsStatus(text []byte) bool {
	for i := 0; i+4 <= len(text); i++ {
		switch text[i] | 0x20 {
		case 't':
			if text[i+1]|0x20 == 'a' && text[i+2]|0x20 == 't' && text[i+3]|0x20 == 'u' {
				return true
			}
		case 'c':
			if text[i+1]|0x20 == 'o' && text[i+2]|0x20 == 'd' && text[i+3]|0x20 == 'e' && codePrefix(text[:i]) {
				return true
			}
		case 'r':
			if i+7 <= len(text) && eqFold(text[i:i+7], "respons") {
				return true
			}
		}
	}
	return false
}

// codePrefix reports whether text ends with a word that makes the "code"
// after it a status name (see mentionsStatus).
func codePrefix(text []byte) bool {
	j := len(text)
	if j > 0 && (text[j-1] == '_' || text[j-1] == '-') {
		j--
	}
	for _, p := range []string{"get", "http", "want", "expect", "expected"} {
		if j >= len(p) && eqFold(text[j-len(p):j], p) {
			return true
		}
	}
	return false
}

// wordEnd returns the end of the word (see wordByte) that starts at i.
func wordEnd(text []byte, i int) int {
	for i++; i < len(text) && wordByte[text[i]]; i++ {
	}
	return i
}

// opensSwitch reports whether the word w at text[i:] opens a switch as
// the engine reads the language (engine.ident).
func (t *triggers) opensSwitch(text []byte, i int, w []byte) bool {
	if t.pyMatch {
		return string(w) == "match" && startsLine(text, i)
	}
	return isSwitchWord(w)
}

// switchPending reports whether a region ends with a switch (or when,
// match, select) still looking for its block: the engine takes what
// stands between such a word and the next brace (or, in Python, colon) as
// the switch's subject, which makes the cases in that block statuses, so
// no region may start in between. The candidate test read text up to
// stop and saw the last such word end at switchEnd (see regionSpans);
// what it did not read is read here. Most tails hold no switch word at
// all, which a search for the words' spellings tells at a fraction of the
// cost of reading words; then only whether the tail closes a switch
// matters. A tail that may hold one is read backwards, down to the last
// closer at most, so that a region whose end closes its switches costs
// only its tail.
func (t *triggers) switchPending(text []byte, switchEnd, stop int) bool {
	switch tail := text[stop:]; {
	case len(tail) == 0:
		// A region that is no candidate was read to its end.
	case !hasSwitchWord(tail):
		if t.closesSwitch(tail) {
			return false
		}
	default:
		for i := len(text) - 1; i >= stop; i-- {
			c := text[i]
			if strings.IndexByte(t.switchClose, c) >= 0 {
				return false // every switch before it has its block
			}
			if !wordByte[c] {
				continue
			}
			j := i + 1
			for i > stop && wordByte[text[i-1]] {
				i--
			}
			if t.switchWordAt(text, i, j) {
				return true
			}
		}
	}
	return switchEnd >= 0 && !t.closesSwitch(text[switchEnd:stop])
}

// closesSwitch reports whether text holds a byte that ends a switch's
// subject (see switchPending).
func (t *triggers) closesSwitch(text []byte) bool {
	for i := range len(t.switchClose) {
		if bytes.IndexByte(text, t.switchClose[i]) >= 0 {
			return true
		}
	}
	return false
}

// wordClue is what the identifier text[i:j], which passed the shape
// filter, tells the candidate test.
func (t *triggers) wordClue(text []byte, i, j int, aliased bool) clue {
	n := t.names[string(text[i:j])]
	if n.word {
		return candidate
	}
	if n.imported != 0 && (aliased || !t.aliasedImports) {
		if n.imported == asClue && !t.renamesQualifier(text, i) {
			return 0
		}
		return n.imported
	}
	switch f := n.call; {
	case f&asReceiver != 0 && t.memberCalled(text, i, j),
		f != 0 && f&t.formAt(text, i) != 0 && t.calledAt(text, j),
		aliased && n.alias:
		return callClue
	}
	return 0
}

// renamesQualifier reports whether the as at text[i] may rename a name
// that aliasable holds: the word before it, blanks and line ends aside,
// is one, or cannot be told from the bytes (a comment may stand between,
// which the engine does not read).
func (t *triggers) renamesQualifier(text []byte, i int) bool {
	if t.aliasable == nil {
		return true
	}
	j := i
	for j > 0 && (byteClass[text[j-1]]&cBlank != 0 || text[j-1] == '\n' || text[j-1] == '\\') {
		j--
	}
	k := j
	for k > 0 && identByte[text[k-1]] {
		k--
	}
	if k == j || bytes.IndexByte(text[bytes.LastIndexByte(text[:k], '\n')+1:k], '#') >= 0 {
		return true
	}
	return t.aliasable[string(text[k:j])]
}

// tokenClues is clues for one token of the lexer other than a comment
// (see regionSpans.comment): identifiers and numbers are tested whole,
// strings byte by byte.
func (t *triggers) tokenClues(text []byte, tok token, seen clue) clue {
	w := text[tok.start:tok.end]
	switch tok.kind {
	case tPunct, tNewline, tEOF:
		return seen
	case tNumber:
		if codeWord(w) {
			return candidate
		}
		if t.mayFillArgument(text, tok.start) {
			return seen.and(numberClue)
		}
		return seen
	case tIdent:
		if t.shape.has(w) {
			return seen.and(t.wordClue(text, tok.start, tok.end, false))
		}
		return seen
	}
	return t.clues(w, false, seen)
}

// aliasesNetHTTP reports whether the string that starts at text[at-1] may
// import net/http under a name of its own (nethttp "net/http", or _
// "net/http"), which the call rules that name http as the receiver then
// accept. The engine takes the last name it read in an import
// (engine.goImportPath) for the path's alias, and reads the path as
// go/scanner does, quoted or raw, or cut short by the line's end; so only
// a path that follows the import keyword, an open group, or another path,
// blanks and line ends aside, is sure to have no name of its own.
func aliasesNetHTTP(text []byte, at int) bool {
	const path = "net/http"
	if !bytes.HasPrefix(text[at:], []byte(path)) {
		return false
	}
	if end := at + len(path); end < len(text) && text[end] != text[at-1] && text[end] != '\n' {
		return false // another path (net/httptest)
	}
	k := at - 1
	for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\r' || text[k-1] == '\n') {
		k--
	}
	if k == 0 || text[k-1] == '(' || text[k-1] == '"' || text[k-1] == '`' {
		return false
	}
	if w := k; identByte[text[w-1]] {
		for w > 0 && identByte[text[w-1]] {
			w--
		}
		if string(text[w:k]) == "import" {
			return false
		}
	}
	return true
}

// goRegions calls fn for each span of consecutive candidate regions of a Go
// file. Regions start where the engine holds no state that matters: no
// open bracket, no value waiting for its next token. Those are the
// top-level declarations (a line that starts with func, type, var, const
// or import outside any bracket, string or comment), and the statements
// directly inside a function's body, whose frame the engine is given (see
// goBlock), or inside a group of constants, variables or types (const (
// ... )): a line there that ends in a token after which Go inserts a
// semicolon (an identifier, a literal, a closing bracket) ends its
// statement, so the next line starts a new one. A statement's own blocks
// (the cases of a switch) lie deeper and stay in its region. Functions and
// tables of constants are most of a Go file, and one number in them no
// longer sends all of it through go/scanner. commentProse, when the codes in
// comments are wanted, reads those of the comments the engine is not
// given (see regionSpans.comment).
func goRegions(text []byte, t *triggers, commentProse func(start, end int), fn func(lo, hi int, open []openBlock)) {
	// body holds the frame of the function's body, or of the declaration's
	// group, open at depth 1, if the engine can be given it; inFunc says
	// the current top-level declaration, which starts at decl, is a
	// function. lineStart and comment are the start of the current line
	// and of its // comment, if any.
	var body []openBlock
	spans := newRegionSpans(text, 0, len(text), t, commentProse, fn)
	spans.blocks = &body
	depth := 0
	inFunc, decl := false, 0
	lineStart, comment := 0, -1
	for i := 0; i < len(text); i++ {
		i = spans.code(text, i, &goClasses)
		if i == len(text) {
			break
		}
		switch c := text[i]; c {
		case '\n':
			if depth == 0 && i+1 < len(text) && startsGoDecl(text[i+1:]) {
				spans.cut(i + 1)
				inFunc, decl = bytes.HasPrefix(text[i+1:], []byte("func")), i+1
			} else if depth == 1 && len(body) > 0 && endsGoStatement(text[lineStart:i], comment-lineStart) && !joinsLineBefore(text, i+1) {
				if body[0].open == '(' && spans.mayBeCandidate() && t.plainSpec(text[spans.lo:i]) {
					spans.cutPlain(i + 1)
				} else {
					spans.cut(i + 1)
				}
			}
			lineStart, comment = i+1, -1
		case '(', '[', '{':
			switch {
			case depth > 0:
			case c == '{' && inFunc:
				if name, ok := goBlock(text, decl, i); ok {
					body = append(body[:0], openBlock{open: '{', name: name})
				}
			case c == '(' && !inFunc:
				// The engine keeps an import group's aliases itself.
				switch kw := bytes.TrimRight(text[decl:i], " \t"); string(kw) {
				case "const", "var", "type":
					body = append(body[:0], openBlock{open: '(', name: kw})
				}
			}
			depth++
		case ')', ']', '}':
			depth = max(0, depth-1)
			if depth == 0 {
				body = body[:0]
			}
		case '/':
			start := i
			if i+1 < len(text) && text[i+1] == '/' {
				comment = i
				i = skipTo(text, i+2, "\n") - 1 // the newline is seen again
				end := i + 1
				if text[end-1] == '\r' {
					end-- // go/scanner leaves it out (see goLiteralEnd)
				}
				spans.comment(start, end)
			} else if i+1 < len(text) && text[i+1] == '*' {
				i = skipTo(text, i+2, "*/") + 1
				spans.comment(start, min(i+1, len(text)))
			}
		case '`':
			start := i
			i = skipTo(text, i+1, "`")
			spans.prose(start, min(i+1, len(text)))
			spans.importsNetHTTP(start+1, min(i+1, len(text)))
		case '"', '\'':
			start := i
			i = lineStringEnd(text, i+1, c)
			spans.prose(start, min(i+1, len(text)))
			if c == '"' {
				spans.importsNetHTTP(start+1, min(i+1, len(text)))
			}
		}
	}
	spans.end()
}

// plainSpec reports whether a spec of a const or var group, up to its
// line's end, is a name, perhaps a type, = and a number, perhaps with a
// comment without a code in it, where neither word says status nor is a
// trigger. The engine takes such a number for a status only as the value
// of a key that says status (engine.keySlot, with statusishName and
// classifyKey), so it makes no candidate; tables of system call numbers
// (SYS_OPENAT = 257) are made of such specs.
func (t *triggers) plainSpec(spec []byte) bool {
	i := skipBlanks(spec, 0)
	for words := 0; ; words++ {
		if i == len(spec) || !wordByte[spec[i]] || isDigit(spec[i]) || words == 2 {
			break
		}
		j := wordEnd(spec, i)
		if t.saysStatus(spec[i:j]) {
			return false
		}
		i = skipBlanks(spec, j)
	}
	if i == len(spec) || spec[i] != '=' {
		return false
	}
	i = skipBlanks(spec, i+1)
	if i == len(spec) || !isDigit(spec[i]) {
		return false
	}
	i = skipBlanks(spec, wordEnd(spec, i))
	rest := bytes.TrimRight(spec[i:], "\r")
	return len(rest) == 0 || bytes.HasPrefix(rest, []byte("//")) && t.proseClue(rest) == 0
}

// saysStatus reports whether a name may make what stands beside it a
// status: a trigger of any kind, or a name the engine reads as a status
// or as a key of one.
func (t *triggers) saysStatus(w []byte) bool {
	if _, ok := statusishName(w); ok {
		return true
	}
	if _, ok := classifyKey(w); ok {
		return true
	}
	if string(w) == "code" || string(w) == "Code" {
		return true
	}
	if !t.shape.has(w) {
		return false // no trigger has its shape
	}
	_, ok := t.names[string(w)]
	return ok
}

// goBlock reports whether the brace at text[i], which opens a function's
// body, opens it as a frame the engine can be given as reading from the
// top would have opened it (see engine.openFrame and engine.enter), and
// the name that frame keeps. That holds when the brace follows, on its
// line, a closing parenthesis or a name (the result type), which the frame
// keeps, unless
//   - a switch word stands in the declaration (text[header:i]), whose
//     subject the frame would keep;
//   - the name is a type word, after which the engine looks further back
//     for the name a literal is given, and may find one (see ownerBefore),
//     or in;
//   - the name is struct, or the element type of a slice, array or map.
//
// Whatever else stands before the brace (a comment, a string) leaves the
// body to the engine whole.
func goBlock(text []byte, header, i int) ([]byte, bool) {
	k := i
	for k > header && (text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\r') {
		k--
	}
	if k == header || hasSwitchWord(text[header:k]) {
		return nil, false
	}
	if text[k-1] == ')' {
		return nil, true
	}
	j := k
	for j > header && wordByte[text[j-1]] {
		j--
	}
	// go/scanner skips $ and reads letters beyond ASCII into the name.
	if j == k || isDigit(text[j]) || j > 0 && (text[j-1] >= 0x80 || text[j-1] == '$') {
		return nil, false
	}
	name := text[j:k]
	// After struct, or after the element type of a slice, array or map
	// ([]T {), the engine reads the brace as a struct's body or a literal
	// of such elements (engine.goStructFrame), which a frame given by
	// name is not; a comment or a line break before the type hides which.
	before, at := byteBefore(text, j)
	if string(name) == "in" || string(name) == "struct" || at >= header && strings.IndexByte("]/\n", before) >= 0 ||
		slices.Contains(literalTypeWords, string(name)) && ownerBefore(text, header, j) {
		return nil, false
	}
	return name, true
}

// ownerBefore reports whether the engine, at a bracket after the type word
// that starts at text[j], may find a name the literal is given (see
// engine.literalOwner): whether past the blanks, brackets, dots and type
// words before j, down to lo, stands the = or : of a name (codes =
// []int{, codes: number {, codes := []string{), or the ?? or || of a
// default. It may say so where literalOwner finds none, never the other
// way round; a function's result type (func f() []string {) has none.
func ownerBefore(text []byte, lo, j int) bool {
	for j > lo {
		switch c := text[j-1]; {
		case byteClass[c]&cBlank != 0 || c == '\n' || strings.IndexByte("()[]<>.", c) >= 0:
			j--
		case wordByte[c]:
			k := j
			for k > lo && wordByte[text[k-1]] {
				k--
			}
			if !slices.Contains(literalTypeWords, string(text[k:j])) {
				return false
			}
			j = k
		default:
			return c == '=' || c == ':' || c == '?' || c == '|'
		}
	}
	return false
}

// hasSwitchWord reports whether text holds one of switchWords, as a word
// or within one: what may open a switch, for the tests that must not miss
// one (goBlock keeps a switch's block in one region, switchPending reads
// only the tails that may hold one). Every switch word ends in ch, en or
// ct, which are looked for first.
func hasSwitchWord(text []byte) bool {
	for i := 1; i < len(text); i++ {
		if c := text[i]; (c == 'h' || c == 't') && text[i-1] == 'c' || c == 'n' && text[i-1] == 'e' {
			for _, w := range switchWords {
				if i+1 >= len(w) && string(text[i+1-len(w):i+1]) == w {
					return true
				}
			}
		}
	}
	return false
}

// regionSpans gathers the regions of a text into spans: consecutive
// candidate regions make one span, given to fn when a region without a
// candidate, or the end, closes it. A scan that cuts regions inside
// blocks keeps the stack of blocks open in blocks, and fn gets the stack
// at the start of its span, so that the engine starts inside them as it
// would have been reading from the top (jsRegions).
//
// The candidate test is made as the region scan goes: it reads the code
// between the bytes it looks at with code, which tests each word
// (triggers.wordSeen), gives the strings it steps over to prose, which
// looks for numbers only (triggers.proseClue), and the comments to
// comment. Once a region is a candidate, the rest of it is
// only scanned for where it ends. One pass over the bytes costs less than
// a scan that finds the regions and a test that reads each again.
type regionSpans struct {
	text     []byte
	triggers *triggers
	// hi is where the scanned text ends; the tests of what stands beside
	// a word (formAt, calledAt) read no further, nor before the region.
	hi      int
	aliased bool
	// commentProse, nil when the codes in comments are not wanted (a
	// scan for code only, Analyzer.AnalyzeCode), reads the codes of a
	// comment the engine is not given; comments holds the bounds of the
	// current region's comments that may hold one (see comment).
	commentProse func(start, end int)
	comments     [][2]int
	fn           func(lo, hi int, open []openBlock)
	blocks       *[]openBlock // nil when regions start outside blocks
	// lo is where the current region starts, and regionOpen the blocks
	// open there; spanLo:spanHi is the open span, if open, and spanOpen
	// its blocks.
	lo             int
	spanLo, spanHi int
	open           bool
	regionOpen     []openBlock
	spanOpen       []openBlock
	// seen is what the current region has told the candidate test so far;
	// stop is where the test stopped reading when seen became candidate,
	// and switchEnd the end of the last word it read that opens a switch
	// (-1 when none), which switchPending wants.
	seen      clue
	stop      int
	switchEnd int
}

// newRegionSpans returns the spans of text[lo:hi], given to fn;
// commentProse, nil when the codes in comments are not wanted, reads those
// of the comments outside the spans (see regionSpans.comment).
func newRegionSpans(text []byte, lo, hi int, t *triggers, commentProse func(start, end int), fn func(lo, hi int, open []openBlock)) regionSpans {
	return regionSpans{text: text, triggers: t, hi: hi, commentProse: commentProse, fn: fn, lo: lo, switchEnd: -1}
}

// openBlock is a bracket a region starts in: a block's brace, with the
// name before it (class Handler {), which the engine's frame for it keeps,
// or a parenthesis: that of a function expression called in place, or of
// a Go declaration's group (const ( ... )), whose keyword, as name, the
// engine takes for a callee.
type openBlock struct {
	open byte
	name []byte
}

// Classes of bytes for code: runWord starts a word, runSplit is a byte
// the region scan of the language looks at; any other is stepped over.
const (
	runOther uint8 = iota
	runWord
	runSplit
)

// runClasses returns the byte classes of a region scan that looks at the
// bytes of split.
func runClasses(split string) (t [256]uint8) {
	for c := range 256 {
		if wordByte[c] {
			t[c] = runWord
		}
	}
	for i := range len(split) {
		t[split[i]] = runSplit
	}
	return t
}

// code reads the code from i up to the next byte of class runSplit, or
// the end, and returns where it stopped; until the region is a candidate,
// each word on the way is tested. It is called after every byte a scan
// looks at, and is often at the next (a closing bracket, a line's end)
// already: that case costs no call. scanned is the text scanned,
// r.text[:r.hi], which the caller holds in a local, so that this test
// reads nothing through r.
func (r *regionSpans) code(scanned []byte, i int, class *[256]uint8) int {
	if i < len(scanned) && class[scanned[i]] == runSplit {
		return i
	}
	return r.codeRun(scanned, i, class)
}

// codeRun is code past its first byte.
func (r *regionSpans) codeRun(text []byte, i int, class *[256]uint8) int {
	if r.seen != candidate {
		// Only r.word can make the region a candidate, so the loop asks
		// after calling it, and reads the trigger shapes through a local.
		// A word ends at a byte of another class, which is looked at
		// straight away.
		shape := &r.triggers.shape
		for i < len(text) {
			c := class[text[i]]
			if c == runWord {
				j := wordEnd(text, i)
				if isDigit(text[i]) || shape.has(text[i:j]) {
					r.word(i, j) // most words have the shape of no trigger
					if r.seen == candidate {
						i = j
						break
					}
				}
				if i = j; i == len(text) {
					return i
				}
				c = class[text[i]]
			}
			if c == runSplit {
				return i
			}
			for i++; i < len(text) && class[text[i]] == runOther; i++ {
			}
		}
	}
	for i < len(text) && class[text[i]] != runSplit {
		i++
	}
	return i
}

// codeWords tests the words of text[i:j], code the region scan stepped
// over whole (a template literal, whose ${} hold code; a regular
// expression).
func (r *regionSpans) codeWords(i, j int) {
	for ; i < j && r.seen != candidate; i++ {
		if wordByte[r.text[i]] {
			k := min(wordEnd(r.text, i), j)
			r.word(i, k)
			i = k
		}
	}
}

// word tests the word text[i:j] of the current region.
func (r *regionSpans) word(i, j int) {
	t, region := r.triggers, r.text[r.lo:r.hi]
	if t.switchClose != "" && !isDigit(r.text[i]) && t.switchWordAt(region, i-r.lo, j-r.lo) {
		r.switchEnd = j
	}
	if r.seen = t.wordSeen(region, i-r.lo, j-r.lo, r.aliased, r.seen); r.seen == candidate {
		r.stop = j
	}
}

// prose tests a string without code in it at text[start:end], which the
// region scan stepped over.
func (r *regionSpans) prose(start, end int) {
	if r.seen == candidate {
		return
	}
	if pc := r.triggers.proseClue(r.text[start:end]); pc == candidate {
		r.seen, r.stop = candidate, end
	} else {
		r.seen |= pc
	}
}

// comment takes the comment at text[start:end], which the region scan
// stepped over, with the bounds the engine's lexer gives it. The engine
// reads a comment for codes in prose and for nothing else (engine.feed),
// so a comment makes no region a candidate: the engine reads those of the
// candidate regions, and commentProse those of the others, once their
// region closes as one (see close). proseClue tells which comments may
// hold a code at all.
func (r *regionSpans) comment(start, end int) {
	if r.commentProse != nil && r.seen != candidate && r.triggers.proseClue(r.text[start:end]) == candidate {
		r.comments = append(r.comments, [2]int{start, end})
	}
}

// importsNetHTTP tells the test that text[at:] is the path of an import
// of net/http under a name of its own (see aliasesNetHTTP): the words
// after it are read with that in mind, and the region that holds it, which
// the engine must read to learn the name, is a candidate.
func (r *regionSpans) importsNetHTTP(at, end int) {
	if !r.aliased && aliasesNetHTTP(r.text[:r.hi], at) {
		r.aliased = true
		if r.seen != candidate {
			r.seen, r.stop = candidate, end
		}
	}
}

// mayBeCandidate reports whether the current region's words, so far, may
// make it a candidate (see isCandidate); a region that may not is closed
// as one that holds none whether or not it is tested further.
func (r *regionSpans) mayBeCandidate() bool {
	return r.seen == candidate || r.seen&rareClue != 0
}

// cut ends the current region at hi; the next starts there.
func (r *regionSpans) cut(hi int) { r.cutAt(hi, false) }

// cutAt is cut; last says the text ends at hi, so the region ends there
// even with a switch pending.
func (r *regionSpans) cutAt(hi int, last bool) {
	if r.lo == hi {
		return
	}
	if r.triggers.switchClose != "" && !last {
		stop, switchEnd := hi, r.switchEnd
		if r.seen == candidate {
			stop = r.stop
		}
		if switchEnd >= 0 {
			switchEnd -= r.lo
		}
		// With no tail left unread and no switch word seen, nothing is
		// pending; most regions are such.
		if (stop < hi || switchEnd >= 0) && r.triggers.switchPending(r.text[r.lo:hi], switchEnd, stop-r.lo) {
			return // the region goes on to the switch's block
		}
	}
	r.close(hi, r.triggers.isCandidate(r.seen, r.text[r.lo:hi]))
}

// cutPlain ends the current region at hi as one that holds no
// candidate, known without testing it (see triggers.plainSpec).
func (r *regionSpans) cutPlain(hi int) { r.close(hi, false) }

// close ends the current region at hi: a candidate joins the open span,
// any other closes it.
func (r *regionSpans) close(hi int, isCandidate bool) {
	if isCandidate {
		if !r.open {
			r.spanLo, r.open = r.lo, true
			r.spanOpen = append(r.spanOpen[:0], r.regionOpen...)
		}
		r.spanHi = hi
	} else {
		r.flush()
		for _, c := range r.comments {
			r.commentProse(c[0], c[1])
		}
	}
	r.lo, r.seen, r.switchEnd, r.comments = hi, 0, -1, r.comments[:0]
	if r.blocks != nil && len(*r.blocks)+len(r.regionOpen) > 0 {
		r.regionOpen = append(r.regionOpen[:0], *r.blocks...)
	}
}

func (r *regionSpans) flush() {
	if r.open {
		r.fn(r.spanLo, r.spanHi, r.spanOpen)
	}
	r.open = false
}

// end cuts the last region at r.hi and gives the open span to fn.
func (r *regionSpans) end() {
	r.cutAt(r.hi, true)
	r.flush()
}

// pythonRegions is goRegions for Python, over text[lo:hi]: every logical
// line (outside brackets, strings and backslash continuations) starts a
// region, since the engine carries nothing from one statement to the next
// but a match's subject to its cases, which stand on the deeper lines after
// it and so stay with it. Only the bytes that change what is a string, a
// comment or a bracket are looked at, following the lexer's rules (triple
// quotes, backslashes, a one-line string ending at its line's end), so
// that a region starts where the lexer would see the same token; the
// lexer then reads only the candidate spans. errType says whether a name
// is one of the file's own error classes, as the engine asks it
// (scan.pythonErrorClass).
func pythonRegions(text []byte, lo, hi int, t *triggers, commentProse func(start, end int), errType func([]byte) bool, fn func(lo, hi int, open []openBlock)) {
	spans := newRegionSpans(text, lo, hi, t, commentProse, fn)
	depth := 0
	// keepAt is the indentation of the statement whose block is being
	// read with it (-1 when none is): a match, whose cases depend on its
	// subject, or a class deriving from an error type, whose code = 404
	// is its status (see engine.errClasses). comment says the line has a
	// comment, after which a backslash does not continue it.
	keepAt, comment := -1, false
	if k := skipBlanks(text[:hi], lo); keepsBlock(text[k:hi], errType) {
		keepAt = k - lo
	}
	scanned := text[:hi]
	for i := lo; i < hi; i++ {
		i = spans.code(scanned, i, &pyClasses)
		if i == hi {
			break
		}
		switch c := text[i]; c {
		case '\n':
			if depth == 0 && !(continued(text[lo:i]) && !comment) {
				k := i + 1
				for k < hi && (text[k] == ' ' || text[k] == '\t') {
					k++
				}
				switch ind := k - i - 1; {
				case k == hi || text[k] == '\n' || text[k] == '\r' || text[k] == '#':
					// A blank or comment line is no statement.
				case keepAt >= 0 && ind > keepAt:
					// A line of a kept block.
				default:
					spans.cut(k)
					keepAt = -1
					if keepsBlock(text[k:hi], errType) {
						keepAt = ind
					}
				}
			}
			comment = false
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth = max(0, depth-1)
		case '#':
			comment = true
			start := i
			i = i + bytesIndexByte(text[i:hi], '\n') - 1 // the newline is seen again
			spans.comment(start, i+1)
		case '\'', '"':
			start := i
			i = pythonStringEnd(text[:hi], i) - 1
			if start == lo || !identByte[text[start-1]] {
				spans.prose(start, i+1)
			} else {
				// An f-string, whose braces hold code, or another
				// prefixed one, which the test reads whole.
				spans.codeWords(start, i+1)
			}
		}
	}
	spans.end()
}

// keepsBlock reports whether a Python statement, at the start of text,
// keeps the lines of its block in its region (see pythonRegions). A match
// may open a match statement, or name a variable: its lines are kept
// together all the same. errType says whether a name is one of the
// file's own error classes (see pythonErrorClasses).
func keepsBlock(text []byte, errType func([]byte) bool) bool {
	return startsWord(text, "match") || startsWord(text, "class") && errorClassHeader(text, errType)
}

// startsWord reports whether text starts with the word w, followed by a
// byte that cannot continue it, or by nothing; w may also be a mark (@, #)
// that any byte can follow.
func startsWord(text []byte, w string) bool {
	return bytes.HasPrefix(text, []byte(w)) && (len(text) == len(w) || !identByte[text[len(w)]] || !identByte[w[0]])
}

// errorClassHeader reports whether a class header, up to its colon outside
// brackets, names an error type (see isErrorType) or one of the file's own
// (errType), as the engine reads it;
// a header too long to read counts as one, which only keeps its block
// whole.
func errorClassHeader(header []byte, errType func([]byte) bool) bool {
	depth := 0
	for i := 0; i < len(header) && i < maxClassHeader; {
		switch c := header[i]; {
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ':' && depth <= 0:
			return false
		case identByte[c]:
			j := wordEnd(header, i)
			if isErrorType(header[i:j]) || errType(header[i:j]) {
				return true
			}
			i = j
			continue
		}
		i++
	}
	return true
}

// maxClassHeader bounds the bytes errorClassHeader reads.
const maxClassHeader = 1024

// continued reports whether a line (up to its newline) ends in a
// backslash, which joins the next line to it.
func continued(line []byte) bool {
	n := len(line)
	if n > 0 && line[n-1] == '\r' {
		n--
	}
	return n > 0 && line[n-1] == '\\'
}

// bytesIndexByte is bytes.IndexByte, or len(b) when c is not in b.
func bytesIndexByte(b []byte, c byte) int {
	if k := bytes.IndexByte(b, c); k >= 0 {
		return k
	}
	return len(b)
}

// pythonStringEnd returns the index just past the string literal whose
// opening quote is at i, as the lexer reads it (lexer.quoted).
func pythonStringEnd(text []byte, i int) int {
	q, n := text[i], 1
	if i+2 < len(text) && text[i+1] == q && text[i+2] == q {
		n = 3
	}
	for j := i + n; ; j++ {
		j = lineStringEnd(text, j, q)
		switch {
		case j == len(text):
			return j
		case text[j] == q && (n == 1 || j+2 < len(text) && text[j+1] == q && text[j+2] == q):
			return j + n
		case n == 1:
			return j // a line break ends the string
		}
		// A triple-quoted string goes on over line breaks and lone quotes.
	}
}

// pyClasses marks the bytes pythonRegions looks at.
var pyClasses = runClasses("\n()[]{}#'\"")

// jsRegions is pythonRegions for JavaScript and TypeScript: a line outside
// any bracket, string, comment and regular expression that starts, in its
// first column, with a declaration word (function, class, const, export,
// ...) starts a region. Telling a regular expression from a division
// takes the token before the slash, which the lexer reads as
// regexAllowed does; this scan tracks the same from the last byte before
// the slash outside blanks and comments: a name, a number, a string or a
// closing bracket make it a division.
func jsRegions(text []byte, lo, hi int, t *triggers, commentProse func(start, end int), fn func(lo, hi int, open []openBlock)) {
	// brackets are those open, innermost last; blocks those of them that
	// are plain blocks, while every one open is.
	var brackets []byte
	var blocks []openBlock
	spans := newRegionSpans(text, lo, hi, t, commentProse, fn)
	spans.blocks = &blocks
	decls := declStarts[JavaScript]
	regexOK := true // what regexAllowed would say at the next token
	// last is the last byte outside blanks before the one being looked
	// at, at lastAt, and quiet says no comment came after it (a bracket
	// after a comment is taken for a block only when nothing but comments
	// stands before it, as a licence header before a module wrapper).
	last, lastAt, quiet := byte(0), -1, true
	// A switch's parenthesis makes the engine take what comes up to the
	// next brace as its subject, and the cases in that block depend on it
	// (see triggers.switchPending; in JavaScript only switch followed by its
	// parenthesis counts, see engine.openFrame): switchPending says one is
	// open, and inSwitch holds the depths of the blocks of switches, whose
	// statements are never cut apart.
	switchPending := false
	var inSwitch []int
	// inBlocks says that only plain blocks are open, none a switch's, so
	// that a statement that ends here may end a region.
	inBlocks := func() bool {
		return !switchPending && len(blocks) == len(brackets) && (len(inSwitch) == 0 || len(brackets) < inSwitch[len(inSwitch)-1])
	}
	scanned := text[:hi]
	for i := lo; i < hi; i++ {
		run := i
		i = spans.code(scanned, i, &jsClasses)
		// The last byte of the run outside blanks ends the token before
		// what comes next.
		for k := i - 1; k >= run; k-- {
			if c := text[k]; byteClass[c]&cBlank == 0 {
				regexOK = !isIdentByte(c)
				last, lastAt, quiet = c, k, true
				break
			}
		}
		if i == hi {
			break
		}
		switch c := text[i]; c {
		case '\n':
			switch {
			case switchPending:
			case len(brackets) == 0 && i+1 < hi && startsDecl(text[i+1:hi], decls):
				spans.cut(i + 1)
			case (last == ';' || last == '}') && lastAt > lo && inBlocks():
				// A statement ended with its line, outside any bracket or
				// in plain blocks only: the next starts a region.
				spans.cut(i + 1)
			case last == ')' && lastAt > lo && len(brackets) == 0 && i+1 < hi && startsTopStatement(text[i+1:hi]):
				// Without semicolons (test('...', fn) after test('...',
				// fn)): a call ended the line, and a name at the line's
				// start begins a statement (see startsTopStatement).
				spans.cut(i + 1)
			}
		case '(', '[', '{':
			switch {
			case c == '(' && lastAt >= lo && last == 'h' && lastWord(text[lo:lastAt+1]) == "switch":
				switchPending = true
			case c == '{' && switchPending:
				inSwitch = append(inSwitch, len(brackets)+1)
				switchPending = false
			}
			if len(blocks) == len(brackets) && (quiet || lastAt < lo) {
				switch {
				case c == '{' && last == ')':
					// A plain block: the body of a function, method, class
					// or statement, after ) or a name (class Handler, else),
					// as opposed to an object literal, whose frame may say
					// more.
					blocks = append(blocks, openBlock{open: '{'})
				case c == '{' && lastAt >= lo && isIdentByte(last):
					k := lastAt
					for k > lo && isIdentByte(text[k-1]) {
						k--
					}
					// After a literal's type word (Set {), the engine looks
					// further back for the name the literal is given.
					if name := text[k : lastAt+1]; !slices.Contains(literalTypeWords, string(name)) || !ownerBefore(text, lo, k) {
						blocks = append(blocks, openBlock{open: '{', name: name})
					}
				case c == '(' && (lastAt < lo || groupAfter[last]):
					// A parenthesis that starts a statement, as a module
					// wrapper's (function () { ... })() does, or groups an
					// operand (x && (...), a, (...), !(...)), as minified
					// code does with whole libraries: no call, and no name
					// to give the literal.
					blocks = append(blocks, openBlock{open: '('})
				}
			}
			brackets = append(brackets, c)
			regexOK = true
			last, lastAt, quiet = c, i, true
		case ')', ']', '}':
			if len(brackets) > 0 {
				brackets = brackets[:len(brackets)-1]
			}
			blocks = blocks[:min(len(blocks), len(brackets))]
			for len(inSwitch) > 0 && len(brackets) < inSwitch[len(inSwitch)-1] {
				inSwitch = inSwitch[:len(inSwitch)-1]
			}
			// Minified code holds a file on one line: a block that a
			// statement follows on the same line (}else, }return) ends a
			// region as one that ends its line does.
			if c == '}' && inBlocks() {
				if k := skipBlanks(text[:hi], i+1); k < hi && identByte[text[k]] {
					spans.cut(i + 1)
				}
			}
			regexOK = false
			last, lastAt, quiet = c, i, true
		case ';':
			// So does a statement's semicolon that code follows.
			if inBlocks() {
				if k := skipBlanks(text[:hi], i+1); k < hi && text[k] != '\n' && text[k] != '/' {
					spans.cut(i + 1)
				}
			}
			regexOK = true
			last, lastAt, quiet = c, i, true
		case '\'', '"', '`':
			start := i
			i = jsStringEnd(text[:hi], i) - 1
			if c != '`' {
				spans.prose(start, i+1)
			} else {
				spans.codeWords(start, i+1) // a template's ${} hold code
			}
			regexOK = false
			last, lastAt, quiet = c, i, true
		case '/':
			switch {
			case i+1 < hi && text[i+1] == '/':
				start := i
				i = i + bytesIndexByte(text[i:hi], '\n') - 1 // the newline is seen again
				spans.comment(start, i+1)
				quiet = false
			case i+1 < hi && text[i+1] == '*':
				start := i
				i = skipTo(text[:hi], i+2, "*/") + 1
				spans.comment(start, min(i+1, hi))
				quiet = false
			case regexOK:
				start := i
				i = jsRegexEnd(text[:hi], i) - 1
				spans.codeWords(start, i+1)
				regexOK = false
				last, lastAt, quiet = c, i, true
			default:
				regexOK = true // a division
				last, lastAt, quiet = c, i, true
			}
		}
	}
	spans.end()
}

// groupAfter marks the last bytes of the tokens after which a parenthesis
// starts a statement or groups an operand: statement ends and block
// braces, and operators other than those after which the engine looks
// back for a name (=, :, =>, see engine.literalOwner) or reads a type
// (<, >) or member (.).
var groupAfter = func() (t [256]bool) {
	for _, c := range []byte(";{}!&|,?+-*%^~") {
		t[c] = true
	}
	return t
}()

// lastWord returns the identifier text ends with, "" when it ends with
// a member's name (x.switch) or no identifier.
func lastWord(text []byte) string {
	k := len(text)
	for k > 0 && identByte[text[k-1]] {
		k--
	}
	for j := k - 1; j >= 0; j-- {
		if c := text[j]; c == '.' {
			return ""
		} else if byteClass[c]&cBlank == 0 {
			break
		}
	}
	return string(text[k:])
}

// switchWords open a switch in one language or another.
var switchWords = []string{"switch", "when", "match", "select"}

// isSwitchWord reports whether an identifier is one of switchWords. The
// engine asks it of every identifier, hence the switch on the string
// rather than a search of the list; TestSwitchWords checks it takes every
// word of the list.
func isSwitchWord(w []byte) bool {
	switch string(w) {
	case "switch", "when", "match", "select":
		return true
	}
	return false
}

// jsStringEnd returns the index just past the string or template literal
// whose opening quote is at i, as the lexer reads it (lexer.quoted): a
// one-line string ends at its line's end, a template may span lines.
func jsStringEnd(text []byte, i int) int {
	q := text[i]
	for j := i + 1; ; j++ {
		j = lineStringEnd(text, j, q)
		switch {
		case j == len(text):
			return j
		case text[j] == q:
			return j + 1
		case q != '`':
			return j // a line break ends the string
		}
		// A template literal goes on over line breaks.
	}
}

// lineStringEnd returns where the string whose body starts at i, closed by
// quote, ends as a lexer of one-line strings reads it: at the closing
// quote, or at the line break or end of text that cuts it short. Escapes
// are stepped over.
func lineStringEnd(text []byte, i int, quote byte) int {
	for i < len(text) {
		i += stringStop(text[i:], quote)
		if i == len(text) || text[i] != '\\' {
			return i
		}
		i += 2
	}
	return len(text)
}

// stringStop returns the index of the first quote, backslash or line break
// in b, or len(b): the bytes a string's scan must look at. It tests eight
// bytes at a time, as indexDigit does: a byte of x^(c*ones) is zero where x
// holds c, and (v-ones)&^v marks the lowest zero byte of v (bytes above a
// zero may be marked too, never below one). Strings are a tenth of source
// code and most of some data files.
func stringStop(b []byte, quote byte) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	zeros := func(v uint64) uint64 { return (v - ones) &^ v & high }
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := zeros(x^uint64(quote)*ones) | zeros(x^'\\'*ones) | zeros(x^'\n'*ones); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == quote || c == '\\' || c == '\n' {
			return i
		}
	}
	return len(b)
}

// jsRegexEnd returns the index just past the regular expression literal,
// flags included, that starts with the slash at i: up to the next slash
// outside a character class, or the line's end. The lexer and jsRegions
// both read regular expressions with it.
func jsRegexEnd(text []byte, i int) int {
	j, inClass := i+1, false
	for j < len(text) {
		b := text[j]
		if b == '\n' {
			break
		}
		j++
		if b == '\\' {
			j++
		} else if b == '[' {
			inClass = true
		} else if b == ']' {
			inClass = false
		} else if b == '/' && !inClass {
			break
		}
	}
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	return min(j, len(text))
}

// jsClasses marks the bytes jsRegions looks at.
var jsClasses = runClasses("\n()[]{};'\"`/")

// endsGoStatement reports whether a line of a function's body ends its
// statement: its last token, before a // comment at comment (or -1), is
// one after which Go inserts a semicolon. Lines ending in ++ or --, or in
// a block comment, are taken as continued, which only keeps the next
// line in the region.
func endsGoStatement(line []byte, comment int) bool {
	if comment >= 0 {
		line = line[:comment]
	}
	n := len(line)
	for n > 0 && (line[n-1] == ' ' || line[n-1] == '\t' || line[n-1] == '\r') {
		n--
	}
	if n == 0 {
		return false
	}
	c := line[n-1]
	return identByte[c] || c == ')' || c == ']' || c == '}' || c == '"' || c == '`' || c == '\''
}

// joinsLineBefore reports whether the next token from text[i:] on is a
// dot, an opening parenthesis or bracket, or the ! of a Rust macro.
// endsGoStatement judges a line by its last byte, and go/scanner ends no
// statement after most keywords (else, map): there the engine reads a
// member, a call or an index across the line's end (else\n.StatusOK),
// and across blank lines, comments and the bytes go/scanner drops (#, ?),
// so no region starts there. Where go/scanner does end the statement, the
// engine reads nothing across (engine.newline).
func joinsLineBefore(text []byte, i int) bool {
	for i < len(text) {
		switch c := text[i]; {
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			i = skipTo(text, i, "\n")
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			i = skipTo(text, i+2, "*/") + 2
		case !goTokenBytes[c] && c != '/':
			i++
		default:
			return c == '.' || c == '(' || c == '[' || c == '!'
		}
	}
	return false
}

// declStarts are the words that start a declaration at the top level of a
// file in languages other than Go: a line that starts with one, outside
// any bracket, starts a region (see atDeclLine). Java and C# put everything in a class,
// so their files are one region.
var declStarts = map[Language][]string{
	JavaScript: {"function", "class", "const", "let", "var", "export", "import", "async", "interface", "type", "enum"},
	TypeScript: {"function", "class", "const", "let", "var", "export", "import", "async", "interface", "type", "enum"},
	Python:     {"def", "class", "import", "from", "async", "@"},
	Rust:       {"fn", "pub", "impl", "struct", "enum", "mod", "use", "trait", "const", "static", "type", "#", "async", "unsafe", "extern"},
	PHP:        {"function", "class", "namespace", "use", "interface", "trait", "abstract", "final", "enum"},
	Kotlin:     {"fun", "class", "object", "val", "import", "package", "data", "private", "internal", "@"},
	Lua:        {"function", "local"},
}

// atDeclLine reports whether the token at i can start a region: it starts
// its line, and in Python may be indented, since a method of a class
// (def at any depth of indentation) leaves no state behind that the next
// one reads, as no bracket can be open across it.
func (s *scan) atDeclLine(lang Language, i int) bool {
	if lang == Python {
		return startsLine(s.text, i)
	}
	return s.text[i-1] == '\n'
}

// startsDecl reports whether text starts with one of the words, followed
// by a byte (see startsWord).
func startsDecl(text []byte, words []string) bool {
	for _, w := range words {
		if len(text) > len(w) && startsWord(text, w) {
			return true
		}
	}
	return false
}

// startsTopStatement reports whether text, a line after one that ended
// with a closing parenthesis outside any bracket, starts a statement in
// JavaScript: a name at the line's very start, which after a ) begins a
// new statement (automatic semicolon insertion), or the body of an if or
// a loop whose head the line before was, unless the name continues the
// statement (else, in, instanceof, catch, finally, while of do ... while,
// TypeScript's as and satisfies). Neither statement's findings depend on
// the other's tokens (TestRegionsKeepFindings holds the engine to that).
func startsTopStatement(text []byte) bool {
	if !isIdentStart(text[0]) {
		return false
	}
	k := 1
	for k < len(text) && identByte[text[k]] {
		k++
	}
	switch string(text[:k]) {
	case "else", "in", "instanceof", "catch", "finally", "while", "of", "as", "satisfies":
		return false
	}
	return true
}

// goClasses marks the bytes goRegions looks at: line ends, brackets and
// the starts of comments and literals.
var goClasses = runClasses("\n()[]{}/`\"'")

// skipTo returns the index of the first byte of the next end at or after
// i, or len(text) when there is none.
func skipTo(text []byte, i int, end string) int {
	if i > len(text) {
		return len(text)
	}
	k := -1
	if len(end) == 1 {
		k = bytes.IndexByte(text[i:], end[0]) // most ends are a line's
	} else {
		k = bytes.Index(text[i:], []byte(end))
	}
	if k >= 0 {
		return i + k
	}
	return len(text)
}

// startsGoDecl reports whether a line starts with a top-level declaration
// keyword. It is asked at every line's start outside brackets, and most
// lines start with none of the keywords' first letters.
func startsGoDecl(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	var kw string
	switch line[0] {
	case 'f':
		kw = "func"
	case 't':
		kw = "type"
	case 'v':
		kw = "var"
	case 'c':
		kw = "const"
	case 'i':
		kw = "import"
	default:
		return false
	}
	return len(line) > len(kw) && string(line[:len(kw)]) == kw && (line[len(kw)] == ' ' || line[len(kw)] == '(' || line[len(kw)] == '\t')
}

// skipBlanks returns the offset of the first byte from i on that is not a
// blank other than a newline.
func skipBlanks(text []byte, i int) int {
	for i < len(text) && byteClass[text[i]]&cBlank != 0 {
		i++
	}
	return i
}
