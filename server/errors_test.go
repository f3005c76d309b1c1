package server

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Every error on the wire carries its JSON-RPC code, and none of them stops
// the server: the same connection answers a hover afterwards.
func TestErrorCodes(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	c.open(t, "file:///srv/app/main.go", "go", "package main\n")
	tests := []struct {
		method string
		params any
		want   jsonrpc2.Code
	}{
		{"textDocument/unheardOf", map[string]int{}, jsonrpc2.MethodNotFound},
		{"textDocument/definition", map[string]any{"textDocument": map[string]string{"uri": "file:///srv/app/main.go"}, "position": map[string]int{"line": 0, "character": 0}}, jsonrpc2.MethodNotFound},
		{"textDocument/hover", map[string]any{"textDocument": "main.go", "position": "top"}, jsonrpc2.InvalidParams},
		{"textDocument/hover", []int{1, 2}, jsonrpc2.InvalidParams},
		{"workspace/executeCommand", map[string]any{"command": "statusls.explain", "arguments": []string{"abc"}}, jsonrpc2.InvalidParams},
		{"workspace/executeCommand", map[string]any{"command": "rm -rf"}, jsonrpc2.InvalidParams},
	}
	for _, tt := range tests {
		_, err := c.call(tt.method, tt.params)
		if code(err) != tt.want {
			t.Errorf("%s %v: error %v (code %d); want code %d", tt.method, tt.params, err, code(err), tt.want)
		}
	}
	assertServing(t, c)
}

// assertServing checks that the server still answers requests.
func assertServing(t *testing.T, c *testClient) {
	t.Helper()
	if _, err := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///nowhere.go"},
	}}); err != nil {
		t.Fatalf("the server stopped serving: %v", err)
	}
}

// testMethods adds two methods to the server, to exercise what no real
// handler should do: one panics, the other blocks until cancelled.
func testMethods(started chan struct{}) func(jsonrpc2.Handler) jsonrpc2.Handler {
	return func(next jsonrpc2.Handler) jsonrpc2.Handler {
		return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
			switch req.Method() {
			case "statusls/test.panic":
				var findings []int
				_ = findings[len(req.Method())] // an index out of range: the kind of bug a handler might have
			case "statusls/test.block":
				close(started)
				<-ctx.Done()
				return "finished anyway", nil
			}
			return next(ctx, req)
		}
	}
}

// A request whose handler panics is answered with InternalError, and the
// server goes on serving.
func TestPanicIsAnswered(t *testing.T) {
	c := start(t, Options{}, testMethods(nil))
	c.initialize(t, nil)
	_, err := c.call("statusls/test.panic", nil)
	if code(err) != jsonrpc2.InternalError || !strings.Contains(err.Error(), "statusls/test.panic") {
		t.Errorf("panicking request: %v (code %d); want InternalError naming the method", err, code(err))
	}
	assertServing(t, c)
}

