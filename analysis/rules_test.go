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

// TestStatusListWords keeps statusListName's shortcut true to its tables:
// every word it accepts a name by holds xx or codes; and shows which names
// it accepts.
func TestStatusListWords(t *testing.T) {
	for _, w := range statusListWords {
		if !strings.Contains(w, "xx") && !strings.Contains(w, "codes") {
			t.Errorf("statusListWords holds %q, without xx or codes", w)
		}
	}
	for name, want := range map[string]bool{
		"status_forcelist": true, "RETRYABLE_STATUSES": true, "retry_5xx": true, "okStatusCodes": true,
		"RETRY_CODES": true, "errorCodes": true, "STATUS_POLL_INTERVALS": false, "statusColors": false,
		"codes": false, "items": false, "XX": false,
	} {
		if got := statusListName([]byte(name)); got != want {
			t.Errorf("statusListName(%q) = %v; want %v", name, got, want)
		}
	}
}
