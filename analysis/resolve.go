package analysis

import (
	"bytes"
	"slices"
)

// resolve decides, once the token after a value is known, whether the
// value stands in a status slot, and reports it.
func (e *engine) resolve(next token) {
	v := &e.cand // dead once resolved, so the branch of a conditional may rewrite it
	e.hasCand = false
	if (v.tk == tString || v.tk == tSymbol) && e.isPunct(v.p1, "[") && next.kind == tPunct && e.text[next.start] == ']' && v.depth == len(e.frames) && v.depth > 0 {
		if f, ok := statusishName(e.text[v.ns:v.ne]); ok {
			e.frames[v.depth-1].idxStatus, e.frames[v.depth-1].idxF = true, f
		}
	}
	if v.tk == tString && e.lang == Python && v.depth > 0 && v.depth == len(e.frames) {
		// @pytest.mark.parametrize("path, status", [("/", 200)]): the
		// names of the values of each row.
		f := &e.frames[v.depth-1]
		switch {
		case f.open == '(' && f.arg == 0 && string(f.callee) == "parametrize":
			names := bytes.Split(e.text[v.ns:v.ne], []byte(","))
			for i := range names {
				names[i] = bytes.TrimSpace(names[i])
			}
			f.params = &fieldNames{names: names, body: -1}
		case v.depth >= 2 && f.callee == nil && f.open != '{':
			// parametrize(("path", "status"), ...): one name per string.
			if g := &e.frames[v.depth-2]; g.open == '(' && g.arg == 0 && string(g.callee) == "parametrize" {
				if g.params == nil {
					g.params = &fieldNames{body: -1}
				}
				g.params.names = append(g.params.names, e.text[v.ns:v.ne])
			}
		}
	}
	if v.tk == tString && string(e.text[v.ns:v.ne]) == pseudoStatus && (e.isPunct(v.p1, "(") || e.isPunct(v.p1, "[")) && next.kind == tPunct &&
		(e.text[next.start] == ')' || e.text[next.start] == ']') && v.depth == len(e.frames) && v.depth > 0 {
		// headers:get(":status"), headers[':status']
		e.frames[v.depth-1].idxStatus, e.frames[v.depth-1].idxF = true, threeDigits
	}
	if t := &e.tern; t.ok && v.depth == t.depth && (v.p1.seq == t.mark && e.isColon(next) || t.sep != 0 && v.p1.seq == t.sep) {
		// A branch of a conditional stands where the conditional does.
		v.p1, v.p2, v.p3, v.branch = t.head[0], t.head[1], t.head[2], true
		if f, ok := e.wasStatusish(v.p2.seq); ok {
			saved, savedF := e.lastStatusish, e.lastStF
			e.lastStatusish, e.lastStF = v.p2.seq, f
			defer func() { e.lastStatusish, e.lastStF = saved, savedF }()
		}
	}
	var sl slot
	claimed := false
	if e.mayFill(v) {
		var ok bool
		if sl, ok = e.slotOf(v, next); ok {
			claimed = e.emit(v, sl)
		}
	}
	if !claimed && v.tk == tNumber && v.depth > 0 && v.depth == len(e.frames) && next.kind == tPunct {
		// {404: "Not Found"}, [401] = "Unauthorized", 500 => 'Server error'
		switch nb := e.text[next.start:next.end]; {
		case string(nb) == ":" || string(nb) == "=>",
			string(nb) == "]" && e.isPunct(v.p1, "[") && e.frames[v.depth-1].open == '[':
			e.mapKey, e.hasMapKey = *v, true
		}
	}
	if !claimed && v.tk == tNumber && v.ne-v.ns == 3 && v.depth > 0 && v.depth == len(e.frames) && next.kind == tPunct && e.text[next.start] == ',' {
		e.pairKey, e.hasPairKey = *v, true
	}
	if !claimed && v.tk == tNumber && v.ne-v.ns == 3 && v.depth > 0 && v.depth == len(e.frames) && e.frames[v.depth-1].open == '[' &&
		len(e.pending)-e.frames[v.depth-1].pend < maxListed &&
		(e.isPunct(v.p1, "[") || e.isPunct(v.p1, ",")) && next.kind == tPunct && (e.text[next.start] == ',' || e.text[next.start] == ']') {
		e.pending = append(e.pending, *v) // an element, for a membership test after the list (frame.members)
	}
	if !claimed && e.lang == Python && v.tk == tNumber && next.kind == tPunct && e.text[next.start] == ',' && next.end-next.start == 1 &&
		(e.isIdent(v.p1, "return") || e.isPunct(v.p1, "(") && e.isIdent(v.p2, "return")) {
		e.retHead, e.hasRetHead = *v, true // return 200, {}, body: see settleRetHead
	}
	if !claimed && v.tk == tString && e.hasPairKey {
		// The string is its own element, at most two elements on.
		if k := &e.pairKey; v.depth == k.depth && v.seq-k.seq <= 4 && e.isPunct(v.p1, ",") && e.endsExpr(v, next) && e.s.isOwnPhrase(k, e.text[v.ns:v.ne]) {
			claimed = e.emit(k, slot{role: Mention, filter: knownOnly, evidence: Strong, context: "paired with its reason phrase"})
		}
		e.hasPairKey = false
	}
	if !claimed && v.tk == tString && e.hasMapKey {
		k := &e.mapKey
		p1, p2, p3 := v.p1, v.p2, v.p3
		if (e.isPunct(p1, ":") || e.isPunct(p1, "=>")) && p2.seq == k.seq || e.isPunct(p1, "=") && e.isPunct(p2, "]") && p3.seq == k.seq {
			// Its own reason phrase names the code; a message only says
			// what statuses are usually about.
			own := e.s.isOwnPhrase(k, e.text[v.ns:v.ne])
			if own || reasonLike(e.text[v.ns:v.ne]) {
				ev := Weak
				if own {
					ev = Strong
				}
				claimed = e.emit(k, slot{role: Mention, filter: knownOnly, evidence: ev, context: "key of a map from statuses to messages"})
				if claimed {
					e.hasMapKey = false
					e.lastVal, e.lastClaim = *v, 0
					return
				}
			}
		}
		e.hasMapKey = false
	}
	if !claimed {
		switch {
		case v.tk == tString && v.docstring:
			e.s.prose(v.ns, v.ne, InComment)
		case v.tk == tString:
			e.s.prose(v.ns, v.ne, InString)
		case v.tk == tIdent:
			e.emit(v, slot{role: Mention, evidence: Strong, context: plainConstant})
		}
	}
	e.lastVal = *v
	e.lastClaim = 0
	if claimed {
		e.lastClaim = sl.role
	}
}

