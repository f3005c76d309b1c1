package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/statusls/statusls/server"
)

// exitCode is an error that carries the process exit code of a command
// that already reported what happened, such as the server's 1 for an exit
// without shutdown.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// stdio joins stdin and stdout into the one stream the server talks over;
// closing it closes stdin, which ends the server's read loop.
type stdio struct {
	in *os.File
	io.Writer
}

func (s stdio) Read(p []byte) (int, error) { return s.in.Read(p) }
func (s stdio) Close() error               { return s.in.Close() }

// runServe serves LSP on stdin/stdout. stdout belongs to the protocol, so
// logs go to stderr or --logfile.
func runServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.Bool("stdio", true, "serve on stdin/stdout (the only transport; accepted because editors pass it)")
	logfile := fs.String("logfile", "", "write logs to this file instead of stderr")
	level := fs.String("log-level", "info", "log level: debug, info, warn or error")
	trace := fs.Bool("rpc-trace", false, "log every JSON-RPC message (at debug level, which it turns on)")
	maxSize := fs.String("max-file-size", "10MB", "analyse at most this much of a document (bytes, or with KB or MB)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		return usagef("--log-level: %v", err)
	}
	if *trace {
		lvl = slog.LevelDebug
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		return usagef("--max-file-size: %v", err)
	}
	logOut := stderr
	if *logfile != "" {
		f, err := os.OpenFile(*logfile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		logOut = f
	}
	logger := slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: lvl}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := server.Serve(ctx, stdio{openStdin(), stdout}, server.Options{
		Logger:      logger,
		RPCTrace:    *trace,
		MaxFileSize: limit,
		Version:     moduleVersion(),
	})
	if code != 0 {
		return exitCode(code)
	}
	return nil
}

// parseSize reads "1048576", "512KB" or "10MB".
func parseSize(s string) (int, error) {
	mult := 1
	upper := strings.ToUpper(strings.TrimSpace(s))
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}} {
		if strings.HasSuffix(upper, u.suffix) {
			upper, mult = strings.TrimSuffix(upper, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(upper))
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive size such as 10MB, got %q", s)
	}
	return n * mult, nil
}

// moduleVersion is the version the binary was built as ("v0.3.0" when
// installed with go install, "(devel)" from a checkout).
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.Main.Version
	}
	return ""
}
