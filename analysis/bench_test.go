package analysis_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/statusls/statusls/analysis"
)

// benchFile is one file of a benchmark corpus.
type benchFile struct {
	lang analysis.Language
	text []byte
}

// benchCorpus builds a corpus of at least 5 MB by repeating the annotated
// test files of the languages keep accepts. With zeroDigits every digit
// becomes 0, which leaves the same tokens but no numbers that can be
// codes: the few-findings twin of the same text, so that the two runs'
// allocations can be compared.
func benchCorpus(b *testing.B, keep func(analysis.Language) bool, zeroDigits bool) ([]benchFile, int) {
	b.Helper()
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		b.Fatal(err)
	}
	var base []benchFile
	for _, d := range dirs {
		lang := analysis.Language(d.Name())
		if !d.IsDir() || !keep(lang) || d.Name() == "fuzz" || d.Name() == "detect" || d.Name() == "slots" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("testdata", d.Name(), "*"))
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if zeroDigits {
				for i, c := range text {
					if c >= '1' && c <= '9' {
						text[i] = '0'
					}
				}
			}
			base = append(base, benchFile{lang, text})
		}
	}
	var corpus []benchFile
	size := 0
	for size < 5<<20 {
		for _, f := range base {
			corpus = append(corpus, f)
			size += len(f.text)
		}
	}
	return corpus, size
}

// BenchmarkAnalyze measures throughput (MB/s) and allocations on mixed
// corpora with many and with few findings; Go (go/scanner) and the other
// formats are also measured apart, since go/scanner allocates per token.
func BenchmarkAnalyze(b *testing.B) {
	all := func(analysis.Language) bool { return true }
	goOnly := func(l analysis.Language) bool { return l == analysis.Go }
	notGo := func(l analysis.Language) bool { return l != analysis.Go }
	for _, c := range []struct {
		name string
		keep func(analysis.Language) bool
		zero bool
	}{
		{"mixed/many", all, false}, {"mixed/few", all, true},
		{"go/many", goOnly, false}, {"go/few", goOnly, true},
		{"other/many", notGo, false}, {"other/few", notGo, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			corpus, size := benchCorpus(b, c.keep, c.zero)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			findings := 0
			for b.Loop() {
				findings = 0
				for _, f := range corpus {
					findings += len(fixture.Analyze(f.lang, f.text).Findings)
				}
			}
			b.ReportMetric(float64(findings), "findings/op")
		})
	}
}
