package analysis

import "bytes"

// The rule tables of the source-code scanners. Each line is one place where
// a status code is written; a contributor adds a framework by adding lines.

// langSet is a set of languages a rule applies to; 0 means every code
// language.
type langSet uint16

const (
	lGo langSet = 1 << iota
	lJS         // JavaScript and TypeScript
	lPy
	lJava // Java and Kotlin
	lCS
	lRust
	lPHP
	lRuby
	lLua
)

func langBit(l Language) langSet {
	switch l {
	case Go:
		return lGo
	case JavaScript, TypeScript:
		return lJS
	case Python:
		return lPy
	case Java, Kotlin:
		return lJava
	case CSharp:
		return lCS
	case Rust:
		return lRust
	case PHP:
		return lPHP
	case Ruby:
		return lRuby
	case Lua, Nginx:
		return lLua
	}
	return 0
}

// Receiver requirements of a call rule, besides a literal receiver name.
const (
	anyRecv  = ""  // method or plain function
	isMethod = "." // x.f(...) only
	isFunc   = "-" // f(...) only, not a method
)

// callRule: the argument at index arg (-1: any argument) of a call to
// callee is a status code.
type callRule struct {
	callee string
	langs  langSet
	recv   string // anyRecv, isMethod, isFunc or the receiver's name ("http")
	arg    int
	role   Role
	ctx    string
}

