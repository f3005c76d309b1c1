package analysis

import (
	"bytes"
	"iter"
	"slices"
	"strings"
)

// Constants imported by name. A file that imports a library's constants
// one by one, or all of them, writes them bare:
//
//	from starlette.status import HTTP_404_NOT_FOUND
//	import static org.springframework.http.HttpStatus.NOT_FOUND;
//	import io.ktor.http.HttpStatusCode.Companion.NotFound
//	using static Microsoft.AspNetCore.Http.StatusCodes;
//	import { NOT_FOUND } from 'http-status-codes';
//	const { CREATED } = StatusCodes;
//
// A bare name counts as the constant only where the file imports it so:
// OK, NotFound or Created alone name too many other things. The import
// statements are read once per file, when the engine first meets a name
// of a constant's shape outside a member. Imports under another name
// (import ... as NF) are not followed: the candidate test of regions.go
// knows constants by their own names.

// bareScope is what a file's imports bring into scope unqualified: names
// one by one, and libraries whose every name is imported (a wildcard, C#'s
// using static, a destructuring of the whole owner).
type bareScope struct {
	built bool
	names map[string]*ecoConsts
	all   []*ecoConsts
}

// bareConst returns the constant a bare name stands for in the file, if
// an import brings it into scope. A name followed by a parenthesis is a
// call (ASP.NET's NotFound()), never a constant.
func (s *scan) bareConst(name []byte, end int) (*ecoConsts, constant, bool) {
	switch s.lang {
	case Java, Kotlin, CSharp, Python, JavaScript, TypeScript:
	default:
		return nil, constant{}, false
	}
	if !s.a.consts.nameShape.has(name) {
		return nil, constant{}, false
	}
	if !s.bare.built {
		s.bare = s.a.consts.bareScope(s.lang, s.ecoLangs, s.text, s.imported)
	}
	if len(s.bare.names) == 0 && len(s.bare.all) == 0 {
		return nil, constant{}, false
	}
	if k := skipBlanks(s.text, end); k < len(s.text) && s.text[k] == '(' {
		return nil, constant{}, false
	}
	if ec := s.bare.names[string(name)]; ec != nil {
		return ec, ec.names[string(name)], true
	}
	for _, ec := range s.bare.all {
		if c, ok := ec.names[string(name)]; ok {
			return ec, c, true
		}
	}
	return nil, constant{}, false
}

// bareScope reads the import statements of a file in lang; imported
// tells which libraries the file imports (see scan.imported).
func (ix *constIndex) bareScope(lang Language, langs []string, text []byte, imported func() uint64) bareScope {
	sc := bareScope{built: true}
	add := func(ec *ecoConsts, name string) {
		if name == "*" {
			sc.all = append(sc.all, ec)
			return
		}
		if _, ok := ec.names[name]; ok {
			if sc.names == nil {
				sc.names = map[string]*ecoConsts{}
			}
			sc.names[name] = ec
		}
	}
	switch lang {
	case Java, Kotlin:
		for _, st := range statementsAfter(text, "import ") {
			l, _, _ := strings.Cut(st.rest, "//")
			l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "static "))
			path, name := cutLast(strings.TrimSpace(strings.TrimSuffix(l, ";")), ".")
			path = strings.TrimSuffix(path, ".Companion") // Kotlin's companion object
			if ec := ix.ownerAt(langs, path, imported); ec != nil && !strings.Contains(name, " ") {
				add(ec, name)
			}
		}
	case CSharp:
		for _, st := range statementsAfter(text, "using static ") {
			l, _, _ := strings.Cut(st.rest, "//")
			if ec := ix.ownerAt(langs, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), ";")), imported); ec != nil {
				add(ec, "*")
			}
		}
	case Python:
		for _, st := range statementsAfter(text, "from ") {
			module, names, ok := strings.Cut(st.rest, " import ")
			if !ok {
				continue
			}
			if c := strings.IndexByte(names, '#'); c >= 0 {
				names = names[:c]
			}
			ec := ix.ownerAt(langs, strings.TrimSpace(module), imported)
			if ec == nil {
				continue
			}
			if open := strings.IndexByte(names, '('); open >= 0 && strings.TrimSpace(names[:open]) == "" {
				names = pythonImportList(text, st.at+len(module)+len(" import ")+open, names)
			}
			for _, n := range strings.Split(names, ",") {
				add(ec, strings.Trim(strings.TrimSpace(n), "()"))
			}
		}
	case JavaScript, TypeScript:
		for _, b := range jsNamedImports(text) {
			for _, ec := range ix.byModule[b.module] {
				if slices.Contains(langs, ec.lang) {
					for _, n := range jsNames(b.list) {
						add(ec, n)
					}
				}
			}
		}
		for _, d := range jsDestructurings(text) {
			if ec := ix.ownerAt(langs, d.owner, imported); ec != nil {
				for _, n := range jsNames(d.list) {
					add(ec, n)
				}
			}
		}
	}
	return sc
}

