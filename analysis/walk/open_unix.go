//go:build unix

package walk

import (
	"os"
	"syscall"
)

// openRead opens a file for reading, as os.Open does but without offering
// it to the runtime's network poller: os.Open makes every descriptor it
// opens non-blocking and registers it, which for a regular file fails on
// Linux and is undone, five system calls of the ten that reading a small
// file costs. os.NewFile leaves the descriptor blocking, which is what a
// regular file is read as anyway.
func openRead(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}
