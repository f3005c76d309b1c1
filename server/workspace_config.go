package server

import (
	"cmp"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
)

// workspaceConfigs caches the .statusls.toml that governs each directory,
// so that checking a document does not walk the file system on every
// keystroke. Any change to a config file (watched, or saved through the
// editor) empties the cache, and open documents are checked again: config
// files are few and rarely change, so precise invalidation is not worth
// its bookkeeping.
type workspaceConfigs struct {
	mu    sync.Mutex
	byDir map[string]foundConfig
	// warned holds the config files whose unknown rule names were shown,
	// so that the message comes once per change, not once per directory.
	warned map[string]bool
}

type foundConfig struct {
	path string // "" when there is none
	cfg  *config.Config
}

// configFor returns the configuration governing a document: nil for a
// document that is not a file, or when no config file is found or the one
// found is invalid (the error is logged and shown once per change, and
// the defaults apply meanwhile).
func (s *Server) configFor(d *Document) (string, *config.Config) {
	if !d.URI.IsFile() {
		return "", nil
	}
	dir := filepath.Dir(d.URI.FsPath())
	c := &s.workspace
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.byDir[dir]; ok {
		return f.path, f.cfg
	}
	path, cfg, err := config.Find(dir)
	if err != nil {
		s.log.Error("invalid configuration file; using defaults", "error", err)
		// Notify only writes, so it is safe under the lock.
		if err := s.client.ShowMessage(s.ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "statusls: " + err.Error()}); err != nil {
			s.log.Warn("could not show message", "error", err)
		}
		cfg = nil
	}
	if c.byDir == nil {
		c.byDir = map[string]foundConfig{}
	}
	c.byDir[dir] = foundConfig{path: path, cfg: cfg}
	if cfg != nil && !c.warned[path] {
		if c.warned == nil {
			c.warned = map[string]bool{}
		}
		c.warned[path] = true
		s.warnUnknownRules(path, cfg)
	}
	return path, cfg
}

// warnUnknownRules tells the user about rule names in a config file that
// name no rule (a typo silently does nothing otherwise): as diagnostics on
// the file when it is open in the editor (configDiagnostics), else by a
// message. It only writes, so it is safe under the cache's lock.
func (s *Server) warnUnknownRules(path string, cfg *config.Config) {
	if _, open, _ := s.openConfigText(path); open != nil {
		return
	}
	var unknown []string
	for _, sec := range cfg.Sections() {
		unknown = append(unknown, rules.UnknownRules(sec)...)
	}
	if len(unknown) == 0 {
		return
	}
	s.showWarning(path + ": " + s.unknownRuleText(strings.Join(unknown, ", ")))
}

func (s *Server) unknownRuleText(key string) string {
	return s.catalog().Message(s.locale(), "config.unknown-rule", "key", key)
}

func (s *Server) showWarning(msg string) {
	s.log.Warn(msg)
	if err := s.client.ShowMessage(s.ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: "statusls: " + msg}); err != nil {
		s.log.Warn("could not show message", "error", err)
	}
}

// configDiagnostics reports, on an open .statusls.toml, the rule names
// that name no rule, on the key itself. The file's syntax errors are shown
// as a message when it is loaded (configFor).
func (s *Server) configDiagnostics(d *Document) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	if !isConfigFile(d.URI) {
		return out
	}
	cfg, err := config.Parse(d.URI.FsPath(), d.Text)
	if err != nil {
		return out
	}
	enc := s.session.Load().encoding
	seen := map[string]bool{}
	for _, sec := range cfg.Sections() {
		for _, key := range rules.UnknownRules(sec) {
			if seen[key] {
				continue
			}
			seen[key] = true
			// Every place the key is set: under [rules] or in an
			// override's inline table.
			re := regexp.MustCompile(`(?m)(?:^|[\s{,])"?(` + regexp.QuoteMeta(key) + `)"?\s*=`)
			for _, loc := range re.FindAllSubmatchIndex(d.Text, -1) {
				rng, err := d.Range(loc[2], loc[3], enc)
				if err != nil {
					continue
				}
				out = append(out, protocol.Diagnostic{Range: rng, Severity: protocol.DiagnosticSeverityWarning,
					Source: protocol.NewOptional("statusls"), Message: protocol.String(s.unknownRuleText(key))})
			}
		}
	}
	slices.SortFunc(out, func(a, b protocol.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Range.Start.Line, b.Range.Start.Line), cmp.Compare(a.Range.Start.Character, b.Range.Start.Character))
	})
	return out
}

// reloadConfigs forgets every cached configuration and re-checks the open
// documents.
func (s *Server) reloadConfigs(why string) {
	s.workspace.mu.Lock()
	s.workspace.byDir = nil
	s.workspace.warned = nil
	s.workspace.mu.Unlock()
	s.log.Info("configuration files changed; re-checking", "reason", why)
	s.refresh()
}

func isConfigFile(u uri.URI) bool {
	return u.IsFile() && filepath.Base(u.FsPath()) == config.FileName
}

// workspaceRoot is where a new config file for a document goes: the
// workspace folder holding it, else the root the client named, else the
// document's directory.
func (s *Server) workspaceRoot(d *Document) string {
	file := d.URI.FsPath()
	best := ""
	for _, r := range s.session.Load().roots {
		if (file == r || strings.HasPrefix(file, r+string(filepath.Separator))) && len(r) > len(best) {
			best = r
		}
	}
	if best == "" {
		best = filepath.Dir(file)
	}
	return best
}

// DidChangeWatchedFiles reloads the configuration when a config file is
// created, changed or deleted outside the editor (a git checkout, another
// tool).
func (s *Server) DidChangeWatchedFiles(_ context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	for _, ch := range params.Changes {
		if isConfigFile(ch.URI) {
			s.reloadConfigs("watched file " + string(ch.URI))
			return nil
		}
	}
	return nil
}

// watchConfigFiles asks the client to report changes of config files, when
// it supports registering the watcher at run time.
func (s *Server) watchConfigFiles() {
	if !s.session.Load().watchFiles {
		return
	}
	opts, err := json.Marshal(protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{{GlobPattern: protocol.Pattern("**/" + config.FileName)}},
	})
	if err != nil {
		s.log.Error("cannot encode the watcher registration", "error", err)
		return
	}
	s.callClient("client/registerCapability", func(ctx context.Context) error {
		return s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "statusls-config-watcher", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: protocol.LSPAny(opts),
		}}})
	})
}

// configFileText returns the text of a config file as the editor has it
// when it is open, else from disk; ok is false when it does not exist.
func (s *Server) configFileText(path string) ([]byte, *Document, bool) {
	if text, d, ok := s.openConfigText(path); ok {
		return text, d, true
	}
	b, err := os.ReadFile(path)
	return b, nil, err == nil
}

// openConfigText returns the text of a config file open in the editor.
func (s *Server) openConfigText(path string) ([]byte, *Document, bool) {
	for _, d := range s.docs.all() {
		if d.URI.IsFile() && d.URI.FsPath() == path {
			return d.Text, d, true
		}
	}
	return nil, nil, false
}