var colon = []byte(":")

// emit reports a value in a slot; it returns false when the value is not
// a code (a string that holds no number, an unknown symbol) or the slot's
// filter rejects it.
func (e *engine) emit(v *value, sl slot) bool {
	s := e.s
	switch v.tk {
	case tIdent:
		s.addConstant(v.start, v.end, v.eco, v.name, v.code, sl)
		return true
	case tSymbol:
		ec, c, ok := s.a.consts.lookup(e.ecoLangs, colon, colon, e.text[v.ns:v.ne], s.imported)
		if !ok {
			return false
		}
		s.addConstant(v.start, v.end, ec, c.name, c.code, sl)
		return true
	case tString:
		// "404" as a whole, or the code at the start of a status line
		// such as "200 OK" (WSGI, Go's Response.Status).
		n := v.ne - v.ns
		if n >= 3 && isDigit(e.text[v.ns]) && isDigit(e.text[v.ns+1]) && isDigit(e.text[v.ns+2]) && (n == 3 || e.text[v.ns+3] == ' ') {
			return s.addNumber(v.ns, v.ns+3, StringLiteral, InString, sl)
		}
		return false
	}
	return s.addNumber(v.ns, v.ne, NumericLiteral, InCode, sl)
}

// plainConstant is the context of a constant that no slot claimed: a
// plain mention (see scan.run for one a slot claims later).
const plainConstant = "named constant"

