package rules

import "testing"

// TestMentionsIgnore checks the search for statusls:ignore where its two
// parts meet, run into each other, or stand apart.
func TestMentionsIgnore(t *testing.T) {
	for text, want := range map[string]bool{
		"statusls:ignore":                    true,
		"// statusls:ignore SL005 reason":    true,
		"x := a[:ignore] // statusls:ignore": true,
		"":                                   false,
		":ignore":                            false,
		"tatusls:ignore":                     false,
		"statusls :ignore":                   false,
		"statusls:ignor":                     false,
		"status:ignore statusls:":            false,
	} {
		if got := mentionsIgnore([]byte(text)); got != want {
			t.Errorf("mentionsIgnore(%q) = %v, want %v", text, got, want)
		}
	}
}
