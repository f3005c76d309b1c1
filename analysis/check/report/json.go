package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/statusls/statusls/analysis/check"
)

// jsonWriter writes one JSON document: {"findings": [...], "summary": {...}},
// with lines and columns 1-based and columns in bytes, as "statusls scan
// --format json" counts them.
type jsonWriter struct {
	w       io.Writer
	started bool
	t       tally
	// line is reused for every finding, so that a run with many findings
	// does not allocate each one's encoding; enc writes into it.
	line bytes.Buffer
	enc  *json.Encoder
}

type jsonFinding struct {
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Rule        string `json:"rule"`
	Name        string `json:"name"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Fixable     bool   `json:"fixable"`
	Fingerprint string `json:"fingerprint"`
	URL         string `json:"url"`
}

type jsonSummary struct {
	Checked   int `json:"checked"`
	Findings  int `json:"findings"`
	Fixed     int `json:"fixed"`
	Baselined int `json:"baselined"`
	Binary    int `json:"skipped_binary"`
	TooLarge  int `json:"skipped_too_large"`
	Excluded  int `json:"excluded"`
}

func (j *jsonWriter) File(f *check.File) error {
	j.t.add(f)
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.line)
	}
	for _, fd := range f.Findings {
		j.line.Reset()
		if !j.started {
			j.line.WriteString("{\"findings\": [\n  ")
			j.started = true
		} else {
			j.line.WriteString(",\n  ")
		}
		err := j.enc.Encode(jsonFinding{
			Path: f.Path, Line: fd.Start.Line, Column: fd.Start.Column, EndLine: fd.End.Line, EndColumn: fd.End.Column,
			Rule: fd.Rule.ID, Name: fd.Rule.Name, Severity: SeverityName(fd.Severity), Message: fd.Message,
			Fixable: fd.Fixable, Fingerprint: fingerprint(fd), URL: fd.Rule.URL(),
		})
		if err != nil {
			return err
		}
		j.line.Truncate(j.line.Len() - 1) // Encode's newline
		if _, err := j.w.Write(j.line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonWriter) Close(s check.Summary) error {
	head := "\n]"
	if !j.started {
		head = "{\"findings\": ["
	}
	sum, err := json.Marshal(jsonSummary{
		Checked: s.Checked, Findings: j.t.findings, Fixed: j.t.fixed, Baselined: s.Baselined,
		Binary: s.Binary, TooLarge: s.TooLarge, Excluded: s.Excluded,
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(j.w, "%s, \"summary\": %s}\n", head, sum)
	return err
}

// fingerprint names a finding across line moves: the hash of its line and
// its occurrence among identical lines (see package baseline).
func fingerprint(fd check.Finding) string {
	return fd.LineHash + ":" + strconv.Itoa(fd.Occurrence)
}
