package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/parser"
	"go.abhg.dev/goldmark/frontmatter"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// frontMatterSpan says where front matter sits in the parsed text.
type frontMatterSpan struct {
	// found is true when the first line is a delimiter line (three or more
	// '-' for YAML, '+' for TOML); closed is true when a matching line
	// follows.
	found, closed bool
	// raw is the text between the delimiter lines; it starts at byte start
	// of the parsed text.
	raw   []byte
	start int
	delim byte
}

// scanFrontMatter finds front matter the way the front matter parser will,
// so that an unclosed block can be reported instead of swallowing the
// whole note.
func scanFrontMatter(src []byte) frontMatterSpan {
	first, next := nextLine(src, 0)
	delim, count := delimiterLine(first)
	if delim == 0 {
		return frontMatterSpan{}
	}
	span := frontMatterSpan{found: true, start: next, delim: delim}
	for off := next; off < len(src); {
		line, after := nextLine(src, off)
		if d, c := delimiterLine(line); d == delim && c == count {
			span.closed = true
			span.raw = src[next:off]
			return span
		}
		off = after
	}
	return span
}

// nextLine returns the line that starts at off, without its line ending,
// and the offset of the line after it.
func nextLine(src []byte, off int) (line []byte, next int) {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return src[off:], len(src)
	}
	return src[off : off+i], off + i + 1
}

// delimiterLine reports whether line is a front matter delimiter: three or
// more of the same '-' or '+' and nothing else.
func delimiterLine(line []byte) (delim byte, count int) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) < 3 || (line[0] != '-' && line[0] != '+') {
		return 0, 0
	}
	for _, c := range line {
		if c != line[0] {
			return 0, 0
		}
	}
	return line[0], len(line)
}

