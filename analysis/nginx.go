package analysis

import "bytes"

// nginx configuration: directives are words ending in ";" or opening a
// block with "{". A number is a status only as an argument of a directive
// that takes one (return, error_page, limit_req_status, proxy_cache_valid,
// the http_502 conditions of proxy_next_upstream, ...), as a key of a map
// on $status, or compared with $status in an if. Ports, sizes, timeouts and
// worker counts are arguments of other directives and never looked at.

// argsMode says which arguments of a directive are statuses.
type argsMode uint8

const (
	argFirst        argsMode = iota + 1 // return 301 ...; limit_req_status 429;
	argLeading                          // error_page 500 502 =200 /x; leading numbers and =NNN
	argAllButLast                       // proxy_cache_valid 200 302 10m;
	argHTTPPrefixed                     // proxy_next_upstream error http_502;
	argAll                              // status 200 204; in an NGINX Plus match block
	argLastEquals                       // try_files $uri $uri/ =404;
)

type directiveRule struct {
	name string
	mode argsMode
	role Role
	ctx  string
}

// nginxDirectives: one line per directive that takes status codes.
var nginxDirectives = []directiveRule{
	{"return", argFirst, Status, "nginx return"},
	{"try_files", argLastEquals, Status, "nginx try_files fallback code"},
	{"error_page", argLeading, ErrorStatus, "nginx error_page"},
	{"limit_req_status", argFirst, ErrorStatus, "nginx limit_req_status"},
	{"limit_conn_status", argFirst, ErrorStatus, "nginx limit_conn_status"},
	{"auth_request_status", argFirst, ErrorStatus, "nginx auth_request status"},
	{"proxy_cache_valid", argAllButLast, Condition, "nginx proxy_cache_valid"},
	{"fastcgi_cache_valid", argAllButLast, Condition, "nginx fastcgi_cache_valid"},
	{"uwsgi_cache_valid", argAllButLast, Condition, "nginx uwsgi_cache_valid"},
	{"scgi_cache_valid", argAllButLast, Condition, "nginx scgi_cache_valid"},
	{"proxy_next_upstream", argHTTPPrefixed, Condition, "nginx proxy_next_upstream"},
	{"fastcgi_next_upstream", argHTTPPrefixed, Condition, "nginx fastcgi_next_upstream"},
	{"uwsgi_next_upstream", argHTTPPrefixed, Condition, "nginx uwsgi_next_upstream"},
	{"scgi_next_upstream", argHTTPPrefixed, Condition, "nginx scgi_next_upstream"},
	{"grpc_next_upstream", argHTTPPrefixed, Condition, "nginx grpc_next_upstream"},
	{"memcached_next_upstream", argHTTPPrefixed, Condition, "nginx memcached_next_upstream"},
	{"proxy_cache_use_stale", argHTTPPrefixed, Condition, "nginx proxy_cache_use_stale"},
	{"fastcgi_cache_use_stale", argHTTPPrefixed, Condition, "nginx fastcgi_cache_use_stale"},
	{"uwsgi_cache_use_stale", argHTTPPrefixed, Condition, "nginx uwsgi_cache_use_stale"},
	{"scgi_cache_use_stale", argHTTPPrefixed, Condition, "nginx scgi_cache_use_stale"},
}

var nginxDirectiveIndex = func() map[string]directiveRule {
	m := map[string]directiveRule{}
	for _, r := range nginxDirectives {
		m[r.name] = r
	}
	return m
}()

// isNginxCodeDirective reports whether a directive takes status codes,
// which is what makes a commented-out one worth reading.
func isNginxCodeDirective(name []byte) bool {
	_, ok := nginxDirectiveIndex[string(name)]
	return ok
}

// nginxStatusVars are the variables whose comparisons and maps hold codes.
var nginxStatusVars = []string{"$status", "$upstream_status", "$upstream_cache_status_code"}

// nginxLuaBlocks are the OpenResty directives whose block is Lua code.
func isLuaBlock(name []byte) bool {
	n := len(name)
	return n > 10 && string(name[n-10:]) == "_lua_block"
}

type nginxBlock struct {
	mapStatus bool // map $status $var { ... }
	match     bool // NGINX Plus match block
}

// maxArgs bounds the words kept per directive or line. Real files list up
// to sixty codes in one error_page (every 4xx and 5xx the site styles), so
// the bound sits well above that while keeping the array on the stack.
const maxArgs = 128

