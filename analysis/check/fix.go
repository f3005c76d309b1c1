package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/statusls/statusls/analysis/rules"
)

// maxFixRounds bounds how often a file is checked again after its fixes:
// a fix can make another finding (532 becomes 500, which has a named
// constant), and fixing to a fixed point, as ruff does, is what leaves
// nothing for the next run; two rules that undo each other stop here.
const maxFixRounds = 10

// fix applies, or with Options.Diff shows, the preferred fixes of the
// reported findings, merged by rules.FixAll exactly as the editor's "fix
// all" merges them, then checks the result again, until no fix is left.
// With Fix, the file is written once, and f.Findings becomes the findings
// of the written text; with Diff, f.Findings stays those of the file as it
// is.
//
// Edits go through go-udiff, the exported copy of x/tools' internal/diff:
// it applies the rules' byte-offset edits as they are, checking that they
// neither overlap nor run past the text, and writes the unified diff.
func (w *worker) fix(f *File, data []byte, diags []rules.Diagnostic, opts rules.Options) {
	original := f.Findings
	text := data
	for range maxFixRounds {
		edits := rules.FixAll(diags)
		if len(edits) == 0 {
			break
		}
		f.Fixed += fixedBy(diags, edits)
		ue := make([]udiff.Edit, len(edits))
		for i, e := range edits {
			ue[i] = udiff.Edit{Start: e.Start, End: e.End, New: e.NewText}
		}
		next, err := udiff.ApplyBytes(text, ue)
		if err != nil {
			f.Err = fmt.Errorf("%s: fixes do not apply: %v", f.Path, err)
			f.Findings, f.Fixed = original, 0
			return
		}
		text = next
		diags = w.locate(f, text, rules.CheckFile(f.Path, text, opts))
	}
	if bytes.Equal(text, data) {
		f.Findings, f.Fixed = original, 0
		return
	}
	if w.opts.Diff {
		name := diffName(f.Path)
		f.Diff = udiff.Unified("a/"+name, "b/"+name, string(data), string(text))
		f.Findings, f.Fixed = original, 0
		return
	}
	if err := ReplaceFile(f.Path, text); err != nil {
		f.Err = err
		f.Findings, f.Fixed = original, 0
	}
}

// diffName is how a diff names a file after its a/ or b/: the path as
// given, or for an absolute one the path from the working directory when
// it lies below it, else without its leading slash, so that patch -p1 finds
// the file (a//srv/app.go would name none).
func diffName(path string) string {
	if !filepath.IsAbs(path) {
		return filepath.ToSlash(path)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(path), "/")
}

// fixedBy counts the diagnostics whose preferred fix FixAll took whole.
func fixedBy(diags []rules.Diagnostic, taken []rules.Edit) int {
	n := 0
	for _, d := range diags {
		for _, fx := range d.Fixes {
			if fx.Preferred && containsAll(taken, fx.Edits) {
				n++
			}
		}
	}
	return n
}

func containsAll(taken, edits []rules.Edit) bool {
	for _, e := range edits {
		if !slices.Contains(taken, e) {
			return false
		}
	}
	return true
}

// ReplaceFile writes data to path atomically: into a temporary file in the
// same directory, with the mode of the file it replaces (0644 for a new
// one), synced, then renamed over it, so that a reader or a crash never
// sees half a file and an interrupted run leaves the old file whole.
func ReplaceFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".statusls-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