// ownerAt returns the ecosystem whose qualifier path ends the dotted path
// (org.springframework.http.HttpStatus, starlette.status,
// jakarta.ws.rs.core.Response.Status). When several spell their qualifier
// alike (Spring's and Jetty's HttpStatus, Starlette's and DRF's status),
// the one whose library the path names wins, then the one the file
// imports; javax and jakarta count as one.
func (ix *constIndex) ownerAt(langs []string, path string, imported func() uint64) *ecoConsts {
	_, last := cutLast(path, ".")
	var found []*ecoConsts
	for _, l := range langs {
		for _, ec := range ix.byLang[l][last] {
			if ec.sep != "." || !hasPathSuffix(path, ec.owner) {
				continue
			}
			if ec.library != "" && strings.HasPrefix(jakarta(path), jakarta(ec.library)) {
				return ec
			}
			found = append(found, ec)
		}
	}
	if len(found) > 1 {
		bits := imported()
		for _, ec := range found {
			if bits&(1<<uint(ec.idx%64)) != 0 {
				return ec
			}
		}
	}
	if len(found) > 0 {
		return found[0]
	}
	return nil
}

// libraryPath returns the dotted path of the library an ecosystem's import
// names: the package of a Java class (org.springframework.http from
// org.springframework.http.HttpStatus), a C# namespace, a Python module
// (starlette.status from "from starlette import status"); "" where the
// import is no such path (a JavaScript import statement).
func libraryPath(imp string) string {
	if rest, ok := strings.CutPrefix(imp, "from "); ok {
		if m, n, ok := strings.Cut(rest, " import "); ok {
			return strings.TrimSpace(m) + "." + strings.TrimSpace(n)
		}
	}
	if rest, ok := strings.CutPrefix(imp, "import "); ok {
		imp = rest
	}
	if imp == "" || strings.ContainsAny(imp, " '\"{") {
		return ""
	}
	segs := strings.Split(imp, ".")
	n := len(segs)
	for n > 1 && segs[n-1] != "" && segs[n-1][0] >= 'A' && segs[n-1][0] <= 'Z' {
		n--
	}
	if n == 1 && segs[0] != "" && segs[0][0] >= 'A' && segs[0][0] <= 'Z' {
		return imp // a namespace (Microsoft.AspNetCore.Http)
	}
	return strings.Join(segs[:n], ".")
}

// jakarta spells a javax. path as its jakarta. twin.
func jakarta(path string) string {
	if rest, ok := strings.CutPrefix(path, "javax."); ok {
		return "jakarta." + rest
	}
	return path
}

// hasPathSuffix reports whether the dotted path ends with the segments of
// suffix, whole (org.springframework.http.HttpStatus ends with HttpStatus,
// not with Status).
func hasPathSuffix(path, suffix string) bool {
	return strings.HasSuffix(path, suffix) && (len(path) == len(suffix) || path[len(path)-len(suffix)-1] == '.')
}

// jsModule returns the JavaScript module an ecosystem's import takes its
// library from: the quoted module of an import statement (import {
// StatusCodes } from 'http-status-codes'), or the import whole when it is
// a module's name alone; "" when it is neither.
func jsModule(imp string) string {
	if _, rest, ok := strings.Cut(imp, " from "); ok {
		rest = strings.TrimSpace(rest)
		if len(rest) >= 2 && (rest[0] == '\'' || rest[0] == '"') {
			if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
				return rest[1 : 1+end]
			}
		}
		return ""
	}
	if strings.ContainsAny(imp, " '\"") {
		return ""
	}
	return imp
}

