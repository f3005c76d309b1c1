package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"

	"github.com/statusls/statusls/analysis/rules"
)

// fix applies, or with Options.Diff shows, the preferred fix of each
// diagnostic. A fix whose edits overlap an earlier fix's is left out, as
// gopls and go fix do, since the two cannot both be right; its finding
// stays reported.
//
// Diffs and edits go through go-udiff, the exported copy of x/tools'
// internal/diff: it takes byte-offset edits as rules produce them, checks
// them, and writes a unified diff from them without diffing the texts again.
func (w *worker) fix(f *File, data []byte, diags []rules.Diagnostic) {
	var edits []udiff.Edit
	fixed := make([]bool, len(diags))
	end := 0 // end of the last accepted edit
	for i, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		fe := d.Fixes[0].Edits
		ok := len(fe) > 0
		for j, e := range fe {
			if e.Start < end || (j > 0 && e.Start < fe[j-1].End) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, e := range fe {
			edits = append(edits, udiff.Edit{Start: e.Start, End: e.End, New: e.NewText})
		}
		end = fe[len(fe)-1].End
		fixed[i] = true
	}
	if len(edits) == 0 {
		return
	}
	if w.opts.Diff {
		diff, err := udiff.ToUnified("a/"+filepath.ToSlash(f.Path), "b/"+filepath.ToSlash(f.Path), string(data), edits, udiff.DefaultContextLines)
		if err != nil {
			f.Err = fmt.Errorf("%s: fixes do not apply: %v", f.Path, err)
		}
		f.Diff = diff
		return
	}
	out, err := udiff.ApplyBytes(data, edits)
	if err != nil {
		f.Err = fmt.Errorf("%s: fixes do not apply: %v", f.Path, err)
		return
	}
	if bytes.Equal(out, data) {
		return
	}
	if err := ReplaceFile(f.Path, out); err != nil {
		f.Err = err
		return
	}
	kept := f.Findings[:0]
	for i, fd := range f.Findings {
		if fixed[i] {
			f.Fixed++
			continue
		}
		kept = append(kept, fd)
	}
	f.Findings = kept
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
