package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"studyguide/builder/guide"
	"studyguide/builder/texmath"
)

// mathKind is the goldmark node kind of a formula.
var mathKind = ast.NewNodeKind("Math")

// mathNode is a formula found by mathParser: the segments of the note
// that hold its source, one a line, and whether it is displayed. Nothing
// inside it is Markdown.
type mathNode struct {
	ast.BaseInline
	segments []text.Segment
	display  bool
	// open is the length of the opening delimiter.
	open int
}

// Kind implements ast.Node.
func (n *mathNode) Kind() ast.NodeKind { return mathKind }

// Dump implements ast.Node.
func (n *mathNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// delimiter is one way of writing a formula: the characters that open
// and close it and whether it is displayed.
type delimiter struct {
	open, close string
	display     bool
	// prices is set for the single dollar, whose formulas follow the
	// rules that keep prices text: no space after the opening dollar,
	// none before the closing one, and no digit right after it.
	prices bool
}

var (
	dollar        = delimiter{open: "$", close: "$", prices: true}
	dollars       = delimiter{open: "$$", close: "$$", display: true}
	parenthesis   = delimiter{open: `\(`, close: `\)`}
	squareBracket = delimiter{open: `\[`, close: `\]`, display: true}
)

// mathParser finds formulas in running text: $…$ and \(…\) in the line,
// $$…$$ and \[…\] displayed. A formula may run over several lines of its
// paragraph, but not past it. A dollar escaped with a backslash is a
// dollar; "$5 and $10" is text.
//
// A mathParser serves one parse. It remembers, for the paragraph being
// read, from where on no closing delimiter of each kind is left, so that
// a paragraph of many prices is read in time that grows with its length,
// not with its square.
type mathParser struct {
	block   ast.Node
	noClose map[delimiter]int
}

// Trigger implements parser.InlineParser.
func (m *mathParser) Trigger() []byte {
	return []byte{'$', '\\'}
}

// Parse implements parser.InlineParser.
func (m *mathParser) Parse(parent ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	var d delimiter
	switch {
	case strings.HasPrefix(string(line[:min(len(line), 2)]), "$$"):
		d = dollars
	case len(line) > 0 && line[0] == '$':
		d = dollar
	case strings.HasPrefix(string(line[:min(len(line), 2)]), `\(`):
		d = parenthesis
	case strings.HasPrefix(string(line[:min(len(line), 2)]), `\[`):
		d = squareBracket
	default:
		return nil
	}
	if m.block != parent {
		m.block, m.noClose = parent, map[delimiter]int{}
	}
	if d.prices && (len(line) < 2 || isSpaceByte(line[1])) {
		return nil
	}
	if from, ok := m.noClose[d]; ok && seg.Start >= from {
		return m.unclosed(d, block, seg)
	}
	l, pos := block.Position()
	block.Advance(len(d.open))
	node := &mathNode{display: d.display, open: len(d.open)}
	for {
		line, next := block.PeekLine()
		if line == nil {
			block.SetPosition(l, pos)
			m.noClose[d] = pos.Start
			return m.unclosed(d, block, seg)
		}
		end := closing(line, d)
		if end == -2 {
			block.SetPosition(l, pos)
			return nil
		}
		if end >= 0 {
			node.segments = append(node.segments, next.WithStop(next.Start+end))
			block.Advance(end + len(d.close))
			break
		}
		node.segments = append(node.segments, next)
		block.AdvanceLine()
	}
	if blankMaths(node, block.Source()) {
		// "$$" with nothing but space inside is no formula.
		block.SetPosition(l, pos)
		block.Advance(len(d.open))
		return ast.NewTextSegment(text.NewSegment(pos.Start, pos.Start+len(d.open)))
	}
	return node
}

// unclosed returns the opening delimiter as text, read past, so that the
// parsers of single characters do not take its second half for another
// opening.
func (m *mathParser) unclosed(d delimiter, block text.Reader, seg text.Segment) ast.Node {
	if d == dollars {
		block.Advance(2)
		return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+2))
	}
	return nil
}

// closing returns the offset in line of the closing delimiter of d, -1
// when the line has none, or -2 when it has a single dollar that cannot
// close a formula and so ends the search. The line is the rest of a line after the opening delimiter, or a
// whole line after it. A backslash keeps the character after it from
// closing.
func closing(line []byte, d delimiter) int {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && d.close[0] != '\\' {
			i++
			continue
		}
		if c == '\\' && (i+1 >= len(line) || line[i+1] != d.close[1]) {
			i++
			continue
		}
		if !strings.HasPrefix(string(line[i:min(len(line), i+len(d.close))]), d.close) {
			continue
		}
		if d.prices && (i == 0 || isSpaceByte(line[i-1]) ||
			i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9') {
			// A dollar that cannot close the formula ends the search:
			// "$x $ and $y$" is text, not a formula that holds a dollar.
			return -2
		}
		return i
	}
	return -1
}

