package analysis

import "bytes"

// Rules shared by the YAML and JSON scanners: data files say a number is a
// status through the keys around it. The scanners keep the chain of keys
// leading to each value and ask these functions.

// dataCtx is where a key or value sits.
type dataCtx struct {
	parent []byte // the enclosing key ("responses" for a response code key)
	// respAncestor: an enclosing key mentions a response, which makes a
	// bare "code" key a status.
	respAncestor bool
	errorsParent bool // the enclosing key is Traefik's "errors" middleware
	inList       bool // the value is an element of a sequence under the key
}

// dataKey reports a key that is itself a status code: an OpenAPI or
// Swagger response key ('404':, "5XX":). ks:ke is the key without quotes.
func (s *scan) dataKey(ks, ke int, quoted bool, ctx dataCtx) {
	sl := slot{role: Documented, filter: anyInt, evidence: Strong, directive: "responses", context: "OpenAPI response key"}
	switch string(ctx.parent) {
	case "responses":
	case "statusCodes", "status_codes", "responseCodes":
		sl = slot{role: Status, filter: anyInt, evidence: Strong, context: "key of ", key: ctx.parent}
	case "errorfiles", "errorFiles", "error_pages", "errorPages", "errorpages":
		// HAProxy errorfiles or a chart's error pages keyed by status.
		sl = slot{role: ErrorStatus, filter: knownOnly, evidence: Weak, context: "key of ", key: ctx.parent}
	default:
		return
	}
	kind, where := NumericLiteral, InCode
	if quoted {
		kind, where = StringLiteral, InString
	}
	k := s.text[ks:ke]
	if len(k) == 3 && k[0] >= '1' && k[0] <= '5' && (k[1] == 'X' || k[1] == 'x') && (k[2] == 'X' || k[2] == 'x') {
		s.addClass(ks, ke, where, sl)
		return
	}
	s.addNumber(ks, ke, kind, where, sl)
}

// annotationRules are Kubernetes ingress annotations (matched on the name
// after the last "/") whose values hold codes.
var annotationRules = []annotationRule{
	{"custom-http-errors", argAll, ErrorStatus, "ingress-nginx custom-http-errors"},
	{"permanent-redirect-code", argFirst, RedirectStatus, "ingress-nginx permanent-redirect-code"},
	{"temporal-redirect-code", argFirst, RedirectStatus, "ingress-nginx temporal-redirect-code"},
	{"proxy-next-upstream", argHTTPPrefixed, Condition, "ingress-nginx proxy-next-upstream"},
	{"default-backend-status", argFirst, ErrorStatus, "default backend status"},
}

// annotationRule is an annotation whose value lists codes, read as mode
// says.
type annotationRule struct {
	name string
	mode argsMode
	role Role
	ctx  string
}

// annotationShape rules out most keys before their last segment is
// compared with annotationRules: it must be as long as the shortest name
// and end as one does (see keyShape; the first letter is not used).
var annotationShape = func() (sh keyShape) {
	sh.minLen = 1 << 30
	for _, r := range annotationRules {
		sh.last[r.name[len(r.name)-1]] = true
		sh.minLen = min(sh.minLen, len(r.name))
	}
	return sh
}()

// dataValue reports the codes in a scalar value vs:ve (without quotes)
// under key.
func (s *scan) dataValue(key []byte, vs, ve int, quoted bool, ctx dataCtx) {
	text := s.text
	if vs >= ve {
		return
	}
	if s.probe < 0 && indexDigit(text[vs:ve]) < 0 {
		return // every code and class has a digit; most values of data have none
	}
	switch m := s.valueKeyOf(key, ctx); {
	case m.annotation != nil:
		r := m.annotation
		s.codeList(vs, ve, r.mode, slot{role: r.role, filter: anyInt, evidence: Strong, directive: r.name, context: r.ctx})
		return
	case m.traefik:
		s.codeList(vs, ve, argAll, slot{role: Condition, filter: anyInt, evidence: Strong, directive: "errors.status", context: "Traefik errors middleware status"})
		return
	case m.ok:
		kind, where := NumericLiteral, InCode
		if quoted {
			kind, where = StringLiteral, InString
		}
		ev := Strong
		if m.class.filter == knownOnly {
			ev = Weak // a bare "status: 200" in data says little
		}
		s.addNumber(vs, ve, kind, where, slot{role: m.class.role, filter: m.class.filter, evidence: ev, context: "value of ", key: m.key})
		return
	}
	// docker-compose labels: traefik.http.middlewares.x.errors.status=500-599
	const traefikStatus = ".errors.status="
	if ve-vs > len(traefikStatus) {
		if i := bytes.Index(text[vs:ve], []byte(traefikStatus)); i >= 0 {
			s.codeList(vs+i+len(traefikStatus), ve, argAll, slot{role: Condition, filter: anyInt, evidence: Strong, directive: "errors.status", context: "Traefik errors middleware status"})
			return
		}
	}
	// What is left takes known codes and classes only, in the words that
	// prose reads them from; most values with digits (versions, sizes,
	// c5.2xlarge) hold none.
	if start, _ := nextCodeWord(text[vs:ve], 0); start < 0 {
		return
	}
	// retriable_status_codes: [503, 504], expected_statuses: "200,204": a
	// key that names a list of statuses, holding a list of numbers (not
	// statuses_shown: 100).
	if (ctx.inList || bytes.ContainsAny(text[vs:ve], ",-")) && numberList(text[vs:ve]) && s.namesStatusList(key) {
		s.codeList(vs, ve, argAll, slot{role: Condition, filter: knownOnly, evidence: Strong, context: "in a list of statuses"})
		return
	}
	// A bare number (timeout: 300) is read by the rules above alone; any
	// other value as prose (retry_on: 5xx,reset).
	if _, isInt := atoi(text[vs:ve]); quoted || !isInt {
		s.prose(vs, ve, InString)
	}
}