// $/cancelRequest makes the server answer the request it names with
// RequestCancelled, under the request's id, even though its handler had a
// result ready.
func TestCancellation(t *testing.T) {
	started := make(chan struct{})
	r := startRaw(t, testMethods(started))
	r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	r.receive()
	r.send(`{"jsonrpc":"2.0","id":5,"method":"statusls/test.block"}`)
	<-started
	r.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}`)
	resp := r.receive()
	if id, _ := resp.ID().Number(); id != 5 || code(resp.Err()) != protocol.CodeRequestCancelled {
		t.Errorf("cancelled request: id %v, error %v; want id 5 and RequestCancelled (-32800)", resp.ID(), resp.Err())
	}
}

// rawConn speaks JSON-RPC frames by hand, to send what no well-behaved
// client library would: malformed JSON, a batch, invalid UTF-8.
type rawConn struct {
	t      *testing.T
	conn   net.Conn
	stream jsonrpc2.Stream
}

func startRaw(t *testing.T, wrap func(jsonrpc2.Handler) jsonrpc2.Handler) *rawConn {
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- newServer(Options{}).serve(ctx, serverEnd, wrap) }()
	t.Cleanup(func() {
		clientEnd.Close()
		<-exit
		cancel()
	})
	return &rawConn{t: t, conn: clientEnd, stream: jsonrpc2.NewHeaderStream(clientEnd)}
}

func (r *rawConn) send(body string) {
	r.t.Helper()
	fmt.Fprintf(r.conn, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

// receive returns the next response, skipping notifications.
func (r *rawConn) receive() *jsonrpc2.Response {
	r.t.Helper()
	r.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		msg, _, err := r.stream.Read(context.Background())
		if err != nil {
			r.t.Fatalf("reading from the server: %v", err)
		}
		if resp, ok := msg.(*jsonrpc2.Response); ok {
			return resp
		}
	}
}

// Malformed messages get ParseError or InvalidRequest with a null id, and
// the connection survives them.
func TestMalformedMessages(t *testing.T) {
	r := startRaw(t, nil)
	for _, tt := range []struct {
		body string
		want jsonrpc2.Code
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{`, jsonrpc2.ParseError},
		{`not json at all`, jsonrpc2.ParseError},
		{`[]`, jsonrpc2.InvalidRequest},
		{`{"jsonrpc":"2.0","id":2,"method":"initialize","result":1}`, jsonrpc2.InvalidRequest},
	} {
		r.send(tt.body)
		resp := r.receive()
		if code(resp.Err()) != tt.want || resp.ID().IsValid() {
			t.Errorf("%s: response %v with id %v; want code %d and a null id", tt.body, resp.Err(), resp.ID(), tt.want)
		}
	}
	r.send(`{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"capabilities":{}}}`)
	if resp := r.receive(); resp.Err() != nil || !bytes.Contains(resp.Result(), []byte(`"statusls"`)) {
		t.Fatalf("initialize after malformed messages: %v %s", resp.Err(), resp.Result())
	}
}

// A document with invalid UTF-8 opens (the bytes read as U+FFFD, as an
// editor shows them), and a change to a document that is not open, or to an
// older version, is ignored without ending the connection.
func TestBadNotifications(t *testing.T) {
	r := startRaw(t, nil)
	r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	r.receive()
	r.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///bad.txt\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"HTTP \xff\xfe 502\"}}}")
	r.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///closed.go","version":2},"contentChanges":[{"text":"x"}]}}`)
	r.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///bad.txt","version":1},"contentChanges":[{"text":"stale"}]}}`)
	r.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":"garbage"}`)
	// Each invalid byte is one U+FFFD, one UTF-16 unit: 502 starts at 8.
	r.send(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///bad.txt"},"position":{"line":0,"character":9}}}`)
	resp := r.receive()
	if resp.Err() != nil || !bytes.Contains(resp.Result(), []byte(`"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":11}}`)) {
		t.Fatalf("hover on 502 after bad notifications: %v %s", resp.Err(), resp.Result())
	}
}

// The protocol itself refuses nothing for size: a 50 MB document opens,
// only its beginning is analysed, and the user is told once.
func TestHugeAndBinaryDocuments(t *testing.T) {
	c := start(t, Options{MaxFileSize: 1 << 20}, nil)
	c.initialize(t, nil)
	huge := strings.Repeat("w.WriteHeader(502) // a line of a generated file.\n", 1<<20) // 50 MB
	c.open(t, "file:///srv/gen/huge.go", "go", huge)
	select {
	case m := <-c.editor.messages:
		if m.Type != protocol.MessageTypeWarning || !strings.Contains(m.Message, "/srv/gen/huge.go is 50.0 MB; only its first 1.0 MB are checked (raise --max-file-size to check more)") {
			t.Errorf("size notice = %q", m.Message)
		}
	case <-time.After(time.Minute):
		// A liveness bound, not a speed check: moving 50 MB through JSON
		// under the race detector on a busy 2-core machine takes 20 s.
		t.Fatal("the user was not told that the document is only partly checked")
	}
	err := c.server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: "file:///srv/gen/huge.go"}, Version: 2},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Text: "// edited\n"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.open(t, "file:///srv/bin/app", "plaintext", "\x7fELF\x00\x00\x00502\x00")
	assertServing(t, c)
	select {
	case m := <-c.editor.messages:
		t.Errorf("the size notice came again: %q", m.Message)
	default:
	}
}
