package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// buildBinary builds statusls once per test binary run.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "statusls-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "statusls")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// process is the built binary serving LSP over its stdin and stdout, as an
// editor starts it. The test speaks the protocol by hand (Content-Length
// framing and JSON), which keeps go.lsp.dev out of package main.
type process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr bytes.Buffer
	nextID int
}

func spawn(t testing.TB, args ...string) *process {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: exec.Command(bin, args...)}
	p.stdin, _ = p.cmd.StdinPipe()
	out, _ := p.cmd.StdoutPipe()
	p.stdout = bufio.NewReader(out)
	p.cmd.Stderr = &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	return p
}

func (p *process) send(t testing.TB, method string, params any, call bool) int {
	t.Helper()
	msg := map[string]any{"jsonrpc": "2.0", "method": method}
	if params != nil {
		msg["params"] = params
	}
	if call {
		p.nextID++
		msg["id"] = p.nextID
	}
	body, _ := json.Marshal(msg)
	if _, err := fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		t.Fatalf("writing %s: %v", method, err)
	}
	return p.nextID
}

type response struct {
	ID     *int            `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// receive reads frames until the response to id, skipping notifications.
func (p *process) receive(t testing.TB, id int) response {
	t.Helper()
	for {
		length := -1
		for {
			line, err := p.stdout.ReadString('\n')
			if err != nil {
				t.Fatalf("reading the server's output: %v; stderr:\n%s", err, p.stderr.String())
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(p.stdout, body); err != nil {
			t.Fatal(err)
		}
		var r response
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatalf("the server wrote something that is not JSON-RPC on stdout: %q", body)
		}
		if r.ID != nil && *r.ID == id && r.Method == "" {
			return r
		}
	}
}

func (p *process) wait(t testing.TB) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
		return -1
	}
}

func (p *process) initialize(t testing.TB) response {
	t.Helper()
	id := p.send(t, "initialize", map[string]any{"processId": os.Getpid(), "capabilities": map[string]any{}, "locale": "vi"}, true)
	r := p.receive(t, id)
	p.send(t, "initialized", map[string]any{}, false)
	return r
}

// The binary serves LSP on stdio under every spelling editors use, logs to
// stderr only, and exits with 0 after shutdown and exit.
func TestServeBinary(t *testing.T) {
	for _, args := range [][]string{nil, {"serve"}, {"--stdio"}, {"serve", "--stdio", "--log-level", "debug"}} {
		t.Run(strings.Join(append([]string{"statusls"}, args...), " "), func(t *testing.T) {
			p := spawn(t, args...)
			r := p.initialize(t)
			if r.Error != nil || !bytes.Contains(r.Result, []byte(`"hoverProvider":true`)) {
				t.Fatalf("initialize: %s %+v", r.Result, r.Error)
			}
			id := p.send(t, "workspace/executeCommand", map[string]any{"command": "statusls.explain", "arguments": []any{404}}, true)
			if r := p.receive(t, id); !strings.Contains(string(r.Result), "Không tìm thấy") && !strings.Contains(string(r.Result), "404 Not Found") {
				t.Errorf("explain 404: %s", r.Result)
			}
			r = p.receive(t, p.send(t, "shutdown", nil, true))
			if r.Error != nil || string(r.Result) != "null" {
				t.Errorf("shutdown: %s %+v", r.Result, r.Error)
			}
			p.send(t, "exit", nil, false)
			if code := p.wait(t); code != 0 {
				t.Errorf("exit after shutdown: code %d; stderr:\n%s", code, p.stderr.String())
			}
			if len(args) == 4 && !strings.Contains(p.stderr.String(), "level=DEBUG") {
				t.Errorf("--log-level debug logged nothing at debug level on stderr:\n%s", p.stderr.String())
			}
		})
	}
}

func TestServeBinaryExitCodes(t *testing.T) {
	t.Run("exit without shutdown", func(t *testing.T) {
		p := spawn(t)
		p.initialize(t)
		p.send(t, "exit", nil, false)
		if code := p.wait(t); code != 1 {
			t.Errorf("code %d, want 1", code)
		}
	})
	t.Run("stdin closed", func(t *testing.T) {
		p := spawn(t, "--stdio")
		p.initialize(t)
		p.stdin.Close()
		if code := p.wait(t); code != 1 {
			t.Errorf("code %d, want 1", code)
		}
	})
	t.Run("rpc trace to a log file", func(t *testing.T) {
		logfile := filepath.Join(t.TempDir(), "statusls.log")
		p := spawn(t, "--stdio", "--rpc-trace", "--logfile", logfile)
		p.initialize(t)
		p.receive(t, p.send(t, "shutdown", nil, true))
		p.send(t, "exit", nil, false)
		if code := p.wait(t); code != 0 {
			t.Errorf("code %d, want 0", code)
		}
		log, _ := os.ReadFile(logfile)
		for _, want := range []string{`msg="rpc in"`, `\"method\":\"initialize\"`, `msg="rpc out"`, `\"serverInfo\"`, `\"method\":\"exit\"`} {
			if !strings.Contains(string(log), want) {
				t.Errorf("the log lacks %s:\n%s", want, log)
			}
		}
		if p.stderr.Len() > 0 {
			t.Errorf("logs went to stderr as well as the log file:\n%s", p.stderr.String())
		}
	})
	t.Run("bad flag", func(t *testing.T) {
		p := spawn(t, "--max-file-size", "lots")
		if code := p.wait(t); code != 2 || !strings.Contains(p.stderr.String(), "--max-file-size") {
			t.Errorf("code %d, stderr %q; want 2 and the flag named", code, p.stderr.String())
		}
	})
}

