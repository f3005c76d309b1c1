package analysis

import (
	"bytes"
	"slices"
	"sync"

	"github.com/statusls/statusls/catalog"
)

// filter is how sure a slot is that what stands in it is a status code,
// which decides which numbers it accepts.
type filter uint8

const (
	// anyInt: the syntax leaves no doubt (WriteHeader's argument, nginx
	// return), so any integer is reported and checks can flag 1000 or 299.
	anyInt filter = iota
	// threeDigits: a status-named field or comparison (resp.StatusCode ==,
	// a "statusCode:" key): 100-999, so that enum values such as 0 or 1 in
	// a "status" field are not taken for codes.
	threeDigits
	// knownOnly: generic context (prose, comments, a bare "status" key):
	// only codes the catalogue knows, 100-599.
	knownOnly
	// knownError: a guess that only error statuses fit (an argument of a
	// project's own error class): known codes from 400 to 599.
	knownError
)

// slot describes a place where a status code is expected, as decided by a
// scanner's rules.
type slot struct {
	role      Role
	filter    filter
	evidence  Evidence
	directive string
	context   string
	// key is a key or directive name read from the file ("statusCode",
	// "errorfile"): when set, the finding's Directive is the key and its
	// Context is context followed by the key. It stays a slice of the text
	// until a finding is accepted, so that numbers the filter rejects cost
	// no allocation.
	key []byte
}

// describe returns the Directive and Context of a finding in the slot.
func (sl *slot) describe() (directive, context string) {
	if sl.key == nil {
		return sl.directive, sl.context
	}
	context = sl.context + string(sl.key) // one allocation for both
	return context[len(sl.context):], context
}

// scan is the state of analysing one file. Every scanner appends to
// findings through add, which applies the slot's filter and, when SlotAt
// is probing, records the slot at the probe offset instead.
type scan struct {
	a        *Analyzer
	lang     Language
	ecoLangs []string
	text     []byte
	findings []Finding
	ecoUsed  uint64 // bit i: a.ecos[i] has a constant in the file
	// goAliases maps local names of Go imports to the ecosystems they
	// import (nethttp "net/http"); nil in most files.
	goAliases map[string]*ecoConsts
	// pyAliases maps names bound by a Python "import ... as" to the
	// qualifier they stand for (from http import HTTPStatus as S: S →
	// HTTPStatus); nil in most files.
	pyAliases map[string]string
	// bare holds the constants the file's imports bring into scope
	// unqualified, read when first needed (see bareConst).
	bare bareScope
	// goLines is the line table go/scanner fills per Go span, kept for the
	// next span (see scanGoRange).
	goLines []int
	// goTypes holds the fields of the Go struct types looked up by name
	// (see goStructType), nil for a name the file declares no struct for.
	goTypes map[string]*fieldNames

	hinted     uint64 // bit i: the file imports a.ecos[i] (see importHints)
	hintedDone bool
	httpDone   uint8 // 0: not computed, 1: the file mentions HTTP, 2: it does not
	otherDone  uint8 // the same for speaksOtherProtocol

	probe    int // offset SlotAt asks about, or -1
	probed   bool
	probeHit slot

	// eng is the code engine, reset for every code region, and kept
	// apart: a scan is reset for every file, and copying the engine in
	// and out cost more than many a small file's analysis.
	eng *engine
	// pyErrorClasses are the Python file's own error classes, nil until
	// asked (see pythonErrorClass).
	pyErrorClasses map[string]bool
	toks           []token   // the tokens of a region, until it is known to hold a candidate
	yaml           []yamlKey // the YAML scanner's stack of keys
	json           []jsonLevel
	// listKey is the last key whose values were tested with
	// statusListName, and listKeyIs the answer: a long array of numbers
	// asks it of the same key for every element.
	listKey   []byte
	listKeyIs bool
	// lastValueKey is the last key dataValue read (see valueKeyOf).
	lastValueKey valueKeyCache

	// commented is set while a commented-out directive of a
	// configuration file is scanned (#error_page 404 /404.html;): its
	// codes are findings in a comment, weak, and only codes the
	// catalogue knows.
	commented bool
	// codeOnly leaves out the findings in comments (see
	// Analyzer.AnalyzeCode).
	codeOnly bool
}

// newScan takes a scan from the analyzer's pool, keeping the memory of its
// last use (findings, bracket stacks), so that analysing a file allocates
// its results and little else. Callers hand it back with release.
func (a *Analyzer) newScan(lang Language, text []byte, probe int) *scan {
	s, _ := a.scans.Get().(*scan)
	if s == nil {
		s = &scan{}
	}
	findings, eng, yaml, json, toks, goLines := s.findings[:0], s.eng, s.yaml[:0], s.json[:0], s.toks[:0], s.goLines
	*s = scan{a: a, lang: lang, ecoLangs: ecoLanguages(lang), text: text, probe: probe,
		findings: findings, eng: eng, yaml: yaml, json: json, toks: toks, goLines: goLines}
	return s
}

