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

// TestProtocolNames counts the names of protocols with numeric replies,
// and HTTP's outside URLs, in any case.
func TestProtocolNames(t *testing.T) {
	for text, want := range map[string][2]int{
		"import smtplib\nSMTP server, Smtp; nntp NNTP ftp FTP sftp": {8, 0},
		"HTTP http Http https://x http://y HTTPS":                   {0, 4},
		"output stdout tp TP":                                       {0, 0},
		"":                                                          {0, 0},
		"tp at the start, ftp at the end ftp":                       {2, 0},
	} {
		if other, http := protocolNames([]byte(text)); other != want[0] || http != want[1] {
			t.Errorf("protocolNames(%q) = %d, %d; want %d, %d", text, other, http, want[0], want[1])
		}
	}
}
