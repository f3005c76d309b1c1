package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/walk/walktest"
)

func TestScanJSONLines(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		".gitignore": "dist/\n",
		".htaccess":  "ErrorDocument 404 /404.html\n",
		"main.go": "package main\n\nimport \"net/http\"\n\n// h answers 502 when the upstream is down.\n" +
			"func h(w http.ResponseWriter) {\n\tw.WriteHeader(503) // listen on :8080\n}\n",
		"deploy/nginx.conf.tmpl": "server {\n    listen 8080;\n    return 301 https://$host$request_uri;\n}\n",
		"api/openapi.yaml":       "paths:\n  /x:\n    get:\n      responses:\n        '5XX':\n          description: error\n",
		"dist/bundle.js":         "res.status(500)\n",
		"logo.png":               "\x89PNG\x00\x00 return 404;",
	})
	out, errOut, code := runCLI(t, "scan", "--format", "json", root)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		rel, _ := filepath.Rel(root, r["path"].(string))
		got = append(got, strings.Join([]string{filepath.ToSlash(rel), jsonText(r["line"]), jsonText(r["column"]),
			jsonText(r["end_line"]), jsonText(r["end_column"]), jsonText(r["code"]), r["kind"].(string),
			r["context"].(string), r["text"].(string), r["language"].(string)}, " "))
	}
	want := []string{
		".htaccess 1 15 1 18 404 number code 404 apache",
		"api/openapi.yaml 5 10 5 13 \"5xx\" class string 5XX yaml",
		"deploy/nginx.conf.tmpl 3 12 3 15 301 number code 301 nginx",
		"main.go 5 14 5 17 502 number comment 502 go",
		"main.go 7 16 7 19 503 number code 503 go",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("scan output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestScanText(t *testing.T) {
	root := walktest.Tree(t, map[string]string{"app.py": "from flask import abort\n\nabort(404)\n"})
	out, _, code := runCLI(t, "scan", filepath.Join(root, "app.py"))
	want := filepath.Join(root, "app.py") + ":3:7: 404 number in code (error): argument of abort\n"
	if code != 0 || out != want {
		t.Errorf("exit %d, output %q, want %q", code, out, want)
	}
}

// A missing path is reported, and the other paths are still scanned.
func TestScanErrors(t *testing.T) {
	root := walktest.Tree(t, map[string]string{"a.go": "package a\nfunc f() { w.WriteHeader(500) }\n"})
	out, errOut, code := runCLI(t, "scan", filepath.Join(root, "missing"), root)
	if code != 2 || !strings.Contains(errOut, "missing: no such file or directory") || !strings.Contains(out, "a.go:2:26: 500") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, args := range [][]string{{"scan"}, {"scan", "--format", "xml", "."}} {
		if _, errOut, code := runCLI(t, args...); code != 2 || !strings.Contains(errOut, "run 'statusls help'") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// A file over --max-file-size is left out and named on stderr, not
// dropped silently; a larger limit scans it.
func TestScanTooLarge(t *testing.T) {
	spec := "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n        '404':\n          description: missing\n" +
		strings.Repeat("# padding\n", 200)
	root := walktest.Tree(t, map[string]string{"openapi.yaml": spec, "small.py": "abort(404)\n"})
	big := filepath.Join(root, "openapi.yaml")
	out, errOut, code := runCLI(t, "scan", "--max-file-size", "1KB", root)
	if code != 0 || strings.Contains(out, "openapi.yaml") || !strings.Contains(out, "small.py:1:7: 404") ||
		errOut != "statusls: skipped "+big+": larger than 1KB (raise --max-file-size to scan it)\n" {
		t.Errorf("1KB: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "scan", "--max-file-size", "4KB", root)
	if code != 0 || !strings.Contains(out, big+":6:10: 404") || errOut != "" {
		t.Errorf("4KB: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, "scan", "--max-file-size", "big", root); code != 2 || !strings.Contains(errOut, "--max-file-size") {
		t.Errorf("bad size: exit %d, stderr %q", code, errOut)
	}
}