// reasonWords are the words of reason phrases and of the messages that
// projects map statuses to ("Not found", "Bad Gateway", "An unexpected
// error occurred").
var reasonWords = []string{"ok", "created", "accepted", "moved", "found", "redirect", "modified", "bad", "unauthorized",
	"forbidden", "not", "allowed", "acceptable", "timeout", "conflict", "gone", "precondition", "payload", "large",
	"unsupported", "teapot", "unprocessable", "locked", "many", "requests", "internal", "error", "unavailable", "gateway",
	"implemented", "unexpected", "denied", "invalid", "missing", "failed", "success", "content", "continue", "exceeded"}

// reasonLike reports whether a string reads like a status's message.
func reasonLike(b []byte) bool {
	for i := 0; i < len(b); {
		for i < len(b) && !isLetter(b[i]) {
			i++
		}
		j := i
		for j < len(b) && isLetter(b[j]) {
			j++
		}
		if j > i && inFold(b[i:j], reasonWords) {
			return true
		}
		i = j
	}
	return false
}

// isOwnPhrase reports whether str, blanks aside, is one of the reason
// phrases of the three-digit number k ("Bad Gateway" for 502), in any case.
func (s *scan) isOwnPhrase(k *value, str []byte) bool {
	code, ok := atoi(s.text[k.ns:k.ne])
	if !ok || code >= len(s.a.phrases) {
		return false
	}
	str = bytes.TrimSpace(str)
	for _, p := range s.a.phrases[code] {
		if eqFold(str, p) {
			return true
		}
	}
	return false
}

// pseudoStatus is the pseudo-header that carries an HTTP/2 or HTTP/3
// response's status (RFC 9113, section 8.3.2).
const pseudoStatus = ":status"

// isPseudoStatus reports whether a string token is ":status", quoted.
func (e *engine) isPseudoStatus(t ringTok) bool {
	return t.end-t.start == len(pseudoStatus)+2 && string(e.text[t.start+1:t.end-1]) == pseudoStatus
}

// isColon reports whether a token is the colon of a conditional's branches.
func (e *engine) isColon(t token) bool {
	return t.kind == tPunct && t.end-t.start == 1 && e.text[t.start] == ':'
}

// endsExpr reports whether the token after a value ends the value's
// expression, so that 404 in "f(404)" is a whole argument but not in
// "f(404 + x)".
func (e *engine) endsExpr(v *value, next token) bool {
	switch next.kind {
	case tEOF, tNewline:
		return true
	case tPunct:
		switch string(e.text[next.start:next.end]) {
		case ",", ")", "]", "}", ";":
			return true
		case ":":
			return v.branch // ok ? 200 : 404
		}
	case tIdent:
		switch string(e.text[next.start:next.end]) {
		case "do", "if", "unless", "and", "or", "else", "for", "then", "end":
			return e.lang == Ruby || e.lang == Python || e.lang == Lua
		}
		// A statement on the next line (Lua and JavaScript need no ";").
		for i := v.end; i < next.start; i++ {
			if e.text[i] == '\n' {
				return true
			}
		}
	}
	return false
}

