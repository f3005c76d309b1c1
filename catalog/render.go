package catalog

import (
	"fmt"
	"strings"
)

// Format is an output format for rendered pages.
type Format int

// The formats pages render to.
const (
	Markdown  Format = iota // CommonMark, for hovers and previews
	PlainText               // for terminals and clients without Markdown
)

// ParseFormat reads "markdown" or "text".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "markdown", "md":
		return Markdown, nil
	case "text", "plaintext":
		return PlainText, nil
	}
	return 0, fmt.Errorf("unknown format %q (want text or markdown)", s)
}

// page builds a document section by section so that one layout serves both
// formats: Markdown gets "#" headings and links, plain text gets underlined
// headings and bare URLs, and loses Markdown emphasis.
type page struct {
	b      strings.Builder
	format Format
}

func (p *page) heading(level int, text string) {
	if p.b.Len() > 0 && !strings.HasSuffix(p.b.String(), "\n\n") {
		p.b.WriteString("\n")
	}
	if p.format == Markdown {
		p.b.WriteString(strings.Repeat("#", level) + " " + text + "\n\n")
		return
	}
	p.b.WriteString(text + "\n")
	if level <= 2 {
		rule := "="
		if level == 2 {
			rule = "-"
		}
		p.b.WriteString(strings.Repeat(rule, len([]rune(text))) + "\n")
	}
	p.b.WriteString("\n")
}

// para writes a block of the data's light Markdown.
func (p *page) para(text string) {
	if p.format == PlainText {
		text = plain(text)
	}
	p.b.WriteString(text + "\n")
}

func (p *page) link(title, url string) string {
	if p.format == Markdown {
		return fmt.Sprintf("[%s](%s)", title, url)
	}
	return fmt.Sprintf("%s <%s>", title, url)
}

func (p *page) String() string { return p.b.String() }

// plain removes the Markdown emphasis the data uses; code spans keep their
// backticks, which read well in plain text and mark what to type.
var plainMarks = strings.NewReplacer("**", "", "__", "")

func plain(s string) string { return plainMarks.Replace(s) }

// MDNURL returns MDN's page for a registered code, or "" for vendor codes,
// which MDN does not document.
func MDNURL(e *Entry) string {
	if !e.Status.Standard() || e.Status == Temporary {
		return ""
	}
	return fmt.Sprintf("https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/%d", e.Code)
}

// StatusLabel describes an entry's standing in a locale: "Deprecated",
// "Vendor code (nginx), not registered", and so on.
func (c *Catalog) StatusLabel(e *Entry, loc Locale) string {
	s := c.strings(loc)
	if e.Status == Vendor {
		return strings.ReplaceAll(s.message("status.vendor"), "{vendor}", e.Vendor)
	}
	return s.message("status." + string(e.Status))
}

// Summary is the line under an entry's title: class, standing and reference.
func (c *Catalog) Summary(e *Entry, loc Locale, f Format) string {
	p := &page{format: f}
	parts := []string{
		fmt.Sprintf("%s (%s)", c.ClassName(loc, e.Class), e.Class),
		c.StatusLabel(e, loc),
		p.link(e.Reference.Title, e.Reference.URL),
	}
	return strings.Join(parts, " · ")
}

