package catalog

import "strings"

// localeStrings holds a locale's interface text: section titles, labels and
// the templates of generic comparisons, read from data/locales/ID.xml.
type localeStrings struct {
	id       Locale
	name     string
	messages map[string]string
	classes  map[Class]classText
}

// classText describes a class in a locale; the generic comparison of two
// codes is built from these sentences.
type classText struct {
	name    string // "Server error"
	meaning string // what a code of the class says about the request
	client  string // what a client does when it receives one
	use     string // when a server should send one
}

// strings returns the interface text for a locale, English when the catalogue
// has none for it.
func (c *Catalog) strings(loc Locale) *localeStrings {
	if l, ok := c.locales[loc]; ok {
		return l
	}
	return c.locales[English]
}

// message returns the text for a message ID. Tests check that every locale
// defines every ID English does, so a miss is a programming error; the ID
// itself is returned so that it shows up plainly rather than as a blank.
func (l *localeStrings) message(id string) string {
	if m, ok := l.messages[id]; ok {
		return m
	}
	return id
}

func (l *localeStrings) class(c Class) classText { return l.classes[c] }

// Label returns the interface text for a message ID in a locale, such as
// "description" → "Mô tả" in Vietnamese. Callers outside the package use it
// to title the sections they lay out themselves.
func (c *Catalog) Label(loc Locale, id string) string { return c.strings(loc).message(id) }

// ClassName returns the name of a class in a locale, e.g. "Server error".
func (c *Catalog) ClassName(loc Locale, class Class) string {
	return c.strings(loc).class(class).name
}

// Message returns the text of a message ID in a locale with its {name}
// placeholders filled in; vars are pairs of name and value ("code", "404").
// The checks' diagnostics and fix titles, and the server's action titles,
// are messages too, so that all user-facing prose lives in the locale files
// and translating statusls means editing data only.
func (c *Catalog) Message(loc Locale, id string, vars ...string) string {
	return fill(c.strings(loc).message(id), vars)
}

// fill replaces each {name} in a template whose name vars pairs with a
// value, in one pass: checks call it for every diagnostic, so it builds
// no replacer and allocates only the result. Braces with an unknown name
// inside are left as written.
func fill(template string, vars []string) string {
	if len(vars) < 2 || !strings.Contains(template, "{") {
		return template
	}
	var b strings.Builder
	b.Grow(len(template) + 16)
	rest := template
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		close := strings.IndexByte(rest[open:], '}')
		if close < 0 {
			break
		}
		name := rest[open+1 : open+close]
		value, ok := lookupVar(vars, name)
		if !ok {
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		b.WriteString(rest[:open])
		b.WriteString(value)
		rest = rest[open+close+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// lookupVar returns the value paired with name in vars.
func lookupVar(vars []string, name string) (string, bool) {
	for i := 0; i+1 < len(vars); i += 2 {
		if vars[i] == name {
			return vars[i+1], true
		}
	}
	return "", false
}