func (e *engine) slotOf(v *value, next token) (slot, bool) {
	p1, p2, p3 := v.p1, v.p2, v.p3
	var nb []byte
	if next.kind == tPunct {
		nb = e.text[next.start:next.end]
	}
	switch string(nb) {
	case "+", "-", "*", "/", "%", "<<", ">>", "**", "^", "x":
		return slot{}, false
	}
	if (e.isPunct(p1, "-") || e.isPunct(p1, "+")) && !p2.val && p2.kind != tIdent && !e.isPunct(p2, ")") {
		return slot{}, false
	}
	if e.isPunct(p1, "/") || e.isPunct(p1, "*") || e.isPunct(p1, "%") {
		return slot{}, false
	}
	ends := e.endsExpr(v, next)
	var top *frame
	if v.depth > 0 && v.depth == len(e.frames) {
		top = &e.frames[v.depth-1]
	}
	// A value of a test table's row given by position ({"ok", "/", 200} in
	// a Go literal of a struct type written in place, ("/", 200) under
	// pytest's parametrize("path, status", ...)): the name of its field or
	// argument says what it is, as a key would (wantStatus: 200).
	if top != nil && ends && e.mayBeCode(v) && (e.isPunct(p1, ",") || e.isPunct(p1, "{") || e.isPunct(p1, "(") || e.isPunct(p1, "[")) {
		if top.eachRow || top.eachTable {
			// A Jest each table's value waits for its callback's names.
			pos := 0
			if top.eachRow {
				pos = top.arg
			}
			e.eachRows = append(e.eachRows, eachValue{pos, *v})
			return slot{}, false
		}
		if sl, ok := positionalSlot(e.positionalName(top)); ok {
			return sl, true
		}
	}
	// An element of a list or of a composite literal ([4, 1, 91],
	// {1, 2}) whose brackets say nothing of statuses: none of the slots
	// below takes it, only the tests after slotOf (a map's key, a code
	// paired with its reason phrase, a member of a list tested after it).
	// Generated tables are made of such elements, and the tests below cost
	// more than the rest of reading one.
	if top != nil && (top.open == '[' || top.open == '{' && !top.switchSt) && !top.compare && !top.statusList && e.lang != Ruby &&
		(e.isPunct(p1, ",") || e.isPunct(p1, "[") || e.isPunct(p1, "{")) && (string(nb) == "," || string(nb) == "]" || string(nb) == "}") &&
		p2.kind != tString {
		return slot{}, false
	}

	// case 200, 201: / 404 -> / 500..=599 => in a switch on a status.
	if top != nil && top.switchSt && top.open == '{' {
		switch string(nb) {
		case ",", "|", "..", "..=", "...":
			if e.isIdent(p1, "case") || len(e.armPend) > 0 || !e.isPunct(p1, "=") {
				e.armPend = append(e.armPend, *v)
				return slot{}, false
			}
		case ":", "->", "=>":
			if string(nb) != ":" || e.isIdent(p1, "case") || len(e.armPend) > 0 {
				sl := slot{role: Compare, filter: top.swF, evidence: Strong, context: "case of a switch on a status"}
				for i := range e.armPend {
					a, after := &e.armPend[i], v
					if i+1 < len(e.armPend) {
						after = &e.armPend[i+1]
					}
					if e.rangeBetween(a, after) {
						e.emit(a, boundSlot) // 500..=599: the start of a range
						continue
					}
					e.emit(a, sl)
				}
				e.armPend = e.armPend[:0]
				if e.isPunct(p1, "..") || e.isPunct(p1, "..=") || e.isPunct(p1, "...") {
					return boundSlot, true // and its end
				}
				return sl, true
			}
		}
		e.armPend = e.armPend[:0]
	}
	if e.lang == Python && e.matchIndent >= 0 && (e.isIdent(p1, "case") || e.isPunct(p1, "|")) && (string(nb) == ":" || string(nb) == "|") {
		return slot{role: Compare, filter: threeDigits, evidence: Strong, context: "case of a match on a status"}, true
	}
	// case response.status / when 401, 403 / when 500..599 in Ruby.
	if e.whenLine && v.depth == 0 && (e.isIdent(p1, "when") || e.isPunct(p1, ",")) {
		if string(nb) == ".." || string(nb) == "..." {
			return boundSlot, true
		}
		if ends {
			return slot{role: Compare, filter: threeDigits, evidence: Strong, context: "arm of a case on a status"}, true
		}
	}

	// 200..299 after a claimed 200.
	if (e.isPunct(p1, "..") || e.isPunct(p1, "..=") || e.isPunct(p1, "...") || e.isIdent(p1, "until")) && p2.val && p2.seq == e.lastVal.seq && e.lastClaim != 0 {
		return boundSlot, true
	}

	// status in (200, 201), self._status in [204, 304]
	if top != nil && top.compare && (e.isPunct(p1, "(") || e.isPunct(p1, "[") || e.isPunct(p1, "{") || e.isPunct(p1, ",")) && ends {
		return slot{role: Compare, filter: top.cmpF, evidence: Strong, context: "compared with a status"}, true
	}
	// A whole argument of a call.
	direct := top != nil && (top.open == '(' && (e.isPunct(p1, "(") || e.isPunct(p1, ",")) ||
		top.virtual && (p1.seq == top.calleeSeq || e.isPunct(p1, ",")))
	if direct && ends {
		switch {
		case top.chain:
			return slot{role: Expected, filter: top.chainF, evidence: Strong, directive: top.info.name, context: "expected status"}, true
		case top.assert || top.matcher:
			if v.tk == tIdent {
				return slot{role: Expected, evidence: Strong, directive: top.info.name, context: "asserted status"}, true
			}
			e.pending = append(e.pending, *v)
			return slot{}, false
		}
		for _, r := range top.rules {
			if r.recv == isMethod && helperWithBody[r.callee] && (next.kind != tPunct || e.text[next.start] != ',') {
				continue // p.String(1), m.Data(4): a lone argument is no helper's status
			}
			if (r.arg == top.arg || r.arg < 0) && (r.langs == 0 || r.langs&e.bit != 0) && e.recvOK(top, r.recv) {
				f := anyInt
				if r.arg < 0 || threeDigitCallees[r.callee] {
					f = threeDigits
				}
				return slot{role: r.role, filter: f, evidence: Strong, directive: r.callee, context: r.ctx}, true
			}
		}
		if top.heuristic() {
			return slot{role: Status, filter: knownOnly, evidence: Weak, context: "argument of a response helper"}, true
		}
		if top.errorType && v.tk == tNumber {
			return slot{role: ErrorStatus, filter: knownError, evidence: Weak, directive: string(top.callee), context: "argument of an error class"}, true
		}
	}
	// status_forcelist=(429, 500, 502), RETRYABLE = {502, 503}
	if top != nil && top.statusList && (e.isPunct(p1, "(") || e.isPunct(p1, "[") || e.isPunct(p1, "{") || e.isPunct(p1, ",")) && ends {
		return slot{role: Condition, filter: knownOnly, evidence: Weak, context: "in a list of statuses"}, true
	}
	if top != nil && top.open == '[' && e.isPunct(p1, "[") && string(nb) == "," && e.lang == Ruby {
		e.rack = *v
	}
	if top != nil && top.docKeys && (e.isPunct(p1, "{") || e.isPunct(p1, ",")) && string(nb) == ":" {
		return slot{role: Documented, filter: threeDigits, evidence: Strong, directive: "responses", context: "documented response"}, true
	}

	// headers:append(":status", "200"), (':status', '200'): HTTP/2's
	// pseudo-header and its value.
	if e.isPunct(p1, ",") && p2.kind == tString && e.isPseudoStatus(p2) && ends {
		return slot{role: Status, filter: threeDigits, evidence: Strong, context: "value of :status"}, true
	}

	// key: 404, key = 404, key => 404, key=404 as a keyword argument.
	if p1.kind == tPunct && ends {
		if sl, ok := e.keySlot(v, p1, p2, p3, top); ok {
			return sl, true
		}
	}

	// StatusNotFound = 404, NOT_FOUND: 404, NOT_FOUND(404, ...), NOT_FOUND =
	// (404, ...): a library's own table of constants, named and valued as
	// the catalogue has them.
	if name := e.definedConstant(v); name != nil && ends {
		return slot{role: Mention, filter: threeDigits, evidence: Strong, context: "value of the constant ", key: name}, true
	}

	// resp.StatusCode == 200, status in 200..299.
	if p1.kind == tPunct && isComparator(e.bytesOf(p1)) && e.lastStatusish == p2.seq ||
		e.isIdent(p1, "in") && e.lastStatusish == p2.seq && (string(nb) == ".." || string(nb) == "..." || string(nb) == "..=" || e.lang == Kotlin && next.kind == tIdent) {
		switch string(nb) {
		case ".":
			if v.tk != tIdent {
				return slot{}, false
			}
		}
		if e.isIdent(p1, "in") {
			return boundSlot, true // status in 200..299
		}
		return comparison(e.bytesOf(p1), e.lastStF), true
	}

	// response.status.value shouldBe 200: Kotest's infix matchers.
	if (e.isIdent(p1, "shouldBe") || e.isIdent(p1, "shouldNotBe")) && e.lastStatusish == p2.seq && ends {
		return slot{role: Expected, filter: e.lastStF, evidence: Strong, context: "expected status"}, true
	}

	// resp.Code = 200, err['status'] = 404: a status field set. A bare
	// "code" field counts only in files that mention HTTP.
	if e.isPunct(p1, "=") && e.lastStatusish == p2.seq && ends && (e.isPunct(p2, "]") || e.isSep(p3)) && (e.lastStF != knownOnly || e.s.mentionsHTTP()) {
		ev := Strong
		if e.lastStF == knownOnly {
			ev = Weak
		}
		return slot{role: Status, filter: e.lastStF, evidence: ev, context: "status field set"}, true
	}

	// err.status || 500: the fallback of a status.
	if (e.isPunct(p1, "||") || e.isPunct(p1, "??") || e.isIdent(p1, "or")) && e.lastStatusish == p2.seq {
		return slot{role: Status, filter: knownOnly, evidence: Strong, context: "default status"}, true
	}

	// return jsonify(x), 404 in a Flask view.
	if e.lang == Python && e.inReturn && len(e.frames) == e.returnDepth && e.isPunct(p1, ",") &&
		(next.kind == tNewline || next.kind == tEOF || string(nb) == "," || string(nb) == ";") {
		return slot{role: Status, filter: knownOnly, evidence: Strong, context: "status of a view's return tuple"}, true
	}

	// (HttpStatusCode)404
	if e.isPunct(p1, ")") && p2.kind == tIdent && slices.Contains(castTypes, string(e.bytesOf(p2))) && e.isPunct(p3, "(") {
		return slot{role: Status, filter: threeDigits, evidence: Strong, context: "cast to " + castTypes[0]}, true
	}
	return slot{}, false
}

