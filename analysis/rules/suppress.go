package rules

import (
	"bytes"
	"strings"

	"github.com/statusls/statusls/analysis"
)

// Inline suppressions, in the comment syntax of the file:
//
//	w.WriteHeader(299) // statusls:ignore SL001 the legacy client expects it
//	# statusls:ignore SL102 staging only, browsers must not cache the redirect
//	return 302 https://$host$request_uri;
//	# statusls:ignore-file prefer-named-constant generated code
//
// statusls:ignore trailing code covers its own line; on a line of its own
// it covers the next one; statusls:ignore-file covers the whole file. Rules
// are named by ID or name, several separated by commas. The reason is
// required, so that the next reader knows why the check was overruled; a
// suppression without one still applies, and is reported by SL901.

const (
	ignoreLine = "statusls:ignore"
	ignoreFile = "statusls:ignore-file"
)

// commentOpeners lists the comment syntax of each format, the one used for
// new comments first. JSON has none, so its files cannot carry suppressions.
var commentOpeners = map[analysis.Language][]string{
	analysis.Go: {"//", "/*"}, analysis.JavaScript: {"//", "/*"}, analysis.TypeScript: {"//", "/*"},
	analysis.Java: {"//", "/*"}, analysis.Kotlin: {"//", "/*"}, analysis.CSharp: {"//", "/*"},
	analysis.Rust: {"//", "/*"}, analysis.PHP: {"//", "#", "/*"}, analysis.Python: {"#"}, analysis.Ruby: {"#"},
	analysis.Lua: {"--"}, analysis.Nginx: {"#"}, analysis.Apache: {"#"}, analysis.HAProxy: {"#"},
	analysis.Caddy: {"#"}, analysis.YAML: {"#"}, analysis.HTTP: {"#", "//"}, analysis.Plain: {"<!--", "#", "//"},
}

// suppression is one statusls:ignore comment.
type suppression struct {
	start, end int      // the directive, for SL901's diagnostic
	line       int      // line number (0-based) of the comment
	trailing   bool     // the comment follows code on its line
	file       bool     // ignore-file
	rules      []string // as written
	reason     string
}

type suppressions []suppression

// suppressions returns the suppression comments of the pass's file,
// parsed once per run.
func (p *Pass) suppressions() suppressions {
	return p.cached().suppress.get(func() suppressions { return parseSuppressions(p.Result.Language, p.Text) })
}

// mentionsIgnore reports whether text holds ignoreLine. Every file is
// asked, and a search for the part from the colon on takes half the time
// of one for the whole, whose first byte, s, code is full of.
func mentionsIgnore(text []byte) bool {
	tool, _, _ := strings.Cut(ignoreLine, ":")
	rest := ignoreLine[len(tool):]
	for off := 0; ; {
		i := bytes.Index(text[off:], []byte(rest))
		if i < 0 {
			return false
		}
		if at := off + i; at >= len(tool) && string(text[at-len(tool):at]) == tool {
			return true
		}
		off += i + 1
	}
}

// parseSuppressions finds the suppression comments of a file.
func parseSuppressions(lang analysis.Language, text []byte) suppressions {
	openers := commentOpeners[lang]
	if len(openers) == 0 || !mentionsIgnore(text) {
		return nil
	}
	var out suppressions
	// Only the lines that hold the directive are read: line counts the
	// line breaks before lineStart, the start of the last line read.
	line, lineStart := 0, 0
	for off := 0; off < len(text); {
		i := bytes.Index(text[off:], []byte(ignoreLine))
		if i < 0 {
			break
		}
		at := off + i
		ls := bytes.LastIndexByte(text[:at], '\n') + 1
		line += bytes.Count(text[lineStart:ls], []byte("\n"))
		lineStart = ls
		eol := len(text)
		if k := bytes.IndexByte(text[at:], '\n'); k >= 0 {
			eol = at + k
		}
		off = eol + 1
		if !inComment(text[ls:at], openers) {
			continue
		}
		s := suppression{start: at, line: line, trailing: !opensLine(text[ls:at], openers)}
		rest := string(text[at+len(ignoreLine) : eol])
		if strings.HasPrefix(rest, "-file") {
			s.file, rest = true, rest[len("-file"):]
		}
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
			rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "*/"))
			rest = strings.TrimSpace(strings.TrimSuffix(rest, "-->"))
			names, reason, _ := strings.Cut(rest, " ")
			for n := range strings.SplitSeq(names, ",") {
				if n != "" {
					s.rules = append(s.rules, n)
				}
			}
			s.reason = strings.TrimSpace(reason)
			s.end = at + len(ignoreLine)
			if s.file {
				s.end += len("-file")
			}
			out = append(out, s)
		}
	}
	return out
}

