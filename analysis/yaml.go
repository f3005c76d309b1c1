package analysis

import (
	"bytes"
	"strings"
)

// YAML is read line by line, keeping the stack of enclosing keys by
// indentation. That is all the structure the rules need (the parent of an
// OpenAPI response key, the key of a value), it tolerates Helm templates
// that a YAML parser rejects, and it costs no allocation per line.

type yamlKey struct {
	indent int
	key    []byte
	// resp: this key or one above it mentions a response, worked out once
	// when the key is pushed rather than for every line below it.
	resp bool
}

// snippetKeys: ingress-nginx annotations whose value is nginx configuration.
func isSnippetKey(key []byte) bool {
	return bytes.HasSuffix(key, []byte("-snippet")) || bytes.HasSuffix(key, []byte("-snippets"))
}

// scanYAML scans the file as YAML: OpenAPI response keys, keys that say
// status, Kubernetes annotations and the nginx snippets in them.
func (s *scan) scanYAML() { s.scanYAMLRange(0, len(s.text)) }

// scanYAMLRange scans text[lo:hi] as YAML.
func (s *scan) scanYAMLRange(lo, hi int) {
	text := s.text[:hi]
	stack := s.yaml[:0]
	defer func() { s.yaml = stack }()
	i := lo
	for i < len(text) {
		eol := lineEnd(text, i, len(text))
		line := i
		i = eol + 1
		ind := line
		for ind < eol && text[ind] == ' ' {
			ind++
		}
		if ind == eol || text[ind] == '\r' {
			continue
		}
		if eol-line >= 3 && string(text[line:line+3]) == "---" {
			stack = stack[:0]
			continue
		}
		j := ind
		item := false
		for j < eol && text[j] == '-' && (j+1 == eol || text[j+1] == ' ') {
			j += 2
			item = true
			for j < eol && text[j] == ' ' {
				j++
			}
		}
		if j >= eol {
			continue
		}
		if text[j] == '#' {
			s.prose(j, eol, InComment)
			continue
		}
		ks, ke, quoted, vstart, hasKey := yamlKeyAt(text, j, eol)
		col := j - line
		for len(stack) > 0 && stack[len(stack)-1].indent >= col {
			stack = stack[:len(stack)-1]
		}
		ctx := yamlCtx(stack)
		if !hasKey {
			// A list item or a continuation: the value of the enclosing key.
			if item && len(stack) > 0 {
				vs, ve, q := scalarSpan(text, j, eol, s)
				c := yamlCtx(stack[:len(stack)-1])
				c.inList = true
				s.dataValue(stack[len(stack)-1].key, vs, ve, q, c)
			} else {
				vs, ve, _ := scalarSpan(text, j, eol, s)
				s.prose(vs, ve, InString)
			}
			continue
		}
		key := text[ks:ke]
		s.dataKey(ks, ke, quoted, ctx)
		v := vstart
		for v < eol && text[v] == ' ' {
			v++
		}
		switch {
		case v >= eol || text[v] == '#' || text[v] == '\r':
			if v < eol && text[v] == '#' {
				s.prose(v, eol, InComment)
			}
			stack = yamlPush(stack, col, key)
		case text[v] == '|' || text[v] == '>':
			// A block scalar: the lines indented deeper than the key.
			end := i
			for end < len(text) {
				e2 := lineEnd(text, end, len(text))
				k := end
				for k < e2 && text[k] == ' ' {
					k++
				}
				if k < e2 && text[k] != '\r' && k-end <= ind-line {
					break
				}
				end = e2 + 1
			}
			end = min(end, len(text))
			if i < end {
				if isSnippetKey(key) {
					s.scanNginx(i, end)
				} else {
					s.prose(i, end, InString)
				}
			}
			i = end
		case text[v] == '{' && !(v+1 < eol && text[v+1] == '{'):
			// A flow mapping (a Helm template's {{ is none); left open at
			// the line's end, the lines below are its keys.
			stack = yamlPush(stack, col, key)
			if s.yamlFlowMap(text, v, eol, stack) {
				stack = stack[:len(stack)-1]
			}
		case text[v] == '[':
			s.yamlFlowSeq(text, v, eol, key, ctx)
		default:
			vs, ve, q := scalarSpan(text, v, eol, s)
			s.dataValue(key, vs, ve, q, ctx)
		}
	}
}

// yamlFlowMap reads the flow mapping that opens at text[v], on its line
// ({ '200': { description: OK } }, {"503": {...}}), under the keys of
// stack, the last of which holds it: each of its keys and values as the
// same key and value on lines of their own. It reports whether the mapping
// closes on the line.
func (s *scan) yamlFlowMap(text []byte, v, eol int, stack []yamlKey) bool {
	depth := len(stack)
	i := v + 1
	for i < eol && len(stack) >= depth {
		switch c := text[i]; {
		case c == ' ' || c == ',' || c == '\r':
			i++
			continue
		case c == '}':
			stack = stack[:len(stack)-1]
			i++
			continue
		case c == '#' && text[i-1] == ' ':
			s.prose(i, eol, InComment)
			return false
		}
		// A key, quoted or plain, then a colon.
		ks, ke, next, quoted := yamlFlowScalar(text, i, eol, ":,}")
		for i = next; i < eol && text[i] == ' '; i++ {
		}
		if i >= eol || text[i] != ':' {
			continue // no key: a set's entry, or text this reading does not follow
		}
		key := text[ks:ke]
		s.dataKey(ks, ke, quoted, yamlCtx(stack))
		i++
		for i < eol && text[i] == ' ' {
			i++
		}
		if i == eol {
			break
		}
		switch text[i] {
		case '{':
			stack = yamlPush(stack, 0, key)
			i++
		case '[':
			i = min(s.yamlFlowSeq(text, i, eol, key, yamlCtx(stack))+1, eol)
		default:
			vs, ve, next, quoted := yamlFlowScalar(text, i, eol, ",}")
			s.dataValue(key, vs, ve, quoted, yamlCtx(stack))
			i = next
		}
	}
	if len(stack) < depth {
		if c := bytes.Index(text[i:eol], []byte(" #")); c >= 0 {
			s.prose(i+c+1, eol, InComment)
		}
		return true
	}
	return false
}