// positionalSlot returns the slot of a value that a test table's row gives
// by position for the field or argument name (see positionalName), as the
// name would make it as a key.
func positionalSlot(name []byte) (slot, bool) {
	if name == nil {
		return slot{}, false // most values of lists, which no name gives meaning
	}
	kc, ok := classifyKey(name)
	if !ok {
		return slot{}, false
	}
	return slot{role: kc.role, filter: kc.filter, evidence: kc.ev, context: "value, by position, of ", key: name}, true
}

// mayFill reports whether slotOf need be asked about v. A string that
// does not start with three digits fills no slot that reports it (see
// emit), so only the slots that keep values for later must see it: the
// arms of a switch on a status, the arguments of an assertion, and Ruby's
// [status, headers, body]. Most strings are none of these, and slotOf is
// long to ask.
func (e *engine) mayFill(v *value) bool {
	if v.tk != tString || e.mayBeCode(v) || e.lang == Ruby {
		return true
	}
	top := e.top()
	return top != nil && (top.switchSt || top.assert || top.matcher)
}

// mayBeCode reports whether a value may be a code for a slot that wants
// three digits or a known code: a constant, or a number or string that
// starts with three digits. The test tables' rows ask it first, so that
// the rest of their values cost no lookup.
func (e *engine) mayBeCode(v *value) bool {
	return v.tk == tIdent || (v.tk == tNumber || v.tk == tString) && v.ne-v.ns >= 3 &&
		isDigit(e.text[v.ns]) && isDigit(e.text[v.ns+1]) && isDigit(e.text[v.ns+2])
}

