package analysis

import (
	"bytes"
	"slices"
)

// The engine shared by the source-code scanners. It reads tokens once, left
// to right, keeping a ring of the last few tokens and a stack of open
// brackets (with the callee of each call and the index of the current
// argument). A value — a number, a string, a named constant, a Ruby symbol —
// is held until the next token shows where its expression ends, then the
// rules decide whether it stands in a status slot: a call argument
// (callRules), a key or keyword argument (classifyKey), a comparison with a
// status (statusishName), a case of a switch on a status, an argument of an
// assertion about a status. Nothing is allocated per token.

// ringTok is a token as the rules look back at it.
type ringTok struct {
	kind       tokKind
	val        bool // a value (number, string, constant, symbol)
	start, end int
	seq        int
}

type frame struct {
	open      byte
	callee    []byte      // name of the called function, nil when not a call
	info      *calleeInfo // what the tables say about callee, nil if nothing
	calleeSeq int
	recv      []byte // receiver of a method call (x in x.f())
	method    bool
	arg       int
	rules     []callRule
	assert    bool // an assertion function (assert.Equal)
	matcher   bool // a matcher inside an assertion (is(200) in assertThat)
	chain     bool // a matcher after an expectation on a status (toBe)
	chainF    filter
	chainIn   bool
	statusish bool // a status expression appears among the arguments
	sfilter   filter
	pend      int // start of this frame's values in engine.pending
	switchSt  bool
	swF       filter
	compare   bool // the list of "status in (200, 201)"
	cmpF      filter
	// members: a membership test of the array literal before it
	// ([301, 302].includes(res.status)), whose numbers wait in pending
	// for a status among the arguments.
	members bool
	docKeys bool // FastAPI responses={404: ...}
	// statusList: the literal is assigned to a name that says it holds
	// statuses (status_forcelist=(429, 500), RETRYABLE_STATUSES = [502]).
	statusList bool
	virtual    bool   // a Ruby call without parentheses, closed by the line end
	errorType  bool   // a project's own error class: new ApiError("gone", 410)
	typeName   []byte // the type of a composite literal (Response in Response{...})
	// idxStatus: the index is a status-named string (err['status']).
	idxStatus bool
	idxF      filter
	// Test tables whose rows give their values by position:
	//   - structBody: the fields of a Go struct type written in place
	//     (struct { ... });
	//   - rowFields: the names of the values of a row, by position: the
	//     fields of a Go literal of such a type ({"ok", "/", 200}), or the
	//     argument names of pytest's parametrize, or the names a Python for
	//     loop unpacks a row into (("/", 200)); a Go literal
	//     of a named type (tc{...}) finds them from typeName when a value
	//     asks (see positionalName);
	//   - elemFields: the rowFields of the literal's elements
	//     ([]struct{...}{{...}}, parametrize("path, status", [(...)]),
	//     for path, status in [(...)]);
	//   - ofElems: the Go literal's type is a slice, array or map of
	//     typeName ([]tc{{...}}), whose elements are typeName literals;
	//   - eachField: the name of every element of a list
	//     (parametrize("status", [200, 404]), for status in (500, 502));
	//   - params: the argument names of a call of parametrize;
	//   - eachTable, eachRow: Jest's it.each([...]) table and a row of it,
	//     whose values wait in engine.eachRows for the names of the
	//     callback's parameters; eachCall: the call after it, which passes
	//     the callback.
	structBody, rowFields, elemFields, params *fieldNames
	eachField                                 []byte
	ofElems                                   bool
	eachTable, eachRow, eachCall              bool
}

// fieldNames are the names of a row's values, in order (see frame); elems
// says the Go struct type they are the fields of is that of the elements
// of a slice, array or map ([]struct{...}).
type fieldNames struct {
	names [][]byte
	elems bool
	// body is where the body of the Go struct type whose fields these are
	// starts in the text, read when a value first asks (see of); -1 once
	// read, and for names given.
	body int
}

// of returns the names, reading them from text first if need be.
func (f *fieldNames) of(text []byte) [][]byte {
	if f.body >= 0 {
		f.names, f.body = goStructFields(text[f.body:]), -1
	}
	return f.names
}

// heuristic reports whether the call looks like a project's own response
// helper (see heuristicCalleeWords). A callee with rules may still be one
// when no rule fits (assertStatus(t, rec, 201) is no method call). It is
// asked only when a value stands in the call, rather than for every call,
// since the word search costs more than the rest of opening a bracket.
func (f *frame) heuristic() bool {
	return f.open == '(' && f.callee != nil && !f.assert && !f.chain &&
		containsWordFold(f.callee, heuristicCalleeWords)
}

// value is a candidate status code waiting for the token after it.
type value struct {
	start, end int // whole token (or qualified constant)
	ns, ne     int // the digits, for numbers and strings
	tk         tokKind
	kind       Kind
	docstring  bool
	branch     bool // a branch of a conditional (see ternary)
	eco        *ecoConsts
	code       int
	name       string
	p1, p2, p3 ringTok
	p4         ringTok // for typed parameters: status: int = 200
	seq        int
	depth      int
}

type engine struct {
	s        *scan
	lang     Language
	bit      langSet
	ecoLangs []string
	text     []byte

	// ring holds the last tokens, the latest at rn-1; its length is a
	// power of two, which prev and push mask with.
	ring [16]ringTok
	rn   int
	seq  int

	frames  []frame
	pending []value
	armPend []value
	// listed holds the numbers of the array literal that closed last, at
	// the token numbered listEnd (its ]), for a membership test that may
	// follow it (see frame.members).
	listed  []value
	listEnd int

	cand    value
	hasCand bool

	chain         bool
	chainF        filter
	lastStatusish int
	lastStF       filter
	// statusish holds the last few tokens that were status expressions,
	// with their filters (see statusishAt), for a conditional's branches,
	// whose slot depends on a token read before its condition.
	statusish  [4]statusishTok
	nStatusish int

	tern ternary

	switchPending bool
	switchSt      bool
	swF           filter
	// matchIndent is the indentation of the Python match or the Ruby case
	// on a status being read, -1 when none is; whenLine says the line
	// being read is one of the Ruby case's when arms.
	matchIndent int
	whenLine    bool
	lineIndent  int
	// errClasses holds each Python class being read whose header names an
	// error type (class NotFound(HTTPException):), innermost last;
	// errHeader is the indentation of such a header being read, -1 when
	// none is, errHeaderSeen whether an error type stood in it so far, and
	// errHeaderHTTP whether a name in it says HTTP. A code = 404 in such a
	// class is its status.
	errClasses    []errClass
	errHeader     int
	errHeaderSeen bool
	errHeaderHTTP bool

	inReturn    bool
	returnDepth int

	rack value // the first element of a Ruby array, maybe a Rack response

	lastVal   value
	lastClaim Role // role the last value was claimed with, for 200..299

	// mapKey is a number written as a key ({404: ..., [401] = ...}),
	// kept until its value shows whether the map pairs statuses with
	// their messages.
	mapKey    value
	hasMapKey bool

	// pairKey is a number followed by a comma in a list or an argument
	// list, kept until a string a few tokens on shows whether it is the
	// number's own reason phrase: notifyBegin(200, "OK"), Rust's
	// (502, BAD_GATEWAY, "Bad Gateway").
	pairKey    value
	hasPairKey bool

	// retHead is a number that opens a tuple a Python function returns
	// (return 200, ...), kept until the element after it shows whether
	// the tuple is a response (see settleRetHead).
	retHead    value
	hasRetHead bool

	// overflow counts brackets opened beyond maxDepth, which are not
	// tracked, so that pathological nesting costs no memory.
	overflow int

	goImport int // 1: after "import", 2: inside "import ( ... )"
	goAlias  []byte
	// lastStruct is the Go struct type whose body closed last, at the
	// token numbered lastStructEnd, for the literal that may follow it.
	lastStruct    *fieldNames
	lastStructEnd int
	// eachRows are the values of the last Jest each table that may be
	// codes, with their positions in their rows, until the callback names
	// them (see nameEachRows); eachEnd is the token that closed the table's
	// call.
	eachRows []eachValue
	eachEnd  int
}

