// Package walk lists the files that statusls scans under a set of paths:
// it honours .gitignore files, reads hidden files (.htaccess, .env.yaml),
// skips binary files and files over a size limit, and never descends into
// .git. It is separate from analysis, which knows nothing of file systems,
// so that "statusls scan" and "statusls check" (which reads files in
// parallel) share one notion of what a project's files are.
//
// .gitignore patterns are matched by go-git's gitignore package, a
// maintained implementation of git's own rules (negation, directory-only
// patterns, anchoring relative to each .gitignore), rather than by hand.
package walk

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Options tune what is listed and read.
type Options struct {
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
}

// DefaultMaxSize skips generated bundles and data dumps, which hold no
// hand-written status codes and would dominate the time of a scan.
const DefaultMaxSize = 4 << 20

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// binarySniff is how much of a file is checked for NUL bytes, as git does.
const binarySniff = 8 << 10

// List returns the files under roots that are not ignored, in lexical
// order per root. A root that is a file is listed as is, ignored or not,
// since it was named explicitly.
func List(roots []string) ([]string, error) {
	var out []string
	var errs []error
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			out = append(out, root)
			continue
		}
		if err := listDir(root, nil, nil, &out); err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// listDir lists dir, whose path relative to the walk's root is domain,
// under the patterns of the .gitignore files above it.
func listDir(dir string, domain []string, patterns []gitignore.Pattern, out *[]string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if ps, err := readIgnore(filepath.Join(dir, ".gitignore"), domain); err != nil {
		return err
	} else if len(ps) > 0 {
		patterns = append(patterns[:len(patterns):len(patterns)], ps...)
	}
	m := gitignore.NewMatcher(patterns)
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if name == ".git" {
			continue
		}
		rel := append(domain[:len(domain):len(domain)], name)
		isDir := e.IsDir()
		if m.Match(rel, isDir) {
			continue
		}
		p := filepath.Join(dir, name)
		switch {
		case isDir:
			if err := listDir(p, rel, patterns, out); err != nil {
				errs = append(errs, err)
			}
		case e.Type().IsRegular():
			*out = append(*out, p)
		}
	}
	return errors.Join(errs...)
}

// readIgnore parses a .gitignore file; a missing one has no patterns.
func readIgnore(path string, domain []string) ([]gitignore.Pattern, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps, sc.Err()
}

// ErrSkipped reports a file that Read does not return: binary or too big.
var ErrSkipped = errors.New("skipped")

// Read returns a file's content, or an error wrapping ErrSkipped for a
// binary file (a NUL byte in its first 8 KiB) or one over the size limit.
func Read(path string, opts Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > opts.maxSize() {
		return nil, fmt.Errorf("%s: %w: larger than %d bytes", path, ErrSkipped, opts.maxSize())
	}
	data, err := io.ReadAll(io.LimitReader(f, opts.maxSize()+1))
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data[:min(len(data), binarySniff)], 0) >= 0 {
		return nil, fmt.Errorf("%s: %w: binary", path, ErrSkipped)
	}
	return data, nil
}
