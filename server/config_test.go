package server

import (
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// locale returns the locale the server writes in, read from the page the
// explain command returns: its standing line is translated.
func (c *testClient) locale(t testing.TB) string {
	t.Helper()
	if strings.Contains(c.explain(t, "502"), "Đã đăng ký") {
		return "vi"
	}
	return "en"
}

func (c *testClient) waitRefresh(t testing.TB) {
	t.Helper()
	select {
	case <-c.editor.refreshes:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not ask the editor to refresh after new settings")
	}
}

// The locale comes from the editor's locale at initialize, unless the
// settings name one; initializationOptions, workspace/configuration and
// didChangeConfiguration all apply, without a restart.
func TestLocaleSettings(t *testing.T) {
	t.Run("client locale", func(t *testing.T) {
		c := start(t, Options{}, nil)
		c.initialize(t, &protocol.InitializeParams{Locale: ptr("vi-VN"), Capabilities: vscodeCapabilities()})
		if got := c.locale(t); got != "vi" {
			t.Errorf("locale = %s, want vi from the client's vi-VN", got)
		}
	})
	t.Run("unknown client locale falls back to English", func(t *testing.T) {
		c := start(t, Options{}, nil)
		c.initialize(t, &protocol.InitializeParams{Locale: ptr("zz"), Capabilities: vscodeCapabilities()})
		if got := c.locale(t); got != "en" {
			t.Errorf("locale = %s, want en", got)
		}
	})
	t.Run("initializationOptions over the client's locale", func(t *testing.T) {
		c := start(t, Options{}, nil)
		c.initialize(t, &protocol.InitializeParams{
			Locale:                ptr("en-US"),
			InitializationOptions: protocol.LSPAny(`{"statusls":{"locale":"vi"}}`),
		})
		if got := c.locale(t); got != "vi" {
			t.Errorf("locale = %s, want vi from initializationOptions", got)
		}
	})
	t.Run("workspace/configuration, then a change", func(t *testing.T) {
		c := start(t, Options{}, nil)
		c.editor.setSettings(`{"locale":"vi"}`)
		c.initialize(t, nil)
		c.waitRefresh(t)
		if got := c.locale(t); got != "vi" {
			t.Errorf("locale = %s, want vi from workspace/configuration", got)
		}
		c.editor.setSettings(`{"locale":"en","inlayHints":{"constants":true}}`)
		if err := c.server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`null`)}); err != nil {
			t.Fatal(err)
		}
		c.waitRefresh(t)
		if got := c.locale(t); got != "en" {
			t.Errorf("locale = %s, want en after didChangeConfiguration", got)
		}
		if cfg := c.srv.config.Load(); !cfg.InlayHints.Constants || !cfg.InlayHints.Literals || !cfg.Diagnostics {
			t.Errorf("settings = %+v; want constants on and the other defaults kept", cfg)
		}
	})
	t.Run("pushed settings when the client cannot be asked", func(t *testing.T) {
		c := start(t, Options{}, nil)
		c.initialize(t, &protocol.InitializeParams{})
		c.server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`{"statusls":{"locale":"vi"}}`)})
		if got := c.locale(t); got != "vi" {
			t.Errorf("locale = %s, want vi from didChangeConfiguration's settings", got)
		}
		// A malformed setting is reported in the log and changes nothing.
		c.server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`{"statusls":{"locale":42}}`)})
		if got := c.locale(t); got != "vi" {
			t.Errorf("locale = %s after a malformed setting, want vi kept", got)
		}
	})
}
