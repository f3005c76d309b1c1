package server

import (
	"os/exec"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// The specification's lifecycle: nothing before initialize, initialize once,
// nothing but exit after shutdown, and exit's code says whether shutdown
// came first.
func TestLifecycle(t *testing.T) {
	c := start(t, Options{}, nil)
	if _, err := c.server.Hover(c.ctx, &protocol.HoverParams{}); code(err) != jsonrpc2.ServerNotInitialized {
		t.Errorf("hover before initialize: %v; want ServerNotInitialized (-32002)", err)
	}
	if err := c.server.Shutdown(c.ctx); code(err) != jsonrpc2.ServerNotInitialized {
		t.Errorf("shutdown before initialize: %v; want ServerNotInitialized", err)
	}
	res := c.initialize(t, nil)
	if res.ServerInfo.Name != "statusls" {
		t.Errorf("serverInfo.name = %q", res.ServerInfo.Name)
	}
	if _, err := c.server.Initialize(c.ctx, &protocol.InitializeParams{}); code(err) != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v; want InvalidRequest (-32600)", err)
	}
	if err := c.server.Shutdown(c.ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if _, err := c.server.Hover(c.ctx, &protocol.HoverParams{}); code(err) != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: %v; want InvalidRequest", err)
	}
	if err := c.server.Exit(c.ctx); err != nil {
		t.Fatalf("exit: %v", err)
	}
	if got := c.waitExit(t); got != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", got)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	if err := c.server.Exit(c.ctx); err != nil {
		t.Fatal(err)
	}
	if got := c.waitExit(t); got != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", got)
	}
}

// An editor that dies closes the pipe; the server must not linger.
func TestExitWhenStreamCloses(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t, nil)
	c.conn.Close()
	if got := c.waitExit(t); got != 1 {
		t.Errorf("stream closed without shutdown: code %d, want 1", got)
	}
}

// An editor that dies without closing the pipe (it was inherited by another
// process) is noticed through processId.
func TestExitWhenEditorProcessDies(t *testing.T) {
	editorProc := exec.Command("sleep", "60")
	if err := editorProc.Start(); err != nil {
		t.Skipf("cannot start a stand-in editor process: %v", err)
	}
	c := start(t, Options{ProcessPollInterval: 10 * time.Millisecond}, nil)
	pid := int32(editorProc.Process.Pid)
	c.initialize(t, &protocol.InitializeParams{ProcessID: &pid})
	editorProc.Process.Kill()
	editorProc.Wait()
	if got := c.waitExit(t); got != 1 {
		t.Errorf("editor died: code %d, want 1", got)
	}
}

// The position encoding is the client's best offer; UTF-16 when it offers
// none, as the specification requires.
func TestPositionEncodingNegotiation(t *testing.T) {
	tests := []struct {
		offer []protocol.PositionEncodingKind
		want  protocol.PositionEncodingKind
	}{
		{nil, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF8},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF32}, protocol.PositionEncodingKindUTF32},
	}
	for _, tt := range tests {
		c := start(t, Options{}, nil)
		caps := protocol.ClientCapabilities{}
		if tt.offer != nil {
			caps.General = &protocol.GeneralClientCapabilities{PositionEncodings: tt.offer}
		}
		res := c.initialize(t, &protocol.InitializeParams{Capabilities: caps})
		if got := res.Capabilities.PositionEncoding; got != tt.want {
			t.Errorf("client offers %v: server chose %q, want %q", tt.offer, got, tt.want)
		}
	}
}