var callRules = []callRule{
	// Go net/http and the frameworks around it (gin, echo, fiber, chi).
	{"WriteHeader", lGo, anyRecv, 0, Status, "argument of WriteHeader"},
	{"Error", lGo, "http", 2, ErrorStatus, "status of http.Error"},
	{"Redirect", lGo, "http", 3, RedirectStatus, "status of http.Redirect"},
	{"RedirectHandler", lGo, "http", 1, RedirectStatus, "status of http.RedirectHandler"},
	{"StatusText", lGo, "http", 0, Mention, "argument of http.StatusText"},
	{"Redirect", lGo, isMethod, 0, RedirectStatus, "status of c.Redirect"},
	{"JSON", lGo, isMethod, 0, Status, "status of c.JSON"},
	{"String", lGo, isMethod, 0, Status, "status of c.String"},
	{"Status", lGo, isMethod, 0, Status, "argument of c.Status"},
	{"Status", lGo, "render", 1, Status, "status of render.Status"},
	{"NoContent", lGo, isMethod, 0, Status, "argument of c.NoContent"},
	{"HTML", lGo, isMethod, 0, Status, "status of c.HTML"},
	{"XML", lGo, isMethod, 0, Status, "status of c.XML"},
	{"YAML", lGo, isMethod, 0, Status, "status of c.YAML"},
	{"Data", lGo, isMethod, 0, Status, "status of c.Data"},
	{"Blob", lGo, isMethod, 0, Status, "status of c.Blob"},
	{"Stream", lGo, isMethod, 0, Status, "status of c.Stream"},
	{"Render", lGo, isMethod, 0, Status, "status of c.Render"},
	{"IndentedJSON", lGo, isMethod, 0, Status, "status of c.IndentedJSON"},
	{"SecureJSON", lGo, isMethod, 0, Status, "status of c.SecureJSON"},
	{"PureJSON", lGo, isMethod, 0, Status, "status of c.PureJSON"},
	{"JSONBlob", lGo, isMethod, 0, Status, "status of c.JSONBlob"},
	{"JSONPretty", lGo, isMethod, 0, Status, "status of c.JSONPretty"},
	{"AbortWithStatus", lGo, isMethod, 0, ErrorStatus, "argument of c.AbortWithStatus"},
	{"AbortWithStatusJSON", lGo, isMethod, 0, ErrorStatus, "status of c.AbortWithStatusJSON"},
	{"AbortWithError", lGo, isMethod, 0, ErrorStatus, "status of c.AbortWithError"},
	{"SendStatus", lGo, isMethod, 0, Status, "argument of c.SendStatus"},
	{"SetStatusCode", lGo, isMethod, 0, Status, "argument of SetStatusCode (fasthttp)"},
	{"NewHTTPError", lGo, anyRecv, 0, ErrorStatus, "status of echo.NewHTTPError"},
	{"NewError", lGo, "fiber", 0, ErrorStatus, "status of fiber.NewError"},

	// Shared method names: Express, Fastify, Spring, Servlet, PSR-7, Rust
	// builders, test clients.
	{"status", 0, isMethod, 0, Status, "argument of .status()"},
	{"setStatus", 0, isMethod, 0, Status, "argument of setStatus"},
	{"sendStatus", 0, isMethod, 0, Status, "argument of sendStatus"},
	{"sendError", 0, isMethod, 0, ErrorStatus, "status of sendError"},
	{"setStatusCode", 0, isMethod, 0, Status, "argument of setStatusCode"},
	{"withStatus", 0, isMethod, 0, Status, "argument of withStatus"},
	{"setResponseCode", 0, isMethod, 0, Status, "argument of setResponseCode"},
	{"statusCode", 0, isMethod, 0, Expected, "argument of .statusCode() (REST Assured)"},
	{"assertStatus", 0, isMethod, 0, Expected, "argument of assertStatus"},
	{"assertResponseStatusCodeSame", 0, anyRecv, 0, Expected, "argument of assertResponseStatusCodeSame"},
	{"redirect", 0, anyRecv, -1, RedirectStatus, "status of redirect"},
	{"abort", lPy | lPHP, anyRecv, 0, ErrorStatus, "argument of abort"},

	// JavaScript and TypeScript: Express, Koa, Fastify, NestJS, SvelteKit,
	// http-errors, supertest, Hono.
	{"code", lJS, isMethod, 0, Status, "argument of reply.code()"},
	{"writeHead", lJS, isMethod, 0, Status, "status of writeHead"},
	{"throw", lJS, isMethod, 0, ErrorStatus, "status of ctx.throw"},
	{"assert", lJS, "ctx", 1, ErrorStatus, "status of ctx.assert"},
	{"createError", lJS, anyRecv, 0, ErrorStatus, "status of createError"},
	{"createHttpError", lJS, anyRecv, 0, ErrorStatus, "status of createHttpError"},
	{"HttpError", lJS, anyRecv, 0, ErrorStatus, "status of HttpError"},
	{"HttpException", lJS, anyRecv, 1, ErrorStatus, "status of HttpException"},
	{"HttpCode", lJS, anyRecv, 0, Status, "argument of @HttpCode"},
	{"error", lJS, isFunc, 0, ErrorStatus, "status of error()"},
	{"expect", lJS, isMethod, 0, Expected, "status expected by supertest .expect()"},
	// The replies of HTTP mocks: nock's .reply(404), axios-mock-adapter's
	// .reply(200, data), undici's MockAgent (see threeDigitCallees).
	{"reply", lJS, isMethod, 0, Status, "status of a mocked reply"},
	// Hono's c.json(body, 404), also Express 3's res.json(body, 404): the
	// status after the body (see threeDigitCallees).
	{"json", lJS, isMethod, 1, Status, "status after the body of .json()"},
	{"text", lJS, isMethod, 1, Status, "status after the body of .text() (Hono)"},
	{"html", lJS, isMethod, 1, Status, "status after the body of .html() (Hono)"},
	{"body", lJS, isMethod, 1, Status, "status after the body of .body() (Hono)"},
	{"newResponse", lJS, isMethod, 1, Status, "status of .newResponse() (Hono)"},

	// Python: Flask, FastAPI/Starlette, Django, Tornado, flask-restx, WSGI.
	{"HTTPException", lPy, anyRecv, 0, ErrorStatus, "status of HTTPException"},
	{"HTTPError", lPy, isFunc, 0, ErrorStatus, "status of HTTPError"},
	{"HTTPError", lPy, "web", 0, ErrorStatus, "status of HTTPError"},
	{"HTTPError", lPy, anyRecv, 1, ErrorStatus, "status of urllib's HTTPError"},
	{"set_status", lPy, isMethod, 0, Status, "argument of set_status"},
	{"send_error", lPy, isMethod, 0, ErrorStatus, "argument of send_error"},
	{"send_response", lPy, isMethod, 0, Status, "argument of send_response"},
	{"make_response", lPy, anyRecv, 1, Status, "status of make_response"},
	{"HTTPStatus", lPy, anyRecv, 0, Mention, "argument of HTTPStatus()"},
	{"start_response", lPy, anyRecv, 0, Status, "status of start_response"},
	{"response", lPy, isMethod, 0, Documented, "status of @api.response"},
	{"errorhandler", lPy, anyRecv, 0, ErrorStatus, "status of @app.errorhandler"},
	{"app_errorhandler", lPy, anyRecv, 0, ErrorStatus, "status of @bp.app_errorhandler"},
	{"register_error_handler", lPy, anyRecv, 0, ErrorStatus, "status of register_error_handler"},
	{"exception_handler", lPy, isMethod, 0, ErrorStatus, "status of @app.exception_handler"},
	{"add_exception_handler", lPy, isMethod, 0, ErrorStatus, "status of add_exception_handler"},
	{"exception_response", lPy, anyRecv, 0, ErrorStatus, "argument of exception_response"}, // Pyramid

	// Java and Kotlin: Spring, Jetty, MockMvc, ktor.
	{"valueOf", lJava, "HttpStatus", 0, Mention, "argument of HttpStatus.valueOf"},
	{"resolve", lJava, "HttpStatus", 0, Mention, "argument of HttpStatus.resolve"},
	{"valueOf", lJava, "HttpStatusCode", 0, Mention, "argument of HttpStatusCode.valueOf"},
	{"fromValue", lJava, "HttpStatusCode", 0, Mention, "argument of HttpStatusCode.fromValue"},
	{"getMessage", lJava, "HttpStatus", 0, Mention, "argument of HttpStatus.getMessage"}, // Jetty
	{"getCode", lJava, "HttpStatus", 0, Mention, "argument of HttpStatus.getCode"},

	// C#: ASP.NET Core, controllers and minimal APIs.
	{"StatusCode", lCS, anyRecv, 0, Status, "argument of StatusCode()"},
	{"StatusCodeResult", lCS, anyRecv, 0, Status, "argument of StatusCodeResult"},
	{"ProducesResponseType", lCS, anyRecv, -1, Documented, "[ProducesResponseType]"},
	{"SwaggerResponse", lCS, anyRecv, 0, Documented, "[SwaggerResponse]"},
	// Minimal APIs' OpenAPI metadata: .Produces(404), .ProducesProblem(500).
	{"Produces", lCS, isMethod, 0, Documented, "status of .Produces()"},
	{"ProducesProblem", lCS, isMethod, 0, Documented, "status of .ProducesProblem()"},
	{"ProducesValidationProblem", lCS, isMethod, 0, Documented, "status of .ProducesValidationProblem()"},

	// Rust: http, reqwest, axum, actix.
	{"from_u16", lRust, "StatusCode", 0, Status, "argument of StatusCode::from_u16"},

	// PHP: Laravel, Symfony, plain PHP.
	{"http_response_code", lPHP, anyRecv, 0, Status, "argument of http_response_code"},
	{"header", lPHP, isFunc, 2, Status, "status of header()"},
	{"abort_if", lPHP, anyRecv, 1, ErrorStatus, "status of abort_if"},
	{"abort_unless", lPHP, anyRecv, 1, ErrorStatus, "status of abort_unless"},
	{"json", lPHP, isMethod, 1, Status, "status of response()->json"},
	{"response", lPHP, isFunc, 1, Status, "status of response()"},
	{"Response", lPHP, anyRecv, 1, Status, "status of new Response"},
	{"JsonResponse", lPHP, anyRecv, 1, Status, "status of new JsonResponse"},
	{"RedirectResponse", lPHP, anyRecv, 1, RedirectStatus, "status of new RedirectResponse"},
	{"HttpException", lPHP, anyRecv, 0, ErrorStatus, "status of HttpException"},

	// Ruby: Rails, Sinatra, RSpec, Minitest.
	{"head", lRuby, anyRecv, 0, Status, "argument of head"},
	{"halt", lRuby, anyRecv, 0, Status, "argument of halt"},
	{"status", lRuby, isFunc, 0, Status, "argument of status"},
	{"error", lRuby, isFunc, 0, ErrorStatus, "Sinatra error handler"},
	{"have_http_status", lRuby, anyRecv, 0, Expected, "argument of have_http_status"},
	{"assert_response", lRuby, anyRecv, 0, Expected, "argument of assert_response"},

	// Lua: OpenResty and Kong.
	{"exit", lLua, "ngx", 0, Status, "argument of ngx.exit"},
	{"exit", lLua, "response", 0, Status, "status of kong.response.exit"},
	{"error", lLua, "response", 0, ErrorStatus, "status of kong.response.error"},
	{"set_status", lLua, "response", 0, Status, "argument of kong.response.set_status"},
}

