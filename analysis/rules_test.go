package analysis

import (
	"strings"
	"testing"
)

// TestClassifyKeySpellings checks that the quick shape test in front of
// classifyKey lets every name of statusKeys through however code and data
// spell it (statusCode, STATUS_CODE, _status_, -status), and that names
// around them that are not in the table stay out.
func TestClassifyKeySpellings(t *testing.T) {
	for name, want := range statusKeys {
		upperFirst := strings.ToUpper(name[:1]) + name[1:]
		for _, spelled := range []string{name, strings.ToUpper(name), upperFirst, "_" + name + "_", "-" + name, name + "__"} {
			if got, ok := classifyKey([]byte(spelled)); !ok || got != want {
				t.Errorf("classifyKey(%q) = %v, %v; want %v", spelled, got, ok, want)
			}
		}
	}
	for _, name := range []string{"", "_", "--", "stat", "statuses", "xstatus", "code", "status_bar", "name", "version"} {
		if got, ok := classifyKey([]byte(name)); ok {
			t.Errorf("classifyKey(%q) = %v, want no class", name, got)
		}
	}
}
