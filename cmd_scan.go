package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/walk"
)

// scanRecord is one finding as "statusls scan --format json" prints it, one
// JSON object per line. Lines and columns are 1-based and columns count
// bytes, as go vet does; end_column is exclusive.
type scanRecord struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	// Code is a number, or a string such as "5xx" for a class.
	Code      any    `json:"code"`
	Kind      string `json:"kind"`
	Context   string `json:"context"` // code, string or comment
	Text      string `json:"text"`
	Language  string `json:"language"`
	Role      string `json:"role"`
	Evidence  string `json:"evidence"`
	Ecosystem string `json:"ecosystem,omitempty"`
	Reason    string `json:"reason"` // what made it a status code
}

func runScan(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text or json (JSON Lines)")
	maxSize := fs.String("max-file-size", "4MB", "skip files larger than this (bytes, or with KB or MB), saying so on stderr")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	batchGC()
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q: want text or json", *format)
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		return usagef("--max-file-size: %v", err)
	}
	if len(paths) == 0 {
		return usagef("want at least one file or directory to scan")
	}
	files, listErr := walk.List(paths)
	out := bufio.NewWriterSize(stdout, outputBuffer)
	defer out.Flush()
	enc := json.NewEncoder(out)
	var errs []error
	if listErr != nil {
		errs = append(errs, listErr)
	}
	var tooLarge []string
	for _, path := range files {
		data, err := walk.Read(path, walk.Options{MaxSize: int64(limit)})
		if errors.Is(err, walk.ErrTooLarge) {
			tooLarge = append(tooLarge, path)
			continue
		}
		if errors.Is(err, walk.ErrSkipped) {
			continue // binary
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		lang := analysis.Detect("", path, data)
		res := analysis.Analyze(lang, data)
		pos := analysis.NewLineCursor(data)
		for _, f := range res.Findings {
			r := record(path, lang, data, f, pos)
			if *format == "json" {
				if err := enc.Encode(r); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(out, "%s:%d:%d: %v %s in %s (%s): %s\n", r.Path, r.Line, r.Column, r.Code, r.Kind, r.Context, r.Role, r.Reason)
		}
	}
	// Say what was left out: a 13 MB OpenAPI document is no bundle.
	switch n := len(tooLarge); {
	case n == 1:
		fmt.Fprintf(stderr, "statusls: skipped %s: larger than %s (raise --max-file-size to scan it)\n", tooLarge[0], *maxSize)
	case n > 1:
		fmt.Fprintf(stderr, "statusls: skipped %d files larger than %s (raise --max-file-size to scan them): %s\n", n, *maxSize, strings.Join(tooLarge, ", "))
	}
	return errors.Join(errs...)
}

func record(path string, lang analysis.Language, data []byte, f analysis.Finding, pos *analysis.LineCursor) scanRecord {
	start, end := pos.At(f.Start), pos.At(f.End)
	var code any = f.Code
	if f.Kind == analysis.ClassRange {
		code = fmt.Sprintf("%dxx", f.Class)
	}
	ev := "strong"
	if f.Evidence == analysis.Weak {
		ev = "weak"
	}
	return scanRecord{
		Path: path, Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column, Code: code,
		Kind: f.Kind.String(), Context: f.Where.String(), Text: string(data[f.Start:f.End]), Language: string(lang),
		Role: f.Role.String(), Evidence: ev, Ecosystem: f.Ecosystem, Reason: f.Context,
	}
}
