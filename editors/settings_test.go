package editors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/server"
)

// clientOnly are the VS Code settings that the extension reads itself and
// the server never sees in use: where the binary is, per-rule severities
// (applied in the client's middleware) and tracing.
var clientOnly = []string{"path", "ruleSeverity", "trace.server"}

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
					Type string `json:"type"`
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
		if !slices.Contains(clientOnly, name) {
			contributed[name] = p.Type
		}
	}
	served := map[string]string{}
	jsonKeys(reflect.TypeFor[server.Config](), "", served)
	if !reflect.DeepEqual(contributed, served) {
		t.Errorf("VS Code settings (name → JSON type) differ from server.Config's fields:\n package.json: %v\n server:       %v", contributed, served)
	}
}

// jsonKeys lists the dotted JSON names of a settings struct's leaves, with
// their JSON Schema types.
func jsonKeys(typ reflect.Type, prefix string, out map[string]string) {
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.Struct:
			jsonKeys(f.Type, prefix+name+".", out)
		case reflect.Bool:
			out[prefix+name] = "boolean"
		case reflect.String:
			out[prefix+name] = "string"
		case reflect.Int, reflect.Int32, reflect.Int64, reflect.Float64:
			out[prefix+name] = "number"
		default:
			out[prefix+name] = f.Type.Kind().String()
		}
	}
}
