package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/analysis"
)

// InlayHint shows the reason phrase after each status code in the range,
// "502" → "Bad Gateway": for literals in code by default, for named
// constants when the user asks (their names already say it), never in
// comments, where the code is prose the writer already explained.
func (s *Server) InlayHint(_ context.Context, params *protocol.InlayHintParams) ([]protocol.InlayHint, error) {
	out := []protocol.InlayHint{}
	d := s.docs.get(params.TextDocument.URI)
	cfg := s.config.Load().InlayHints
	if d == nil || !cfg.Enabled {
		return out, nil
	}
	enc := s.session.Load().encoding
	from, to := d.Offset(params.Range.Start, enc), d.Offset(params.Range.End, enc)
	vendor := s.vendorCodes(d)
	for _, f := range d.Analysis().Findings {
		if f.End < from || f.Start > to || f.Where == analysis.InComment {
			continue
		}
		switch f.Kind {
		case analysis.NumericLiteral, analysis.StringLiteral:
			if !cfg.Literals {
				continue
			}
		case analysis.NamedConstant:
			if !cfg.Constants {
				continue
			}
		default:
			continue
		}
		e, ok := s.catalog().Primary(f.Code)
		if !ok || !s.known(f.Code, vendor) {
			continue
		}
		rng, err := d.Range(f.End, f.End, enc)
		if err != nil {
			continue
		}
		out = append(out, protocol.InlayHint{
			Position:    rng.Start,
			Label:       protocol.String(e.Phrase),
			Tooltip:     protocol.String(e.Title() + " · " + s.catalog().StatusLabel(e, s.locale())),
			PaddingLeft: ptr(true),
		})
	}
	return out, nil
}
