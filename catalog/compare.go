package catalog

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ErrUnknownCode is returned for a code that neither the registry nor any
// vendor in the catalogue defines.
var ErrUnknownCode = errors.New("unknown status code")

// comparison is a curated comparison of two codes, as read from data.
type comparison struct {
	codes      [2]int
	references []Reference
	text       map[Locale]ComparisonSections
}

// Comparison is the page a developer searches for as "502 vs 504", in one
// locale: how the two codes relate and when to use which, with each code's
// own entry for the details.
type Comparison struct {
	Locale Locale `json:"locale"`
	A      *Entry `json:"a"`
	B      *Entry `json:"b"`
	// Classes places both codes in their classes in one sentence.
	Classes string `json:"classes"`
	// Summary is the difference in one line, for hovers and lists.
	Summary string `json:"summary"`
	// Difference is the key difference, in Markdown.
	Difference string `json:"difference"`
	// Choose says when to use which, in Markdown.
	Choose string `json:"choose"`
	// Curated is set when the text was written for this pair and cites the
	// specification that settles it; otherwise it is derived from the classes.
	Curated    bool        `json:"curated"`
	References []Reference `json:"references,omitempty"`
}

func pairKey(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// Compare builds the comparison page for two codes in a locale. Any two
// distinct known codes can be compared; pairs that people often confuse get
// curated text, the others text derived from their classes.
func (c *Catalog) Compare(a, b int, loc Locale) (*Comparison, error) {
	ea, ok := c.Primary(a)
	if !ok {
		return nil, fmt.Errorf("%w: %d", ErrUnknownCode, a)
	}
	eb, ok := c.Primary(b)
	if !ok {
		return nil, fmt.Errorf("%w: %d", ErrUnknownCode, b)
	}
	if a == b {
		return nil, fmt.Errorf("cannot compare %d with itself", a)
	}
	strs := c.strings(loc)
	vars := c.comparisonVars(ea, eb, strs)
	out := &Comparison{Locale: strs.id, A: ea, B: eb}
	if ea.Class == eb.Class {
		out.Classes = vars.Replace(strs.message("classes.same"))
	} else {
		out.Classes = vars.Replace(strs.message("classes.differ"))
	}
	if cp, ok := c.curated()[pairKey(a, b)]; ok {
		t, ok := cp.text[strs.id]
		if !ok {
			t = cp.text[English]
		}
		out.Summary, out.Difference, out.Choose = t.Summary, t.Difference, t.Choose
		out.Curated, out.References = true, cp.references
		return out, nil
	}
	if ea.Class == eb.Class {
		out.Summary = vars.Replace(strs.message("summary.same"))
		out.Difference = vars.Replace(strs.message("difference.same"))
	} else {
		out.Summary = vars.Replace(strs.message("summary.differ"))
		out.Difference = vars.Replace(strs.message("difference.differ"))
	}
	out.Choose = vars.Replace(strs.message("choose.generic"))
	out.References = []Reference{ea.Reference, eb.Reference}
	return out, nil
}

// Confusions lists the codes that have a curated comparison with code: the
// ones it is most often mistaken for, in code order.
func (c *Catalog) Confusions(code int) []int {
	var out []int
	for k := range c.curated() {
		switch code {
		case k[0]:
			out = append(out, k[1])
		case k[1]:
			out = append(out, k[0])
		}
	}
	slices.Sort(out)
	return out
}

// CuratedPairs lists every pair with a curated comparison, in code order.
func (c *Catalog) CuratedPairs() [][2]int {
	out := make([][2]int, 0, len(c.curated()))
	for k := range c.curated() {
		out = append(out, k)
	}
	slices.SortFunc(out, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return out
}

// comparisonVars fills the placeholders of the generic comparison messages:
// {a} and {b} are the codes' titles, {classA} the class name and so on.
func (c *Catalog) comparisonVars(a, b *Entry, strs *localeStrings) *strings.Replacer {
	ca, cb := strs.class(a.Class), strs.class(b.Class)
	return strings.NewReplacer(
		"{a}", a.Title(), "{b}", b.Title(),
		"{codeA}", strconv.Itoa(a.Code), "{codeB}", strconv.Itoa(b.Code),
		"{class}", ca.name, "{classcode}", a.Class.String(), "{meaning}", ca.meaning,
		"{classA}", ca.name, "{classB}", cb.name,
		"{classcodeA}", a.Class.String(), "{classcodeB}", b.Class.String(),
		"{meaningA}", ca.meaning, "{meaningB}", cb.meaning,
		"{clientA}", ca.client, "{clientB}", cb.client,
		"{useA}", ca.use, "{useB}", cb.use,
	)
}

// CuratedComparison is a curated comparison with its text in every locale,
// as exported by Dump.
type CuratedComparison struct {
	Codes      [2]int                        `json:"codes"`
	References []Reference                   `json:"references"`
	Text       map[Locale]ComparisonSections `json:"text"`
}

// ComparisonSections is the curated text of a comparison in one locale.
type ComparisonSections struct {
	Summary    string `json:"summary"`
	Difference string `json:"difference"`
	Choose     string `json:"choose"`
}
