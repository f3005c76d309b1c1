package analysis

import (
	"bytes"
	"slices"
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
)

// slot describes a place where a status code is expected, as decided by a
// scanner's rules.
type slot struct {
	role      Role
	filter    filter
	evidence  Evidence
	directive string
	context   string
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

	hinted     uint64 // bit i: the file imports a.ecos[i] (see importHints)
	hintedDone bool
	httpDone   uint8 // 0: not computed, 1: the file mentions HTTP, 2: it does not

	probe    int // offset SlotAt asks about, or -1
	probed   bool
	probeHit slot
}

func (a *Analyzer) newScan(lang Language, text []byte, probe int) *scan {
	return &scan{a: a, lang: lang, ecoLangs: ecoLanguages(lang), text: text, probe: probe}
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
	// prose); keep the first, which came from the more specific rule.
	out := s.findings[:0]
	for _, f := range s.findings {
		if len(out) > 0 && f.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, f)
	}
	s.findings = out
}

// accepts applies a filter to a number.
func (s *scan) accepts(f filter, code int) bool {
	switch f {
	case anyInt:
		return true
	case threeDigits:
		return code >= 100 && code <= 999
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
	if !s.accepts(sl.filter, code) {
		return false
	}
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Code: code, Class: code / 100, Kind: kind, Where: where,
		Evidence: sl.evidence, Role: sl.role, Directive: sl.directive, Context: sl.context,
	})
	return true
}

// addClass reports a class such as 5xx (its first digit at start).
func (s *scan) addClass(start, end int, where Where, sl slot) {
	if s.probe >= 0 && start == s.probe {
		s.probed, s.probeHit = true, sl
		return
	}
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Class: int(s.text[start] - '0'), Kind: ClassRange, Where: where,
		Evidence: sl.evidence, Role: sl.role, Directive: sl.directive, Context: sl.context,
	})
}

// addConstant reports a named constant of ecosystem ec.
func (s *scan) addConstant(start, end int, ec *ecoConsts, name []byte, code int, sl slot) {
	s.ecoUsed |= 1 << uint(ec.idx%64)
	if s.probe >= 0 && start <= s.probe && s.probe <= end {
		s.probed, s.probeHit = true, sl
		return
	}
	s.findings = append(s.findings, Finding{
		Start: start, End: end, Code: code, Class: code / 100, Kind: NamedConstant, Where: InCode,
		Ecosystem: ec.id, Name: string(name), Evidence: Strong, Role: sl.role, Directive: sl.directive, Context: sl.context,
	})
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

// imported returns the ecosystems whose library the file visibly imports,
// as bits over a.ecos, computed on first use.
func (s *scan) imported() uint64 {
	if s.hintedDone {
		return s.hinted
	}
	s.hintedDone = true
	for i, e := range s.a.ecos {
		if i >= 64 {
			break
		}
		for _, h := range importHints {
			if h.id == e.ID && slices.Contains(h.langs, s.lang) && containsAny(s.text, h.needles) {
				s.hinted |= 1 << uint(i)
				break
			}
		}
	}
	return s.hinted
}

// ecosystems lists the ecosystems the file uses: those whose constants it
// contains and those whose library it visibly imports.
func (s *scan) ecosystems() []string {
	used := s.ecoUsed | s.imported()
	var out []string
	for i, e := range s.a.ecos {
		if i < 64 && used&(1<<uint(i)) != 0 {
			out = append(out, e.ID)
		}
	}
	return out
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
	{"python-httpstatus", []Language{Python}, []string{"from http import", "import http\n", "HTTPStatus"}},
	{"starlette", []Language{Python}, []string{"starlette", "fastapi"}},
	{"drf", []Language{Python}, []string{"rest_framework"}},
	{"python-requests", []Language{Python}, []string{"import requests", "from requests"}},
	{"npm-http-status-codes", []Language{JavaScript, TypeScript}, []string{"http-status-codes"}},
	{"nestjs", []Language{JavaScript, TypeScript}, []string{"@nestjs/"}},
	{"node-http", []Language{JavaScript, TypeScript}, []string{"'http'", `"http"`, "node:http"}},
	{"servlet", []Language{Java, Kotlin}, []string{"javax.servlet", "jakarta.servlet"}},
	{"spring", []Language{Java, Kotlin}, []string{"org.springframework.http"}},
	{"aspnetcore", []Language{CSharp}, []string{"Microsoft.AspNetCore"}},
	{"dotnet-httpstatuscode", []Language{CSharp}, []string{"System.Net"}},
	{"rust-http", []Language{Rust}, []string{"StatusCode"}},
	{"rack", []Language{Ruby}, []string{"Rails", "Rack", "Sinatra", "render "}},
	{"symfony", []Language{PHP}, []string{`Symfony\Component\HttpFoundation`}},
	{"openresty", []Language{Lua, Nginx}, []string{"ngx."}},
}
