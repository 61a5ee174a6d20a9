package markdown

import (
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
	n := starRun(line, 0)
	if n != 1 && n != 2 {
		return nil
	}
	opens, closes := flanking(block.PrecendingCharacter(), runeAfter(line, n))
	if !opens || (closes && pc.LastDelimiter() != nil) {
		return nil
	}
	end := n
	for end < len(line) && line[end] != '*' {
		if !plainByte(line, end) {
			return nil
		}
		end++
	}
	if end == len(line) || starRun(line, end) != n {
		return nil
	}
	// The character before the closing run, read as goldmark's
	// PrecendingCharacter reads it.
	if _, closes := flanking(util.ToRune(line, end-1), runeAfter(line, end+n)); !closes {
		return nil
	}
	em := &plainEmph{level: n, text: text.NewSegment(seg.Start+n, seg.Start+end)}
	em.SetPos(seg.Start)
	block.Advance(end + n)
	return em
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
