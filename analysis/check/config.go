package check

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/statusls/statusls/analysis/config"
)

// configs finds the .statusls.toml governing each directory once, for all
// workers. A directory without one is governed by its parent's, looked up
// through the same cache, so a tree costs one stat per directory rather
// than one per directory and ancestor (config.Find's walk to the root),
// and each file is loaded, and a broken one reported, once.
type configs struct {
	mu sync.Mutex
	// named holds directories as the walk names them, absolute those made
	// absolute and clean; the two spellings of one directory must not
	// share an entry, since resolving the first looks up the second.
	named, absolute map[string]*dirConfig
}

// dirConfig is the configuration governing one directory, resolved once.
type dirConfig struct {
	once sync.Once
	file *configFile // nil when no file governs the directory
}

// configFile is one .statusls.toml as loaded.
type configFile struct {
	cfg *config.Config
	err error
	// told is set once the error has been reported, so that a broken file
	// is one error, not one per file under it.
	told bool
}

// forFile returns the configuration that applies to path (nil when there
// is none, which means defaults). broken says the configuration cannot be
// read or parsed, and err says why, the first time only.
func (cs *configs) forFile(path string) (cfg *config.Config, broken bool, err error) {
	f := cs.governing(filepath.Dir(path), false)
	if f == nil {
		return nil, false, nil
	}
	if f.err == nil {
		return f.cfg, false, nil
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if f.told {
		return nil, true, nil
	}
	f.told = true
	return nil, true, f.err
}

// governing returns the file governing dir; abs says dir is absolute and
// clean already (as the parents looked up for it are).
func (cs *configs) governing(dir string, abs bool) *configFile {
	cs.mu.Lock()
	if cs.named == nil {
		cs.named, cs.absolute = map[string]*dirConfig{}, map[string]*dirConfig{}
	}
	m := cs.named
	if abs {
		m = cs.absolute
	}
	e, ok := m[dir]
	if !ok {
		e = &dirConfig{}
		m[dir] = e
	}
	cs.mu.Unlock()
	e.once.Do(func() { e.file = cs.resolve(dir, abs) })
	return e.file
}

func (cs *configs) resolve(dir string, abs bool) *configFile {
	if !abs {
		a, err := filepath.Abs(dir)
		if err != nil {
			return &configFile{err: err}
		}
		return cs.governing(a, true)
	}
	p := filepath.Join(dir, config.FileName)
	if _, err := os.Stat(p); err == nil {
		cfg, err := config.Load(p)
		return &configFile{cfg: cfg, err: err}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return &configFile{err: err}
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return nil
	}
	return cs.governing(parent, true)
}
