// Package apacheconf reads Apache httpd configuration (httpd.conf, site
// files, .htaccess) into directives with their arguments, byte spans and
// section nesting (<VirtualHost>, <Location>, <IfModule>), which the Apache
// checks need: a Redirect's path and URL, a RewriteRule's substitution and
// flags, and where each argument sits so that a fix can rewrite it.
//
// The detection scanner (analysis/apache.go) reads the same lines in a
// single allocation-free pass for the codes alone; the checks, which run
// once per file after it, can afford a tree. No Go library reads httpd
// syntax with offsets, hence this small reader. It never fails: an
// unclosed section ends where the text does, a stray closing tag is
// ignored.
package apacheconf

import "strings"

// Word is one argument as written, quotes included.
type Word struct {
	Text       string
	Start, End int
}

// Value returns the word without the quotes around it, which is what httpd
// passes to the directive.
func (w Word) Value() string {
	if n := len(w.Text); n >= 2 && (w.Text[0] == '"' || w.Text[0] == '\'') && w.Text[n-1] == w.Text[0] {
		return w.Text[1 : n-1]
	}
	return w.Text
}

// Directive is one directive ("Redirect 301 /old https://example.com/new")
// or a section ("<VirtualHost *:80> ... </VirtualHost>").
type Directive struct {
	// Name is as written (httpd ignores its case); a section's is without
	// the "<".
	Name string
	// NameStart is the offset of the name (of the "<" for a section); End
	// is just after the last argument, or after a section's closing tag.
	NameStart, End int
	Args           []Word
	// Block holds the directives inside a section; nil for a directive,
	// non-nil (maybe empty) for a section.
	Block []*Directive
	// Parent is the enclosing section; top-level directives share a parent
	// with no name.
	Parent *Directive
}

// IsSection reports whether the directive is a section.
func (d *Directive) IsSection() bool { return d.Block != nil }

// Parse reads a configuration and returns its top-level directives.
//
// Comment lines start with "#". httpd has no trailing comments (a "#"
// after a directive is an argument, which most directives then reject),
// but files carry them anyway, so a word starting with "#" ends the
// directive here. A backslash at the end of a line continues the
// directive on the next one.
func Parse(text []byte) []*Directive {
	root := &Directive{Block: []*Directive{}}
	cur := root
	for pos := 0; pos < len(text); {
		words, next := line(text, pos)
		pos = next
		if len(words) == 0 {
			continue
		}
		first := words[0]
		switch {
		case strings.HasPrefix(first.Text, "</"):
			name := strings.TrimSuffix(first.Text[2:], ">")
			for s := cur; s != root; s = s.Parent {
				if strings.EqualFold(s.Name, name) {
					s.End = words[len(words)-1].End
					cur = s.Parent
					break
				}
			}
		case strings.HasPrefix(first.Text, "<") && len(first.Text) > 1:
			d := &Directive{Parent: cur, NameStart: first.Start, Block: []*Directive{}}
			words[0].Text, words[0].Start = first.Text[1:], first.Start+1
			last := &words[len(words)-1]
			if strings.HasSuffix(last.Text, ">") {
				last.Text, last.End = last.Text[:len(last.Text)-1], last.End-1
			}
			d.Name, d.Args, d.End = words[0].Text, nonEmpty(words[1:]), len(text)
			cur.Block = append(cur.Block, d)
			cur = d
		default:
			d := &Directive{Parent: cur, Name: first.Text, NameStart: first.Start, Args: words[1:], End: words[len(words)-1].End}
			cur.Block = append(cur.Block, d)
		}
	}
	return root.Block
}

func nonEmpty(ws []Word) []Word {
	out := ws[:0]
	for _, w := range ws {
		if w.Text != "" {
			out = append(out, w)
		}
	}
	return out
}

// line reads the words of the directive starting at pos, following
// continuation lines, and returns them with the offset of the next line.
func line(text []byte, pos int) ([]Word, int) {
	var words []Word
	i := pos
	for {
		for i < len(text) {
			if c := text[i]; c == ' ' || c == '\t' || c == '\r' {
				i++
			} else if n := continuation(text, i); n > 0 {
				i += n
			} else {
				break
			}
		}
		if i >= len(text) {
			return words, len(text)
		}
		if text[i] == '\n' {
			return words, i + 1
		}
		if text[i] == '#' {
			for i < len(text) && text[i] != '\n' {
				i++
			}
			continue
		}
		start := i
		if q := text[i]; q == '"' || q == '\'' {
			i++
			for i < len(text) && text[i] != q && text[i] != '\n' {
				if text[i] == '\\' && i+1 < len(text) && text[i+1] != '\n' {
					i++
				}
				i++
			}
			if i < len(text) && text[i] == q {
				i++
			}
		}
		for i < len(text) && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n' && continuation(text, i) == 0 {
			i++
		}
		words = append(words, Word{Text: string(text[start:i]), Start: start, End: i})
	}
}

// continuation returns the length of a backslash that ends a line (with
// its line break), or 0.
func continuation(text []byte, i int) int {
	if text[i] != '\\' {
		return 0
	}
	switch {
	case i+1 < len(text) && text[i+1] == '\n':
		return 2
	case i+2 < len(text) && text[i+1] == '\r' && text[i+2] == '\n':
		return 3
	}
	return 0
}

// Walk calls fn for every directive in order, sections before their
// contents.
func Walk(ds []*Directive, fn func(*Directive)) {
	for _, d := range ds {
		fn(d)
		Walk(d.Block, fn)
	}
}
