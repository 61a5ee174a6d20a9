package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Paragraph limits. goldmark's search for link reference definitions
// takes time that grows with the square of a paragraph's lines, and some
// runs of brackets, backticks and emphasis markers take time that grows
// with the square of its bytes. No paragraph a person writes comes near
// these limits; a paragraph past them is cut into shorter ones.
const (
	// maxParagraphLines is the most lines a paragraph keeps; a longer one
	// is cut into paragraphs of paragraphLines lines.
	maxParagraphLines = 2000
	paragraphLines    = 500
	// maxParagraphBytes is the most bytes a paragraph keeps; a longer one
	// is cut into paragraphs of about paragraphBytes bytes, at line ends
	// or spaces where possible.
	maxParagraphBytes = 32 << 10
	paragraphBytes    = 4 << 10
	// maxTableColumns and maxTableCells bound a table: goldmark pads every
	// row to the header's width, so a wide header over many short rows
	// would make millions of cells out of a few kilobytes. A table past
	// them stays a paragraph of text.
	maxTableColumns = 64
	maxTableCells   = 1_000_000
)

// paragraphSplitter cuts paragraphs that are past the limits above. It
// has two paragraph transformers: one by lines that runs before link
// reference definitions are looked for, and one by bytes that runs after
// tables have been recognised, so that a long table stays one table.
type paragraphSplitter struct {
	problems []auditProblem
}

// byLines returns the transformer that cuts paragraphs by lines.
func (s *paragraphSplitter) byLines() parser.ParagraphTransformer { return linesSplitter{s} }

// tables returns the transformer that keeps tables within bounds.
func (s *paragraphSplitter) tables() parser.ParagraphTransformer { return tableGuard{s} }

// byBytes returns the transformer that cuts paragraphs by bytes.
func (s *paragraphSplitter) byBytes() parser.ParagraphTransformer { return bytesSplitter{s} }

type linesSplitter struct{ s *paragraphSplitter }

// Transform cuts a paragraph of more than maxParagraphLines lines into
// runs of paragraphLines lines, up to the header of a table if one starts
// in it: the table's lines stay in the paragraph for the table transformer
// to find. Each new paragraph is searched for link reference definitions
// here, since the parser's own search runs only on the paragraph it was
// given.
func (t linesSplitter) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	n := lines.Len()
	if n <= maxParagraphLines {
		return
	}
	src := reader.Source()
	keep := n - paragraphLines
	for i := 1; i < n; i++ {
		if seg := lines.At(i); looksLikeDelimiterRow(seg.Value(src)) {
			keep = i - 1
			break
		}
	}
	if keep <= 0 {
		return
	}
	parent := node.Parent()
	for from := 0; from < keep; from += paragraphLines {
		p := ast.NewParagraph()
		p.SetPos(lines.At(from).Start)
		for i := from; i < min(from+paragraphLines, keep); i++ {
			p.Lines().Append(lines.At(i))
		}
		parent.InsertBefore(parent, node, p)
		parser.LinkReferenceParagraphTransformer.Transform(p, reader, pc)
	}
	rest := text.NewSegments()
	for i := keep; i < n; i++ {
		rest.Append(lines.At(i))
	}
	node.SetLines(rest)
	node.SetPos(rest.At(0).Start)
	t.s.problems = append(t.s.problems, auditProblem{lines.At(0).Start,
		fmt.Sprintf("this paragraph has %d lines; it is cut into paragraphs of %d lines", n, paragraphLines)})
}

type tableGuard struct{ s *paragraphSplitter }

