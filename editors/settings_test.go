package editors

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/server"
)

// clientOnly are the VS Code settings that the extension reads itself and
// the server never sees in use: where the binary is, and tracing.
var clientOnly = []string{"path", "trace.server"}

// TestVSCodeSettingsMatchServer checks that every setting the extension
// contributes reaches a field of server.Config with the same JSON type, and
// that every field has a setting, so that a setting renamed on one side
// does not silently stop working.
func TestVSCodeSettingsMatchServer(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("vscode", "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Contributes struct {
			Configuration struct {
				Properties map[string]struct {
					// "boolean", or ["boolean", "null"] for a setting
					// that may be left unset.
					Type json.RawMessage `json:"type"`
				} `json:"properties"`
			} `json:"configuration"`
		} `json:"contributes"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatal(err)
	}
	contributed := map[string]string{}
	for key, p := range manifest.Contributes.Configuration.Properties {
		name, ok := strings.CutPrefix(key, "statusls.")
		if !ok {
			t.Errorf("setting %q is outside the statusls section", key)
			continue
		}
		if slices.Contains(clientOnly, name) {
			continue
		}
		var types []string
		if json.Unmarshal(p.Type, &types) != nil {
			types = []string{strings.Trim(string(p.Type), `"`)}
		}
		contributed[name] = strings.Join(types, "|")
	}
	served := map[string]string{}
	jsonKeys(reflect.TypeFor[server.Config](), "", served)
	if !reflect.DeepEqual(contributed, served) {
		t.Errorf("VS Code settings (name → JSON type) differ from server.Config's fields:\n package.json: %v\n server:       %v", contributed, served)
	}
}

// TestEditorSettingsMatchServer checks that each "statusls" setting that
// the Neovim and Sublime Text configs write out is one server.Config has,
// with its JSON type. They show the common settings, not all of them.
func TestEditorSettingsMatchServer(t *testing.T) {
	served := map[string]string{}
	jsonKeys(reflect.TypeFor[server.Config](), "", served)

	t.Run("sublime", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join("sublime", "LSP.sublime-settings"))
		if err != nil {
			t.Fatal(err)
		}
		// Sublime's JSON allows line comments; none of this file's strings
		// holds "//".
		data = regexp.MustCompile(`(?m)//.*$`).ReplaceAll(data, nil)
		var doc struct {
			Clients map[string]struct {
				Settings map[string]any `json:"settings"`
			} `json:"clients"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		compareSettings(t, doc.Clients["statusls"].Settings["statusls"], served)
	})

	t.Run("nvim", func(t *testing.T) {
		nvim := need(t, "nvim", "apt-get install neovim")
		out, err := exec.Command(nvim, "--headless", "--clean",
			"-c", `lua io.stdout:write(vim.fn.json_encode(dofile("nvim/lsp/statusls.lua").settings))`,
			"-c", "qall!").Output()
		if err != nil {
			t.Fatal(err)
		}
		var settings map[string]any
		if err := json.Unmarshal(out, &settings); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		compareSettings(t, settings["statusls"], served)
	})
}

// compareSettings flattens a decoded "statusls" section to dotted names and
// JSON types and checks each against the server's.
func compareSettings(t *testing.T, section any, served map[string]string) {
	t.Helper()
	got := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if name := strings.TrimSuffix(prefix, "."); strings.HasPrefix(served[name], "object") {
				got[name] = "object" // a map such as rules, whose keys are data
				return
			}
			for k, e := range v {
				walk(prefix+k+".", e)
			}
		case bool:
			got[strings.TrimSuffix(prefix, ".")] = "boolean"
		case string:
			got[strings.TrimSuffix(prefix, ".")] = "string"
		case float64:
			got[strings.TrimSuffix(prefix, ".")] = "number"
		default:
			got[strings.TrimSuffix(prefix, ".")] = reflect.TypeOf(v).String()
		}
	}
	walk("", section)
	if len(got) == 0 {
		t.Fatal("the config sets no statusls settings")
	}
	for name, typ := range got {
		if want, ok := served[name]; !ok || !strings.Contains("|"+want+"|", "|"+typ+"|") {
			t.Errorf("setting %s (%s): server.Config has %q", name, typ, want)
		}
	}
}

// jsonKeys lists the dotted JSON names of a settings struct's leaves, with
// their JSON Schema types: "boolean|null" for a pointer, which the server
// reads as "not set", and "object" for a map.
func jsonKeys(typ reflect.Type, prefix string, out map[string]string) {
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		typ, null := f.Type, ""
		if typ.Kind() == reflect.Pointer {
			typ, null = typ.Elem(), "|null"
		}
		switch typ.Kind() {
		case reflect.Struct:
			jsonKeys(typ, prefix+name+".", out)
		case reflect.Map:
			out[prefix+name] = "object" + null
		case reflect.Bool:
			out[prefix+name] = "boolean" + null
		case reflect.String:
			out[prefix+name] = "string" + null
		case reflect.Int, reflect.Int32, reflect.Int64, reflect.Float64:
			out[prefix+name] = "number" + null
		default:
			out[prefix+name] = typ.Kind().String()
		}
	}
}
