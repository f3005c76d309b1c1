package nginxconf_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/statusls/statusls/analysis/nginxconf"
)

// The tree of a site file: names, arguments with their exact text, nesting,
// and spans that end at the ";" or "}"; comments, ${var}, quoted braces,
// templates and Lua bodies do not confuse it.
func TestParse(t *testing.T) {
	src := `# site
limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;
server {
    listen 80;
    server_name {{ .Host }};
    location /api/ {
        proxy_pass http://backend;   # the app
        add_header X-Id "${request_id}{";
        access_by_lua_block { if x then ngx.exit(403) end }
    }
    return 301 https://$host$request_uri;
}
`
	var got []string
	nginxconf.Walk(nginxconf.Parse([]byte(src)), func(d *nginxconf.Directive) {
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
		got = append(got, fmt.Sprintf("%s%s %s | %q", strings.Repeat("  ", depth), d.Name, strings.Join(args, " "), lastLine(src[d.NameStart:d.End])))
	})
	want := `limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s | "limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;"
server  | "}"
  listen 80 | "listen 80;"
  server_name {{ .Host }} | "server_name {{ .Host }};"
  location /api/ | "    }"
    proxy_pass http://backend | "proxy_pass http://backend;"
    add_header X-Id "${request_id}{" | "add_header X-Id \"${request_id}{\";"
    access_by_lua_block  | "access_by_lua_block { if x then ngx.exit(403) end }"
  return 301 https://$host$request_uri | "return 301 https://$host$request_uri;"`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got:\n%s\nwant:\n%s", g, want)
	}
}

func lastLine(s string) string { return s[strings.LastIndexByte(s, '\n')+1:] }

// Find looks in the enclosing blocks, nearest first, including the file's
// top level.
func TestFind(t *testing.T) {
	src := "limit_req_status 429;\nserver {\n  location / {\n    limit_req zone=api;\n  }\n}\n"
	var lr *nginxconf.Directive
	nginxconf.Walk(nginxconf.Parse([]byte(src)), func(d *nginxconf.Directive) {
		if d.Name == "limit_req" {
			lr = d
		}
	})
	if s := lr.Find("limit_req_status"); s == nil || s.Args[0].Text != "429" {
		t.Errorf("Find(limit_req_status) = %v", s)
	}
	if s := lr.Find("proxy_pass"); s != nil {
		t.Errorf("Find(proxy_pass) = %v, want none", s)
	}
}
