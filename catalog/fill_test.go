package catalog

import "testing"

// fill replaces every known placeholder, repeated ones too, leaves unknown
// names and stray braces as written, and never expands a value it has
// put in.
func TestFill(t *testing.T) {
	vars := []string{"code", "404", "name", "{code}"}
	for _, tt := range []struct{ template, want string }{
		{"plain text", "plain text"},
		{"{code} and {code}", "404 and 404"},
		{"{name} stays", "{code} stays"},
		{"{unknown} {code}", "{unknown} 404"},
		{"open { brace {code}", "open { brace 404"},
		{"unclosed {code", "unclosed {code"},
		{"{}", "{}"},
		{"mã {code} — xong", "mã 404 — xong"},
	} {
		if got := fill(tt.template, vars); got != tt.want {
			t.Errorf("fill(%q) = %q, want %q", tt.template, got, tt.want)
		}
	}
	if got := fill("{code}", nil); got != "{code}" {
		t.Errorf("fill without vars = %q", got)
	}
}
