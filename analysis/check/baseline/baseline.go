// Package baseline records the findings a project already has, so that
// "statusls check --baseline FILE" reports only new ones and a large
// codebase can adopt statusls one fix at a time.
//
// A finding is identified by its rule, its file, a hash of the text of its
// line and its occurrence among findings of the same rule on identical
// lines of that file, never by line number: adding or removing lines above
// a finding leaves its key alone, while editing the line itself makes the
// finding new again, which is when a person should look at it.
//
// The file is JSON, sorted, one finding per line, so that a baseline diffs
// well in review and merges without conflicts more often than not.
package baseline

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Key identifies one finding across edits elsewhere in its file.
type Key struct {
	Rule string `json:"rule"`
	// Path is slash-separated and relative to the baseline file's
	// directory, so that the baseline works from any working directory and
	// on any system.
	Path string `json:"path"`
	// Line is LineHash of the finding's line.
	Line string `json:"line"`
	// Occurrence counts from 0 among the findings with the same rule and
	// line hash in the file, in order, so that two identical lines each
	// holding a finding keep two keys.
	Occurrence int `json:"occurrence"`
}

// LineHash hashes a line with the blanks around it trimmed, so that
// re-indenting a block keeps its findings in the baseline. Sixteen hex
// digits of SHA-256 leave collisions to chance beyond any project's size.
func LineHash(line []byte) string {
	sum := sha256.Sum256(bytes.TrimSpace(line))
	return hex.EncodeToString(sum[:8])
}

// Baseline is a set of findings, tied to the file it is read from or
// written to. It is safe for concurrent use.
type Baseline struct {
	dir string

	mu   sync.Mutex
	keys map[Key]bool
}

// formatVersion is written to the file, and checked when reading, so that a
// future change of key can refuse an old baseline clearly.
const formatVersion = 1

type fileFormat struct {
	Version  int   `json:"version"`
	Findings []Key `json:"findings"`
}

// New returns an empty baseline for file, whose directory its paths are
// relative to.
func New(file string) (*Baseline, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	return &Baseline{dir: filepath.Dir(abs), keys: map[Key]bool{}}, nil
}

// Load reads a baseline file.
func Load(file string) (*Baseline, error) {
	b, err := New(file)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var f fileFormat
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a statusls baseline: %v", file, err)
	}
	if f.Version != formatVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d: write it again with --write-baseline", file, f.Version, formatVersion)
	}
	for _, k := range f.Findings {
		b.keys[k] = true
	}
	return b, nil
}

// Key builds the key of a finding in the file at path (as the walk found
// it, relative to the working directory or absolute).
func (b *Baseline) Key(path, rule, lineHash string, occurrence int) Key {
	rel := path
	if abs, err := filepath.Abs(path); err == nil {
		if r, err := filepath.Rel(b.dir, abs); err == nil {
			rel = r
		}
	}
	return Key{Rule: rule, Path: filepath.ToSlash(rel), Line: lineHash, Occurrence: occurrence}
}

// Contains reports whether the baseline holds k.
func (b *Baseline) Contains(k Key) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.keys[k]
}

// Add puts k in the baseline.
func (b *Baseline) Add(k Key) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.keys[k] = true
}

// Len is the number of findings in the baseline.
func (b *Baseline) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.keys)
}

// Marshal encodes the baseline sorted by path, rule, line and occurrence,
// one finding per line. The caller writes it to the file the baseline was
// made for.
func (b *Baseline) Marshal() []byte {
	b.mu.Lock()
	keys := make([]Key, 0, len(b.keys))
	for k := range b.keys {
		keys = append(keys, k)
	}
	b.mu.Unlock()
	slices.SortFunc(keys, func(x, y Key) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Line, y.Line), cmp.Compare(x.Occurrence, y.Occurrence))
	})
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", formatVersion)
	for i, k := range keys {
		line, _ := json.Marshal(k)
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(keys) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes()
}
