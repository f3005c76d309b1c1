package apacheconf_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/apacheconf"
)

// The tree of a site file: names, arguments with their exact text and
// spans, nesting of sections, quoted arguments with blanks, continuation
// lines, comment lines and trailing comments.
func TestParse(t *testing.T) {
	src := `# shop.example.com
ServerName shop.example.com
<VirtualHost *:80>
    Redirect / https://shop.example.com/  # whole site
    <Location "/api">
        ErrorDocument 503 "Service down, try again"
    </Location>
</VirtualHost>
<IfModule mod_rewrite.c>
    RewriteRule ^old/(.*)$ \
        /new/$1 [R=301,L]
</IfModule>
<If "%{HTTPS} == 'off'">
Redirect temp /promo https://promo.example.com/
`
	var got []string
	apacheconf.Walk(apacheconf.Parse([]byte(src)), func(d *apacheconf.Directive) {
		depth := 0
		for p := d.Parent; p != nil && p.Parent != nil; p = p.Parent {
			depth++
		}
		var args []string
		for _, a := range d.Args {
			if src[a.Start:a.End] != a.Text {
				t.Errorf("%s: argument %q spans %q", d.Name, a.Text, src[a.Start:a.End])
			}
			args = append(args, a.Text)
		}
		section := ""
		if d.IsSection() {
			section = "section "
		}
		got = append(got, fmt.Sprintf("%s%s%s %s | ends %q", strings.Repeat("  ", depth), section, d.Name, strings.Join(args, " "), lastLine(src[d.NameStart:d.End])))
	})
	want := `ServerName shop.example.com | ends "ServerName shop.example.com"
section VirtualHost *:80 | ends "</VirtualHost>"
  Redirect / https://shop.example.com/ | ends "Redirect / https://shop.example.com/"
  section Location "/api" | ends "    </Location>"
    ErrorDocument 503 "Service down, try again" | ends "ErrorDocument 503 \"Service down, try again\""
section IfModule mod_rewrite.c | ends "</IfModule>"
  RewriteRule ^old/(.*)$ /new/$1 [R=301,L] | ends "        /new/$1 [R=301,L]"
section If "%{HTTPS} == 'off'" | ends ""
  Redirect temp /promo https://promo.example.com/ | ends "Redirect temp /promo https://promo.example.com/"`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got:\n%s\nwant:\n%s", g, want)
	}
}

func lastLine(s string) string { return s[strings.LastIndexByte(s, '\n')+1:] }

// Value drops the quotes httpd drops.
func TestValue(t *testing.T) {
	for in, want := range map[string]string{`"/api"`: "/api", `'a b'`: "a b", `/x`: "/x", `"`: `"`, `"a'`: `"a'`} {
		if got := (apacheconf.Word{Text: in}).Value(); got != want {
			t.Errorf("Value(%s) = %q, want %q", in, got, want)
		}
	}
}

// Any input parses without panicking, into spans that lie inside the text
// and hold their words.
func FuzzParse(f *testing.F) {
	f.Add([]byte("<VirtualHost *:80>\nRedirect 302 / https://x/\n</VirtualHost>\n"))
	f.Add([]byte("RewriteRule ^ - [R=404]\\\r\n  # x\n</Location>\n<\n\"unterminated\n\\"))
	f.Fuzz(func(t *testing.T, text []byte) {
		apacheconf.Walk(apacheconf.Parse(text), func(d *apacheconf.Directive) {
			if d.NameStart < 0 || d.End > len(text) || d.NameStart > d.End {
				t.Fatalf("%q spans %d:%d of %d bytes", d.Name, d.NameStart, d.End, len(text))
			}
			for _, a := range d.Args {
				if string(text[a.Start:a.End]) != a.Text {
					t.Fatalf("argument %q spans %q", a.Text, text[a.Start:a.End])
				}
			}
		})
	})
}
