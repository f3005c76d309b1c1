package rules

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/statusls/statusls/analysis"
)

// The OpenAPI checks need the document's structure, which response map
// belongs to which operation, that the line-based YAML scanner does not
// keep. They read it with go.yaml.in/yaml/v3 (the YAML organisation's
// maintained line of gopkg.in/yaml.v3), whose nodes carry positions and
// which reads JSON as well as YAML, so one reader serves both forms, flow
// mappings, anchors and quoting included, where a hand-written one would
// get them subtly wrong. It runs only for files that name "openapi" or
// "swagger", after detection, so plain YAML and JSON analysis does not pay
// for it.

// openapiMethods are the operation keys of a path item.
var openapiMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// openapiDoc is what the checks read from an OpenAPI or Swagger document.
type openapiDoc struct {
	swagger    bool // Swagger 2.0, which has no ranges such as 2XX
	operations []openapiOperation
}

// openapiOperation is one operation ("get" under "/orders/{id}").
type openapiOperation struct {
	name string // "GET /orders/{id}"
	// responses is the operation's "responses" key, or nil when it has
	// none.
	responses *openapiKey
	keys      []openapiKey // the keys of its responses map
}

// openapiKey is a mapping key with the byte span of its text, quotes
// excluded.
type openapiKey struct {
	text       string
	start, end int
}

// openapi returns the file's OpenAPI structure, or nil when it is not an
// OpenAPI or Swagger document (or not one yaml can read), once per run.
func openapi(pass *Pass) *openapiDoc {
	return pass.cached().openapi.get(func() *openapiDoc { return parseOpenAPI(pass.Result.Language, pass.Text) })
}

func parseOpenAPI(lang analysis.Language, text []byte) *openapiDoc {
	if lang != analysis.YAML && lang != analysis.JSON || !bytes.Contains(text, []byte("openapi")) && !bytes.Contains(text, []byte("swagger")) {
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(text, &root); err != nil || len(root.Content) == 0 {
		return nil
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil
	}
	doc := &openapiDoc{}
	switch {
	case value(top, "openapi") != nil:
	case value(top, "swagger") != nil:
		doc.swagger = true
	default:
		return nil
	}
	r := offsets{text: text}
	for _, section := range []string{"paths", "webhooks"} {
		if paths := value(top, section); paths != nil {
			doc.pathItems(paths, &r)
		}
	}
	return doc
}

// pathItems reads the operations of a paths or webhooks map, and of the
// callbacks declared inside them.
func (doc *openapiDoc) pathItems(paths *yaml.Node, r *offsets) {
	eachPair(paths, func(path, item *yaml.Node) {
		eachPair(item, func(method, op *yaml.Node) {
			if !slices.Contains(openapiMethods, method.Value) || op.Kind != yaml.MappingNode {
				return
			}
			o := openapiOperation{name: strings.ToUpper(method.Value) + " " + path.Value}
			eachPair(op, func(k, v *yaml.Node) {
				switch k.Value {
				case "responses":
					key := r.key(k)
					o.responses = &key
					eachPair(v, func(code, _ *yaml.Node) { o.keys = append(o.keys, r.key(code)) })
				case "callbacks":
					eachPair(v, func(_, cb *yaml.Node) { doc.pathItems(cb, r) })
				}
			})
			doc.operations = append(doc.operations, o)
		})
	})
}

// value returns the value of key in a mapping node, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	var out *yaml.Node
	eachPair(m, func(k, v *yaml.Node) {
		if out == nil && k.Value == key {
			out = v
		}
	})
	return out
}

// eachPair calls fn with each key and value of a mapping node.
func eachPair(m *yaml.Node, fn func(k, v *yaml.Node)) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(m.Content[i], m.Content[i+1])
	}
}

// offsets turns yaml's positions (1-based lines, columns counted in
// characters) into byte offsets.
type offsets struct {
	text   []byte
	starts []int // line starts, built on first use
}

func (r *offsets) key(n *yaml.Node) openapiKey {
	if r.starts == nil {
		r.starts = []int{0}
		for i, c := range r.text {
			if c == '\n' {
				r.starts = append(r.starts, i+1)
			}
		}
	}
	if n.Line < 1 || n.Line > len(r.starts) {
		return openapiKey{text: n.Value, start: -1}
	}
	at := r.starts[n.Line-1]
	for col := 1; col < n.Column && at < len(r.text); col++ {
		_, size := utf8.DecodeRune(r.text[at:])
		at += size
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		at++
	}
	end := at + len(n.Value)
	if end > len(r.text) || string(r.text[at:end]) != n.Value {
		return openapiKey{text: n.Value, start: -1} // escaped: no exact span
	}
	return openapiKey{text: n.Value, start: at, end: end}
}

