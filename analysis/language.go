package analysis

import (
	"bytes"
	"math/bits"
	"path"
	"strings"
)

// Language identifies a file format that statusls can scan.
type Language string

// The formats statusls knows. Plain is the fallback: only the conservative
// generic rules apply to it.
const (
	Go         Language = "go"
	JavaScript Language = "javascript"
	TypeScript Language = "typescript"
	Python     Language = "python"
	Java       Language = "java"
	Kotlin     Language = "kotlin"
	CSharp     Language = "csharp"
	Rust       Language = "rust"
	PHP        Language = "php"
	Ruby       Language = "ruby"
	Lua        Language = "lua"
	Nginx      Language = "nginx"
	Apache     Language = "apache"
	HAProxy    Language = "haproxy"
	Caddy      Language = "caddy"
	YAML       Language = "yaml"
	JSON       Language = "json"
	HTTP       Language = "http" // .http / .rest request files
	AccessLog  Language = "accesslog"
	Plain      Language = "plaintext"
)

// languageIDs maps editors' languageId values (VS Code's and the common
// extensions') to formats. Generic IDs such as "plaintext" or "ini" are
// absent on purpose: the file name and content decide those.
var languageIDs = map[string]Language{
	"go": Go, "javascript": JavaScript, "javascriptreact": JavaScript, "typescript": TypeScript,
	"typescriptreact": TypeScript, "python": Python, "java": Java, "kotlin": Kotlin, "csharp": CSharp,
	"rust": Rust, "php": PHP, "ruby": Ruby, "lua": Lua, "nginx": Nginx, "apacheconf": Apache, "apache": Apache,
	"haproxy": HAProxy, "caddyfile": Caddy, "caddy": Caddy, "yaml": YAML, "dockercompose": YAML, "helm": YAML,
	"json": JSON, "jsonc": JSON, "http": HTTP, "rest": HTTP, "log": AccessLog, "markdown": Plain,
}

// extensions maps file extensions (after template suffixes are removed).
var extensions = map[string]Language{
	".go": Go, ".js": JavaScript, ".mjs": JavaScript, ".cjs": JavaScript, ".jsx": JavaScript,
	".ts": TypeScript, ".tsx": TypeScript, ".mts": TypeScript, ".cts": TypeScript,
	".py": Python, ".pyi": Python, ".java": Java, ".kt": Kotlin, ".kts": Kotlin, ".cs": CSharp, ".rs": Rust,
	".php": PHP, ".rb": Ruby, ".rake": Ruby, ".ru": Ruby, ".lua": Lua, ".nginx": Nginx, ".nginxconf": Nginx,
	".htaccess": Apache, ".caddyfile": Caddy, ".caddy": Caddy, ".yaml": YAML, ".yml": YAML,
	".json": JSON, ".jsonc": JSON, ".har": JSON, ".json5": JSON, ".http": HTTP, ".rest": HTTP,
	".md": Plain, ".txt": Plain, ".rst": Plain,
}

// fileNames maps whole file names.
var fileNames = map[string]Language{
	"nginx.conf": Nginx, "httpd.conf": Apache, "apache2.conf": Apache, ".htaccess": Apache, "httpd-vhosts.conf": Apache,
	"haproxy.cfg": HAProxy, "caddyfile": Caddy, "gemfile": Ruby, "rakefile": Ruby, "access.log": AccessLog,
	"access_log": AccessLog,
}

// templateSuffixes are stripped before looking at the extension:
// nginx.conf.tmpl, httpd.conf.in, values.yaml.j2.
var templateSuffixes = []string{".tmpl", ".tpl", ".template", ".in", ".j2", ".jinja", ".jinja2", ".erb", ".example", ".sample", ".dist", ".default", ".gotmpl"}

