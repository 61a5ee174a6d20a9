package markdown

import "bytes"

// maxNesting is the deepest nesting of lists, quotes and definition lists
// that the guide keeps. Deeper content is flattened into the container at
// this depth: nothing is lost, but it is no longer indented further. A
// reader cannot follow more levels than this, and page layouts run out of
// width long before.
const maxNesting = 12

// maxMarkerIndent is the widest indentation, in bytes, kept in front of a
// list or quote marker. Wider indentation can only mean nesting far beyond
// maxNesting, which is flattened anyway.
const maxMarkerIndent = 64

// nestingMessage is the warning given, once a note, where nesting is
// first flattened.
const nestingMessage = "lists and quotes nested more than 12 levels deep are flattened to 12 levels"

// clampNesting cuts, from the lines of src that open many lists or quotes
// at once ("> > > > …", "- - - - …"), the markers beyond maxNesting, and
// from lines that open a list or quote after very wide indentation the
// indentation beyond maxMarkerIndent. The Markdown parser spends time that
// grows with the square of the depth on such lines, so a few kilobytes of
// markers would otherwise stall it; the converter flattens what remains
// deeper than maxNesting.
//
// Lines before from (the front matter) and lines of fenced code blocks at
// the top level are kept as they are. Cuts are recorded in m, whose
// offsets must already cover every cut made before src. It returns the new
// text and the offset in it where markers were first cut, or -1: cutting
// indentation alone does not flatten anything by itself.
func clampNesting(src []byte, from int, m *offsetMap) ([]byte, int) {
	var out []byte // nil until the first cut
	first := -1
	var fence fenceState
	kept := 0 // src[:kept] is already in out
	for start := from; start < len(src); {
		line, next := nextLine(src, start)
		marks := scanMarkers(line)
		if fence.inside(line, marks) {
			start = next
			continue
		}
		cut := func(from, to int) {
			if out == nil {
				out = make([]byte, 0, len(src))
			}
			out = append(out, src[kept:start+from]...)
			m.cut(len(out), to-from)
			kept = start + to
		}
		if marks.indent > maxMarkerIndent && marks.count > 0 {
			cut(maxMarkerIndent, marks.indent)
		}
		if marks.count > maxNesting {
			cut(marks.keepEnd, marks.lastEnd)
			if first < 0 {
				first = len(out)
			}
		}
		start = next
	}
	if out == nil {
		return src, -1
	}
	return append(out, src[kept:]...), first
}

// markers describes the container markers that open a line: how many
// there are, how wide the indentation in front of them is, and where the
// markers end (byte offsets in the line).
type markers struct {
	indent int
	count  int
	// keepEnd is the end of marker number maxNesting, lastEnd the end of
	// the last marker, rest the start of what follows the markers.
	keepEnd, lastEnd, rest int
}

// scanMarkers finds the quote markers (">") and list markers ("-", "+",
// "*", "1." or "1)" followed by a space) at the start of line, with any
// spaces between them.
func scanMarkers(line []byte) markers {
	var m markers
	p := 0
	for p < len(line) && (line[p] == ' ' || line[p] == '\t') {
		p++
	}
	m.indent = p
	for {
		q := p
		for q < len(line) && (line[q] == ' ' || line[q] == '\t') {
			q++
		}
		end := markerEnd(line, q)
		if end < 0 {
			break
		}
		m.count++
		if m.count == maxNesting {
			m.keepEnd = end
		}
		m.lastEnd = end
		p = end
	}
	m.rest = p
	return m
}

// markerEnd returns the offset just after a container marker that starts
// at p in line, or -1 when none does. A list marker must be followed by a
// space or a tab, as in Markdown; a quote marker need not.
func markerEnd(line []byte, p int) int {
	if p >= len(line) {
		return -1
	}
	spaced := func(q int) int {
		if q < len(line) && (line[q] == ' ' || line[q] == '\t') {
			return q
		}
		return -1
	}
	switch c := line[p]; {
	case c == '>':
		return p + 1
	case c == '-' || c == '+' || c == '*':
		return spaced(p + 1)
	case c >= '0' && c <= '9':
		q := p
		for q < len(line) && q-p < 9 && line[q] >= '0' && line[q] <= '9' {
			q++
		}
		if q < len(line) && (line[q] == '.' || line[q] == ')') {
			return spaced(q + 1)
		}
	}
	return -1
}

// fenceState follows fenced code blocks that start at the top level, so
// that their lines are left alone.
type fenceState struct {
	char byte // '`' or '~' inside a block, 0 outside
	size int  // length of the opening fence
}

// inside reports whether line belongs to a fenced code block (its opening
// and closing lines included) and updates the state.
func (f *fenceState) inside(line []byte, marks markers) bool {
	body := bytes.TrimRight(line, " \t\r")
	if f.char != 0 {
		trimmed := bytes.TrimLeft(body, " \t")
		if run := leadingRun(trimmed, f.char); run >= f.size && run == len(trimmed) {
			f.char = 0
		}
		return true
	}
	if marks.count > 0 || marks.indent > 3 {
		return false
	}
	trimmed := bytes.TrimLeft(body, " \t")
	for _, c := range []byte{'`', '~'} {
		if run := leadingRun(trimmed, c); run >= 3 {
			f.char, f.size = c, run
			return true
		}
	}
	return false
}

// leadingRun counts the bytes c at the start of b.
func leadingRun(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// maxInlineNesting is the deepest nesting of emphasis, strikethrough and
// links kept; deeper ones keep their text without the markup.
const maxInlineNesting = 16

// inlineNestingMessage is the warning given, once a note, where inline
// nesting is flattened.
const inlineNestingMessage = "emphasis and links nested more than 16 levels deep are flattened"
