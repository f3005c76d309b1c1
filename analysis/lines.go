package analysis

// Helpers for the line-oriented configuration formats (Apache, HAProxy,
// Caddy): a line is split into words in a fixed array, without allocating.

type words struct {
	w [maxArgs][2]int
	n int
}

// splitWords splits text[lo:hi] at blanks; a quoted word keeps its quotes.
// It stops at a "#" that starts a word (a comment) and returns its offset,
// or hi.
func splitWords(text []byte, lo, hi int, ws *words) int {
	ws.n = 0
	i := lo
	for i < hi {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#':
			return i
		}
		j := i
		if c == '"' || c == '\'' || c == '`' {
			j++
			for j < hi && text[j] != c {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, hi)
		} else {
			for j < hi && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' {
				j++
			}
		}
		if ws.n < maxArgs {
			ws.w[ws.n] = [2]int{i, j}
			ws.n++
		}
		i = j
	}
	return hi
}

func (ws *words) word(text []byte, k int) []byte {
	if k >= ws.n {
		return nil
	}
	return text[ws.w[k][0]:ws.w[k][1]]
}

// eachLine calls fn for every line of text, without its newline.
func eachLine(text []byte, fn func(lo, hi int)) {
	i := 0
	for i < len(text) {
		j := lineEnd(text, i, len(text))
		fn(i, j)
		i = j + 1
	}
}

// numberAfter reports the digits right after the prefix at text[i:],
// e.g. "R=301" or "status:403"; it returns the span of the digits.
func digitsAt(text []byte, i, hi int) (int, int) {
	j := i
	for j < hi && isDigit(text[j]) {
		j++
	}
	return i, j
}

// compareAfter reports a number compared with a status variable:
// "%{REQUEST_STATUS} == 404", "{err.status_code} in [404, 410]". i is the
// end of the variable.
func (s *scan) compareAfter(i, hi int, sl slot) {
	text := s.text
	for i < hi && (text[i] == ' ' || text[i] == '}' || text[i] == ')') {
		i++
	}
	op := i
	for i < hi && (text[i] == '=' || text[i] == '!' || text[i] == '<' || text[i] == '>' || text[i] == '-' || isLetter(text[i])) {
		i++
	}
	switch string(text[op:i]) {
	case "==", "!=", "=", "-eq", "-ne", "in", ">=", "<=", ">", "<":
	default:
		return
	}
	for i < hi && (text[i] == ' ' || text[i] == '[' || text[i] == '"' || text[i] == '\'') {
		i++
	}
	for i < hi {
		a, b := digitsAt(text, i, hi)
		if b == a {
			return
		}
		s.addNumber(a, b, NumericLiteral, InCode, sl)
		i = b
		for i < hi && (text[i] == ',' || text[i] == ' ') {
			i++
		}
	}
}