// yamlFlowSeq reads the flow sequence that opens at text[v] on its line
// ([500, 502], ["500-599"]) as the value of key, whose place ctx gives,
// and returns the index of its ] (or eol).
func (s *scan) yamlFlowSeq(text []byte, v, eol int, key []byte, ctx dataCtx) int {
	end := v
	for end < eol && text[end] != ']' {
		end++
	}
	ctx.inList = true
	s.dataValue(key, v+1, end, false, ctx)
	return end
}

// yamlFlowScalar returns the span of the scalar at text[i] in a flow
// collection, inside its quotes, or up to a byte of stops without the
// blanks before that byte, and where what follows it starts: past the
// closing quote, or at the byte of stops.
func yamlFlowScalar(text []byte, i, eol int, stops string) (start, end, next int, quoted bool) {
	if q := text[i]; q == '"' || q == '\'' {
		end = yamlQuoteEnd(text, i+1, eol, q)
		return i + 1, end, min(end+1, eol), true
	}
	next = i
	for next < eol && strings.IndexByte(stops, text[next]) < 0 {
		next++
	}
	end = next
	for end > i && text[end-1] == ' ' {
		end--
	}
	return i, end, next, false
}

// yamlQuoteEnd returns the index of the quote q that closes the quoted
// scalar whose content starts at k, or eol; a backslash escapes the next
// byte in double quotes only.
func yamlQuoteEnd(text []byte, k, eol int, q byte) int {
	for k < eol && text[k] != q {
		if text[k] == '\\' && q == '"' {
			k++
		}
		k++
	}
	return min(k, eol)
}

// yamlPush returns stack with key pushed at indent: a key whose value is
// on the lines below, or a flow mapping's.
func yamlPush(stack []yamlKey, indent int, key []byte) []yamlKey {
	resp := len(stack) > 0 && stack[len(stack)-1].resp || containsWordFold(key, responseWord)
	return append(stack, yamlKey{indent: indent, key: key, resp: resp})
}

// yamlCtx describes the position under the keys of stack.
func yamlCtx(stack []yamlKey) dataCtx {
	var c dataCtx
	if len(stack) > 0 {
		c.parent = stack[len(stack)-1].key
		c.errorsParent = string(c.parent) == "errors"
	}
	c.respAncestor = len(stack) > 0 && stack[len(stack)-1].resp
	return c
}

// responseWord: a key containing it makes a bare "code" below it a status.
var responseWord = []string{"response"}

// yamlKeyAt reads "key:" at j: a plain or quoted key followed by a colon
// and a blank or the line end. It returns the key without quotes and where
// its value starts.
func yamlKeyAt(text []byte, j, eol int) (ks, ke int, quoted bool, vstart int, ok bool) {
	if q := text[j]; q == '"' || q == '\'' {
		k := yamlQuoteEnd(text, j+1, eol, q)
		if k+1 < eol && text[k+1] == ':' && (k+2 == eol || text[k+2] == ' ' || text[k+2] == '\r') {
			return j + 1, k, true, k + 2, true
		}
		return 0, 0, false, 0, false
	}
	switch text[j] {
	case '{', '[', '|', '>', '&', '*', '!', '%', '@', '`':
		return 0, 0, false, 0, false
	}
	for k := j; k < eol; k++ {
		c := text[k]
		if c == ' ' && k+1 < eol && text[k+1] == '#' {
			return 0, 0, false, 0, false
		}
		if c == ':' && (k+1 == eol || text[k+1] == ' ' || text[k+1] == '\r') {
			ke := k
			for ke > j && text[ke-1] == ' ' {
				ke--
			}
			return j, ke, false, k + 1, true
		}
		if c == '{' && k+1 < eol && text[k+1] == '{' {
			return 0, 0, false, 0, false // a Helm template line
		}
	}
	return 0, 0, false, 0, false
}

// scalarSpan returns the content of a scalar starting at v: inside the
// quotes, or up to a " #" comment (which it scans as prose).
func scalarSpan(text []byte, v, eol int, s *scan) (int, int, bool) {
	if q := text[v]; q == '"' || q == '\'' {
		k := yamlQuoteEnd(text, v+1, eol, q)
		if c := bytes.Index(text[k:eol], []byte(" #")); c >= 0 {
			s.prose(k+c+1, eol, InComment)
		}
		return v + 1, k, true
	}
	end := eol
	if c := bytes.Index(text[v:eol], []byte(" #")); c >= 0 {
		end = v + c
		s.prose(end+1, eol, InComment)
	}
	for end > v && (text[end-1] == ' ' || text[end-1] == '\r') {
		end--
	}
	return v, end, false
}