// eachValue is a value of a row of a Jest each table, at position pos.
type eachValue struct {
	pos int
	v   value
}

// statusishTok is a token that ended a status expression: a name such as
// status, or the bracket that closes resp.getStatus() or err['status'].
type statusishTok struct {
	seq int
	f   filter
}

// ternary is the conditional expression read last: ok ? 200 : 404 in
// the C family, 200 if ok else 404 in Python. Its branches stand in the
// slot the whole expression stands in, which the tokens before its
// condition decide: res.status(ok ? 200 : 404) is an argument of
// status, ctx.status = ok ? 200 : 404 a status set. A branch is known by
// the token before it, the ? (or if) and the : (or else), which tokens'
// sequence numbers name, so a stale ternary matches nothing.
type ternary struct {
	depth int        // len(frames) at the ?
	mark  int        // the ? or if
	sep   int        // the : or else, 0 until it is read
	head  [3]ringTok // the tokens before the condition, nearest first
	ok    bool       // a head was found
}

// ternaryLangs are the languages whose ? opens a conditional expression
// (in Rust it propagates an error, in Kotlin and Go there is none).
const ternaryLangs = lJS | lJava | lCS | lPHP | lRuby

// statusishAt records that the token just read ends a status expression
// whose codes filter accepts.
func (e *engine) statusishAt(f filter) {
	e.lastStatusish, e.lastStF = e.seq, f
	e.statusish[e.nStatusish%len(e.statusish)] = statusishTok{e.seq, f}
	e.nStatusish++
}

// forgetStatusish takes back the status expressions marked from token seq
// on: the qualifier of a constant (HttpStatus in status ==
// HttpStatus.SC_OK) reads as one by its name, and is none, so that what
// the constant is compared with stays the last one.
func (e *engine) forgetStatusish(seq int) {
	if e.lastStatusish < seq {
		return
	}
	e.lastStatusish, e.lastStF = -10, 0
	for _, t := range e.statusish[:min(e.nStatusish, len(e.statusish))] {
		if t.seq < seq && t.seq > e.lastStatusish {
			e.lastStatusish, e.lastStF = t.seq, t.f
		}
	}
}

// wasStatusish reports whether the token numbered seq ended a status
// expression, among the last few that did, and with what filter.
func (e *engine) wasStatusish(seq int) (filter, bool) {
	for _, t := range e.statusish[:min(e.nStatusish, len(e.statusish))] {
		if t.seq == seq {
			return t.f, true
		}
	}
	return 0, false
}

// openTernary starts a conditional at the token just read (its ? or
// if, not yet in the ring): it walks back over the condition, brackets
// and all, to the token that starts its operand (a comma, an open
// bracket, an assignment, a key's colon, return), which becomes the
// head. A condition longer than the ring holds has no head.
func (e *engine) openTernary() {
	prev := e.tern
	e.tern = ternary{depth: len(e.frames), mark: e.seq}
	if e.overflow > 0 {
		return
	}
	nest := 0
	for i := 1; i <= len(e.ring)-2 && i <= e.rn; i++ {
		t := e.prev(i)
		switch {
		case t.kind == tNewline:
			return
		case t.kind == tIdent:
			if nest > 0 || !e.isIdent(t, "return") && !e.isIdent(t, "yield") {
				continue
			}
		case t.kind != tPunct:
			continue
		default:
			switch string(e.bytesOf(t)) {
			case ")", "]", "}":
				nest++
				continue
			case "(", "[", "{":
				if nest > 0 {
					nest--
					continue
				}
			case ",", "=", ":", "=>", ";", "?":
				if nest > 0 {
					continue
				}
				if prev.depth == e.tern.depth && (t.seq == prev.sep || t.seq == prev.mark) {
					// err ? 500 : cached ? 304 : 200: a conditional in a
					// branch of another stands where that one does.
					e.tern.head, e.tern.ok = prev.head, prev.ok
					return
				}
			default:
				continue
			}
		}
		e.tern.head, e.tern.ok = [3]ringTok{t, e.prev(i + 1), e.prev(i + 2)}, true
		return
	}
}

// endTernary forgets the conditional being read once the expression it
// stands in ends at its depth (a comma, a semicolon, a Python line's end).
func (e *engine) endTernary() {
	if e.tern.depth == len(e.frames) {
		e.tern = ternary{}
	}
}

// commentProse returns what the region scans call to read the codes of a
// comment the engine is not given, or nil when a scan for code only wants
// none.
func (s *scan) commentProse() func(start, end int) {
	if s.codeOnly {
		return nil
	}
	return func(start, end int) { s.prose(start, end, InComment) }
}

// newEngine resets the scan's engine for a region of code in lang, keeping
// the memory of its stacks. Regions are never nested, so one engine serves
// a whole file.
func (s *scan) newEngine(lang Language) *engine {
	if s.eng == nil {
		s.eng = &engine{}
	}
	e := s.eng
	// The stacks are read before the engine is written, so that it is
	// set up in place rather than through a copy.
	frames, pending, armPend, errClasses, listed := e.frames[:0], e.pending[:0], e.armPend[:0], e.errClasses[:0], e.listed[:0]
	*e = engine{s: s, lang: lang, bit: langBit(lang), ecoLangs: ecoLanguages(lang), text: s.text, lastStatusish: -10, matchIndent: -1,
		errHeader: -1, frames: frames, pending: pending, armPend: armPend, errClasses: errClasses, listed: listed, listEnd: -1}
	return e
}

// scanCode scans text[start:end] as source code in the language's syntax.
func (s *scan) scanCode(syn syntax, start, end int) {
	s.scanCodeAs(s.lang, syn, start, end)
}

// scanCodeAs scans text[start:end] as source code in lang. The engine is
// fed only the regions that hold a candidate (see regions.go), each span
// of them from a clean state. Regions start at a declaration written at
// the start of a line outside any bracket. In Python, whose strings and
// comments a few rules describe, a byte scan finds the regions and the
// lexer reads only the candidate spans (pythonRegions); in the other
// languages the lexer reads it all, since only it knows where strings,
// comments and regular expressions end.
func (s *scan) scanCodeAs(lang Language, syn syntax, start, end int) {
	tr, decls := s.a.triggers[lang], declStarts[lang]
	if tr == nil || decls == nil || s.probe >= 0 || s.a.wholeFiles {
		s.scanCodeSpan(lang, syn, start, end, nil, 0)
		return
	}
	switch lang {
	case Python:
		pythonRegions(s.text, start, end, tr, s.commentProse(), s.pythonErrorClass, func(lo, hi int, _ []openBlock) {
			s.scanCodeSpan(lang, syn, lo, hi, nil, indentBefore(s.text[start:lo]))
		})
		return
	case JavaScript, TypeScript:
		jsRegions(s.text, start, end, tr, s.commentProse(), func(lo, hi int, open []openBlock) { s.scanCodeSpan(lang, syn, lo, hi, open, 0) })
		return
	}
	lx := lexer{syn: syn, text: s.text, pos: start, end: end}
	var e *engine // nil between spans
	region, depth, lo, cand := s.toks[:0], 0, start, false
	var seen clue       // what the region's tokens so far tell the candidate test
	switchWord := false // since the last brace (see triggers.switchPending)
	var t token
	for {
		lx.next(&t)
		if t.kind == tEOF || depth == 0 && !switchWord && lx.lineFirst && t.start > lo && s.atDeclLine(lang, t.start) && startsDecl(s.text[t.start:end], decls) {
			if !cand {
				if e != nil {
					e.feed(token{kind: tEOF, start: lo, end: lo})
					e = nil
				}
				// The engine reads nothing in a comment but its prose,
				// which is read here for the regions it is not given.
				for _, rt := range region {
					if rt.kind == tComment {
						s.prose(rt.cs, rt.ce, InComment)
					}
				}
			}
			region, lo, cand, seen = region[:0], t.start, false, 0
			if t.kind == tEOF {
				if e != nil {
					e.feed(t)
				}
				s.toks = region
				return
			}
		}
		if !cand && t.kind != tComment {
			seen = tr.tokenClues(s.text, t, seen)
		}
		if !cand && seen == candidate {
			// From the first candidate on, the region's tokens go
			// straight to the engine.
			cand = true
			if e == nil {
				e = s.newEngine(lang)
			}
			for _, rt := range region {
				e.feed(rt)
			}
			region = region[:0]
		}
		if cand {
			e.feed(t)
		} else {
			region = append(region, t)
		}
		if t.kind == tIdent && isSwitchWord(s.text[t.start:t.end]) {
			switchWord = true
		}
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.text[t.start] {
			case '(', '[', '{':
				switchWord = switchWord && s.text[t.start] != '{'
				depth++
			case ')', ']', '}':
				depth = max(0, depth-1)
			}
		}
	}
}

