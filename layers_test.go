package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The arrows point one way: catalog ← analysis ← server ← main, and only
// server speaks LSP. A package below the server that imported go.lsp.dev
// would tie the knowledge to one protocol library.
func TestOnlyServerImportsLSP(t *testing.T) {
	for _, pkg := range []string{"./catalog", "./analysis/...", "./server/position"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "go.lsp.dev/") || strings.HasPrefix(dep, "github.com/statusls/statusls/server") && !strings.HasPrefix(pkg, "./server") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
