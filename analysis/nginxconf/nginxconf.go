// Package nginxconf parses nginx configuration into directives with their
// arguments, byte spans and nesting, which the nginx checks need: which
// block a directive sits in, whether that block or an enclosing one
// proxies or sets limit_req_status, and where to insert a directive with
// the right indentation.
//
// The detection scanner (analysis/nginx.go) reads the same syntax in a
// single allocation-free pass and only needs the directive at hand, so it
// does not build this tree; the checks, which run once per file after it,
// can afford one. No Go library parses nginx syntax with offsets (the
// crossplane ports keep line numbers only), hence this small parser.
// It never fails: unbalanced braces and unterminated directives end where
// the text does.
package nginxconf

import "strings"

// Word is one argument as written, quotes included.
type Word struct {
	Text       string
	Start, End int
}

// Directive is a simple directive ("return 301 https://x;") or a block
// ("location / { ... }").
type Directive struct {
	Name string
	// NameStart is the offset of the name; End is just after the ";" or,
	// for a block, the "}".
	NameStart, End int
	Args           []Word
	// Block holds the directives inside the braces; it is nil for a simple
	// directive, non-nil (maybe empty) for a block.
	Block []*Directive
	// Parent is the enclosing block; top-level directives share a parent
	// with no name, the file's main context, so that Find sees them.
	Parent *Directive
}

// IsBlock reports whether the directive opens a block.
func (d *Directive) IsBlock() bool { return d.Block != nil }

// Parse reads a configuration and returns its top-level directives.
// Comments are skipped; the bodies of *_by_lua_block directives are Lua,
// and are skipped whole.
func Parse(text []byte) []*Directive {
	p := parser{text: text}
	root := &Directive{Block: []*Directive{}}
	p.block(root)
	return root.Block
}

type parser struct {
	text []byte
	pos  int
}

func (p *parser) block(parent *Directive) {
	var cur *Directive
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.pos++
		case c == '#':
			for p.pos < len(p.text) && p.text[p.pos] != '\n' {
				p.pos++
			}
		case c == ';':
			p.pos++
			if cur != nil {
				cur.End = p.pos
				cur = nil
			}
		case c == '{' && !(p.pos+1 < len(p.text) && (p.text[p.pos+1] == '{' || p.text[p.pos+1] == '%')):
			// A template action ({{ }}, {% %}) is a word; this is a block.
			p.pos++
			if cur == nil {
				cur = &Directive{NameStart: p.pos - 1, Parent: parent}
				parent.Block = append(parent.Block, cur)
			}
			cur.Block = []*Directive{}
			if strings.HasSuffix(cur.Name, "_by_lua_block") {
				p.skipBraces()
			} else {
				p.block(cur)
			}
			cur.End = p.pos
			cur = nil
		case c == '}':
			if cur != nil {
				cur.End = p.pos
			}
			p.pos++
			if parent.Parent != nil || parent.Name != "" {
				return
			}
		default:
			w := p.word()
			if cur == nil {
				cur = &Directive{Name: w.Text, NameStart: w.Start, End: w.End, Parent: parent}
				parent.Block = append(parent.Block, cur)
				continue
			}
			cur.Args = append(cur.Args, w)
			cur.End = w.End
		}
	}
}

// word reads a quoted string or a bare word, in which ${var} and template
// actions {{ }} are part of the word.
func (p *parser) word() Word {
	t, i := p.text, p.pos
	if q := t[i]; q == '"' || q == '\'' {
		j := i + 1
		for j < len(t) && t[j] != q {
			if t[j] == '\\' {
				j++
			}
			j++
		}
		p.pos = min(j+1, len(t))
		return Word{Text: string(t[i:p.pos]), Start: i, End: p.pos}
	}
	j := i
loop:
	for j < len(t) {
		switch c := t[j]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';':
			break loop
		case c == '{' && j+1 < len(t) && (t[j+1] == '{' || t[j+1] == '%'):
			for j+1 < len(t) && !(t[j] == '}' && (t[j-1] == '}' || t[j-1] == '%')) {
				j++
			}
		case c == '{' && j > i && t[j-1] == '$':
			for j < len(t) && t[j] != '}' {
				j++
			}
		case c == '{' || c == '}':
			break loop
		}
		j++
	}
	j = min(j, len(t))
	if j == i {
		j++ // a lone brace or stray byte: consume it so the parser moves on
	}
	p.pos = j
	return Word{Text: string(t[i:j]), Start: i, End: j}
}

// skipBraces skips a Lua block body up to its closing brace, counting
// braces outside strings.
func (p *parser) skipBraces() {
	depth := 0
	for p.pos < len(p.text) {
		switch c := p.text[p.pos]; c {
		case '"', '\'':
			p.pos++
			for p.pos < len(p.text) && p.text[p.pos] != c {
				if p.text[p.pos] == '\\' {
					p.pos++
				}
				p.pos++
			}
		case '{':
			depth++
		case '}':
			if depth == 0 {
				p.pos++
				return
			}
			depth--
		}
		p.pos++
	}
}

// Walk calls fn for every directive, depth first, in file order.
func Walk(ds []*Directive, fn func(*Directive)) {
	for _, d := range ds {
		fn(d)
		Walk(d.Block, fn)
	}
}

// Find returns the first directive named name in the block or an
// enclosing one, nearest first, as nginx inherits most settings.
func (d *Directive) Find(name string) *Directive {
	for b := d.Parent; b != nil; b = b.Parent {
		for _, s := range b.Block {
			if s.Name == name {
				return s
			}
		}
	}
	return nil
}
