// Package report writes the results of package check in the formats CI
// systems read: text for people, JSON for scripts, SARIF for code-scanning
// services, and GitHub workflow commands for annotations on pull requests.
//
// Every writer streams: it writes each file's findings as check reports
// them and ends the document in Close, so that memory does not grow with
// the number of files. Errors reading files are not the writers' business;
// the command prints them on stderr in every format.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
)

// Writer writes one report.
type Writer interface {
	// File writes the findings of one file.
	File(f *check.File) error
	// Close ends the report; s is the run's summary.
	Close(s check.Summary) error
}

// Options tune a report.
type Options struct {
	// Color adds ANSI colours to the text format.
	Color bool
	// Version is statusls's version, named as the tool's in SARIF.
	Version string
	// Root is the absolute directory that relative paths are relative to;
	// SARIF names it as %SRCROOT% so that viewers can open the files.
	Root string
}

// Formats lists the formats New accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github"}

// New returns a writer of the named format.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	switch format {
	case "text":
		return &textWriter{w: w, color: opts.Color}, nil
	case "json":
		return &jsonWriter{w: w}, nil
	case "sarif":
		return newSARIF(w, opts)
	case "github":
		return &githubWriter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want %s", format, strings.Join(Formats, ", "))
}

// SeverityName is the name a severity goes by in reports and in --fail-on.
func SeverityName(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Information:
		return "info"
	}
	return "hint"
}

// ParseSeverity is the inverse of SeverityName.
func ParseSeverity(name string) (rules.Severity, error) {
	for s := rules.Error; s <= rules.Hint; s++ {
		if SeverityName(s) == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want error, warning, info or hint", name)
}

// tally counts findings for the summary line of the text formats.
type tally struct {
	files, findings, fixable, fixed int
	bySeverity                      [rules.Hint + 1]int
}

func (t *tally) add(f *check.File) {
	if len(f.Findings) > 0 {
		t.files++
	}
	t.fixed += f.Fixed
	for _, fd := range f.Findings {
		t.findings++
		t.bySeverity[fd.Severity]++
		if fd.Fixable {
			t.fixable++
		}
	}
}

// line is the summary line of the text and GitHub formats, e.g.
// "3 findings (1 error, 2 warnings) in 2 files; 2 fixable with --fix;
// 120 files checked, 1 binary skipped".
func (t *tally) line(s check.Summary) string {
	var b strings.Builder
	if t.findings == 0 {
		b.WriteString("no findings")
	} else {
		var parts []string
		for sev := rules.Error; sev <= rules.Hint; sev++ {
			if n := t.bySeverity[sev]; n > 0 {
				parts = append(parts, plural(n, SeverityName(sev)))
			}
		}
		fmt.Fprintf(&b, "%s (%s) in %s", plural(t.findings, "finding"), strings.Join(parts, ", "), plural(t.files, "file"))
	}
	if t.fixable > 0 {
		fmt.Fprintf(&b, "; %d fixable with --fix", t.fixable)
	}
	if t.fixed > 0 {
		fmt.Fprintf(&b, "; fixed %d", t.fixed)
	}
	if s.Baselined > 0 {
		fmt.Fprintf(&b, "; %d in the baseline", s.Baselined)
	}
	fmt.Fprintf(&b, "; %s checked", plural(s.Checked, "file"))
	if s.Binary > 0 {
		fmt.Fprintf(&b, ", %d binary skipped", s.Binary)
	}
	if s.TooLarge > 0 {
		fmt.Fprintf(&b, ", %d too large skipped", s.TooLarge)
	}
	if s.Excluded > 0 {
		fmt.Fprintf(&b, ", %d excluded by %s", s.Excluded, config.FileName)
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
