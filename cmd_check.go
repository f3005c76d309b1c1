package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/check/baseline"
	"github.com/statusls/statusls/analysis/check/report"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/catalog"
)

// runCheck is "statusls check": the server's rules over a tree, for CI. It
// only wires flags to package check and package report; exit code 1 means
// findings at or above --fail-on, 2 a usage or I/O error.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: "+strings.Join(report.Formats, ", "))
	failOn := fs.String("fail-on", "error", "exit 1 on findings of this severity or worse: error, warning, info, hint or none")
	fix := fs.Bool("fix", false, "apply the preferred fix of each finding in place")
	diff := fs.Bool("diff", false, "print the fixes as a unified diff instead of applying them")
	baselineFile := fs.String("baseline", "", "report only findings that are not in this baseline file")
	writeBaseline := fs.String("write-baseline", "", "write every current finding to this baseline file")
	color := fs.String("color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	maxSize := fs.String("max-file-size", "4MB", "skip files larger than this (bytes, or with KB or MB)")
	jobs := fs.Int("jobs", 0, "files checked at once (default: the number of CPUs, plus one)")
	lang := fs.String("lang", "en", "locale of the messages: a BCP 47 tag such as en or vi-VN")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	batchGC()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := check.Options{Fix: *fix, Diff: *diff, Workers: *jobs, Checked: new(atomic.Int64)}
	if opts.Locale, err = catalog.Default().ParseLocale(*lang); err != nil {
		return usagef("--lang: %v", err)
	}
	threshold, err := failThreshold(*failOn)
	if err != nil {
		return usageError{err.Error()}
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		return usagef("--max-file-size: %v", err)
	}
	opts.MaxSize = int64(limit)
	switch {
	case *fix && *diff:
		return usagef("--fix and --diff exclude each other: --diff shows what --fix would write")
	case *baselineFile != "" && *writeBaseline != "":
		return usagef("--baseline and --write-baseline exclude each other")
	case *color != "auto" && *color != "always" && *color != "never":
		return usagef("--color: want auto, always or never, got %q", *color)
	}
	if *baselineFile != "" {
		if opts.Baseline, err = baseline.Load(*baselineFile); err != nil {
			return err
		}
	}
	var record *baseline.Baseline
	if *writeBaseline != "" {
		if record, err = baseline.New(*writeBaseline); err != nil {
			return err
		}
	}
	root, _ := os.Getwd()
	prog := startProgress(stderr, opts.Checked)
	defer prog.stop()
	out := bufio.NewWriterSize(prog.wrap(stdout), outputBuffer)
	defer out.Flush()
	stdoutTTY := isTerminal(stdout)
	rep, err := report.New(*format, out, report.Options{
		Color:   *color == "always" || *color == "auto" && stdoutTTY && os.Getenv("NO_COLOR") == "",
		Version: moduleVersion(),
		Root:    root,
	})
	if err != nil {
		return usageError{err.Error()}
	}

	failed, ioErrors := false, 0
	sum, err := check.Run(context.Background(), paths, opts, func(f *check.File) error {
		if f.Err != nil {
			ioErrors++
			prog.errorf("%v", f.Err)
		}
		for _, fd := range f.Findings {
			if fd.Severity <= threshold {
				failed = true
			}
			if record != nil {
				record.Add(record.Key(f.Path, fd.Rule.ID, fd.LineHash, fd.Occurrence))
			}
		}
		if *diff {
			_, err := io.WriteString(out, f.Diff)
			return err
		}
		if err := rep.File(f); err != nil {
			return err
		}
		if stdoutTTY { // whole lines, as they come, for a person watching
			return out.Flush()
		}
		return nil
	})
	prog.stop()
	if err != nil {
		ioErrors++
		prog.errorf("%v", err)
	}
	if !*diff {
		if err := rep.Close(sum); err != nil {
			return err
		}
	}
	if record != nil {
		if err := check.ReplaceFile(*writeBaseline, record.Marshal()); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "statusls check: wrote %d findings to %s\n", record.Len(), *writeBaseline)
		failed = false
	}
	if err := out.Flush(); err != nil {
		return err
	}
	switch {
	case ioErrors > 0:
		return exitCode(2)
	case failed:
		return exitCode(1)
	}
	return nil
}

// failThreshold parses --fail-on; "none" is a severity no finding reaches.
func failThreshold(name string) (rules.Severity, error) {
	if name == "none" {
		return 0, nil
	}
	return report.ParseSeverity(name)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress shows how many files have been checked on stderr, on one line
// rewritten in place, once the run has taken a second and only on a
// terminal: short runs and CI logs stay clean. Errors and the report go
// through it too, so that they never share a line with the count.
type progress struct {
	w       io.Writer
	checked *atomic.Int64
	tty     bool

	mu    sync.Mutex
	shown bool // the count is on screen
	// midLine is set while the report has written part of a line: the
	// count waits, since "\r" would write over that part.
	midLine bool
	done    chan struct{}
	ended   chan struct{}
	stopped sync.Once
}

func startProgress(w io.Writer, checked *atomic.Int64) *progress {
	p := &progress{w: w, checked: checked, tty: isTerminal(w), done: make(chan struct{}), ended: make(chan struct{})}
	if !p.tty {
		close(p.ended)
		return p
	}
	go func() {
		defer close(p.ended)
		wait := time.NewTimer(time.Second)
		defer wait.Stop()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		select {
		case <-wait.C:
		case <-p.done:
			return
		}
		for {
			p.mu.Lock()
			if !p.midLine {
				fmt.Fprintf(p.w, "\rstatusls check: %d files checked\x1b[K", p.checked.Load())
				p.shown = true
			}
			p.mu.Unlock()
			select {
			case <-tick.C:
			case <-p.done:
				return
			}
		}
	}()
	return p
}

// errorf prints an error on a line of its own.
func (p *progress) errorf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, "statusls check: "+format+"\n", args...)
}

// stop ends the display and clears its line; calls after the first do
// nothing.
func (p *progress) stop() {
	p.stopped.Do(func() {
		if p.tty {
			close(p.done)
		}
		<-p.ended
		p.mu.Lock()
		defer p.mu.Unlock()
		p.clear()
	})
}

// wrap returns w, the report's output, clearing the count before each
// write when both are on a terminal. The caller writes whole lines there,
// since the count waits for the end of a line.
func (p *progress) wrap(w io.Writer) io.Writer {
	if !p.tty || !isTerminal(w) {
		return w
	}
	return progressWriter{p, w}
}

type progressWriter struct {
	p *progress
	w io.Writer
}

func (pw progressWriter) Write(b []byte) (int, error) {
	pw.p.mu.Lock()
	defer pw.p.mu.Unlock()
	pw.p.clear()
	if len(b) > 0 {
		pw.p.midLine = b[len(b)-1] != '\n'
	}
	return pw.w.Write(b)
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
