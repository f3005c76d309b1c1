package editors

import (
	"path/filepath"
	"testing"
)

// TestNeovim opens an nginx config in headless Neovim with the plugin of
// editors/nvim, and checks hover, diagnostics, the quick fix and the
// :StatuslsExplain/:StatuslsCompare commands (editors/nvim/test/init.lua).
func TestNeovim(t *testing.T) {
	nvim := need(t, "nvim", "apt-get install neovim")
	dir := workspace(t, "nginx.conf")
	init, err := filepath.Abs(filepath.Join("nvim", "test", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	env := isolatedEnv(t, "STATUSLS_FILE="+filepath.Join(dir, "nginx.conf"))
	runEditor(t, env, nvim, "--headless", "--clean", "-u", init)
}