// BenchmarkStartToInitialize measures the time from process start to the
// initialize answer, against the same binary printing its help and exiting,
// which is the cost of starting any process: the ratio is what serving adds.
func BenchmarkStartToInitialize(b *testing.B) {
	bin, err := buildBinary()
	if err != nil {
		b.Fatal(err)
	}
	var baseline, initialize time.Duration
	for b.Loop() {
		start := time.Now()
		if err := exec.Command(bin, "help").Run(); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(start)

		start = time.Now()
		p := spawn(b)
		p.initialize(b)
		initialize += time.Since(start)
		p.stdin.Close()
		p.wait(b)
	}
	n := float64(b.N)
	b.ReportMetric(float64(initialize.Microseconds())/n/1000, "ms-to-initialize")
	b.ReportMetric(float64(baseline.Microseconds())/n/1000, "ms-help-baseline")
	b.ReportMetric(float64(initialize)/float64(baseline), "ratio")
}

// rssMB reads a process's resident set size from /proc.
func rssMB(b *testing.B, pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS in /proc status")
	return 0
}

// BenchmarkRSS100Documents measures the memory of the server process with
// 100 open documents of 20 KB, each analysed and hovered once, against the
// same process just initialized.
func BenchmarkRSS100Documents(b *testing.B) {
	var idle, loaded float64
	for b.Loop() {
		p := spawn(b)
		p.initialize(b)
		idle += rssMB(b, p.cmd.Process.Pid)
		var line strings.Builder
		for i := range 500 {
			fmt.Fprintf(&line, "\tw.WriteHeader(%d) // step %d of the handler\n", []int{200, 404, 502}[i%3], i)
		}
		text := "package api\n\nfunc handler(w http.ResponseWriter) {\n" + line.String() + "}\n"
		for i := range 100 {
			uri := fmt.Sprintf("file:///srv/api/handler%d.go", i)
			p.send(b, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text}}, false)
			p.receive(b, p.send(b, "textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]int{"line": 3, "character": 16}}, true))
		}
		loaded += rssMB(b, p.cmd.Process.Pid)
		// Read the diagnostics still coming, as an editor does; a server
		// whose output nobody reads blocks on its next write.
		go io.Copy(io.Discard, p.stdout)
		p.stdin.Close()
		p.wait(b)
	}
	n := float64(b.N)
	b.ReportMetric(loaded/n, "RSS-MB-100-docs")
	b.ReportMetric(idle/n, "RSS-MB-idle")
	b.ReportMetric(loaded/idle, "ratio")
}
