// Package server is statusls's language server: it speaks LSP over
// go.lsp.dev/jsonrpc2 and turns what analysis and the catalogue know into
// hovers, diagnostics, quick fixes, inlay hints, completions and commands.
//
// It is the only package that imports go.lsp.dev/*, and it holds no
// knowledge of status codes: each feature file (hover.go, diagnostics.go,
// code_action.go, ...) is a thin adapter that takes the document snapshot,
// asks analysis and the catalogue, and converts byte offsets to the client's
// positions through the one mapper in server/position.
//
// Concurrency: requests run concurrently (each is released from the read
// loop as it arrives), while notifications run in wire order on the read
// loop, so that didOpen/didChange are applied in the order the editor sent
// them and a request sees every change sent before it. Documents are
// immutable snapshots, one per version, whose analysis is computed once, on
// first use, and shared by every request that reads that version.
package server
