//go:build unix

package walk

import (
	"os"
	"syscall"
)

// openFile opens a file for reading on its raw descriptor. os.Open makes
// every descriptor it opens non-blocking and offers it to the runtime's
// network poller, which for a regular file fails and is undone, and
// os.NewFile asks the descriptor's flags again: system calls that, on a
// tree of small files, cost as much as reading them. A regular file is read
// blocking anyway, so statusls reads it with read(2) itself.
func openFile(path string) (file, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return rawFile{fd: fd, path: path}, nil
}

// rawFile is an open descriptor (see openFile).
type rawFile struct {
	fd   int
	path string
}

func (f rawFile) size() (size int64, regular bool, err error) {
	var st syscall.Stat_t
	for {
		err = syscall.Fstat(f.fd, &st)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return 0, false, &os.PathError{Op: "stat", Path: f.path, Err: err}
	}
	return st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG, nil
}

func (f rawFile) read(b []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &os.PathError{Op: "read", Path: f.path, Err: err}
		}
		return n, nil
	}
}

func (f rawFile) close() error { return syscall.Close(f.fd) }
