package catalog

import (
	"fmt"
	"strings"
)

// Locale is a language the catalogue has text in, as a lower-case BCP 47
// primary language subtag ("en", "vi").
type Locale string

// English is the fallback locale: every text exists in it.
const English Locale = "en"

// Match picks the best locale for a BCP 47 tag such as "vi-VN" or "en_US",
// dropping subtags from the right until a locale matches ("vi-VN" → "vi") and
// falling back to English. It never fails, which suits an editor's locale: an
// unknown one should still get text.
//
// The fallback is written here rather than taken from golang.org/x/text
// because the catalogue has a handful of languages without regional variants,
// and the package keeps to the standard library.
func (c *Catalog) Match(tag string) Locale {
	tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	for tag != "" {
		if _, ok := c.locales[Locale(tag)]; ok {
			return Locale(tag)
		}
		i := strings.LastIndexByte(tag, '-')
		if i < 0 {
			break
		}
		tag = tag[:i]
	}
	return English
}

// ParseLocale is the strict form of Match for command lines: the tag must be
// well formed and its language must be one the catalogue has, so that a typo
// gets an error instead of silent English.
func (c *Catalog) ParseLocale(tag string) (Locale, error) {
	if !wellFormedTag(tag) {
		return "", fmt.Errorf("invalid locale %q: want a BCP 47 tag such as en or vi-VN", tag)
	}
	loc := c.Match(tag)
	if loc == English && !strings.EqualFold(primarySubtag(tag), string(English)) {
		return "", fmt.Errorf("unsupported locale %q (supported: %s)", tag, c.localeList())
	}
	return loc, nil
}

func (c *Catalog) localeList() string {
	var names []string
	for _, l := range c.Locales() {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}

func primarySubtag(tag string) string {
	tag = strings.ReplaceAll(tag, "_", "-")
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		return tag[:i]
	}
	return tag
}

// wellFormedTag checks the BCP 47 shape: subtags of 1-8 letters or digits
// joined by hyphens (underscores accepted, as POSIX locales use them), with a
// primary subtag of 2-8 letters.
func wellFormedTag(tag string) bool {
	parts := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
	for i, p := range parts {
		if len(p) < 1 || len(p) > 8 {
			return false
		}
		for _, r := range p {
			letter := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
			digit := r >= '0' && r <= '9'
			if !letter && !(digit && i > 0) {
				return false
			}
		}
		if i == 0 && len(p) < 2 {
			return false
		}
	}
	return true
}
