package analysis

// JSON (and JSONC, with comments) is tokenised by hand rather than with
// encoding/json: the scanner needs byte offsets of keys and values, keeps
// going through invalid or templated files, and allocates nothing per
// token. Each container remembers its own key, so a value knows its key and
// the keys around it, which is what the data rules in data.go ask.

type jsonLevel struct {
	obj       bool
	own       [2]int // the key this container is the value of; own[1] == 0 when none
	cur       [2]int // the current key of an object
	expectKey bool
	// resp: own or the key of an enclosing container mentions a response,
	// worked out once when the container opens.
	resp bool
}

func (s *scan) scanJSON() { s.scanJSONRange(0, len(s.text)) }

// scanJSONRange scans text[lo:hi] as JSON.
func (s *scan) scanJSONRange(lo, hi int) {
	text := s.text[:hi]
	stack := s.json[:0]
	defer func() { s.json = stack }()
	keyOf := func(sp [2]int) []byte { return text[sp[0]:sp[1]] }
	ctxAt := func(depth int) dataCtx {
		var c dataCtx
		if depth > 0 && stack[depth-1].own[1] > 0 {
			c.parent = keyOf(stack[depth-1].own)
			c.errorsParent = string(c.parent) == "errors"
		}
		c.respAncestor = depth > 0 && stack[depth-1].resp
		return c
	}
	value := func(vs, ve int, quoted bool) {
		if len(stack) == 0 {
			return
		}
		t := stack[len(stack)-1]
		switch {
		case t.obj && t.cur[1] > 0:
			s.dataValue(keyOf(t.cur), vs, ve, quoted, ctxAt(len(stack)))
		case !t.obj && t.own[1] > 0:
			c := ctxAt(len(stack) - 1)
			c.inList = true
			s.dataValue(keyOf(t.own), vs, ve, quoted, c)
		}
	}
	i := lo
	for i < len(text) {
		c := text[i]
		if jsonBlank[c] {
			// Indentation is most of a pretty-printed file.
			i++
			continue
		}
		switch {
		case c == '{' || c == '[':
			l := jsonLevel{obj: c == '{', expectKey: c == '{'}
			if n := len(stack); n > 0 {
				if stack[n-1].obj {
					l.own = stack[n-1].cur
				} else {
					l.own = stack[n-1].own
				}
				l.resp = stack[n-1].resp
			}
			l.resp = l.resp || l.own[1] > 0 && containsWordFold(keyOf(l.own), responseWord)
			stack = append(stack, l)
			i++
		case c == '}' || c == ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			i++
		case c == ':':
			if len(stack) > 0 {
				stack[len(stack)-1].expectKey = false
			}
			i++
		case c == ',':
			if n := len(stack); n > 0 && stack[n-1].obj {
				stack[n-1].expectKey = true
			}
			i++
		case c == '"':
			j := lineStringEnd(text, i+1, '"')
			if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].expectKey {
				stack[n-1].cur = [2]int{i + 1, j}
				s.dataKey(i+1, j, true, ctxAt(n))
			} else {
				value(i+1, j, true)
			}
			i = j + 1
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			j := lineEnd(text, i, len(text))
			s.prose(i, j, InComment)
			i = j
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			j := i + 2
			for j+1 < len(text) && !(text[j] == '*' && text[j+1] == '/') {
				j++
			}
			j = min(j+2, len(text))
			s.prose(i, j, InComment)
			i = j
		case isDigit(c) || c == '-':
			j := i + 1
			for j < len(text) && (isDigit(text[j]) || text[j] == '.' || text[j] == 'e' || text[j] == 'E' || text[j] == '+' || text[j] == '-') {
				j++
			}
			if c != '-' {
				value(i, j, false)
			}
			i = j
		default:
			i++
		}
	}
}

// jsonBlank marks the bytes between JSON tokens.
var jsonBlank = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}
