package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/config"
)

// A monorepo: the service's own file governs files beneath it, its
// overrides apply to its tests only, and a directory without a file of its
// own inherits the nearest one above.
func TestFindForFileIncludes(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, config.FileName), `vendor-codes = true`)
	svc := filepath.Join(root, "services", "orders")
	write(t, filepath.Join(svc, config.FileName), `# orders service
vendor-codes = false
exclude = ["vendor/", "*.min.js"]

[rules]
SL005 = "off"                 # constants are a team choice
unknown-status-code = "Error"

[constants]
starlette = "prefer"

[[overrides]]
paths = ["tests/"]
rules = { SL004 = "off", SL005 = "hint" }
`)
	path, c, err := config.Find(filepath.Join(svc, "tests", "unit"))
	if err != nil || path != filepath.Join(svc, config.FileName) {
		t.Fatalf("Find = %q, %v; want the orders file", path, err)
	}
	app := c.ForFile(filepath.Join(svc, "app", "views.py"))
	if app.Rules["SL005"] != config.Off || app.Rules["unknown-status-code"] != config.Error || app.Rules["SL004"] != "" {
		t.Errorf("app rules = %v", app.Rules)
	}
	if app.VendorCodes == nil || *app.VendorCodes || app.Constants["starlette"] != config.Prefer {
		t.Errorf("app settings = %+v", app)
	}
	test := c.ForFile(filepath.Join(svc, "tests", "unit", "test_views.py"))
	if test.Rules["SL005"] != config.Hint || test.Rules["SL004"] != config.Off || test.Rules["unknown-status-code"] != config.Error {
		t.Errorf("test rules = %v; want the override over the top level", test.Rules)
	}
	for file, want := range map[string]bool{
		"app/views.py":                 true,
		"vendor/lib/client.go":         false,
		"static/app.min.js":            false,
		"static/app.js":                true,
		"../../other/service/views.py": false, // outside the file's directory
	} {
		if got := c.Includes(filepath.Join(svc, file)); got != want {
			t.Errorf("Includes(%s) = %v, want %v", file, got, want)
		}
	}

	path, c, err = config.Find(filepath.Join(root, "services", "billing"))
	if err != nil || path != filepath.Join(root, config.FileName) || c.ForFile(filepath.Join(root, "x.go")).VendorCodes == nil {
		t.Errorf("Find from billing = %q, %v; want the root file", path, err)
	}
	empty := t.TempDir()
	if path, c, err := config.Find(empty); path != "" && !strings.HasPrefix(path, root) || err != nil {
		// A TempDir may sit under a directory holding a stray config; the
		// point is that no error is made up when there is none.
		t.Errorf("Find(empty) = %q, %v, %v", path, c, err)
	}
}

// Mistakes are errors that say where and what is allowed, not silently
// ignored settings.
func TestLoadErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`[rules]
SL005 = "of"`, `rules.SL005 = "of": want off, error, warning, info or hint`},
		{`vendor_codes = false`, `unknown key vendor_codes`},
		{`[constants]
go-nethttp = "yes"`, `constants.go-nethttp = "yes": want "prefer" or "off"`},
		{`[rules
SL005 = "off"`, `toml: line 2`},
		{`[[overrides]]
rules = { SL005 = "off" }`, `overrides[0] has no paths`},
	} {
		p := filepath.Join(t.TempDir(), config.FileName)
		write(t, p, tt.text)
		_, err := config.Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("Load(%q) error = %v; want it to name the file and say %q", tt.text, err, tt.want)
		}
	}
}

// SetRule edits one line and keeps everything else byte for byte.
func TestSetRule(t *testing.T) {
	keys := []string{"SL102", "nginx-temporary-https-redirect"}
	for _, tt := range []struct{ name, in, want string }{
		{"no file yet", "", "[rules]\nSL102 = \"off\"\n"},
		{"no rules table", "# team settings\nvendor-codes = false\n",
			"# team settings\nvendor-codes = false\n\n[rules]\nSL102 = \"off\"\n"},
		{"no final newline", "vendor-codes = false",
			"vendor-codes = false\n\n[rules]\nSL102 = \"off\"\n"},
		{"change by name, keep the comment",
			"[rules]\nnginx-temporary-https-redirect = \"error\"   # we care\nSL005 = \"off\"\n",
			"[rules]\nnginx-temporary-https-redirect = \"off\"   # we care\nSL005 = \"off\"\n"},
		{"add after the last rule, before the next table",
			"[rules]\n# house style\nSL005 = \"off\"\n\n[constants]\nstarlette = \"prefer\"\n",
			"[rules]\n# house style\nSL005 = \"off\"\nSL102 = \"off\"\n\n[constants]\nstarlette = \"prefer\"\n"},
		{"empty table at the end without newline", "[rules]",
			"[rules]\nSL102 = \"off\"\n"},
		{"quoted key, other tables first",
			"[constants]\ngo-nethttp = \"off\"\n[ rules ] # mine\n\"SL102\" = 'warning'\n",
			"[constants]\ngo-nethttp = \"off\"\n[ rules ] # mine\n\"SL102\" = \"off\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := config.SetRule([]byte(tt.in), keys, config.Off)
			got := tt.in[:e.Start] + e.NewText + tt.in[e.End:]
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if _, err := config.Parse("x.toml", []byte(got)); err != nil {
				t.Errorf("the edited file does not load: %v", err)
			}
		})
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Sections lists the top level's settings and each override's, in file
// order, so that a check can see every rule key the file names.
func TestSections(t *testing.T) {
	c, err := config.Parse("svc/.statusls.toml", []byte(`[rules]
SL005 = "off"

[[overrides]]
paths = ["tests/"]
rules = { SL04 = "off" }
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Sections() {
		for k, l := range s.Rules {
			got = append(got, k+"="+string(l))
		}
	}
	if strings.Join(got, " ") != "SL005=off SL04=off" {
		t.Errorf("Sections' rules = %v, want SL005=off then SL04=off", got)
	}
	if (*config.Config)(nil).Sections() != nil {
		t.Error("a nil Config has sections")
	}
}
