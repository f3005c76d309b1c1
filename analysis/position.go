package analysis

import (
	"bytes"
	"unicode/utf8"
)

// Pos is a position for people and report formats: a 1-based line, and a
// 1-based column counted in bytes (as go vet and compilers print it) and in
// UTF-16 code units (SARIF's default column kind).
type Pos struct {
	Line, Column, UTF16Column int
}

// LineCursor turns byte offsets into Pos values in one pass over the text,
// for callers that report the findings of a file in order. It is not the
// server's mapper, which indexes every line for random access in any LSP
// encoding: command-line reports visit offsets once, in increasing order.
type LineCursor struct {
	text            []byte
	off, line, base int // base: offset where the current line starts
}

// NewLineCursor starts a cursor at the top of text.
func NewLineCursor(text []byte) *LineCursor { return &LineCursor{text: text, line: 1} }

// At returns the position of off. Offsets should come in increasing order;
// a smaller one starts again from the top, which is correct but slow. An
// offset inside a multi-byte character counts the bytes of it before off
// as invalid, one UTF-16 unit each, as if the text ended there.
func (c *LineCursor) At(off int) Pos {
	if off < c.off {
		c.off, c.line, c.base = 0, 1, 0
	}
	for ; c.off < off; c.off++ {
		if c.text[c.off] == '\n' {
			c.line, c.base = c.line+1, c.off+1
		}
	}
	units := 0
	for i := c.base; i < off; {
		r, size := utf8.DecodeRune(c.text[i:off])
		units += utf16Len(r)
		i += size
	}
	return Pos{Line: c.line, Column: off - c.base + 1, UTF16Column: units + 1}
}

// Line returns the line of the last offset given to At, without its line
// ending.
func (c *LineCursor) Line() []byte {
	line := c.text[c.base:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return bytes.TrimSuffix(line, []byte("\r"))
}

// utf16Len is the number of UTF-16 code units r takes: two for runes
// outside the Basic Multilingual Plane, one otherwise (an invalid byte
// decodes to U+FFFD, one unit, as editors show it).
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
