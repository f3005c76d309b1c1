package rules

import (
	"cmp"
	"slices"
)

// FixAll returns the edits of every diagnostic's preferred fix, in order of
// position, for an editor's "fix all" and "statusls check --fix". Fixes
// often share an edit (each named-constant fix adds the same import), which
// is applied once; a fix that overlaps one already taken in any other way
// is left out whole, since applying part of a fix could break the file, and
// the next run offers it again.
func FixAll(diags []Diagnostic) []Edit {
	var taken []Edit
	for _, d := range diags {
		i := slices.IndexFunc(d.Fixes, func(f Fix) bool { return f.Preferred })
		if i < 0 {
			continue
		}
		var add []Edit
		ok := true
		for _, e := range d.Fixes[i].Edits {
			if slices.Contains(taken, e) {
				continue
			}
			if slices.ContainsFunc(taken, func(t Edit) bool { return overlaps(t, e) }) {
				ok = false
				break
			}
			add = append(add, e)
		}
		if ok {
			taken = append(taken, add...)
		}
	}
	slices.SortStableFunc(taken, func(a, b Edit) int { return cmp.Compare(a.Start, b.Start) })
	return taken
}

// overlaps reports whether two edits touch the same text; two insertions at
// one offset overlap too, since their order would be a guess.
func overlaps(a, b Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End || a.Start == b.Start
}
