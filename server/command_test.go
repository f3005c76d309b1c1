package server

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// explain runs statusls.explain and returns the page.
func (c *testClient) explain(t testing.TB, args ...string) string {
	t.Helper()
	var raw []protocol.LSPAny
	for _, a := range args {
		raw = append(raw, protocol.LSPAny(a))
	}
	res, err := c.server.ExecuteCommand(c.ctx, &protocol.ExecuteCommandParams{Command: "statusls.explain", Arguments: raw})
	if err != nil {
		t.Fatalf("statusls.explain %v: %v", args, err)
	}
	var page string
	if err := json.Unmarshal(res, &page); err != nil {
		t.Fatalf("statusls.explain returned %s, not a string", res)
	}
	return page
}

func TestExplainCommand(t *testing.T) {
	c := start(t, Options{}, nil)
	res := c.initialize(t, nil)
	if got := res.Capabilities.ExecuteCommandProvider.Commands; strings.Join(got, " ") != "statusls.explain statusls.compare" {
		t.Errorf("commands = %v", got)
	}
	for _, tt := range []struct {
		args []string
		want []string // the page's first lines
	}{
		{[]string{`502`}, []string{"# 502 Bad Gateway", "", "Server error (5xx) · Registered · [RFC 9110, section 15.6.3](https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3)"}},
		{[]string{`"502"`, `"vi-VN"`}, []string{"# 502 Bad Gateway", "", "Lỗi phía máy chủ (5xx) · Đã đăng ký · [RFC 9110, section 15.6.3](https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3)"}},
	} {
		page := c.explain(t, tt.args...)
		if got := strings.Split(page, "\n")[:len(tt.want)]; strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("explain %v starts:\n%s\nwant:\n%s", tt.args, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	for _, args := range [][]protocol.LSPAny{nil, {protocol.LSPAny(`999`)}, {protocol.LSPAny(`502`), protocol.LSPAny(`7`)}, {protocol.LSPAny(`1`), protocol.LSPAny(`2`), protocol.LSPAny(`3`)}} {
		_, err := c.server.ExecuteCommand(c.ctx, &protocol.ExecuteCommandParams{Command: "statusls.explain", Arguments: args})
		if code(err) != jsonrpc2.InvalidParams {
			t.Errorf("explain %s: %v; want InvalidParams", args, err)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	for _, args := range [][]protocol.LSPAny{{protocol.LSPAny(`502`)}, {protocol.LSPAny(`502`), protocol.LSPAny(`502`)}, {protocol.LSPAny(`502`), protocol.LSPAny(`999`)}} {
		_, err := c.server.ExecuteCommand(c.ctx, &protocol.ExecuteCommandParams{Command: "statusls.compare", Arguments: args})
		if code(err) != jsonrpc2.InvalidParams {
			t.Errorf("compare %s: %v; want InvalidParams", args, err)
		}
	}
	res, err := c.server.ExecuteCommand(c.ctx, &protocol.ExecuteCommandParams{Command: "statusls.compare", Arguments: []protocol.LSPAny{protocol.LSPAny(`502`), protocol.LSPAny(`"504"`)}})
	if err != nil {
		t.Fatal(err)
	}
	var page string
	json.Unmarshal(res, &page)
	if !strings.HasPrefix(page, "# 502 Bad Gateway vs 504 Gateway Timeout\n") {
		t.Errorf("compare page starts %q", page[:min(80, len(page))])
	}
}
