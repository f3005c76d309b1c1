package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// DidOpen stores the first version of a document and checks it at once.
// go.lsp.dev/protocol decodes strings without copying them: they point
// into the whole message that carried them, the document's text included.
// The URI and language ID, which the document keeps while it is open, are
// copied, so that they do not keep the message alive beside Text.
func (s *Server) DidOpen(_ context.Context, params *protocol.DidOpenTextDocumentParams) error {
	item := params.TextDocument
	d := newDocument(uri.URI(strings.Clone(string(item.URI))), strings.Clone(string(item.LanguageID)), item.Version, []byte(item.Text), s.opts.MaxFileSize)
	s.docs.put(d)
	s.log.Debug("opened", "uri", item.URI, "version", item.Version, "language", d.Language, "bytes", len(d.Text))
	s.noteLimits(d)
	s.warm(d.URI)
	s.pub.schedule(d.URI, 0)
	return nil
}

// DidChange applies an incremental change. A change for a document that is
// not open, or for a version no newer than the one held, cannot be applied
// safely (its ranges refer to a text the server does not have), so it is
// logged and ignored rather than guessed at.
func (s *Server) DidChange(_ context.Context, params *protocol.DidChangeTextDocumentParams) error {
	u, version := params.TextDocument.URI, params.TextDocument.Version
	old := s.docs.get(u)
	if old == nil {
		return fmt.Errorf("change for %s, which is not open; ignored", u)
	}
	if version <= old.Version {
		return fmt.Errorf("change to version %d of %s, which is at version %d already; ignored", version, u, old.Version)
	}
	d, err := old.withChanges(version, params.ContentChanges, s.session.Load().encoding, s.opts.MaxFileSize)
	if err != nil {
		return err
	}
	s.docs.put(d)
	s.noteLimits(d)
	s.warm(u)
	s.pub.schedule(u, s.opts.DiagnosticsDelay)
	return nil
}

// DidClose forgets the document and clears its diagnostics, which the
// client would otherwise keep showing.
func (s *Server) DidClose(_ context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.docs.remove(params.TextDocument.URI)
	s.toldLarge.Delete(string(params.TextDocument.URI))
	s.pub.clear(params.TextDocument.URI)
	return nil
}

// DidSave reloads the configuration when a .statusls.toml is saved; other
// documents need nothing, as their text arrived with the changes.
func (s *Server) DidSave(_ context.Context, params *protocol.DidSaveTextDocumentParams) error {
	if isConfigFile(params.TextDocument.URI) {
		s.reloadConfigs("saved " + string(params.TextDocument.URI))
	}
	return nil
}

// noteLimits tells the user, once per document, that only part of a large
// document is checked, so that a missing diagnostic is never a silent one.
func (s *Server) noteLimits(d *Document) {
	if d.Binary {
		s.log.Info("document looks binary (it has NUL bytes); not analysed", "uri", d.URI)
		return
	}
	if !d.Truncated() {
		return
	}
	if _, told := s.toldLarge.LoadOrStore(string(d.URI), true); told {
		return
	}
	msg := fmt.Sprintf("statusls: %s is %s; only its first %s are checked (raise --max-file-size to check more).",
		d.URI.Path(), size(len(d.Text)), size(d.Analysed))
	s.log.Warn("document over the size limit; analysing its beginning only", "uri", d.URI, "bytes", len(d.Text), "analysed", d.Analysed)
	// Notify only writes, so it is safe from the read loop.
	if err := s.client.ShowMessage(s.ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg}); err != nil {
		s.log.Warn("could not show message", "error", err)
	}
}

func size(n int) string {
	switch {
	case n >= 1000<<10: // 1023.9 KB reads better as 1.0 MB
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
