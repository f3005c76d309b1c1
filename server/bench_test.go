package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// goFile returns a Go file of n lines in which every tenth line writes a
// status code, the density of a file of HTTP handlers.
func goFile(n int) string {
	var b strings.Builder
	b.WriteString("package api\n\nimport \"net/http\"\n\n")
	for i := 4; i < n; i++ {
		switch i % 10 {
		case 0:
			fmt.Fprintf(&b, "\tw.WriteHeader(%d) // handler %d\n", []int{200, 404, 502, 503}[i/10%4], i)
		case 1:
			fmt.Fprintf(&b, "func handler%d(w http.ResponseWriter, r *http.Request) {\n", i)
		case 9:
			b.WriteString("}\n")
		default:
			fmt.Fprintf(&b, "\tlog.Printf(\"step %%d of request %%s\", %d, r.URL.Path)\n", i)
		}
	}
	return b.String()
}

// percentiles reports p50 and p99 of samples, in microseconds.
func percentiles(b *testing.B, name string, samples []time.Duration) float64 {
	slices.Sort(samples)
	p := func(q float64) float64 {
		return float64(samples[int(q*float64(len(samples)-1))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(p(0.50), name+"-p50-µs")
	b.ReportMetric(p(0.99), name+"-p99-µs")
	return p(0.99)
}

// BenchmarkHover measures hover latency from the client's side, over the
// pipe and JSON-RPC framing, on a 10,000-line file, against the round trip
// of a hover on a document that is not open (the protocol's cost alone).
func BenchmarkHover(b *testing.B) {
	c := start(b, Options{}, nil)
	c.initialize(b, nil)
	const u = uri.URI("file:///srv/api/handlers.go")
	text := goFile(10000)
	c.open(b, u, "go", text)
	lines := strings.Split(text, "\n")
	var targets []protocol.Position
	for i, l := range lines {
		if col := strings.Index(l, "WriteHeader("); col >= 0 {
			targets = append(targets, protocol.Position{Line: uint32(i), Character: uint32(col + len("WriteHeader(") + 1)})
		}
	}
	hover := func(u uri.URI, p protocol.Position) time.Duration {
		start := time.Now()
		if _, err := c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: p,
		}}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	hover(u, targets[0]) // the first hover analyses the file
	var samples, baseline []time.Duration
	i := 0
	for b.Loop() {
		p := targets[i%len(targets)]
		samples = append(samples, hover(u, p))
		baseline = append(baseline, hover("file:///not/open.go", p))
		i++
	}
	p99 := percentiles(b, "hover", samples)
	b.ReportMetric(p99/percentiles(b, "roundtrip", baseline), "p99-ratio")
}

// BenchmarkDiagnosticsAfterChange measures the time from sending a change
// to a 1 MB file to receiving its diagnostics, beyond the debounce delay
// (the server analyses during the delay), against the same for a 1 KB file.
// Two moments of the push are timed: "received", when the client has read
// it off the pipe (what the server's speed decides), and "beyond-delay",
// when go.lsp.dev has also decoded its thousands of diagnostics into Go
// values (what this client's speed adds). "nodelay" figures are with the
// delay at zero: the whole cost of a check.
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	type doc struct {
		c                 *testClient
		u                 uri.URI
		lines             int
		version           int32
		received, decoded []time.Duration
	}
	open := func(name string, lines int, delay time.Duration) *doc {
		c := start(b, Options{DiagnosticsDelay: delay}, nil)
		c.initialize(b, nil)
		d := &doc{c: c, u: uri.URI("file:///srv/api/" + name + ".go"), lines: lines, version: 1}
		c.open(b, d.u, "go", goFile(lines))
		c.nextDiagnostics(b)
		return d
	}
	edit := func(d *doc) {
		d.version++
		start := time.Now()
		d.c.server.DidChange(d.c.ctx, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: d.u}, Version: d.version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{change(uint32(d.lines/2), 0, uint32(d.lines/2), 0, "\tw.WriteHeader(432)\n")},
		})
		for {
			p := d.c.nextPush(b)
			if v, _ := p.params.Version.Get(); v == d.version {
				delay := d.c.srv.opts.DiagnosticsDelay
				d.received = append(d.received, p.arrived.Sub(start)-delay)
				d.decoded = append(d.decoded, time.Since(start)-delay)
				break
			}
		}
	}
	const delay = DefaultDiagnosticsDelay
	big := open("1MB", 1<<20/37, delay) // goFile's lines average 37 bytes
	small := open("1KB", 30, delay)
	bigNoDelay := open("1MB", 1<<20/37, time.Nanosecond)
	for b.Loop() {
		edit(big)
		edit(small)
		edit(bigNoDelay)
	}
	percentiles(b, "1MB-received-beyond-delay", big.received)
	b.ReportMetric(percentiles(b, "1MB-beyond-delay", big.decoded)/percentiles(b, "1KB-beyond-delay", small.decoded), "p99-ratio")
	percentiles(b, "1MB-nodelay", bigNoDelay.decoded)
}

// BenchmarkCompletion measures a completion at WriteHeader( in the
// 10,000-line file, from the client's side, against a hover there.
func BenchmarkCompletion(b *testing.B) {
	c := start(b, Options{}, nil)
	c.initialize(b, nil)
	const u = uri.URI("file:///srv/api/handlers.go")
	text := goFile(10000)
	c.open(b, u, "go", text)
	line := strings.Count(text[:strings.Index(text, "WriteHeader(")], "\n")
	col := strings.Index(strings.Split(text, "\n")[line], "WriteHeader(") + len("WriteHeader(200") // after the typed code
	pos := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: uint32(line), Character: uint32(col)}}
	var samples, baseline []time.Duration
	for b.Loop() {
		start := time.Now()
		res, err := c.server.Completion(c.ctx, &protocol.CompletionParams{TextDocumentPositionParams: pos})
		if err != nil || len(res.(*protocol.CompletionList).Items) == 0 {
			b.Fatalf("completion: %v", err)
		}
		samples = append(samples, time.Since(start))
		start = time.Now()
		c.server.Hover(c.ctx, &protocol.HoverParams{TextDocumentPositionParams: pos})
		baseline = append(baseline, time.Since(start))
	}
	p99 := percentiles(b, "completion", samples)
	b.ReportMetric(p99/percentiles(b, "hover", baseline), "p99-ratio")
}
