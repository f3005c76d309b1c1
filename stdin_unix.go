//go:build unix

package main

import (
	"os"
	"syscall"
)

// openStdin returns stdin in non-blocking mode, so that the runtime's poller
// reads it and closing it interrupts a pending read: that is how the server
// ends its read loop promptly on exit. os.Stdin itself reads with blocking
// system calls, which no Close can interrupt. Editors hand the server a pipe
// of its own, so the mode change affects no one else.
func openStdin() *os.File {
	if err := syscall.SetNonblock(syscall.Stdin, true); err != nil {
		return os.Stdin
	}
	return os.NewFile(uintptr(syscall.Stdin), "/dev/stdin")
}
