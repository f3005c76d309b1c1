//go:build unix

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCheckTree runs the built binary, "statusls check", over a
// generated tree of mixed source and configuration, and ripgrep counting
// three-digit numbers (rg -c '[1-5][0-9][0-9]') over the same tree in the
// same run, as the baseline: both walk the tree on every core, honour
// .gitignore and read every file, but ripgrep only matches bytes while
// statusls scans each file in its language and runs the rules. Reported:
// throughput, the ratio of wall times (target: under 3) and of CPU times
// (user + system, steadier than wall time on a shared machine), and the
// peak RSS of each, for a tree of 25 MB and for four copies of it, so that
// bounded memory shows as a peak RSS that does not grow with the tree (it
// depends on the largest files, which both trees share).
//
//	go test -run '^$' -bench CheckTree -benchtime 3x .
func BenchmarkCheckTree(b *testing.B) {
	bin, err := buildBinary()
	if err != nil {
		b.Fatal(err)
	}
	rg, rgErr := exec.LookPath("rg")
	for _, copies := range []int{1, 4} {
		b.Run(fmt.Sprintf("%dMB", 25*copies), func(b *testing.B) {
			root, size := benchTree(b, 25<<20, copies)
			statusls := []string{bin, "check", "--fail-on", "none", "--format", "json", root}
			ripgrep := []string{rg, "-c", "[1-5][0-9][0-9]", root}
			floor := spawnFloor()
			timed(b, statusls) // warm the page cache for both
			var us, them usage
			b.SetBytes(size)
			b.ResetTimer()
			for b.Loop() {
				us.add(timed(b, statusls))
				if rgErr == nil {
					b.StopTimer()
					them.add(timed(b, ripgrep))
					b.StartTimer()
				}
			}
			b.ReportMetric(float64(us.rss)/1024, "peak-RSS-MB")
			if floor > 0 {
				b.ReportMetric(float64(floor)/1024, "floor-RSS-MB")
			}
			if rgErr != nil {
				b.Logf("no ratio to ripgrep: %v", rgErr)
				return
			}
			b.ReportMetric(us.wall.Seconds()/them.wall.Seconds(), "x-rg-wall")
			b.ReportMetric(us.cpu.Seconds()/them.cpu.Seconds(), "x-rg-cpu")
			b.ReportMetric(float64(them.rss)/1024, "rg-peak-RSS-MB")
		})
	}
}

// spawnFloor shrinks this process and returns its resident set size in
// KiB (0 where /proc is missing). Go starts commands with vfork, and Linux
// then counts the parent's peak RSS into the child's: timed resets this
// process's peak to its current size before each start, so that a
// reported peak is never below this floor, for statusls and ripgrep alike,
// but not above it because of this process.
func spawnFloor() int64 {
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int64
			fmt.Sscan(rest, &kb)
			return kb
		}
	}
	return 0
}

// usage sums what runs of a command took: wall and CPU time, and the peak
// resident set size in KiB.
type usage struct {
	wall, cpu time.Duration
	rss       int64
}

func (u *usage) add(v usage) {
	u.wall, u.cpu, u.rss = u.wall+v.wall, u.cpu+v.cpu, max(u.rss, v.rss)
}

// resetPeakRSS sets this process's peak RSS to its current RSS, on Linux
// (see proc(5), clear_refs).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// timed runs a command with its output discarded, not kept, so that this
// process stays small (see spawnFloor).
func timed(b *testing.B, args []string) usage {
	b.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	debug.FreeOSMemory()
	resetPeakRSS()
	start := time.Now()
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 { // rg exits 1 when nothing matches
		b.Fatalf("%s: %v\n%.2000s", filepath.Base(args[0]), err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return usage{
		wall: time.Since(start),
		cpu:  time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		rss:  ru.Maxrss,
	}
}

// benchTree writes copies of a tree of about size bytes and returns the
// root and the total size. The tree holds Go sources from GOROOT/src for
// two thirds, and for the rest copies of the analysis test data, which has
// real-looking files in every format statusls reads (nginx, Apache,
// HAProxy, Caddy, YAML, JSON, .http, Python, JavaScript, Java, PHP, ...),
// under directories of a few hundred files as projects have them.
func benchTree(b *testing.B, size int64, copies int) (string, int64) {
	b.Helper()
	root := b.TempDir()
	var total int64
	for c := range copies {
		total += benchCopy(b, filepath.Join(root, fmt.Sprintf("copy%d", c)), size)
	}
	return root, total
}

func benchCopy(b *testing.B, root string, size int64) int64 {
	b.Helper()
	var total int64
	// Files are streamed, not read whole, to keep this process small: see
	// spawnFloor.
	copyFile := func(src, dst string) error {
		in, err := os.Open(src)
		if err != nil {
			return err
		}
		defer in.Close()
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		n, err := io.Copy(out, in)
		total += n
		return errors.Join(err, out.Close())
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Fatal(err)
	}
	goroot := filepath.Join(strings.TrimSpace(string(out)), "src")
	errDone := fmt.Errorf("done")
	err = filepath.WalkDir(goroot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.Contains(p, "testdata") {
			return err
		}
		if total >= size*2/3 {
			return errDone
		}
		rel, _ := filepath.Rel(goroot, p)
		return copyFile(p, filepath.Join(root, "go", rel))
	})
	if err != nil && err != errDone {
		b.Fatal(err)
	}
	var samples []string
	filepath.WalkDir("analysis/testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			samples = append(samples, p)
		}
		return err
	})
	for i := 0; total < size; i++ {
		for _, s := range samples {
			rel, _ := filepath.Rel("analysis/testdata", s)
			if err := copyFile(s, filepath.Join(root, "mixed", fmt.Sprintf("svc%04d", i), rel)); err != nil {
				b.Fatal(err)
			}
		}
	}
	return total
}