// release returns s to the pool. Everything that points into the text is
// cleared first, so that a pooled scan does not keep a closed file alive.
// Findings are only ever appended, but for the ones run drops, which it
// clears: only those up to the length are left to clear, where the whole
// buffer that a file with many findings grew would cost every later file.
func (a *Analyzer) release(s *scan) {
	clear(s.findings)
	if e := s.eng; e != nil {
		clear(e.frames[:cap(e.frames)])
		clear(e.pending[:cap(e.pending)])
		clear(e.armPend[:cap(e.armPend)])
		frames, pending, armPend := e.frames[:0], e.pending[:0], e.armPend[:0]
		*e = engine{frames: frames, pending: pending, armPend: armPend}
	}
	clear(s.yaml[:cap(s.yaml)])
	s.text, s.goAliases, s.pyAliases, s.probeHit, s.listKey, s.bare, s.lastValueKey, s.goTypes = nil, nil, nil, slot{}, nil, bareScope{}, valueKeyCache{}, nil
	a.scans.Put(s)
}

// run dispatches to the format's scanner.
func (s *scan) run() {
	switch s.lang {
	case Go:
		s.scanGo()
	case JavaScript, TypeScript, Python, Java, Kotlin, CSharp, Rust, PHP, Ruby, Lua:
		s.scanCode(syntaxOf(s.lang), 0, len(s.text))
	case Nginx:
		s.scanNginx(0, len(s.text))
	case Apache:
		s.scanApache()
	case HAProxy:
		s.scanHAProxy()
	case Caddy:
		s.scanCaddy()
	case YAML:
		s.scanYAML()
	case JSON:
		s.scanJSON()
	case HTTP:
		s.scanHTTPFile()
	case AccessLog:
		s.scanAccessLog()
	default:
		s.scanPlain()
	}
	if !slices.IsSortedFunc(s.findings, func(a, b Finding) int { return a.Start - b.Start }) {
		slices.SortStableFunc(s.findings, func(a, b Finding) int { return a.Start - b.Start })
	}
	// Rules may meet the same text twice (a constant seen as a value and in
	// prose); keep the first, which came from the more specific rule, but
	// for a constant taken as a plain mention that a slot claims later,
	// once the tokens after it are read (the first value of a case arm
	// with several, case http.StatusFound, http.StatusSeeOther:).
	out := s.findings[:0]
	for _, f := range s.findings {
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			if p := &out[n-1]; p.Kind == NamedConstant && p.Context == plainConstant && f.Start == p.Start && f.End == p.End {
				*p = f
			}
			continue
		}
		out = append(out, f)
	}
	clear(s.findings[len(out):])
	s.findings = out
}

// accepts applies a filter to a number.
func (s *scan) accepts(f filter, code int) bool {
	switch f {
	case anyInt:
		return true
	case threeDigits:
		return code >= 100 && code <= 999
	case knownError:
		return code >= 400 && code < 600 && s.a.known[code]
	}
	return code >= 100 && code < 600 && s.a.known[code]
}

// addNumber reports the integer written at text[start:end] (a number
// literal, or the digits of a quoted key or of "http_502") if the slot
// accepts it.
func (s *scan) addNumber(start, end int, kind Kind, where Where, sl slot) bool {
	code, ok := atoi(s.text[start:end])
	if !ok {
		return false
	}
	if s.probe >= 0 && start == s.probe {
		s.probed, s.probeHit = true, sl
		return false
	}
	if s.commented {
		where, sl = s.uncommented(where, sl)
	}
	if !s.accepts(sl.filter, code) || s.codeOnly && where == InComment {
		return false
	}
	directive, context := sl.describe()
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Code: code, Class: code / 100, Kind: kind, Where: where,
		Evidence: sl.evidence, Role: sl.role, Directive: directive, Context: context,
	})
	return true
}

// addClass reports a class such as 5xx (its first digit at start).
func (s *scan) addClass(start, end int, where Where, sl slot) {
	if s.probe >= 0 && start == s.probe {
		s.probed, s.probeHit = true, sl
		return
	}
	if s.commented {
		where, sl = s.uncommented(where, sl)
	}
	if s.codeOnly && where == InComment {
		return
	}
	directive, context := sl.describe()
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Class: int(s.text[start] - '0'), Kind: ClassRange, Where: where,
		Evidence: sl.evidence, Role: sl.role, Directive: directive, Context: context,
	})
}