// indentBefore returns the indentation of the line that text ends in, as
// the engine measures it after a newline, or 0 on text's first line, as
// the engine starts.
func indentBefore(text []byte) int {
	nl := bytes.LastIndexByte(text, '\n')
	if nl < 0 {
		return 0
	}
	i := nl + 1
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i - nl - 1
}

// scanCodeSpan feeds every token of text[start:end] to a fresh engine,
// which starts inside the brackets open (see regionSpans) and on a line
// indented by indent (see engine.newline).
func (s *scan) scanCodeSpan(lang Language, syn syntax, start, end int, open []openBlock, indent int) {
	lx := lexer{syn: syn, text: s.text, pos: start, end: end}
	e := s.newEngine(lang)
	e.lineIndent = indent
	for _, b := range open {
		e.enter(b)
	}
	var t token
	for {
		lx.next(&t)
		e.feed(t)
		if t.kind == tEOF {
			return
		}
	}
}

func (e *engine) prev(i int) ringTok {
	if i > e.rn || i > len(e.ring) {
		return ringTok{seq: -100}
	}
	return e.ring[(e.rn-i)&(len(e.ring)-1)]
}

func (e *engine) push(t ringTok) {
	e.ring[e.rn&(len(e.ring)-1)] = t
	e.rn++
}

func (e *engine) pop(n int) { e.rn = max(0, e.rn-n) }

func (e *engine) top() *frame {
	if len(e.frames) == 0 {
		return nil
	}
	return &e.frames[len(e.frames)-1]
}

// bytesOf returns the text of a ring token.
func (e *engine) bytesOf(t ringTok) []byte {
	if t.seq < 0 {
		return nil
	}
	return e.text[t.start:t.end]
}

// isPunct reports whether t is the punctuation p. The lengths are
// compared first: most tokens tested differ in length, and the test is
// among the engine's most frequent.
func (e *engine) isPunct(t ringTok, p string) bool {
	return t.kind == tPunct && t.end-t.start == len(p) && string(e.text[t.start:t.end]) == p
}

// isIdent reports whether t is the identifier name.
func (e *engine) isIdent(t ringTok, name string) bool {
	return t.kind == tIdent && t.end-t.start == len(name) && string(e.text[t.start:t.end]) == name
}

// isSep: a member separator.
func (e *engine) isSep(t ringTok) bool {
	if t.kind != tPunct {
		return false
	}
	switch string(e.text[t.start:t.end]) {
	case ".", "?.", "::", "->":
		return true
	}
	return false
}

func (e *engine) feed(t token) {
	if e.hasRetHead && t.kind != tComment {
		e.settleRetHead(t)
	}
	switch t.kind {
	case tComment:
		e.s.prose(t.cs, t.ce, InComment)
		return
	case tNewline:
		if e.hasCand {
			e.resolve(t)
		}
		e.newline(t)
		return
	}
	if e.hasCand {
		e.resolve(t)
	}
	e.seq++
	switch t.kind {
	case tNumber:
		e.number(t)
	case tString:
		if e.goImport > 0 {
			e.goImportPath(t)
			e.push(ringTok{kind: tString, start: t.start, end: t.end, seq: e.seq})
			return
		}
		e.take(value{start: t.start, end: t.end, ns: t.cs, ne: t.ce, tk: tString, kind: StringLiteral, docstring: t.docstring})
	case tSymbol:
		e.take(value{start: t.start, end: t.end, ns: t.cs, ne: t.ce, tk: tSymbol, kind: NamedConstant})
	case tIdent:
		e.ident(t)
	case tPunct:
		e.punct(t)
	case tEOF:
		for len(e.frames) > 0 {
			e.closeFrame()
		}
	}
}

// settleRetHead decides, token by token after its comma, whether the
// number opening a returned tuple is a status: it is when a dict or
// headers (a name, perhaps dotted, that says so) follow it, the (status,
// headers, body) that mocks of web services (moto) and the responses
// library's callbacks return.
func (e *engine) settleRetHead(t token) {
	e.hasRetHead = false
	prev := e.prev(1)
	afterComma := e.isPunct(prev, ",") && prev.seq == e.retHead.seq+1
	inName := prev.seq > e.retHead.seq+1 && (prev.kind == tIdent || e.isPunct(prev, ".")) // self.response_headers
	if !afterComma && !inName {
		return
	}
	b := e.text[t.start:t.end]
	switch {
	case afterComma && t.kind == tPunct && string(b) == "{", t.kind == tIdent && containsWordFold(b, []string{"header"}):
		e.emit(&e.retHead, slot{role: Status, filter: knownOnly, evidence: Strong, context: "status of a returned (status, headers, body) tuple"})
	case t.kind == tIdent || t.kind == tPunct && string(b) == ".":
		e.hasRetHead = true // the name goes on
	}
}

func (e *engine) newline(t token) {
	for len(e.frames) > 0 && e.top().virtual {
		e.closeFrame()
	}
	if e.inReturn && len(e.frames) <= e.returnDepth {
		e.inReturn = false
	}
	if e.goImport == 1 {
		e.goImport = 0
	}
	if e.lang == Python && len(e.frames) == 0 || e.lang == Go {
		// A line's end outside brackets ends a Python statement, and a
		// line's end go/scanner reads as a semicolon a Go statement: what
		// the next line starts with (.x, (404), = 404) refers to nothing
		// before.
		e.endTernary()
		e.seq++
		e.push(ringTok{kind: tNewline, start: t.start, end: t.end, seq: e.seq})
	}
	if e.lang == Ruby && len(e.frames) == 0 {
		e.whenLine = false
		if e.switchPending {
			// case response.status: its when arms are statuses.
			if e.switchSt {
				e.matchIndent = e.lineIndent
			}
			e.switchPending = false
		}
	}
	if e.lang == Python || e.lang == Ruby {
		// The indentation of the next line, for Python's match blocks
		// and Ruby's case, which its end closes.
		i := t.end
		for i < len(e.text) && (e.text[i] == ' ' || e.text[i] == '\t') {
			i++
		}
		if i < len(e.text) && e.text[i] != '\n' && e.text[i] != '\r' && e.text[i] != '#' && len(e.frames) == 0 {
			e.lineIndent = i - t.end
			if e.matchIndent >= 0 && (e.lineIndent < e.matchIndent || e.lineIndent == e.matchIndent && (e.lang == Python || startsWord(e.text[i:], "end"))) {
				e.matchIndent = -1
			}
			for n := len(e.errClasses); n > 0 && e.errClasses[n-1].indent >= e.lineIndent; n-- {
				e.errClasses = e.errClasses[:n-1]
			}
			e.errHeader = -1
		}
	}
}

