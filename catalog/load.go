package catalog

import (
	"cmp"
	"embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

//go:embed data
var embedded embed.FS

// The XML shapes of the data files. They stay private: callers see the
// validated Entry, Ecosystem and Comparison values built from them. XMLName
// makes Unmarshal reject a file whose root element is not the expected one.
type (
	xmlCode struct {
		XMLName   xml.Name    `xml:"code"`
		Number    int         `xml:"number,attr"`
		Status    string      `xml:"status,attr"`
		Vendor    string      `xml:"vendor,attr"`
		Rank      int         `xml:"rank,attr"`
		Phrase    string      `xml:"phrase"`
		Former    []xmlFormer `xml:"former"`
		Reference xmlRef      `xml:"reference"`
		Related   string      `xml:"related"`
		Texts     []xmlText   `xml:"text"`
	}
	xmlFormer struct {
		Source string `xml:"source,attr"`
		Phrase string `xml:",chardata"`
	}
	xmlRef struct {
		RFC     int    `xml:"rfc,attr"`
		Section string `xml:"section,attr"`
		Title   string `xml:"title,attr"`
		URL     string `xml:"url,attr"`
	}
	xmlText struct {
		Lang        string `xml:"lang,attr"`
		Description string `xml:"description"`
		Seen        string `xml:"seen"`
		Fix         string `xml:"fix"`
		Summary     string `xml:"summary"`
		Difference  string `xml:"difference"`
		Choose      string `xml:"choose"`
	}
	xmlEcosystem struct {
		XMLName   xml.Name `xml:"ecosystem"`
		ID        string   `xml:"id,attr"`
		Name      string   `xml:"name,attr"`
		Language  string   `xml:"language,attr"`
		Library   string   `xml:"library,attr"`
		Import    string   `xml:"import,attr"`
		Qualifier string   `xml:"qualifier,attr"`
		// AcceptedBy is space-separated (see Ecosystem.AcceptedBy).
		AcceptedBy     string        `xml:"accepted-by,attr"`
		ImportRequired bool          `xml:"import-required,attr"`
		Constants      []xmlConstant `xml:"constant"`
	}
	xmlConstant struct {
		Code        int    `xml:"code,attr"`
		Name        string `xml:"name,attr"`
		Deprecated  bool   `xml:"deprecated,attr"`
		Replacement string `xml:"replacement,attr"`
		Since       string `xml:"since,attr"`
		Note        string `xml:"note,attr"`
	}
	xmlComparison struct {
		XMLName    xml.Name  `xml:"comparison"`
		Codes      string    `xml:"codes,attr"`
		References []xmlRef  `xml:"reference"`
		Texts      []xmlText `xml:"text"`
	}
	xmlLocale struct {
		XMLName  xml.Name     `xml:"locale"`
		ID       string       `xml:"id,attr"`
		Name     string       `xml:"name,attr"`
		Messages []xmlMessage `xml:"message"`
		Classes  []xmlClass   `xml:"class"`
	}
	xmlMessage struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	}
	xmlClass struct {
		Number  int    `xml:"number,attr"`
		Name    string `xml:"name"`
		Meaning string `xml:"meaning"`
		Client  string `xml:"client"`
		Use     string `xml:"use"`
	}
)

var (
	sectionPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)
	vendorFile     = regexp.MustCompile(`^([0-9]{3})-[a-z0-9-]+\.xml$`)
)

// load parses and validates a data tree laid out as data/ in this package.
// It gathers every problem it finds, so one test run shows them all.
func load(fsys fs.FS) (*Catalog, error) { return loadCatalog(fsys, true) }

