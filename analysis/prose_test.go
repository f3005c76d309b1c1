package analysis

import (
	"bytes"
	"testing"
)

// TestIndexDigit compares indexDigit with a byte-by-byte search for every
// byte value at every position of texts around the eight-byte word size,
// over a background of bytes just outside the digits and of high bytes,
// where the arithmetic on the whole word could go wrong.
func TestIndexDigit(t *testing.T) {
	naive := func(b []byte) int {
		for i, c := range b {
			if c >= '0' && c <= '9' {
				return i
			}
		}
		return -1
	}
	for _, fill := range []byte{'/', ':', 0x80 + '0', 0xff, 'a'} {
		for n := 0; n <= 19; n++ {
			for pos := 0; pos < n; pos++ {
				for c := range 256 {
					b := bytes.Repeat([]byte{fill}, n)
					b[pos] = byte(c)
					if got, want := indexDigit(b), naive(b); got != want {
						t.Fatalf("indexDigit(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
	}
}