// valueKey is what a key tells of the values under it, as dataValue
// reads it: an ingress annotation that lists codes, Traefik's errors
// status, or a key (the key itself, or the property a schema's example
// describes) whose class says status.
type valueKey struct {
	annotation *annotationRule
	traefik    bool
	ok         bool
	class      keyClass
	key        []byte
}

// valueKeyOf returns what key, where ctx says it stands, tells of its
// values, remembered for the last key asked: the elements of a list, and
// the records of a data file, ask it of the same key over and over.
func (s *scan) valueKeyOf(key []byte, ctx dataCtx) valueKey {
	c := &s.lastValueKey
	if c.asked && bytes.Equal(key, c.key) && bytes.Equal(ctx.parent, c.parent) && ctx.respAncestor == c.respAncestor {
		return c.meaning
	}
	*c = valueKeyCache{asked: true, key: key, parent: ctx.parent, respAncestor: ctx.respAncestor, meaning: readValueKey(key, ctx)}
	return c.meaning
}

// valueKeyCache is the last key valueKeyOf was asked about, and its answer.
type valueKeyCache struct {
	asked        bool
	key, parent  []byte
	respAncestor bool
	meaning      valueKey
}

// readValueKey works out what valueKeyOf returns.
func readValueKey(key []byte, ctx dataCtx) valueKey {
	if len(key) >= annotationShape.minLen && annotationShape.last[key[len(key)-1]] {
		name := key
		if i := bytes.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
		for i := range annotationRules {
			if string(name) == annotationRules[i].name {
				return valueKey{annotation: &annotationRules[i]}
			}
		}
	}
	if ctx.errorsParent && (string(key) == "status" || string(key) == "statuses") {
		return valueKey{traefik: true}
	}
	if schemaValueKeys[string(key)] && ctx.parent != nil {
		// status: {type: integer, example: 404, enum: [400, 404]}: a
		// schema's example, enum or default of a property that says status
		// is one of its values.
		if _, ok := classifyKey(ctx.parent); ok {
			key = ctx.parent
		}
	}
	kc, ok := classifyKey(key)
	if !ok && (string(key) == "code" || string(key) == "Code") && ctx.respAncestor {
		kc, ok = keyClass{Status, knownOnly, Weak}, true
	}
	return valueKey{ok: ok, class: kc, key: key}
}

// schemaValueKeys are the keys of a JSON Schema that hold values of the
// property they describe.
var schemaValueKeys = map[string]bool{"example": true, "examples": true, "enum": true, "default": true, "const": true}

// namesStatusList is statusListName, remembered for the last key asked.
func (s *scan) namesStatusList(key []byte) bool {
	if s.listKey == nil || !bytes.Equal(key, s.listKey) {
		s.listKey, s.listKeyIs = key, statusListName(key)
	}
	return s.listKeyIs
}

// numberList reports whether b holds numbers and nothing but the commas,
// dashes, blanks and quotes of a list or range of them ("503, 504",
// "500-599").
func numberList(b []byte) bool {
	digits := false
	for _, c := range b {
		switch {
		case isDigit(c):
			digits = true
		case c != ',' && c != '-' && c != ' ' && c != '"' && c != '\'':
			return false
		}
	}
	return digits
}

// codeList reports the codes in a list such as "404,503", "500-599",
// "error timeout http_502" or [500, 502].
func (s *scan) codeList(vs, ve int, mode argsMode, sl slot) {
	text := s.text
	i := vs
	for i < ve {
		for i < ve && !isIdentByte(text[i]) {
			i++
		}
		j := i
		for j < ve && isIdentByte(text[j]) {
			j++
		}
		if j > i {
			switch mode {
			case argHTTPPrefixed:
				s.httpPrefixed(i, j, sl)
			default:
				s.addNumber(i, j, NumericLiteral, InString, sl)
			}
			if mode == argFirst {
				return
			}
		}
		i = j
	}
}
