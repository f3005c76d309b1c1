package server

import (
	"context"
	"os"
	"slices"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/server/position"
)

// The lifecycle the specification prescribes, as a state machine:
//
//	uninitialized --initialize--> running --shutdown--> shut down --exit--> (exit 0)
//
// Before initialize, requests get ServerNotInitialized and notifications are
// dropped; after shutdown, requests get InvalidRequest. exit is honoured in
// every state; it ends the process with 0 only after shutdown.
const (
	stateUninitialized int32 = iota
	stateRunning
	stateShutdown
)

// session is what initialize negotiated; it is replaced, never modified, so
// handlers read it without locks.
type session struct {
	encoding     position.Encoding
	clientLocale string
	markdown     bool // hovers and documentation in Markdown
	// pullDiagnostics: the client asks for diagnostics (textDocument/
	// diagnostic), so the server does not push them; pushing as well would
	// show every problem twice.
	pullDiagnostics   bool
	diagnosticRefresh bool
	configuration     bool // workspace/configuration
	inlayRefresh      bool
	documentChanges   bool // versioned edits in WorkspaceEdit
	createFiles       bool // CreateFile in WorkspaceEdit, for a new .statusls.toml
	watchFiles        bool // didChangeWatchedFiles may be registered at run time
	// roots are the workspace folders' paths, where a new .statusls.toml
	// goes.
	roots []string
}

// admit applies the lifecycle to an incoming message.
func (s *Server) admit(method string, call bool) error {
	state := s.state.Load()
	switch {
	case method == protocol.MethodExit:
		return nil
	case method == protocol.MethodInitialize:
		if state != stateUninitialized {
			return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize may be sent only once")
		}
	case state == stateUninitialized:
		return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized: send initialize first")
	case state == stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down: only exit is accepted")
	}
	return nil
}

// Initialize negotiates the position encoding and what the client supports,
// reads initializationOptions, starts watching the editor process, and
// declares what statusls offers.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	sess := negotiate(params)
	s.session.Store(sess)
	if len(params.InitializationOptions) > 0 {
		s.applySettings(params.InitializationOptions, "initializationOptions")
	}
	if params.ProcessID != nil && *params.ProcessID > 0 && int(*params.ProcessID) != os.Getpid() {
		go s.watchProcess(int(*params.ProcessID))
	}
	if !s.state.CompareAndSwap(stateUninitialized, stateRunning) {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize may be sent only once")
	}
	name := "unknown"
	if params.ClientInfo.Name != "" {
		name = params.ClientInfo.Name
	}
	s.log.Info("initialized", "client", name, "encoding", sess.encoding.String(),
		"pullDiagnostics", sess.pullDiagnostics, "locale", sess.clientLocale)

	caps := protocol.ServerCapabilities{
		PositionEncoding: protocol.PositionEncodingKind(sess.encoding.String()),
		TextDocumentSync: &protocol.TextDocumentSyncOptions{
			OpenClose: ptr(true),
			Change:    ptr(protocol.TextDocumentSyncKindIncremental),
			// didSave of a .statusls.toml reloads the configuration.
			Save: &protocol.SaveOptions{},
		},
		HoverProvider: protocol.Boolean(true),
		CodeActionProvider: &protocol.CodeActionOptions{
			CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, fixAllKind},
		},
		InlayHintProvider:      protocol.Boolean(true),
		ExecuteCommandProvider: protocol.ExecuteCommandOptions{Commands: commandNames()},
		CompletionProvider:     completionOptions(),
	}
	if sess.pullDiagnostics {
		caps.DiagnosticProvider = &protocol.DiagnosticOptions{Identifier: ptr("statusls")}
	}
	info := protocol.ServerInfo{Name: "statusls"}
	if s.opts.Version != "" {
		info.Version = protocol.NewOptional(s.opts.Version)
	}
	return &protocol.InitializeResult{Capabilities: caps, ServerInfo: info}, nil
}

// negotiate reads the client's capabilities into a session. The position
// encoding is the first of UTF-8 and UTF-32 the client offers, since both
// spare the mapper a decoding step, else UTF-16, which every client supports
// and which is the default when it offers nothing.
func negotiate(params *protocol.InitializeParams) *session {
	sess := &session{encoding: position.UTF16, markdown: true}
	caps := params.Capabilities
	if caps.General != nil {
		for _, k := range caps.General.PositionEncodings {
			if k == protocol.PositionEncodingKindUTF8 {
				sess.encoding = position.UTF8
				break
			}
			if k == protocol.PositionEncodingKindUTF32 {
				sess.encoding = position.UTF32
				break
			}
		}
	}
	if params.Locale != nil {
		sess.clientLocale = *params.Locale
	}
	if td := caps.TextDocument; td != nil {
		if td.Hover != nil && len(td.Hover.ContentFormat) > 0 {
			sess.markdown = slices.Contains(td.Hover.ContentFormat, protocol.MarkupKindMarkdown)
		}
		sess.pullDiagnostics = td.Diagnostic != nil
	}
	if ws := caps.Workspace; ws != nil {
		sess.configuration = ws.Configuration != nil && *ws.Configuration
		sess.inlayRefresh = ws.InlayHint != nil && ws.InlayHint.RefreshSupport != nil && *ws.InlayHint.RefreshSupport
		sess.diagnosticRefresh = ws.Diagnostics != nil && ws.Diagnostics.RefreshSupport != nil && *ws.Diagnostics.RefreshSupport
		sess.documentChanges = ws.WorkspaceEdit != nil && ws.WorkspaceEdit.DocumentChanges != nil && *ws.WorkspaceEdit.DocumentChanges
		sess.createFiles = sess.documentChanges && slices.Contains(ws.WorkspaceEdit.ResourceOperations, protocol.ResourceOperationKindCreate)
		sess.watchFiles = ws.DidChangeWatchedFiles != nil && ws.DidChangeWatchedFiles.DynamicRegistration != nil && *ws.DidChangeWatchedFiles.DynamicRegistration
	}
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if f.URI.IsFile() {
				sess.roots = append(sess.roots, f.URI.FsPath())
			}
		}
	}

	return sess
}

// Initialized fetches the user's settings, now that the client may be asked.
func (s *Server) Initialized(context.Context, *protocol.InitializedParams) error {
	// The request to the client must not be made from the read loop, which
	// has to be free to read the answer.
	go s.fetchConfiguration()
	go s.watchConfigFiles()
	return nil
}

// Shutdown stops the server accepting requests; exit then ends it.
func (s *Server) Shutdown(context.Context) error {
	s.state.Store(stateShutdown)
	s.pub.stop()
	s.log.Info("shutdown requested")
	return nil
}

// Exit ends the server: with 0 after shutdown, 1 otherwise.
func (s *Server) Exit(context.Context) error {
	code := 1
	if s.state.Load() == stateShutdown {
		code = 0
	}
	s.log.Info("exit", "code", code)
	s.exit(code)
	return nil
}

func (s *Server) exit(code int) {
	s.exitOnce.Do(func() {
		s.exitCode.Store(int32(code))
		close(s.exited)
	})
}

// watchProcess ends the server when the editor dies without closing the
// pipe, as the specification asks, so that no orphaned server lingers.
func (s *Server) watchProcess(pid int) {
	t := time.NewTicker(s.opts.ProcessPollInterval)
	defer t.Stop()
	for {
		select {
		case <-s.exited:
			return
		case <-t.C:
			if !processAlive(pid) {
				s.log.Warn("the editor process is gone; exiting", "pid", pid)
				s.exit(1)
				return
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
