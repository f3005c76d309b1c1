//go:build !unix

package walk

import (
	"io"
	"os"
)

// openFile opens a file for reading.
func openFile(path string) (file, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return osFile{f}, nil
}

// osFile is a file opened by the os package.
type osFile struct{ f *os.File }

func (f osFile) size() (int64, bool, error) {
	info, err := f.f.Stat()
	if err != nil {
		return 0, false, err
	}
	return info.Size(), info.Mode().IsRegular(), nil
}

// read returns 0 and no error at the end of the file, as read(2) does.
func (f osFile) read(b []byte) (int, error) {
	n, err := f.f.Read(b)
	if err == io.EOF {
		err = nil
	}
	return n, err
}

func (f osFile) close() error { return f.f.Close() }