// addConstant reports a named constant of ecosystem ec.
//
// name is the constant's spelling as the catalogue has it, which saves
// an allocation per finding.
func (s *scan) addConstant(start, end int, ec *ecoConsts, name string, code int, sl slot) {
	s.ecoUsed |= 1 << uint(ec.idx%64)
	if s.probe >= 0 && start <= s.probe && s.probe <= end {
		s.probed, s.probeHit = true, sl
		return
	}
	directive, context := sl.describe()
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Code: code, Class: code / 100, Kind: NamedConstant, Where: InCode,
		Ecosystem: ec.id, Name: name, Evidence: Strong, Role: sl.role, Directive: directive, Context: context,
	})
}

// uncommented turns a slot of a commented-out directive into what a
// comment warrants: the finding is in the comment, explained but not
// checked, so it is weak and limited to known codes.
func (s *scan) uncommented(where Where, sl slot) (Where, slot) {
	sl.evidence, sl.filter = Weak, knownOnly
	return InComment, sl
}

// commentedOut scans the comment text[c:hi] (c at its "#") with scanLine
// when the comment is a directive that was commented out, as default
// configurations ship many (#error_page 404 /404.html;), and reports
// whether it did. isDirective says whether a word names a directive
// that holds codes. A scan for code only (see codeOnly) is done with every
// comment, whose findings it does not want.
func (s *scan) commentedOut(c, hi int, isDirective func([]byte) bool, scanLine func(lo, hi int)) bool {
	if s.codeOnly {
		return true
	}
	text := s.text
	k := c
	for k < hi && (text[k] == '#' || text[k] == ' ' || text[k] == '\t') {
		k++
	}
	w := k
	for w < hi && text[w] != ' ' && text[w] != '\t' && text[w] != ';' {
		w++
	}
	if w == k || !isDirective(text[k:w]) {
		return false
	}
	s.commented = true
	scanLine(k, hi)
	s.commented = false
	return true
}

