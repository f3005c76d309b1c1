package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/catalog"
)

// CheckFile runs the whole pipeline from a path and text: the format comes
// from the name, suppressions from the comments, levels from the settings.
func TestCheckFile(t *testing.T) {
	src := `package orders

import "net/http"

func legacy(w http.ResponseWriter) {
	w.WriteHeader(4040)
	w.WriteHeader(299) // statusls:ignore SL001 the partner's client expects it
	// statusls:ignore unknown-status-code
	w.WriteHeader(298)
}
`
	pos := func(i int) string {
		return fmt.Sprintf("%d:%d", strings.Count(src[:i], "\n")+1, i-strings.LastIndex(src[:i], "\n"))
	}
	at := func(text string) string { return pos(strings.Index(src, text)) }
	for _, tt := range []struct {
		name  string
		rules map[string]config.Level
		want  []string
	}{
		{"defaults", nil, []string{
			"SL001 error " + at("4040"),
			"SL901 warning " + at("statusls:ignore unknown"),
		}},
		{"by name, severity changed", map[string]config.Level{"unknown-status-code": config.Hint}, []string{
			"SL001 hint " + at("4040"),
			"SL901 warning " + at("statusls:ignore unknown"),
		}},
		{"rules off", map[string]config.Level{"SL001": config.Off, "SL901": config.Off}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range rules.CheckFile("internal/orders/legacy.go", []byte(src), rules.Options{Settings: config.Settings{Rules: tt.rules}}) {
				got = append(got, fmt.Sprintf("%s %s %s", d.RuleID, severity(d.Severity), pos(d.Start)))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// Messages and fix titles come from the catalogue in the requested locale;
// English is the default.
func TestCheckFileLocales(t *testing.T) {
	site := "server {\n    listen 80;\n    return 302 https://$host$request_uri;\n}\n"
	handler := "package orders\n\nfunc legacy(w http.ResponseWriter) {\n\tw.WriteHeader(4040)\n}\n"
	for _, tt := range []struct {
		locale catalog.Locale
		path   string
		src    string
		want   []string
	}{
		{"", "site.conf", site, []string{
			"SL102: return 302 redirects http to https temporarily: browsers do not remember it and search engines keep the http:// URL; the move is permanent, so use 301, or 308 to keep the method",
			"fix: Use 301 Moved Permanently",
			"fix: Use 308 Permanent Redirect (keeps the method and body)",
		}},
		{"vi", "site.conf", site, []string{
			"SL102: return 302 chuyển hướng http sang https một cách tạm thời: trình duyệt không ghi nhớ và công cụ tìm kiếm vẫn giữ URL http://; việc chuyển là vĩnh viễn, nên hãy dùng 301, hoặc 308 để giữ nguyên phương thức",
			"fix: Dùng 301 Moved Permanently",
			"fix: Dùng 308 Permanent Redirect (giữ nguyên phương thức và nội dung)",
		}},
		{"en", "legacy.go", handler, []string{
			"SL001: 4040 is not an HTTP status code: status codes are three digits from 100 to 599 (RFC 9110, section 15)",
		}},
		{"vi", "legacy.go", handler, []string{
			"SL001: 4040 không phải mã trạng thái HTTP: mã trạng thái gồm ba chữ số từ 100 đến 599 (RFC 9110, mục 15)",
		}},
	} {
		t.Run(string(tt.locale)+" "+tt.path, func(t *testing.T) {
			var got []string
			for _, d := range rules.CheckFile(tt.path, []byte(tt.src), rules.Options{Locale: tt.locale}) {
				got = append(got, d.RuleID+": "+d.Message)
				for _, f := range d.Fixes {
					got = append(got, "fix: "+f.Title)
				}
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
