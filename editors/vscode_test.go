package editors

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestVSCode packages the extension for this platform with the server built
// from this checkout, installs it into code-server (VS Code 1.100 served to
// a browser), and drives Chromium over it: hover and diagnostics in an nginx
// config and a Go file, a quick fix, and the Explain command
// (editors/vscode/test/e2e/run.mjs). STATUSLS_SCREENSHOT names where to keep
// the screenshot of the hover, which the extension's README shows.
func TestVSCode(t *testing.T) {
	node := need(t, "node", "apt-get install nodejs npm")
	chromium := need(t, "chromium", "apt-get install chromium")
	need(t, "npx", "apt-get install npm")
	ext, err := filepath.Abs("vscode")
	if err != nil {
		t.Fatal(err)
	}
	entry := os.Getenv("CODE_SERVER")
	if entry == "" {
		entry = filepath.Join(ext, "test", ".code-server", "node_modules", "code-server", "out", "node", "entry.js")
	}
	needFile(t, entry, "editors/vscode/test/install-code-server.sh")
	needFile(t, filepath.Join(ext, "node_modules", "playwright-core", "package.json"), "cd editors/vscode && npm ci")

	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	if runtime.GOOS != "linux" || arch == "" {
		t.Skipf("the end-to-end test runs on linux/amd64 and linux/arm64, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	target := "linux-" + arch
	dist := t.TempDir()
	pkg := isolatedEnv(t, "DIST="+dist)
	runScript(t, pkg, "bash", filepath.Join(ext, "scripts", "package.sh"), target)

	dir := workspace(t, "nginx.conf", "main.go")
	shot := os.Getenv("STATUSLS_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "hover.png")
	}
	env := isolatedEnv(t,
		"CODE_SERVER="+entry,
		"VSIX="+filepath.Join(dist, "statusls-"+target+".vsix"),
		"WORKSPACE="+dir,
		"STATE="+t.TempDir(),
		"SCREENSHOT="+shot,
		"CHROMIUM="+chromium,
	)
	runEditor(t, env, node, filepath.Join(ext, "test", "e2e", "run.mjs"))
	if _, err := os.Stat(shot); err != nil {
		t.Errorf("no screenshot: %v", err)
	}
}
