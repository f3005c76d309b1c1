// Command statusls is a language server for HTTP status codes, and the same
// knowledge on the command line.
//
// Usage:
//
//	statusls [serve] [--stdio] [flags]   serve LSP on stdin/stdout (the default)
//	statusls explain CODE [flags]        print everything about a status code
//	statusls explain RULE                print a check's documentation (SL102)
//	statusls rules                       list the checks
//	statusls compare CODE CODE [flags]   print the page comparing two codes
//	statusls catalog --format json       dump the whole catalogue
//	statusls scan [--format json] PATH... list the status codes found in files
//	statusls check [flags] [PATH...]     the editor's checks, for CI
//
// Run "statusls help" for the flags of each command. Exit codes: 0 success,
// 1 findings (check), 2 usage or input errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// command is one subcommand: its name, a one-line summary for "help", and the
// function that runs it with the arguments after its name.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve LSP on stdin/stdout (the default): serve [--stdio] [--logfile FILE] [--log-level debug|info|warn|error] [--rpc-trace] [--max-file-size 10MB]", runServe},
		{"explain", "print everything about a status code, or a check's documentation: explain CODE|RULE [--lang vi] [--format text|markdown|json]", runExplain},
		{"rules", "list the checks: ID, name, default severity, title", runRules},
		{"compare", "compare two status codes: compare CODE CODE [--lang vi] [--format text|markdown|json]", runCompare},
		{"catalog", "dump the whole catalogue: catalog [--format json]", runCatalog},
		{"scan", "list the status codes in files: scan [--format text|json] [--max-file-size 4MB] PATH...", runScan},
		{"check", "run the checks over files, for CI: check [--format text|json|sarif|github] [--fail-on error|warning|info|hint|none] [--fix|--diff] [--baseline FILE|--write-baseline FILE] [--color auto|always|never] [--max-file-size 4MB] [--jobs N] [PATH...]", runCheck},
	}
}

// batchGCPercent is the garbage collector's target for the batch commands
// (scan, check): their live heap is small and bounded by the files in
// flight, so the default of 100 collects after every few megabytes read.
// On a 100 MB tree 400 saves a check 4-8% of its CPU time and 5-10% of its
// wall time, and doubles its peak RSS (24-30 to 49-57 MB). A server keeps
// the default, as its heap holds the open documents.
const batchGCPercent = 400

// batchGC sets batchGCPercent, unless GOGC in the environment says otherwise.
func batchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
}

// outputBuffer is the size of the buffer scan and check write their
// reports through: a large tree's report runs to tens of megabytes, and
// bufio's default of 4 KiB cost a write(2) per 4 KiB of it. A terminal
// still sees check's findings file by file (see runCheck).
const outputBuffer = 64 << 10

// usageError marks errors in how statusls was called; they exit with 2 like
// every other input error, but also point at "statusls help".
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and turns its error into an exit code, so
// that tests can drive the whole command line without a process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		printHelp(stdout)
		return 0
	}
	// Editors start language servers with no arguments or with flags only
	// ("statusls --stdio"), so both mean serve.
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		args = append([]string{"serve"}, args...)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		}
		var code exitCode
		if errors.As(err, &code) {
			return int(code)
		}
		fmt.Fprintf(stderr, "statusls %s: %v\n", c.name, err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "run 'statusls help' for usage\n")
		}
		return 2
	}
	fmt.Fprintf(stderr, "statusls: unknown command %q; run 'statusls help' for usage\n", args[0])
	return 2
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "statusls: a language server for HTTP status codes")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
}

// parseFlags parses flags that may come before, between or after the
// positional arguments ("explain 502 --lang vi"), which the flag package
// alone stops at, and returns the positional arguments. Errors from the flag
// package become usage errors.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
