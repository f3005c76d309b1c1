package check

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/check/baseline"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/analysis/walk"
	"github.com/statusls/statusls/catalog"
)

// Options say what Run does besides reporting.
type Options struct {
	// Workers is how many files are checked at once; 0 means GOMAXPROCS
	// plus one (see Run).
	Workers int
	// MaxSize is the largest file checked, in bytes; 0 means
	// walk.DefaultMaxSize.
	MaxSize int64
	// Fix writes the preferred fix of each reported finding into its file.
	Fix bool
	// Diff computes, in File.Diff, what Fix would change, without writing.
	Diff bool
	// Baseline, if set, holds findings that are known and not reported.
	Baseline *baseline.Baseline
	// Checked, if set, counts the files read so far, for a progress line.
	Checked *atomic.Int64
	// Locale is the language of the messages; empty means English.
	Locale catalog.Locale
}

// Finding is one rule's diagnostic, located for people and report formats.
type Finding struct {
	Rule       *rules.Rule
	Severity   rules.Severity
	Message    string
	Start, End analysis.Pos
	// LineHash and Occurrence identify the finding in a baseline (see
	// package baseline); SARIF reports them as a partial fingerprint.
	LineHash   string
	Occurrence int
	// Fixable says the finding has a preferred fix, which Fix applies.
	Fixable bool
}

// File is what Run found in one file. Only files with findings, a diff,
// fixes or an error are reported.
type File struct {
	Path     string
	Findings []Finding
	// Diff is the unified diff of the fixes, with Options.Diff.
	Diff string
	// Fixed counts the findings fixed in place, with Options.Fix; they are
	// not in Findings.
	Fixed int
	// Err says why the file could not be read or fixed.
	Err error
}

// Summary counts what Run did.
type Summary struct {
	Checked  int // files read and checked
	Binary   int // files skipped as binary
	TooLarge int // files skipped as larger than Options.MaxSize
	// Excluded counts files left out by a .statusls.toml's include and
	// exclude patterns, or under one that cannot be read.
	Excluded int
	// Baselined counts findings dropped because the baseline holds them.
	Baselined int
}

// window is how many files may be in flight per worker: read, checked, or
// waiting for an earlier file to be reported. It bounds memory, and is deep
// enough that one slow file does not idle the other workers.
const window = 8

// Run checks the files under roots and calls emit with each file that has
// something to report, in the walk's order, from the calling goroutine. An
// error from emit stops the run and is returned; errors of the walk itself
// (a missing root, an unreadable directory) are returned once every file
// has been reported. Errors of single files are reported in File.Err.
func Run(ctx context.Context, roots []string, opts Options, emit func(*File) error) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := opts.Workers
	if workers <= 0 {
		// One more worker than CPUs keeps them busy while a worker waits
		// for a file to be opened and read: on two CPUs, 3 workers took
		// a 100 MB tree's check 8% less wall time than 2 (median of 7
		// interleaved runs), and 4 no less than 3.
		workers = runtime.GOMAXPROCS(0) + 1
	}
	type job struct {
		seq  int
		path string
		dir  *walk.Dir
	}
	type result struct {
		seq  int
		file *File
	}
	// A token is taken for each file the walk hands out and given back when
	// the file is reported in order, so that no more than len(tokens) files
	// are ever held, however long one of them takes.
	tokens := make(chan struct{}, workers*window)
	jobs := make(chan job, workers)
	results := make(chan result, workers*window)

	var walkErr error
	go func() {
		defer close(jobs)
		seq := 0
		walkErr = walk.Walk(roots, func(path string, dir *walk.Dir) error {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- job{seq, path, dir}
			seq++
			return nil
		})
	}()

	var sum counters
	var cfgs configs
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := worker{opts: &opts, sum: &sum, configs: &cfgs}
			for j := range jobs {
				var f *File
				if ctx.Err() == nil {
					f = w.check(j.path, j.dir)
				}
				results <- result{j.seq, f}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold results that arrive early until those before them
	// have been reported.
	pending := map[int]*File{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.seq] = r.file
		for {
			f, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if f != nil && emitErr == nil {
				if emitErr = emit(f); emitErr != nil {
					cancel()
				}
			}
		}
	}
	if emitErr != nil {
		return sum.summary(), emitErr
	}
	return sum.summary(), walkErr
}