// loadCatalog is load; without eager, the comparisons are read on first
// use (see Catalog.curated) and their problems are not reported here.
func loadCatalog(fsys fs.FS, eager bool) (*Catalog, error) {
	c := &Catalog{
		ecosystemID: map[string]*Ecosystem{},
		locales:     map[Locale]*localeStrings{},
	}
	c.comparisons = sync.OnceValues(func() (map[[2]int]*comparison, error) { return c.loadComparisons(fsys) })
	var errs []error
	report := func(file string, err error) { errs = append(errs, fmt.Errorf("%s: %w", file, err)) }

	parseAll(fsys, "data/locales", parseLocale, func(file string, l *localeStrings) {
		if want := strings.TrimSuffix(path.Base(file), ".xml"); string(l.id) != want {
			report(file, fmt.Errorf("locale id %q does not match the file name", l.id))
		}
		c.locales[l.id] = l
	}, report)
	if _, ok := c.locales[English]; !ok {
		return nil, errors.New("catalog: data/locales/en.xml is missing")
	}

	parseCodes := func(data []byte) (*Entry, error) { return parseCode(data, c.locales) }
	loadCode := func(file string, e *Entry, vendor bool) {
		base := path.Base(file)
		if !vendor && base != strconv.Itoa(e.Code)+".xml" {
			report(file, fmt.Errorf("code %d does not match the file name", e.Code))
		}
		if m := vendorFile.FindStringSubmatch(base); vendor && (m == nil || m[1] != strconv.Itoa(e.Code)) {
			report(file, fmt.Errorf("vendor file names are CODE-vendor.xml matching code %d", e.Code))
		}
		if vendor != (e.Status == Vendor) {
			report(file, fmt.Errorf("status %q does not belong in %s", e.Status, path.Dir(file)))
		}
		c.entries = append(c.entries, e)
	}
	parseAll(fsys, "data/codes", parseCodes, func(f string, e *Entry) { loadCode(f, e, false) }, report)
	parseAll(fsys, "data/vendor", parseCodes, func(f string, e *Entry) { loadCode(f, e, true) }, report)
	slices.SortStableFunc(c.entries, func(a, b *Entry) int {
		if a.Code != b.Code {
			return cmp.Compare(a.Code, b.Code)
		}
		if a.Status.Standard() != b.Status.Standard() {
			if a.Status.Standard() {
				return -1
			}
			return 1
		}
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return cmp.Compare(strings.ToLower(a.Vendor), strings.ToLower(b.Vendor))
	})
	for _, e := range c.entries {
		if es := c.byCode[e.Code]; len(es) > 0 && es[len(es)-1].Vendor == e.Vendor {
			report("data", fmt.Errorf("code %d is defined twice for vendor %q", e.Code, e.Vendor))
		}
		c.byCode[e.Code] = append(c.byCode[e.Code], e)
	}
	for _, e := range c.entries {
		for _, r := range e.Related {
			if len(c.Lookup(r)) == 0 || r == e.Code {
				report("data", fmt.Errorf("code %d lists related code %d, which is itself or unknown", e.Code, r))
			}
		}
	}

	parseAll(fsys, "data/constants", parseEcosystem, func(file string, eco *Ecosystem) {
		if _, dup := c.ecosystemID[eco.ID]; dup {
			report(file, fmt.Errorf("ecosystem %q is defined twice", eco.ID))
			return
		}
		for _, k := range eco.Constants {
			if len(c.Lookup(k.Code)) == 0 {
				report(file, fmt.Errorf("constant %s names code %d, which the catalogue does not have", k.Name, k.Code))
			}
		}
		c.ecosystems = append(c.ecosystems, eco)
		c.ecosystemID[eco.ID] = eco
	}, report)
	for _, e := range c.entries {
		if !e.Status.Standard() {
			continue
		}
		for _, eco := range c.ecosystems {
			if k, ok := eco.Preferred(e.Code); ok {
				if e.Constants == nil {
					e.Constants = map[string]string{}
				}
				e.Constants[eco.ID] = k.Name
			}
		}
	}

	if eager {
		if _, err := c.comparisons(); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// loadComparisons parses and validates the curated comparisons of the
// data tree that c was loaded from.
func (c *Catalog) loadComparisons(fsys fs.FS) (map[[2]int]*comparison, error) {
	comparisons := map[[2]int]*comparison{}
	var errs []error
	report := func(file string, err error) { errs = append(errs, fmt.Errorf("%s: %w", file, err)) }
	parseComparisons := func(data []byte) (*comparison, error) { return parseComparison(data, c.locales) }
	parseAll(fsys, "data/comparisons", parseComparisons, func(file string, cp *comparison) {
		for _, code := range cp.codes {
			if len(c.Lookup(code)) == 0 {
				report(file, fmt.Errorf("compares unknown code %d", code))
			}
		}
		key := pairKey(cp.codes[0], cp.codes[1])
		if _, dup := comparisons[key]; dup {
			report(file, fmt.Errorf("pair %d/%d is compared twice", key[0], key[1]))
		}
		comparisons[key] = cp
	}, report)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return comparisons, nil
}

// parseAll parses every .xml file in dir with parse, on every core, and
// hands the results to use one at a time in lexical order of file names,
// so that what load builds and the errors it reports do not depend on
// scheduling. encoding/xml is most of the cost of loading the catalogue,
// which every "statusls check" pays before it reads a file: parsing on two
// cores halves it.
func parseAll[T any](fsys fs.FS, dir string, parse func([]byte) (T, error), use func(file string, v T), report func(string, error)) {
	names, err := fs.Glob(fsys, dir+"/*.xml")
	if err != nil {
		report(dir, err)
		return
	}
	type parsed struct {
		v   T
		err error
	}
	out := make([]parsed, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				data, err := fs.ReadFile(fsys, names[i])
				if err == nil {
					out[i].v, err = parse(data)
				}
				out[i].err = err
			}
		})
	}
	wg.Wait()
	for i, name := range names {
		if out[i].err != nil {
			report(name, out[i].err)
			continue
		}
		use(name, out[i].v)
	}
}

