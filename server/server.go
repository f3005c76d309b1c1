package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/catalog"
)

// Options configure a server; the zero value is usable.
type Options struct {
	// Logger receives the server's logs; nil discards them. stdout belongs
	// to the protocol, so the command line points it at stderr or a file.
	Logger *slog.Logger
	// RPCTrace logs every message in and out, at debug level.
	RPCTrace bool
	// MaxFileSize is how many bytes of a document are analysed; the rest of
	// a larger document is ignored and the user is told once. Zero means
	// DefaultMaxFileSize.
	MaxFileSize int
	// DiagnosticsDelay is how long the server waits after a change before
	// checking the document, so that typing does not trigger a check per
	// keystroke. Zero means DefaultDiagnosticsDelay.
	DiagnosticsDelay time.Duration
	// ProcessPollInterval is how often the server checks that the editor
	// process named in initialize's processId is alive. Zero means one
	// second.
	ProcessPollInterval time.Duration
	// Version is reported to the client in serverInfo.
	Version string
}

// Defaults for Options.
const (
	DefaultMaxFileSize      = 10 << 20
	DefaultDiagnosticsDelay = 150 * time.Millisecond
)

// Server implements the LSP methods statusls supports; the embedded
// UnimplementedServer answers the others with MethodNotFound (requests) or
// ignores them (notifications).
type Server struct {
	protocol.UnimplementedServer

	opts   Options
	log    *slog.Logger
	client protocol.Client
	// conn sends what client has no typed call for: payloads encoded
	// ahead (see encodedJSON).
	conn jsonrpc2.Conn
	// ctx lives as long as the connection; background work (debounced
	// diagnostics, configuration fetches) runs in it.
	ctx context.Context

	state   atomic.Int32 // a lifecycle value
	session atomic.Pointer[session]
	config  atomic.Pointer[Config]
	// baseConfig is the configuration from initializationOptions, over
	// which later settings are read.
	baseConfig atomic.Pointer[Config]
	docs       store
	pub        publisher
	// workspace caches the .statusls.toml files governing open documents.
	workspace workspaceConfigs

	exitOnce sync.Once
	exitCode atomic.Int32
	exited   chan struct{}
	// warming holds the documents being analysed in the background; see warm.
	warming sync.Map
	// lastChecked is the document whose check result is cached; see
	// checked.
	lastChecked atomic.Pointer[Document]
	// hovers caches rendered hover pages; see hoverText.
	hovers sync.Map
	// toldLarge remembers the documents whose size the user was told about,
	// so that the notice comes once per document rather than per change.
	toldLarge sync.Map
}

// Serve runs a language server on rwc (stdin/stdout for an editor) until the
// client sends exit, the stream closes, the editor process dies or ctx ends.
// It returns the process exit code the specification asks for: 0 when the
// client sent shutdown before leaving, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	return newServer(opts).serve(ctx, rwc, nil)
}

// serve runs the server until it ends, and returns the exit code. wrap,
// when set, wraps the LSP dispatcher behind the middleware; the package's
// tests use it to add methods that panic or block.
func (s *Server) serve(ctx context.Context, rwc io.ReadWriteCloser, wrap func(jsonrpc2.Handler) jsonrpc2.Handler) int {
	conn := s.connect(ctx, rwc, wrap)
	select {
	case <-conn.Done():
		s.log.Info("stream closed")
	case <-s.exited:
	case <-ctx.Done():
	}
	s.pub.stop()
	// Close waits for handlers to finish and closes the stream, which ends
	// the read loop. On a pipe that is immediate; but a read from a terminal
	// or inherited stdin blocks in the kernel and Close cannot interrupt it,
	// so once exit was asked for, the server leaves without waiting long:
	// the process ends right after, which releases everything.
	closed := make(chan struct{})
	go func() {
		conn.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(time.Second):
		s.log.Warn("the stream did not close in time; leaving anyway")
	}
	if code := s.exitCode.Load(); code >= 0 {
		return int(code)
	}
	if s.state.Load() == stateShutdown {
		return 0
	}
	return 1
}

// catalog returns the catalogue. Parsing it takes longer than answering
// initialize, and editors wait for that answer before showing anything, so
// it is parsed in the background from the start (see connect) and only the
// first request that needs it waits for it.
func (s *Server) catalog() *catalog.Catalog { return catalog.Default() }

