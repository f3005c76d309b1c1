// Package check runs statusls's rules over a tree of files, as "statusls
// check" does in CI: the same rules the server publishes in the editor, so
// that a finding never appears in one place and not the other.
//
// Its place in the flow: walk (which files) → check (read, run the rules,
// locate, filter by baseline, fix) → report (text, JSON, SARIF, GitHub).
// Files stream from the walk to a pool of GOMAXPROCS+1 workers through
// bounded channels and come back in the walk's order, so that output is
// deterministic however the workers are scheduled, and memory is bounded by
// the number of files in flight, never by the size of the tree: a worker
// keeps no file content once the file's findings are located, and reuses
// its read buffer for the next file.
package check
