package analysis

import "testing"

// TestMultiPunctLengths checks what lexer.punct assumes of the operators
// it matches: two bytes or three, and the longest first among those that
// share a first byte, so that === is not read as == and =.
func TestMultiPunctLengths(t *testing.T) {
	for _, p := range multiPunct {
		if len(p) != 2 && len(p) != 3 {
			t.Errorf("operator %q has %d bytes; punct reads two or three", p, len(p))
		}
	}
	for c, ps := range multiByFirst {
		for i := 1; i < len(ps); i++ {
			if len(ps[i]) > len(ps[i-1]) {
				t.Errorf("operators starting with %q: %q comes after the shorter %q", byte(c), ps[i], ps[i-1])
			}
		}
	}
}
