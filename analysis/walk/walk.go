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
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// List returns the files under roots that are not ignored, in the order
// Walk visits them.
func List(roots []string) ([]string, error) {
	var out []string
	err := Walk(roots, func(path string, _ *Dir) error {
		out = append(out, path)
		return nil
	})
	return out, err
}

// Walk calls visit with each file under roots that is not ignored, and the
// directory it is in (nil for a root that is a file), as soon as it is found, in lexical order per directory and root after root, so
// that a caller can start reading files while the walk goes on and still
// report in a stable order. A root that is a file is visited as is, ignored
// or not, since it was named explicitly. Symbolic links inside a tree are
// not followed, as git and ripgrep do: they point at files the walk reaches
// anyway (sites-enabled → sites-available) or outside the project, and a
// broken one is not an error.
//
// An error from visit stops the walk and is returned; errors reading a
// directory or a .gitignore are collected and the walk goes on.
func Walk(roots []string, visit func(path string, dir *Dir) error) error {
	var errs []error
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			if err := visit(root, nil); err != nil {
				return err
			}
			continue
		}
		if err := walkDir(&Dir{Path: root}, nil, nil, visit, &errs); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}

// walkDir walks dir, whose path relative to the walk's root is domain,
// under the patterns of the .gitignore files above it. It returns only
// visit's errors; the others go to errs.
func walkDir(dir *Dir, domain []string, patterns []gitignore.Pattern, visit func(string, *Dir) error, errs *[]error) error {
	entries, err := os.ReadDir(dir.Path)
	if err != nil {
		*errs = append(*errs, err)
		return nil
	}
	dir.entries = entries
	// The listing says whether there is a .gitignore, which spares most
	// directories a failed open.
	if hasEntry(entries, ".gitignore") {
		if ps, err := readIgnore(filepath.Join(dir.Path, ".gitignore"), domain); err != nil {
			*errs = append(*errs, err)
		} else if len(ps) > 0 {
			patterns = append(patterns[:len(patterns):len(patterns)], ps...)
		}
	}
	m := gitignore.NewMatcher(patterns)
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
		p := filepath.Join(dir.Path, name)
		switch {
		case isDir:
			if err := walkDir(&Dir{Path: p, Parent: dir}, rel, patterns, visit, errs); err != nil {
				return err
			}
		case e.Type().IsRegular():
			if err := visit(p, dir); err != nil {
				return err
			}
		}
	}
	return nil
}

// Dir is a directory the walk listed. Files are visited with theirs, so
// that a caller looking for a file beside them (statusls check looks for
// .statusls.toml in every directory) asks the listing rather than the
// file system.
type Dir struct {
	// Path is the directory as the walk names it: a root as given, or its
	// parent's Path joined with its name.
	Path string
	// Parent is the directory it was listed in; nil for a root.
	Parent  *Dir
	entries []fs.DirEntry
}

// Has reports whether the directory's listing holds name.
func (d *Dir) Has(name string) bool { return hasEntry(d.entries, name) }

// hasEntry reports whether a directory listing, sorted by name as
// os.ReadDir returns it, holds name.
func hasEntry(entries []fs.DirEntry, name string) bool {
	_, found := slices.BinarySearchFunc(entries, name, func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	})
	return found
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

// ErrSkipped reports a file that Read does not return. Its two causes,
// ErrBinary and ErrTooLarge, wrap it, so that callers that only skip test
// for ErrSkipped and callers that count test for each.
var ErrSkipped = errors.New("skipped")

// The reasons a file is skipped.
var (
	// ErrBinary: a NUL byte in the first 8 KiB, git's test for binary.
	ErrBinary = fmt.Errorf("%w: binary", ErrSkipped)
	// ErrTooLarge: over Options.MaxSize.
	ErrTooLarge = fmt.Errorf("%w: too large", ErrSkipped)
)

// Read returns a file's content, or an error wrapping ErrBinary or
// ErrTooLarge.
func Read(path string, opts Options) ([]byte, error) {
	return AppendFile(nil, path, opts)
}

// file is an open file as AppendFile reads it: its size and whether it is
// a regular file, and reads that return 0 at its end.
type file interface {
	size() (size int64, regular bool, err error)
	read(b []byte) (int, error)
	close() error
}

// AppendFile reads a file into dst[:0], growing it as needed, and returns
// the content, or an error wrapping ErrBinary or ErrTooLarge. It lets a
// caller that reads many files reuse one buffer per worker rather than
// allocate one per file.
func AppendFile(dst []byte, path string, opts Options) ([]byte, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.close()
	size, regular, err := f.size()
	if err != nil {
		return nil, err
	}
	if size > opts.maxSize() {
		return nil, fmt.Errorf("%s: %w (%d bytes, the limit is %d)", path, ErrTooLarge, size, opts.maxSize())
	}
	data := dst[:0]
	if need := int(size) + 1; need > cap(data) {
		// Twice the old capacity at least, so that a caller reusing the
		// buffer over files of growing sizes reallocates a few times, not
		// at every new largest file.
		data = make([]byte, 0, max(need, 2*cap(data)))
	}
	for {
		n, err := f.read(data[len(data):cap(data)])
		if err != nil {
			return nil, err // an *fs.PathError, which names the file
		}
		data = data[:len(data)+n]
		// A regular file read to the size it had is read whole: the read
		// that would find its end is spared, half the reads of a small
		// file. A file that grew meanwhile is read as it was; other
		// files (pipes, /proc) are read to their end.
		if n == 0 || regular && int64(len(data)) == size {
			break
		}
		if int64(len(data)) > opts.maxSize() {
			return nil, fmt.Errorf("%s: %w (grew past %d bytes while read)", path, ErrTooLarge, opts.maxSize())
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, 4096)
		}
	}
	if bytes.IndexByte(data[:min(len(data), binarySniff)], 0) >= 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrBinary)
	}
	return data, nil
}
