package server

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/server/position"
)

// fixAllKind is the source action that applies every fix statusls is sure
// of, for editors' "fix all on save".
const fixAllKind protocol.CodeActionKind = protocol.CodeActionKindSourceFixAll + ".statusls"

// CodeAction offers the fixes of statusls diagnostics, found through the
// key in their data (see diagnosticData), as quick fixes, and, when asked for source actions, one action applying the
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
			rule, _ := diag.Code.(protocol.String)
			if src, _ := diag.Source.Get(); src != "statusls" || rule == "" || len(diag.Data) == 0 {
				continue
			}
			var data diagnosticData
			if err := json.Unmarshal(diag.Data, &data); err != nil || data.Version != d.Version {
				continue // not ours, or computed for another text
			}
			if rd, ok := s.fixesOf(d, diag, string(rule), data); ok {
				for _, f := range rd.Fixes {
					edits, ok := s.textEdits(d, f.Edits)
					if !ok {
						continue
					}
					out = append(out, &protocol.CodeAction{
						Title:       f.Title,
						Kind:        ptr(protocol.CodeActionKindQuickFix),
						Diagnostics: []protocol.Diagnostic{diag},
						IsPreferred: ptr(f.Preferred),
						Edit:        s.workspaceEdit(d, edits),
					})
				}
			}
			if a := s.ignoreAction(d, diag, string(rule)); a != nil {
				out = append(out, a)
			}
			if a := s.turnOffAction(d, diag, string(rule)); a != nil {
				out = append(out, a)
			}
		}
	}
	if len(only) > 0 && wants(only, fixAllKind) {
		if edits := s.fixAll(d); len(edits) > 0 {
			out = append(out, &protocol.CodeAction{
				Title: s.catalog().Message(s.locale(), "action.fix-all"),
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
// version, as rules.FixAll merges them (shared edits once, overlapping
// fixes left out whole).
func (s *Server) fixAll(d *Document) []protocol.TextEdit {
	edits, _ := s.textEdits(d, rules.FixAll(s.checked(d).found))
	return edits
}

// textEdits converts the byte-offset edits of a fix to the client's
// positions; ok is false, and the fix is not offered, when one of them
// lies outside the document, which would be a bug worth a log line.
func (s *Server) textEdits(d *Document, edits []rules.Edit) (out []protocol.TextEdit, ok bool) {
	enc := s.session.Load().encoding
	for _, e := range edits {
		rng, err := d.Range(e.Start, e.End, enc)
		if err != nil {
			s.log.Error("fix outside the document", "uri", d.URI, "error", err)
			return nil, false
		}
		out = append(out, protocol.TextEdit{Range: rng, NewText: e.NewText})
	}
	return out, true
}

// ignoreAction inserts "statusls:ignore RULE" above the diagnostic's line,
// in the comment syntax of the file.
func (s *Server) ignoreAction(d *Document, diag protocol.Diagnostic, rule string) *protocol.CodeAction {
	enc := s.session.Load().encoding
	start := d.Offset(diag.Range.Start, enc)
	fix, ok := rules.IgnoreFix(d.Analysis().Language, d.Text, rules.Diagnostic{Start: start, RuleID: rule}, rules.Options{Catalog: s.catalog(), Locale: s.locale()})
	if !ok {
		return nil
	}
	edits, ok := s.textEdits(d, fix.Edits)
	if !ok {
		return nil
	}
	return &protocol.CodeAction{
		Title: fix.Title, Kind: ptr(protocol.CodeActionKindQuickFix),
		Diagnostics: []protocol.Diagnostic{diag}, Edit: s.workspaceEdit(d, edits),
	}
}

// turnOffAction sets the rule to "off" in the workspace's .statusls.toml,
// by a one-line edit that keeps the file's comments and layout, or creates
// the file at the workspace root when there is none (if the client can
// create files).
func (s *Server) turnOffAction(d *Document, diag protocol.Diagnostic, ruleID string) *protocol.CodeAction {
	r, ok := rules.ByID(ruleID)
	if !ok || !d.URI.IsFile() {
		return nil
	}
	sess := s.session.Load()
	path, _ := s.configFor(d)
	if path == "" {
		path = filepath.Join(s.workspaceRoot(d), config.FileName)
	}
	text, open, exists := s.configFileText(path)
	if !exists && !sess.createFiles {
		return nil
	}
	e := config.SetRule(text, []string{r.ID, r.Name}, config.Off)
	var m *position.Mapper
	if open != nil {
		m = open.Mapper()
	} else {
		m = position.NewMapper(text)
	}
	ps, err1 := m.OffsetPosition(e.Start, sess.encoding)
	pe, err2 := m.OffsetPosition(e.End, sess.encoding)
	if err1 != nil || err2 != nil {
		return nil
	}
	edit := protocol.TextEdit{Range: protocol.Range{Start: toProtocol(ps), End: toProtocol(pe)}, NewText: e.NewText}
	u := uri.File(path)
	var we *protocol.WorkspaceEdit
	switch {
	case !sess.documentChanges:
		we = &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: {edit}}}
	default:
		id := protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}}
		if open != nil {
			id.Version = &open.Version
		}
		var changes []protocol.DocumentChange
		if !exists {
			changes = append(changes, &protocol.CreateFile{Kind: "create", URI: u})
		}
		changes = append(changes, &protocol.TextDocumentEdit{TextDocument: id, Edits: []protocol.TextDocumentEditElement{&edit}})
		we = &protocol.WorkspaceEdit{DocumentChanges: changes}
	}
	return &protocol.CodeAction{
		Title: s.catalog().Message(s.locale(), "action.turn-off", "id", r.ID, "name", r.Name), Kind: ptr(protocol.CodeActionKindQuickFix),
		Diagnostics: []protocol.Diagnostic{diag}, Edit: we,
	}
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
