package analysis_test

import (
	"bytes"
	"go/build"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
)

// realisticBudgets is how many bytes of each format the realistic corpus
// takes from the machine: mostly source, as a workspace is, with data,
// configuration and docs alongside. Together they exceed 5 MB.
var realisticBudgets = map[analysis.Language]int{
	analysis.Go: 2 << 20, analysis.JavaScript: 1 << 20, analysis.Python: 1 << 20,
	analysis.JSON: 512 << 10, analysis.YAML: 256 << 10, analysis.Plain: 512 << 10,
}

// realisticRoots are the trees the realistic corpus is read from: the Go
// distribution's sources and the module cache, plus the global npm
// packages and Python's standard library when the machine has them, which
// supply the JavaScript and Python that the Go trees lack.
// STATUSLS_CORPUS_ROOTS (a path list) names them instead, for tools such
// as valgrind under which the benchmark cannot run the go, npm and python3
// commands.
func realisticRoots() []string {
	if env := os.Getenv("STATUSLS_CORPUS_ROOTS"); env != "" {
		return filepath.SplitList(env)
	}
	roots := []string{filepath.Join(build.Default.GOROOT, "src")}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		roots = append(roots, strings.TrimSpace(string(out)))
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		roots = append(roots, strings.TrimSpace(string(out)))
	}
	if out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output(); err == nil {
		roots = append(roots, strings.TrimSpace(string(out)))
	}
	return roots
}

// realisticCorpus builds a corpus of real files found on the machine
// (see realisticRoots), plus the annotated test files once, skipping the
// benchmark when the machine does not hold 5 MB of them. Files of each
// format are sampled evenly across the trees, in a fixed order, so that
// runs on one machine measure the same bytes.
func realisticCorpus(b *testing.B) ([]benchFile, int) {
	b.Helper()
	paths := map[analysis.Language][]string{}
	for _, root := range realisticRoots() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > 256<<10 || info.Size() == 0 {
				return nil
			}
			lang := analysis.Detect("", p, nil)
			if lang == analysis.Plain && !strings.HasSuffix(p, ".md") {
				return nil // binaries and test vectors are not what a workspace holds
			}
			if _, ok := realisticBudgets[lang]; ok {
				paths[lang] = append(paths[lang], p)
			}
			return nil
		})
	}
	corpus, _ := benchCorpus(b, func(analysis.Language) bool { return true }, false, 1)
	size := 0
	for _, f := range corpus {
		size += len(f.text)
	}
	// In a fixed order of formats too: the order in which the analyzer's
	// pooled buffers grow costs more or less from one run to the next.
	for _, lang := range slices.Sorted(maps.Keys(realisticBudgets)) {
		budget, ps := realisticBudgets[lang], paths[lang]
		taken := 0
		// Visit the files with a stride coprime to their count, so that the
		// sample spans every tree rather than the first few directories.
		stride := len(ps)/7 + 1
		for len(ps)%stride == 0 && stride > 1 {
			stride++
		}
		for i, k := 0, 0; i < len(ps) && taken < budget; i, k = i+1, (k+stride)%len(ps) {
			text, err := os.ReadFile(ps[k])
			if err != nil || bytes.IndexByte(text, 0) >= 0 {
				continue
			}
			corpus = append(corpus, benchFile{analysis.Detect("", ps[k], text), text})
			taken += len(text)
		}
		size += taken
	}
	if size < 5<<20 {
		b.Skipf("the machine holds only %d bytes of sources for the realistic corpus", size)
	}
	return corpus, size
}
