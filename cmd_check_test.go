package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/statusls/statusls/analysis/walk/walktest"

	"github.com/aymanbagabas/go-udiff"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the @ sections of testdata/check/*.txtar")

// projectFile is the test tree: its files, and its expected outputs in
// sections named @format.
const projectFile = "testdata/check/project.txtar"

// sarifSchema is where .ci/run installs the SARIF 2.1.0 schema, from the
// npm package @microsoft/jest-sarif; it is not ours to commit. The path is
// made absolute before any test changes directory.
var sarifSchema, _ = filepath.Abs(".ci/cache/npm/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json")

// project writes the files of the test tree (those not named @...) into a
// new directory, makes it the working directory, as CI runs "statusls
// check" from the root of a checkout, and returns the archive.
func project(t *testing.T) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(projectFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "@") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A binary file and a file over the size limit, which check skips and
	// counts; neither fits in a text archive.
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR w.WriteHeader(532)"), 0o644)
	os.WriteFile(filepath.Join(dir, "api", "dump.json"), []byte(`{"status": 4040, "pad": "`+strings.Repeat("x", 5<<20)+`"}`), 0o644)
	t.Chdir(dir)
	return ar
}

// golden compares got with the archive's section name; with -update it
// rewrites the section instead.
func golden(t *testing.T, ar *txtar.Archive, name, got string) {
	t.Helper()
	for i, f := range ar.Files {
		if f.Name != name {
			continue
		}
		if *update {
			ar.Files[i].Data = []byte(got)
			if err := os.WriteFile(filepath.Join(testRoot, projectFile), txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if string(f.Data) != got {
			t.Errorf("%s differs; got:\n%s\nwant:\n%s", name, got, f.Data)
		}
		return
	}
	t.Fatalf("%s has no section %s", projectFile, name)
}

// testRoot is the package directory, where testdata lives, whatever
// directory a test has changed to.
var testRoot, _ = os.Getwd()

// Each format reports the same findings: text and GitHub annotations are
// compared with their goldens, JSON and SARIF are decoded back to the text
// lines, and SARIF is validated against the SARIF 2.1.0 schema. The error
// (4040) makes every run exit with 1.
func TestCheckFormats(t *testing.T) {
	ar := project(t)
	text := checkOut(t, 1, "check", "--format", "text")
	golden(t, ar, "@text", text)
	golden(t, ar, "@github", checkOut(t, 1, "check", "--format", "github", "."))
	findings := strings.Split(strings.TrimSpace(text), "\n")
	findings = findings[:len(findings)-1] // the summary line

	var doc struct {
		Findings []struct {
			Path, Rule, Severity, Message, Fingerprint string
			Line, Column                               int
		}
		Summary struct {
			Checked, Findings int
			Binary            int `json:"skipped_binary"`
			TooLarge          int `json:"skipped_too_large"`
		}
	}
	out := checkOut(t, 1, "check", "--format", "json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s %s %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message))
	}
	if !slices.Equal(got, findings) || doc.Summary.Findings != len(findings) || doc.Summary.Binary != 1 || doc.Summary.TooLarge != 1 {
		t.Errorf("json findings:\n%s\nsummary %+v\nwant the text findings:\n%s\nand 1 binary, 1 too large", strings.Join(got, "\n"), doc.Summary, strings.Join(findings, "\n"))
	}

	t.Run("sarif", func(t *testing.T) {
		out := checkOut(t, 1, "check", "--format", "sarif")
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct{ ID, HelpURI string }
					}
				}
				Results []struct {
					RuleID, Level string
					Message       struct{ Text string }
					Locations     []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string }
							Region           struct{ StartLine, StartColumn, EndColumn int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatalf("sarif: %v\n%s", err, out)
		}
		var got []string
		for _, r := range log.Runs[0].Results {
			l := r.Locations[0].PhysicalLocation
			got = append(got, fmt.Sprintf("%s:%d:%d-%d: %s %s %s", l.ArtifactLocation.URI, l.Region.StartLine, l.Region.StartColumn, l.Region.EndColumn, r.Level, r.RuleID, r.Message.Text))
		}
		// SARIF counts columns in UTF-16 code units: the emoji before 532
		// is two units but four bytes, so that finding starts two columns
		// before the text format's.
		want := []string{
			".htaccess:1:15-18: error SL201 Apache refuses to start: ErrorDocument takes a code Apache knows, not 432 (Unsupported HTTP response code 432)",
			"api/openapi.yaml:7:10-13: warning SL001 299 is not a registered HTTP status code; clients treat it as 200 OK (RFC 9110, section 15)",
			"deploy/nginx.conf:4:29-32: error SL001 532 is not a registered HTTP status code; clients treat it as 500 Internal Server Error (RFC 9110, section 15)",
			"main.go:10:37-40: warning SL001 532 is not a registered HTTP status code; clients treat it as 500 Internal Server Error (RFC 9110, section 15)",
			"main.go:14:16-20: error SL001 4040 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)",
		}
		if !slices.Equal(got, want) {
			t.Errorf("sarif results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if rs := log.Runs[0].Tool.Driver.Rules; len(rs) == 0 || rs[0].ID != "SL001" || rs[0].HelpURI == "" {
			t.Errorf("sarif rules lack SL001 and its help URI: %+v", rs)
		}
		validateSARIF(t, out)
	})
}

// validateSARIF validates a log against the official SARIF 2.1.0 schema,
// which CI installs; locally the check is skipped when it is absent.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	f, err := os.Open(sarifSchema)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the SARIF schema is missing (%v); .ci/run installs it", err)
		}
		t.Skipf("SARIF schema validation skipped: %v; run .ci/run, or npm install --prefix .ci/cache/npm @microsoft/jest-sarif@1.0.0-beta.0", err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-2.1.0.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the SARIF log is not valid SARIF 2.1.0: %v", err)
	}
}

// checkOut runs the command line and returns its stdout, failing unless it
// exits with want.
func checkOut(t *testing.T, want int, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, args...)
	if code != want {
		t.Fatalf("%v: exit %d, want %d; stderr:\n%s\nstdout:\n%s", args, code, want, errOut, out)
	}
	return out
}

// --diff prints what --fix writes, and touches nothing; --fix then writes
// exactly that, atomically, keeping each file's mode and leaving the files
// without fixes as they were. Fixing goes on until no fix is left (532
// becomes 500, which then becomes its named constant), so that afterwards
// only the finding without a fix remains and --diff has nothing to show.
func TestCheckFixRoundTrip(t *testing.T) {
	ar := project(t)
	if err := os.Chmod("main.go", 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	before := map[string][]byte{}
	for _, p := range []string{".htaccess", "api/openapi.yaml", "deploy/nginx.conf", "main.go", "dist/bundle.js"} {
		before[p], _ = os.ReadFile(p)
		os.Chtimes(p, old, old)
	}
	diff := checkOut(t, 1, "check", "--diff")
	golden(t, ar, "@diff", diff)
	for p, data := range before {
		if now, _ := os.ReadFile(p); !bytes.Equal(now, data) {
			t.Errorf("--diff changed %s", p)
		}
	}

	out := checkOut(t, 1, "check", "--fix")
	if want := ".htaccess:1:15: error SL201 Apache refuses to start: ErrorDocument takes a code Apache knows, not 432 (Unsupported HTTP response code 432)\n" +
		"main.go:14:16: error SL001 4040 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)\n" +
		"2 findings (2 errors) in 2 files; fixed 4; 6 files checked, 1 binary skipped, 1 too large skipped, 1 excluded by .statusls.toml\n"; out != want {
		t.Errorf("--fix output:\n%s\nwant:\n%s", out, want)
	}
	changed := map[string]bool{}
	for _, part := range splitDiff(diff) {
		name := strings.TrimPrefix(strings.SplitN(part, "\n", 2)[0], "--- a/")
		changed[name] = true
		after, _ := os.ReadFile(name)
		if got := udiff.Unified("a/"+name, "b/"+name, string(before[name]), string(after)); got != part {
			t.Errorf("--fix changed %s as:\n%s\nwant what --diff showed:\n%s", name, got, part)
		}
	}
	for p := range before {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if touched := info.ModTime().After(old.Add(time.Minute)); touched != changed[p] {
			t.Errorf("%s: modified %v, want %v", p, touched, changed[p])
		}
	}
	if info, _ := os.Stat("main.go"); info.Mode().Perm() != 0o600 {
		t.Errorf("main.go mode %v after --fix, want -rw-------", info.Mode().Perm())
	}
	if leftovers, _ := filepath.Glob(".*.statusls-*"); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}
	if diff := checkOut(t, 1, "check", "--diff"); diff != "" {
		t.Errorf("--diff after --fix is not empty:\n%s", diff)
	}
}

// splitDiff splits a unified diff of several files into one per file.
func splitDiff(diff string) []string {
	var out []string
	for _, part := range strings.Split(diff, "--- a/") {
		if part != "" {
			out = append(out, "--- a/"+part)
		}
	}
	return out
}

// A baseline written today hides today's findings tomorrow, even after lines
// moved above them and from another working directory; a finding on an
// edited line, a new one, or a second copy of a baselined line is new.
func TestCheckBaseline(t *testing.T) {
	project(t)
	_, errOut, code := runCLI(t, "check", "--write-baseline", "statusls-baseline.json")
	if code != 0 || !strings.Contains(errOut, "wrote 5 findings to statusls-baseline.json") {
		t.Fatalf("--write-baseline: exit %d, stderr %q", code, errOut)
	}
	var file struct {
		Version  int
		Findings []struct{ Rule, Path, Line string }
	}
	data, _ := os.ReadFile("statusls-baseline.json")
	if err := json.Unmarshal(data, &file); err != nil || file.Version != 1 || len(file.Findings) != 5 || file.Findings[0].Path != ".htaccess" {
		t.Fatalf("baseline file: %v\n%s", err, data)
	}
	if out := checkOut(t, 0, "check", "--baseline", "statusls-baseline.json"); !strings.HasPrefix(out, "no findings; 5 in the baseline;") {
		t.Errorf("with the baseline: %q", out)
	}

	src, _ := os.ReadFile("main.go")
	edited := strings.Replace(string(src), "package main\n", "// Package main serves orders.\n//\n// It moved.\npackage main\n", 1)
	edited = strings.Replace(edited, "\tw.WriteHeader(4040)\n", "\tw.WriteHeader(4040)\n\tw.WriteHeader(4041)\n", 1)
	edited = strings.Replace(edited, "\tfmt.Fprint(w, \"🙂\"); w.WriteHeader(532)\n", "\tfmt.Fprint(w, \"🙂\"); w.WriteHeader(532)\n\tfmt.Fprint(w, \"🙂\"); w.WriteHeader(532)\n", 1)
	os.WriteFile("main.go", []byte(edited), 0o644)
	os.WriteFile("api/openapi.yaml", []byte(strings.Replace(mustRead(t, "api/openapi.yaml"), "'299':", "'298':", 1)), 0o644)
	// Seven files now: the baseline is checked too.
	want := "api/openapi.yaml:7:10: warning SL001 298 is not a registered HTTP status code; clients treat it as 200 OK (RFC 9110, section 15)\n" +
		"main.go:14:39: warning SL001 532 is not a registered HTTP status code; clients treat it as 500 Internal Server Error (RFC 9110, section 15)\n" +
		"main.go:19:16: error SL001 4041 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)\n" +
		"3 findings (1 error, 2 warnings) in 2 files; 2 fixable with --fix; 4 in the baseline; 7 files checked, 1 binary skipped, 1 too large skipped, 1 excluded by .statusls.toml\n"
	if out := checkOut(t, 1, "check", "--baseline", "statusls-baseline.json"); out != want {
		t.Errorf("after edits:\n%s\nwant:\n%s", out, want)
	}

	t.Chdir("api")
	if out := checkOut(t, 0, "check", "--baseline", "../statusls-baseline.json", "--fail-on", "error", "../deploy", "../.htaccess"); !strings.HasPrefix(out, "no findings; 2 in the baseline;") {
		t.Errorf("from another directory: %q", out)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O
// errors, each with one clear line on stderr.
func TestCheckExitCodes(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		"clean/main.go": "package main\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }\n",
		"warn/main.go":  "package main\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(532) }\n",
		"error/main.go": "package main\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
		"notes.json":    `{"not": "a baseline"`,
	})
	t.Chdir(root)
	tests := []struct {
		args    []string
		code    int
		wantOut string // a line of stdout
		wantErr string // a line of stderr
	}{
		{[]string{"clean"}, 0, "no findings; 1 file checked", ""},
		{[]string{"warn"}, 0, "1 finding (1 warning) in 1 file; 1 fixable with --fix; 1 file checked", ""},
		{[]string{"warn", "--fail-on", "warning"}, 1, "warn/main.go:3:47: warning SL001 532", ""},
		{[]string{"error"}, 1, "error/main.go:3:47: error SL001 4040", ""},
		{[]string{"error", "--fail-on", "none"}, 0, "error/main.go:3:47: error SL001 4040", ""},
		{[]string{"missing", "error"}, 2, "error/main.go:3:47: error SL001 4040", "statusls check: stat missing: no such file or directory"},
		{[]string{"--format", "xml"}, 2, "", `statusls check: unknown format "xml": want text, json, sarif, github`},
		{[]string{"--fail-on", "fatal"}, 2, "", `statusls check: unknown severity "fatal": want error, warning, info or hint`},
		{[]string{"--fix", "--diff"}, 2, "", "statusls check: --fix and --diff exclude each other: --diff shows what --fix would write"},
		{[]string{"--baseline", "none.json"}, 2, "", "statusls check: open none.json: no such file or directory"},
		{[]string{"--baseline", "notes.json"}, 2, "", "statusls check: notes.json: not a statusls baseline: unexpected end of JSON input"},
		{[]string{"--color", "sometimes"}, 2, "", `statusls check: --color: want auto, always or never, got "sometimes"`},
		{[]string{"error", "--lang", "vi-VN"}, 1, "error/main.go:3:47: error SL001 4040 không phải mã trạng thái HTTP: mã trạng thái gồm ba chữ số từ 100 đến 599 (RFC 9110, mục 15)", ""},
		{[]string{"--lang", "fr"}, 2, "", `statusls check: --lang: unsupported locale "fr" (supported: en, vi)`},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, append([]string{"check"}, tt.args...)...)
		if code != tt.code || !hasLine(out, tt.wantOut) || !hasLine(errOut, tt.wantErr) {
			t.Errorf("check %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s\nwant lines %q and %q", tt.args, code, tt.code, out, errOut, tt.wantOut, tt.wantErr)
		}
	}
}

// hasLine reports whether text has a line starting with prefix; an empty
// prefix asks for empty text.
func hasLine(text, prefix string) bool {
	if prefix == "" {
		return text == ""
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// A .statusls.toml that cannot be parsed is one error, however many files
// and directories lie under it, and those files are not checked with settings it did not
// mean; the rest of the tree is.
func TestCheckBrokenConfig(t *testing.T) {
	root := walktest.Tree(t, map[string]string{
		"svc/.statusls.toml": "[rules]\nSL001 = \"loud\"\n",
		"svc/a.go":           "package a\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
		"svc/b.go":           "package b\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
		"svc/sub/d.go":       "package d\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
		"web/c.go":           "package c\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n",
	})
	t.Chdir(root)
	out, errOut, code := runCLI(t, "check")
	wantErr := "statusls check: " + filepath.Join(root, "svc", ".statusls.toml") + `: rules.SL001 = "loud": want off, error, warning, info or hint` + "\n"
	wantOut := "web/c.go:3:47: error SL001 4040 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)\n" +
		"1 finding (1 error) in 1 file; 1 file checked, 4 excluded by .statusls.toml\n"
	if code != 2 || errOut != wantErr || out != wantOut {
		t.Errorf("exit %d, want 2\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, out, wantOut, errOut, wantErr)
	}
}

// A broken symbolic link inside a tree is not followed, like every link,
// and is no error; one named on the command line is.
func TestCheckBrokenSymlink(t *testing.T) {
	root := walktest.Tree(t, map[string]string{"main.go": "package main\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(4040) }\n"})
	t.Chdir(root)
	if err := os.Symlink("generated/openapi.yaml", "openapi.yaml"); err != nil {
		t.Fatal(err)
	}
	if out := checkOut(t, 1, "check"); !strings.HasPrefix(out, "main.go:3:47: error SL001") {
		t.Errorf("broken link in the tree: %q", out)
	}
	out, errOut, code := runCLI(t, "check", "openapi.yaml", "main.go")
	if code != 2 || !strings.Contains(errOut, "statusls check: stat openapi.yaml: no such file or directory\n") || !strings.HasPrefix(out, "main.go:3:47: error SL001") {
		t.Errorf("broken link named: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// A diff of a file named by an absolute path outside the working
// directory names it without the leading slash, as patch -p1 reads it
// from the root, not a//tmp/...
func TestCheckDiffAbsolutePath(t *testing.T) {
	root := walktest.Tree(t, map[string]string{"app.go": "package app\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(404) }\n"})
	file := filepath.Join(root, "app.go")
	diff := checkOut(t, 0, "check", "--diff", file)
	name := strings.TrimPrefix(filepath.ToSlash(file), "/")
	if !strings.Contains(diff, "--- a/"+name+"\n+++ b/"+name+"\n") || strings.Contains(diff, "a//") {
		t.Errorf("diff of %s:\n%s", file, diff)
	}
}
