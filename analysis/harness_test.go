package analysis_test

// The detection tests read real-looking files under testdata/<language>/,
// where <language> is an analysis.Language ("go", "nginx", "yaml", ...).
// Every expected finding is annotated at the end of the line it concerns:
//
//	w.WriteHeader(502) // @want 502
//	error_page 500 502 /50x.html; # @want 500 502
//	'404': # @want 404:string
//	resp.StatusCode == http.StatusOK // @want http.StatusOK=200
//	// returns 404 when missing @want 404:comment:weak
//
// An annotation runs from "@want" to the end of the line. Before analysing,
// the harness blanks it with spaces, so offsets do not move and the
// annotation's own digits are not scanned (the comment marker before it,
// if any, stays as an empty comment). Each item names the finding's text as
// it appears on the line; the harness looks for the items left to right, at
// token boundaries, to get the exact expected span. An item may add:
//
//	#N          the Nth occurrence of the text from the previous item on
//	            (404#2 skips a decoy "/orders/404" before the finding)
//	=CODE       the code, when the text is a constant (http.StatusOK=200)
//	:QUALIFIER  any of code, string, comment (where), weak, strong
//	            (evidence), a role (status, error, redirect, expected,
//	            compare, condition, documented, mention, logged) or a kind
//	            (number, string-kind is written "literal", constant, class)
//	:eco=ID     the ecosystem of a constant (status.HTTP_200_OK=200:eco=drf)
//
// A finding that is not wanted, or a wanted finding that is missing, fails
// the test with "file:line: ..." lines. Lines without @want are decoys: ports,
// timeouts, sizes, colours and versions that must stay unreported.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/internal/marker"
	"github.com/statusls/statusls/catalog"
)

// fixtureKnown is the set of codes the test analyzer treats as known in
// weak contexts: the IANA registry and the vendor codes the catalogue
// describes. It is fixed here so that test expectations do not move when
// catalogue data grows.
var fixtureKnown = []int{
	100, 101, 102, 103, 104,
	200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
	300, 301, 302, 303, 304, 305, 306, 307, 308,
	400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
	424, 425, 426, 428, 429, 431, 444, 451, 460, 463, 494, 495, 496, 497, 499,
	500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 520, 521, 522, 523, 524, 525, 526, 527, 530, 561,
}

