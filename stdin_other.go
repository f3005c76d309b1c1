//go:build !unix

package main

import "os"

// openStdin returns stdin; only Unix has the non-blocking mode that makes a
// pending read interruptible (see stdin_unix.go).
func openStdin() *os.File { return os.Stdin }
