package analysis

import (
	"bytes"
	"go/scanner"
	gotoken "go/token"
	"strings"
)

// scanGo scans the candidate regions of Go source (see regions.go), or the
// whole file when SlotAt probes it, since the probe need not look like a
// candidate.
func (s *scan) scanGo() {
	if s.probe >= 0 || s.a.wholeFiles {
		s.scanGoRange(0, len(s.text), nil)
		return
	}
	goRegions(s.text, s.a.triggers[Go], s.commentProse(), func(lo, hi int, open []openBlock) { s.scanGoRange(lo, hi, open) })
}

// scanGoRange scans text[lo:hi] with the standard library's go/scanner, as
// the issue asks, and feeds its tokens to the shared engine, which starts
// inside the blocks open there (see goRegions). go/scanner
// builds a string for every identifier, literal and comment, so Go
// regions allocate per token; the benchmark reports the cost.
func (s *scan) scanGoRange(lo, hi int, open []openBlock) {
	text := s.text[:hi]
	fset := gotoken.NewFileSet()
	file := fset.AddFile("", fset.Base(), hi-lo)
	// go/scanner records every line start in the file's line table; lend
	// it the scan's table, whose capacity outlives the span, rather than
	// let each span grow a table of its own.
	if need := bytes.Count(text[lo:], []byte("\n")) + 1; cap(s.goLines) < need {
		s.goLines = make([]int, 1, max(need, 2*cap(s.goLines)))
	}
	if file.SetLines(s.goLines[:1]) {
		defer func() { s.goLines = file.Lines() }()
	}
	var sc scanner.Scanner
	sc.Init(file, text[lo:], func(gotoken.Position, string) {}, scanner.ScanComments)
	e := s.newEngine(Go)
	for _, b := range open {
		e.enter(b)
	}
	for {
		pos, tok, lit := sc.Scan()
		off := lo + file.Offset(pos)
		t := token{start: off}
		switch {
		case tok == gotoken.EOF:
			t = token{kind: tEOF, start: hi, end: hi}
		case tok == gotoken.COMMENT:
			t.kind, t.end = tComment, goLiteralEnd(text, off, hi, lit)
			t.cs, t.ce = t.start, t.end
		case tok == gotoken.IDENT || tok.IsKeyword():
			t.kind, t.end = tIdent, off+len(tok.String())
			if tok == gotoken.IDENT {
				t.end = off + len(lit)
			}
		case tok == gotoken.INT || tok == gotoken.FLOAT || tok == gotoken.IMAG:
			t.kind, t.end = tNumber, off+len(lit)
		case tok == gotoken.STRING || tok == gotoken.CHAR:
			t.kind, t.end = tString, goLiteralEnd(text, off, hi, lit)
			t.cs, t.ce = min(t.start+1, t.end), t.end
			if t.end-t.start >= 2 && s.text[t.end-1] == s.text[t.start] {
				t.ce = t.end - 1 // the closing quote; an unterminated literal has none
			}
		case tok == gotoken.SEMICOLON && lit != ";":
			t.kind, t.end = tNewline, min(off+1, hi)
		case tok == gotoken.ILLEGAL:
			continue
		default:
			t.kind, t.end = tPunct, min(off+len(tok.String()), hi)
		}
		e.feed(t)
		if t.kind == tEOF {
			return
		}
	}
}

// goLiteralEnd returns where the comment or literal that go/scanner read
// as lit at off ends in text (at hi at most). go/scanner removes carriage
// returns from comments and raw strings, so in a file with CRLF line ends
// lit is shorter than its source, and the end is found in the source.
func goLiteralEnd(text []byte, off, hi int, lit string) int {
	end := min(off+len(lit), hi)
	if bytes.IndexByte(text[off:end], '\r') < 0 {
		return end // nothing removed before the end
	}
	find := func(from int, close string) int {
		if k := bytes.Index(text[min(from, hi):hi], []byte(close)); k >= 0 {
			return from + k + len(close)
		}
		return hi
	}
	switch {
	case strings.HasPrefix(lit, "//"):
		// Up to the line's end, and before a carriage return there, both
		// of which go/scanner leaves out.
		end = hi
		if k := bytes.IndexByte(text[off:hi], '\n'); k >= 0 {
			end = off + k
		}
		if end > off && text[end-1] == '\r' {
			end--
		}
		return end
	case strings.HasPrefix(lit, "/*"):
		return find(off+2, "*/")
	case strings.HasPrefix(lit, "`"):
		return find(off+1, "`")
	}
	return end
}

// goStructFields returns the fields of the struct type whose body starts
// at text[0], just past its brace, read with go/scanner up to the closing
// brace: the names declared, in order (a, b int are two), and an embedded
// type (*pkg.T) as one, named by its first word.
func goStructFields(text []byte) [][]byte {
	file := gotoken.NewFileSet().AddFile("", -1, len(text))
	var sc scanner.Scanner
	sc.Init(file, text, nil, 0)
	var names [][]byte
	depth, start := 0, true // start: the next name begins a field
	for {
		pos, tok, lit := sc.Scan()
		switch tok {
		case gotoken.EOF:
			return names
		case gotoken.LPAREN, gotoken.LBRACK, gotoken.LBRACE:
			depth++
		case gotoken.RPAREN, gotoken.RBRACK, gotoken.RBRACE:
			if depth == 0 {
				return names
			}
			depth--
		case gotoken.IDENT:
			if depth == 0 && start {
				off := file.Offset(pos)
				names = append(names, text[off:off+len(lit)])
			}
			start = start && depth > 0
		case gotoken.COMMA, gotoken.SEMICOLON:
			start = start || depth == 0
		}
	}
}

// goStructType returns the fields of the struct type that the file
// declares under name (type name struct {, or name struct { in a type
// group), or nil; the answer is kept for the rest of the file.
func (s *scan) goStructType(name []byte) *fieldNames {
	if f, ok := s.goTypes[string(name)]; ok {
		return f
	}
	var f *fieldNames
	for at := range indexes(s.text, name) {
		off := at + len(name)
		if at > 0 && identByte[s.text[at-1]] || off < len(s.text) && identByte[s.text[off]] {
			continue
		}
		before := bytes.TrimRight(s.text[:at], " \t")
		if !(len(before) == 0 || before[len(before)-1] == '\n' || lastWord(before) == "type") {
			continue
		}
		rest := bytes.TrimLeft(s.text[off:], " \t")
		if rest, ok := bytes.CutPrefix(rest, []byte("struct")); ok {
			if rest = bytes.TrimLeft(rest, " \t"); len(rest) > 0 && rest[0] == '{' {
				f = &fieldNames{names: goStructFields(rest[1:]), body: -1}
				break
			}
		}
	}
	if s.goTypes == nil {
		s.goTypes = map[string]*fieldNames{}
	}
	s.goTypes[string(name)] = f
	return f
}

// goImportPath records an aliased import of an ecosystem's package
// (nethttp "net/http"), so that nethttp.StatusOK is found.
func (e *engine) goImportPath(t token) {
	alias := e.goAlias
	e.goAlias = nil
	if alias == nil || string(alias) == "_" || string(alias) == "." || t.ce <= t.cs {
		return
	}
	path := e.text[t.cs:t.ce]
	for _, ecs := range e.s.a.consts.byLang["go"] {
		for _, ec := range ecs {
			if ec.importPath == string(path) {
				if e.s.goAliases == nil {
					e.s.goAliases = map[string]*ecoConsts{}
				}
				e.s.goAliases[string(alias)] = ec
			}
		}
	}
}
