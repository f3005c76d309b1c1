package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// The page of a code arrives when the user selects its item, in the
// user's locale, naming the constant of the file's ecosystem.
func TestCompletionResolve(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, &protocol.InitializeParams{Locale: ptr("vi"), Capabilities: vscodeCapabilities()})
	const u = "file:///srv/api/get.go"
	c.open(t, u, "go", "package api\n\nimport \"net/http\"\n\nfunc Get(w http.ResponseWriter) {\n\tw.WriteHeader(40)\n}\n")
	res, err := c.server.Completion(c.ctx, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 5, Character: 17},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var item *protocol.CompletionItem
	for i, it := range res.(*protocol.CompletionList).Items {
		if it.Label == "404" {
			item = &res.(*protocol.CompletionList).Items[i]
		}
	}
	if item == nil || item.Documentation != nil {
		t.Fatalf("item 404 missing or already documented: %+v", item)
	}
	if e := item.TextEdit.(*protocol.TextEdit); e.Range.Start.Character != 15 || e.Range.End.Character != 17 || e.NewText != "404" {
		t.Errorf("item 404 edits %+v; want 40 at 15-17 replaced by 404", e)
	}
	resolved, err := c.server.CompletionResolve(c.ctx, item)
	if err != nil {
		t.Fatal(err)
	}
	doc, ok := resolved.Documentation.(*protocol.MarkupContent)
	if !ok || !strings.HasPrefix(doc.Value, "**404 Not Found**") || !strings.Contains(doc.Value, "Mô tả") || !strings.Contains(doc.Value, "`http.StatusNotFound`") {
		t.Errorf("resolved documentation = %#v", resolved.Documentation)
	}
}
