package markdown

import (
	"bytes"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// plainEmphasis parses the emphasis study notes hold most of, *text* and
// **text** with plain text between the stars on one line, straight into
// one node that stands for the two goldmark would make of it (see
// plainEmph). goldmark's own emphasis parser makes a delimiter node for
// each run of stars and pairs the runs once the whole block is read; a
// note with a key term in every sentence makes hundreds of thousands of
// them, only to throw them away.
//
// It takes a run of stars only when goldmark would pair it with the next
// run and nothing else, so the tree is the same whichever parser reads
// it:
//
//   - the run opens (it is left-flanking), and could not close one still
//     waiting to be paired: either it cannot close (it is not
//     right-flanking) or no delimiter waits;
//   - the next run on the line has as many stars, one or two, and closes
//     (it is right-flanking);
//   - the text between holds no character that another inline parser
//     may start at (see plainByte).
//
// Anything else, such as emphasis across lines, nested emphasis or a
// link inside, is left to goldmark's parser, which runs after this one.
type plainEmphasis struct{}

// Trigger implements parser.InlineParser.
func (plainEmphasis) Trigger() []byte { return []byte{'*'} }

// Parse implements parser.InlineParser.
func (plainEmphasis) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if seg.Padding != 0 {
		return nil
	}
	n, end, ok := matchEmphasis(line, 0, block.PrecendingCharacter(), pc.LastDelimiter() != nil)
	if !ok {
		return nil
	}
	em := &plainEmph{level: n, text: text.NewSegment(seg.Start+n, seg.Start+end)}
	em.SetPos(seg.Start)
	block.Advance(end + n)
	return em
}

// matchEmphasis reads the run of stars at line[i], after the character
// before, as plainEmphasis takes it: it returns the number of stars, one
// or two, and where in line the closing run starts. waiting tells whether
// a delimiter waits to be paired.
func matchEmphasis(line []byte, i int, before rune, waiting bool) (n, end int, ok bool) {
	n = starRun(line, i)
	if n != 1 && n != 2 {
		return 0, 0, false
	}
	opens, closes := flanking(before, runeAfter(line, i+n))
	if !opens || (closes && waiting) {
		return 0, 0, false
	}
	end = i + n
	for end < len(line) && line[end] != '*' {
		if !plainByte(line, end) {
			return 0, 0, false
		}
		end++
	}
	if end == len(line) || starRun(line, end) != n {
		return 0, 0, false
	}
	// The character before the closing run, read as goldmark's
	// PrecendingCharacter reads it.
	if _, closes := flanking(util.ToRune(line, end-1), runeAfter(line, end+n)); !closes {
		return 0, 0, false
	}
	return n, end, true
}

// plainEmph is emphasis as plainEmphasis reads it: goldmark's Emphasis of
// its level with one Text of text, in one node, since a long note holds
// many. The converter reads it as it reads the two.
type plainEmph struct {
	ast.BaseInline
	level int
	text  text.Segment
}

var kindPlainEmph = ast.NewNodeKind("PlainEmphasis")

func (n *plainEmph) Kind() ast.NodeKind         { return kindPlainEmph }
func (n *plainEmph) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// starRun returns the number of stars in line from i on.
func starRun(line []byte, i int) int {
	n := 0
	for i+n < len(line) && line[i+n] == '*' {
		n++
	}
	return n
}

// runeAfter returns the character at line[i], or a space at the end of
// the line, as goldmark reads the character after a delimiter run.
func runeAfter(line []byte, i int) rune {
	if i >= len(line) {
		return ' '
	}
	return util.ToRune(line, i)
}

// flanking reports whether a run of stars between the characters before
// and after it can open emphasis (it is left-flanking) and can close it
// (it is right-flanking), as goldmark decides it.
func flanking(before, after rune) (opens, closes bool) {
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	opens = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	closes = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	return opens, closes
}

// plainByte reports whether line[i] is plain text to every inline parser
// of a note read without linkify: no parser starts at it, or the only
// one that does (the typographer's, at '.' and '-') makes nothing of it
// here. A line's end is not plain: emphasis across lines is goldmark's.
func plainByte(line []byte, i int) bool {
	switch c := line[i]; c {
	case '.', '-':
		return i+1 >= len(line) || line[i+1] != c
	case '\n', '\r', '_', '`', '[', ']', '!', '<', '>', '~', '$', '\\', '\'', '"':
		return false
	}
	return true
}

