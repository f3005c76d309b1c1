package analysis

import "slices"

// Slot is a place where a status code is expected, as completion needs it.
type Slot struct {
	// Start and End delimit what is already typed at the cursor ("40",
	// "http.Sta"), which a completion replaces; Start == End when nothing is.
	Start, End int
	Role       Role
	Evidence   Evidence
	// Directive and Context are as in Finding.
	Directive, Context string
	// Ecosystems lists the IDs of the ecosystems whose constants fit the
	// file's language, those the file imports first.
	Ecosystems []string
}

// SlotAt reports whether the cursor at offset stands where a status code is
// expected (after "WriteHeader(", ".status(", nginx "return ", an OpenAPI
// "responses:" key...), using the embedded catalogue.
func SlotAt(lang Language, text []byte, offset int) (Slot, bool) {
	return Default().SlotAt(lang, text, offset)
}

// SlotAt reports whether the cursor at offset stands where a status code is
// expected. It replaces the partly typed word at the cursor with a probe
// number and runs the format's scanner, which tells where the probe would
// be reported and in which role; the probe ignores the slot's filter, since
// a half-typed code need not be valid yet.
func (a *Analyzer) SlotAt(lang Language, text []byte, offset int) (Slot, bool) {
	if offset < 0 || offset > len(text) {
		return Slot{}, false
	}
	start := offset
	for start > 0 && (isIdentByte(text[start-1]) || text[start-1] == '.' && start-1 > 0 && isIdentByte(text[start-2])) {
		start--
	}
	probe := "0 "
	at := start
	switch lang {
	case YAML:
		probe = "0: "
	case JSON:
		probe, at = `"0": `, start+1
	}
	buf := make([]byte, 0, len(text)+len(probe))
	buf = append(buf, text[:start]...)
	buf = append(buf, probe...)
	buf = append(buf, text[offset:]...)
	s := a.newScan(lang, buf, at)
	s.run()
	probed, h := s.probed, s.probeHit
	a.release(s)
	if !probed {
		return Slot{}, false
	}
	directive, context := h.describe()
	sl := Slot{Start: start, End: offset, Role: h.role, Evidence: h.evidence, Directive: directive, Context: context}
	is := a.newScan(lang, text, -1)
	imported := is.imported()
	a.release(is)
	langs := ecoLanguages(lang)
	for _, pass := range []bool{true, false} {
		for i, e := range a.ecos {
			if !slices.Contains(langs, e.Language) || (i < 64 && imported&(1<<uint(i)) != 0) != pass {
				continue
			}
			sl.Ecosystems = append(sl.Ecosystems, e.ID)
		}
	}
	return sl, true
}
