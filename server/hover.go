package server

import (
	"context"
	"fmt"
	"sort"

	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/catalog"
)

// Hover explains the status code under the cursor, with the catalogue's
// page in the user's locale. A number that is not a status code, or a
// position in no finding, gets no hover (a null result, not an error).
func (s *Server) Hover(_ context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	d := s.docs.get(params.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	enc := s.session.Load().encoding
	res := d.Analysis()
	f, ok := findingAt(res.Findings, d.Offset(params.Position, enc))
	if !ok {
		return nil, nil
	}
	text, ok := s.explain(f, res.Ecosystems(), s.vendorCodes(d))
	if !ok {
		return nil, nil
	}
	rng, err := d.Range(f.Start, f.End, enc)
	if err != nil {
		return nil, err
	}
	kind := protocol.MarkupKindMarkdown
	if s.format() == catalog.PlainText {
		kind = protocol.MarkupKindPlainText
	}
	return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: kind, Value: text}, Range: &rng}, nil
}

// explain renders the catalogue's hover for a finding: the class page for a
// range such as 5xx, the code's page otherwise. vendor says whether
// vendor-only codes count as known in the document.
func (s *Server) explain(f analysis.Finding, ecosystems []string, vendor bool) (string, bool) {
	if f.Kind == analysis.ClassRange {
		return s.catalog().ClassHover(catalog.Class(f.Class), s.locale(), s.format())
	}
	if !s.known(f.Code, vendor) {
		return "", false
	}
	return s.hoverText(f.Code, ecosystems)
}

// hoverText returns the catalogue's hover page for a code, rendered once per
// code, locale, format and ecosystems: rendering builds the comparisons with
// every confusable code, which costs more than a hover should, and the
// pages never change while the server runs.
func (s *Server) hoverText(code int, ecosystems []string) (string, bool) {
	loc, format := s.locale(), s.format()
	key := fmt.Sprint(code, loc, format, ecosystems)
	if page, ok := s.hovers.Load(key); ok {
		return page.(string), true
	}
	page, ok := s.catalog().Hover(code, loc, format, ecosystems)
	if ok {
		s.hovers.Store(key, page)
	}
	return page, ok
}

// known reports whether the catalogue defines the code under a document's
// settings: a vendor-only code counts only while vendor codes are on.
func (s *Server) known(code int, vendor bool) bool {
	e, ok := s.catalog().Primary(code)
	return ok && (e.Status.Standard() || vendor)
}

// findingAt returns the finding that contains offset. Findings are sorted
// and do not overlap, so a binary search finds it; a cursor just after the
// last digit still counts, as editors place it there after typing a code.
func findingAt(fs []analysis.Finding, offset int) (analysis.Finding, bool) {
	i := sort.Search(len(fs), func(i int) bool { return fs[i].End >= offset })
	if i < len(fs) && fs[i].Start <= offset && offset <= fs[i].End {
		return fs[i], true
	}
	return analysis.Finding{}, false
}