// fixtureEcosystems are small stand-ins for the catalogue's ecosystems,
// with the IDs and qualifiers the catalogue uses.
func fixtureEcosystems() []*catalog.Ecosystem {
	eco := func(id, lang, imp, qual string, consts ...any) *catalog.Ecosystem {
		e := &catalog.Ecosystem{ID: id, Name: id, Language: lang, Library: id, Import: imp, Qualifier: qual}
		for i := 0; i < len(consts); i += 2 {
			e.Constants = append(e.Constants, catalog.Constant{Name: consts[i].(string), Code: consts[i+1].(int)})
		}
		return e
	}
	return []*catalog.Ecosystem{
		eco("go-nethttp", "go", "net/http", "http.", "StatusOK", 200, "StatusCreated", 201, "StatusNoContent", 204,
			"StatusMovedPermanently", 301, "StatusFound", 302, "StatusBadRequest", 400, "StatusUnauthorized", 401,
			"StatusNotFound", 404, "StatusInternalServerError", 500, "StatusBadGateway", 502, "StatusServiceUnavailable", 503),
		eco("go-fasthttp", "go", "github.com/valyala/fasthttp", "fasthttp.", "StatusOK", 200, "StatusNotFound", 404,
			"StatusBadGateway", 502),
		eco("go-fiber", "go", "github.com/gofiber/fiber/v2", "fiber.", "StatusOK", 200, "StatusNotFound", 404,
			"StatusBadRequest", 400, "ErrNotFound", 404, "ErrBadGateway", 502),
		eco("python-httpstatus", "python", "from http import HTTPStatus", "HTTPStatus.", "OK", 200, "CREATED", 201,
			"NOT_FOUND", 404, "BAD_REQUEST", 400, "INTERNAL_SERVER_ERROR", 500, "UNPROCESSABLE_ENTITY", 422),
		eco("starlette", "python", "from starlette import status", "status.", "HTTP_200_OK", 200, "HTTP_201_CREATED", 201,
			"HTTP_404_NOT_FOUND", 404, "HTTP_401_UNAUTHORIZED", 401, "HTTP_204_NO_CONTENT", 204),
		eco("drf", "python", "from rest_framework import status", "status.", "HTTP_200_OK", 200, "HTTP_201_CREATED", 201,
			"HTTP_400_BAD_REQUEST", 400, "HTTP_404_NOT_FOUND", 404),
		eco("falcon", "python", "import falcon", "falcon.", "HTTP_200", 200, "HTTP_OK", 200, "HTTP_404", 404,
			"HTTP_NOT_FOUND", 404, "HTTP_201", 201, "HTTP_CREATED", 201),
		eco("python-requests", "python", "import requests", "requests.codes.", "ok", 200, "not_found", 404, "created", 201),
		eco("npm-http-status-codes", "javascript", "http-status-codes", "StatusCodes.", "OK", 200, "CREATED", 201,
			"NOT_FOUND", 404, "BAD_REQUEST", 400, "INTERNAL_SERVER_ERROR", 500, "UNAUTHORIZED", 401),
		eco("axios", "javascript", "axios", "HttpStatusCode.", "Ok", 200, "NotFound", 404, "TooManyRequests", 429),
		eco("nestjs", "javascript", "@nestjs/common", "HttpStatus.", "OK", 200, "CREATED", 201, "NOT_FOUND", 404,
			"FORBIDDEN", 403, "BAD_REQUEST", 400, "NO_CONTENT", 204),
		eco("servlet", "java", "jakarta.servlet.http.HttpServletResponse", "HttpServletResponse.", "SC_OK", 200,
			"SC_NOT_FOUND", 404, "SC_UNAUTHORIZED", 401, "SC_INTERNAL_SERVER_ERROR", 500, "SC_BAD_REQUEST", 400),
		eco("jetty", "java", "org.eclipse.jetty.http.HttpStatus", "HttpStatus.", "OK_200", 200, "NOT_FOUND_404", 404,
			"BAD_GATEWAY_502", 502),
		func() *catalog.Ecosystem {
			e := eco("jaxrs", "java", "jakarta.ws.rs.core.Response", "Response.Status.", "OK", 200, "NOT_FOUND", 404,
				"BAD_REQUEST", 400)
			e.ImportRequired = true
			return e
		}(),
		func() *catalog.Ecosystem {
			e := eco("spring-test", "java", "org.springframework.test.web.servlet.result.MockMvcResultMatchers.status", "status().",
				"isOk", 200, "isCreated", 201, "isNotFound", 404, "isConflict", 409)
			e.AcceptedBy = []string{"andExpect", "andExpectAll", "alwaysExpect"}
			return e
		}(),
		eco("spring-webtestclient", "java", "org.springframework.test.web.reactive.server.WebTestClient", "expectStatus().",
			"isOk", 200, "isNotFound", 404),
		eco("java-httpurlconnection", "java", "java.net.HttpURLConnection", "HttpURLConnection.", "HTTP_OK", 200,
			"HTTP_CREATED", 201, "HTTP_NOT_FOUND", 404, "HTTP_UNAVAILABLE", 503),
		eco("apache-httpcore", "java", "org.apache.http.HttpStatus", "HttpStatus.", "SC_OK", 200, "SC_NOT_FOUND", 404,
			"SC_TOO_MANY_REQUESTS", 429),
		eco("spring", "java", "org.springframework.http.HttpStatus", "HttpStatus.", "OK", 200, "CREATED", 201,
			"NOT_FOUND", 404, "BAD_REQUEST", 400, "NO_CONTENT", 204, "CONFLICT", 409, "INTERNAL_SERVER_ERROR", 500),
		eco("aspnetcore", "csharp", "Microsoft.AspNetCore.Http", "StatusCodes.", "Status200OK", 200,
			"Status201Created", 201, "Status404NotFound", 404, "Status400BadRequest", 400, "Status500InternalServerError", 500),
		eco("dotnet-httpstatuscode", "csharp", "System.Net", "HttpStatusCode.", "OK", 200, "NotFound", 404,
			"BadRequest", 400, "Created", 201, "NoContent", 204, "InternalServerError", 500, "Unauthorized", 401),
		eco("rust-http", "rust", "http::StatusCode", "StatusCode::", "OK", 200, "CREATED", 201, "NOT_FOUND", 404,
			"BAD_REQUEST", 400, "INTERNAL_SERVER_ERROR", 500, "NO_CONTENT", 204, "UNAUTHORIZED", 401),
		eco("symfony", "php", `Symfony\Component\HttpFoundation\Response`, "Response::", "HTTP_OK", 200,
			"HTTP_NOT_FOUND", 404, "HTTP_CREATED", 201, "HTTP_BAD_REQUEST", 400, "HTTP_UNPROCESSABLE_ENTITY", 422),
		eco("rack", "ruby", "rack", ":", "ok", 200, "created", 201, "no_content", 204, "not_found", 404,
			"unprocessable_entity", 422, "moved_permanently", 301, "unauthorized", 401, "forbidden", 403),
		eco("ktor", "kotlin", "io.ktor.http.HttpStatusCode", "HttpStatusCode.", "OK", 200, "Created", 201, "NotFound", 404,
			"BadRequest", 400, "TooManyRequests", 429),
		eco("openresty", "lua", "ngx", "ngx.", "HTTP_OK", 200, "HTTP_NOT_FOUND", 404, "HTTP_FORBIDDEN", 403,
			"HTTP_INTERNAL_SERVER_ERROR", 500, "HTTP_BAD_GATEWAY", 502, "HTTP_MOVED_TEMPORARILY", 302, "HTTP_UNAUTHORIZED", 401),
	}
}