// Transform keeps a paragraph that would become a table of more than
// maxTableColumns columns or maxTableCells cells from becoming one: it is
// replaced by a copy of itself, which the transformers after this one
// (the table transformer among them) never see. The copy is still cut by
// bytes if it is long.
func (t tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		row := seg.Value(src)
		if !looksLikeDelimiterRow(row) {
			continue
		}
		cols := delimiterCells(row)
		rows := lines.Len() - i
		if cols <= maxTableColumns && cols*rows <= maxTableCells {
			return
		}
		cp := ast.NewParagraph()
		cp.SetPos(node.Pos())
		cp.SetLines(lines)
		parent := node.Parent()
		parent.InsertBefore(parent, node, cp)
		parent.RemoveChild(parent, node)
		head := lines.At(i - 1)
		t.s.problems = append(t.s.problems, auditProblem{head.Start,
			fmt.Sprintf("a table of %d columns and %d rows is too large to lay out; it is shown as text", cols, rows)})
		bytesSplitter(t).Transform(cp, reader, pc)
		return
	}
}

// delimiterCells counts the cells of a table's delimiter row.
func delimiterCells(row []byte) int {
	row = bytes.TrimSpace(row)
	row = bytes.TrimPrefix(row, []byte("|"))
	row = bytes.TrimSuffix(row, []byte("|"))
	return bytes.Count(row, []byte("|")) + 1
}

type bytesSplitter struct{ s *paragraphSplitter }

// Transform replaces a paragraph of more than maxParagraphBytes bytes by
// paragraphs of about paragraphBytes bytes, cut at line ends where lines
// are short enough, else at spaces, else (inside a very long word) between
// two characters.
func (t bytesSplitter) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	total := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		total += seg.Len()
	}
	if total <= maxParagraphBytes {
		return
	}
	src := reader.Source()
	parent := node.Parent()
	var piece *ast.Paragraph
	size, pieces := 0, 0
	flush := func() {
		if piece == nil {
			return
		}
		last := piece.Lines().Len() - 1
		seg := piece.Lines().At(last)
		piece.Lines().Set(last, seg.TrimRightSpace(src))
		parent.InsertBefore(parent, node, piece)
		piece, size = nil, 0
		pieces++
	}
	add := func(seg text.Segment) {
		if piece == nil {
			piece = ast.NewParagraph()
			piece.SetPos(seg.Start)
		}
		piece.Lines().Append(seg)
		size += seg.Len()
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for seg.Len() > 0 {
			room := paragraphBytes - size
			if seg.Len() <= room {
				add(seg)
				break
			}
			if size > 0 && seg.Len() <= paragraphBytes {
				flush()
				continue
			}
			if room <= 0 {
				flush()
				room = paragraphBytes
			}
			cut := cutPoint(src[seg.Start:seg.Stop], room)
			add(text.NewSegmentPadding(seg.Start, seg.Start+cut, seg.Padding))
			flush()
			rest := text.NewSegment(seg.Start+cut, seg.Stop)
			seg = rest.TrimLeftSpace(src)
		}
	}
	flush()
	parent.RemoveChild(parent, node)
	t.s.problems = append(t.s.problems, auditProblem{lines.At(0).Start,
		fmt.Sprintf("this paragraph is %d KiB long; it is cut into %d paragraphs of about %d KiB", (total+1023)>>10, pieces, paragraphBytes>>10)})
}

// cutPoint returns where to cut b so that the first part holds at most
// room bytes (and at least one character): after the last space within
// room if there is one in its second half, else between two characters.
func cutPoint(b []byte, room int) int {
	if room >= len(b) {
		return len(b)
	}
	for i := room; i > room/2; i-- {
		if util.IsSpace(b[i-1]) {
			return i
		}
	}
	i := room
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	if i == 0 {
		_, size := utf8.DecodeRune(b)
		return size
	}
	return i
}

// looksLikeDelimiterRow reports whether line could be the row of dashes
// under a table's header, as goldmark's table parser decides it: at most
// three spaces of indentation, then only dashes, colons, pipes and spaces,
// and not only dashes.
func looksLikeDelimiterRow(line []byte) bool {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return false
	}
	onlyDashes := true
	for _, c := range line {
		if c != '-' {
			onlyDashes = false
		}
		if !(util.IsSpace(c) || c == '-' || c == '|' || c == ':') {
			return false
		}
	}
	return !onlyDashes
}