func parseCode(data []byte, locales map[Locale]*localeStrings) (*Entry, error) {
	var x xmlCode
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	e := &Entry{
		Code:   x.Number,
		Phrase: strings.TrimSpace(x.Phrase),
		Class:  ClassOf(x.Number),
		Status: Status(x.Status),
		Vendor: strings.TrimSpace(x.Vendor),
		Text:   map[Locale]Text{},
		rank:   x.Rank,
	}
	var errs []error
	if e.Class == 0 {
		errs = append(errs, fmt.Errorf("code %d is outside 100-599", x.Number))
	}
	switch e.Status {
	case Assigned, Deprecated, Obsoleted, Unused, Temporary:
		if e.Vendor != "" {
			errs = append(errs, errors.New("a registered code has no vendor"))
		}
	case Vendor:
		if e.Vendor == "" {
			errs = append(errs, errors.New("a vendor code needs vendor=\"...\""))
		}
	default:
		errs = append(errs, fmt.Errorf("unknown status %q", x.Status))
	}
	if e.Phrase == "" {
		errs = append(errs, errors.New("missing <phrase>"))
	}
	for _, f := range x.Former {
		e.FormerPhrases = append(e.FormerPhrases, FormerPhrase{Phrase: strings.TrimSpace(f.Phrase), Source: strings.TrimSpace(f.Source)})
	}
	ref, err := buildReference(x.Reference)
	if err != nil {
		errs = append(errs, err)
	}
	e.Reference = ref
	for _, f := range strings.Fields(x.Related) {
		n, err := strconv.Atoi(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("related: %q is not a code", f))
			continue
		}
		e.Related = append(e.Related, n)
	}
	for _, t := range x.Texts {
		text := Text{Description: dedent(t.Description), Seen: dedent(t.Seen), Fix: dedent(t.Fix)}
		loc := Locale(t.Lang)
		if _, ok := locales[loc]; !ok {
			errs = append(errs, fmt.Errorf("text in unknown locale %q", t.Lang))
			continue
		}
		if text.Description == "" || text.Seen == "" || text.Fix == "" {
			errs = append(errs, fmt.Errorf("text lang=%q needs <description>, <seen> and <fix>", t.Lang))
		}
		e.Text[loc] = text
	}
	for loc := range locales {
		if _, ok := e.Text[loc]; !ok {
			errs = append(errs, fmt.Errorf("no text in locale %q", loc))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("code %d: %w", x.Number, errors.Join(errs...))
	}
	return e, nil
}

// buildReference checks a reference and derives its title and link: an RFC
// reference needs a section, anything else a title and an https URL.
func buildReference(x xmlRef) (Reference, error) {
	if x.RFC > 0 {
		if !sectionPattern.MatchString(x.Section) {
			return Reference{}, fmt.Errorf("reference to RFC %d needs a section like 15.6.3, got %q", x.RFC, x.Section)
		}
		return Reference{
			Title:   fmt.Sprintf("RFC %d, section %s", x.RFC, x.Section),
			URL:     fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d#section-%s", x.RFC, x.Section),
			RFC:     x.RFC,
			Section: x.Section,
		}, nil
	}
	title, url := strings.TrimSpace(x.Title), strings.TrimSpace(x.URL)
	if title == "" || !strings.HasPrefix(url, "https://") {
		return Reference{}, errors.New("reference needs rfc and section, or a title and an https url")
	}
	return Reference{Title: title, URL: url}, nil
}

