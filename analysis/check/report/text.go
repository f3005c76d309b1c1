package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/rules"
)

// textWriter writes "path:line:col: severity RULE message", the shape
// compilers and go vet use, which editors and terminals turn into links.
// It keeps one line per finding: of a message that goes on to explain
// (SL106 lists causes and fixes), it writes the first line, the summary;
// the other formats carry the whole message.
type textWriter struct {
	w     io.Writer
	color bool
	t     tally
}

// ANSI escapes: bold for the position, a colour per severity, dim for the
// rule ID, as gcc and clang colour their diagnostics.
const (
	bold  = "\x1b[1m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

var severityColor = [...]string{rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[1;33m", rules.Information: "\x1b[1;36m", rules.Hint: "\x1b[1;34m"}

func (t *textWriter) File(f *check.File) error {
	t.t.add(f)
	for _, fd := range f.Findings {
		sev := SeverityName(fd.Severity)
		msg, _, _ := strings.Cut(fd.Message, "\n")
		pos := fmt.Sprintf("%s:%d:%d:", f.Path, fd.Start.Line, fd.Start.Column)
		var err error
		if t.color {
			_, err = fmt.Fprintf(t.w, "%s%s%s %s%s%s %s%s%s %s\n", bold, pos, reset, severityColor[fd.Severity], sev, reset, dim, fd.Rule.ID, reset, msg)
		} else {
			_, err = fmt.Fprintf(t.w, "%s %s %s %s\n", pos, sev, fd.Rule.ID, msg)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *textWriter) Close(s check.Summary) error {
	_, err := fmt.Fprintln(t.w, t.t.line(s))
	return err
}
