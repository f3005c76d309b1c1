// Package position converts between byte offsets in a document and the
// line/character positions that LSP clients send, in whichever encoding the
// client negotiated: UTF-8, UTF-16 (the LSP default) or UTF-32.
//
// Everything else in statusls works in byte offsets; this package is the one
// place where columns are counted in code units, so that no handler ever
// indexes text with a client's character value. It knows nothing of the
// protocol's types, which keeps it small enough to fuzz.
package position

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Encoding is the unit a client counts characters in.
type Encoding int

// The encodings LSP 3.17 defines (PositionEncodingKind).
const (
	UTF16 Encoding = iota // code units of UTF-16: the default every client supports
	UTF8                  // bytes
	UTF32                 // Unicode code points
)

// String returns the encoding's name as PositionEncodingKind spells it.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return "utf-16"
}

// Position is a zero-based line and a character offset within that line,
// counted in the units of an Encoding.
type Position struct {
	Line, Character int
}

// ErrOffset reports an offset outside the text; it is a bug in the caller,
// since offsets come from scanning the same text.
var ErrOffset = errors.New("offset out of range")

// Mapper converts positions for one immutable text. Building it indexes the
// line starts once; each conversion is then a binary search plus a walk along
// a single line, stepping over ASCII bytes without decoding, since every
// encoding counts one unit per byte. A Mapper is safe for concurrent use.
type Mapper struct {
	text []byte
	// lineStart holds the offset of each line's first byte. LSP ends lines at
	// "\n", "\r\n" or a lone "\r"; all three are honoured.
	lineStart []int
}

// NewMapper indexes text. The text must not be modified afterwards.
func NewMapper(text []byte) *Mapper {
	starts := make([]int, 1, 1+len(text)/32)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Mapper{text: text, lineStart: starts}
}

// Lines returns the number of lines; a text ending in a line break has an
// empty last line after it, as editors show it.
func (m *Mapper) Lines() int { return len(m.lineStart) }

// lineBounds returns the offsets of a line's first byte and of the end of its
// content, before the line break.
func (m *Mapper) lineBounds(line int) (start, end int) {
	start = m.lineStart[line]
	end = len(m.text)
	if line+1 < len(m.lineStart) {
		end = m.lineStart[line+1]
		if end > start && m.text[end-1] == '\n' {
			end--
		}
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	}
	return start, end
}

// OffsetPosition converts a byte offset to a position. An offset inside a
// multi-byte character or between "\r" and "\n" maps to the character or
// line break it is part of.
func (m *Mapper) OffsetPosition(offset int, enc Encoding) (Position, error) {
	if offset < 0 || offset > len(m.text) {
		return Position{}, fmt.Errorf("%w: %d not in [0, %d]", ErrOffset, offset, len(m.text))
	}
	line := sort.Search(len(m.lineStart), func(i int) bool { return m.lineStart[i] > offset }) - 1
	start, end := m.lineBounds(line)
	return Position{Line: line, Character: units(m.text[start:end], offset-start, enc)}, nil
}

// PositionOffset converts a position to a byte offset. Following the LSP
// specification, a character past the end of its line means the end of the
// line; a line past the end of the text means the end of the text, which is
// what editors mean when they send one (an edit appended at the very end).
// A character that falls inside a character the encoding spans with several
// units (half of a surrogate pair) maps to that character's start.
func (m *Mapper) PositionOffset(p Position, enc Encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.lineStart) {
		return len(m.text)
	}
	start, end := m.lineBounds(p.Line)
	return start + byteCol(m.text[start:end], max(p.Character, 0), enc)
}

// RangeOffsets converts a range to byte offsets, ordering them when a client
// sends the end before the start.
func (m *Mapper) RangeOffsets(start, end Position, enc Encoding) (int, int) {
	s, e := m.PositionOffset(start, enc), m.PositionOffset(end, enc)
	if e < s {
		s, e = e, s
	}
	return s, e
}

// units counts the code units in the encoding of the characters of line that
// end at or before byte col (clamped to the line). Invalid UTF-8 bytes count
// as one unit each, as U+FFFD, which is how clients decode them.
func units(line []byte, col int, enc Encoding) int {
	n := 0
	for i := 0; i < len(line); {
		if line[i] < utf8.RuneSelf {
			if i >= col {
				break
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		if i+size > col {
			break
		}
		i += size
		switch {
		case enc == UTF8:
			n += size
		case enc == UTF16 && r >= 0x10000:
			n += 2
		default:
			n++
		}
	}
	return n
}

// byteCol returns the byte offset within line of the character'th unit,
// clamped to the line's length and rounded down to a character boundary.
func byteCol(line []byte, character int, enc Encoding) int {
	n := 0
	for i := 0; i < len(line); {
		if n >= character {
			return i
		}
		if line[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		width := 1
		switch {
		case enc == UTF8:
			width = size
		case enc == UTF16 && r >= 0x10000:
			width = 2
		}
		if n+width > character {
			return i
		}
		i += size
		n += width
	}
	return len(line)
}
