package analysis

import (
	"go/scanner"
	gotoken "go/token"
)

// scanGo scans Go source with the standard library's go/scanner, as the
// issue asks, and feeds its tokens to the shared engine. go/scanner builds
// a string for every identifier, literal and comment, so Go files allocate
// per token; the benchmark reports the cost.
func (s *scan) scanGo() {
	fset := gotoken.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(s.text))
	var sc scanner.Scanner
	sc.Init(file, s.text, func(gotoken.Position, string) {}, scanner.ScanComments)
	e := s.newEngine(Go)
	for {
		pos, tok, lit := sc.Scan()
		off := file.Offset(pos)
		t := token{start: off}
		switch {
		case tok == gotoken.EOF:
			t = token{kind: tEOF, start: len(s.text), end: len(s.text)}
		case tok == gotoken.COMMENT:
			t.kind, t.end = tComment, min(off+len(lit), len(s.text))
			t.cs, t.ce = t.start, t.end
		case tok == gotoken.IDENT || tok.IsKeyword():
			t.kind, t.end = tIdent, off+len(tok.String())
			if tok == gotoken.IDENT {
				t.end = off + len(lit)
			}
		case tok == gotoken.INT || tok == gotoken.FLOAT || tok == gotoken.IMAG:
			t.kind, t.end = tNumber, off+len(lit)
		case tok == gotoken.STRING || tok == gotoken.CHAR:
			t.kind, t.end = tString, min(off+len(lit), len(s.text))
			t.cs, t.ce = min(t.start+1, t.end), max(t.start+1, t.end-1)
		case tok == gotoken.SEMICOLON && lit != ";":
			t.kind, t.end = tNewline, min(off+1, len(s.text))
		case tok == gotoken.ILLEGAL:
			continue
		default:
			t.kind, t.end = tPunct, min(off+len(tok.String()), len(s.text))
		}
		e.feed(t)
		if t.kind == tEOF {
			return
		}
	}
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
