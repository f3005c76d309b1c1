package rules

import (
	"slices"

	"github.com/statusls/statusls/analysis"
	"github.com/statusls/statusls/analysis/config"
	"github.com/statusls/statusls/catalog"
)

// Options say how to check one file. The zero value checks with every rule
// at its default severity against the embedded catalogue.
type Options struct {
	// LanguageID is the editor's languageId for the file, a hint that
	// decides the format before the file name and content do; the command
	// line leaves it empty.
	LanguageID string
	// Settings is the configuration that applies to the file: the
	// .statusls.toml settings for it (config.Config.ForFile), with the
	// editor's settings merged over them (config.Settings.Merge).
	Settings config.Settings
	// Catalog is the catalogue to check against; nil means the embedded one.
	Catalog *catalog.Catalog
	// Locale is the language of messages and fix titles; empty means
	// English. The server passes the editor's, "statusls check" its --lang.
	Locale catalog.Locale
}

// CheckFile is the one entry point through which both the language server
// and "statusls check" report problems, so that an editor and CI agree: it
// detects the file's format, finds its status codes, runs the enabled rules,
// applies the file's inline suppressions and the configured severities, and
// returns the diagnostics ordered by position, each with its fixes. path is
// used for the format only; the file is not read.
func CheckFile(path string, text []byte, opts Options) []Diagnostic {
	head := text[:min(len(text), 8192)]
	lang := analysis.Detect(opts.LanguageID, path, head)
	// No rule reads a finding in a comment, and a scan that leaves them
	// out costs less.
	return Check(analysis.AnalyzeCode(lang, text), text, opts)
}

// Check is CheckFile for a file already analysed: the server keeps one
// analysis per document version and shares it between hover, inlay hints
// and diagnostics, so it enters here with that result. text is what res was
// computed from.
func Check(res analysis.Result, text []byte, opts Options) []Diagnostic {
	c := catalogOf(opts)
	enabled := All()
	if len(opts.Settings.Rules) > 0 {
		enabled = make([]*Rule, 0, len(all))
		for _, r := range All() {
			if ruleLevel(r, opts.Settings) != config.Off {
				enabled = append(enabled, r)
			}
		}
	}
	vendor := true
	if v := opts.Settings.VendorCodes; v != nil {
		vendor = *v
	}
	loc := opts.Locale
	if loc == "" {
		loc = catalog.English
	}
	pass := Pass{Result: res, Text: text, Catalog: c, VendorCodes: vendor, Constants: opts.Settings.Constants, Locale: loc, cache: &passCache{}}
	diags := Run(enabled, pass)
	sup := pass.suppressions()
	out := diags[:0]
	for _, d := range diags {
		if !sup.covers(text, d) {
			out = append(out, d)
		}
	}
	if len(opts.Settings.Rules) > 0 {
		for i := range out {
			r, _ := ByID(out[i].RuleID) // Report sets the ID from a rule
			if s, ok := severities[ruleLevel(r, opts.Settings)]; ok {
				out[i].Severity = s
			}
		}
	}
	sortDiagnostics(out)
	return slices.Clip(out)
}

func catalogOf(opts Options) *catalog.Catalog {
	if opts.Catalog != nil {
		return opts.Catalog
	}
	return catalog.Default()
}

var severities = map[config.Level]Severity{
	config.Error: Error, config.Warning: Warning, config.Info: Information, config.Hint: Hint,
}

// ruleLevel is the configured level of a rule, by ID or name; "" keeps the
// rule's own severities.
func ruleLevel(r *Rule, s config.Settings) config.Level {
	if l, ok := s.Rules[r.ID]; ok {
		return l
	}
	return s.Rules[r.Name]
}

// UnknownRules lists the rule keys of settings that name no rule, so that
// the server and "statusls check" can point out a typo in the configuration.
func UnknownRules(s config.Settings) []string {
	var out []string
	for k := range s.Rules {
		if _, ok := ByID(k); !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