// helperWithBody are the Go frameworks' response helpers whose status is
// always followed by what the response holds (c.JSON(200, obj),
// c.String(200, format), c.Data(200, contentType, data)): their names are
// common methods (p.String(1), m.Data(4)), which a status alone in the
// call tells apart.
var helperWithBody = map[string]bool{
	"Redirect": true, "JSON": true, "String": true, "HTML": true, "XML": true, "YAML": true, "Data": true, "Blob": true,
	"Stream": true, "Render": true, "IndentedJSON": true, "SecureJSON": true, "PureJSON": true, "JSONBlob": true,
	"JSONPretty": true, "AbortWithStatusJSON": true, "AbortWithError": true,
}

// assertCallees are assertion functions whose arguments include a status
// code when another argument is a status (assert.Equal(t, 200, rec.Code)).
var assertCallees = []string{
	"Equal", "Equalf", "EqualValues", "Exactly", "NotEqual",
	"assertEquals", "assertEqual", "assertNotEqual", "assert_equal", "assertSame",
	"assertThat", "equal", "strictEqual", "deepEqual", "notEqual", "notStrictEqual",
	"AreEqual", "AreNotEqual", "assert_eq", "assert_ne", "assert_equals", "That",
}

// chainCallees are matchers that take the expected value after an
// expectation on a status: expect(res.status).toBe(200),
// assertThat(resp.getStatus()).isEqualTo(200), status().is(404),
// response.StatusCode.Should().Be(200), NUnit's Is.EqualTo(404).
var chainCallees = []string{
	"toBe", "toEqual", "toStrictEqual", "equal", "equals", "eql", "eq", "be", "is", "isEqualTo",
	"Be", "toHaveStatus", "toHaveHTTPStatus", "isIn", "oneOf", "toBeOneOf", "equalTo", "EqualTo",
}

