package server

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
)

// diagnosticData travels in each diagnostic's data field and names the
// check result its fixes are in: the document version and the
// diagnostic's index in the checked list; the rule is the diagnostic's
// code, which the client sends back with it. The fixes themselves stay
// in the server (see checked), which computes them with the diagnostics
// anyway; sending them along would triple what every publish carries. A
// fix for an older version is not offered, since its ranges may no
// longer point at the code. On the wire it is the array [version, index]:
// a large file has thousands of diagnostics, and every byte of each is
// decoded by the client before it shows any.
type diagnosticData struct {
	Version int32
	Index   int
}

// MarshalJSON encodes data as [version, index].
func (data diagnosticData) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "[%d,%d]", data.Version, data.Index), nil
}

// UnmarshalJSON decodes data from [version, index].
func (data *diagnosticData) UnmarshalJSON(raw []byte) error {
	var pair [2]int64
	if err := json.Unmarshal(raw, &pair); err != nil {
		return err
	}
	if pair[0] != int64(int32(pair[0])) {
		return fmt.Errorf("version %d out of range", pair[0])
	}
	*data = diagnosticData{Version: int32(pair[0]), Index: int(pair[1])}
	return nil
}

// checked is what the checks found in one document version under one set
// of settings, in byte offsets and with their fixes: what code actions
// and the published diagnostics are built from.
type checked struct {
	key   checkKey
	found []rules.Diagnostic
}

// checkKey names everything besides the text that a document's
// diagnostics depend on. Each part is a pointer replaced, never modified,
// when it changes: the editor's settings, the document's .statusls.toml
// and the session (position encoding, client locale).
type checkKey struct {
	settings  *Config
	workspace *config.Config
	session   *session
}

// checked returns a document's check result for the current settings,
// computed once per version and settings, so that the background worker
// (warm) does it during the debounce delay, and the push and the code
// actions after it find it done. Concurrent callers wait for one
// computation. Only the document checked last keeps its result: a check
// result is several times the size of the text it is about, and the
// document being edited is the one whose code actions are asked for.
func (s *Server) checked(d *Document) *checked {
	_, wc := s.configFor(d)
	key := checkKey{settings: s.config.Load(), workspace: wc, session: s.session.Load()}
	d.checkMu.Lock()
	defer d.checkMu.Unlock()
	if c := d.lastCheck.Load(); c != nil && c.key == key {
		return c
	}
	c := &checked{key: key, found: s.runChecks(d)}
	d.lastCheck.Store(c)
	if prev := s.lastChecked.Swap(d); prev != nil && prev != d {
		prev.lastCheck.Store(nil)
	}
	return c
}

