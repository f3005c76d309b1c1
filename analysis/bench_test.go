package analysis_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/statusls/statusls/analysis"
)

// benchFile is one file of a benchmark corpus.
type benchFile struct {
	lang analysis.Language
	text []byte
}

// benchCorpus builds a corpus of at least minSize bytes by repeating the
// annotated test files of the languages keep accepts (each file once when
// minSize is 1): the dense corpus, where codes stand on most lines. With zeroDigits every digit
// becomes 0, which leaves the same tokens but no numbers that can be
// codes: the few-findings twin of the same text, so that the two runs'
// allocations can be compared.
func benchCorpus(b *testing.B, keep func(analysis.Language) bool, zeroDigits bool, minSize int) ([]benchFile, int) {
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
	for size < minSize {
		for _, f := range base {
			corpus = append(corpus, f)
			size += len(f.text)
		}
	}
	return corpus, size
}

// BenchmarkAnalyze measures throughput (MB/s) and allocations on the dense
// corpora with many and with few findings; Go (go/scanner) and the other
// formats are also measured apart, since go/scanner allocates per token.
// The realistic corpus, real files where codes are rare, is the one the
// speed target is about.
func BenchmarkAnalyze(b *testing.B) {
	b.Run("realistic", func(b *testing.B) {
		corpus, size := realisticCorpus(b)
		runCorpus(b, corpus, size)
	})
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
			corpus, size := benchCorpus(b, c.keep, c.zero, 5<<20)
			runCorpus(b, corpus, size)
		})
	}
}

// runCorpus analyses every file of a corpus per iteration.
func runCorpus(b *testing.B, corpus []benchFile, size int) {
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
	b.ReportMetric(float64(len(corpus)), "files")
}

// BenchmarkRealisticByCoreState runs the realistic corpus as
// BenchmarkAnalyze/realistic does, and tells apart the passes that had a
// core to themselves. On shared machines a core is at times shared with
// another guest: on the two-core virtual machines this project is built
// on, a plain byte loop then runs at half its speed, for seconds at a
// time, and the benchmark's MB/s swings with it. Around each pass, with
// the timer stopped, it times such a loop (coreProbe); a pass counts as
// quiet when both probes around it ran within 30% of the fastest probe of
// the run, and as shared when both took 60% longer or more. It reports
// the median MB/s of each kind that had five passes or more, and how many
// passes each had, when both kinds occurred (run it with -benchtime 100x
// or more); otherwise its MB/s stands for the one state the run met,
// whichever it was.
func BenchmarkRealisticByCoreState(b *testing.B) {
	corpus, size := realisticCorpus(b)
	type pass struct{ took, before, after time.Duration }
	var passes []pass
	b.SetBytes(int64(size))
	for b.Loop() {
		b.StopTimer()
		before := coreProbe()
		b.StartTimer()
		start := time.Now()
		for _, f := range corpus {
			fixture.Analyze(f.lang, f.text)
		}
		took := time.Since(start)
		b.StopTimer()
		passes = append(passes, pass{took, before, coreProbe()})
		b.StartTimer()
	}
	fastest := time.Duration(1<<63 - 1)
	for _, p := range passes {
		fastest = min(fastest, p.before, p.after)
	}
	var quiet, shared []float64
	for _, p := range passes {
		rate := float64(size) / 1e6 / p.took.Seconds()
		switch {
		case max(p.before, p.after) < fastest*13/10:
			quiet = append(quiet, rate)
		case min(p.before, p.after) > fastest*16/10:
			shared = append(shared, rate)
		}
	}
	if len(quiet) == 0 || len(shared) == 0 {
		// One state only, which the probes cannot name: the fastest
		// probe of a run that was shared throughout looks quiet.
		return
	}
	for _, kind := range []struct {
		name  string
		rates []float64
	}{{"quiet", quiet}, {"shared", shared}} {
		if len(kind.rates) >= 5 { // the median of fewer says little
			slices.Sort(kind.rates)
			b.ReportMetric(kind.rates[len(kind.rates)/2], kind.name+"-MB/s")
		}
		b.ReportMetric(float64(len(kind.rates)), kind.name+"-passes")
	}
}

// coreProbe returns the best of five timings of a loop that adds up 1 MB
// of bytes: the same work on any run, whose time says how much of the
// core the machine gave it (see BenchmarkRealisticByCoreState).
func coreProbe() time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 5 {
		start := time.Now()
		sum := 0
		for _, c := range probeBytes {
			sum += int(c & 3)
		}
		probeSum += sum
		best = min(best, time.Since(start))
	}
	return best
}

var (
	probeBytes = make([]byte, 1<<20) // the probe's input; its values do not matter
	probeSum   int                   // keeps the compiler from dropping the probe's loop
)
