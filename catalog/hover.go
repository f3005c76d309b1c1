package catalog

import (
	"fmt"
	"strings"
)

// Hover renders the compact page an editor shows when the pointer rests on a
// status code: the title, the class, standing and reference on one line, the
// description, when the code is seen and how to fix it, the constant that
// names it in the file's ecosystems (given as ecosystem IDs, most specific
// first), the codes it is most often confused with and how each differs in one
// line, and links to the specification and MDN. It reports false for a code
// the catalogue does not know, so that the editor shows nothing.
//
// It is shorter than RenderEntry: headings become bold labels, since a hover
// is a tooltip rather than a page, and constants are limited to the ecosystems
// the file uses.
func (c *Catalog) Hover(code int, loc Locale, f Format, ecosystems []string) (string, bool) {
	e, ok := c.Primary(code)
	if !ok {
		return "", false
	}
	s := c.strings(loc)
	t := e.TextIn(loc)
	p := &page{format: f}
	p.para(p.strong(e.Title()))
	p.blank()
	p.para(c.Summary(e, loc, f))
	if others := c.Lookup(code); len(others) > 1 {
		var names []string
		for _, o := range others[1:] {
			names = append(names, o.Title())
		}
		p.para(s.message("also") + ": " + strings.Join(names, "; "))
	}
	for _, sec := range []struct{ id, text string }{
		{"description", t.Description},
		{"seen", t.Seen},
		{"fix", t.Fix},
	} {
		p.blank()
		p.para(p.strong(s.message(sec.id)))
		p.para(sec.text)
	}
	if e.Status.Standard() {
		var consts []string
		for _, id := range ecosystems {
			if eco, ok := c.Ecosystem(id); ok {
				if line, ok := c.constantLine(eco, code, loc); ok {
					consts = append(consts, line)
				}
			}
		}
		if len(consts) > 0 {
			p.blank()
			p.para(p.strong(s.message("constants")) + ": " + strings.Join(consts, ", "))
		}
	}
	if confusions := c.Confusions(code); len(confusions) > 0 {
		p.blank()
		p.para(p.strong(s.message("confused")))
		for _, other := range confusions {
			if cp, err := c.Compare(code, other, loc); err == nil {
				p.para(fmt.Sprintf("- %s: %s", cp.B.Title(), cp.Summary))
			}
		}
	}
	links := []string{p.link(e.Reference.Title, e.Reference.URL)}
	if u := MDNURL(e); u != "" {
		links = append(links, p.link("MDN", u))
	}
	p.blank()
	p.para(strings.Join(links, " · "))
	return p.String(), true
}

// ClassHover renders the hover for a class range such as 5xx: the class's
// name and what a code in it means, then every code the catalogue has in it.
// It reports false for a class outside 1-5.
func (c *Catalog) ClassHover(class Class, loc Locale, f Format) (string, bool) {
	if class < Informational || class > ServerError {
		return "", false
	}
	ct := c.strings(loc).class(class)
	p := &page{format: f}
	p.para(p.strong(fmt.Sprintf("%s %s", class, ct.name)))
	p.blank()
	p.para(capitalize(ct.meaning) + ".")
	p.blank()
	for _, e := range c.ByClass(class) {
		p.para("- " + e.Title())
	}
	return p.String(), true
}

// strong marks text as bold in Markdown; plain text has no emphasis.
func (p *page) strong(text string) string {
	if p.format == Markdown {
		return "**" + text + "**"
	}
	return text
}

// blank separates blocks, which Markdown needs to end a paragraph or list.
func (p *page) blank() { p.b.WriteString("\n") }

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