// atoi parses a decimal integer of at most six digits without leading
// zeros (0644 is a file mode, not a code).
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 6 || (b[0] == '0' && len(b) > 1) {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// mentionsHTTP reports whether the file mentions HTTP at all, which weak
// rules (a bare "code" variable) require; computed on first use.
func (s *scan) mentionsHTTP() bool {
	if s.httpDone == 0 {
		s.httpDone = 2
		if bytes.Contains(s.text, []byte("http")) || bytes.Contains(s.text, []byte("HTTP")) || bytes.Contains(s.text, []byte("Http")) {
			s.httpDone = 1
		}
	}
	return s.httpDone == 1
}

// speaksOtherProtocol reports whether the file is about a protocol whose
// replies are three-digit codes too (SMTP's 250, FTP's 550, NNTP's 411),
// rather than about HTTP: it names one of them at least three times and
// more than twice as often as HTTP outside URLs. Prose there ("500 Error:
// bad syntax" in smtpd.py) is about those replies; code is left to its
// slots, since a file may speak both (boto's utils.py has an SMTP logging
// handler and retries on 404). Computed on first use.
func (s *scan) speaksOtherProtocol() bool {
	if s.otherDone == 0 {
		s.otherDone = 2
		if other, http := protocolNames(s.text); other >= 3 && other > 2*http {
			s.otherDone = 1
		}
	}
	return s.otherDone == 1
}

// protocolNames counts in text the names of the protocols with numeric
// replies other than HTTP (SMTP, NNTP, FTP) and those of HTTP outside URLs,
// in any case. All four names end in "tp": two searches for it, in lower
// and upper case, whose hits are read back, cost a fraction of a search
// per name and case.
func protocolNames(text []byte) (other, http int) {
	for _, tp := range []string{"tp", "TP"} {
		for i := 0; ; {
			k := bytes.Index(text[i:], []byte(tp))
			if k < 0 {
				break
			}
			j := i + k // text[j:j+2] is the "tp"
			i = j + 2
			switch {
			case j >= 2 && (eqFold(text[j-2:j], "sm") || eqFold(text[j-2:j], "nn")):
				other++
			case j >= 2 && eqFold(text[j-2:j], "ht"):
				if !bytes.HasPrefix(text[i:], []byte("://")) && !bytes.HasPrefix(text[i:], []byte("s://")) {
					http++
				}
			case j >= 1 && (text[j-1] == 'f' || text[j-1] == 'F'):
				other++
			}
		}
	}
	return other, http
}

// imported returns the ecosystems whose library the file visibly imports,
// as bits over a.ecos, computed on first use.
func (s *scan) imported() uint64 {
	if !s.hintedDone {
		s.hinted, s.hintedDone = s.a.imports(s.lang, s.text), true
	}
	return s.hinted
}

// imports returns the ecosystems whose library text, in lang, visibly
// imports, as bits over a.ecos.
func (a *Analyzer) imports(lang Language, text []byte) uint64 {
	var bits uint64
	for _, h := range a.hints[lang] {
		if bits&h.bit == 0 && containsAny(text, h.needles) {
			bits |= h.bit
		}
	}
	return bits
}

// importHint is an entry of importHints bound to an analyzer: the bit of
// its ecosystem in scan.hinted.
type importHint struct {
	bit     uint64
	needles []string
}

// buildHints selects, per language, the import hints of the analyzer's
// ecosystems, so that a file only searches for the needles that concern
// its language.
func buildHints(ecos []*catalog.Ecosystem) map[Language][]importHint {
	m := map[Language][]importHint{}
	for i, e := range ecos {
		if i >= 64 {
			break
		}
		for _, h := range importHints {
			if h.id != e.ID {
				continue
			}
			for _, l := range h.langs {
				m[l] = append(m[l], importHint{bit: 1 << uint(i), needles: h.needles})
			}
		}
	}
	return m
}

// fileEcosystems computes a Result's Ecosystems on first use: the
// ecosystems whose constants the scan found, and those whose library the
// file visibly imports, which is searched for only then, unless the scan
// needed it. The search (a needle or more per library) was 6% of the time
// analysing real code took, and most files have no finding that asks.
type fileEcosystems struct {
	once sync.Once
	a    *Analyzer
	lang Language
	text []byte
	used uint64 // bit i: a.ecos[i] is used
	// imported says that used holds the imports already.
	imported bool
	ids      []string
}

// ecosystems returns the scan's share of its Result's Ecosystems.
func (s *scan) ecosystems() *fileEcosystems {
	return &fileEcosystems{a: s.a, lang: s.lang, text: s.text, used: s.ecoUsed | s.hinted, imported: s.hintedDone}
}

func (fe *fileEcosystems) get() []string {
	fe.once.Do(func() {
		used := fe.used
		if !fe.imported {
			used |= fe.a.imports(fe.lang, fe.text)
		}
		for i, e := range fe.a.ecos {
			if i < 64 && used&(1<<uint(i)) != 0 {
				fe.ids = append(fe.ids, e.ID)
			}
		}
		fe.text = nil
	})
	return fe.ids
}

func containsAny(text []byte, needles []string) bool {
	for _, n := range needles {
		if bytes.Contains(text, []byte(n)) {
			return true
		}
	}
	return false
}

// importHints say which text shows that a file uses an ecosystem's library
// before any of its constants appears, so that completion can offer them.
// One line per ecosystem; IDs that the catalogue lacks are ignored.
var importHints = []struct {
	id      string
	langs   []Language
	needles []string
}{
	{"go-nethttp", []Language{Go}, []string{`"net/http"`}},
	{"go-fiber", []Language{Go}, []string{"gofiber/fiber"}},
	{"python-httpstatus", []Language{Python}, []string{"from http import", "import http\n", "HTTPStatus"}},
	{"starlette", []Language{Python}, []string{"starlette", "fastapi"}},
	{"drf", []Language{Python}, []string{"rest_framework"}},
	{"python-requests", []Language{Python}, []string{"import requests", "from requests"}},
	{"npm-http-status-codes", []Language{JavaScript, TypeScript}, []string{"http-status-codes"}},
	{"nestjs", []Language{JavaScript, TypeScript}, []string{"@nestjs/"}},
	{"node-http", []Language{JavaScript, TypeScript}, []string{"'http'", `"http"`, "node:http"}},
	{"servlet", []Language{Java, Kotlin}, []string{"javax.servlet", "jakarta.servlet"}},
	{"spring", []Language{Java, Kotlin}, []string{"org.springframework.http"}},
	{"jaxrs", []Language{Java, Kotlin}, []string{"javax.ws.rs", "jakarta.ws.rs"}},
	{"jetty", []Language{Java, Kotlin}, []string{"org.eclipse.jetty.http"}},
	{"aspnetcore", []Language{CSharp}, []string{"Microsoft.AspNetCore"}},
	{"dotnet-httpstatuscode", []Language{CSharp}, []string{"System.Net"}},
	{"rust-http", []Language{Rust}, []string{"StatusCode"}},
	{"rack", []Language{Ruby}, []string{"Rails", "Rack", "Sinatra", "render "}},
	{"symfony", []Language{PHP}, []string{`Symfony\Component\HttpFoundation`}},
	{"openresty", []Language{Lua, Nginx}, []string{"ngx."}},
}
