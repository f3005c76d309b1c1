package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/statusls/statusls/analysis/rules"
	"github.com/statusls/statusls/catalog"
)

// pageFlags are the flags shared by explain and compare.
type pageFlags struct {
	lang   string
	format string
}

func (p *pageFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.lang, "lang", "en", "locale of the text: a BCP 47 tag such as en or vi-VN")
	fs.StringVar(&p.format, "format", "text", "output format: text, markdown or json")
}

// resolve checks the flags against the catalogue: the locale must be one it
// has, and the format one it renders (json is handled by the callers).
func (p *pageFlags) resolve(c *catalog.Catalog) (catalog.Locale, catalog.Format, error) {
	loc, err := c.ParseLocale(p.lang)
	if err != nil {
		return "", 0, usageError{err.Error()}
	}
	if p.format == "json" {
		return loc, 0, nil
	}
	f, err := catalog.ParseFormat(p.format)
	if err != nil {
		return "", 0, usageError{err.Error() + " or json"}
	}
	return loc, f, nil
}

// parseCode reads a status code argument: three digits naming a code the
// catalogue knows.
func parseCode(c *catalog.Catalog, arg string) (int, error) {
	n, err := strconv.Atoi(arg)
	if err != nil || len(arg) != 3 {
		return 0, usagef("%q is not a status code: want three digits such as 404", arg)
	}
	if len(c.Lookup(n)) == 0 {
		return 0, fmt.Errorf("%w %d: neither the IANA registry nor a known vendor defines it", catalog.ErrUnknownCode, n)
	}
	return n, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runExplain(args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	var pf pageFlags
	pf.register(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one status code or rule, e.g. statusls explain 502 or statusls explain SL102")
	}
	if r, ok := rules.ByID(pos[0]); ok {
		return explainRule(r, stdout)
	}
	c := catalog.Default()
	loc, format, err := pf.resolve(c)
	if err != nil {
		return err
	}
	code, err := parseCode(c, pos[0])
	if err != nil {
		return err
	}
	entries := c.Lookup(code)
	if pf.format == "json" {
		return writeJSON(stdout, struct {
			Code    int              `json:"code"`
			Locale  catalog.Locale   `json:"locale"`
			Entries []*catalog.Entry `json:"entries"`
		}{code, loc, entries})
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprint(stdout, c.RenderEntry(e, loc, format))
	}
	return nil
}

func runCompare(args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	var pf pageFlags
	pf.register(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want two status codes, e.g. statusls compare 502 504")
	}
	c := catalog.Default()
	loc, format, err := pf.resolve(c)
	if err != nil {
		return err
	}
	a, err := parseCode(c, pos[0])
	if err != nil {
		return err
	}
	b, err := parseCode(c, pos[1])
	if err != nil {
		return err
	}
	if a == b {
		return usagef("want two different status codes")
	}
	cp, err := c.Compare(a, b, loc)
	if err != nil {
		return err
	}
	if pf.format == "json" {
		return writeJSON(stdout, cp)
	}
	fmt.Fprint(stdout, c.RenderComparison(cp, format))
	return nil
}

func runCatalog(args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	format := fs.String("format", "json", "output format: json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("catalog takes no arguments")
	}
	if *format != "json" {
		return usageError{fmt.Sprintf("unknown format %q (catalog is dumped as json)", *format)}
	}
	return writeJSON(stdout, catalog.Default().Dump())
}
