package position_test

import (
	"testing"
	"unicode/utf8"

	"github.com/statusls/statusls/server/position"
)

// Each case places a marker "|" in the text; the marker's byte offset must
// map to the position given for every encoding and back.
func TestRoundTrip(t *testing.T) {
	type pos = position.Position
	tests := []struct {
		name               string
		text               string // "|" marks the offset under test; it is removed
		utf8, utf16, utf32 pos
	}{
		{"ascii", "w.WriteHeader(|502)\n", pos{0, 14}, pos{0, 14}, pos{0, 14}},
		{"second line", "a\nreturn |404;\n", pos{1, 7}, pos{1, 7}, pos{1, 7}},
		// "Lỗi" is L (1 byte) + ỗ (3 bytes) + i: one UTF-16 unit per letter.
		{"vietnamese", "// Lỗi máy chủ: |500\n", pos{0, 21}, pos{0, 16}, pos{0, 16}},
		// 🚀 is 4 bytes, a surrogate pair in UTF-16, one code point.
		{"emoji", "\"🚀 deploy\": |503", pos{0, 15}, pos{0, 13}, pos{0, 12}},
		{"crlf", "a\r\nb\r\n|c", pos{2, 0}, pos{2, 0}, pos{2, 0}},
		{"lone cr", "a\r|b", pos{1, 0}, pos{1, 0}, pos{1, 0}},
		{"no final newline", "x\nyz|", pos{1, 2}, pos{1, 2}, pos{1, 2}},
		{"after final newline", "x\n|", pos{1, 0}, pos{1, 0}, pos{1, 0}},
		{"empty", "|", pos{0, 0}, pos{0, 0}, pos{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offset := indexByte(tt.text, '|')
			text := []byte(tt.text[:offset] + tt.text[offset+1:])
			m := position.NewMapper(text)
			for _, c := range []struct {
				enc  position.Encoding
				want pos
			}{{position.UTF8, tt.utf8}, {position.UTF16, tt.utf16}, {position.UTF32, tt.utf32}} {
				got, err := m.OffsetPosition(offset, c.enc)
				if err != nil || got != c.want {
					t.Errorf("%v: OffsetPosition(%d) = %v, %v; want %v", c.enc, offset, got, err, c.want)
				}
				if back := m.PositionOffset(c.want, c.enc); back != offset {
					t.Errorf("%v: PositionOffset(%v) = %d; want %d", c.enc, c.want, back, offset)
				}
			}
		})
	}
}

func indexByte(s string, b byte) int {
	for i := range len(s) {
		if s[i] == b {
			return i
		}
	}
	panic("no marker")
}

// Positions that do not name a character are resolved as the specification
// says: past the end of a line is the end of the line (before "\r\n"), past
// the last line is the end of the text, and half a surrogate pair is the
// start of the character.
func TestPositionOffsetClamps(t *testing.T) {
	text := []byte("ab\r\n🚀c\nlast")
	m := position.NewMapper(text)
	tests := []struct {
		name string
		pos  position.Position
		enc  position.Encoding
		want int
	}{
		{"past end of line stops before CRLF", position.Position{Line: 0, Character: 99}, position.UTF16, 2},
		{"past last line is end of text", position.Position{Line: 7, Character: 0}, position.UTF16, len(text)},
		{"past end of last line", position.Position{Line: 2, Character: 99}, position.UTF32, len(text)},
		{"inside surrogate pair", position.Position{Line: 1, Character: 1}, position.UTF16, 4},
		{"after surrogate pair", position.Position{Line: 1, Character: 2}, position.UTF16, 8},
		{"inside UTF-8 sequence", position.Position{Line: 1, Character: 2}, position.UTF8, 4},
		{"negative line", position.Position{Line: -1, Character: 3}, position.UTF16, 0},
	}
	for _, tt := range tests {
		if got := m.PositionOffset(tt.pos, tt.enc); got != tt.want {
			t.Errorf("%s: PositionOffset(%v, %v) = %d; want %d", tt.name, tt.pos, tt.enc, got, tt.want)
		}
	}
}

func TestOffsetPositionErrors(t *testing.T) {
	m := position.NewMapper([]byte("abc"))
	for _, off := range []int{-1, 4} {
		if _, err := m.OffsetPosition(off, position.UTF16); err == nil {
			t.Errorf("OffsetPosition(%d) succeeded on a 3-byte text", off)
		}
	}
}

// An offset between "\r" and "\n" belongs to the line break, so it maps to
// the end of the line, as does an offset inside a multi-byte character to
// that character.
func TestOffsetPositionInsideUnits(t *testing.T) {
	m := position.NewMapper([]byte("ab\r\nỗ"))
	if got, _ := m.OffsetPosition(3, position.UTF16); got != (position.Position{Line: 0, Character: 2}) {
		t.Errorf("offset between CR and LF = %v; want 0:2", got)
	}
	if got, _ := m.OffsetPosition(5, position.UTF16); got != (position.Position{Line: 1, Character: 0}) {
		t.Errorf("offset inside ỗ = %v; want 1:0", got)
	}
}

// FuzzMapper checks, for any text (invalid UTF-8 included), that every
// character boundary survives the round trip through a position in every
// encoding, and that any position maps to an offset inside the text.
func FuzzMapper(f *testing.F) {
	for _, s := range []string{"", "a\nb", "Lỗi\r\n🚀 502\r", "\xff\xfe\n\x80x", "a\r\r\n\n"} {
		f.Add([]byte(s), 3, 7)
	}
	f.Fuzz(func(t *testing.T, text []byte, line, char int) {
		m := position.NewMapper(text)
		for _, enc := range []position.Encoding{position.UTF8, position.UTF16, position.UTF32} {
			if off := m.PositionOffset(position.Position{Line: line, Character: char}, enc); off < 0 || off > len(text) {
				t.Fatalf("%v: PositionOffset(%d:%d) = %d outside [0, %d]", enc, line, char, off, len(text))
			}
			for off := 0; off <= len(text); {
				p, err := m.OffsetPosition(off, enc)
				if err != nil {
					t.Fatal(err)
				}
				inBreak := off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n'
				if back := m.PositionOffset(p, enc); back != off && !inBreak {
					t.Fatalf("%v: offset %d → %v → %d in %q", enc, off, p, back, text)
				}
				if off == len(text) {
					break
				}
				_, size := utf8.DecodeRune(text[off:])
				off += size
			}
		}
	})
}
