package server

import (
	"strings"
	"testing"
	"unsafe"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func change(startLine, startChar, endLine, endChar uint32, text string) protocol.TextDocumentContentChangeEvent {
	return &protocol.TextDocumentContentChangePartial{
		Range: protocol.Range{
			Start: protocol.Position{Line: startLine, Character: startChar},
			End:   protocol.Position{Line: endLine, Character: endChar},
		},
		Text: text,
	}
}

// Incremental changes are applied in order, each to the text the previous
// one produced, with ranges in the negotiated encoding. The text is read
// back from the server's store, since without findings no request shows it.
func TestIncrementalSync(t *testing.T) {
	const u = uri.URI("file:///srv/app/handler.go")
	tests := []struct {
		name    string
		enc     protocol.PositionEncodingKind
		text    string
		changes [][]protocol.TextDocumentContentChangeEvent
		want    string
	}{
		{
			name: "ascii, two changes in one notification",
			text: "w.WriteHeader(500)\n",
			changes: [][]protocol.TextDocumentContentChangeEvent{{
				change(0, 14, 0, 17, "502"),
				change(1, 0, 1, 0, "return\n"),
			}},
			want: "w.WriteHeader(502)\nreturn\n",
		},
		{
			// "Lỗi 🚀": the rocket starts at UTF-16 column 4 and spans 2 units.
			name: "vietnamese and emoji in utf-16",
			enc:  protocol.PositionEncodingKindUTF16,
			text: "// Lỗi 🚀 500\nx",
			changes: [][]protocol.TextDocumentContentChangeEvent{
				{change(0, 10, 0, 13, "502")},
				{change(0, 7, 0, 9, "✅")},
			},
			want: "// Lỗi ✅ 502\nx",
		},
		{
			name: "the same edit in utf-8 columns",
			enc:  protocol.PositionEncodingKindUTF8,
			text: "// Lỗi 🚀 500\nx",
			changes: [][]protocol.TextDocumentContentChangeEvent{
				{change(0, 14, 0, 17, "502")},
			},
			want: "// Lỗi 🚀 502\nx",
		},
		{
			name: "crlf, past the end of a line and of the file",
			text: "a\r\nb\r\nc",
			changes: [][]protocol.TextDocumentContentChangeEvent{
				{change(0, 99, 0, 99, "!")},
				{change(9, 0, 9, 0, "\r\nd")},
			},
			want: "a!\r\nb\r\nc\r\nd",
		},
		{
			name: "whole-document change",
			text: "old",
			changes: [][]protocol.TextDocumentContentChangeEvent{
				{&protocol.TextDocumentContentChangeWholeDocument{Text: "new\n"}, change(1, 0, 1, 0, "more")},
			},
			want: "new\nmore",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, Options{}, nil)
			params := &protocol.InitializeParams{Capabilities: vscodeCapabilities()}
			if tt.enc != "" {
				params.Capabilities.General.PositionEncodings = []protocol.PositionEncodingKind{tt.enc}
			}
			c.initialize(t, params)
			c.open(t, u, "go", tt.text)
			for i, ch := range tt.changes {
				err := c.server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
					TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: int32(i + 2)},
					ContentChanges: ch,
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			// A change for an old version is ignored.
			c.server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
				TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: 1},
				ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangeWholeDocument{Text: "stale"}},
			})
			assertServing(t, c) // notifications are handled in order, so this waits for them
			d := c.srv.docs.get(u)
			if got := string(d.Text); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if d.Version != int32(len(tt.changes)+1) {
				t.Errorf("version = %d, want %d", d.Version, len(tt.changes)+1)
			}
		})
	}
}

// go.lsp.dev/protocol decodes a didOpen's URI and language ID as strings
// that point into the message, text and all. The document keeps copies, so
// that an open document holds its text once, not twice. The handler is
// called directly, with strings cut from a message as the decoder cuts
// them: over the pipe, the test could not see where they point.
func TestDocumentKeepsNoMessage(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	message := `{"uri":"file:///srv/app/handler.go","languageId":"go","text":"` + strings.Repeat("x", 1<<16) + `"}`
	slice := func(s string) string { i := strings.Index(message, s); return message[i : i+len(s)] }
	in, lang := slice("file:///srv/app/handler.go"), slice(`"go"`)[1:3]
	if err := c.srv.DidOpen(c.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri.URI(in), LanguageID: protocol.LanguageKind(lang), Version: 1, Text: "package app\n",
	}}); err != nil {
		t.Fatal(err)
	}
	d := c.srv.docs.get(uri.URI(in))
	inside := func(s string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(message)))
		return p >= lo && p < lo+uintptr(len(message))
	}
	if d == nil || d.URI != uri.URI(in) || d.LanguageID != lang || inside(string(d.URI)) || inside(d.LanguageID) {
		t.Fatalf("document %+v keeps its URI or language inside the message", d)
	}
}
