package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestExplainPrintsEverySection(t *testing.T) {
	tests := []struct {
		lang     string
		sections []string
	}{
		{"en", []string{"502 Bad Gateway", "Description", "When you see this code", "How to fix", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3"}},
		{"vi-VN", []string{"502 Bad Gateway", "Mô tả", "Khi bạn thấy mã này", "Cách khắc phục"}},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "explain", "502", "--lang", tt.lang)
		if code != 0 {
			t.Fatalf("explain 502 --lang %s: exit %d, stderr %q", tt.lang, code, errOut)
		}
		for _, s := range tt.sections {
			if !strings.Contains(out, s) {
				t.Errorf("explain 502 --lang %s: output lacks %q:\n%s", tt.lang, s, out)
			}
		}
	}
}

func TestExplainMarkdownAndJSON(t *testing.T) {
	out, _, code := runCLI(t, "explain", "--format", "markdown", "502")
	if code != 0 || !strings.HasPrefix(out, "# 502 Bad Gateway\n") || !strings.Contains(out, "\n## How to fix\n") {
		t.Errorf("markdown: exit %d, output:\n%s", code, out)
	}
	out, _, code = runCLI(t, "explain", "502", "--format", "json")
	var got struct {
		Code    int
		Entries []struct {
			Phrase string
			Text   map[string]struct{ Fix string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v:\n%s", code, err, out)
	}
	if got.Code != 502 || len(got.Entries) == 0 || got.Entries[0].Phrase != "Bad Gateway" || got.Entries[0].Text["vi"].Fix == "" {
		t.Errorf("json: unexpected content %+v", got)
	}
}

// Every kind of bad input is one clear line on stderr and exit code 2.
func TestCLIErrors(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"explain", "299"}, "unknown status code 299"},
		{[]string{"explain", "abc"}, `"abc" is not a status code`},
		{[]string{"explain"}, "want one status code or rule"},
		{[]string{"explain", "502", "--lang", "fr"}, `unsupported locale "fr" (supported: en, vi)`},
		{[]string{"explain", "502", "--lang", "e!"}, `invalid locale "e!"`},
		{[]string{"explain", "502", "--format", "pdf"}, `unknown format "pdf"`},
		{[]string{"explain", "502", "--colour"}, "flag provided but not defined: -colour"},
		{[]string{"compare", "502"}, "want two status codes"},
		{[]string{"compare", "502", "502"}, "want two different status codes"},
		{[]string{"compare", "502", "999"}, "unknown status code 999"},
		{[]string{"catalog", "--format", "yaml"}, `unknown format "yaml"`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.wantErr) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.wantErr)
		}
	}
}

func TestCatalogDumpsJSON(t *testing.T) {
	out, _, code := runCLI(t, "catalog", "--format", "json")
	var dump struct {
		Locales []string
		Entries []struct {
			Code      int
			Phrase    string
			Class     int
			Status    string
			Reference struct{ URL string }
			Text      map[string]struct{ Description, Seen, Fix string }
		}
	}
	if err := json.Unmarshal([]byte(out), &dump); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(dump.Entries) == 0 {
		t.Fatal("no entries")
	}
	for _, e := range dump.Entries {
		for _, loc := range dump.Locales {
			tx := e.Text[loc]
			if e.Phrase == "" || e.Class == 0 || e.Status == "" || e.Reference.URL == "" || tx.Description == "" || tx.Seen == "" || tx.Fix == "" {
				t.Errorf("entry %d in %s has an empty field: %+v", e.Code, loc, e)
			}
		}
	}
}

// "statusls rules" lists every check with its ID, and "statusls explain"
// takes a rule's ID or name as well as a code.
func TestRulesCommand(t *testing.T) {
	out, errOut, code := runCLI(t, "rules")
	if code != 0 || !strings.Contains(out, "SL102  nginx-temporary-https-redirect   warning   temporary redirect (302, 307) from http to https") {
		t.Errorf("rules: exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
	for _, arg := range []string{"SL104", "nginx-limit-without-status"} {
		out, _, code = runCLI(t, "explain", arg)
		if code != 0 || !strings.HasPrefix(out, "SL104 nginx-limit-without-status (info)\n\nlimit_req or limit_conn rejects with 503") ||
			!strings.Contains(out, "#NginxLimitWithoutStatus") {
			t.Errorf("explain %s: exit %d, output:\n%s", arg, code, out)
		}
	}
}
