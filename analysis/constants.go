package analysis

import (
	"slices"
	"strings"

	"github.com/statusls/statusls/catalog"
)

// constIndex finds named constants from the catalogue's ecosystems. A
// constant is written as qualifier + name ("http." + "StatusBadGateway",
// "StatusCode::" + "NOT_FOUND", ":" + "not_found" for Rack symbols); the
// scanners see the last qualifier segment ("http") followed by a separator
// and a name, and look both up here. Nothing about any ecosystem is written
// in this package: the spellings come from the catalogue data.
type constIndex struct {
	// byLang maps a catalogue language ("go", "python") to the last
	// qualifier segment ("http", "HTTPStatus", ":" for symbols) to the
	// ecosystems using it.
	byLang map[string]map[string][]*ecoConsts
	// lowerNames: some constant starts with a lower-case letter
	// (requests.codes.ok), so names cannot be skipped on their first byte.
	lowerNames bool
	// qualShape has the shape (see wordShapes) of every qualifier in
	// byLang: most member accesses (r.URL, os.Stderr) are rejected by it,
	// without two map lookups per language.
	qualShape wordShapes
	// codes maps a catalogue language to the names of its ecosystems'
	// constants, each with the codes it stands for (see defines), and
	// nameShape has the shape of every such name, which rules out
	// most names before the lookups.
	codes     map[string]map[string][]int
	nameShape wordShapes
	// callQuals maps the name of a call that is a qualifier by itself
	// (status in status().isNotFound(), Spring's MockMvc) to the
	// qualifier segment as byLang keys it ("status()").
	callQuals map[string][]byte
	// byModule maps a JavaScript module (http-status-codes) to the
	// ecosystems whose import takes it (see bareScope).
	byModule map[string][]*ecoConsts
}

// constant is a constant's name, as the catalogue spells it, and its code.
// Findings take the name from here rather than from the text, which saves
// an allocation per finding.
type constant struct {
	name string
	code int
}

// ecoConsts is one ecosystem's constants prepared for lookups from byte
// slices without allocating.
type ecoConsts struct {
	idx   int // position in Analyzer.ecos, the bit in scan.ecoUsed
	id    string
	lang  string
	segs  []string // qualifier segments before the last one, outermost first
	sep   string   // ".", "::" or ":" (symbols)
	names map[string]constant
	// importPath is the ecosystem's Import field, which Go scanning compares
	// with import paths to resolve aliases.
	importPath string
	// importRequired: the names count only where the file imports the
	// library (catalog.Ecosystem.ImportRequired).
	importRequired bool
	// owner is the qualifier's path without its separator at the end
	// (HttpStatus, Response.Status), and library the dotted path of the
	// library the import names (see libraryPath): what bareScope compares
	// imports with.
	owner, library string
	// acceptedBy lists the calls that alone take the constants
	// (catalog.Ecosystem.AcceptedBy), empty when any slot does.
	acceptedBy []string
}

func buildConstIndex(ecos []*catalog.Ecosystem) constIndex {
	ix := constIndex{byLang: map[string]map[string][]*ecoConsts{}, codes: map[string]map[string][]int{}, callQuals: map[string][]byte{},
		byModule: map[string][]*ecoConsts{}}
	for i, e := range ecos {
		names := ix.codes[e.Language]
		if names == nil {
			names = map[string][]int{}
			ix.codes[e.Language] = names
		}
		for _, c := range e.Constants {
			if !slices.Contains(names[c.Name], c.Code) {
				names[c.Name] = append(names[c.Name], c.Code)
			}
			if c.Name != "" {
				ix.nameShape.add([]byte(c.Name))
			}
		}
		q := e.Qualifier
		var sep string
		switch {
		case q == ":":
			sep = ":"
		case strings.HasSuffix(q, "::"):
			sep = "::"
		case strings.HasSuffix(q, "->"):
			sep = "->"
		case strings.HasSuffix(q, "."):
			sep = "."
		default:
			// Unqualified names (a bare OK) would match far too much text.
			continue
		}
		ec := &ecoConsts{idx: i, id: e.ID, lang: e.Language, sep: sep, names: make(map[string]constant, len(e.Constants)), importPath: e.Import,
			importRequired: e.ImportRequired, acceptedBy: e.AcceptedBy}
		for _, c := range e.Constants {
			ec.names[c.Name] = constant{c.Name, c.Code}
			if sep != ":" && c.Name != "" && !(c.Name[0] >= 'A' && c.Name[0] <= 'Z') {
				ix.lowerNames = true
			}
		}
		last := ":"
		if sep != ":" {
			segs := strings.Split(strings.TrimSuffix(q, sep), sep)
			last = segs[len(segs)-1]
			ec.segs = segs[:len(segs)-1]
			ec.owner = strings.Join(segs, ".")
		}
		ec.library = libraryPath(e.Import)
		if m := jsModule(e.Import); m != "" {
			ix.byModule[m] = append(ix.byModule[m], ec)
		}
		m := ix.byLang[e.Language]
		if m == nil {
			m = map[string][]*ecoConsts{}
			ix.byLang[e.Language] = m
		}
		m[last] = append(m[last], ec)
		if call, ok := strings.CutSuffix(last, "()"); ok {
			ix.callQuals[call] = []byte(last)
		}
		ix.qualShape.add([]byte(last))
	}
	return ix
}