// plainLines reads a line of plain text and plain emphasis (see
// plainEmphasis) whole, into one node, where goldmark would make a node
// of each piece of text and each emphasis, and one more of the piece
// after the line's last full stop or hyphen. It starts only at the start
// of a line, and takes the line only when every piece of it would be read
// as plain text or plain emphasis, and the line ends in a line break or
// ends the block.
//
// goldmark starts a parser at spaces, as this one, at every space; with
// linkify, which starts there too, it is not used (see mayLinkify).
type plainLines struct {
	// pieces is the room the pieces of a line are gathered in.
	pieces []linePiece
}

// Trigger implements parser.InlineParser.
func (*plainLines) Trigger() []byte { return []byte{' '} }

// Parse implements parser.InlineParser.
func (p *plainLines) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	row, _ := block.Position()
	if lines := parent.Lines(); seg.Padding != 0 || row >= lines.Len() || lines.At(row).Start != seg.Start || seg.Start+len(line) > math.MaxInt32 {
		return nil
	}
	end, soft, hard, ok := lineContent(line)
	if !ok {
		return nil
	}
	waiting := pc.LastDelimiter() != nil
	p.pieces = p.pieces[:0]
	from := 0
	for i := 0; i < end; {
		if line[i] != '*' {
			if !plainByte(line, i) || line[i] < ' ' && line[i] != '\t' {
				return nil
			}
			i++
			continue
		}
		before := block.PrecendingCharacter()
		if i > 0 {
			before = runeBefore(block.Source(), seg.Start+i)
		}
		n, close, ok := matchEmphasis(line[:end], i, before, waiting)
		if !ok {
			return nil
		}
		if from < i {
			p.pieces = append(p.pieces, newLinePiece(seg.Start+from, seg.Start+i, 0))
		}
		p.pieces = append(p.pieces, newLinePiece(seg.Start+i, seg.Start+close, n))
		i = close + n
		from = i
	}
	if from < end {
		p.pieces = append(p.pieces, newLinePiece(seg.Start+from, seg.Start+end, 0))
	}
	block.Advance(end)
	if soft || hard {
		block.AdvanceLine()
	}
	if len(p.pieces) == 1 && p.pieces[0].level == 0 {
		t := ast.NewTextSegment(p.pieces[0].text())
		t.SetSoftLineBreak(soft)
		t.SetHardLineBreak(hard)
		return t
	}
	return &plainLine{pieces: slices.Clone(p.pieces), end: int32(seg.Start + end), soft: soft, hard: hard}
}

// runeBefore returns the character before src[pos], read as goldmark's
// PrecendingCharacter reads it inside a line: from the last byte before
// pos that starts a character.
func runeBefore(src []byte, pos int) rune {
	i := pos - 1
	for i >= 0 && !utf8.RuneStart(src[i]) {
		i--
	}
	if i < 0 {
		return '\n'
	}
	r, _ := utf8.DecodeRune(src[i:])
	return r
}

// lineContent returns where the text of a line ends, before the white
// space and the line ending goldmark trims, and whether the line ends in
// a soft or a hard line break, as goldmark reads them. It reports false
// for a line it leaves to goldmark: one with nothing in it, or a
// carriage return, or white space at the end of a block.
func lineContent(line []byte) (end int, soft, hard, ok bool) {
	end = len(line)
	newline := end > 0 && line[end-1] == '\n'
	if newline {
		end--
	}
	content := end
	for content > 0 && (line[content-1] == ' ' || line[content-1] == '\t') {
		content--
	}
	switch {
	case content == 0 || bytes.IndexByte(line[:end], '\r') >= 0:
		return 0, false, false, false
	case !newline:
		return content, false, false, content == end
	}
	hard = end-content >= 2 && line[end-1] == ' ' && line[end-2] == ' '
	return content, !hard, hard, true
}

// plainLine is a line as plainLines reads it: its pieces of text and
// emphasis in order, and the line break it ends in, if any.
type plainLine struct {
	ast.BaseInline
	pieces     []linePiece
	end        int32
	soft, hard bool
}

// linePiece is a piece of a plainLine: text, or emphasis (of level 1)
// or strong emphasis (2) from its opening stars to its closing ones.
// Its offsets are those of the parsed text, which plainLines reads only
// below 2 GiB: a long note has a piece for every few words.
type linePiece struct {
	start, end int32
	level      uint8
}

func newLinePiece(start, end, level int) linePiece {
	return linePiece{start: int32(start), end: int32(end), level: uint8(level)}
}

// text returns the piece's text: a text's whole, an emphasis' between its
// stars.
func (p linePiece) text() text.Segment {
	return text.NewSegment(int(p.start)+int(p.level), int(p.end))
}

var kindPlainLine = ast.NewNodeKind("PlainLine")

func (n *plainLine) Kind() ast.NodeKind         { return kindPlainLine }
func (n *plainLine) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