// positionalName returns the name of the field or argument that the value
// at top's current position fills in a row of a test table (see frame), or
// nil. The fields of a Go named type are looked up only here, when a value
// asks: most literals are keyed, or no rows.
func (e *engine) positionalName(top *frame) []byte {
	if top.eachField != nil {
		return top.eachField
	}
	fields := top.rowFields
	if fields == nil && e.lang == Go && top.open == '{' && top.typeName != nil && !top.ofElems {
		fields = e.s.goStructType(top.typeName)
		top.rowFields = fields
	}
	if fields == nil {
		return nil
	}
	if names := fields.of(e.text); top.arg < len(names) {
		return names[top.arg]
	}
	return nil
}

// definedConstant returns the name of the constant a number is the value
// of, when the libraries of the file's language define that name with
// that code (see constIndex.defines), and nil otherwise.
func (e *engine) definedConstant(v *value) []byte {
	if v.tk != tNumber || v.ne-v.ns != 3 {
		return nil
	}
	// The name stands before the = or the parenthesis, or before its type
	// (Go: StatusTeapot Code = 418).
	var names [2]ringTok
	switch p1, p2, p3 := v.p1, v.p2, v.p3; {
	case (e.isPunct(p1, "=") || e.isPunct(p1, ":") || e.isPunct(p1, "(")) && p2.kind == tIdent:
		names = [2]ringTok{p2, p3}
	case e.isPunct(p1, "(") && (e.isPunct(p2, "=") || e.isPunct(p2, ":")) && p3.kind == tIdent:
		names[0] = p3
	default:
		return nil
	}
	code, ok := atoi(e.text[v.ns:v.ne])
	if !ok {
		return nil
	}
	for _, n := range names {
		if n.kind == tIdent && e.s.a.consts.defines(e.ecoLangs, e.bytesOf(n), code) {
			return e.bytesOf(n)
		}
	}
	return nil
}

