// Package catalog is statusls's knowledge of HTTP status codes: every code in
// the IANA HTTP Status Code Registry and the vendor codes people meet in logs,
// with prose in every supported locale, the named constants each ecosystem
// defines for them, and comparisons between codes.
//
// It sits at the bottom of the data flow (client → server → analysis →
// catalog): it knows nothing of LSP, of source files or of how codes are found,
// and it imports only the standard library.
//
// The data lives in human-editable XML files under data/ (one file per code,
// per ecosystem, per curated comparison, per locale), embedded with go:embed
// and parsed once, on first use. XML is used because it is the standard
// library's only format with comfortable multi-line text; the loader strips
// the common indentation from every text block, so the files can be indented
// naturally. Tests validate the whole data set: every code has every field in
// every locale, references are well formed, constants are unique within an
// ecosystem and comparisons exist for the pairs people confuse most.
package catalog
