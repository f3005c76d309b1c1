package catalog

import (
	"regexp"
	"strings"
	"testing"
)

// placeholder matches a template variable such as {classA} left unexpanded.
var placeholder = regexp.MustCompile(`\{(a|b|code[AB]|class[AB]?|classcode[AB]?|meaning[AB]?|client[AB]|use[AB])\}`)

func TestMatchLocale(t *testing.T) {
	c := Default()
	for tag, want := range map[string]Locale{
		"vi": "vi", "vi-VN": "vi", "VI_vn": "vi", "en-GB": "en", "fr-FR": "en", "": "en", "zh-Hant-TW": "en",
	} {
		if got := c.Match(tag); got != want {
			t.Errorf("Match(%q) = %q, want %q", tag, got, want)
		}
	}
	for tag, wantErr := range map[string]string{
		"vi-VN": "", "en": "", "fr": "unsupported locale", "v": "invalid locale", "en--US": "invalid locale", "1a": "invalid locale",
	} {
		_, err := c.ParseLocale(tag)
		if (err == nil) != (wantErr == "") || (err != nil && !strings.Contains(err.Error(), wantErr)) {
			t.Errorf("ParseLocale(%q) error = %v, want %q", tag, err, wantErr)
		}
	}
}

// Any two codes compare, curated or not, and the page has every section in
// the requested locale.
func TestComparePages(t *testing.T) {
	c := Default()
	tests := []struct {
		a, b     int
		loc      Locale
		curated  bool
		sections []string
	}{
		{100, 502, English, false, []string{"# 100 Continue vs 502 Bad Gateway", "Informational class (1xx)", "Server error class (5xx)",
			"## Key difference", "## When to use which", "## Description", "### 100 Continue", "### 502 Bad Gateway", "## When you see this code", "## How to fix"}},
		{100, 502, "vi", false, []string{"# 100 Continue so với 502 Bad Gateway", "## Sự khác biệt chính", "## Khi nào dùng cái nào", "## Mô tả", "## Khi bạn thấy mã này", "## Cách khắc phục"}},
		{500, 503, English, true, []string{"Server error class (5xx)", "## Key difference", "rfc-editor.org"}},
		{504, 502, "vi", true, []string{"# 504 Gateway Timeout so với 502 Bad Gateway", "## Sự khác biệt chính"}},
		{404, 499, English, false, []string{"499 Client Closed Request (nginx)"}},
	}
	for _, tt := range tests {
		cp, err := c.Compare(tt.a, tt.b, tt.loc)
		if err != nil {
			t.Fatalf("Compare(%d, %d): %v", tt.a, tt.b, err)
		}
		if cp.Curated != tt.curated {
			t.Errorf("Compare(%d, %d).Curated = %v, want %v", tt.a, tt.b, cp.Curated, tt.curated)
		}
		page := c.RenderComparison(cp, Markdown)
		for _, s := range tt.sections {
			if !strings.Contains(page, s) {
				t.Errorf("compare %d %d (%s) lacks %q:\n%s", tt.a, tt.b, tt.loc, s, page)
			}
		}
		if placeholder.MatchString(page) {
			t.Errorf("compare %d %d (%s): unexpanded placeholder:\n%s", tt.a, tt.b, tt.loc, page)
		}
	}
	if _, err := c.Compare(404, 299, English); err == nil {
		t.Error("Compare with an unknown code succeeded")
	}
	if _, err := c.Compare(404, 404, English); err == nil {
		t.Error("Compare of a code with itself succeeded")
	}
}

func TestRenderEntryPlainText(t *testing.T) {
	c := Default()
	e, _ := c.Primary(413)
	page := c.RenderEntry(e, English, PlainText)
	for _, s := range []string{"413 Content Too Large\n=====================\n", "Formerly: Payload Too Large (RFC 7231)",
		"Description\n-----------\n", "Named constants", "Go net/http: `http.StatusRequestEntityTooLarge`",
		"https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/413"} {
		if !strings.Contains(page, s) {
			t.Errorf("plain page lacks %q:\n%s", s, page)
		}
	}
	if strings.Contains(page, "](") || strings.Contains(page, "# ") {
		t.Errorf("plain page has Markdown syntax:\n%s", page)
	}
}

// A number with several vendor meanings shows each, with the others named.
func TestSeveralMeanings(t *testing.T) {
	c := Default()
	es := c.Lookup(499)
	if len(es) < 2 {
		t.Fatalf("499 has %d meanings, want nginx's and Esri's", len(es))
	}
	page := c.RenderEntry(es[0], English, Markdown)
	if !strings.Contains(page, "Other meanings of this number: "+es[1].Title()) {
		t.Errorf("page for %s does not name the other meaning:\n%s", es[0].Title(), page)
	}
}
