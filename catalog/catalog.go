package catalog

import (
	"fmt"
	"slices"
	"sync"
)

// Class is the first digit of a status code: 1 (informational) to 5 (server
// error). RFC 9110 §15 defines the classes.
type Class int

// The five classes of RFC 9110 §15.
const (
	Informational Class = 1
	Successful    Class = 2
	Redirection   Class = 3
	ClientError   Class = 4
	ServerError   Class = 5
)

// ClassOf returns the class of a code, or 0 when the code is outside 100-599.
func ClassOf(code int) Class {
	if code < 100 || code > 599 {
		return 0
	}
	return Class(code / 100)
}

// String returns the class in the "5xx" notation used by specifications.
func (c Class) String() string { return fmt.Sprintf("%dxx", int(c)) }

// Status says where a code stands in the IANA registry, or that it is a
// vendor's own.
type Status string

// The registry states a code can be in. RFC 9110 §16.2.1 and the IANA registry
// notes define them; Vendor marks codes no registry knows.
const (
	Assigned   Status = "assigned"   // registered and in current use
	Deprecated Status = "deprecated" // registered, but the spec says not to use it (305)
	Obsoleted  Status = "obsoleted"  // its defining spec is historic (510)
	Unused     Status = "unused"     // reserved so that it is never reassigned (306, 418)
	Temporary  Status = "temporary"  // a provisional registration for a draft (104)
	Vendor     Status = "vendor"     // defined by a product or service, not registered
)

// Standard reports whether the status is a registry state rather than Vendor.
func (s Status) Standard() bool { return s != Vendor && s != "" }

// Reference points at the document that defines a code.
type Reference struct {
	// Title names the document and section, e.g. "RFC 9110, section 15.6.3".
	Title string `json:"title"`
	// URL links straight to that section.
	URL string `json:"url"`
	// RFC is the RFC number, or 0 when the reference is not an RFC.
	RFC int `json:"rfc,omitempty"`
	// Section is the RFC section, e.g. "15.6.3", when RFC is set.
	Section string `json:"section,omitempty"`
}

// FormerPhrase is a reason phrase a code had in an earlier specification.
type FormerPhrase struct {
	Phrase string `json:"phrase"`
	// Source names the specification that used it, e.g. "RFC 7231".
	Source string `json:"source,omitempty"`
}

// Text is the prose about one code in one locale. Each field is light
// Markdown: paragraphs, "- " bullet lists and `code` spans.
type Text struct {
	Description string `json:"description"`
	// Seen describes the real situations in which the code turns up.
	Seen string `json:"seen"`
	// Fix gives concrete steps to resolve the situation.
	Fix string `json:"fix"`
}

// Entry is one meaning of a status code: the registered one, or a vendor's.
// A number can have several entries when vendors gave it different meanings.
type Entry struct {
	Code          int               `json:"code"`
	Phrase        string            `json:"phrase"`
	FormerPhrases []FormerPhrase    `json:"former_phrases,omitempty"`
	Class         Class             `json:"class"`
	Status        Status            `json:"status"`
	Vendor        string            `json:"vendor,omitempty"`
	Reference     Reference         `json:"reference"`
	Related       []int             `json:"related,omitempty"`
	Text          map[Locale]Text   `json:"text"`
	Constants     map[string]string `json:"constants,omitempty"` // filled by the catalog: ecosystem ID → preferred name

	// rank orders the vendor meanings of one number, lowest first, so that
	// the one people meet most (nginx's 499 before Esri's) leads; the data
	// files set it with rank="N" where a number has several meanings.
	rank int
}

// Title returns "502 Bad Gateway", with the vendor for vendor codes:
// "499 Client Closed Request (nginx)".
func (e *Entry) Title() string {
	if e.Vendor != "" {
		return fmt.Sprintf("%d %s (%s)", e.Code, e.Phrase, e.Vendor)
	}
	return fmt.Sprintf("%d %s", e.Code, e.Phrase)
}

// TextIn returns the entry's prose in the locale, falling back to English.
func (e *Entry) TextIn(loc Locale) Text {
	if t, ok := e.Text[loc]; ok {
		return t
	}
	return e.Text[English]
}

// Catalog is the parsed, validated data set. It is immutable once loaded and
// safe for concurrent use.
type Catalog struct {
	// byCode indexes entries by number for constant-time lookup on hover;
	// standard entries come before vendor ones.
	byCode      [1000][]*Entry
	entries     []*Entry
	ecosystems  []*Ecosystem
	ecosystemID map[string]*Ecosystem
	locales     map[Locale]*localeStrings
	// comparisons reads the curated comparisons on first use (see
	// curated): only comparisons and hovers show them, and parsing them
	// was a fifth of loading the catalogue, which every "statusls check"
	// pays before it reads a file.
	comparisons func() (map[[2]int]*comparison, error)
}

var defaultCatalog = sync.OnceValues(func() (*Catalog, error) { return loadCatalog(embedded, false) })

// curated returns the curated comparisons. Those of the embedded
// catalogue are read on first use, and validated by the package tests:
// an error here means a broken build, as in Default.
func (c *Catalog) curated() map[[2]int]*comparison {
	m, err := c.comparisons()
	if err != nil {
		panic("catalog: embedded data is invalid: " + err.Error())
	}
	return m
}

// Default returns the catalogue embedded in the binary, parsed on first use.
// The embedded data is validated by the package tests, so an error here means
// a broken build; Default panics on it rather than letting every caller handle
// an impossible case.
func Default() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		panic("catalog: embedded data is invalid: " + err.Error())
	}
	return c
}

// Lookup returns every meaning of the code: the registered one first, then
// vendor meanings, the most common first. It returns nil for a code
// nobody defines.
func (c *Catalog) Lookup(code int) []*Entry {
	if code < 0 || code >= len(c.byCode) {
		return nil
	}
	return c.byCode[code]
}

// Primary returns the main meaning of a code: the registered one when there is
// one, else the first vendor meaning.
func (c *Catalog) Primary(code int) (*Entry, bool) {
	es := c.Lookup(code)
	if len(es) == 0 {
		return nil, false
	}
	return es[0], true
}

// Phrases returns every reason phrase the code goes by: that of each of
// its meanings, the current one first, then those of earlier
// specifications ("Payload Too Large" for 413). It returns nil for a code
// nobody defines, and at least one phrase for any other.
func (c *Catalog) Phrases(code int) []string {
	var out []string
	add := func(p string) {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, e := range c.Lookup(code) {
		add(e.Phrase)
		for _, f := range e.FormerPhrases {
			add(f.Phrase)
		}
	}
	return out
}

// Registered reports whether the IANA registry lists the code (in any state).
func (c *Catalog) Registered(code int) bool {
	e, ok := c.Primary(code)
	return ok && e.Status.Standard()
}

// Entries returns every entry ordered by code, registered meanings first.
// The slice is shared; do not modify it.
func (c *Catalog) Entries() []*Entry { return c.entries }

// ByClass returns the entries of one class, in code order.
func (c *Catalog) ByClass(class Class) []*Entry {
	var out []*Entry
	for _, e := range c.entries {
		if e.Class == class {
			out = append(out, e)
		}
	}
	return out
}

// Locales lists the locales the catalogue has text for, English first.
func (c *Catalog) Locales() []Locale {
	out := make([]Locale, 0, len(c.locales))
	for l := range c.locales {
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b Locale) int {
		switch {
		case a == English:
			return -1
		case b == English:
			return 1
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
	return out
}
