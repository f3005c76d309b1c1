package catalog

import "slices"

// Ecosystem is a library that names status codes, such as Go's net/http or
// Python's http.HTTPStatus.
type Ecosystem struct {
	// ID is a short stable key, e.g. "go-nethttp" or "python-httpstatus".
	ID string `json:"id"`
	// Name is what users call it, e.g. "Python http.HTTPStatus".
	Name string `json:"name"`
	// Language is the programming language, e.g. "go", "python", "javascript".
	Language string `json:"language"`
	// Library is the package or module that defines the constants.
	Library string `json:"library"`
	// Import is how a source file brings the constants into scope, e.g.
	// "net/http" or "from http import HTTPStatus".
	Import string `json:"import,omitempty"`
	// Qualifier is what precedes a constant's name in code, e.g. "http." or
	// "HTTPStatus."; empty when names stand alone.
	Qualifier string `json:"qualifier,omitempty"`
	// AcceptedBy lists the only calls that take the constants where a
	// number stands, for a library whose constants are not integers
	// (Spring's HttpStatus is an enum: ResponseEntity.status takes it,
	// setStatus and an int comparison do not); empty when they are.
	AcceptedBy []string `json:"accepted_by,omitempty"`
	// ImportRequired is set when the constants, as written, are spelled
	// alike by another library (JAX-RS's Status.NOT_FOUND, gRPC's
	// Status.NOT_FOUND): they count only in a file that imports this one.
	ImportRequired bool       `json:"import_required,omitempty"`
	Constants      []Constant `json:"constants"`

	byName    map[string]*Constant
	preferred map[int]*Constant
}

// Constant is one spelling of a status code in an ecosystem.
type Constant struct {
	Name string `json:"name"`
	Code int    `json:"code"`
	// Deprecated is set when the library keeps the name only for
	// compatibility; Replacement then names the current spelling.
	Deprecated  bool   `json:"deprecated,omitempty"`
	Replacement string `json:"replacement,omitempty"`
	// Since is the version of the library that introduced the name, set
	// where versions still in wide use lack it (Spring's CONTENT_TOO_LARGE,
	// 7.0; Python's HTTPStatus.CONTENT_TOO_LARGE, 3.13): code written for
	// them cannot use it.
	Since string `json:"since,omitempty"`
	// Note says since when or why, e.g. "renamed in Python 3.13 (RFC 9110)".
	Note string `json:"note,omitempty"`
}

// Fits reports whether the constants can stand where a number is the
// status of directive, the call or key that takes it (see AcceptedBy).
func (e *Ecosystem) Fits(directive string) bool {
	return len(e.AcceptedBy) == 0 || slices.Contains(e.AcceptedBy, directive)
}

// Lookup finds a constant by its exact name.
func (e *Ecosystem) Lookup(name string) (*Constant, bool) {
	c, ok := e.byName[name]
	return c, ok
}

// Preferred returns the current spelling for a code. A code the library names
// only with deprecated constants has none: a deprecated name is never the one
// to suggest (Spring's only 421 constant, DESTINATION_LOCKED, even meant
// something else).
func (e *Ecosystem) Preferred(code int) (*Constant, bool) {
	c, ok := e.preferred[code]
	return c, ok
}

func (e *Ecosystem) index() {
	e.byName = make(map[string]*Constant, len(e.Constants))
	e.preferred = make(map[int]*Constant)
	for i := range e.Constants {
		c := &e.Constants[i]
		e.byName[c.Name] = c
		if _, ok := e.preferred[c.Code]; !ok && !c.Deprecated {
			e.preferred[c.Code] = c
		}
	}
}

// Ecosystems lists every ecosystem, in the order of their data files.
func (c *Catalog) Ecosystems() []*Ecosystem { return c.ecosystems }

// Ecosystem finds an ecosystem by ID.
func (c *Catalog) Ecosystem(id string) (*Ecosystem, bool) {
	e, ok := c.ecosystemID[id]
	return e, ok
}