// blankMaths reports whether a formula holds nothing but space.
func blankMaths(n *mathNode, src []byte) bool {
	for _, s := range n.segments {
		if len(strings.TrimSpace(string(s.Value(src)))) > 0 {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// formula converts a formula: it reads its source with texmath and
// warns, at the place in the note, of the first problem found, in which
// case the formula keeps no tree and is shown as its source.
func (c *converter) formula(n *mathNode) *guide.Formula {
	var b strings.Builder
	// starts[i] is where segment i starts in the source of the formula.
	starts := make([]int, len(n.segments))
	for i, s := range n.segments {
		starts[i] = b.Len()
		b.Write(s.Value(c.src))
		c.last = max(c.last, s.Stop)
	}
	// The source without the space around it, which TeX ignores; lead
	// is how much was cut from its start.
	raw := cleanText(b.String())
	tex := strings.TrimSpace(raw)
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\n"))
	f := &guide.Formula{Pos: c.at(max(0, n.segments[0].Start-n.open)), TeX: tex, Display: n.display}
	tree, problems := texmath.Parse(tex)
	if len(problems) == 0 {
		f.Tree = tree
		return f
	}
	p := problems[0]
	// The problem's offset in the note: in the segment that holds it.
	at := p.Pos + lead
	i := len(starts) - 1
	for i > 0 && starts[i] > at {
		i--
	}
	off := n.segments[i].Start + at - starts[i]
	c.warnf(c.at(off), "%s; the formula is shown as TeX", p.Message)
	return f
}

// mathBlockKind is the goldmark node kind of a displayed formula that is
// a block of its own.
var mathBlockKind = ast.NewNodeKind("MathBlock")

// mathBlock is a displayed formula that stands as a block of its own:
// its lines hold the source, and closed is set once the closing
// delimiter has been read.
type mathBlock struct {
	ast.BaseBlock
	delim  delimiter
	closed bool
}

// Kind implements ast.Node.
func (n *mathBlock) Kind() ast.NodeKind { return mathBlockKind }

// Dump implements ast.Node.
func (n *mathBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// IsRaw implements ast.Node: nothing inside a formula is Markdown.
func (n *mathBlock) IsRaw() bool { return true }

// mathBlockParser reads a displayed formula whose opening delimiter, $$
// or \[, starts a line and whose closing delimiter ends one, as a block:
// so the lines between may start with anything, "- x" or "+ y" too,
// without Markdown taking them for a list. It interrupts a paragraph, as
// a fenced code block does. A formula that closes before the end of its
// line and goes on with text is left to mathParser; so is one with no
// closing delimiter before a blank line.
type mathBlockParser struct{}

// Trigger implements parser.BlockParser.
func (mathBlockParser) Trigger() []byte { return []byte{'$', '\\'} }

// Open implements parser.BlockParser.
func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	var d delimiter
	switch {
	case strings.HasPrefix(string(rest[:min(len(rest), 2)]), "$$"):
		d = dollars
	case strings.HasPrefix(string(rest[:min(len(rest), 2)]), `\[`):
		d = squareBracket
	default:
		return nil, parser.NoChildren
	}
	inside := rest[len(d.open):]
	start := seg.Start + pos + len(d.open)
	node := &mathBlock{delim: d}
	if end := closing(inside, d); end >= 0 {
		if !blankBytes(inside[end+len(d.close):]) || blankBytes(inside[:end]) {
			return nil, parser.NoChildren
		}
		node.Lines().Append(text.NewSegment(start, start+end))
		node.closed = true
	} else {
		if !closesBeforeBlank(reader.Source()[seg.Stop:], d) {
			return nil, parser.NoChildren
		}
		node.Lines().Append(text.NewSegment(start, seg.Stop))
	}
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*mathBlock)
	line, seg := reader.PeekLine()
	if n.closed || line == nil || blankBytes(line) {
		return parser.Close
	}
	if end := closing(line, n.delim); end >= 0 {
		n.Lines().Append(text.NewSegment(seg.Start, seg.Start+end))
		n.closed = true
	} else {
		n.Lines().Append(seg)
	}
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (mathBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (mathBlockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// closesBeforeBlank reports whether src, the lines after an opening
// delimiter, has a line that closes the formula with nothing after the
// delimiter, before a blank line (a line with nothing but space and
// quote markers).
func closesBeforeBlank(src []byte, d delimiter) bool {
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(string(src), '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if strings.Trim(string(line), " \t\r>") == "" {
			return false
		}
		if end := closing(line, d); end >= 0 {
			return blankBytes(line[end+len(d.close):])
		}
	}
	return false
}

func blankBytes(b []byte) bool { return strings.TrimSpace(string(b)) == "" }

// blockFormula converts a displayed formula that is a block of its own.
func (c *converter) blockFormula(n *mathBlock) *guide.Formula {
	lines := n.Lines()
	m := &mathNode{display: true, open: len(n.delim.open)}
	for i := range lines.Len() {
		m.segments = append(m.segments, lines.At(i))
	}
	return c.formula(m)
}
