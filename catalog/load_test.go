package catalog

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedDataLoads is the guard behind Default's panic: the shipped data
// must parse and validate.
func TestEmbeddedDataLoads(t *testing.T) {
	if _, err := load(embedded); err != nil {
		t.Fatalf("embedded catalogue does not validate:\n%v", err)
	}
}

// minimalTree returns a valid data tree with one code, one ecosystem and two
// locales; the validation tests each break one thing in it.
func minimalTree() fstest.MapFS {
	locale := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`<locale id="` + id + `" name="x"><message id="description">D</message></locale>`)}
	}
	return fstest.MapFS{
		"data/locales/en.xml": locale("en"),
		"data/locales/vi.xml": locale("vi"),
		"data/codes/404.xml": {Data: []byte(`<code number="404" status="assigned">
			<phrase>Not Found</phrase>
			<reference rfc="9110" section="15.5.5"/>
			<text lang="en"><description>d</description><seen>s</seen><fix>f</fix></text>
			<text lang="vi"><description>d</description><seen>s</seen><fix>f</fix></text>
		</code>`)},
		"data/constants/go.xml": {Data: []byte(`<ecosystem id="go" name="Go" language="go" library="net/http">
			<constant code="404" name="StatusNotFound"/>
		</ecosystem>`)},
	}
}

func TestLoadMinimalTree(t *testing.T) {
	c, err := load(minimalTree())
	if err != nil {
		t.Fatal(err)
	}
	e, ok := c.Primary(404)
	if !ok || e.Phrase != "Not Found" || e.Class != ClientError {
		t.Fatalf("Primary(404) = %+v, %v", e, ok)
	}
	if got, want := e.Reference.URL, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"; got != want {
		t.Errorf("reference URL = %q, want %q", got, want)
	}
	if got := e.Constants["go"]; got != "StatusNotFound" {
		t.Errorf("constant for go = %q, want StatusNotFound", got)
	}
}

func TestLoadRejectsBrokenData(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		wantErr string
	}{
		{"missing Vietnamese text", "data/codes/404.xml", `<code number="404" status="assigned"><phrase>Not Found</phrase>
			<reference rfc="9110" section="15.5.5"/>
			<text lang="en"><description>d</description><seen>s</seen><fix>f</fix></text></code>`,
			`no text in locale "vi"`},
		{"empty fix", "data/codes/404.xml", `<code number="404" status="assigned"><phrase>Not Found</phrase>
			<reference rfc="9110" section="15.5.5"/>
			<text lang="en"><description>d</description><seen>s</seen><fix> </fix></text>
			<text lang="vi"><description>d</description><seen>s</seen><fix>f</fix></text></code>`,
			`needs <description>, <seen> and <fix>`},
		{"reference without section", "data/codes/404.xml", `<code number="404" status="assigned"><phrase>Not Found</phrase>
			<reference rfc="9110" section="§15"/>
			<text lang="en"><description>d</description><seen>s</seen><fix>f</fix></text>
			<text lang="vi"><description>d</description><seen>s</seen><fix>f</fix></text></code>`,
			`needs a section like 15.6.3`},
		{"file name and code differ", "data/codes/405.xml", `<code number="404" status="assigned"><phrase>Not Found</phrase>
			<reference rfc="9110" section="15.5.5"/>
			<text lang="en"><description>d</description><seen>s</seen><fix>f</fix></text>
			<text lang="vi"><description>d</description><seen>s</seen><fix>f</fix></text></code>`,
			`does not match the file name`},
		{"vendor code without vendor", "data/vendor/499-nginx.xml", `<code number="499" status="vendor"><phrase>Client Closed Request</phrase>
			<reference title="nginx" url="https://nginx.org/"/>
			<text lang="en"><description>d</description><seen>s</seen><fix>f</fix></text>
			<text lang="vi"><description>d</description><seen>s</seen><fix>f</fix></text></code>`,
			`needs vendor=`},
		{"duplicate constant", "data/constants/go.xml", `<ecosystem id="go" name="Go" language="go" library="net/http">
			<constant code="404" name="StatusNotFound"/><constant code="404" name="StatusNotFound"/></ecosystem>`,
			`constant StatusNotFound is defined twice`},
		{"constant for an unknown code", "data/constants/go.xml", `<ecosystem id="go" name="Go" language="go" library="net/http">
			<constant code="299" name="StatusWhatever"/></ecosystem>`,
			`which the catalogue does not have`},
		{"replacement that does not exist", "data/constants/go.xml", `<ecosystem id="go" name="Go" language="go" library="net/http">
			<constant code="404" name="NOT_FOUND_OLD" deprecated="true" replacement="NOT_FOUND"/></ecosystem>`,
			`replaced by NOT_FOUND, which is not defined`},
		{"wrong root element", "data/constants/go.xml", `<code number="404"/>`,
			`expected element type <ecosystem>`},
		{"comparison without reference", "data/comparisons/404-404.xml", `<comparison codes="404 404"></comparison>`,
			`cites at least one <reference>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := minimalTree()
			tree[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := load(tree)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("load() error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadNeedsEnglish(t *testing.T) {
	tree := minimalTree()
	delete(tree, "data/locales/en.xml")
	if _, err := load(tree); err == nil {
		t.Fatal("load() without en.xml succeeded")
	}
}

// Every locale must define every message English defines, so no page shows
// a raw message ID.
func TestLocalesDefineEveryMessage(t *testing.T) {
	c := Default()
	en := c.locales[English]
	for loc, l := range c.locales {
		for id := range en.messages {
			if strings.TrimSpace(l.messages[id]) == "" {
				t.Errorf("locale %s lacks message %q", loc, id)
			}
		}
		for class := Informational; class <= ServerError; class++ {
			ct := l.classes[class]
			if ct.name == "" || ct.meaning == "" || ct.client == "" || ct.use == "" {
				t.Errorf("locale %s: class %s needs name, meaning, client and use", loc, class)
			}
		}
	}
}

func TestDedent(t *testing.T) {
	in := "\n      First line\n        - nested\n\n      Second paragraph\n    "
	want := "First line\n  - nested\n\nSecond paragraph"
	if got := dedent(in); got != want {
		t.Errorf("dedent() = %q, want %q", got, want)
	}
}
