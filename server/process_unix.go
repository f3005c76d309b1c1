//go:build unix

package server

import (
	"errors"
	"syscall"
)

// processAlive sends signal 0, which checks that a process exists without
// touching it; EPERM means it exists but belongs to someone else.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
