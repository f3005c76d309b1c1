package check

import (
	"path/filepath"
	"sync"

	"github.com/statusls/statusls/analysis/config"
)

// configs finds the .statusls.toml of each directory once, for all
// workers: a tree has far fewer directories than files, and each lookup
// walks up to the root.
type configs struct {
	mu    sync.Mutex
	byDir map[string]*configEntry
}

type configEntry struct {
	once sync.Once
	cfg  *config.Config
	err  error
	// told is set once the error has been reported, so that a broken file
	// is one error, not one per file under it.
	told bool
}

// forFile returns the configuration that applies to path (nil when there
// is none, which means defaults). broken says the configuration cannot be
// read or parsed, and err says why, the first time only.
func (cs *configs) forFile(path string) (cfg *config.Config, broken bool, err error) {
	dir := filepath.Dir(path)
	cs.mu.Lock()
	if cs.byDir == nil {
		cs.byDir = map[string]*configEntry{}
	}
	e, ok := cs.byDir[dir]
	if !ok {
		e = &configEntry{}
		cs.byDir[dir] = e
	}
	cs.mu.Unlock()
	e.once.Do(func() { _, e.cfg, e.err = config.Find(dir) })
	if e.err == nil {
		return e.cfg, false, nil
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if e.told {
		return nil, true, nil
	}
	e.told = true
	return nil, true, e.err
}
