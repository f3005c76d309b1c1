package server

import (
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Diagnostics are pushed on open, after changes only for the latest
// version, and cleared on close with an empty list. The findings that fill
// the lists are tested in the marker files; this is the machinery.
func TestPushedDiagnostics(t *testing.T) {
	const u = uri.URI("file:///etc/nginx/conf.d/site.conf")
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	c.open(t, u, "nginx", "location / {\n    return 502;\n}\n")
	p := c.nextDiagnostics(t)
	if v, _ := p.Version.Get(); p.URI != u || v != 1 || p.Diagnostics == nil {
		t.Errorf("on open: %s version %d, diagnostics %v; want %s version 1 and a list", p.URI, v, p.Diagnostics, u)
	}
	for v := int32(2); v <= 20; v++ {
		c.server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: v},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{change(1, 11, 1, 14, "504")},
		})
	}
	// Whatever the timing, versions only move forward and the last one
	// published is the latest.
	last := int32(1)
	for last != 20 {
		p := c.nextDiagnostics(t)
		v, _ := p.Version.Get()
		if v <= last {
			t.Fatalf("published version %d after version %d", v, last)
		}
		last = v
	}
	c.server.DidClose(c.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	p = c.nextDiagnostics(t)
	if _, versioned := p.Version.Get(); p.URI != u || len(p.Diagnostics) != 0 || p.Diagnostics == nil || versioned {
		t.Errorf("on close: %+v; want an empty list without version", p)
	}
}

// A client that pulls diagnostics gets a diagnostic provider and full
// reports, and nothing pushed, which it would show twice.
func TestPulledDiagnostics(t *testing.T) {
	const u = uri.URI("file:///srv/api/openapi.yaml")
	c := start(t, Options{}, nil)
	caps := vscodeCapabilities()
	caps.TextDocument.Diagnostic = &protocol.DiagnosticClientCapabilities{}
	res := c.initialize(t, &protocol.InitializeParams{Capabilities: caps})
	if opts, ok := res.Capabilities.DiagnosticProvider.(*protocol.DiagnosticOptions); !ok || opts.Identifier == nil || *opts.Identifier != "statusls" {
		t.Fatalf("diagnosticProvider = %#v; want options with identifier statusls", res.Capabilities.DiagnosticProvider)
	}
	c.open(t, u, "yaml", "openapi: 3.1.0\npaths:\n  /:\n    get:\n      responses:\n        '299':\n          description: OK\n")
	report, err := c.server.Diagnostic(c.ctx, &protocol.DocumentDiagnosticParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if err != nil {
		t.Fatal(err)
	}
	full, ok := report.(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok || full.Kind != "full" || len(full.Items) != 1 {
		t.Fatalf("report = %#v; want a full report with one item", report)
	}
	if d := full.Items[0]; d.Code != protocol.String("SL001") || d.Range.Start != (protocol.Position{Line: 5, Character: 9}) {
		t.Errorf("item = %+v; want SL001 on the 299 key", d)
	}
	c.server.DidClose(c.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	assertServing(t, c)
	select {
	case p := <-c.editor.diagnostics:
		t.Errorf("diagnostics pushed to a client that pulls: %+v", p.params)
	default:
	}
}