var fixture = analysis.New(fixtureEcosystems(), fixturePhrases)

// fixturePhrases gives the codes of fixtureKnown, and no others, their
// reason phrases, which the catalogue holds as facts of the RFCs and
// vendors' documentation.
func fixturePhrases(code int) []string {
	if !slices.Contains(fixtureKnown, code) {
		return nil
	}
	return catalog.Default().Phrases(code)
}

// want is one expected finding.
type want struct {
	line       int
	start, end int
	text       string
	nth        int
	code       int // -1: class
	quals      []string
}

// parseWants blanks the annotations of src and returns what they expect.
func parseWants(t *testing.T, name string, src []byte) []want {
	t.Helper()
	var wants []want
	for _, l := range marker.Extract(src, "@want") {
		from := 0
		for _, item := range l.Items {
			w := parseItem(t, name, l.Num, item)
			off := -1
			for range w.nth {
				if off = marker.FindToken(l.Text, w.text, from); off >= 0 {
					from = off + len(w.text)
				}
			}
			if off < 0 {
				t.Errorf("%s:%d: @want %s: text %q not found on the line", name, l.Num, item, w.text)
				continue
			}
			w.line, w.start, w.end = l.Num, l.Start+off, l.Start+off+len(w.text)
			from = off + len(w.text)
			wants = append(wants, w)
		}
	}
	return wants
}

var qualifierWords = []string{"code", "string", "comment", "weak", "strong", "mention", "status", "error", "redirect",
	"expected", "compare", "condition", "documented", "logged", "bound", "number", "literal", "constant", "class"}

