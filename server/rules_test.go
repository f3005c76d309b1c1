package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
		case pushed := <-c.editor.diagnostics:
			p := pushed.params
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
	// The reload also asks the editor to refresh its inlay hints. Wait for
	// that request before asking for code actions: under -race, a code
	// action title decoded by go.lsp.dev/protocol's client was seen
	// overwritten by that request's bytes, as if the decoded list still
	// shared the client's read buffer.
	c.waitRefresh(t)

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

// A rule name in .statusls.toml that names no rule is reported once per
// change of the file, by a message while the file is closed and on the
// key itself once it is open; the file's vendor-codes setting governs
// hover as it governs diagnostics; and diagnostics come in the editor's
// locale.
func TestConfigUnknownRulesAndVendorCodes(t *testing.T) {
	root := t.TempDir()
	cfgPath := filepath.Join(root, ".statusls.toml")
	cfgText := "vendor-codes = false\n\n[rules]\nSL04 = \"off\"  # meant SL004\n\n[[overrides]]\npaths = [\"tests/\"]\nrules = { unknown-status-code = \"hint\", SL9999 = \"off\" }\n"
	writeFile(t, cfgPath, cfgText)
	c := start(t, Options{}, nil)
	params := &protocol.InitializeParams{Capabilities: vscodeCapabilities()}
	params.InitializationOptions = protocol.LSPAny(`{"statusls":{"locale":"vi"}}`)
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(root), Name: "shop"}})
	c.initialize(t, params)

	handler := uri.File(filepath.Join(root, "api", "handler.go"))
	c.open(t, handler, "go", "package api\n\nimport \"net/http\"\n\nfunc Cancelled(w http.ResponseWriter) {\n\tw.WriteHeader(499)\n}\n")
	_, diags := c.diagnosticsFor(t, handler)
	select {
	case m := <-c.editor.messages:
		want := "statusls: " + cfgPath + `: SL04, SL9999: statusls không có quy tắc này, nên thiết lập không có tác dụng; xem "statusls rules"`
		if m.Type != protocol.MessageTypeWarning || m.Message != want {
			t.Errorf("message = %v %q, want a warning %q", m.Type, m.Message, want)
		}
	default:
		t.Error("no message about the unknown rules")
	}
	// With vendor codes off, nginx's 499 is an unregistered code here, and
	// hover does not explain it as nginx's.
	if len(diags) != 1 || diags[0].Code != protocol.String("SL001") ||
		diags[0].Message != protocol.String("499 không phải mã trạng thái HTTP đã đăng ký; máy khách coi nó là 400 Bad Request (RFC 9110, mục 15)") {
		t.Errorf("diagnostics = %+v; want SL001 in Vietnamese", diags)
	}
	h, err := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: handler}, Position: protocol.Position{Line: 5, Character: 16},
	}})
	if err != nil || h != nil {
		t.Errorf("hover on 499 with vendor codes off = %+v, %v; want none", h, err)
	}

	// Another directory under the same file: no second message.
	other := uri.File(filepath.Join(root, "web", "other.go"))
	c.open(t, other, "go", "package web\n")
	c.diagnosticsFor(t, other)
	if len(c.editor.messages) != 0 {
		t.Errorf("the unknown rules were reported again: %q", (<-c.editor.messages).Message)
	}

	// Open, the file shows each unknown name on its key.
	cfgURI := uri.File(cfgPath)
	c.open(t, cfgURI, "toml", cfgText)
	got, diags := c.diagnosticsFor(t, cfgURI)
	if want := []string{"<nil> 4:0", "<nil> 8:40"}; !slices.Equal(got, want) {
		t.Fatalf("config diagnostics at %v, want %v", got, want)
	}
	if diags[0].Severity != protocol.DiagnosticSeverityWarning || !strings.HasPrefix(fmt.Sprint(diags[1].Message), "SL9999: ") {
		t.Errorf("config diagnostics = %+v", diags)
	}

	// A typo in the editor's own rules is reported when the settings
	// change.
	c.editor.setSettings(`{"locale":"en","rules":{"SL0005":"off"}}`)
	if err := c.server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`null`)}); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-c.editor.messages:
		if want := `statusls: SL0005: no such statusls rule, so the setting does nothing; see "statusls rules" (statusls.rules)`; m.Message != want {
			t.Errorf("message = %q, want %q", m.Message, want)
		}
	case <-time.After(10 * time.Second):
		t.Error("no message about the unknown rule in the settings")
	}
}
