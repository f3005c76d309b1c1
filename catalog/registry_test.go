package catalog

import (
	"slices"
	"strings"
	"testing"
)

// ianaRegistry is the IANA HTTP Status Code Registry as of RFC 9110 and the
// later registrations: every code, its reason phrase, state and reference.
// The catalogue must hold exactly these registered codes.
var ianaRegistry = []struct {
	code      int
	phrase    string
	status    Status
	reference string
}{
	{100, "Continue", Assigned, "RFC 9110, section 15.2.1"},
	{101, "Switching Protocols", Assigned, "RFC 9110, section 15.2.2"},
	{102, "Processing", Assigned, "RFC 2518, section 10.1"},
	{103, "Early Hints", Assigned, "RFC 8297, section 2"},
	{104, "Upload Resumption Supported", Temporary, ""},
	{200, "OK", Assigned, "RFC 9110, section 15.3.1"},
	{201, "Created", Assigned, "RFC 9110, section 15.3.2"},
	{202, "Accepted", Assigned, "RFC 9110, section 15.3.3"},
	{203, "Non-Authoritative Information", Assigned, "RFC 9110, section 15.3.4"},
	{204, "No Content", Assigned, "RFC 9110, section 15.3.5"},
	{205, "Reset Content", Assigned, "RFC 9110, section 15.3.6"},
	{206, "Partial Content", Assigned, "RFC 9110, section 15.3.7"},
	{207, "Multi-Status", Assigned, "RFC 4918, section 11.1"},
	{208, "Already Reported", Assigned, "RFC 5842, section 7.1"},
	{226, "IM Used", Assigned, "RFC 3229, section 10.4.1"},
	{300, "Multiple Choices", Assigned, "RFC 9110, section 15.4.1"},
	{301, "Moved Permanently", Assigned, "RFC 9110, section 15.4.2"},
	{302, "Found", Assigned, "RFC 9110, section 15.4.3"},
	{303, "See Other", Assigned, "RFC 9110, section 15.4.4"},
	{304, "Not Modified", Assigned, "RFC 9110, section 15.4.5"},
	{305, "Use Proxy", Deprecated, "RFC 9110, section 15.4.6"},
	{306, "(Unused)", Unused, "RFC 9110, section 15.4.7"},
	{307, "Temporary Redirect", Assigned, "RFC 9110, section 15.4.8"},
	{308, "Permanent Redirect", Assigned, "RFC 9110, section 15.4.9"},
	{400, "Bad Request", Assigned, "RFC 9110, section 15.5.1"},
	{401, "Unauthorized", Assigned, "RFC 9110, section 15.5.2"},
	{402, "Payment Required", Assigned, "RFC 9110, section 15.5.3"},
	{403, "Forbidden", Assigned, "RFC 9110, section 15.5.4"},
	{404, "Not Found", Assigned, "RFC 9110, section 15.5.5"},
	{405, "Method Not Allowed", Assigned, "RFC 9110, section 15.5.6"},
	{406, "Not Acceptable", Assigned, "RFC 9110, section 15.5.7"},
	{407, "Proxy Authentication Required", Assigned, "RFC 9110, section 15.5.8"},
	{408, "Request Timeout", Assigned, "RFC 9110, section 15.5.9"},
	{409, "Conflict", Assigned, "RFC 9110, section 15.5.10"},
	{410, "Gone", Assigned, "RFC 9110, section 15.5.11"},
	{411, "Length Required", Assigned, "RFC 9110, section 15.5.12"},
	{412, "Precondition Failed", Assigned, "RFC 9110, section 15.5.13"},
	{413, "Content Too Large", Assigned, "RFC 9110, section 15.5.14"},
	{414, "URI Too Long", Assigned, "RFC 9110, section 15.5.15"},
	{415, "Unsupported Media Type", Assigned, "RFC 9110, section 15.5.16"},
	{416, "Range Not Satisfiable", Assigned, "RFC 9110, section 15.5.17"},
	{417, "Expectation Failed", Assigned, "RFC 9110, section 15.5.18"},
	{418, "(Unused)", Unused, "RFC 9110, section 15.5.19"},
	{421, "Misdirected Request", Assigned, "RFC 9110, section 15.5.20"},
	{422, "Unprocessable Content", Assigned, "RFC 9110, section 15.5.21"},
	{423, "Locked", Assigned, "RFC 4918, section 11.3"},
	{424, "Failed Dependency", Assigned, "RFC 4918, section 11.4"},
	{425, "Too Early", Assigned, "RFC 8470, section 5.2"},
	{426, "Upgrade Required", Assigned, "RFC 9110, section 15.5.22"},
	{428, "Precondition Required", Assigned, "RFC 6585, section 3"},
	{429, "Too Many Requests", Assigned, "RFC 6585, section 4"},
	{431, "Request Header Fields Too Large", Assigned, "RFC 6585, section 5"},
	{451, "Unavailable For Legal Reasons", Assigned, "RFC 7725, section 3"},
	{500, "Internal Server Error", Assigned, "RFC 9110, section 15.6.1"},
	{501, "Not Implemented", Assigned, "RFC 9110, section 15.6.2"},
	{502, "Bad Gateway", Assigned, "RFC 9110, section 15.6.3"},
	{503, "Service Unavailable", Assigned, "RFC 9110, section 15.6.4"},
	{504, "Gateway Timeout", Assigned, "RFC 9110, section 15.6.5"},
	{505, "HTTP Version Not Supported", Assigned, "RFC 9110, section 15.6.6"},
	{506, "Variant Also Negotiates", Assigned, "RFC 2295, section 8.1"},
	{507, "Insufficient Storage", Assigned, "RFC 4918, section 11.5"},
	{508, "Loop Detected", Assigned, "RFC 5842, section 7.2"},
	{510, "Not Extended", Obsoleted, "RFC 2774, section 7"},
	{511, "Network Authentication Required", Assigned, "RFC 6585, section 6"},
}

