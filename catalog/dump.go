package catalog

// Dump is the whole catalogue in one value, for machine-readable export
// (`statusls catalog --format json`).
type Dump struct {
	Locales     []Locale            `json:"locales"`
	Entries     []*Entry            `json:"entries"`
	Ecosystems  []*Ecosystem        `json:"ecosystems"`
	Comparisons []CuratedComparison `json:"comparisons"`
}

// Dump returns the whole catalogue.
func (c *Catalog) Dump() Dump {
	d := Dump{Locales: c.Locales(), Entries: c.entries, Ecosystems: c.ecosystems}
	for _, k := range c.CuratedPairs() {
		cp := c.curated()[k]
		d.Comparisons = append(d.Comparisons, CuratedComparison{Codes: cp.codes, References: cp.references, Text: cp.text})
	}
	return d
}
