package server

import (
	"context"
	"encoding/json"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// fixAllKind is the source action that applies every fix statusls is sure
// of, for editors' "fix all on save".
const fixAllKind protocol.CodeActionKind = protocol.CodeActionKindSourceFixAll + ".statusls"

// CodeAction offers the fixes carried in the data of statusls diagnostics as
// quick fixes, and, when asked for source actions, one action applying the
// preferred fix of every diagnostic in the document. The edits are computed
// here and sent as WorkspaceEdits, so no editor needs code of its own.
func (s *Server) CodeAction(_ context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	out := []protocol.CommandOrCodeAction{}
	d := s.docs.get(params.TextDocument.URI)
	if d == nil {
		return out, nil
	}
	only := params.Context.Only
	if wants(only, protocol.CodeActionKindQuickFix) {
		for _, diag := range params.Context.Diagnostics {
			if src, _ := diag.Source.Get(); src != "statusls" || len(diag.Data) == 0 {
				continue
			}
			var data diagnosticData
			if err := json.Unmarshal(diag.Data, &data); err != nil || data.Version != d.Version {
				continue // not ours, or computed for another text
			}
			for i, f := range data.Fixes {
				out = append(out, &protocol.CodeAction{
					Title:       f.Title,
					Kind:        ptr(protocol.CodeActionKindQuickFix),
					Diagnostics: []protocol.Diagnostic{diag},
					IsPreferred: ptr(i == 0),
					Edit:        s.workspaceEdit(d, f.Edits),
				})
			}
		}
	}
	if len(only) > 0 && wants(only, fixAllKind) {
		if edits := s.fixAll(d); len(edits) > 0 {
			out = append(out, &protocol.CodeAction{
				Title: "Fix all statusls problems",
				Kind:  ptr(fixAllKind),
				Edit:  s.workspaceEdit(d, edits),
			})
		}
	}
	return out, nil
}

// wants reports whether a kind is requested: with no filter every kind is,
// and a filter entry selects its whole hierarchy ("source" selects
// "source.fixAll.statusls").
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// fixAll collects the preferred fix of every diagnostic of the current
// version, skipping any that overlaps one already taken, since overlapping
// edits make a WorkspaceEdit invalid. Diagnostics come sorted by position
// and a fix's edits are in order, so one pass suffices.
func (s *Server) fixAll(d *Document) []protocol.TextEdit {
	enc := s.session.Load().encoding
	var out []protocol.TextEdit
	end := 0
	for _, diag := range s.check(d) {
		if len(diag.Fixes) == 0 || len(diag.Fixes[0].Edits) == 0 || diag.Fixes[0].Edits[0].Start < end {
			continue
		}
		for _, e := range diag.Fixes[0].Edits {
			rng, err := d.Range(e.Start, e.End, enc)
			if err != nil {
				s.log.Error("fix outside the document", "uri", d.URI, "rule", diag.RuleID, "error", err)
				continue
			}
			out = append(out, protocol.TextEdit{Range: rng, NewText: e.NewText})
			end = e.End
		}
	}
	return out
}

// workspaceEdit wraps edits to one document: as a versioned document edit
// when the client supports them, so that it refuses an edit computed for a
// text it no longer has, else as a plain change map.
func (s *Server) workspaceEdit(d *Document, edits []protocol.TextEdit) *protocol.WorkspaceEdit {
	if !s.session.Load().documentChanges {
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{d.URI: edits}}
	}
	elems := make([]protocol.TextDocumentEditElement, len(edits))
	for i := range edits {
		elems[i] = &edits[i]
	}
	version := d.Version
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{&protocol.TextDocumentEdit{
		TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
			TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: d.URI},
			Version:                &version,
		},
		Edits: elems,
	}}}
}