// Detect decides a file's format from the editor's languageId when there is
// one, otherwise from the file name and, where the name is ambiguous (.conf,
// .cfg, .log, files without extension), from the content.
func Detect(languageID, filePath string, content []byte) Language {
	if l, ok := languageIDs[strings.ToLower(languageID)]; ok {
		return l
	}
	base := strings.ToLower(path.Base(strings.ReplaceAll(filePath, `\`, "/")))
	for again := true; again; {
		again = false
		for _, s := range templateSuffixes {
			if strings.HasSuffix(base, s) && len(base) > len(s) {
				base, again = strings.TrimSuffix(base, s), true
			}
		}
	}
	if l, ok := fileNames[base]; ok {
		return l
	}
	if strings.HasPrefix(base, "caddyfile") {
		return Caddy
	}
	ext := path.Ext(base)
	if l, ok := extensions[ext]; ok {
		return l
	}
	switch ext {
	case ".log":
		if looksLikeAccessLog(content) {
			return AccessLog
		}
		return Plain
	case ".conf", ".cfg", ".vhost", ".site", "":
		if l := sniffShebang(content); l != "" {
			return l
		}
		return sniffConfig(content)
	}
	return Plain
}

func sniffShebang(content []byte) Language {
	if !bytes.HasPrefix(content, []byte("#!")) {
		return ""
	}
	line := content[:lineEnd(content, 0, len(content))]
	for _, c := range []struct {
		name string
		lang Language
	}{{"python", Python}, {"node", JavaScript}, {"ruby", Ruby}, {"lua", Lua}, {"php", PHP}} {
		if bytes.Contains(line, []byte(c.name)) {
			return c.lang
		}
	}
	return ""
}

// configMarkers are directives that only one server's configuration uses.
var configMarkers = [...]struct {
	lang    Language
	markers []string // at most 64, of two bytes at least (see markerIndex)
}{
	{Nginx, []string{"server {", "location ", "proxy_pass ", "server_name ", "listen ", "upstream ", "error_page ", "worker_processes", "fastcgi_pass", "try_files ", "add_header ", "root "}},
	{Apache, []string{"<VirtualHost", "<Directory", "<IfModule", "ServerName ", "DocumentRoot ", "RewriteRule ", "RewriteEngine", "ErrorDocument ", "LoadModule ", "<Location", "AllowOverride", "Require all",
		"RedirectMatch ", "ServerTokens ", "ServerSignature ", "TraceEnable ", "CustomLog ", "ErrorLog ", "SetHandler ", "Header set ", "Header always "}},
	{HAProxy, []string{"frontend ", "backend ", "defaults", "balance ", "mode http", "default_backend", "use_backend", "option httpchk", "timeout connect"}},
	{Caddy, []string{"reverse_proxy ", "file_server", "respond ", "encode gzip", "handle_errors", "php_fastcgi", "redir "}},
}

// markerIndex finds the configMarkers a text holds in one pass over it:
// pairs marks the pairs of bytes that start a marker, so that most
// positions cost one lookup, and byFirst lists the markers (as
// configMarkers indexes, server then marker) by their first byte. A search
// per marker read the text fifty times.
var markerIndex = func() (ix struct {
	pairs   [1 << 16 / 64]uint64
	byFirst [256][][2]int
}) {
	for s, c := range configMarkers {
		for m, w := range c.markers {
			p := uint16(w[0])<<8 | uint16(w[1])
			ix.pairs[p/64] |= 1 << (p % 64)
			ix.byFirst[w[0]] = append(ix.byFirst[w[0]], [2]int{s, m})
		}
	}
	return ix
}()

// sniffConfig scores the content against each server's directives: a
// point per marker it holds, and for nginx one more for lines that end
// in a semicolon.
func sniffConfig(content []byte) Language {
	head := content[:min(len(content), 16<<10)]
	scores := markerCounts(head)
	best, bestScore := Plain, 1
	for s, c := range configMarkers {
		score := scores[s]
		if c.lang == Nginx && bytes.Count(head, []byte(";\n")) > 2 {
			score++
		}
		if score > bestScore {
			best, bestScore = c.lang, score
		}
	}
	return best
}

// markerCounts returns, per server of configMarkers, how many of its
// markers text holds.
func markerCounts(text []byte) (counts [len(configMarkers)]int) {
	var seen [len(configMarkers)]uint64 // per server, bit m: marker m found
	var p uint16                        // the pair of bytes ending at text[i]
	for i, c := range text {
		p = p<<8 | uint16(c)
		if i == 0 || markerIndex.pairs[p/64]&(1<<(p%64)) == 0 {
			continue
		}
		for _, sm := range markerIndex.byFirst[text[i-1]] {
			if bytes.HasPrefix(text[i-1:], []byte(configMarkers[sm[0]].markers[sm[1]])) {
				seen[sm[0]] |= 1 << sm[1]
			}
		}
	}
	for s := range seen {
		counts[s] = bits.OnesCount64(seen[s])
	}
	return counts
}

// looksLikeAccessLog reports whether the first lines are in the common or
// combined log format or are JSON objects.
func looksLikeAccessLog(content []byte) bool {
	head := content[:min(len(content), 4<<10)]
	return bytes.Contains(head, []byte(` HTTP/1.`)) || bytes.Contains(head, []byte(` HTTP/2`)) || bytes.HasPrefix(head, []byte("{"))
}
