package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// FileName is the name Find looks for.
const FileName = ".statusls.toml"

// Level is a rule's setting: a severity, or Off.
type Level string

// The values a rule can be set to.
const (
	Off     Level = "off"
	Error   Level = "error"
	Warning Level = "warning"
	Info    Level = "info"
	Hint    Level = "hint"
)

// Constants settings say whether SL005 suggests an ecosystem's constants.
const (
	// Prefer suggests the ecosystem's constants in files of its language
	// even when the file does not import it yet (the fix adds the import).
	Prefer = "prefer"
	// Never turns the suggestions of that ecosystem off.
	Never = "off"
)

// Settings are what applies to one file: the file's [rules], [constants]
// and vendor-codes, with the matching overrides applied. The zero value
// means "nothing configured": every rule at its default.
type Settings struct {
	// Rules maps a rule ID or name, as written, to its level.
	Rules map[string]Level
	// VendorCodes, when set, says whether vendor codes count as known.
	VendorCodes *bool
	// Constants maps an ecosystem ID to Prefer or Never.
	Constants map[string]string
}

// Merge returns s with over's settings laid on top, key by key: the editor's
// settings over the file's, an override over the file's top level.
func (s Settings) Merge(over Settings) Settings {
	out := Settings{VendorCodes: s.VendorCodes, Rules: clone(s.Rules), Constants: clone(s.Constants)}
	if over.VendorCodes != nil {
		out.VendorCodes = over.VendorCodes
	}
	for k, v := range over.Rules {
		if out.Rules == nil {
			out.Rules = map[string]Level{}
		}
		out.Rules[k] = v
	}
	for k, v := range over.Constants {
		if out.Constants == nil {
			out.Constants = map[string]string{}
		}
		out.Constants[k] = v
	}
	return out
}

func clone[V any](m map[string]V) map[string]V {
	if m == nil {
		return nil
	}
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Config is one parsed .statusls.toml.
type Config struct {
	// Path is the file it was read from; Dir, its directory, is what
	// include, exclude and overrides patterns are relative to.
	Path, Dir string
	settings  Settings
	include   []gitignore.Pattern
	exclude   []gitignore.Pattern
	overrides []override
}

type override struct {
	paths    []gitignore.Pattern
	settings Settings
}

// file is the TOML shape; fields are pointers or maps so that an absent key
// is told apart from a false or empty one.
type file struct {
	VendorCodes *bool             `toml:"vendor-codes"`
	Include     []string          `toml:"include"`
	Exclude     []string          `toml:"exclude"`
	Rules       map[string]string `toml:"rules"`
	Constants   map[string]string `toml:"constants"`
	Overrides   []struct {
		Paths       []string          `toml:"paths"`
		VendorCodes *bool             `toml:"vendor-codes"`
		Rules       map[string]string `toml:"rules"`
		Constants   map[string]string `toml:"constants"`
	} `toml:"overrides"`
}

// Load reads and validates a configuration file. Errors name the file and,
// for TOML syntax errors, the line; an unknown key or a bad value is an
// error too, so that a typo is not silently ignored.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads configuration text as if it were the file at path; Load and
// editors holding an unsaved buffer use it.
func Parse(path string, data []byte) (*Config, error) {
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: unknown key %s (known: vendor-codes, include, exclude, [rules], [constants], [[overrides]])", path, strings.Join(keys, ", "))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c := &Config{Path: abs, Dir: filepath.Dir(abs)}
	var errs []error
	c.settings, err = settings(f.VendorCodes, f.Rules, f.Constants, "")
	errs = append(errs, err)
	c.include = patterns(f.Include)
	c.exclude = patterns(f.Exclude)
	for i, o := range f.Overrides {
		s, err := settings(o.VendorCodes, o.Rules, o.Constants, fmt.Sprintf("overrides[%d].", i))
		errs = append(errs, err)
		if len(o.Paths) == 0 {
			errs = append(errs, fmt.Errorf("overrides[%d] has no paths", i))
		}
		c.overrides = append(c.overrides, override{paths: patterns(o.Paths), settings: s})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

var levels = []Level{Off, Error, Warning, Info, Hint}

func settings(vendor *bool, rules, constants map[string]string, where string) (Settings, error) {
	s := Settings{VendorCodes: vendor}
	var errs []error
	for k, v := range rules {
		l := Level(strings.ToLower(v))
		if l == "information" {
			l = Info
		}
		if !slices.Contains(levels, l) {
			errs = append(errs, fmt.Errorf("%srules.%s = %q: want off, error, warning, info or hint", where, k, v))
			continue
		}
		if s.Rules == nil {
			s.Rules = map[string]Level{}
		}
		s.Rules[k] = l
	}
	for k, v := range constants {
		if v != Prefer && v != Never {
			errs = append(errs, fmt.Errorf("%sconstants.%s = %q: want %q or %q", where, k, v, Prefer, Never))
			continue
		}
		if s.Constants == nil {
			s.Constants = map[string]string{}
		}
		s.Constants[k] = v
	}
	return s, errors.Join(errs...)
}

func patterns(ps []string) []gitignore.Pattern {
	out := make([]gitignore.Pattern, 0, len(ps))
	for _, p := range ps {
		out = append(out, gitignore.ParsePattern(p, nil))
	}
	return out
}

// Find walks up from startDir to the nearest directory holding FileName and
// loads it. It returns "" and a nil Config when there is none, which means
// defaults; an error means a file exists but cannot be read or parsed.
func Find(startDir string) (string, *Config, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", nil, err
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			c, err := Load(p)
			return p, c, err
		} else if !errors.Is(err, fs.ErrNotExist) {
			return p, nil, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, nil
		}
		dir = parent
	}
}

// rel splits path into its components relative to the config's directory,
// or returns false for a path outside it.
func (c *Config) rel(path string) ([]string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, false
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return nil, false
	}
	return strings.Split(filepath.ToSlash(r), "/"), true
}

func matchAny(ps []gitignore.Pattern, parts []string) bool {
	for _, p := range ps {
		if p.Match(parts, false) == gitignore.Exclude {
			return true
		}
	}
	return false
}

// Includes reports whether a file is checked: it lies under the config's
// directory, matches an include pattern (when there are any) and no exclude
// pattern. A nil Config includes everything.
func (c *Config) Includes(path string) bool {
	if c == nil {
		return true
	}
	parts, ok := c.rel(path)
	if !ok {
		return false
	}
	if len(c.include) > 0 && !matchAny(c.include, parts) {
		return false
	}
	return !matchAny(c.exclude, parts)
}

// ForFile returns the settings for a file: the top level, then every
// override whose paths match it, in file order. A nil Config has none.
func (c *Config) ForFile(path string) Settings {
	if c == nil {
		return Settings{}
	}
	s := c.settings
	if parts, ok := c.rel(path); ok {
		for _, o := range c.overrides {
			if matchAny(o.paths, parts) {
				s = s.Merge(o.settings)
			}
		}
	}
	return s
}

// Sections returns the settings of the top level and of each override, in
// file order, for checks of the file itself, such as a rule name with a
// typo in any of them. A nil Config has none.
func (c *Config) Sections() []Settings {
	if c == nil {
		return nil
	}
	out := []Settings{c.settings}
	for _, o := range c.overrides {
		out = append(out, o.settings)
	}
	return out
}