// number takes a numeric literal as a value. Suffixes of integer types
// (404u16, 404L, 404n) are allowed; floats, hex and exponents are not codes.
func (e *engine) number(t token) {
	j := t.start
	for j < t.end && isDigit(e.text[j]) {
		j++
	}
	switch string(e.text[j:t.end]) {
	case "", "L", "l", "n", "u", "U", "u16", "u32", "u64", "i32", "i64", "usize", "isize", "u8":
		e.take(value{start: t.start, end: t.end, ns: t.start, ne: j, tk: tNumber, kind: NumericLiteral})
	default:
		e.chain = false
		e.push(ringTok{kind: tNumber, start: t.start, end: t.end, seq: e.seq})
	}
}

// take holds a value until the next token.
func (e *engine) take(v value) {
	if e.lang == Ruby {
		e.rubyCommand(v.start)
	}
	v.p1, v.p2, v.p3, v.p4 = e.prev(1), e.prev(2), e.prev(3), e.prev(4)
	v.seq = e.seq
	v.depth = len(e.frames)
	e.cand, e.hasCand = v, true
	e.chain = false
	e.push(ringTok{kind: v.tk, start: v.start, end: v.end, seq: e.seq, val: true})
}

// rubyCommand opens a virtual frame for a Ruby call written without
// parentheses (head :no_content, halt 404, assert_equal 200, x, eq 200),
// which the line end closes.
func (e *engine) rubyCommand(at int) {
	p1 := e.prev(1)
	if p1.kind != tIdent || p1.end == at {
		return
	}
	name := e.bytesOf(p1)
	info := calleeIndex[string(name)]
	rules := info.rulesFor(e.bit)
	isAssert := info.isAssert()
	isChain := e.chain && info.isChain()
	if len(rules) == 0 && !isAssert && !isChain {
		return
	}
	f := frame{open: 0, callee: name, info: info, calleeSeq: p1.seq, method: e.isSep(e.prev(2)), virtual: true, rules: rules,
		assert: isAssert, chain: isChain, chainF: e.chainF, pend: len(e.pending)}
	if f.method {
		if r := e.prev(3); r.kind == tIdent {
			f.recv = e.bytesOf(r)
		}
	}
	e.frames = append(e.frames, f)
}

var calleeKeywords = []string{"if", "for", "while", "switch", "return", "match", "when", "catch", "and", "or", "not", "in", "elif", "case", "with", "function", "fn", "func", "typeof", "sizeof", "await", "yield", "new", "throw", "raise", "assert", "print", "elseif", "unless", "until", "foreach", "using", "lock", "fixed", "nameof", "select"}

func (e *engine) ident(t token) {
	name := e.text[t.start:t.end]
	p1 := e.prev(1)
	member := e.isSep(p1)

	if e.lang == Python {
		switch {
		case string(name) == "class" && len(e.frames) == 0 && startsLine(e.text, t.start):
			e.errHeader, e.errHeaderSeen, e.errHeaderHTTP = e.lineIndent, false, false
		case e.errHeader >= 0:
			e.errHeaderSeen = e.errHeaderSeen || isErrorType(name) || e.s.pythonErrorClass(name)
			e.errHeaderHTTP = e.errHeaderHTTP || containsWordFold(name, []string{"http"})
		case string(name) == "if" && !startsLine(e.text, t.start):
			e.openTernary() // 200 if ok else 404, or a comprehension's filter
		case string(name) == "else" && e.tern.mark != 0 && e.tern.sep == 0 && e.tern.depth == len(e.frames) && !startsLine(e.text, t.start):
			e.tern.sep = e.seq
		}
	}

	if e.lang == Go {
		switch {
		case !member && string(name) == "import":
			e.goImport = 1
		case e.goImport > 0:
			e.goAlias = name
		}
	}
	if e.lang == Python && !member && p1.kind == tIdent && string(e.bytesOf(p1)) == "as" {
		e.pythonAlias(name)
	}
	if !member {
		switch {
		case string(name) == "return":
			if e.lang == Python {
				e.inReturn, e.returnDepth = true, len(e.frames)
			}
		case e.lang == Ruby && string(name) == "case":
			e.switchPending, e.switchSt = true, false
		case e.lang == Ruby && string(name) == "when" && e.matchIndent >= 0 && len(e.frames) == 0:
			e.whenLine = true
		case isSwitchWord(name):
			// A switch whose subject is a status (switch resp.StatusCode {,
			// when (response.code) {, match r.status_code:) makes its cases
			// statuses; the subject is checked until the block opens.
			// JavaScript has only switch, always followed by its
			// parenthesis (see openFrame); match and select there are
			// names (str.match, a select() helper).
			if e.lang == JavaScript || e.lang == TypeScript || e.lang == Ruby {
				break
			}
			if e.lang != Python || string(name) == "match" && startsLine(e.text, t.start) {
				e.switchPending, e.switchSt = true, false
			}
		}
	}

	// A qualified constant: http.StatusNotFound, HTTPStatus.NOT_FOUND,
	// StatusCode::NOT_FOUND, requests.codes.ok.
	if member && e.maybeConst(name) {
		if q := e.prev(2); q.kind == tIdent {
			if ec, c, ok := e.lookupConst(e.bytesOf(q), e.bytesOf(p1), name); ok {
				start, used := q.start, 2
				for i := len(ec.segs) - 1; i >= 0; i-- {
					sep, seg := e.prev(used+1), e.prev(used+2)
					if !e.isSep(sep) || seg.kind != tIdent || string(e.bytesOf(seg)) != ec.segs[i] {
						break
					}
					start, used = seg.start, used+2
				}
				if e.lang == Python {
					// The module path before the class: http.HTTPStatus.OK,
					// fastapi.status.HTTP_200_OK.
					for {
						sep, seg := e.prev(used+1), e.prev(used+2)
						if !e.isSep(sep) || seg.kind != tIdent {
							break
						}
						start, used = seg.start, used+2
					}
				}
				e.forgetStatusish(e.prev(used).seq)
				e.pop(used)
				e.take(value{start: start, end: t.end, tk: tIdent, kind: NamedConstant, eco: ec, code: c.code, name: c.name})
				return
			}
		}
	}

	// A constant its import brings into scope bare: Status404NotFound after
	// using static ...StatusCodes; (see bareConst).
	if !member && e.maybeConst(name) {
		if ec, c, ok := e.s.bareConst(name, t.end); ok {
			e.take(value{start: t.start, end: t.end, tk: tIdent, kind: NamedConstant, eco: ec, code: c.code, name: c.name})
			return
		}
	}

	// response.status.value: a keeper read as a property (Kotlin, C#)
	// carries the status expression, as value() does.
	if member && e.lastStatusish == e.prev(2).seq && calleeIndex[string(name)].isKeeper() {
		e.statusishAt(e.lastStF)
	}

	// status().isNotFound(): a qualifier that is a call without arguments
	// (Spring's MockMvc matchers, WebTestClient's expectStatus()), whose
	// members name the status expected.
	if member && e.isPunct(e.prev(2), ")") && e.isPunct(e.prev(3), "(") && len(e.s.a.consts.callQuals) > 0 {
		if c := e.prev(4); c.kind == tIdent {
			if qual, ok := e.s.a.consts.callQuals[string(e.bytesOf(c))]; ok {
				if ec, k, ok := e.lookupConst(qual, e.bytesOf(p1), name); ok && ec.takenBy(e.top()) {
					e.s.addConstant(c.start, t.end, ec, k.name, k.code, slot{role: Expected, evidence: Strong, directive: string(qual), context: "expected status"})
				}
			}
		}
	}

	keep := member || e.lang == Ruby && p1.kind == tIdent && calleeIndex[string(e.bytesOf(p1))].isKeeper()
	if !keep {
		e.chain = false
	}
	if f, ok := statusishName(name); ok && (member || f != knownOnly || e.s.mentionsHTTP()) {
		e.markStatusish(f)
		e.chain, e.chainF = true, f
		e.statusishAt(f)
		e.yoda(f)
	}
	if e.lang == Ruby && !member && calleeIndex[string(p1Name(e, p1))].isAssert() && p1.end < t.start {
		e.rubyCommand(t.start)
	}
	e.push(ringTok{kind: tIdent, start: t.start, end: t.end, seq: e.seq})
}

