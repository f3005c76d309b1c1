package check

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/walk"
)

// configs finds the .statusls.toml governing each directory once, for all
// workers. A directory without one is governed by its parent's, looked up
// through the same cache, so that each file is loaded, and a broken one
// reported, once. Whether a directory the walk listed holds one is in its
// listing; only a root's ancestors cost a stat each (rather than every
// directory and ancestor, as config.Find's walk to the root would).
type configs struct {
	mu sync.Mutex
	// listed holds the directories the walk listed, by their walk.Dir
	// Path; named holds others as the walk names them (a root file's
	// directory), absolute those made absolute and clean. Two spellings
	// of one directory must not share an entry, since resolving the first
	// looks up the second.
	listed, named, absolute map[string]*dirConfig
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

// forFile returns the configuration that applies to path, which the walk
// found in dir (nil for a root that is a file): nil when there is none,
// which means defaults. broken says the configuration cannot be read or
// parsed, and err says why, the first time only.
func (cs *configs) forFile(path string, dir *walk.Dir) (cfg *config.Config, broken bool, err error) {
	var f *configFile
	if dir != nil {
		f = cs.governingListed(dir)
	} else {
		f = cs.governing(filepath.Dir(path), false)
	}
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

// governingListed returns the file governing a directory the walk listed.
func (cs *configs) governingListed(dir *walk.Dir) *configFile {
	e := cs.entry(&cs.listed, dir.Path)
	e.once.Do(func() {
		switch {
		case dir.Parent != nil && !dir.Has(config.FileName):
			e.file = cs.governingListed(dir.Parent)
		default:
			// A root, or a directory with a configuration: resolved by its
			// absolute path, which names the file in messages and is the
			// entry a root file in the same directory finds too.
			e.file = cs.governing(dir.Path, false)
		}
	})
	return e.file
}

// governing returns the file governing dir; abs says dir is absolute and
// clean already (as the parents looked up for it are).
func (cs *configs) governing(dir string, abs bool) *configFile {
	m := &cs.named
	if abs {
		m = &cs.absolute
	}
	e := cs.entry(m, dir)
	e.once.Do(func() { e.file = cs.resolve(dir, abs) })
	return e.file
}

// entry returns the cache entry of dir in *m, making both as needed.
func (cs *configs) entry(m *map[string]*dirConfig, dir string) *dirConfig {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if *m == nil {
		*m = map[string]*dirConfig{}
	}
	e, ok := (*m)[dir]
	if !ok {
		e = &dirConfig{}
		(*m)[dir] = e
	}
	return e
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