// inComment reports whether the text before a directive on its line opens
// a comment.
func inComment(before []byte, openers []string) bool {
	for _, o := range openers {
		if bytes.Contains(before, []byte(o)) {
			return true
		}
	}
	return false
}

// opensLine reports whether a comment opener is the first thing on the
// line before a directive.
func opensLine(before []byte, openers []string) bool {
	before = bytes.TrimLeft(before, " \t")
	for _, o := range openers {
		if bytes.HasPrefix(before, []byte(o)) {
			return true
		}
	}
	return false
}

func (ss suppressions) covers(text []byte, d Diagnostic) bool {
	if len(ss) == 0 {
		return false
	}
	line := bytes.Count(text[:d.Start], []byte("\n"))
	for _, s := range ss {
		if !s.file && line != s.line && (s.trailing || line != s.line+1) {
			continue
		}
		for _, n := range s.rules {
			if r, ok := ByID(n); ok && r.ID == d.RuleID {
				return true
			}
		}
	}
	return false
}

// SuppressionWithoutReason (SL901) reports a statusls:ignore comment that
// gives no reason, or that names no rule statusls has.
//
//	return 302 https://$host$request_uri; # statusls:ignore SL102
//	return 302 https://$host$request_uri; # statusls:ignore SL102 staging: browsers must not cache it
//
// A suppression overrules a check for every later reader, so it says why.
// One that names an unknown rule (a typo, a rule since renamed) suppresses
// nothing, which its author would not expect.
var SuppressionWithoutReason = &Rule{
	ID:   "SL901",
	Name: "suppression-without-reason",
	Doc: `statusls:ignore without a reason or with an unknown rule

Write "statusls:ignore RULE reason": the rule's ID or name, then why.

Wrong:
	return 302 https://$host$request_uri; # statusls:ignore SL102

Right:
	return 302 https://$host$request_uri; # statusls:ignore SL102 staging: browsers must not cache it`,
	Severity: Warning,
	Run:      runSuppressionWithoutReason,
}

func runSuppressionWithoutReason(pass *Pass) {
	for _, s := range pass.suppressions() {
		kind := ignoreLine
		if s.file {
			kind = ignoreFile
		}
		if len(s.rules) == 0 {
			pass.Report(Diagnostic{Start: s.start, End: s.end, Message: pass.msg("SL901.empty", "kind", kind)})
			continue
		}
		for _, n := range s.rules {
			if _, ok := ByID(n); !ok {
				pass.Report(Diagnostic{Start: s.start, End: s.end, Message: pass.msg("SL901.unknown", "kind", kind, "name", n)})
			}
		}
		if s.reason == "" {
			pass.Report(Diagnostic{Start: s.start, End: s.end, Message: pass.msg("SL901.reason", "kind", kind)})
		}
	}
}

// IgnoreFix returns the edit that suppresses a diagnostic on its line: a
// comment line "statusls:ignore RULE " above it, indented like it, for the
// user to complete with a reason (SL901 reminds them until they do). Formats
// without comments (JSON) have none. The title is in opts' locale.
func IgnoreFix(lang analysis.Language, text []byte, d Diagnostic, opts Options) (Fix, bool) {
	openers := commentOpeners[lang]
	if len(openers) == 0 || d.Start > len(text) {
		return Fix{}, false
	}
	ls := bytes.LastIndexByte(text[:d.Start], '\n') + 1
	ind := ls
	for ind < len(text) && (text[ind] == ' ' || text[ind] == '\t') {
		ind++
	}
	comment := openers[0] + " " + ignoreLine + " " + d.RuleID + " "
	if openers[0] == "<!--" {
		comment += " -->"
	}
	return Fix{
		Title: catalogOf(opts).Message(opts.Locale, "rule.ignore", "rule", d.RuleID),
		Edits: []Edit{{Start: ls, End: ls, NewText: string(text[ls:ind]) + comment + "\n"}},
	}, true
}
