package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// diagnosticsFor waits for the next diagnostics published for u, skipping
// those of other documents, and returns them as "RULE line:col" strings.
func (c *testClient) diagnosticsFor(t *testing.T, u uri.URI) ([]string, []protocol.Diagnostic) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.editor.diagnostics:
			if p.URI != u {
				continue
			}
			var out []string
			for _, d := range p.Diagnostics {
				out = append(out, fmt.Sprintf("%v %d:%d", d.Code, d.Range.Start.Line+1, d.Range.Start.Character))
			}
			return out, p.Diagnostics
		case <-deadline:
			t.Fatalf("no diagnostics for %s", u)
			return nil, nil
		}
	}
}

// A workspace's .statusls.toml decides which nginx checks run; editing it
// on disk and telling the server re-checks open files without a restart;
// a statusls:ignore comment silences one line; and the quick fixes of a
// diagnostic include ignoring it and turning its rule off in that file,
// by an edit that keeps the file's comments.
func TestWorkspaceConfigAndSuppression(t *testing.T) {
	root := t.TempDir()
	cfgPath := filepath.Join(root, ".statusls.toml")
	writeFile(t, cfgPath, "# shop settings\n[rules]\nnginx-temporary-https-redirect = \"off\"  # during the migration\n")
	site := `server {
    listen 80;
    return 302 https://$host$request_uri;
}
server {
    listen 443 ssl;
    location /api/ {
        limit_req zone=api;
        proxy_pass http://app;
    }
    location /search/ {
        # statusls:ignore SL104 search has its own client-side backoff
        limit_req zone=search;
        proxy_pass http://app;
    }
}
`
	c := start(t, Options{}, nil)
	caps := vscodeCapabilities()
	caps.Workspace.WorkspaceEdit.ResourceOperations = []protocol.ResourceOperationKind{protocol.ResourceOperationKindCreate}
	rootURI := uri.File(root)
	params := &protocol.InitializeParams{Capabilities: caps}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: rootURI, Name: "shop"}})
	c.initialize(t, params)
	u := uri.File(filepath.Join(root, "sites", "shop.conf"))
	c.open(t, u, "nginx", site)
	got, _ := c.diagnosticsFor(t, u)
	if want := []string{"SL104 8:8"}; !slices.Equal(got, want) {
		t.Errorf("with SL102 off: %v, want %v (SL104 on line 13 is suppressed)", got, want)
	}

	writeFile(t, cfgPath, "# shop settings\n[rules]\n")
	if err := c.server.DidChangeWatchedFiles(c.ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: uri.File(cfgPath), Type: protocol.FileChangeTypeChanged},
	}}); err != nil {
		t.Fatal(err)
	}
	got, diags := c.diagnosticsFor(t, u)
	if want := []string{"SL102 3:11", "SL104 8:8"}; !slices.Equal(got, want) {
		t.Fatalf("after the config changed: %v, want %v", got, want)
	}

	actions, err := c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        diags[0].Range,
		Context:      protocol.CodeActionContext{Diagnostics: diags[:1]},
	})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	byTitle := map[string]*protocol.CodeAction{}
	for _, a := range actions {
		ca := a.(*protocol.CodeAction)
		titles = append(titles, ca.Title)
		byTitle[ca.Title] = ca
	}
	want := []string{
		"Use 301 Moved Permanently", "Use 308 Permanent Redirect (keeps the method and body)",
		"Ignore SL102 on this line", "Turn off SL102 (nginx-temporary-https-redirect) for this workspace",
	}
	if !slices.Equal(titles, want) {
		t.Fatalf("quick fixes: %q, want %q", titles, want)
	}
	if p := byTitle[want[0]].IsPreferred; p == nil || !*p {
		t.Errorf("the 301 fix is not preferred")
	}
	ignore := byTitle[want[2]].Edit.DocumentChanges[0].(*protocol.TextDocumentEdit).Edits[0].(*protocol.TextEdit)
	if ignore.NewText != "    # statusls:ignore SL102 \n" || ignore.Range.Start.Line != 2 || ignore.Range.Start.Character != 0 {
		t.Errorf("ignore edit = %+v", ignore)
	}
	off := byTitle[want[3]].Edit.DocumentChanges
	te, ok := off[0].(*protocol.TextDocumentEdit)
	if len(off) != 1 || !ok || te.TextDocument.URI != uri.File(cfgPath) {
		t.Fatalf("turn-off edit = %#v; want one edit of %s", off, cfgPath)
	}
	e := te.Edits[0].(*protocol.TextEdit)
	if e.NewText != "SL102 = \"off\"\n" || e.Range.Start.Line != 2 || e.Range.Start.Character != 0 {
		t.Errorf("turn-off edit = %+v; want a line added under [rules]", e)
	}

	// With no config file, the action creates one at the workspace root.
	if err := os.Remove(cfgPath); err != nil {
		t.Fatal(err)
	}
	if err := c.server.DidSave(c.ctx, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(cfgPath)}}); err != nil {
		t.Fatal(err)
	}
	_, diags = c.diagnosticsFor(t, u)
	actions, err = c.server.CodeAction(c.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        diags[0].Range,
		Context:      protocol.CodeActionContext{Diagnostics: diags[:1]},
	})
	if err != nil {
		t.Fatal(err)
	}
	last := actions[len(actions)-1].(*protocol.CodeAction)
	if ch := last.Edit.DocumentChanges; len(ch) != 2 || ch[0].(*protocol.CreateFile).URI != uri.File(cfgPath) ||
		ch[1].(*protocol.TextDocumentEdit).Edits[0].(*protocol.TextEdit).NewText != "[rules]\nSL102 = \"off\"\n" {
		t.Errorf("%s: %#v; want the file created with the rule off", last.Title, ch)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