// takenBy reports whether the call open in f may take the ecosystem's
// constants: any, unless the catalogue lists the calls that do
// (andExpect for MockMvc's status().isOk()).
func (ec *ecoConsts) takenBy(f *frame) bool {
	return len(ec.acceptedBy) == 0 || f != nil && slices.Contains(ec.acceptedBy, string(f.callee))
}

// defines reports whether a library of languages langs has a constant
// named name that stands for code: what its own table of constants
// declares (StatusNotFound = 404, NOT_FOUND(404, ...)).
func (ix *constIndex) defines(langs []string, name []byte, code int) bool {
	if len(name) == 0 || !ix.nameShape.has(name) {
		return false
	}
	for _, l := range langs {
		if slices.Contains(ix.codes[l][string(name)], code) {
			return true
		}
	}
	return false
}

// ecoLanguages maps a scanner language to the catalogue languages whose
// ecosystems it can use: TypeScript uses the JavaScript libraries, Kotlin the
// Java ones. The lists are shared and must not be modified; building them
// once keeps analysing a file free of allocations that are not results.
func ecoLanguages(l Language) []string {
	if langs, ok := ecoLanguageLists[l]; ok {
		return langs
	}
	return []string{string(l)}
}

var ecoLanguageLists = func() map[Language][]string {
	m := map[Language][]string{
		JavaScript: {"javascript", "typescript"},
		TypeScript: {"javascript", "typescript"},
		Java:       {"java", "kotlin"},
		Kotlin:     {"java", "kotlin"},
		// Lua blocks inside nginx configs use OpenResty's constants.
		Nginx: {"lua"},
	}
	for _, l := range []Language{Go, Python, CSharp, Rust, PHP, Ruby, Lua, Apache, HAProxy, Caddy, YAML, JSON, HTTP, AccessLog, Plain} {
		m[l] = []string{string(l)}
	}
	return m
}()

// lookup finds the constant name under qualifier segment qual with
// separator sep, for a file in languages langs. When several ecosystems
// spell it alike (Starlette's and DRF's status.HTTP_404_NOT_FOUND), the
// one whose bit is set in imported() (the file imports it) wins, and an
// ecosystem that requires its import counts only with it. imported
// searches the file, so it is called only then.
func (ix *constIndex) lookup(langs []string, qual, sep, name []byte, imported func() uint64) (*ecoConsts, constant, bool) {
	if len(qual) == 0 {
		return nil, constant{}, false
	}
	if !ix.qualShape.has(qual) {
		return nil, constant{}, false
	}
	var first *ecoConsts
	var firstConst constant
	var prefer uint64
	searched := false
	for _, l := range langs {
		for _, ec := range ix.byLang[l][string(qual)] {
			if ec.sep != string(sep) {
				continue
			}
			c, ok := ec.names[string(name)]
			if !ok {
				continue
			}
			if ec.importRequired {
				if !searched {
					prefer, searched = imported(), true
				}
				if prefer&(1<<uint(ec.idx%64)) == 0 {
					continue
				}
			}
			if first == nil {
				first, firstConst = ec, c
				continue
			}
			if !searched {
				prefer, searched = imported(), true
				if prefer&(1<<uint(first.idx%64)) != 0 {
					return first, firstConst, true
				}
			}
			if prefer&(1<<uint(ec.idx%64)) != 0 {
				return ec, c, true
			}
		}
	}
	return first, firstConst, first != nil
}