func TestCatalogueHoldsTheIANARegistry(t *testing.T) {
	c := Default()
	var want []int
	for _, r := range ianaRegistry {
		want = append(want, r.code)
		e, ok := c.Primary(r.code)
		if !ok || !e.Status.Standard() {
			t.Errorf("%d %s: not in the catalogue as a registered code", r.code, r.phrase)
			continue
		}
		if e.Phrase != r.phrase || e.Status != r.status {
			t.Errorf("%d: got %q (%s), want %q (%s)", r.code, e.Phrase, e.Status, r.phrase, r.status)
		}
		if r.reference != "" && e.Reference.Title != r.reference {
			t.Errorf("%d: reference %q, want %q", r.code, e.Reference.Title, r.reference)
		}
	}
	var got []int
	for _, e := range c.Entries() {
		if e.Status.Standard() {
			got = append(got, e.Code)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("registered codes in the catalogue:\n got %v\nwant %v", got, want)
	}
}

// The former phrases that users still meet in older libraries and logs.
func TestFormerPhrases(t *testing.T) {
	c := Default()
	for code, want := range map[int]string{
		302: "Moved Temporarily",
		408: "Request Time-out", // RFC 2616's list of status codes (6.1.1), as HAProxy's error pages write it
		504: "Gateway Time-out",
		413: "Payload Too Large",
		414: "Request-URI Too Long",
		416: "Requested Range Not Satisfiable",
		418: "I'm a teapot",
		422: "Unprocessable Entity",
	} {
		e, _ := c.Primary(code)
		if e == nil || !slices.ContainsFunc(e.FormerPhrases, func(f FormerPhrase) bool { return strings.EqualFold(f.Phrase, want) }) {
			t.Errorf("%d: former phrases lack %q", code, want)
		}
	}
}

// TestPhrases lists every phrase a code goes by, and at least one for every
// code the catalogue defines.
func TestPhrases(t *testing.T) {
	c := Default()
	for code, want := range map[int][]string{
		303: {"See Other"},
		413: {"Content Too Large", "Payload Too Large", "Request Entity Too Large"},
		600: nil,
	} {
		if got := c.Phrases(code); !slices.Equal(got, want) {
			t.Errorf("Phrases(%d) = %q; want %q", code, got, want)
		}
	}
	for _, e := range c.Entries() {
		if len(c.Phrases(e.Code)) == 0 {
			t.Errorf("%d has no phrase", e.Code)
		}
	}
	if got := c.Phrases(499); !slices.Contains(got, "Client Closed Request") {
		t.Errorf("Phrases(499) = %q; want nginx's Client Closed Request among them", got)
	}
}

// The vendor codes users meet in logs and dashboards, each with its vendor.
func TestVendorCodes(t *testing.T) {
	c := Default()
	want := map[int][]string{
		444: {"nginx"}, 494: {"nginx"}, 495: {"nginx"}, 496: {"nginx"}, 497: {"nginx"}, 499: {"nginx"},
		520: {"Cloudflare"}, 521: {"Cloudflare"}, 522: {"Cloudflare"}, 523: {"Cloudflare"},
		524: {"Cloudflare"}, 525: {"Cloudflare"}, 526: {"Cloudflare"}, 530: {"Cloudflare"},
		460: {"AWS"}, 463: {"AWS"}, 464: {"AWS"}, 561: {"AWS"},
		440: {"Microsoft"}, 449: {"Microsoft"}, 498: {"Esri"},
		419: {"Laravel"}, 420: {"Twitter", "Spring"}, 509: {"cPanel"}, 599: {"Tornado"},
	}
	for code, vendors := range want {
		es := c.Lookup(code)
		for _, v := range vendors {
			if !slices.ContainsFunc(es, func(e *Entry) bool { return e.Status == Vendor && strings.Contains(e.Vendor, v) }) {
				t.Errorf("%d: no vendor entry from %q", code, v)
			}
		}
	}
	for _, e := range c.Entries() {
		if e.Status == Vendor && c.Registered(e.Code) {
			continue // a vendor meaning of a registered number, kept beside the registered one
		}
		if e.Status == Vendor && e.Reference.RFC != 0 {
			t.Errorf("%s: a vendor code cites an RFC", e.Title())
		}
	}
}

// The pairs people confuse most have curated text citing the section that
// settles them.
func TestCuratedComparisons(t *testing.T) {
	c := Default()
	pairs := [][2]int{
		{401, 403}, {301, 308}, {302, 303}, {302, 307}, {303, 307}, {500, 502}, {502, 504}, {503, 504},
		{400, 422}, {404, 410}, {429, 503}, {405, 501}, {415, 422}, {409, 412}, {200, 204}, {201, 202},
		{301, 302}, {307, 308}, {403, 404}, {200, 201}, {400, 415}, {409, 422}, {401, 407}, {408, 504},
		{413, 414}, {414, 431}, {500, 503}, {502, 503}, {500, 501}, {499, 504},
	}
	for _, p := range pairs {
		for _, loc := range c.Locales() {
			cp, err := c.Compare(p[0], p[1], loc)
			if err != nil {
				t.Fatal(err)
			}
			if !cp.Curated || len(cp.References) == 0 || cp.Summary == "" {
				t.Errorf("%d vs %d (%s): want curated text with a reference", p[0], p[1], loc)
			}
		}
	}
	if n := len(c.CuratedPairs()); n < 30 {
		t.Errorf("%d curated pairs, want at least 30", n)
	}
}

// Every ecosystem the issue names has its constants, with the exact
// spellings of the library, quirks included.
func TestConstantSpellings(t *testing.T) {
	c := Default()
	tests := []struct {
		ecosystem, name string
		code            int
		deprecated      bool
	}{
		{"go-nethttp", "StatusBadGateway", 502, false},
		{"go-nethttp", "StatusRequestEntityTooLarge", 413, false},
		{"go-nethttp", "StatusTeapot", 418, false},
		{"python-httpstatus", "CONTENT_TOO_LARGE", 413, false},
		{"python-httpstatus", "REQUEST_ENTITY_TOO_LARGE", 413, true},
		{"python-httpstatus", "UNPROCESSABLE_CONTENT", 422, false},
		{"python-httpstatus", "UNPROCESSABLE_ENTITY", 422, true},
		{"starlette", "HTTP_404_NOT_FOUND", 404, false},
		{"drf", "HTTP_404_NOT_FOUND", 404, false},
		{"npm-http-status-codes", "NOT_FOUND", 404, false},
		{"npm-http-status-codes", "REQUEST_TOO_LONG", 413, false},
		{"nestjs", "NOT_FOUND", 404, false},
		{"servlet", "SC_NOT_FOUND", 404, false},
		{"spring", "NOT_FOUND", 404, false},
		{"aspnetcore", "Status404NotFound", 404, false},
		{"aspnetcore", "Status505HttpVersionNotsupported", 505, false},
		{"dotnet-httpstatuscode", "NotFound", 404, false},
		{"rust-http", "NOT_FOUND", 404, false},
		{"rust-http", "IM_A_TEAPOT", 418, false},
		{"rack", "not_found", 404, false},
		{"symfony", "HTTP_NOT_FOUND", 404, false},
		{"node-http", "Not Found", 404, false},
		{"openresty", "HTTP_NOT_FOUND", 404, false},
		{"ktor", "NotFound", 404, false},
		{"axios", "NotFound", 404, false},
		{"axios", "PayloadTooLarge", 413, true},
		{"go-fasthttp", "StatusNotFound", 404, false},
		{"ktor", "PayloadTooLarge", 413, false},
		{"java-httpurlconnection", "HTTP_NOT_FOUND", 404, false},
		{"java-httpurlconnection", "HTTP_SERVER_ERROR", 500, true},
		{"apache-httpcore", "SC_NOT_FOUND", 404, false},
		{"apache-httpcore", "SC_TOO_MANY_REQUESTS", 429, false},
	}
	for _, tt := range tests {
		eco, ok := c.Ecosystem(tt.ecosystem)
		if !ok {
			t.Errorf("no ecosystem %q", tt.ecosystem)
			continue
		}
		k, ok := eco.Lookup(tt.name)
		if !ok || k.Code != tt.code || k.Deprecated != tt.deprecated {
			t.Errorf("%s %s: got %+v, want code %d deprecated=%v", tt.ecosystem, tt.name, k, tt.code, tt.deprecated)
		}
	}
}
