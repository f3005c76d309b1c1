package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
)

// diagnosticData travels in each diagnostic's data field, so that a quick
// fix is built from what was published, without analysing again. Version
// says which text the ranges refer to; a fix for an older version is not
// offered, since its ranges may no longer point at the code.
type diagnosticData struct {
	Version int32     `json:"version"`
	Rule    string    `json:"rule"`
	Fixes   []fixData `json:"fixes,omitempty"`
}

type fixData struct {
	Title     string              `json:"title"`
	Edits     []protocol.TextEdit `json:"edits"`
	Preferred bool                `json:"preferred,omitempty"`
}

// check runs the rules over a document version, in byte offsets, through
// rules.Check, the path "statusls check" takes too, so that the editor and
// CI agree: the workspace's .statusls.toml for the file, with the editor's
// settings over it.
func (s *Server) check(d *Document) []rules.Diagnostic {
	if !s.config.Load().Diagnostics || d.Binary {
		return nil
	}
	settings, included := s.settingsFor(d)
	if !included {
		return nil
	}
	return rules.Check(d.Analysis(), d.Text[:d.Analysed], rules.Options{
		LanguageID: d.LanguageID,
		Settings:   settings,
		Catalog:    s.catalog(),
		Locale:     s.locale(),
	})
}

// settingsFor is the configuration that applies to a document: its
// workspace's .statusls.toml for the file, with the editor's settings
// over it; included is false when the file's include/exclude patterns
// leave it out of checking.
func (s *Server) settingsFor(d *Document) (settings config.Settings, included bool) {
	if _, wc := s.configFor(d); wc != nil {
		if !wc.Includes(d.URI.FsPath()) {
			return config.Settings{}, false
		}
		settings = wc.ForFile(d.URI.FsPath())
	}
	return settings.Merge(s.config.Load().settings()), true
}

// vendorCodes reports whether vendor-only codes count as known in a
// document: as its settings say, true when none does.
func (s *Server) vendorCodes(d *Document) bool {
	settings, _ := s.settingsFor(d)
	return settings.VendorCodes == nil || *settings.VendorCodes
}

// diagnostics converts a document's findings to LSP diagnostics: a stable
// rule code with a link to its documentation, source "statusls", and the
// fixes in data. The result is never nil, since an empty list is what
// clears a document's diagnostics in the client.
func (s *Server) diagnostics(d *Document) []protocol.Diagnostic {
	enc := s.session.Load().encoding
	out := s.configDiagnostics(d)
	for _, rd := range s.check(d) {
		rng, err := d.Range(rd.Start, rd.End, enc)
		if err != nil {
			s.log.Error("diagnostic outside the document", "uri", d.URI, "rule", rd.RuleID, "error", err)
			continue
		}
		data := diagnosticData{Version: d.Version, Rule: rd.RuleID}
		for _, f := range rd.Fixes {
			fd := fixData{Title: f.Title, Preferred: f.Preferred}
			for _, e := range f.Edits {
				er, err := d.Range(e.Start, e.End, enc)
				if err != nil {
					continue
				}
				fd.Edits = append(fd.Edits, protocol.TextEdit{Range: er, NewText: e.NewText})
			}
			data.Fixes = append(data.Fixes, fd)
		}
		raw, _ := json.Marshal(data)
		pd := protocol.Diagnostic{
			Range:    rng,
			Severity: protocol.DiagnosticSeverity(rd.Severity),
			Code:     protocol.String(rd.RuleID),
			Source:   protocol.NewOptional("statusls"),
			Message:  protocol.String(rd.Message),
			Data:     protocol.LSPAny(raw),
		}
		if r, ok := rules.ByID(rd.RuleID); ok {
			pd.CodeDescription = protocol.CodeDescription{Href: uri.URI(r.URL())}
		}
		if len(rd.Tags) > 0 {
			tags := make([]protocol.DiagnosticTag, len(rd.Tags))
			for i, t := range rd.Tags {
				tags[i] = protocol.DiagnosticTag(t)
			}
			pd.Tags = protocol.NewDiagnosticTags(tags...)
		}
		out = append(out, pd)
	}
	return out
}

// Diagnostic answers a pull (textDocument/diagnostic). Every answer is a
// full report: checking is fast and cached per version, and a full report
// spares tracking result IDs.
func (s *Server) Diagnostic(_ context.Context, params *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	report := &protocol.RelatedFullDocumentDiagnosticReport{}
	report.Kind = string(protocol.DocumentDiagnosticReportKindFull)
	report.Items = []protocol.Diagnostic{}
	if d := s.docs.get(params.TextDocument.URI); d != nil {
		report.Items = s.diagnostics(d)
	}
	return report, nil
}

// warm analyses the latest version of a document in the background, so
// that the analysis runs during the debounce delay rather than after it: on
// a large file it takes tens of milliseconds, which would otherwise add to
// every check. One worker per document at most, and it always takes the
// latest version, so fast typing costs one analysis at a time, not one per
// keystroke.
func (s *Server) warm(u uri.URI) {
	if _, busy := s.warming.LoadOrStore(string(u), true); busy {
		return
	}
	go func() {
		for {
			d := s.docs.get(u)
			if d == nil {
				s.warming.Delete(string(u))
				return
			}
			d.Analysis()
			if s.docs.get(u) != d {
				continue
			}
			s.warming.Delete(string(u))
			// A change that came between the check and the delete found
			// the worker busy; take it on unless another worker has.
			if s.docs.get(u) == d {
				return
			}
			if _, busy := s.warming.LoadOrStore(string(u), true); busy {
				return
			}
		}
	}()
}

// publisher pushes diagnostics to clients that do not pull them. A change
// restarts the document's timer, so diagnostics follow typing at most once
// per delay; when the timer fires, only the document's latest version is
// checked, and the result is sent only if that version is still the latest.
type publisher struct {
	s      *Server
	mu     sync.Mutex // held while sending, so that a clear is never overtaken
	timers map[string]*time.Timer
	done   bool
}

func (p *publisher) init(s *Server) {
	p.s = s
	p.timers = make(map[string]*time.Timer)
}

// schedule checks the document after delay, replacing a pending check.
func (p *publisher) schedule(u uri.URI, delay time.Duration) {
	if p.s.session.Load().pullDiagnostics {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	if t := p.timers[string(u)]; t != nil {
		t.Stop()
	}
	p.timers[string(u)] = time.AfterFunc(delay, func() { p.publish(u) })
}

func (p *publisher) publish(u uri.URI) {
	d := p.s.docs.get(u)
	if d == nil {
		return
	}
	diags := p.s.diagnostics(d)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done || p.s.docs.get(u) != d {
		return // closed, or a newer version has its own timer
	}
	p.send(u, &d.Version, diags)
}

// clear empties a closed document's diagnostics.
func (p *publisher) clear(u uri.URI) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t := p.timers[string(u)]; t != nil {
		t.Stop()
		delete(p.timers, string(u))
	}
	if p.done || p.s.session.Load().pullDiagnostics {
		return
	}
	p.send(u, nil, []protocol.Diagnostic{})
}

func (p *publisher) send(u uri.URI, version *int32, diags []protocol.Diagnostic) {
	params := &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags}
	if version != nil {
		params.Version = protocol.NewOptional(*version)
	}
	if err := p.s.client.PublishDiagnostics(p.s.ctx, params); err != nil {
		p.s.log.Warn("could not publish diagnostics", "uri", u, "error", err)
	}
}

// stop cancels pending checks, at shutdown.
func (p *publisher) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = true
	for _, t := range p.timers {
		t.Stop()
	}
}
