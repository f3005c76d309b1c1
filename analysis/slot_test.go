package analysis_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis"
)

// TestSlotAt reads testdata/slots/cases.txt: the cursor is at "‸".
func TestSlotAt(t *testing.T) {
	data, err := os.ReadFile("testdata/slots/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("cases.txt:%d: want 3 tab-separated fields", i+1)
		}
		text := strings.ReplaceAll(f[2], `\n`, "\n")
		cursor := strings.Index(text, "‸")
		text = strings.Replace(text, "‸", "", 1)
		sl, ok := fixture.SlotAt(analysis.Language(f[0]), []byte(text), cursor)
		switch {
		case f[1] == "none" && ok:
			t.Errorf("cases.txt:%d: got slot %v (%s), want none", i+1, sl.Role, sl.Context)
		case f[1] != "none" && !ok:
			t.Errorf("cases.txt:%d: no slot, want %s", i+1, f[1])
		case ok && sl.Role.String() != f[1]:
			t.Errorf("cases.txt:%d: role %s (%s), want %s", i+1, sl.Role, sl.Context, f[1])
		case ok && !strings.HasPrefix(text[sl.Start:cursor], text[sl.Start:sl.End]):
			t.Errorf("cases.txt:%d: typed span %d-%d is wrong", i+1, sl.Start, sl.End)
		}
	}
}

// A slot offers the ecosystems of the file's language, imported ones first.
func TestSlotEcosystems(t *testing.T) {
	src := "from rest_framework import status\nfrom rest_framework.response import Response\nResponse(status=)\n"
	sl, ok := fixture.SlotAt(analysis.Python, []byte(src), strings.Index(src, "status=)")+len("status="))
	if !ok {
		t.Fatal("no slot after status=")
	}
	if len(sl.Ecosystems) == 0 || sl.Ecosystems[0] != "drf" || !slices.Contains(sl.Ecosystems, "python-httpstatus") || slices.Contains(sl.Ecosystems, "go-nethttp") {
		t.Errorf("Ecosystems = %v, want drf first, then the other Python ones", sl.Ecosystems)
	}
}
