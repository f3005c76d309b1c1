package analysis_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
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
	if !slices.Contains(res.Ecosystems(), "go-nethttp") {
		t.Errorf("Ecosystems = %v, want go-nethttp", res.Ecosystems())
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

// An analyzer reuses its working memory between files: results must not
// depend on what it analysed before, nor on other goroutines analysing at
// the same time. Every annotated file is analysed by a fresh analyzer, then
// by one shared analyzer from several goroutines, and the results must be
// identical.
func TestAnalyzeDoesNotDependOnEarlierFiles(t *testing.T) {
	paths, err := filepath.Glob("testdata/*/*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	type input struct {
		lang analysis.Language
		text []byte
	}
	var inputs []input
	var first []analysis.Result
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			continue // the fuzz tests' seeds
		}
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lang := analysis.Language(filepath.Base(filepath.Dir(p)))
		inputs = append(inputs, input{lang, text})
		fresh := analysis.New(fixtureEcosystems(), fixturePhrases)
		first = append(first, fresh.Analyze(lang, text))
	}
	shared := analysis.New(fixtureEcosystems(), fixturePhrases)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := len(inputs) - 1; i >= 0; i-- {
				got, want := shared.Analyze(inputs[i].lang, inputs[i].text), first[i]
				if got.Language != want.Language || !reflect.DeepEqual(got.Findings, want.Findings) || !slices.Equal(got.Ecosystems(), want.Ecosystems()) {
					t.Errorf("%s: shared analyzer differs:\n got %s %+v %q\nwant %s %+v %q", paths[i],
						got.Language, got.Findings, got.Ecosystems(), want.Language, want.Findings, want.Ecosystems())
				}
			}
		})
	}
	wg.Wait()
}
