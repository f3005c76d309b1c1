package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"go.lsp.dev/protocol"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/catalog"
)

// completionOptions declares completion. "(" and " " start it where a code
// follows a call or a directive (WriteHeader(, return ); elsewhere editors
// ask as the user types. Items are resolved: the page of each code is
// rendered only for the item the user selects, since rendering all of them
// for every keystroke would cost tens of milliseconds.
func completionOptions() *protocol.CompletionOptions {
	return &protocol.CompletionOptions{TriggerCharacters: []string{"(", " "}, ResolveProvider: ptr(true)}
}

// completionData travels in an item's data field to CompletionResolve.
type completionData struct {
	Code       int      `json:"code"`
	Ecosystems []string `json:"ecosystems,omitempty"`
}

// Completion offers status codes where analysis says one is expected:
// every code the catalogue knows, with its phrase and page, those that suit
// the slot's role first (3xx for a redirect, 4xx and 5xx for an error
// helper), the commonly used ones first within that; and the named
// constants of the ecosystems the file uses, first when it uses them.
// Anywhere else the list is empty.
func (s *Server) Completion(_ context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	d := s.docs.get(params.TextDocument.URI)
	if d == nil || d.Binary {
		return list, nil
	}
	enc := s.session.Load().encoding
	offset := d.Offset(params.Position, enc)
	if offset > d.Analysed {
		return list, nil
	}
	from, to := slotWindow(d.Text[:d.Analysed], offset)
	slot, ok := analysis.SlotAt(d.Language, d.Text[from:to], offset-from)
	if !ok {
		return list, nil
	}
	slot.Start, slot.End = slot.Start+from, slot.End+from
	rng, err := d.Range(slot.Start, slot.End, enc)
	if err != nil {
		return nil, err
	}
	res := d.Analysis()
	constantsFirst := false
	for _, f := range res.Findings {
		if f.Kind == analysis.NamedConstant {
			constantsFirst = true
			break
		}
	}
	cat := s.catalog()
	vendor := s.vendorCodes(d)
	for _, e := range cat.Entries() {
		if !e.Status.Standard() && !vendor {
			continue
		}
		if others := cat.Lookup(e.Code); others[0] != e {
			continue // one item per number: its main meaning
		}
		data, _ := json.Marshal(completionData{Code: e.Code, Ecosystems: res.Ecosystems()})
		code := strconv.Itoa(e.Code)
		item := protocol.CompletionItem{
			Label:        code,
			LabelDetails: &protocol.CompletionItemLabelDetails{Description: ptr(e.Phrase)},
			Kind:         protocol.CompletionItemKindValue,
			Detail:       protocol.NewOptional(e.Title()),
			Data:         protocol.LSPAny(data),
			SortText:     protocol.NewOptional(sortKey(cat, slot.Role, e, !constantsFirst)),
			FilterText:   protocol.NewOptional(code),
			TextEdit:     &protocol.TextEdit{Range: rng, NewText: code},
		}
		if e.Status == catalog.Deprecated || e.Status == catalog.Obsoleted {
			item.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		list.Items = append(list.Items, item)
		for _, id := range res.Ecosystems() {
			eco, ok := cat.Ecosystem(id)
			if !ok || !e.Status.Standard() || !eco.Fits(slot.Directive) {
				continue // Spring's enum after setStatus( would not compile
			}
			k, ok := eco.Preferred(e.Code)
			if !ok {
				continue
			}
			name := eco.Qualifier + k.Name
			list.Items = append(list.Items, protocol.CompletionItem{
				Label:        name,
				LabelDetails: &protocol.CompletionItemLabelDetails{Description: ptr(e.Title())},
				Kind:         protocol.CompletionItemKindConstant,
				Detail:       protocol.NewOptional(e.Title() + " · " + eco.Name),
				Data:         protocol.LSPAny(data),
				SortText:     protocol.NewOptional(sortKey(cat, slot.Role, e, constantsFirst)),
				FilterText:   protocol.NewOptional(name),
				TextEdit:     &protocol.TextEdit{Range: rng, NewText: name},
			})
		}
	}
	return list, nil
}

// CompletionResolve adds the code's page to the item the user selected.
func (s *Server) CompletionResolve(_ context.Context, item *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	var data completionData
	if len(item.Data) == 0 || json.Unmarshal(item.Data, &data) != nil {
		return item, nil // not one of ours: nothing to add
	}
	if doc, ok := s.hoverText(data.Code, data.Ecosystems); ok {
		item.Documentation = s.markup(doc)
	}
	return item, nil
}

// slotWindow returns the lines around offset that SlotAt reads: up to 200
// lines before (an OpenAPI "responses:" key sits a few lines above its
// codes) and 20 after. SlotAt scans the text it is given, at about 150 ms
// per megabyte, while a completion is asked for on every keystroke; the
// window keeps it in the tens of microseconds whatever the file's size. The
// file's ecosystems come from its cached analysis, not from the window.
func slotWindow(text []byte, offset int) (int, int) {
	from := offset
	for lines := 0; from > 0 && lines <= 200; from-- {
		if text[from-1] == '\n' {
			lines++
		}
	}
	if from > 0 {
		from++ // just after the newline that ended the count
	}
	to := offset
	for lines := 0; to < len(text) && lines < 20; to++ {
		if text[to] == '\n' {
			lines++
		}
	}
	return from, to
}

// sortKey orders items: the preferred kind of item (numbers or constants),
// then codes whose class suits the slot's role, then the common codes in
// their order of use, then the rest by number.
func sortKey(cat *catalog.Catalog, role analysis.Role, e *catalog.Entry, preferredKind bool) string {
	kind := 1
	if preferredKind {
		kind = 0
	}
	fit := 1
	switch role {
	case analysis.RedirectStatus:
		if e.Class == catalog.Redirection {
			fit = 0
		}
	case analysis.ErrorStatus:
		if e.Class == catalog.ClientError || e.Class == catalog.ServerError {
			fit = 0
		}
	default:
		fit = 0
	}
	rank := 99
	if r, ok := cat.CommonRank(e.Code); ok {
		rank = r
	}
	return fmt.Sprintf("%d%d%02d%03d", kind, fit, rank, e.Code)
}

// markup wraps documentation in the format the client shows.
func (s *Server) markup(text string) protocol.InlayHintTooltip {
	if s.format() == catalog.PlainText {
		return protocol.String(text)
	}
	return &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: text}
}