// counters is Summary, shared by the workers.
type counters struct {
	checked, binary, tooLarge, excluded, baselined atomic.Int64
}

func (c *counters) summary() Summary {
	return Summary{
		Checked: int(c.checked.Load()), Binary: int(c.binary.Load()), TooLarge: int(c.tooLarge.Load()),
		Excluded: int(c.excluded.Load()), Baselined: int(c.baselined.Load()),
	}
}

// keptBuffer is the largest read buffer a worker keeps for its next file:
// one that grew for a rare large file is given back to the garbage
// collector rather than held for the rest of the run.
const keptBuffer = 1 << 20

// worker checks one file at a time.
type worker struct {
	opts    *Options
	sum     *counters
	configs *configs
	// buf is the read buffer, reused from file to file. Its own rather
	// than from a sync.Pool: the collector empties pools at every cycle,
	// which on a tree of small files comes every few hundred files, and
	// each worker then grew a buffer anew.
	buf []byte
}

// check reads and checks one file; it returns nil when there is nothing to
// report.
func (w *worker) check(path string, dir *walk.Dir) *File {
	cfg, broken, err := w.configs.forFile(path, dir)
	if broken {
		w.sum.excluded.Add(1)
		if err != nil {
			return &File{Path: path, Err: err}
		}
		return nil
	}
	if !cfg.Includes(path) {
		w.sum.excluded.Add(1)
		return nil
	}
	ropts := rules.Options{Settings: cfg.ForFile(path), Locale: w.opts.Locale}
	data, err := walk.AppendFile(w.buf, path, walk.Options{MaxSize: w.opts.MaxSize})
	if cap(data) > cap(w.buf) {
		w.buf = data[:0]
		if cap(data) > keptBuffer {
			defer func() { w.buf = nil }()
		}
	}
	switch {
	case errors.Is(err, walk.ErrBinary):
		w.sum.binary.Add(1)
		return nil
	case errors.Is(err, walk.ErrTooLarge):
		w.sum.tooLarge.Add(1)
		return nil
	case err != nil:
		return &File{Path: path, Err: err}
	}
	w.sum.checked.Add(1)
	if w.opts.Checked != nil {
		w.opts.Checked.Add(1)
	}
	diags := rules.CheckFile(path, data, ropts)
	if len(diags) == 0 {
		return nil
	}
	f := &File{Path: path}
	diags = w.locate(f, data, diags)
	if len(diags) > 0 && (w.opts.Fix || w.opts.Diff) {
		w.fix(f, data, diags, ropts)
	}
	if len(f.Findings) == 0 && f.Diff == "" && f.Fixed == 0 && f.Err == nil {
		return nil
	}
	return f
}

// locate sets f.Findings from diags, which are in order of position,
// dropping those the baseline holds, and returns the diagnostics it kept.
func (w *worker) locate(f *File, data []byte, diags []rules.Diagnostic) []rules.Diagnostic {
	f.Findings = nil
	cur := analysis.NewLineCursor(data)
	type seen struct{ rule, line string }
	occurrences := map[seen]int{}
	kept := diags[:0]
	for _, d := range diags {
		start := cur.At(d.Start)
		hash := baseline.LineHash(cur.Line())
		occ := occurrences[seen{d.RuleID, hash}]
		occurrences[seen{d.RuleID, hash}]++
		if b := w.opts.Baseline; b != nil && b.Contains(b.Key(f.Path, d.RuleID, hash, occ)) {
			w.sum.baselined.Add(1)
			continue
		}
		rule, _ := rules.ByID(d.RuleID)
		f.Findings = append(f.Findings, Finding{
			Rule: rule, Severity: d.Severity, Message: d.Message,
			Start: start, End: cur.At(d.End),
			LineHash: hash, Occurrence: occ, Fixable: slices.ContainsFunc(d.Fixes, func(f rules.Fix) bool { return f.Preferred }),
		})
		kept = append(kept, d)
	}
	return kept
}
