package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/rules"
)

// githubWriter writes GitHub Actions workflow commands
// ("::error file=...,line=...::message"), which GitHub shows as annotations
// on the lines of a pull request, without uploading anything.
type githubWriter struct {
	w io.Writer
	t tally
}

var githubLevel = [...]string{rules.Error: "error", rules.Warning: "warning", rules.Information: "notice", rules.Hint: "notice"}

func (g *githubWriter) File(f *check.File) error {
	g.t.add(f)
	for _, fd := range f.Findings {
		_, err := fmt.Fprintf(g.w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevel[fd.Severity], escapeProperty(filepath.ToSlash(f.Path)),
			fd.Start.Line, fd.Start.UTF16Column, fd.End.Line, fd.End.UTF16Column,
			escapeProperty(fd.Rule.ID+" "+fd.Rule.Name), escapeData(fd.Message))
		if err != nil {
			return err
		}
	}
	return nil
}

func (g *githubWriter) Close(s check.Summary) error {
	_, err := fmt.Fprintln(g.w, "statusls: "+g.t.line(s))
	return err
}

// escapeData escapes a workflow command's message as the Actions runner
// unescapes it: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, where ":"
// and "," also delimit.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