// threeDigitCallees are call rules whose slot takes only numbers of three
// digits, not any integer: reply() is a mock's in tests, but also a chat
// bot's or a queue's elsewhere, and text(), html() and body() have other
// meanings in other libraries, whose small numbers are no statuses.
var threeDigitCallees = map[string]bool{"reply": true, "json": true, "text": true, "html": true, "body": true, "newResponse": true}

// heuristicCalleeWords: a call whose name contains one of these
// (case-insensitively) and takes a known code as a whole argument is most
// likely a project's own response helper: respondWithError(w, 400, ...),
// writeJSON(w, 200, v).
var heuristicCalleeWords = []string{"status", "respond", "response", "httperror", "writejson", "senderror", "writeerror", "sendjson", "renderjson", "jsonerror", "errorjson"}

// castTypes: (HttpStatusCode)404 in C#.
var castTypes = []string{"HttpStatusCode"}

// intCasts are the types of the integer casts the engine reads through
// ((int)response.StatusCode; see engine.castEnds).
var intCasts = map[string]bool{"int": true, "long": true, "short": true, "uint": true, "ulong": true, "ushort": true}

// keyClass says what a key or field name makes of the value after it.
type keyClass struct {
	role   Role
	filter filter
	ev     Evidence
}

// classifyKey decides whether a key, keyword argument or field name says
// that its value is a status: statusCode, status_code, StatusCode,
// http_status, wantStatus, expected_code, status. The comparison ignores
// case and underscores, so one entry of statusKeys covers every naming
// convention. Data files and code hold many keys and few of these, so a
// name first has to pass statusKeyShape, which needs no folding.
func classifyKey(name []byte) (keyClass, bool) {
	if !statusKeyShape.admits(name) {
		return statusSuffix(name)
	}
	var buf [40]byte
	n := 0
	for _, c := range name {
		if c == '_' || c == '-' || c == ':' && n == 0 { // HTTP/2's :status
			continue
		}
		if n == len(buf) {
			return keyClass{}, false
		}
		c = lowerByte(c)
		buf[n] = c
		n++
	}
	if kc, ok := statusKeys[string(buf[:n])]; ok { // the compiler does not allocate for the lookup
		return kc, ok
	}
	return statusSuffix(name)
}

// statusSuffix classifies the names that statusKeys does not hold by
// their last words: "status code" (see statusCodeSuffix), or "status" as
// a word of its own after others (serverStatus, backend_status,
// DEFAULT_STATUS, redirect-status), whose value is a status when it is a
// code the catalogue knows, unless the words before say whose status it
// is (exitStatus).
func statusSuffix(name []byte) (keyClass, bool) {
	if kc, ok := statusCodeSuffix(name); ok {
		return kc, ok
	}
	const word = "status"
	n := len(name)
	if n <= len(word)+1 || !eqFold(name[n-len(word):], word) {
		return keyClass{}, false
	}
	before, first := name[:n-len(word)], name[n-len(word)]
	switch c := before[len(before)-1]; {
	case c == '_' || c == '-':
		before = before[:len(before)-1]
	case first == 'S' && (c >= 'a' && c <= 'z' || isDigit(c)):
	case first == 'S' && c >= 'A' && c <= 'Z' && isUpperWord(name[n-len(word):]):
	default:
		return keyClass{}, false // substatus, or a word that ends in status
	}
	if len(before) == 0 || containsWordFold(before, notHTTPStatusWords) {
		return keyClass{}, false
	}
	return keyClass{Status, knownOnly, Weak}, true
}