// RenderEntry renders an entry's full page: title, standing, description,
// when it is seen, how to fix, related codes and the constants that name it.
func (c *Catalog) RenderEntry(e *Entry, loc Locale, f Format) string {
	s := c.strings(loc)
	t := e.TextIn(loc)
	p := &page{format: f}
	p.heading(1, e.Title())
	p.para(c.Summary(e, loc, f))
	if len(e.FormerPhrases) > 0 {
		var former []string
		for _, fp := range e.FormerPhrases {
			if fp.Source != "" {
				former = append(former, fmt.Sprintf("%s (%s)", fp.Phrase, fp.Source))
			} else {
				former = append(former, fp.Phrase)
			}
		}
		p.para(s.message("formerly") + ": " + strings.Join(former, "; "))
	}
	if others := c.Lookup(e.Code); len(others) > 1 {
		var names []string
		for _, o := range others {
			if o != e {
				names = append(names, o.Title())
			}
		}
		p.para(s.message("also") + ": " + strings.Join(names, "; "))
	}
	p.heading(2, s.message("description"))
	p.para(t.Description)
	p.heading(2, s.message("seen"))
	p.para(t.Seen)
	p.heading(2, s.message("fix"))
	p.para(t.Fix)
	if len(e.Related) > 0 {
		p.heading(2, s.message("related"))
		for _, r := range e.Related {
			if o, ok := c.Primary(r); ok {
				p.para("- " + o.Title())
			}
		}
	}
	if consts := c.constantsFor(e, loc); len(consts) > 0 {
		p.heading(2, s.message("constants"))
		for _, line := range consts {
			p.para("- " + line)
		}
	}
	p.heading(2, s.message("links"))
	p.para("- " + p.link(e.Reference.Title, e.Reference.URL))
	if u := MDNURL(e); u != "" {
		p.para("- " + p.link("MDN", u))
	}
	return p.String()
}

// constantsFor lists "Ecosystem: `Qualifier.Name`" for every ecosystem that
// names the entry's code. Vendor meanings share the number but not the
// meaning, so they list none.
func (c *Catalog) constantsFor(e *Entry, loc Locale) []string {
	if !e.Status.Standard() {
		return nil
	}
	var out []string
	for _, eco := range c.ecosystems {
		if line, ok := c.constantLine(eco, e.Code, loc); ok {
			out = append(out, line)
		}
	}
	return out
}

// constantLine is "Ecosystem: `Qualifier.Name`" for the name an ecosystem
// gives a code, with, for a name that only recent versions of the library
// have, the version and the name before it: "Spring HttpStatus:
// `HttpStatus.CONTENT_TOO_LARGE` (since 7.0; before that
// `HttpStatus.PAYLOAD_TOO_LARGE`)".
func (c *Catalog) constantLine(eco *Ecosystem, code int, loc Locale) (string, bool) {
	k, ok := eco.Preferred(code)
	if !ok {
		return "", false
	}
	name := "`" + eco.Qualifier + k.Name + "`"
	if k.Since != "" {
		older := ""
		for _, o := range eco.Constants {
			if o.Code == code && o.Replacement == k.Name {
				older = "`" + eco.Qualifier + o.Name + "`"
				break
			}
		}
		id := "constant.since"
		if older != "" {
			id = "constant.since.before"
		}
		name = c.Message(loc, id, "name", name, "version", k.Since, "older", older)
	}
	return eco.Name + ": " + name, true
}

// RenderComparison renders a comparison page: the classes, the key difference
// and when to use which first, as that is what the reader came for, then both
// codes' description, situations and fixes side by side.
func (c *Catalog) RenderComparison(cp *Comparison, f Format) string {
	s := c.strings(cp.Locale)
	p := &page{format: f}
	p.heading(1, fmt.Sprintf("%s %s %s", cp.A.Title(), s.message("vs"), cp.B.Title()))
	p.para(cp.Classes)
	p.heading(2, s.message("difference"))
	p.para(cp.Difference)
	p.heading(2, s.message("choose"))
	p.para(cp.Choose)
	ta, tb := cp.A.TextIn(cp.Locale), cp.B.TextIn(cp.Locale)
	for _, sec := range []struct{ id, a, b string }{
		{"description", ta.Description, tb.Description},
		{"seen", ta.Seen, tb.Seen},
		{"fix", ta.Fix, tb.Fix},
	} {
		p.heading(2, s.message(sec.id))
		p.heading(3, cp.A.Title())
		p.para(sec.a)
		p.heading(3, cp.B.Title())
		p.para(sec.b)
	}
	p.heading(2, s.message("links"))
	for _, r := range cp.References {
		p.para("- " + p.link(r.Title, r.URL))
	}
	return p.String()
}
