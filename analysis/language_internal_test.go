package analysis

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMarkerCounts checks the one-pass marker search of sniffConfig
// against a search for each marker on its own, over every file of the
// test data and over texts made of markers: at the start, at the end, cut
// short, repeated and run together.
func TestMarkerCounts(t *testing.T) {
	bySearch := func(text []byte) (counts [len(configMarkers)]int) {
		for s, c := range configMarkers {
			for _, m := range c.markers {
				if bytes.Contains(text, []byte(m)) {
					counts[s]++
				}
			}
		}
		return counts
	}
	texts := []string{"", "s", "server {", "server {server_name listen ", "listen", "root root root ", "ServerName x\nErrorLog y\nCustomLog",
		"frontend a\nbackend b\ndefaults", "reverse_proxy :8080\nfile_server\nredir /a /b", "mode httpmode http balance "}
	for _, c := range configMarkers {
		all := strings.Join(c.markers, " ")
		texts = append(texts, strings.Join(c.markers, ""), all[1:], all[:len(all)-1])
	}
	check := func(name string, text []byte) {
		if got, want := markerCounts(text), bySearch(text); got != want {
			t.Errorf("%s: markerCounts = %v, want %v", name, got, want)
		}
	}
	for _, text := range texts {
		check(strings.ReplaceAll(text, "\n", `\n`), []byte(text))
	}
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(p)
		if err == nil {
			check(p, text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
