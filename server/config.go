package server

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/catalog"
)

// Config is what a user sets under "statusls" in their editor's settings,
// in initializationOptions, or in workspace/configuration answers. Fields a
// source leaves out keep their defaults.
type Config struct {
	// Locale is a BCP 47 tag for hover and command text; empty means the
	// editor's own locale (from initialize), else English.
	Locale string `json:"locale"`
	// Diagnostics turns checking on or off.
	Diagnostics bool `json:"diagnostics"`
	// VendorCodes counts codes that only a vendor defines (nginx's 499,
	// Cloudflare's 520) as known: they are explained and not flagged. Unset
	// means the workspace's .statusls.toml decides, else true.
	VendorCodes *bool `json:"vendorCodes"`
	// Rules sets rules, by ID or name, to "off" or a severity, over what
	// the workspace's .statusls.toml says.
	Rules map[string]config.Level `json:"rules"`
	// Constants sets ecosystems to "prefer" or "off" for SL005, over the
	// workspace's file.
	Constants map[string]string `json:"constants"`
	// InlayHints controls the reason phrases shown after codes.
	InlayHints InlayHintsConfig `json:"inlayHints"`
}

// InlayHintsConfig chooses which codes get a reason phrase after them.
type InlayHintsConfig struct {
	Enabled bool `json:"enabled"`
	// Literals: numbers and strings, `WriteHeader(502)` → `Bad Gateway`.
	Literals bool `json:"literals"`
	// Constants: named constants, whose names already say what they are,
	// so they are off by default.
	Constants bool `json:"constants"`
}

// settings are the editor's settings in the form rules.CheckFile takes,
// to be merged over the workspace file's.
func (c *Config) settings() config.Settings {
	return config.Settings{Rules: c.Rules, VendorCodes: c.VendorCodes, Constants: c.Constants}
}

func defaultConfig() Config {
	return Config{
		Diagnostics: true,
		InlayHints:  InlayHintsConfig{Enabled: true, Literals: true},
	}
}

// parseConfig reads settings over base. It accepts the settings
// either bare or under a "statusls" key, since clients send both shapes
// (didChangeConfiguration usually sends the whole settings tree).
func parseConfig(base Config, raw []byte) (Config, error) {
	cfg := base
	var wrapped struct {
		Statusls json.RawMessage `json:"statusls"`
	}
	if err := json.Unmarshal(raw, &wrapped); err == nil && len(wrapped.Statusls) > 0 {
		raw = wrapped.Statusls
	}
	if string(raw) == "null" {
		return cfg, nil
	}
	err := json.Unmarshal(raw, &cfg)
	return cfg, err
}

// applySettings installs settings from one of the three sources and brings
// open documents up to date with them: diagnostics are recomputed and the
// client is asked to refresh its inlay hints.
//
// initializationOptions are read over the defaults and the others over
// those, so that a client that answers workspace/configuration with an
// empty section does not undo what it set at start.
func (s *Server) applySettings(raw []byte, source string) {
	base := defaultConfig()
	if b := s.baseConfig.Load(); b != nil {
		base = *b
	}
	cfg, err := parseConfig(base, raw)
	if err != nil {
		// Keep what was working rather than fall back to defaults on a typo.
		s.log.Error("invalid settings ignored", "source", source, "error", err)
		return
	}
	if source == "initializationOptions" {
		s.baseConfig.Store(&cfg)
	}
	old := s.config.Swap(&cfg)
	s.log.Info("settings applied", "source", source, "settings", cfg)
	if unknown := rules.UnknownRules(cfg.settings()); len(unknown) > 0 && (old == nil || !reflect.DeepEqual(old.Rules, cfg.Rules)) {
		s.showWarning(s.unknownRuleText(strings.Join(unknown, ", ")) + " (statusls.rules)")
	}
	if old != nil && !reflect.DeepEqual(*old, cfg) && s.state.Load() == stateRunning {
		s.refresh()
	}
}

// refresh re-sends everything that depends on settings. It asks the client
// with requests, so it must not run on the read loop.
func (s *Server) refresh() {
	sess := s.session.Load()
	if sess.pullDiagnostics {
		if sess.diagnosticRefresh {
			go s.callClient("workspace/diagnostic/refresh", s.client.DiagnosticRefresh)
		}
	} else {
		for _, d := range s.docs.all() {
			s.pub.schedule(d.URI, 0)
		}
	}
	if sess.inlayRefresh {
		go s.callClient("workspace/inlayHint/refresh", s.client.InlayHintRefresh)
	}
}

func (s *Server) callClient(method string, call func(context.Context) error) {
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	if err := call(ctx); err != nil {
		s.log.Warn("client request failed", "method", method, "error", err)
	}
}

// fetchConfiguration asks the client for the "statusls" section, when it
// supports workspace/configuration.
func (s *Server) fetchConfiguration() {
	if !s.session.Load().configuration {
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	items, err := s.client.Configuration(ctx, &protocol.ConfigurationParams{
		Items: []protocol.ConfigurationItem{{Section: ptr("statusls")}},
	})
	if err != nil {
		s.log.Warn("workspace/configuration failed; keeping current settings", "error", err)
		return
	}
	if len(items) == 1 && len(items[0]) > 0 {
		s.applySettings(items[0], "workspace/configuration")
	}
}

// DidChangeConfiguration re-reads the settings: from the client when it
// supports workspace/configuration (the pushed settings may be a stub, as
// the specification allows), else from the notification itself.
func (s *Server) DidChangeConfiguration(_ context.Context, params *protocol.DidChangeConfigurationParams) error {
	if s.session.Load().configuration {
		go s.fetchConfiguration()
		return nil
	}
	if len(params.Settings) > 0 {
		s.applySettings(params.Settings, "didChangeConfiguration")
	}
	return nil
}

// locale is the locale for text shown to the user.
func (s *Server) locale() catalog.Locale {
	if l := s.config.Load().Locale; l != "" {
		return s.catalog().Match(l)
	}
	return s.catalog().Match(s.session.Load().clientLocale)
}

// format is the text format the client displays.
func (s *Server) format() catalog.Format {
	if s.session.Load().markdown {
		return catalog.Markdown
	}
	return catalog.PlainText
}