// isUpperWord reports whether w is written in capitals only.
func isUpperWord(w []byte) bool {
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// statusCodeSuffix classifies the names that statusKeys does not hold but
// that end in "status code", case, underscores and dashes aside
// (RejectionStatusCode, default_status_code): whatever the first words say
// about it, the value is a status.
func statusCodeSuffix(name []byte) (keyClass, bool) {
	const suffix = "statuscode"
	i, k := len(name), len(suffix)
	for i > 0 && k > 0 {
		i--
		c := name[i]
		if c == '_' || c == '-' {
			continue
		}
		if c|0x20 != suffix[k-1] {
			return keyClass{}, false
		}
		k--
	}
	if k > 0 || i == 0 {
		return keyClass{}, false // shorter, or statusCode itself (in statusKeys)
	}
	if containsWordFold(name[:i], notHTTPStatusWords) {
		return keyClass{}, false // exitStatusCode == 127, grpc_status_code = 14
	}
	return keyClass{Status, threeDigits, Strong}, true // as statusCode itself
}

// notHTTPStatusWords are the words before "status" or "status code" in
// the names of other statuses: a process's exit status, an RPC's.
// Multi-Status (207) names its own constants (StatusMultiStatus).
var notHTTPStatusWords = []string{"exit", "process", "rpc", "multi"}

// statusKeys are the names, in lower case and without underscores or
// dashes, that classifyKey recognises.
var statusKeys = func() map[string]keyClass {
	m := map[string]keyClass{}
	for _, g := range []struct {
		kc    keyClass
		names []string
	}{
		{keyClass{Status, knownOnly, Strong}, []string{"status"}},
		{keyClass{Status, threeDigits, Strong}, []string{"statuscode", "httpstatus", "httpstatuscode", "httpcode", "responsecode",
			"responsestatus", "statuscodevalue", "statusint"}},
		{keyClass{Expected, threeDigits, Strong}, []string{"expectedstatus", "expectedcode", "expectedstatuscode", "wantstatus",
			"wantcode", "wantstatuscode", "expectstatus", "expectcode", "targetstatuscode", "expectedhttpstatus", "wanthttpstatus",
			"expectedresponsecode"}},
	} {
		for _, name := range g.names {
			m[name] = g.kc
		}
	}
	return m
}()

// statusKeyShape is what every name in statusKeys has in common, as its
// spellings in code and data show it: the first and last letters in
// either case (after leading or trailing underscores or dashes) and a
// shortest length.
var statusKeyShape = func() (sh keyShape) {
	sh.minLen = 1 << 30
	for name := range statusKeys {
		sh.first[name[0]], sh.first[name[0]-'a'+'A'] = true, true
		sh.last[name[len(name)-1]], sh.last[name[len(name)-1]-'a'+'A'] = true, true
		sh.minLen = min(sh.minLen, len(name))
	}
	return sh
}()

// keyShape is a quick test that rules out most names a table does not
// hold (see statusKeyShape).
type keyShape struct {
	first, last [256]bool
	minLen      int
}

// admits reports whether name may be in the table: as long as its
// shortest spelling, and starting and ending, beyond underscores and
// dashes (and the colon of a pseudo-header), with the letters of one of
// its names.
func (sh *keyShape) admits(name []byte) bool {
	i, j := 0, len(name)
	for i < j && (name[i] == '_' || name[i] == '-' || name[i] == ':') {
		i++
	}
	for j > i && (name[j-1] == '_' || name[j-1] == '-') {
		j--
	}
	return j-i >= sh.minLen && sh.first[name[i]] && sh.last[name[j-1]]
}

// statusListName reports whether a name given to a list, tuple or set of
// numbers says they are statuses: status_forcelist, RETRYABLE_STATUSES,
// retry_5xx, okStatusCodes, RETRY_CODES. The comparison ignores case,
// underscores and dashes; elements must still be codes the catalogue knows.
func statusListName(name []byte) bool {
	var buf [48]byte
	n := 0
	for _, c := range name {
		if c == '_' || c == '-' {
			continue
		}
		if n == len(buf) {
			return false
		}
		c = lowerByte(c)
		buf[n] = c
		n++
	}
	k := buf[:n]
	// Every name accepted holds status, a class (5xx) or codes (see
	// statusListWords): most names hold none, and are ruled out before
	// the lists of words are searched.
	if !bytes.Contains(k, []byte("status")) && !bytes.Contains(k, []byte("xx")) && !bytes.Contains(k, []byte("codes")) {
		return false
	}
	for _, w := range notStatusListWords {
		if bytes.Contains(k, []byte(w)) {
			return false
		}
	}
	if bytes.Contains(k, []byte("status")) {
		return true
	}
	for _, w := range statusListWords {
		if bytes.Contains(k, []byte(w)) {
			return true
		}
	}
	return false
}

// statusListWords are the other parts of names of lists of statuses; each
// holds xx or codes (TestStatusListWords).
var statusListWords = []string{"5xx", "4xx", "3xx", "2xx", "httpcodes", "retrycodes", "retryablecodes", "retriablecodes",
	"responsecodes", "successcodes", "redirectcodes", "errorcodes", "expectedcodes", "allowedcodes", "validcodes", "okcodes"}

// responseBodyCallees send or build a response body, in which a "code"
// key mirrors the status (see engine.inResponseBody); callees and literal
// types whose name contains "response" count as well.
var responseBodyCallees = []string{"json", "JSON", "send", "jsonify", "JsonResponse", "AbortWithStatusJSON", "IndentedJSON"}

// notStatusListWords make a list about statuses hold something else:
// STATUS_POLL_INTERVALS, statusBarSizes, statusColors.
var notStatusListWords = []string{"timeout", "interval", "delay", "backoff", "size", "width", "height", "color", "colour",
	"style", "weight", "font", "duration", "limit", "count", "port", "bar", "badge", "icon", "retries", "attempts", "seconds", "millis"}

// codeKeyCallees: inside these calls a bare "code" key or keyword argument
// is a status: redirect(url, code=301), abort(code=404),
// @ApiResponse(code = 404, message = "...").
var codeKeyCallees = []string{"redirect", "abort", "ApiResponse", "ApiResponses", "HTTPException", "Response"}

// statusishName reports whether an identifier names a received status,
// making what it is compared with a status code: resp.StatusCode,
// res.status, response.status_code, rec.Code, getStatus(), code(). A bare
// "code", or "rc" (the response code Tomcat's tests compare, rc =
// getUrl(...)), only counts with known codes, and only in files that
// mention HTTP (see engine.ident).
func statusishName(name []byte) (filter, bool) {
	if string(name) == "rc" {
		return knownOnly, true
	}
	// Most identifiers are neither: only names ending in "code" or
	// containing "tatus"/"TATUS" go on to the full comparison.
	if len(name) < 4 || !mayBeStatusish(name) {
		return 0, false
	}
	var buf [32]byte
	n := 0
	for _, c := range name {
		if c == '_' {
			continue
		}
		if n == len(buf) {
			return 0, false
		}
		c = lowerByte(c)
		buf[n] = c
		n++
	}
	switch string(buf[:n]) {
	case "statuscode", "status", "getstatus", "getstatuscode", "getstatuscodevalue", "statuscodevalue",
		"getresponsecode", "responsecode", "httpstatus", "statusint", "getcode", "rawstatus", "expectstatus",
		"responsestatus", "responsestatuscode", "expectedstatus", "expectedstatuscode":
		return threeDigits, true
	case "code":
		return knownOnly, true
	}
	// getResponseStatusCode(), getHighConcurrencyStatus(), as for keys.
	if kc, ok := statusSuffix(name); ok {
		return kc.filter, true
	}
	return 0, false
}

func mayBeStatusish(name []byte) bool {
	n := len(name)
	if c := name[n-4] | 0x20; c == 'c' && name[n-1]|0x20 == 'e' {
		return true
	}
	for i := 0; i+4 < n; i++ {
		if name[i]|0x20 == 't' && name[i+1]|0x20 == 'a' && name[i+2]|0x20 == 't' && name[i+3]|0x20 == 'u' {
			return true
		}
	}
	return false
}

// chainKeepers are methods that keep a status a status: status().as_u16(),
// getStatusCode().value(), response.status.to_i.
var chainKeepers = []string{"as_u16", "value", "intValue", "getValue", "to_i", "as_str", "Should", "should", "to", "not_to", "to_not", "expect", "assertThat", "then", "andExpect"}
