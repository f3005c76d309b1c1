package catalog_test

import (
	"strings"
	"testing"

	"github.com/statusls/statusls/catalog"
)

// The hover for a code carries, in order, everything the issue lists; the
// expected pieces are taken from the entry itself so that the test follows
// the data rather than a copy of it.
func TestHoverSections(t *testing.T) {
	c := catalog.Default()
	e, _ := c.Primary(502)
	for _, loc := range []catalog.Locale{"en", "vi"} {
		got, ok := c.Hover(502, loc, catalog.Markdown, []string{"go-nethttp"})
		if !ok {
			t.Fatalf("%s: no hover for 502", loc)
		}
		text := e.TextIn(loc)
		want := []string{
			"**502 Bad Gateway**",
			c.Summary(e, loc, catalog.Markdown),
			"**" + c.Label(loc, "description") + "**", firstLine(text.Description),
			"**" + c.Label(loc, "seen") + "**", firstLine(text.Seen),
			"**" + c.Label(loc, "fix") + "**", firstLine(text.Fix),
			"`http.StatusBadGateway`",
			"[MDN](" + catalog.MDNURL(e) + ")",
		}
		assertInOrder(t, string(loc), got, want)
		for _, other := range c.Confusions(502) {
			cp, _ := c.Compare(502, other, loc)
			assertInOrder(t, string(loc), got, []string{"**" + c.Label(loc, "confused") + "**", "- " + cp.B.Title() + ": " + cp.Summary})
		}
	}
}

// A constant that only recent versions of its library have is shown with
// the version and the name older versions use, in the reader's language.
func TestHoverConstantSince(t *testing.T) {
	c := catalog.Default()
	spring, _ := c.Ecosystem("spring")
	k, _ := spring.Preferred(413)
	if k.Since == "" {
		t.Fatalf("Spring's %s has no since; the test needs a recent name", k.Name)
	}
	for loc, want := range map[catalog.Locale]string{
		"en": "Spring HttpStatus: `HttpStatus.CONTENT_TOO_LARGE` (since 7.0; before that `HttpStatus.PAYLOAD_TOO_LARGE`)",
		"vi": "Spring HttpStatus: `HttpStatus.CONTENT_TOO_LARGE` (từ phiên bản 7.0; trước đó là `HttpStatus.PAYLOAD_TOO_LARGE`)",
	} {
		got, _ := c.Hover(413, loc, catalog.Markdown, []string{"spring", "go-nethttp"})
		if !strings.Contains(got, want) || !strings.Contains(got, "Go net/http: `http.StatusRequestEntityTooLarge`") {
			t.Errorf("%s: hover for 413 lacks %q or Go's plain line:\n%s", loc, want, got)
		}
	}
}

// Constants are listed only for the ecosystems the file uses, and plain text
// has no Markdown emphasis or link syntax.
func TestHoverPlainWithoutEcosystem(t *testing.T) {
	c := catalog.Default()
	got, _ := c.Hover(502, "en", catalog.PlainText, nil)
	for _, bad := range []string{"**", "](", "http.StatusBadGateway"} {
		if strings.Contains(got, bad) {
			t.Errorf("plain hover without ecosystems contains %q:\n%s", bad, got)
		}
	}
	if !strings.HasPrefix(got, "502 Bad Gateway\n") {
		t.Errorf("plain hover does not start with the title:\n%s", got)
	}
}

func TestHoverUnknownCode(t *testing.T) {
	c := catalog.Default()
	for _, code := range []int{0, 99, 432, 600, 1000, -1} {
		if got, ok := c.Hover(code, "en", catalog.Markdown, nil); ok || got != "" {
			t.Errorf("Hover(%d) = %q, %v; want nothing", code, got, ok)
		}
	}
}

func TestClassHover(t *testing.T) {
	c := catalog.Default()
	got, ok := c.ClassHover(catalog.ServerError, "en", catalog.Markdown)
	if !ok {
		t.Fatal("no hover for 5xx")
	}
	assertInOrder(t, "5xx", got, []string{"**5xx " + c.ClassName("en", catalog.ServerError) + "**", "- 502 Bad Gateway"})
	if _, ok := c.ClassHover(6, "en", catalog.Markdown); ok {
		t.Error("ClassHover(6xx) succeeded")
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func assertInOrder(t *testing.T, name, got string, want []string) {
	t.Helper()
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s: hover lacks %q (or it is out of order) in:\n%s", name, w, got)
			return
		}
		rest = rest[i+len(w):]
	}
}

// The common codes are all in the catalogue, listed once, and 200 leads.
func TestCommonRank(t *testing.T) {
	c := catalog.Default()
	seen := map[int]bool{}
	for code := 100; code < 600; code++ {
		rank, ok := c.CommonRank(code)
		if !ok {
			continue
		}
		if _, known := c.Primary(code); !known || seen[rank] {
			t.Errorf("common code %d is unknown or shares rank %d", code, rank)
		}
		seen[rank] = true
	}
	if rank, ok := c.CommonRank(200); !ok || rank != 0 {
		t.Errorf("CommonRank(200) = %d, %v; want 0", rank, ok)
	}
	if _, ok := c.CommonRank(418); ok {
		t.Error("418 is ranked as common")
	}
}

// Message fills a message's placeholders in the requested locale, falls
// back to English for a locale the catalogue lacks, and shows a missing ID
// as itself rather than as a blank.
func TestMessage(t *testing.T) {
	c := catalog.Default()
	vars := []string{"code", "404", "name", "http.StatusNotFound", "library", "Go net/http"}
	for _, tt := range []struct {
		loc  catalog.Locale
		id   string
		want string
	}{
		{"en", "rule.SL005", "404 is http.StatusNotFound in Go net/http"},
		{"vi", "rule.SL005", "404 là http.StatusNotFound trong Go net/http"},
		{"fr", "rule.SL005", "404 is http.StatusNotFound in Go net/http"},
		{"vi", "rule.fix.replace", "Thay bằng http.StatusNotFound"},
		{"en", "rule.no-such-message", "rule.no-such-message"},
	} {
		if got := c.Message(tt.loc, tt.id, vars...); got != tt.want {
			t.Errorf("Message(%s, %s) = %q, want %q", tt.loc, tt.id, got, tt.want)
		}
	}
}