// OpenapiInvalidResponseKey (SL301) reports a response key that is neither
// a status code, a range nor default: code generators and validators
// reject the document, or silently drop the response. OpenAPI 3 writes
// ranges in upper case (2XX), which the fix applies to 2xx; Swagger 2.0
// has no ranges at all. Unregistered and deprecated codes are SL001's and
// SL002's, which apply to response keys as to any status.
//
//	responses:
//	  '600':   # SL301
//	  '2XY':   # SL301
//	  '2xx':   # SL301: fix 2XX
//	  '404':   # right
//	  '5XX':   # right (OpenAPI 3)
//	  default: # right
var OpenapiInvalidResponseKey = &Rule{
	ID:   "SL301",
	Name: "openapi-invalid-response-key",
	Doc: `OpenAPI response key that is not a status code, a range (2XX) or default

Response keys are codes from 100 to 599, the ranges 1XX to 5XX (OpenAPI 3), or default.

Wrong:
	responses:
	  '600': {description: Weird}
	  '2xx': {description: Fine}

Right:
	responses:
	  '200': {description: The order}
	  '2XX': {description: Fine}`,
	Severity: Error,
	Run:      runOpenapiInvalidResponseKey,
}

func runOpenapiInvalidResponseKey(pass *Pass) {
	doc := openapi(pass)
	if doc == nil {
		return
	}
	for _, o := range doc.operations {
		for _, k := range o.keys {
			if k.start < 0 || k.text == "default" || strings.HasPrefix(k.text, "x-") || validCode(k.text) {
				continue
			}
			d := Diagnostic{Start: k.start, End: k.end}
			rng, upper := rangeKey(k.text)
			switch {
			case rng && doc.swagger:
				d.Message = pass.msg("SL301.swagger", "key", k.text)
			case rng && !upper:
				d.Message = pass.msg("SL301.case", "key", k.text)
				fixed := strings.ToUpper(k.text)
				d.Fixes = []Fix{{Title: pass.msg("fix.replace", "name", fixed), Edits: []Edit{{Start: k.start, End: k.end, NewText: fixed}}, Preferred: true}}
			case rng:
				continue
			default:
				d.Message = pass.msg("SL301", "key", k.text)
			}
			pass.Report(d)
		}
	}
}

// validCode reports three digits from 100 to 599.
func validCode(s string) bool {
	return len(s) == 3 && s[0] >= '1' && s[0] <= '5' && isDigit(s[1]) && isDigit(s[2])
}

// rangeKey reports a range 1XX to 5XX in any case, and whether it is in
// upper case.
func rangeKey(s string) (ok, upper bool) {
	if len(s) != 3 || s[0] < '1' || s[0] > '5' || s[1] != 'X' && s[1] != 'x' || s[2] != 'X' && s[2] != 'x' {
		return false, false
	}
	return true, s[1] == 'X' && s[2] == 'X'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// openapiOwns reports a finding that SL301 reports as a response key that
// is no code at all, so that SL001 does not say it twice.
func openapiOwns(pass *Pass, f analysis.Finding) bool {
	if f.Directive != "responses" || validCode(strings.Trim(string(pass.Text[f.Start:f.End]), `"'`)) {
		return false
	}
	doc := openapi(pass)
	if doc == nil {
		return false
	}
	for _, o := range doc.operations {
		for _, k := range o.keys {
			if k.start <= f.Start && f.End <= k.end+1 {
				return true
			}
		}
	}
	return false
}

// OpenapiNoSuccessResponse (SL302) reports an operation whose responses
// are all errors: a client generated from the document has no type for
// the answer it gets when the call works, and treats every answer as an
// error.
//
//	get:
//	  responses:     # SL302: GET /orders/{id} documents no success response
//	    '404': ...
//	get:
//	  responses:
//	    '200': ...   # right (2XX, 3xx codes and default count too)
//	    '404': ...
var OpenapiNoSuccessResponse = &Rule{
	ID:   "SL302",
	Name: "openapi-no-success-response",
	Doc: `OpenAPI operation with no success response (2xx, 3xx, 2XX, 3XX or default)

A client generated from the document has no result type for a call that works.

Wrong:
	get:
	  responses:
	    '404': {description: Not found}

Right:
	get:
	  responses:
	    '200': {description: The order}
	    '404': {description: Not found}`,
	Severity: Warning,
	Run:      runOpenapiNoSuccessResponse,
}

func runOpenapiNoSuccessResponse(pass *Pass) {
	doc := openapi(pass)
	if doc == nil {
		return
	}
	for _, o := range doc.operations {
		if o.responses == nil || o.responses.start < 0 || slices.ContainsFunc(o.keys, success) {
			continue
		}
		pass.Report(Diagnostic{Start: o.responses.start, End: o.responses.end, Message: pass.msg("SL302", "operation", o.name)})
	}
}

// success reports a key under which a call that works is documented.
func success(k openapiKey) bool {
	if k.text == "default" {
		return true
	}
	rng, _ := rangeKey(k.text)
	return (validCode(k.text) || rng) && (k.text[0] == '2' || k.text[0] == '3')
}
