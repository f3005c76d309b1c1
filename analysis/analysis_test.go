package analysis_test

import (
	"slices"
	"testing"

	"github.com/statusls/statusls/analysis"
)

// The default analyzer takes constant spellings and known codes from the
// embedded catalogue: Go's net/http constants are seeded there.
func TestDefaultUsesCatalogue(t *testing.T) {
	src := []byte(`package p

import "net/http"

// proxy answers 502 when the upstream is down.
func proxy(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadGateway)
}
`)
	res := analysis.Analyze(analysis.Go, src)
	if !slices.Contains(res.Ecosystems, "go-nethttp") {
		t.Errorf("Ecosystems = %v, want go-nethttp", res.Ecosystems)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(src[f.Start:f.End])+":"+f.Where.String()+":"+f.Ecosystem)
	}
	want := []string{"502:comment:", "http.StatusBadGateway:code:go-nethttp"}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}