// readFrontMatter decodes the front matter that the parse left in pc and
// turns it into metadata. Problems are diagnostics at the offending key's
// line; offsets maps offsets of the parsed text to the note. The keys in
// switches are read as switches of true or false.
func readFrontMatter(file *diag.File, span frontMatterSpan, offsets *offsetMap, pc parser.Context, switches []string) guide.Meta {
	var meta guide.Meta
	data := frontmatter.Get(pc)
	if data == nil {
		return meta
	}
	if off := tooDeep(span.raw); off >= 0 {
		file.Errorf(offsets.note(span.start+off), "front matter: lists or tables are nested more than %d levels deep", maxFrontMatterDepth)
		return meta
	}
	if off := tooManyKeys(span.raw, span.delim); off >= 0 {
		file.Errorf(offsets.note(span.start+off), "front matter: it sets more than %d keys; front matter holds a few settings such as the title", maxFrontMatterKeys)
		return meta
	}
	var fields map[string]any
	if err := data.Decode(&fields); err != nil {
		off := span.start
		msg := err.Error()
		if n, ok := errorLine(msg); ok {
			if span.delim == '-' && yamlParserError(msg) {
				n++
			}
			off = span.start + lineOffset(span.raw, n)
		}
		file.Errorf(offsets.note(off), "front matter: %s", decodeMessage(msg))
		return meta
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	lines := keyLines(span, keys)
	for _, k := range keys {
		f := field{file: file, key: k, off: offsets.note(lines[k]), switches: switches} // off is 0, the delimiter, when not found
		f.apply(&meta, fields[k])
	}
	return meta
}

// maxFrontMatterDepth is the deepest nesting of brackets and braces that
// front matter may have. The TOML decoder takes time that grows much
// faster than the depth, and no metadata needs more than a few levels.
const maxFrontMatterDepth = 64

// tooDeep returns the offset in raw where brackets or braces first open
// more than maxFrontMatterDepth levels deep, or -1. Quoted strings and
// comments are skipped; the scan is only a guard, and the decoder judges
// everything else.
func tooDeep(raw []byte) int {
	depth := 0
	var quote byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote || c == '\n' {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			for i < len(raw) && raw[i] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			if depth++; depth > maxFrontMatterDepth {
				return i
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return -1
}

// maxFrontMatterKeys is the most keys front matter may set, counted
// roughly (see tooManyKeys). The YAML decoder compares each key of a
// mapping with every key before it, so the time it takes grows with the
// square of their number.
const maxFrontMatterKeys = 10_000

// tooManyKeys returns the offset in raw of the line that sets key number
// maxFrontMatterKeys+1, or -1. It counts what may set a key: in YAML a
// colon followed by a space or a line end, in TOML an equals sign. Text
// that merely holds such a colon counts too; the limit is far above what
// any front matter needs.
func tooManyKeys(raw []byte, delim byte) int {
	n := 0
	for i, c := range raw {
		key := c == '=' && delim == '+' ||
			c == ':' && delim == '-' && (i+1 == len(raw) || raw[i+1] == ' ' || raw[i+1] == '\t' || raw[i+1] == '\n' || raw[i+1] == '\r')
		if !key {
			continue
		}
		if n++; n > maxFrontMatterKeys {
			return bytes.LastIndexByte(raw[:i], '\n') + 1
		}
	}
	return -1
}

// errorLine finds "line N" in a YAML or TOML error message. N counts lines
// of the front matter from 1.
func errorLine(msg string) (int, bool) {
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0, false
	}
	j := i + len("line ")
	k := j
	for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(msg[j:k])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// yamlParserErrors are the messages of errors found by the YAML parser,
// as opposed to its scanner. yaml.v3 numbers the lines of parser errors
// from 0 and those of scanner errors from 1.
var yamlParserErrors = []string{
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
}

// yamlParserError reports whether msg is the message of a YAML parser
// error.
func yamlParserError(msg string) bool {
	for _, p := range yamlParserErrors {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// lineOffset returns the offset of the 1-based line n of raw, or of its
// last line when raw is shorter.
func lineOffset(raw []byte, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := bytes.IndexByte(raw[off:], '\n')
		if i < 0 || off+i+1 >= len(raw) {
			break
		}
		off += i + 1
	}
	return off
}

// decodeMessage turns a decoder's error into a sentence for the author:
// without the decoder's name and the line number, which the diagnostic
// already shows.
func decodeMessage(msg string) string {
	if strings.Contains(msg, "cannot unmarshal") && strings.Contains(msg, "into map") {
		return "it must be a list of key: value pairs"
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "toml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return strings.Join(strings.Fields(msg), " ")
}

// keyLines returns, for each of keys, the offset in the parsed text of
// the first line that sets it at the top level; a key it cannot find is
// left out, and is then reported at the opening delimiter. It reads the
// front matter once, whatever the number of keys.
func keyLines(span frontMatterSpan, keys []string) map[string]int {
	sep := byte(':')
	if span.delim == '+' {
		sep = '='
	}
	ks := keySet{names: make(map[string]bool, len(keys))}
	for _, k := range keys {
		ks.names[k] = true
		for len(ks.lengths) <= len(k) {
			ks.lengths = append(ks.lengths, false)
		}
		ks.lengths[len(k)] = true
	}
	found := make(map[string]int, len(keys))
	raw := span.raw
	for off := 0; off < len(raw); {
		line, next := nextLine(raw, off)
		ks.onLine(line, sep, func(k string) {
			if _, seen := found[k]; !seen {
				found[k] = span.start + off
			}
		})
		off = next
	}
	return found
}

// keySet is the set of keys keyLines looks for, with the lengths they
// have, so that a line is only tried at those lengths.
type keySet struct {
	names   map[string]bool
	lengths []bool // lengths[n] is true when a key is n bytes long
}

// has reports whether b is one of the keys.
func (ks keySet) has(b []byte) bool {
	return len(b) < len(ks.lengths) && ks.lengths[len(b)] && ks.names[string(b)]
}

// onLine calls set with each key that line sets at the top level: the
// text before a separator (spaces or tabs may come between), or the text
// between quotes at the start of the line. A line that starts with white
// space sets no top-level key. The time it takes grows with the length of
// the line, up to that of the longest key, and no further.
func (ks keySet) onLine(line []byte, sep byte, set func(string)) {
	if len(line) > 0 && (line[0] == '"' || line[0] == '\'') {
		if end := bytes.IndexByte(line[1:min(len(line), len(ks.lengths)+1)], line[0]); end >= 0 && ks.has(line[1:end+1]) {
			if rest := bytes.TrimLeft(line[end+2:], " \t"); len(rest) > 0 && rest[0] == sep {
				set(string(line[1 : end+1]))
			}
		}
	}
	// A key ends where white space or the separator starts; the separator
	// must follow after any white space.
	for i := 1; i < min(len(ks.lengths), len(line)); i++ {
		if c := line[i]; c != sep && c != ' ' && c != '\t' || !ks.lengths[i] {
			continue
		}
		if c := line[i-1]; c == ' ' || c == '\t' {
			continue
		}
		if rest := bytes.TrimLeft(line[i:], " \t"); len(rest) > 0 && rest[0] == sep && ks.has(line[:i]) {
			set(string(line[:i]))
		}
	}
}