func parseEcosystem(data []byte) (*Ecosystem, error) {
	var x xmlEcosystem
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	eco := &Ecosystem{ID: x.ID, Name: x.Name, Language: x.Language, Library: x.Library, Import: x.Import, Qualifier: x.Qualifier,
		AcceptedBy: strings.Fields(x.AcceptedBy), ImportRequired: x.ImportRequired}
	var errs []error
	if eco.ID == "" || eco.Name == "" || eco.Language == "" || eco.Library == "" {
		errs = append(errs, errors.New("an ecosystem needs id, name, language and library"))
	}
	seen := map[string]bool{}
	for _, k := range x.Constants {
		if k.Name == "" {
			errs = append(errs, fmt.Errorf("constant for %d has no name", k.Code))
			continue
		}
		if seen[k.Name] {
			errs = append(errs, fmt.Errorf("constant %s is defined twice", k.Name))
		}
		seen[k.Name] = true
		eco.Constants = append(eco.Constants, Constant{Name: k.Name, Code: k.Code, Deprecated: k.Deprecated, Replacement: k.Replacement, Since: k.Since, Note: k.Note})
	}
	for _, k := range eco.Constants {
		if k.Replacement != "" && !seen[k.Replacement] {
			errs = append(errs, fmt.Errorf("constant %s is replaced by %s, which is not defined", k.Name, k.Replacement))
		}
		if k.Replacement != "" && !k.Deprecated {
			errs = append(errs, fmt.Errorf("constant %s has a replacement but is not deprecated", k.Name))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("ecosystem %q: %w", x.ID, errors.Join(errs...))
	}
	eco.index()
	return eco, nil
}

func parseLocale(data []byte) (*localeStrings, error) {
	var x xmlLocale
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	l := &localeStrings{id: Locale(x.ID), name: x.Name, messages: map[string]string{}, classes: map[Class]classText{}}
	for _, m := range x.Messages {
		if _, dup := l.messages[m.ID]; dup {
			return nil, fmt.Errorf("message %q is defined twice", m.ID)
		}
		l.messages[m.ID] = dedent(m.Text)
	}
	for _, k := range x.Classes {
		l.classes[Class(k.Number)] = classText{name: dedent(k.Name), meaning: dedent(k.Meaning), client: dedent(k.Client), use: dedent(k.Use)}
	}
	return l, nil
}

func parseComparison(data []byte, locales map[Locale]*localeStrings) (*comparison, error) {
	var x xmlComparison
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	cp := &comparison{text: map[Locale]ComparisonSections{}}
	fields := strings.Fields(x.Codes)
	if len(fields) != 2 {
		return nil, fmt.Errorf("codes=%q must name two codes", x.Codes)
	}
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("codes: %q is not a code", f)
		}
		cp.codes[i] = n
	}
	var errs []error
	if len(x.References) == 0 {
		errs = append(errs, errors.New("a curated comparison cites at least one <reference>"))
	}
	for _, r := range x.References {
		ref, err := buildReference(r)
		if err != nil {
			errs = append(errs, err)
		}
		cp.references = append(cp.references, ref)
	}
	for _, t := range x.Texts {
		ct := ComparisonSections{Summary: dedent(t.Summary), Difference: dedent(t.Difference), Choose: dedent(t.Choose)}
		if ct.Summary == "" || ct.Difference == "" || ct.Choose == "" {
			errs = append(errs, fmt.Errorf("text lang=%q needs <summary>, <difference> and <choose>", t.Lang))
		}
		if strings.Contains(ct.Summary, "\n") {
			errs = append(errs, fmt.Errorf("text lang=%q: <summary> is one line", t.Lang))
		}
		cp.text[Locale(t.Lang)] = ct
	}
	for loc := range locales {
		if _, ok := cp.text[loc]; !ok {
			errs = append(errs, fmt.Errorf("no text in locale %q", loc))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("comparison %s: %w", x.Codes, errors.Join(errs...))
	}
	return cp, nil
}

// dedent trims blank lines at both ends of an indented XML text block and
// removes the indentation its lines share, keeping relative indentation (for
// nested lists) and paragraph breaks.
func dedent(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		} else {
			lines[i] = strings.TrimSpace(l)
		}
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.Join(lines, "\n")
}
