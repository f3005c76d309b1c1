package analysis

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

// Detect decides a file's format from the editor's languageId when there is
// one, otherwise from the file name and, where the name is ambiguous (.conf,
// files without extension), from the content.
func Detect(languageID, path string, content []byte) Language {
	return Plain
}
