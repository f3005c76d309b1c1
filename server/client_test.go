package server

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// testClient is a real LSP client on the other end of a pipe: messages are
// framed and encoded exactly as an editor's, and server-to-client requests
// (workspace/configuration, refreshes) are answered as an editor would.
type testClient struct {
	ctx    context.Context
	conn   jsonrpc2.Conn
	server protocol.Server
	editor *editor
	// exit receives Serve's exit code when the server stops.
	exit chan int
	// srv is the server itself, for the few tests that look inside.
	srv *Server
}

// editor is the client side's handler of what the server sends.
type editor struct {
	protocol.UnimplementedClient
	diagnostics chan push
	messages    chan *protocol.ShowMessageParams
	refreshes   chan string

	mu       sync.Mutex
	settings json.RawMessage // the answer to workspace/configuration
}

// push is a publishDiagnostics notification as the editor got it.
type push struct {
	params *protocol.PublishDiagnosticsParams
	// arrived is when the client had read the message off the pipe, before
	// it decoded the diagnostics (see stampArrival).
	arrived time.Time
}

func (e *editor) PublishDiagnostics(ctx context.Context, p *protocol.PublishDiagnosticsParams) error {
	arrived, _ := ctx.Value(arrivalKey{}).(time.Time)
	e.diagnostics <- push{params: p, arrived: arrived}
	return nil
}

// arrivalKey keys the time a message reached the client's handler in its
// context.
type arrivalKey struct{}

// stampArrival records in each message's context when the client's
// connection handed it over: read off the pipe and framed, its params
// still raw JSON. The benchmarks tell the server's part of a push's
// latency (up to here) from the client library's decoding of it (after).
func stampArrival(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		return next(context.WithValue(ctx, arrivalKey{}, time.Now()), req)
	}
}

func (e *editor) ShowMessage(_ context.Context, p *protocol.ShowMessageParams) error {
	e.messages <- p
	return nil
}

func (e *editor) Configuration(_ context.Context, p *protocol.ConfigurationParams) ([]protocol.LSPAny, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]protocol.LSPAny, len(p.Items))
	for i := range out {
		out[i] = protocol.LSPAny(e.settings)
		if e.settings == nil {
			out[i] = protocol.LSPAny("null")
		}
	}
	return out, nil
}

func (e *editor) InlayHintRefresh(context.Context) error {
	e.refreshes <- protocol.MethodWorkspaceInlayHintRefresh
	return nil
}

func (e *editor) DiagnosticRefresh(context.Context) error {
	e.refreshes <- protocol.MethodWorkspaceDiagnosticRefresh
	return nil
}

func (e *editor) setSettings(v string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.settings = json.RawMessage(v)
}

// start runs a server on one end of a pipe and a client on the other. wrap,
// when set, wraps the LSP dispatcher behind the server's middleware.
func start(t testing.TB, opts Options, wrap func(jsonrpc2.Handler) jsonrpc2.Handler) *testClient {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	srv := newServer(opts)
	go func() { exit <- srv.serve(ctx, serverEnd, wrap) }()
	ed := &editor{
		diagnostics: make(chan push, 1000),
		messages:    make(chan *protocol.ShowMessageParams, 100),
		refreshes:   make(chan string, 100),
	}
	// protocol.NewClient, with a codec that decodes from an owned copy.
	cctx := protocol.WithClient(ctx, ed)
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(clientEnd), jsonrpc2.WithCodec(owningCodec{}))
	conn.Go(cctx, stampArrival(protocol.Handlers(protocol.ClientHandler(ed, jsonrpc2.MethodNotFoundHandler))))
	dispatcher := protocol.ServerDispatcher(conn)
	c := &testClient{ctx: cctx, conn: conn, server: dispatcher, editor: ed, exit: exit, srv: srv}
	t.Cleanup(func() {
		clientEnd.Close()
		conn.Close()
		select {
		case <-exit:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop after its client went away")
		}
		cancel()
	})
	return c
}

// vscodeCapabilities is what a typical editor announces: UTF-16 only,
// Markdown hovers, versioned workspace edits, configuration requests,
// refreshes, and pushed diagnostics.
func vscodeCapabilities() protocol.ClientCapabilities {
	return protocol.ClientCapabilities{
		General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}},
		TextDocument: &protocol.TextDocumentClientCapabilities{
			Hover: &protocol.HoverClientCapabilities{ContentFormat: []protocol.MarkupKind{protocol.MarkupKindMarkdown, protocol.MarkupKindPlainText}},
		},
		Workspace: &protocol.WorkspaceClientCapabilities{
			Configuration: ptr(true),
			WorkspaceEdit: &protocol.WorkspaceEditClientCapabilities{DocumentChanges: ptr(true)},
			InlayHint:     &protocol.InlayHintWorkspaceClientCapabilities{RefreshSupport: ptr(true)},
		},
	}
}

// initialize sends initialize and initialized with the given capabilities.
func (c *testClient) initialize(t testing.TB, params *protocol.InitializeParams) *protocol.InitializeResult {
	t.Helper()
	if params == nil {
		params = &protocol.InitializeParams{Capabilities: vscodeCapabilities()}
	}
	res, err := c.server.Initialize(c.ctx, params)
	if err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if err := c.server.Initialized(c.ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatalf("initialized: %v", err)
	}
	return res
}

func (c *testClient) open(t testing.TB, u uri.URI, languageID, text string) {
	t.Helper()
	err := c.server.DidOpen(c.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: text,
	}})
	if err != nil {
		t.Fatalf("didOpen: %v", err)
	}
}

// call sends a request with raw params, for the tests of bad input.
func (c *testClient) call(method string, params any) (json.RawMessage, error) {
	var res json.RawMessage
	_, err := c.conn.Call(c.ctx, method, params, &res)
	return res, err
}

// code returns the JSON-RPC code of an error response, or 0.
func code(err error) jsonrpc2.Code {
	var wire *jsonrpc2.Error
	if errors.As(err, &wire) {
		return wire.Code
	}
	return 0
}

// waitExit returns the server's exit code.
func (c *testClient) waitExit(t testing.TB) int {
	t.Helper()
	select {
	case code := <-c.exit:
		c.exit <- code // for Cleanup
		return code
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
		return -1
	}
}

// nextDiagnostics returns the next diagnostics the server publishes.
func (c *testClient) nextDiagnostics(t testing.TB) *protocol.PublishDiagnosticsParams {
	t.Helper()
	return c.nextPush(t).params
}

// nextPush returns the next diagnostics the server publishes, with the
// time they reached the client.
func (c *testClient) nextPush(t testing.TB) push {
	t.Helper()
	select {
	case p := <-c.editor.diagnostics:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("no diagnostics were published")
		return push{}
	}
}

// owningCodec is the protocol package's codec, fed a copy of each payload.
// go.lsp.dev v1.0.1 decodes a call's result straight from the borrowed read
// buffer (jsonrpc2 conn.go, deliverResult), and protocol.Unmarshal copies
// its input only for struct destinations: a union or a slice of unions such
// as textDocument/codeAction's result is decoded in place, its strings
// aliasing the buffer (json.go Unmarshal, decode_runtime.go dvString), so the
// next message the client reads overwrote a title mid-test. The server's own
// codec needs no copy: it decodes params into structs, and the only results
// it reads (workspace/configuration) are raw JSON values, which are copied.
type owningCodec struct{}

func (owningCodec) Marshal(v any) ([]byte, error) { return protocol.Marshal(v) }
func (owningCodec) Unmarshal(data []byte, v any) error {
	return protocol.Unmarshal(slices.Clone(data), v)
}
