//go:build !unix

package server

import "os"

// processAlive reports whether the process exists. On Windows FindProcess
// opens a handle, which fails once the process is gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
