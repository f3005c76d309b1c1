// Package config reads .statusls.toml, the workspace configuration of
// statusls checks: which rules run and how severe they are, whether vendor
// codes count as known, which files are checked, and which ecosystem's
// named constants a file is steered to.
//
// It sits beside the rules (analysis/rules) and knows nothing of them: rule
// keys are kept as written (an ID such as "SL005" or a name such as
// "prefer-named-constant") and resolved by the rules package, so that this
// package stays a plain reader that "statusls check" and the language
// server share. The file is found by walking up from the checked file (Find),
// like .editorconfig or .golangci.yml, so that a monorepo can hold one per
// project.
//
// The format, all keys optional:
//
//	vendor-codes = true                 # nginx 499, Cloudflare 52x count as known
//	include = ["src/", "deploy/"]       # gitignore-style patterns, relative to the file
//	exclude = ["vendor/", "**/testdata/"]
//
//	[rules]                             # rule ID or name = "off", "error", "warning", "info" or "hint"
//	SL005 = "off"
//
//	[constants]                         # ecosystem ID = "prefer" or "off" (SL005's suggestions)
//	starlette = "prefer"
//
//	[[overrides]]                       # settings for some files only, applied in order
//	paths = ["tests/"]
//	rules = { SL004 = "off" }
//
// Editing the file for the user ("Turn off RULE for this workspace") is a
// minimal text edit (SetRule), never a re-encode, so that comments and
// formatting survive.
package config