// scanNginx scans text[lo:hi] as nginx configuration.
func (s *scan) scanNginx(lo, hi int) {
	text := s.text
	var args [maxArgs][2]int
	n := 0
	var blocks []nginxBlock
	i := lo
	for i < hi {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#':
			j := lineEnd(text, i, hi)
			if s.commented || !s.commentedOut(i, j, isNginxCodeDirective, func(lo, hi int) { s.scanNginx(lo, hi) }) {
				s.prose(i, j, InComment)
			}
			i = j
		case c == ';':
			s.nginxDirective(args[:n], top(blocks))
			n = 0
			i++
		case c == '{' && i+1 < hi && (text[i+1] == '{' || text[i+1] == '%' || text[i+1] == '#'):
			i = skipTemplate(text, i, hi)
		case c == '{':
			b := nginxBlock{}
			if n > 0 {
				name := text[args[0][0]:args[0][1]]
				switch {
				case isLuaBlock(name):
					end := luaBlockEnd(text, i+1, hi)
					s.scanCodeAs(Lua, syntaxOf(Lua), i+1, end)
					i, n = end+1, 0
					continue
				case string(name) == "map" && n >= 2 && inList(text[args[1][0]:args[1][1]], nginxStatusVars):
					b.mapStatus = true
				case string(name) == "match":
					b.match = true
				case string(name) == "if":
					s.nginxIf(args[1:n])
				}
			}
			blocks = append(blocks, b)
			n = 0
			i++
		case c == '}':
			// A directive cut short by the block's end (or by a cursor
			// in the middle of typing) still has its arguments read.
			s.nginxDirective(args[:n], top(blocks))
			if len(blocks) > 0 {
				blocks = blocks[:len(blocks)-1]
			}
			n = 0
			i++
		default:
			j := nginxWordEnd(text, i, hi)
			if n < maxArgs {
				args[n] = [2]int{i, j}
				n++
			}
			i = j
		}
	}
	s.nginxDirective(args[:n], top(blocks))
}

func top(b []nginxBlock) nginxBlock {
	if len(b) == 0 {
		return nginxBlock{}
	}
	return b[len(b)-1]
}

func inList(b []byte, list []string) bool {
	for _, s := range list {
		if string(b) == s {
			return true
		}
	}
	return false
}

// lineEnd returns the offset of the newline that ends the line holding
// text[i], or hi when the line runs to hi.
func lineEnd(text []byte, i, hi int) int {
	if i >= hi {
		return i
	}
	return i + bytesIndexByte(text[i:hi], '\n')
}

// skipTemplate skips a Helm/Go template action {{ }}, a Jinja statement
// {% %} or comment {# #}, which real configs are full of.
func skipTemplate(text []byte, i, hi int) int {
	closer := byte('}')
	switch text[i+1] {
	case '%':
		closer = '%'
	case '#':
		closer = '#'
	}
	for j := i + 2; j+1 < hi; j++ {
		if text[j] == closer && text[j+1] == '}' {
			return j + 2
		}
	}
	return hi
}

// nginxWordEnd finds the end of a word: a quoted string, or text up to a
// blank, ";", "{" or "}" (but ${var} and {{ }} belong to the word).
func nginxWordEnd(text []byte, i, hi int) int {
	if q := text[i]; q == '"' || q == '\'' {
		for j := i + 1; j < hi; j++ {
			if text[j] == '\\' {
				j++
				continue
			}
			if text[j] == q {
				return j + 1
			}
		}
		return hi
	}
	j := i
	for j < hi {
		c := text[j]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';':
			return j
		case c == '{' && j > i && text[j-1] == '$':
			for j < hi && text[j] != '}' {
				j++
			}
		case c == '{' && j+1 < hi && text[j+1] == '{':
			j = skipTemplate(text, j, hi) - 1
		case c == '{' || c == '}':
			return j
		}
		j++
	}
	return j
}

// luaBlockEnd finds the brace closing a *_by_lua_block, skipping Lua
// strings and comments.
func luaBlockEnd(text []byte, lo, hi int) int {
	lx := lexer{syn: syntaxOf(Lua), text: text, pos: lo, end: hi}
	depth := 0
	var t token
	for {
		lx.next(&t)
		switch {
		case t.kind == tEOF:
			return hi
		case t.kind == tPunct && text[t.start] == '{':
			depth++
		case t.kind == tPunct && text[t.start] == '}':
			if depth == 0 {
				return t.start
			}
			depth--
		}
	}
}