func newServer(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.DiagnosticsDelay <= 0 {
		opts.DiagnosticsDelay = DefaultDiagnosticsDelay
	}
	if opts.ProcessPollInterval <= 0 {
		opts.ProcessPollInterval = time.Second
	}
	s := &Server{
		opts:   opts,
		log:    opts.Logger,
		exited: make(chan struct{}),
	}
	s.exitCode.Store(-1)
	cfg := defaultConfig()
	s.config.Store(&cfg)
	s.session.Store(&session{})
	s.docs.docs = make(map[string]*Document)
	return s
}

// connect starts serving on rwc.
func (s *Server) connect(ctx context.Context, rwc io.ReadWriteCloser, wrap func(jsonrpc2.Handler) jsonrpc2.Handler) jsonrpc2.Conn {
	stream := newStream(jsonrpc2.NewHeaderStream(rwc), s.log, s.opts.RPCTrace)
	conn := jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(codec{}))
	s.conn = conn
	s.client = protocol.ClientDispatcher(conn)
	s.ctx = protocol.WithClient(ctx, s.client)
	next := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	if wrap != nil {
		next = wrap(next)
	}
	s.pub.init(s)
	go s.catalog()
	conn.Go(s.ctx, protocol.CancelHandler(s.middleware(next)))
	return conn
}

// encodedJSON is a payload encoded ahead of sending, which codec passes
// through as it is: a push of diagnostics is encoded during the debounce
// delay, so that sending it after the delay costs only the write.
type encodedJSON []byte

// codec marshals payloads with the protocol package's union-aware encoder;
// protocol.NewServer would install the same one, but it also fixes the
// handler chain, which statusls needs to build itself (see middleware).
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	if raw, ok := v.(encodedJSON); ok {
		return raw, nil
	}
	return protocol.Marshal(v)
}
func (codec) Unmarshal(data []byte, v any) error { return protocol.Unmarshal(data, v) }

// middleware wraps every message with what the protocol package leaves to
// the server: ordering, the lifecycle, recovery from panics, cancellation,
// and JSON-RPC codes on every error.
func (s *Server) middleware(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		// Requests run concurrently; notifications keep wire order, so that
		// document changes apply in sequence (see the package comment).
		call := req.IsCall()
		if call {
			jsonrpc2.Async(ctx)
		}
		method := strings.Clone(req.Method())
		if err := s.admit(method, call); err != nil {
			if call {
				s.log.Warn("request refused", "method", method, "error", err)
				return nil, err
			}
			s.log.Debug("notification ignored", "method", method, "reason", err)
			return nil, nil
		}
		start := time.Now()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("handler panicked; answered InternalError and kept serving",
					"method", method, "panic", r, "stack", string(debug.Stack()))
				result, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "statusls: internal error in %s: %v", method, r)
			}
			if !call {
				// A notification has no reply, and an error returned for one
				// would end the connection: log it and carry on.
				if err != nil {
					s.log.Error("notification failed", "method", method, "error", err)
				}
				result, err = nil, nil
				return
			}
			if err != nil {
				s.log.Warn("request failed", "method", method, "error", err)
			}
			s.log.Debug("request handled", "method", method, "duration", time.Since(start))
		}()
		result, err = next(ctx, req)
		if call && ctx.Err() != nil {
			return nil, protocol.ErrRequestCancelled
		}
		return result, wireError(err)
	}
}

// wireError gives every error a JSON-RPC code. Errors from decoding params
// arrive from the protocol package as ParseError, which JSON-RPC reserves for
// a message that is not JSON at all; the message was fine and its params
// were wrong, so they become InvalidParams. An error without a code is a bug
// in statusls, so it becomes InternalError rather than the code 0 jsonrpc2
// would send.
func wireError(err error) error {
	var wire *jsonrpc2.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, jsonrpc2.ErrParse):
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", strings.TrimPrefix(err.Error(), jsonrpc2.ErrParse.Message+": "))
	case errors.As(err, &wire):
		return err
	}
	return fmt.Errorf("%w: %w", jsonrpc2.ErrInternal, err)
}
