package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/statusls/statusls/analysis/check"
	"github.com/statusls/statusls/analysis/rules"
)

// sarifWriter writes a SARIF 2.1.0 log with one run: the tool with every
// rule's metadata (so that code-scanning services show its title, help and
// link even for rules with no result), then one result per finding.
// Columns are UTF-16 code units, SARIF's default column kind, which GitHub
// code scanning assumes.
type sarifWriter struct {
	w       io.Writer
	started bool
	index   map[string]int // rule ID → index in tool.driver.rules
	root    bool           // %SRCROOT% is defined
}

// The SARIF objects statusls writes, with the fields it uses; the names
// follow the SARIF 2.1.0 specification's.
type (
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		Help                 sarifMessage `json:"help"`
		HelpURI              string       `json:"helpUri"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Region           sarifRegion   `json:"region"`
		} `json:"physicalLocation"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
)

var sarifLevel = [...]string{rules.Error: "error", rules.Warning: "warning", rules.Information: "note", rules.Hint: "note"}

// srcRoot is the base ID of relative paths, the name GitHub code scanning
// and the SARIF viewers recognise for the checked-out sources.
const srcRoot = "%SRCROOT%"

func newSARIF(w io.Writer, opts Options) (*sarifWriter, error) {
	s := &sarifWriter{w: w, index: map[string]int{}}
	driver := sarifDriver{Name: "statusls", InformationURI: "https://github.com/statusls/statusls", Version: opts.Version}
	for i, r := range rules.All() {
		s.index[r.ID] = i
		title, rest, _ := strings.Cut(r.Doc, "\n")
		rest = strings.TrimSpace(rest)
		sr := sarifRule{
			ID: r.ID, Name: r.Name,
			ShortDescription: sarifMessage{Text: title},
			FullDescription:  sarifMessage{Text: cmp.Or(rest, title)},
			Help: sarifMessage{
				Text:     r.Doc + "\n\n" + r.URL(),
				Markdown: fmt.Sprintf("**%s**\n\n%s\n\n[Documentation](%s)", title, rest, r.URL()),
			},
			HelpURI: r.URL(),
		}
		sr.DefaultConfiguration.Level = sarifLevel[r.Severity]
		driver.Rules = append(driver.Rules, sr)
	}
	tool, err := json.Marshal(driver)
	if err != nil {
		return nil, err
	}
	base := ""
	if opts.Root != "" {
		s.root = true
		base = fmt.Sprintf(`"originalUriBaseIds": {%q: {"uri": %q}}, `, srcRoot, dirURI(opts.Root))
	}
	_, err = fmt.Fprintf(w, `{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": %s}, %s"columnKind": "utf16CodeUnits", "results": [`, tool, base)
	return s, err
}

func (s *sarifWriter) File(f *check.File) error {
	art := s.artifact(f.Path)
	for _, fd := range f.Findings {
		r := sarifResult{
			RuleID: fd.Rule.ID, RuleIndex: s.index[fd.Rule.ID], Level: sarifLevel[fd.Severity],
			Message:             sarifMessage{Text: fd.Message},
			PartialFingerprints: map[string]string{"statuslsLineHash/v1": fingerprint(fd)},
		}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation = art
		loc.PhysicalLocation.Region = sarifRegion{
			StartLine: fd.Start.Line, StartColumn: fd.Start.UTF16Column,
			EndLine: fd.End.Line, EndColumn: fd.End.UTF16Column,
		}
		r.Locations = []sarifLocation{loc}
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sep := ",\n  "
		if !s.started {
			sep, s.started = "\n  ", true
		}
		if _, err := fmt.Fprintf(s.w, "%s%s", sep, data); err != nil {
			return err
		}
	}
	return nil
}

func (s *sarifWriter) Close(check.Summary) error {
	_, err := io.WriteString(s.w, "\n]}]}\n")
	return err
}

// artifact locates a file: relative paths relative to %SRCROOT%, so that
// the log does not depend on where the checkout was; absolute ones as file
// URIs.
func (s *sarifWriter) artifact(path string) sarifArtifact {
	if filepath.IsAbs(path) {
		return sarifArtifact{URI: fileURI(path)}
	}
	u := (&url.URL{Path: filepath.ToSlash(path)}).String()
	if !s.root {
		return sarifArtifact{URI: u}
	}
	return sarifArtifact{URI: u, URIBaseID: srcRoot}
}

// fileURI turns an absolute path into a file URI, with a leading slash
// before a Windows drive letter.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is fileURI for a directory, which SARIF wants ending in a slash.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
