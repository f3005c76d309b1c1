package server

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/server/position"
)

// Document is one version of an open file. It is never modified: an edit
// makes a new Document, so a request that holds one sees a consistent text,
// mapper and analysis however many edits arrive meanwhile.
type Document struct {
	// URI is kept exactly as the client sent it, since clients compare
	// URIs as strings.
	URI        uri.URI
	LanguageID string
	Version    int32
	// Text is the whole content; it must not be modified.
	Text     []byte
	Language analysis.Language
	// Binary is set for content with NUL bytes, which is not text that
	// statusls could check; such a document gets no findings.
	Binary bool
	// Analysed is how much of Text analysis sees: all of it, or the lines
	// that fit in the size limit.
	Analysed int

	mapper   func() *position.Mapper
	analysis func() analysis.Result
	// lastCheck caches the diagnostics of this version for the settings
	// they were computed under, while it is the document checked last;
	// see Server.checked.
	checkMu   sync.Mutex
	lastCheck atomic.Pointer[checked]
}

func newDocument(u uri.URI, languageID string, version int32, text []byte, limit int) *Document {
	d := &Document{URI: u, LanguageID: languageID, Version: version, Text: text}
	d.Binary = bytes.IndexByte(text[:min(len(text), 8192)], 0) >= 0
	d.Analysed = len(text)
	if len(text) > limit {
		// Cut at a line end so that no code is analysed half-read.
		d.Analysed = bytes.LastIndexByte(text[:limit], '\n') + 1
	}
	d.Language = analysis.Detect(languageID, u.Path(), text[:min(len(text), 8192)])
	d.mapper = sync.OnceValue(func() *position.Mapper { return position.NewMapper(d.Text) })
	d.analysis = sync.OnceValue(func() analysis.Result {
		if d.Binary {
			return analysis.Result{Language: d.Language}
		}
		return analysis.Analyze(d.Language, d.Text[:d.Analysed])
	})
	return d
}

// Mapper returns the position mapper of this version, built on first use.
func (d *Document) Mapper() *position.Mapper { return d.mapper() }

// Analysis returns what analysis found in this version, computed once, on
// first use, and shared by every request.
func (d *Document) Analysis() analysis.Result { return d.analysis() }

// Truncated reports whether the document is larger than what is analysed.
func (d *Document) Truncated() bool { return d.Analysed < len(d.Text) }

// Offset converts a client position to a byte offset.
func (d *Document) Offset(p protocol.Position, enc position.Encoding) int {
	return d.Mapper().PositionOffset(position.Position{Line: int(p.Line), Character: int(p.Character)}, enc)
}

// Range converts byte offsets to a client range.
func (d *Document) Range(start, end int, enc position.Encoding) (protocol.Range, error) {
	m := d.Mapper()
	s, err := m.OffsetPosition(start, enc)
	if err != nil {
		return protocol.Range{}, err
	}
	e, err := m.OffsetPosition(end, enc)
	if err != nil {
		return protocol.Range{}, err
	}
	return protocol.Range{Start: toProtocol(s), End: toProtocol(e)}, nil
}

func toProtocol(p position.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}

// withChanges applies didChange's content changes in order, each relative to
// the text the previous one produced, and returns the new version.
func (d *Document) withChanges(version int32, changes []protocol.TextDocumentContentChangeEvent, enc position.Encoding, limit int) (*Document, error) {
	text, m := d.Text, d.Mapper()
	for i, ch := range changes {
		switch ch := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = []byte(ch.Text)
		case *protocol.TextDocumentContentChangePartial:
			if m == nil {
				m = position.NewMapper(text)
			}
			start, end := m.RangeOffsets(
				position.Position{Line: int(ch.Range.Start.Line), Character: int(ch.Range.Start.Character)},
				position.Position{Line: int(ch.Range.End.Line), Character: int(ch.Range.End.Character)}, enc)
			next := make([]byte, 0, len(text)-(end-start)+len(ch.Text))
			next = append(next, text[:start]...)
			next = append(next, ch.Text...)
			text = append(next, text[end:]...)
		default:
			return nil, fmt.Errorf("content change %d has no text", i)
		}
		m = nil
	}
	return newDocument(d.URI, d.LanguageID, version, text, limit), nil
}

// store holds the latest version of each open document.
type store struct {
	mu   sync.RWMutex
	docs map[string]*Document
}

func (s *store) get(u uri.URI) *Document {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.docs[string(u)]
}

func (s *store) put(d *Document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[string(d.URI)] = d
}

func (s *store) remove(u uri.URI) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.docs, string(u))
}

func (s *store) all() []*Document {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*Document, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	return out
}
