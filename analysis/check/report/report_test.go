package report_test

import (
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/check/report"
	"github.com/statusls/statusls/analysis/rules"
)

// A file name with a comma and a message with a percent sign and a newline
// survive the workflow command syntax; the runner unescapes them.
func TestGitHubEscapes(t *testing.T) {
	var out strings.Builder
	w, err := report.New("github", &out, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.File(&check.File{Path: "conf/a,b.conf", Findings: []check.Finding{{
		Rule: rules.UnknownStatusCode, Severity: rules.Hint, Message: "100% wrong\nsee: docs",
		Start: analysis.Pos{Line: 3, Column: 5, UTF16Column: 4}, End: analysis.Pos{Line: 3, Column: 8, UTF16Column: 7},
	}}})
	w.Close(check.Summary{Checked: 1})
	want := "::notice file=conf/a%2Cb.conf,line=3,col=4,endLine=3,endColumn=7,title=SL001 unknown-status-code::100%25 wrong%0Asee: docs\n" +
		"statusls: 1 finding (1 hint) in 1 file; 1 file checked\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

// On a terminal the text format colours the position, severity and rule.
func TestTextColor(t *testing.T) {
	var out strings.Builder
	w, _ := report.New("text", &out, report.Options{Color: true})
	w.File(&check.File{Path: "nginx.conf", Findings: []check.Finding{{
		Rule: rules.UnknownStatusCode, Severity: rules.Error, Message: "1000 is not an HTTP status code",
		Start: analysis.Pos{Line: 2, Column: 12, UTF16Column: 12},
	}}})
	want := "\x1b[1mnginx.conf:2:12:\x1b[0m \x1b[1;31merror\x1b[0m \x1b[2mSL001\x1b[0m 1000 is not an HTTP status code\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// The text format keeps one line per finding: a message that goes on to
// explain shows its first line.
func TestTextFirstLine(t *testing.T) {
	var out strings.Builder
	w, _ := report.New("text", &out, report.Options{})
	w.File(&check.File{Path: "nginx.conf", Findings: []check.Finding{{
		Rule: rules.UnknownStatusCode, Severity: rules.Information,
		Message: "413 Content Too Large.\nWhen you see it:\n- client_max_body_size defaults to 1m",
		Start:   analysis.Pos{Line: 7, Column: 20, UTF16Column: 20},
	}}})
	if want := "nginx.conf:7:20: info SL001 413 Content Too Large.\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
