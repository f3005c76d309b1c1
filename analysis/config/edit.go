package config

import (
	"bytes"
	"strconv"
	"strings"
)

// Edit replaces the bytes between two offsets of a configuration file.
type Edit struct {
	Start, End int
	NewText    string
}

// SetRule returns the smallest edit of a .statusls.toml text that sets a rule
// to level: it changes the value of the rule's line in [rules] when there is
// one (keys lists the rule's ID and name, either of which the user may have
// written), adds a line to [rules] otherwise, and adds the table when the
// file has none. Comments, order and formatting of everything else are kept,
// which re-encoding the TOML would lose; hence a text edit and not a
// round-trip through the decoder. New lines use keys[0].
func SetRule(text []byte, keys []string, level Level) Edit {
	value := strconv.Quote(string(level))
	inRules := false
	insertAt := -1 // after the last key line of [rules]
	for off := 0; off < len(text); {
		eol := bytes.IndexByte(text[off:], '\n')
		next := len(text)
		if eol >= 0 {
			next = off + eol + 1
			eol += off
		} else {
			eol = len(text)
		}
		line := text[off:eol]
		trimmed := strings.TrimSpace(string(line))
		switch {
		case strings.HasPrefix(trimmed, "["):
			header := trimmed
			if i := strings.IndexByte(header, '#'); i >= 0 {
				header = strings.TrimSpace(header[:i])
			}
			wasRules := inRules
			inRules = strings.Join(strings.Fields(header), "") == "[rules]"
			if inRules {
				insertAt = next
			} else if wasRules {
				return insertLine(text, insertAt, keys[0], value)
			}
		case inRules && trimmed != "" && trimmed[0] != '#':
			insertAt = next
			if ks, vs, ve, ok := keyValue(line); ok && matchesKey(ks, keys) {
				return Edit{Start: off + vs, End: off + ve, NewText: value}
			}
		}
		off = next
	}
	if insertAt >= 0 {
		return insertLine(text, insertAt, keys[0], value)
	}
	// No [rules] table: append one, after a blank line.
	prefix := ""
	switch {
	case len(text) == 0:
	case text[len(text)-1] != '\n':
		prefix = "\n\n"
	case !bytes.HasSuffix(text, []byte("\n\n")):
		prefix = "\n"
	}
	return Edit{Start: len(text), End: len(text), NewText: prefix + "[rules]\n" + keys[0] + " = " + value + "\n"}
}

func insertLine(text []byte, at int, key, value string) Edit {
	nl := ""
	if at > 0 && text[at-1] != '\n' {
		nl = "\n" // the last line of the file had no line end
	}
	return Edit{Start: at, End: at, NewText: nl + key + " = " + value + "\n"}
}

// keyValue splits "key = value # comment" into the key and the value's
// span (without the comment and surrounding blanks).
func keyValue(line []byte) (key string, vs, ve int, ok bool) {
	eq := bytes.IndexByte(line, '=')
	if eq < 0 {
		return "", 0, 0, false
	}
	key = strings.Trim(strings.TrimSpace(string(line[:eq])), `"'`)
	vs = eq + 1
	for vs < len(line) && (line[vs] == ' ' || line[vs] == '\t') {
		vs++
	}
	ve = len(line)
	inStr := byte(0)
	for i := vs; i < len(line); i++ {
		c := line[i]
		switch {
		case inStr != 0 && c == '\\' && inStr == '"':
			i++
		case inStr != 0 && c == inStr:
			inStr = 0
		case inStr == 0 && (c == '"' || c == '\''):
			inStr = c
		case inStr == 0 && c == '#':
			ve = i
			i = len(line)
		}
	}
	for ve > vs && (line[ve-1] == ' ' || line[ve-1] == '\t' || line[ve-1] == '\r') {
		ve--
	}
	return key, vs, ve, true
}

func matchesKey(k string, keys []string) bool {
	for _, want := range keys {
		if strings.EqualFold(k, want) {
			return true
		}
	}
	return false
}