func p1Name(e *engine, t ringTok) []byte {
	if t.kind != tIdent {
		return nil
	}
	return e.bytesOf(t)
}

// startsLine reports whether only blanks precede offset i on its line.
func startsLine(text []byte, i int) bool {
	for i > 0 {
		i--
		switch text[i] {
		case '\n':
			return true
		case ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// maybeConst is a cheap test before the map lookups of lookupConst:
// constant names start with an upper-case letter (StatusOK, NOT_FOUND,
// HTTP_OK, SC_OK) except requests' codes.ok, which the index knows.
func (e *engine) maybeConst(name []byte) bool {
	return name[0] >= 'A' && name[0] <= 'Z' || e.s.a.consts.lowerNames
}

// pythonAlias records "import X as alias" and "from m import X as alias"
// when X is a constants qualifier (HTTPStatus, status), so that alias.NAME
// is looked up as X.NAME.
func (e *engine) pythonAlias(alias []byte) {
	orig := e.prev(2)
	if orig.kind != tIdent || !startsImport(e.text, orig.start) {
		return
	}
	q := string(e.bytesOf(orig))
	if _, ok := e.s.a.consts.byLang["python"][q]; !ok {
		return
	}
	if e.s.pyAliases == nil {
		e.s.pyAliases = map[string]string{}
	}
	e.s.pyAliases[string(alias)] = q
}

// startsImport reports whether offset i stands in a Python import
// statement (import X, from m import X), after its import keyword; import
// and as together make its region a candidate (see buildTriggers).
func startsImport(text []byte, i int) bool {
	ls := bytes.LastIndexByte(text[:i], '\n') + 1
	l := bytes.TrimLeft(text[ls:i], " \t")
	return bytes.HasPrefix(l, []byte("import ")) || bytes.HasPrefix(l, []byte("from ")) && bytes.Contains(l, []byte(" import "))
}

func (e *engine) lookupConst(q, sep, name []byte) (*ecoConsts, constant, bool) {
	if e.s.pyAliases != nil && e.lang == Python {
		if orig, ok := e.s.pyAliases[string(q)]; ok {
			q = []byte(orig)
		}
	}
	if e.s.goAliases != nil && e.lang == Go {
		if ec, ok := e.s.goAliases[string(q)]; ok && string(sep) == ec.sep {
			if c, ok := ec.names[string(name)]; ok {
				return ec, c, true
			}
		}
	}
	return e.s.a.consts.lookup(e.ecoLangs, q, sep, name, e.s.imported)
}

// markStatusish records that a status expression was seen: the enclosing
// call may be an assertion about it, the pending switch is on a status.
func (e *engine) markStatusish(f filter) {
	if t := e.top(); t != nil {
		t.statusish, t.sfilter = true, f
	}
	if e.switchPending {
		e.switchSt, e.swF = true, f
	}
}

// yoda handles a value compared before the status: 200 == resp.StatusCode.
func (e *engine) yoda(f filter) {
	j := 1
	for e.isSep(e.prev(j)) && e.prev(j+1).kind == tIdent {
		j += 2
	}
	cmp, v := e.prev(j), e.prev(j+1)
	if isComparator(e.bytesOf(cmp)) && cmp.kind == tPunct && v.val && v.seq == e.lastVal.seq && e.lastClaim == 0 {
		e.emit(&e.lastVal, comparison(e.bytesOf(cmp), f))
	}
}

func isComparator(b []byte) bool {
	switch string(b) {
	case "==", "!=", "===", "!==", "<", "<=", ">", ">=", "~=":
		return true
	}
	return false
}

// comparison is the slot of a number compared with a status: an equality
// names a status, an ordering (>= 500, < 600) draws the edge of a range,
// where only real codes are reported.
func comparison(op []byte, f filter) slot {
	switch string(op) {
	case "<", "<=", ">", ">=":
		return boundSlot
	}
	return slot{role: Compare, filter: f, evidence: Strong, context: "compared with a status"}
}

// boundSlot is the slot of a number at the edge of a range of statuses.
var boundSlot = slot{role: Bound, filter: knownOnly, evidence: Strong, context: "bound of a range of statuses"}

func (e *engine) punct(t token) {
	b := e.text[t.start:t.end]
	rt := ringTok{kind: tPunct, start: t.start, end: t.end, seq: e.seq}
	switch string(b) {
	case "(", "[", "{":
		if b[0] == '(' && e.goImport == 1 {
			e.goImport = 2 // import ( ... ): aliases on every line
		}
		e.openFrame(b[0], t.end)
	case ")", "]", "}":
		for len(e.frames) > 0 && e.top().virtual {
			e.closeFrame()
		}
		if len(e.frames) > 0 {
			e.closeFrame()
		} else {
			e.chain = false
		}
		if b[0] == ')' && e.goImport == 2 {
			e.goImport = 0
		}
		if len(e.frames) < e.tern.depth {
			e.tern = ternary{}
		}
		if b[0] == ')' && e.castEnds() {
			e.pop(2)
			return
		}
	case ",":
		for len(e.frames) > 0 && e.top().virtual && e.top().calleeSeq == e.prev(1).seq {
			e.frames = e.frames[:len(e.frames)-1]
		}
		if t := e.top(); t != nil {
			t.arg++
		}
		e.chain = false
		e.endTernary()
	case "=>":
		// it.each([...])('...', (path, status) => {...}): the callback's
		// parameters name the table's values.
		if t := e.top(); t != nil && t.eachCall && e.isPunct(e.prev(1), ")") {
			e.nameEachRows()
		}
		e.chain = false
	case ".", "?.", "::", "->", "!", "&":
	case ";":
		e.chain = false
		e.endTernary()
		if e.lang != Python {
			e.inReturn = false
		}
		if e.goImport == 1 {
			e.goImport = 0
		}
	case "?":
		if e.bit&ternaryLangs != 0 {
			e.openTernary()
		}
		e.chain = false
	case ":":
		if e.tern.mark != 0 && e.tern.sep == 0 && e.tern.depth == len(e.frames) && e.bit&ternaryLangs != 0 {
			e.tern.sep = e.seq
		}
		if e.lang == Python && e.errHeader >= 0 && len(e.frames) == 0 {
			if e.errHeaderSeen {
				e.errClasses = append(e.errClasses, errClass{indent: e.errHeader, http: e.errHeaderHTTP})
			}
			e.errHeader = -1
		}
		if e.lang == Python && e.switchPending {
			if e.switchSt {
				e.matchIndent = e.lineIndent
			}
			e.switchPending = false
		}
		e.chain = false
	default:
		e.chain = false
	}
	e.push(rt)
}

// genericLangs write type arguments between a callee and its
// parenthesis: .Produces<Todo>(200), ResponseEntity<T>(body, 200).
const genericLangs = lCS | lJava | lJS

// typeArgsStart returns how far back, counted as prev counts, the name
// stands whose type arguments the > just read closes (Produces in
// Produces<Todo>), or 1 when the tokens before it are no type arguments.
func (e *engine) typeArgsStart() int {
	depth := 0
	for i := 1; i <= maxTypeArgTokens; i++ {
		t := e.prev(i)
		switch {
		case e.isPunct(t, ">"):
			depth++
		case e.isPunct(t, ">>"):
			depth += 2
		case e.isPunct(t, "<"):
			if depth--; depth == 0 {
				if n := e.prev(i + 1); n.kind == tIdent {
					return i + 1
				}
				return 1
			}
		case t.kind == tIdent, e.isSep(t), e.isPunct(t, ","), e.isPunct(t, "?"), e.isPunct(t, "["), e.isPunct(t, "]"):
		default:
			return 1
		}
	}
	return 1
}

// maxTypeArgTokens bounds the tokens typeArgsStart reads back.
const maxTypeArgTokens = 12

// castEnds reports whether the parenthesis just closed ends a cast to an
// integer in C# or Java: (int)response.StatusCode,
// (int)HttpStatusCode.BadRequest. The cast is then read as if it were not
// there, so that what follows it fills the slot the cast stands in. A cast
// to HttpStatusCode makes a status by itself (see castTypes).
func (e *engine) castEnds() bool {
	if e.lang != CSharp && e.lang != Java {
		return false
	}
	typ, open, before := e.prev(1), e.prev(2), e.prev(3)
	if typ.kind != tIdent || !e.isPunct(open, "(") || !intCasts[string(e.bytesOf(typ))] {
		return false
	}
	// After a name or a closing bracket the parenthesis is a call's
	// (typeof(int), f(x)(int)), but for the keywords a cast may follow.
	if before.kind == tIdent {
		return e.isIdent(before, "return") || e.isIdent(before, "case")
	}
	return !e.isPunct(before, ")") && !e.isPunct(before, "]")
}

// maxListed bounds the numbers of an array literal kept for a membership
// test: lists of statuses tested are short, and tables of numbers long.
const maxListed = 32

// membershipTests are the methods that test whether a list holds a value.
var membershipTests = map[string]bool{"includes": true, "indexOf": true, "contains": true}

// literalTypeWords may stand between a name and the bracket of the
// literal assigned to it: []int{, new Set([, frozenset({, List.of(,
// []string{ (":status": []string{"200"} in an http.Header).
var literalTypeWords = []string{"int", "int32", "int64", "uint", "uint16", "uint32", "Integer", "number", "string", "String", "new", "Set",
	"set", "frozenset", "tuple", "list", "List", "of", "Arrays", "asList", "HashSet", "ImmutableSet", "Array", "from"}

// literalOwner returns the name a literal opening now is assigned to or
// passed as (name = [, name: [, name := []int{, name: Iterable[int] = (),
// or nil when the bracket opens anything else.
func (e *engine) literalOwner() []byte {
	i := 1
	for ; i <= 5; i++ {
		t := e.prev(i)
		if t.kind == tPunct && (e.isPunct(t, "(") || e.isPunct(t, "[") || e.isPunct(t, "]") || e.isPunct(t, "<") || e.isPunct(t, ">") || e.isPunct(t, ".")) ||
			t.kind == tIdent && slices.Contains(literalTypeWords, string(e.bytesOf(t))) {
			continue
		}
		if (e.isPunct(t, "??") || e.isPunct(t, "||")) && e.prev(i+1).kind == tIdent {
			i++ // statusCodes: opts.statusCodes ?? [500, 502]: the default of a setting
			continue
		}
		break
	}
	op := e.prev(i)
	if op.kind != tPunct {
		return nil
	}
	switch string(e.bytesOf(op)) {
	case "=", ":=", ":", "=>":
	default:
		return nil
	}
	name := e.prev(i + 1)
	if e.isPunct(op, "=") {
		// name: Iterable[int] = (...): skip the annotation back to its colon.
		for j := i + 1; j <= i+5; j++ {
			t := e.prev(j)
			if e.isPunct(t, ":") {
				name = e.prev(j + 1)
				break
			}
			if t.kind != tIdent && !e.isPunct(t, "[") && !e.isPunct(t, "]") && !e.isPunct(t, ".") && !e.isPunct(t, ",") {
				break
			}
		}
	}
	switch name.kind {
	case tIdent:
		return e.bytesOf(name)
	case tString:
		if name.end-name.start >= 2 {
			return e.text[name.start+1 : name.end-1]
		}
	}
	return nil
}

// isStringKey reports whether t is a quoted string whose content is key.
func isStringKey(e *engine, t ringTok, key string) bool {
	return t.kind == tString && t.end-t.start == len(key)+2 && string(e.text[t.start+1:t.end-1]) == key
}

// pythonErrorClasses returns the classes that Python text declares (class
// at a line's start, after blanks) deriving from an error type, directly
// or through others it declares: webob's class HTTPCreated(HTTPOk) after
// class HTTPOk(WSGIHTTPException). A class counts when a name in its
// bases does, as the engine reads each name of a header.
func pythonErrorClasses(text []byte) map[string]bool {
	type decl struct {
		name, bases []byte
	}
	var decls []decl
	for i := 0; ; {
		k := bytes.Index(text[i:], []byte("class "))
		if k < 0 {
			break
		}
		at := i + k
		i = at + len("class ")
		if !startsLine(text, at) {
			continue
		}
		j := skipBlanks(text, i)
		n := j
		for n < len(text) && identByte[text[n]] {
			n++
		}
		if n == j || n == len(text) || text[n] != '(' {
			continue
		}
		if e := bytes.IndexByte(text[n:], ')'); e > 0 {
			decls = append(decls, decl{text[j:n], text[n+1 : n+e]})
		}
	}
	set := map[string]bool{}
	for grew := true; grew; {
		grew = false
		for _, d := range decls {
			if set[string(d.name)] {
				continue
			}
			for w := range bytes.FieldsFuncSeq(d.bases, func(r rune) bool { return r >= 0x80 || !identByte[r] }) {
				if isErrorType(w) || set[string(w)] {
					set[string(d.name)], grew = true, true
					break
				}
			}
		}
	}
	return set
}

// pythonErrorClass reports whether name is one of the Python file's own
// error classes (see pythonErrorClasses), found once per file.
func (s *scan) pythonErrorClass(name []byte) bool {
	if s.pyErrorClasses == nil {
		s.pyErrorClasses = pythonErrorClasses(s.text)
	}
	return len(s.pyErrorClasses) > 0 && s.pyErrorClasses[string(name)]
}

// errClass is a Python class being read whose header names an error type:
// the indentation of its header, and whether a name in it says HTTP
// (class HTTPOk(WSGIHTTPException):).
type errClass struct {
	indent int
	http   bool
}

// isErrorType reports whether a callee names an error or exception class
// (NotFoundError, ApiException, AppErr), or the base of a family of them
// (PinpointExceptions), whose constructor often takes the status to
// answer with.
func isErrorType(name []byte) bool {
	if len(name) == 0 || name[0] < 'A' || name[0] > 'Z' {
		return false
	}
	name = bytes.TrimSuffix(name, []byte("s"))
	return bytes.HasSuffix(name, []byte("Error")) || bytes.HasSuffix(name, []byte("Exception")) || bytes.HasSuffix(name, []byte("Err"))
}

// maxDepth bounds the bracket stack; real code nests far less.
const maxDepth = 256

func (e *engine) openFrame(open byte, at int) {
	if len(e.frames) >= maxDepth {
		e.overflow++
		e.chain = false
		return
	}
	f := frame{open: open, pend: len(e.pending), chainIn: e.chain}
	p1, p2 := e.prev(1), e.prev(2)
	if open == '(' && (e.lang == JavaScript || e.lang == TypeScript) && e.isIdent(p1, "switch") && !e.isSep(p2) {
		e.switchPending, e.switchSt = true, false // see ident
	}
	if open == '(' {
		ci := 1
		if e.isPunct(p1, "!") && p2.kind == tIdent { // Rust macros: assert_eq!(
			ci = 2
		}
		if (e.isPunct(p1, ">") || e.isPunct(p1, ">>")) && e.bit&genericLangs != 0 {
			ci = e.typeArgsStart() // .Produces<Todo>(200)
		}
		c := e.prev(ci)
		var info *calleeInfo
		if c.kind == tIdent {
			info = calleeIndex[string(e.bytesOf(c))]
		}
		if c.kind == tIdent && (e.isSep(e.prev(ci+1)) || !info.isKeyword()) {
			var recv []byte
			method := e.isSep(e.prev(ci + 1))
			if r := e.prev(ci + 2); method && r.kind == tIdent {
				recv = e.bytesOf(r)
			}
			e.setCallee(&f, e.bytesOf(c), info, c.seq, method, recv)
			if method && e.prev(ci+2).seq == e.listEnd && e.isPunct(e.prev(ci+2), "]") && membershipTests[string(e.bytesOf(c))] {
				// [301, 302].includes(res.status): the list's numbers wait
				// for the arguments.
				f.members, f.pend = true, len(e.pending)
				e.pending = append(e.pending, e.listed...)
			}
		}
	}
	if e.isIdent(p1, "in") && e.lastStatusish == p2.seq {
		f.compare, f.cmpF = true, e.lastStF
	}
	if f.callee == nil {
		if name := e.literalOwner(); name != nil && statusListName(name) {
			f.statusList = true
		}
		// A list passed whole to a function named for statuses
		// (assertStatus((302, 303)), check_status(status, [200, 206])), or
		// to a matcher after an expectation on a status
		// (expect(res.status).toBeOneOf([301, 302])).
		if parent := e.top(); parent != nil && parent.callee != nil && parent.open == '(' && (e.isPunct(p1, "(") || e.isPunct(p1, ",")) {
			switch {
			case parent.chain:
				f.compare, f.cmpF = true, parent.chainF
			case containsWordFold(parent.callee, []string{"status"}):
				f.statusList = true
			}
		}
	}
	if open == '{' {
		if e.switchPending {
			f.switchSt, f.swF = e.switchSt, e.swF
			e.switchPending = false
		}
		// responses={404: ...} (FastAPI), schema: { response: { 200: ... } }
		// (Fastify): numeric keys document responses.
		if (e.isPunct(p1, "=") || e.isPunct(p1, ":")) && (e.isIdent(p2, "responses") || e.isIdent(p2, "response") || isStringKey(e, p2, "responses") || isStringKey(e, p2, "response")) {
			f.docKeys = true
		}
		if p1.kind == tIdent {
			f.typeName = e.bytesOf(p1) // Response{Code: 200}: a Go or Rust literal
		}
		if e.lang == Go {
			e.goStructFrame(&f, p1, p2, at)
		}
		// [404, { "content-type" => ... }, [...]]: a Rack response.
		if e.lang == Ruby && e.isPunct(p1, ",") && p2.val && p2.seq == e.rack.seq {
			e.emit(&e.rack, slot{role: Status, filter: anyInt, evidence: Strong, context: "status of a Rack response"})
		}
	}
	if open != '{' && (e.lang == Python || e.lang == JavaScript || e.lang == TypeScript) {
		e.rowsFrame(&f, p1)
	}
	e.frames = append(e.frames, f)
	e.chain = false
}

// goStructFrame gives a Go brace frame f, whose brace ends at at, what it
// has of struct types for the rows of test tables: the body of one
// (struct {), a literal of one written in place (struct{...}{), an element
// of a literal of a slice, array or map of them ([]struct{...}{{...}}), or
// a literal of a slice, array or map of a named type ([]tc{{...}}), whose
// elements are literals of that type. p1 and p2 are the tokens before the
// brace.
func (e *engine) goStructFrame(f *frame, p1, p2 ringTok, at int) {
	switch parent := e.top(); {
	case e.isIdent(p1, "struct"):
		f.structBody = &fieldNames{elems: e.isPunct(p2, "]"), body: at}
	case e.isPunct(p1, "}") && p1.seq == e.lastStructEnd && e.lastStruct != nil:
		if e.lastStruct.elems {
			f.elemFields = e.lastStruct
		} else {
			f.rowFields = e.lastStruct
		}
	case parent != nil && parent.open == '{' && (e.isPunct(p1, "{") || e.isPunct(p1, ",") || e.isPunct(p1, ":")):
		if parent.elemFields != nil {
			f.rowFields = parent.elemFields
		} else if parent.ofElems {
			f.typeName = parent.typeName // the element's type, left out
		}
	case f.typeName != nil && e.isPunct(p2, "]"):
		f.ofElems = true
	}
}

// rowsFrame gives a Python or JavaScript bracket frame f what it has of
// the rows of a test table: the list of pytest's parametrize (its second
// argument), the list a for loop unpacks into names (for path, status in
// [...], for (const [path, status] of [...])), or a row of either. p1 is
// the token before the bracket.
func (e *engine) rowsFrame(f *frame, p1 ringTok) {
	parent := e.top()
	switch {
	case e.lang != Python && parent != nil && f.open == '[' && e.isPunct(p1, "(") && parent.arg == 0 && string(parent.callee) == "each":
		f.eachTable, e.eachRows = true, e.eachRows[:0]
	case e.lang != Python && parent != nil && f.open == '[' && parent.eachTable && (e.isPunct(p1, "[") || e.isPunct(p1, ",")):
		f.eachRow = true
	case e.lang != Python && f.open == '(' && e.isPunct(p1, ")") && p1.seq == e.eachEnd && len(e.eachRows) > 0:
		f.eachCall = true
	case e.lang == Python && e.isIdent(p1, "in") || e.lang != Python && e.isIdent(p1, "of"):
		switch names := e.forTargets(); {
		case len(names) == 1:
			f.eachField = names[0]
		case len(names) > 1:
			f.elemFields = &fieldNames{names: names, body: -1}
		}
	case parent == nil:
	case parent.params != nil && parent.arg == 1 && e.isPunct(p1, ",") && f.open == '[':
		if len(parent.params.names) == 1 {
			f.eachField = parent.params.names[0]
		} else {
			f.elemFields = parent.params
		}
	case parent.elemFields != nil && (f.callee == nil && (e.isPunct(p1, "[") || e.isPunct(p1, ",")) || string(f.callee) == "param"):
		f.rowFields = parent.elemFields // a tuple, a list, or pytest.param("/", 200, id="root")
	}
}

// forTargets returns the names that a for loop, whose "in" (Python) or
// "of" (JavaScript) is the last token, assigns: for path, status in;
// for (const [path, status] of; for (const status of. They come in order,
// or nil when they are no plain list of names.
func (e *engine) forTargets() [][]byte {
	if e.lang == Python {
		return e.namesBefore(2, func(t ringTok) bool { return e.isIdent(t, "for") })
	}
	declared := func(t ringTok) bool { return e.isIdent(t, "const") || e.isIdent(t, "let") || e.isIdent(t, "var") }
	if t := e.prev(2); t.kind == tIdent && declared(e.prev(3)) {
		return [][]byte{e.bytesOf(t)}
	}
	if !e.isPunct(e.prev(2), "]") {
		return nil
	}
	return e.namesBefore(3, func(t ringTok) bool { return e.isPunct(t, "[") })
}

// nameEachRows reports the values of the last Jest each table whose
// position the callback's parameter of that name, read back from the ring
// ((path, status) =>), says holds a status.
func (e *engine) nameEachRows() {
	names := e.namesBefore(2, func(t ringTok) bool { return e.isPunct(t, "(") })
	for i := range e.eachRows {
		if r := &e.eachRows[i]; r.pos < len(names) {
			if sl, ok := positionalSlot(names[r.pos]); ok {
				e.emit(&r.v, sl)
			}
		}
	}
	e.eachRows = e.eachRows[:0]
}

// namesBefore reads back from the token i before the last a list of names
// separated by commas, each perhaps with a one-word type (status: number),
// up to a token that start accepts, and returns the names in order; nil
// when something else stands between.
func (e *engine) namesBefore(i int, start func(ringTok) bool) [][]byte {
	var names [][]byte
	for ; i+1 < len(e.ring); i += 2 {
		t := e.prev(i)
		if t.kind != tIdent {
			return nil
		}
		if e.isPunct(e.prev(i+1), ":") && e.prev(i+2).kind == tIdent {
			i += 2 // (path: string, status: number) in TypeScript
			t = e.prev(i)
		}
		names = append(names, e.bytesOf(t))
		switch sep := e.prev(i + 1); {
		case start(sep):
			slices.Reverse(names)
			return names
		case !e.isPunct(sep, ","):
			return nil
		}
	}
	return nil
}

// setCallee makes f the frame of a call of name (the token numbered seq),
// whose tables say info; method and recv tell x.name(.
func (e *engine) setCallee(f *frame, name []byte, info *calleeInfo, seq int, method bool, recv []byte) {
	f.callee, f.info, f.calleeSeq, f.method, f.recv = name, info, seq, method, recv
	f.rules = info.rulesFor(e.bit)
	f.assert = info.isAssert()
	f.chain = e.chain && info.isChain()
	f.chainF = e.chainF
	if pt := e.top(); pt != nil && (pt.assert || pt.matcher) && info.isChain() {
		f.matcher = true
	}
	f.errorType = isErrorType(name)
}

// enter opens a bracket that the text before the engine's span left open
// (see regionSpans): the engine starts inside it with the frame that
// reading from the top would have opened, since what a statement means
// can depend on it (status = 302 counts in a function's body, not at the
// top level; code = 404 in the body of class ErrorResponse).
func (e *engine) enter(b openBlock) {
	if len(e.frames) >= maxDepth {
		e.overflow++
		return
	}
	f := frame{open: b.open, pend: len(e.pending)}
	switch {
	case b.open == '{':
		f.typeName = b.name
	case b.name != nil:
		// const ( ... ): the keyword reads as a callee.
		e.setCallee(&f, b.name, calleeIndex[string(b.name)], -1, false, nil)
	}
	e.frames = append(e.frames, f)
}

func (e *engine) closeFrame() {
	if e.overflow > 0 {
		e.overflow--
		return
	}
	f := e.frames[len(e.frames)-1]
	e.frames = e.frames[:len(e.frames)-1]
	if f.structBody != nil {
		e.lastStruct, e.lastStructEnd = f.structBody, e.seq
	}
	if string(f.callee) == "each" {
		e.eachEnd = e.seq
	}
	if f.eachCall {
		e.eachRows = e.eachRows[:0]
	}
	switch {
	case f.assert && f.statusish:
		for _, v := range e.pending[f.pend:] {
			e.emit(&v, slot{role: Expected, filter: f.sfilter, evidence: Strong, directive: f.info.name, context: "asserted status"})
		}
		e.pending = e.pending[:f.pend]
	case f.matcher:
		// Values stay pending for the enclosing assertion.
	case f.members && f.statusish:
		for _, v := range e.pending[f.pend:] {
			e.emit(&v, slot{role: Compare, filter: f.sfilter, evidence: Strong, context: "compared with a status"})
		}
		e.pending = e.pending[:f.pend]
	case f.open == '[':
		e.listed = e.listed[:0]
		if len(e.pending)-f.pend < maxListed { // a longer list is a table, not a test
			e.listed = append(e.listed, e.pending[f.pend:]...)
		}
		e.listEnd = e.seq
		e.pending = e.pending[:f.pend]
	default:
		e.pending = e.pending[:f.pend]
	}
	e.armPend = e.armPend[:0]
	calleeSt := false
	var cf filter
	if f.callee != nil {
		cf, calleeSt = statusishName(f.callee)
	}
	if calleeSt && f.virtual {
		calleeSt = false
	}
	keeper := f.chainIn && f.callee != nil && f.info.isKeeper()
	if t := e.top(); t != nil && (f.statusish || calleeSt) {
		t.statusish = true
		if calleeSt {
			t.sfilter = cf
		} else {
			t.sfilter = f.sfilter
		}
	}
	if f.idxStatus {
		// err['status'] reads like err.status: mark the closing bracket.
		e.statusishAt(f.idxF)
		e.markStatusish(f.idxF)
		e.chain, e.chainF = true, f.idxF
		return
	}
	switch {
	case calleeSt:
		e.chain, e.chainF = true, cf
		e.statusishAt(cf)
		if e.switchPending {
			e.switchSt, e.swF = true, cf
		}
	case keeper:
		e.chain = true
		e.statusishAt(e.lastStF)
	case f.statusish && f.callee != nil:
		e.chain, e.chainF = true, f.sfilter
		if f.open == '(' && e.switchPending {
			e.switchSt, e.swF = true, f.sfilter
		}
	case f.statusish && f.open == '(' && e.switchPending:
		e.switchSt, e.swF = true, f.sfilter
		e.chain = false
	case f.chainIn && f.method:
		e.chain = true
	case f.statusish && f.callee == nil && f.open == '(' && e.lastStatusish == e.prev(1).seq:
		// A status expression in parentheses is one:
		// ((int)response.StatusCode).Should().Be(200).
		e.chain, e.chainF = true, e.lastStF
		e.statusishAt(e.lastStF)
	default:
		e.chain = false
	}
}

// calleeInfo gathers what the rule tables say about one called name, so
// that opening a call costs one map lookup instead of a search of each
// table.
type calleeInfo struct {
	name    string     // the name as the tables write it, for findings' Directive
	rules   []callRule // callRules for this callee, in table order
	keyword bool       // calleeKeywords: "if (" is not a call
	assert  bool       // assertCallees
	chain   bool       // chainCallees
	keeper  bool       // chainKeepers
	codeKey bool       // codeKeyCallees
}

// calleeIndex maps every name in the callee tables to its calleeInfo.
var calleeIndex = func() map[string]*calleeInfo {
	m := map[string]*calleeInfo{}
	get := func(name string) *calleeInfo {
		if m[name] == nil {
			m[name] = &calleeInfo{name: name}
		}
		return m[name]
	}
	for _, r := range callRules {
		ci := get(r.callee)
		ci.rules = append(ci.rules, r)
	}
	for _, n := range calleeKeywords {
		get(n).keyword = true
	}
	for _, n := range assertCallees {
		get(n).assert = true
	}
	for _, n := range chainCallees {
		get(n).chain = true
	}
	for _, n := range chainKeepers {
		get(n).keeper = true
	}
	for _, n := range codeKeyCallees {
		get(n).codeKey = true
	}
	return m
}()

// The accessors below accept a nil *calleeInfo, a name no table lists.

func (ci *calleeInfo) isKeyword() bool { return ci != nil && ci.keyword }
func (ci *calleeInfo) isAssert() bool  { return ci != nil && ci.assert }
func (ci *calleeInfo) isChain() bool   { return ci != nil && ci.chain }
func (ci *calleeInfo) isKeeper() bool  { return ci != nil && ci.keeper }
func (ci *calleeInfo) isCodeKey() bool { return ci != nil && ci.codeKey }

// rulesFor returns the callee's rules if one applies to a language in bit.
func (ci *calleeInfo) rulesFor(bit langSet) []callRule {
	if ci == nil {
		return nil
	}
	for _, r := range ci.rules {
		if r.langs == 0 || r.langs&bit != 0 {
			return ci.rules
		}
	}
	return nil
}

// containsWordFold reports whether name contains one of words, ignoring
// case, without allocating.
func containsWordFold(name []byte, words []string) bool {
	for _, w := range words {
		if len(w) > len(name) {
			continue
		}
		for i := 0; i+len(w) <= len(name); i++ {
			ok := true
			for j := 0; j < len(w); j++ {
				c := lowerByte(name[i+j])
				if c != w[j] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