func parseItem(t *testing.T, name string, line int, item string) want {
	w := want{}
	for {
		i := strings.LastIndexByte(item, ':')
		if i <= 0 || !slices.Contains(qualifierWords, item[i+1:]) && !strings.HasPrefix(item[i+1:], "eco=") {
			break
		}
		w.quals = append(w.quals, item[i+1:])
		item = item[:i]
	}
	w.nth = 1
	if i := strings.LastIndexByte(item, '#'); i > 0 {
		if n, err := strconv.Atoi(item[i+1:]); err == nil {
			w.nth, item = n, item[:i]
		}
	}
	text, codeText, hasCode := strings.Cut(item, "=")
	w.text = text
	if !hasCode {
		codeText = strings.Trim(text, `"'`)
		if i := strings.LastIndexByte(codeText, '_'); i >= 0 {
			codeText = codeText[i+1:] // http_502
		}
	}
	if len(codeText) == 3 && (codeText[1] == 'x' || codeText[1] == 'X') {
		w.code = -1
		return w
	}
	n, err := strconv.Atoi(codeText)
	if err != nil {
		t.Fatalf("%s:%d: @want %s: cannot tell the code (write TEXT=CODE)", name, line, item)
	}
	w.code = n
	return w
}

func describe(f analysis.Finding) string {
	code := strconv.Itoa(f.Code)
	if f.Kind == analysis.ClassRange {
		code = fmt.Sprintf("%dxx", f.Class)
	}
	eco := ""
	if f.Ecosystem != "" {
		eco = " " + f.Ecosystem
	}
	return fmt.Sprintf("%s (%s, %s, %s, %s%s, %q)", code, f.Kind, f.Where, f.Role, evidenceName(f.Evidence), eco, f.Context)
}

func evidenceName(e analysis.Evidence) string {
	if e == analysis.Weak {
		return "weak"
	}
	return "strong"
}

func matches(w want, f analysis.Finding) []string {
	var bad []string
	for _, q := range w.quals {
		ok := true
		switch q {
		case "code", "string", "comment":
			ok = f.Where.String() == q
		case "weak", "strong":
			ok = evidenceName(f.Evidence) == q
		case "number", "constant", "class":
			ok = f.Kind.String() == q
		case "literal":
			ok = f.Kind == analysis.StringLiteral
		case "eco=" + f.Ecosystem:
		default:
			ok = f.Role.String() == q
		}
		if !ok {
			bad = append(bad, q)
		}
	}
	return bad
}

// checkFile analyses one annotated file and reports every difference.
func checkFile(t *testing.T, a *analysis.Analyzer, lang analysis.Language, name string, src []byte) {
	t.Helper()
	src = bytes.Clone(src)
	wants := parseWants(t, name, src)
	res := a.Analyze(lang, src)
	lineOf := func(off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }
	used := make([]bool, len(res.Findings))
	for _, w := range wants {
		found := false
		for i, f := range res.Findings {
			if used[i] || f.Start != w.start || f.End != w.end {
				continue
			}
			used[i], found = true, true
			if w.code >= 0 && f.Code != w.code || w.code < 0 && f.Kind != analysis.ClassRange {
				t.Errorf("%s:%d: want %s=%d, got %s", name, w.line, w.text, w.code, describe(f))
			}
			if bad := matches(w, f); len(bad) > 0 {
				t.Errorf("%s:%d: want %s with %v, got %s", name, w.line, w.text, bad, describe(f))
			}
		}
		if !found {
			t.Errorf("%s:%d: missing %s", name, w.line, w.text)
		}
	}
	for i, f := range res.Findings {
		if !used[i] {
			t.Errorf("%s:%d: unexpected %q: %s", name, lineOf(f.Start), src[f.Start:f.End], describe(f))
		}
	}
}

// TestTestdata runs every annotated file under testdata/<language>/.
func TestTestdata(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "fuzz" || d.Name() == "detect" || d.Name() == "slots" {
			continue
		}
		lang := analysis.Language(d.Name())
		t.Run(d.Name(), func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join("testdata", d.Name(), "*"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no test files for %s: %v", lang, err)
			}
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				checkFile(t, fixture, lang, f, src)
			}
		})
	}
}