// keySlot handles values after a key or field name that says status.
func (e *engine) keySlot(v *value, p1, p2, p3 ringTok, top *frame) (slot, bool) {
	op := string(e.bytesOf(p1))
	switch op {
	case ":", "=", "=>":
	case ":=": // Go's short variable declaration: status := 404
		op = "="
	default:
		return slot{}, false
	}
	var key []byte
	if op == "=" && p2.kind == tIdent && e.isPunct(p3, ":") && v.p4.kind == tIdent && (top != nil && top.open == '(' || e.lang == Python && top == nil) {
		// def f(status: int = 200), function f(status: number = 200),
		// and Python's annotated assignments (status_code: int = 429):
		// the annotation stands between the name and its value.
		p2, p3 = v.p4, ringTok{seq: -100}
	}
	switch p2.kind {
	case tIdent:
		key = e.bytesOf(p2)
	case tString:
		if p2.end-p2.start >= 2 {
			key = e.text[p2.start+1 : p2.end-1]
		}
	case tSymbol:
		key = e.text[p2.start+1 : p2.end]
	}
	if key == nil {
		return slot{}, false
	}
	kc, ok := classifyKey(key)
	if !ok && (string(key) == "code" || string(key) == "Code") && top != nil && top.callee != nil && top.info.isCodeKey() {
		kc, ok = keyClass{Status, knownOnly, Strong}, true
	}
	if !ok && (string(key) == "code" || string(key) == "Code") && e.inResponseBody() {
		kc, ok = keyClass{Status, knownOnly, Weak}, true
	}
	if !ok && string(key) == "code" && len(e.errClasses) > 0 {
		// class PaymentRequired(HTTPException): code = 402 (werkzeug, and
		// the Flask errors built on it). A class named for HTTP may stand
		// for any response (webob's and pyramid's class
		// HTTPOk(WSGIHTTPException): code = 200): below 400 its code is a
		// status, not an error's.
		kc, ok = keyClass{ErrorStatus, knownError, Weak}, true
		if n, isInt := atoi(e.text[v.ns:v.ne]); isInt && n < 400 && v.tk == tNumber && e.errClasses[len(e.errClasses)-1].http {
			kc = keyClass{Status, threeDigits, Weak}
		}
	}
	if !ok {
		return slot{}, false
	}
	switch op {
	case ":":
		if e.isPunct(p3, "?") {
			return slot{}, false // a ? b : 404
		}
	case "=":
		member := e.isSep(p3)
		inArgs := top != nil && (top.open == '(' || top.open == '{')
		if !member && !inArgs && kc.filter == knownOnly {
			// status = 404 in a local variable says less than a field or
			// an argument does: it counts, as weak, in a file that speaks
			// HTTP and no other protocol whose replies are numbers too
			// (an SMTP session's status = 421).
			if !e.s.mentionsHTTP() || e.s.speaksOtherProtocol() {
				return slot{}, false
			}
			kc.ev = Weak
		}
		if e.lang == Go && !member && !inArgs && kc.filter != knownOnly && p3.kind != tPunct {
			return slot{}, false
		}
	}
	role := kc.role
	if call := e.enclosingCall(top); call != nil && containsWordFold(call.callee, []string{"apiresponse", "swaggerresponse"}) {
		role = Documented
	}
	return slot{role: role, filter: kc.filter, evidence: kc.ev, context: "value of ", key: key}, true
}