func (s *scan) nginxDirective(args [][2]int, blk nginxBlock) {
	if len(args) == 0 {
		return
	}
	text := s.text
	name := text[args[0][0]:args[0][1]]
	if blk.mapStatus {
		s.addNumber(args[0][0], args[0][1], NumericLiteral, InCode, slot{role: Condition, filter: anyInt, evidence: Strong, directive: "map", context: "nginx map on $status"})
		return
	}
	if string(name) == "if" {
		s.nginxIf(args[1:])
		return
	}
	r, ok := nginxDirectiveIndex[string(name)]
	if blk.match && string(name) == "status" {
		r, ok = directiveRule{"status", argAll, Condition, "nginx match status"}, true
	}
	if !ok {
		return
	}
	sl := slot{role: r.role, filter: anyInt, evidence: Strong, directive: r.name, context: r.ctx}
	rest := args[1:]
	switch r.mode {
	case argFirst:
		if len(rest) > 0 {
			a := rest[0]
			if r.name == "return" {
				sl.role = returnRole(text[a[0]:a[1]])
			}
			s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
		}
	case argLeading:
		for _, a := range rest {
			w := text[a[0]:a[1]]
			if len(w) > 1 && w[0] == '=' {
				s.addNumber(a[0]+1, a[1], NumericLiteral, InCode, slot{role: Status, filter: anyInt, evidence: Strong, directive: r.name, context: "nginx error_page response code"})
				break
			}
			if _, ok := atoi(w); !ok {
				break
			}
			s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
		}
	case argAllButLast:
		for k, a := range rest {
			if k == len(rest)-1 && len(rest) > 1 {
				break
			}
			s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
		}
	case argHTTPPrefixed:
		for _, a := range rest {
			s.httpPrefixed(a[0], a[1], sl)
		}
	case argLastEquals:
		if len(rest) > 1 {
			a := rest[len(rest)-1]
			if text[a[0]] == '=' && a[1]-a[0] > 1 {
				s.addNumber(a[0]+1, a[1], NumericLiteral, InCode, sl)
			}
		}
	case argAll:
		for _, a := range rest {
			w := text[a[0]:a[1]]
			if d := indexByte(w, '-'); d > 0 {
				s.addNumber(a[0], a[0]+d, NumericLiteral, InCode, sl)
				s.addNumber(a[0]+d+1, a[1], NumericLiteral, InCode, sl)
				continue
			}
			s.addNumber(a[0], a[1], NumericLiteral, InCode, sl)
		}
	}
}

// returnRole: "return 301 url" redirects; other codes are the response.
func returnRole(w []byte) Role {
	switch string(w) {
	case "301", "302", "303", "307", "308":
		return RedirectStatus
	}
	return Status
}

// httpPrefixed reports http_502 (the digits) or http_5xx (a class).
func (s *scan) httpPrefixed(a, b int, sl slot) {
	w := s.text[a:b]
	if len(w) != 8 || string(w[:5]) != "http_" {
		return
	}
	if w[6] == 'x' && w[7] == 'x' || w[6] == 'X' && w[7] == 'X' {
		if w[5] >= '1' && w[5] <= '5' {
			s.addClass(a+5, b, InCode, sl)
		}
		return
	}
	s.addNumber(a+5, b, NumericLiteral, InCode, sl)
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// nginxIf handles if ($status = 502) and if ($upstream_status != 200),
// and comparisons of a variable of the configuration's own that says
// status (auth_request_set $auth_status $upstream_status; if
// ($auth_status = 401)), which take numbers of three digits only.
func (s *scan) nginxIf(args [][2]int) {
	text := s.text
	for k := 0; k+2 < len(args); k++ {
		v := trimParens(text, args[k])
		op := text[args[k+1][0]:args[k+1][1]]
		if string(op) != "=" && string(op) != "!=" {
			continue
		}
		f := anyInt
		switch name := text[v[0]:v[1]]; {
		case inList(name, nginxStatusVars):
		case len(name) > 1 && name[0] == '$' && bytes.HasSuffix(name, []byte("_status")):
			f = threeDigits
		default:
			continue
		}
		n := trimParens(text, args[k+2])
		s.addNumber(n[0], n[1], NumericLiteral, InCode, slot{role: Compare, filter: f, evidence: Strong, directive: "if", context: "nginx if on $status"})
	}
}

func trimParens(text []byte, a [2]int) [2]int {
	for a[0] < a[1] && (text[a[0]] == '(' || text[a[0]] == '"' || text[a[0]] == '\'') {
		a[0]++
	}
	for a[1] > a[0] && (text[a[1]-1] == ')' || text[a[1]-1] == '"' || text[a[1]-1] == '\'') {
		a[1]--
	}
	return a
}
