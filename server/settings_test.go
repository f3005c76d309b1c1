package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// The settings change what the features report, on real files.
func TestSettingsShapeFeatures(t *testing.T) {
	const goSrc = "package api\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) {\n\tw.WriteHeader(http.StatusBadGateway)\n\tw.WriteHeader(532)\n}\n"
	const nginxSrc = "server {\n    location /upload {\n        return 499;\n    }\n}\n"
	type result struct {
		hints       []string
		diagnostics []string
		hover499    bool
	}
	run := func(t *testing.T, options string, hoverFormats ...protocol.MarkupKind) (result, *testClient) {
		c := start(t, Options{}, nil)
		params := &protocol.InitializeParams{Capabilities: vscodeCapabilities()}
		if options != "" {
			params.InitializationOptions = protocol.LSPAny(options)
		}
		if hoverFormats != nil {
			params.Capabilities.TextDocument.Hover.ContentFormat = hoverFormats
		}
		c.initialize(t, params)
		var r result
		for _, f := range []struct {
			u          uri.URI
			lang, text string
		}{{"file:///srv/h.go", "go", goSrc}, {"file:///etc/nginx/site.conf", "nginx", nginxSrc}} {
			c.open(t, f.u, f.lang, f.text)
			for _, d := range c.nextDiagnostics(t).Diagnostics {
				r.diagnostics = append(r.diagnostics, string(d.Message.(protocol.String)))
			}
			hints, _ := c.server.InlayHint(c.ctx, &protocol.InlayHintParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: f.u},
				Range:        protocol.Range{End: protocol.Position{Line: 99}},
			})
			for _, h := range hints {
				r.hints = append(r.hints, string(h.Label.(protocol.String)))
			}
		}
		h, _ := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: "file:///etc/nginx/site.conf"}, Position: protocol.Position{Line: 2, Character: 16},
		}})
		r.hover499 = h != nil
		return r, c
	}
	t.Run("defaults", func(t *testing.T) {
		r, _ := run(t, "")
		if strings.Join(r.hints, ",") != "Client Closed Request" {
			t.Errorf("hints = %q; want only the literal 499's phrase (constants are off, 532 is unknown)", r.hints)
		}
		if len(r.diagnostics) != 1 || !strings.HasPrefix(r.diagnostics[0], "532 is not a registered") || !r.hover499 {
			t.Errorf("diagnostics = %q, hover on 499: %v; want 532 flagged and nginx's 499 explained", r.diagnostics, r.hover499)
		}
	})
	t.Run("constants on, vendor codes off", func(t *testing.T) {
		r, _ := run(t, `{"inlayHints":{"constants":true},"vendorCodes":false}`)
		if strings.Join(r.hints, ",") != "Bad Gateway" {
			t.Errorf("hints = %q; want the constant's phrase and no vendor code", r.hints)
		}
		if len(r.diagnostics) != 2 || !strings.HasPrefix(r.diagnostics[1], "499 is not a registered") || r.hover499 {
			t.Errorf("diagnostics = %q, hover on 499: %v; want 499 flagged and not explained", r.diagnostics, r.hover499)
		}
	})
	t.Run("diagnostics and hints off", func(t *testing.T) {
		r, _ := run(t, `{"diagnostics":false,"inlayHints":{"enabled":false}}`)
		if len(r.hints)+len(r.diagnostics) != 0 {
			t.Errorf("hints %q, diagnostics %q; want none", r.hints, r.diagnostics)
		}
	})
	t.Run("plain-text hovers", func(t *testing.T) {
		_, c := run(t, "", protocol.MarkupKindPlainText)
		h, err := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: "file:///srv/h.go"}, Position: protocol.Position{Line: 5, Character: 22},
		}})
		if err != nil || h == nil {
			t.Fatalf("hover on http.StatusBadGateway: %v, %v", h, err)
		}
		mc := h.Contents.(*protocol.MarkupContent)
		if mc.Kind != protocol.MarkupKindPlainText || !strings.HasPrefix(mc.Value, "502 Bad Gateway\n") || strings.Contains(mc.Value, "**") {
			t.Errorf("hover = %s %q", mc.Kind, mc.Value[:min(60, len(mc.Value))])
		}
	})
}

// A quick fix is offered only for the version its diagnostic was computed
// for: after an edit, the published ranges may point elsewhere.
func TestStaleDiagnosticsGetNoFix(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	const u = "file:///srv/h.go"
	c.open(t, u, "go", "package api\n\nfunc H(w http.ResponseWriter) {\n\tw.WriteHeader(532)\n}\n")
	diags := c.nextDiagnostics(t).Diagnostics
	if len(diags) != 1 {
		t.Fatalf("diagnostics = %+v", diags)
	}
	ask := func() []string {
		actions, err := c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: diags[0].Range,
			Context: protocol.CodeActionContext{Diagnostics: diags},
		})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range actions {
			if ca, ok := a.(*protocol.CodeAction); ok {
				titles = append(titles, ca.Title)
			}
		}
		return titles
	}
	// The rule's own fix, then the suppression every diagnostic offers.
	if got := ask(); len(got) != 2 || !strings.Contains(got[0], "500") || !strings.HasPrefix(got[1], "Ignore SL001") {
		t.Fatalf("quick fixes for the current version = %q; want the 500 fix and Ignore SL001", got)
	}
	c.server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: 2},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{change(0, 0, 0, 0, "// moved\n")},
	})
	if got := ask(); len(got) != 0 {
		t.Errorf("quick fixes from version 1 diagnostics on version 2 = %q; want none", got)
	}
}

// A quick fix is found by the diagnostic it was published with even when
// a settings change has since reordered the check's results: here the
// diagnostic before it is turned off, so its index in the data is stale.
func TestFixFoundAfterSettingsChange(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, &protocol.InitializeParams{})
	const u = "file:///srv/h.go"
	c.open(t, u, "go", "package api\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) {\n\tw.WriteHeader(532)\n\tw.WriteHeader(404)\n}\n")
	diags := c.nextDiagnostics(t).Diagnostics
	if len(diags) != 2 || diags[0].Code != protocol.String("SL001") || diags[1].Code != protocol.String("SL005") {
		t.Fatalf("diagnostics = %+v; want SL001 then SL005", diags)
	}
	fixes := func(diag protocol.Diagnostic) []string {
		actions, err := c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: diag.Range,
			Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{diag}},
		})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range actions {
			if ca, ok := a.(*protocol.CodeAction); ok && ca.IsPreferred != nil && *ca.IsPreferred {
				titles = append(titles, ca.Title)
			}
		}
		return titles
	}
	if got := fixes(diags[1]); len(got) != 1 || !strings.Contains(got[0], "http.StatusNotFound") {
		t.Fatalf("preferred fixes of SL005 = %q; want the http.StatusNotFound one", got)
	}
	c.server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`{"statusls":{"rules":{"SL001":"off"}}}`)})
	if got := fixes(diags[1]); len(got) != 1 || !strings.Contains(got[0], "http.StatusNotFound") {
		t.Errorf("preferred fixes of SL005 after SL001 was turned off = %q; want the http.StatusNotFound one", got)
	}
	if got := fixes(diags[0]); len(got) != 0 {
		t.Errorf("preferred fixes of SL001 after it was turned off = %q; want none", got)
	}
}
