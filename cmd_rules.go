package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/statusls/statusls/analysis/rules"
)

// severityNames are how severities read on the command line and in
// .statusls.toml.
var severityNames = map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Information: "info", rules.Hint: "hint"}

// runRules lists the checks: ID, name, default severity and title, the
// table a user needs to write .statusls.toml or a suppression.
func runRules(args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("rules takes no arguments; for one rule run statusls explain %s", pos[0])
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
	for _, r := range rules.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, severityNames[r.Severity], ruleTitle(r))
	}
	return tw.Flush()
}

// explainRule prints a rule's documentation, for "statusls explain SL102"
// and "statusls explain nginx-temporary-https-redirect".
func explainRule(r *rules.Rule, stdout io.Writer) error {
	fmt.Fprintf(stdout, "%s %s (%s)\n\n%s\n\n%s\n", r.ID, r.Name, severityNames[r.Severity], strings.TrimSpace(r.Doc), r.URL())
	return nil
}

func ruleTitle(r *rules.Rule) string {
	title, _, _ := strings.Cut(r.Doc, "\n")
	return title
}
