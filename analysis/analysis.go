package analysis

// Kind says how a status code is written.
type Kind int

// The ways a status code can be written.
const (
	NumericLiteral Kind = iota + 1 // 502
	StringLiteral                  // "502", '404': as an OpenAPI key
	NamedConstant                  // http.StatusBadGateway
	ClassRange                     // 5xx, http_5xx, 4XX
)

// Where says what part of the file a finding sits in. Findings in comments
// are explained on hover but never checked.
type Where int

// The parts of a file a finding can sit in.
const (
	InCode Where = iota + 1
	InString
	InComment
)

// Evidence says how sure the scanner is that the number is a status code.
type Evidence int

// Levels of evidence.
const (
	// Weak: the text suggests a status (a code in prose, "returns 404"), good
	// enough to explain on hover but not to check.
	Weak Evidence = iota + 1
	// Strong: the syntax says it is a status (WriteHeader's argument, nginx
	// return, an OpenAPI response key); checks apply.
	Strong
)

// Finding is one status code found in a file.
type Finding struct {
	// Start and End are byte offsets of the code's text in the file.
	Start, End int
	// Code is the status code; for ClassRange it is 0 and Class is set.
	// In strong contexts any integer is reported, even outside 100-599, so
	// that checks can flag it.
	Code int
	// Class is the first digit: Code/100, or the class of a range.
	Class int
	Kind  Kind
	// Ecosystem is the catalogue's ecosystem ID of a NamedConstant, and the
	// constant's Name as written (without qualifier).
	Ecosystem, Name string
	Where           Where
	Evidence        Evidence
	// Context says in words what made it a status code, e.g. "argument of
	// WriteHeader" or "nginx return".
	Context string
}

// Result is everything analysis knows about one file.
type Result struct {
	Language Language
	Findings []Finding
	// Ecosystems lists the catalogue ecosystem IDs whose constants the file
	// uses or could use (Go files: go-nethttp), most specific first; hover
	// and completion offer constants from these.
	Ecosystems []string
}

// Analyze finds the status codes in text, which is in the given language.
// Findings are in order of Start and never overlap.
func Analyze(lang Language, text []byte) Result {
	return Result{Language: lang}
}