// toLSP converts check results to LSP diagnostics: a stable rule code with
// a link to its documentation, source "statusls", and in data the key to
// its fixes (see diagnosticData). A result whose range cannot be mapped
// is logged and left out; the result is never nil.
func (s *Server) toLSP(d *Document, found []rules.Diagnostic) []protocol.Diagnostic {
	enc := s.session.Load().encoding
	out := make([]protocol.Diagnostic, 0, len(found))
	for i, rd := range found {
		rng, err := d.Range(rd.Start, rd.End, enc)
		if err != nil {
			s.log.Error("diagnostic outside the document", "uri", d.URI, "rule", rd.RuleID, "error", err)
			continue
		}
		raw, _ := diagnosticData{Version: d.Version, Index: i}.MarshalJSON()
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

// runChecks runs the rules over a document version, in byte offsets,
// through rules.Check, the path "statusls check" takes too, so that the
// editor and CI agree: the workspace's .statusls.toml for the file, with
// the editor's settings over it.
func (s *Server) runChecks(d *Document) []rules.Diagnostic {
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

// fixesOf returns the check result behind a published diagnostic, found
// by the index in its data and confirmed by rule and start (settings may
// have changed since it was published); ok is false when the current
// check has no such diagnostic.
func (s *Server) fixesOf(d *Document, diag protocol.Diagnostic, rule string, data diagnosticData) (rules.Diagnostic, bool) {
	found := s.checked(d).found
	start := d.Offset(diag.Range.Start, s.session.Load().encoding)
	same := func(i int) bool { return found[i].RuleID == rule && found[i].Start == start }
	if data.Index >= 0 && data.Index < len(found) && same(data.Index) {
		return found[data.Index], true
	}
	for i := range found {
		if same(i) {
			return found[i], true
		}
	}
	return rules.Diagnostic{}, false
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

// diagnostics returns a document's LSP diagnostics (see toLSP), with
// those of an open .statusls.toml. The result is never nil, since an
// empty list is what clears a document's diagnostics in the client.
func (s *Server) diagnostics(d *Document) []protocol.Diagnostic {
	lsp := s.toLSP(d, s.checked(d).found)
	if extra := s.configDiagnostics(d); len(extra) > 0 {
		return append(extra, lsp...)
	}
	return lsp
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

// warm analyses and checks the latest version of a document in the
// background, so that the work runs during the debounce delay rather than
// after it: on a large file it takes tens of milliseconds, which would
// otherwise add to every publish. One worker per document at most, and it always takes the
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
			if s.docs.get(u) == d {
				s.pub.prepare(d)
			}
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
	// pending holds the documents whose timer has not fired yet, and
	// prepared the diagnostics built for them ahead of it (see prepare).
	pending  map[string]bool
	prepared map[string]preparedPush
	done     bool
}

// preparedPush is a document version's diagnostics, encoded and ready to
// send.
type preparedPush struct {
	doc    *Document
	params encodedJSON
}

func (p *publisher) init(s *Server) {
	p.s = s
	p.timers = make(map[string]*time.Timer)
	p.pending = make(map[string]bool)
	p.prepared = make(map[string]preparedPush)
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
	p.pending[string(u)] = true
	p.timers[string(u)] = time.AfterFunc(delay, func() { p.publish(u) })
}

// prepare builds a document version's diagnostics while its push waits
// for the debounce delay, so that the push only sends. They are kept only
// until that push: with many open documents, keeping each one's LSP form
// would double the server's memory. The check itself runs for clients
// that pull diagnostics too, whose next pull then finds it done.
func (p *publisher) prepare(d *Document) {
	p.s.checked(d)
	p.mu.Lock()
	waiting := p.pending[string(d.URI)]
	p.mu.Unlock()
	if !waiting {
		return // pulled, or already pushed
	}
	params, err := protocol.Marshal(publishParams(d.URI, &d.Version, p.s.diagnostics(d)))
	if err != nil {
		p.s.log.Error("could not encode diagnostics", "uri", d.URI, "error", err)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending[string(d.URI)] {
		p.prepared[string(d.URI)] = preparedPush{doc: d, params: params}
	}
}

func (p *publisher) publish(u uri.URI) {
	d := p.s.docs.get(u)
	p.mu.Lock()
	delete(p.pending, string(u))
	ready, ok := p.prepared[string(u)]
	delete(p.prepared, string(u))
	p.mu.Unlock()
	if d == nil {
		return
	}
	var params any = ready.params
	if !ok || ready.doc != d {
		params = publishParams(u, &d.Version, p.s.diagnostics(d))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done || p.s.docs.get(u) != d {
		return // closed, or a newer version has its own timer
	}
	p.send(u, params)
}

// clear empties a closed document's diagnostics.
func (p *publisher) clear(u uri.URI) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t := p.timers[string(u)]; t != nil {
		t.Stop()
		delete(p.timers, string(u))
	}
	delete(p.pending, string(u))
	delete(p.prepared, string(u))
	if p.done || p.s.session.Load().pullDiagnostics {
		return
	}
	p.send(u, publishParams(u, nil, []protocol.Diagnostic{}))
}

// publishParams is the push of a document's diagnostics; version is nil
// for the clear after a close.
func publishParams(u uri.URI, version *int32, diags []protocol.Diagnostic) *protocol.PublishDiagnosticsParams {
	params := &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags}
	if version != nil {
		params.Version = protocol.NewOptional(*version)
	}
	return params
}

// send pushes diagnostics: params is a *protocol.PublishDiagnosticsParams
// or its encoding.
func (p *publisher) send(u uri.URI, params any) {
	if err := p.s.conn.Notify(p.s.ctx, protocol.MethodTextDocumentPublishDiagnostics, params); err != nil {
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