// cutLast splits s around its last sep.
func cutLast(s, sep string) (before, after string) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):]
	}
	return "", s
}

// statement is the rest of a line after its keyword, and where it starts.
type statement struct {
	at   int
	rest string
}

// statementsAfter returns the rest of each line that starts, blanks aside,
// with keyword (Java's import, C#'s using static, also after global).
func statementsAfter(text []byte, keyword string) []statement {
	var out []statement
	for at := range indexes(text, []byte(keyword)) {
		off := at + len(keyword)
		k := at
		for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
			k--
		}
		if bytes.HasSuffix(text[:k], []byte("global")) {
			k -= len("global")
			for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
				k--
			}
		}
		if k > 0 && text[k-1] != '\n' {
			continue
		}
		end := off + bytesIndexByte(text[off:], '\n')
		out = append(out, statement{at: off, rest: strings.TrimRight(string(text[off:end]), "\r")})
	}
	return out
}

// indexes yields the offset of each occurrence of sep in text, from the
// start; occurrences do not overlap.
func indexes(text, sep []byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := bytes.Index(text[off:], sep)
			if i < 0 || !yield(off+i) {
				return
			}
			off += i + len(sep)
		}
	}
}

// pythonImportList returns the names of a parenthesized Python import list
// whose parenthesis is at text[open], which may span lines; names, the
// rest of its first line, when it has no closing parenthesis.
func pythonImportList(text []byte, open int, names string) string {
	end := bytes.IndexByte(text[open:], ')')
	if end < 0 {
		return names
	}
	var b strings.Builder
	for _, l := range strings.Split(string(text[open+1:open+end]), "\n") {
		if c := strings.IndexByte(l, '#'); c >= 0 {
			l = l[:c]
		}
		b.WriteString(l)
		b.WriteByte(',')
	}
	return b.String()
}

// jsBinding is the list of names an import or a destructuring binds (see
// jsNames), and where from: a module or an owner.
type jsBinding struct {
	module, owner, list string
}

// jsNamedImports returns the named imports of a JavaScript file: import {
// a, b } from 'm', import x, { a } from "m". A name imported under another
// (a as b) is left out.
func jsNamedImports(text []byte) []jsBinding {
	var out []jsBinding
	for at := range indexes(text, []byte("import")) {
		off := at + len("import")
		if at > 0 && identByte[text[at-1]] {
			continue
		}
		open := bytes.IndexByte(text[off:], '{')
		semi := bytes.IndexAny(text[off:], ";")
		if open < 0 || semi >= 0 && semi < open {
			continue
		}
		end := bytes.IndexByte(text[off+open:], '}')
		if end < 0 {
			continue
		}
		list := text[off+open+1 : off+open+end]
		rest := bytes.TrimLeft(text[off+open+end+1:], " \t\r\n")
		if !bytes.HasPrefix(rest, []byte("from")) {
			continue
		}
		rest = bytes.TrimLeft(rest[len("from"):], " \t")
		if len(rest) < 2 || rest[0] != '\'' && rest[0] != '"' {
			continue
		}
		q := bytes.IndexByte(rest[1:], rest[0])
		if q < 0 {
			continue
		}
		out = append(out, jsBinding{module: string(rest[1 : 1+q]), list: string(list)})
	}
	return out
}

// jsDestructurings returns the destructurings of a name into constants:
// const { OK, NOT_FOUND } = StatusCodes.
func jsDestructurings(text []byte) []jsBinding {
	var out []jsBinding
	for at := range indexes(text, []byte("} =")) {
		off := at + len("} =")
		open := bytes.LastIndexByte(text[:at], '{')
		if open < 0 || bytes.IndexByte(text[open:at], ';') >= 0 {
			continue
		}
		k := skipBlanks(text, off)
		j := k
		for j < len(text) && identByte[text[j]] {
			j++
		}
		if j == k || j < len(text) && text[j] == '.' {
			continue
		}
		out = append(out, jsBinding{owner: string(text[k:j]), list: string(text[open+1 : at])})
	}
	return out
}

// jsNames returns the names of an import or destructuring list that are
// bound under their own name.
func jsNames(list string) []string {
	var names []string
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n != "" && !strings.ContainsAny(n, " :\t\n=") {
			names = append(names, n)
		}
	}
	return names
}