// inResponseBody reports whether the innermost brackets are a response
// body being built, where a "code" key mirrors the status: res.json({ code:
// 404 }), Response{Code: 200}, c.JSON(400, gin.H{"code": 400}).
func (e *engine) inResponseBody() bool {
	for i := len(e.frames) - 1; i >= 0 && i >= len(e.frames)-3; i-- {
		f := &e.frames[i]
		for _, name := range [][]byte{f.callee, f.typeName} {
			if name != nil && (slices.Contains(responseBodyCallees, string(name)) || containsWordFold(name, []string{"response"})) {
				return true
			}
		}
	}
	return false
}

// enclosingCall returns the call a key belongs to: the frame itself, or
// the call around an object literal (@ApiResponse({ status: 201 })).
func (e *engine) enclosingCall(top *frame) *frame {
	if top == nil {
		return nil
	}
	if top.callee != nil {
		return top
	}
	if top.open == '{' && len(e.frames) >= 2 {
		if p := &e.frames[len(e.frames)-2]; p.callee != nil {
			return p
		}
	}
	return nil
}

// recvOK checks a call rule's receiver requirement.
func (e *engine) recvOK(f *frame, recv string) bool {
	switch recv {
	case anyRecv:
		return true
	case isMethod:
		return f.method
	case isFunc:
		return !f.method
	}
	if !f.method || f.recv == nil {
		return false
	}
	if string(f.recv) == recv {
		return true
	}
	// An aliased Go import of net/http: nethttp.Error(w, msg, 500).
	if ec, ok := e.s.goAliases[string(f.recv)]; ok && recv == "http" && ec.importPath == "net/http" {
		return true
	}
	return false
}

// rangeBetween reports whether two values of a match arm are joined by a
// range operator (200..=299), which makes the first the start of a range.
func (e *engine) rangeBetween(a, b *value) bool {
	switch string(bytes.TrimSpace(e.text[a.end:b.start])) {
	case "..", "..=", "...":
		return true
	}
	return false
}
