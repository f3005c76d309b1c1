// Package analysis finds HTTP status codes in source and configuration text.
//
// It sits between the server and the catalogue (client → server → analysis →
// catalog): given a file's language and text it returns findings with byte
// offsets, and it knows nothing of LSP, positions in UTF-16 or editors.
// Whether a number is a status code depends on where it stands — the argument
// of WriteHeader, an nginx return directive, an OpenAPI response key — so each
// format has a scanner that knows its syntax, and the places that make a
// number a status code are tables that a contributor extends in one line.
//
// Source files are mostly far from any code, so the scanners of source
// code hand the engine only the declarations that could hold one, as
// regions.go explains; the triggers it looks for are derived from the same
// tables, and a test holds the findings equal to those of a whole-file scan.
package analysis
