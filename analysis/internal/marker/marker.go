// Package marker reads the expectations that test data files carry at the
// end of the line they concern, such as
//
//	w.WriteHeader(502) // @want 502
//	return 302 https://$host$request_uri; # @diag SL102=302
//
// for the tests of analysis (findings) and analysis/rules (diagnostics),
// which share this syntax and differ only in what an item means. An
// annotation runs from its tag to the end of the line. Extract blanks it
// with spaces before the file is analysed, so that offsets do not move and
// the annotation's own digits are never scanned; the comment marker before
// it, if any, stays as an empty comment, and formats without comments (JSON)
// can carry annotations too.
package marker

import "bytes"

// Line is one annotated line.
type Line struct {
	// Num is the line number, from 1; Start the offset of its first byte.
	Num, Start int
	// Text is the line before the annotation, within the blanked source.
	Text []byte
	// Items are the annotation's blank-separated words after the tag.
	Items []string
}

// Extract finds the annotations introduced by tag ("@want", "@diag") in
// src, blanks them in place, and returns them in line order.
func Extract(src []byte, tag string) []Line {
	var out []Line
	start := 0
	for num := 1; start <= len(src); num++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		line := src[start : start+end]
		if at := bytes.Index(line, []byte(tag)); at >= 0 {
			items := bytes.Fields(line[at+len(tag):])
			l := Line{Num: num, Start: start, Text: line[:at]}
			for _, it := range items {
				l.Items = append(l.Items, string(it))
			}
			for i := at; i < len(line); i++ {
				line[i] = ' '
			}
			out = append(out, l)
		}
		start += end + 1
	}
	return out
}

// FindToken finds text in line at or after from, not inside a longer word,
// so that "404" does not match in "/orders/4040"; digits right after an
// underscore count as a token, for nginx's http_502. It returns -1 when
// there is none.
func FindToken(line []byte, text string, from int) int {
	for from <= len(line) {
		i := bytes.Index(line[from:], []byte(text))
		if i < 0 {
			return -1
		}
		i += from
		j := i + len(text)
		before := i == 0 || !isWordByte(line[i-1]) || !isWordByte(text[0]) || line[i-1] == '_' && text[0] >= '0' && text[0] <= '9'
		after := j == len(line) || !isWordByte(line[j]) || !isWordByte(text[len(text)-1])
		if before && after {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
