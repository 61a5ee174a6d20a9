package markdown

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"studyguide/builder/guide"
)

// The language of a part of a note is marked as pandoc marks it: a
// bracketed span, [слово]{lang=uk}, or a fenced div, a line "::: {lang=fr}"
// that opens it and a line ":::" that closes it. Attributes other than
// lang are not used, and are reported.

// attribute is one attribute of a span or a div: a name ("lang", "id" for
// #x, "class" for .x) and its value, at offset at of the attribute list.
type attribute struct {
	name, value string
	at          int
}

// parseAttributes reads an attribute list, "{lang=fr}" or "{#id .class
// key="value"}", at the start of b, on one line. It returns the
// attributes and the length of the list, or ok false when b does not
// start with a well-formed list.
func parseAttributes(b []byte) (attrs []attribute, n int, ok bool) {
	if len(b) == 0 || b[0] != '{' {
		return nil, 0, false
	}
	i := 1
	for {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i >= len(b) || b[i] == '\n' || b[i] == '\r' {
			return nil, 0, false
		}
		if b[i] == '}' {
			return attrs, i + 1, true
		}
		if len(attrs) > 0 && b[i-1] != ' ' && b[i-1] != '\t' {
			return nil, 0, false
		}
		start := i
		switch b[i] {
		case '#', '.':
			j := i + 1
			for j < len(b) && isNameByte(b[j]) {
				j++
			}
			if j == i+1 {
				return nil, 0, false
			}
			name := "id"
			if b[i] == '.' {
				name = "class"
			}
			attrs = append(attrs, attribute{name, string(b[i+1 : j]), start})
			i = j
		default:
			j := i
			for j < len(b) && isNameByte(b[j]) {
				j++
			}
			if j == i || j >= len(b) || b[j] != '=' {
				return nil, 0, false
			}
			name := string(b[i:j])
			j++
			var value string
			switch {
			case j < len(b) && (b[j] == '"' || b[j] == '\''):
				end := bytes.IndexByte(b[j+1:], b[j])
				if end < 0 || bytes.ContainsAny(b[j+1:j+1+end], "\r\n") {
					return nil, 0, false
				}
				value = string(b[j+1 : j+1+end])
				j += end + 2
			default:
				k := j
				for k < len(b) && !bytes.ContainsRune([]byte(" \t\r\n}\"'{"), rune(b[k])) {
					k++
				}
				if k == j {
					return nil, 0, false
				}
				value = string(b[j:k])
				j = k
			}
			attrs = append(attrs, attribute{name, value, start})
			i = j
		}
	}
}

// isNameByte reports whether c may stand in an attribute's name, an id or
// a class.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '_' || c == ':'
}

// langOf returns the language the attributes name, and the problems of
// the list as messages at offsets of it: an attribute other than lang, a
// lang that is not a language tag. what is "span" or "div".
func langOf(attrs []attribute, what string) (lang string, problems []auditProblem) {
	for _, a := range attrs {
		switch {
		case a.name == "lang" && isLanguageTag(a.value):
			lang = a.value
		case a.name == "lang":
			problems = append(problems, auditProblem{a.at, fmt.Sprintf(
				"lang=%s is not a language tag such as en, fr or pt-BR; the %s keeps the language around it", strconv.Quote(a.value), what)})
		default:
			shown := a.name + "=" + a.value
			switch a.name {
			case "id":
				shown = "#" + a.value
			case "class":
				shown = "." + a.value
			}
			problems = append(problems, auditProblem{a.at, fmt.Sprintf(
				"the %s's attribute %s is not used; only lang is, as in {lang=fr}", what, shown)})
		}
	}
	return lang, problems
}

// langProblems collects what the span and div parsers find wrong, as
// warnings at offsets of the parsed text: the div parser's as blocks are
// parsed, in problems, the span parser's as inline text is, in inline.
type langProblems struct {
	problems []auditProblem
	inline   []inlineProblem
}

// inlineProblem is a problem found in inline text, and whether that text
// is in a footnote's definition (whose text goldmark parses where the
// first definition of the note stands).
type inlineProblem struct {
	auditProblem
	inFootnote bool
}

// addInline records a problem of the inline text of parent.
func (lp *langProblems) addInline(parent ast.Node, p auditProblem) {
	lp.inline = append(lp.inline, inlineProblem{p, inFootnote(parent)})
}

// all returns the problems in the order they were found.
func (lp *langProblems) all() []auditProblem {
	out := lp.problems
	for _, p := range lp.inline {
		out = append(out, p.auditProblem)
	}
	return out
}

// inFootnote reports whether n is in a footnote's definition.
func inFootnote(n ast.Node) bool {
	for ; n != nil; n = n.Parent() {
		if _, ok := n.(*extast.Footnote); ok {
			return true
		}
	}
	return false
}

// add records the problems of an attribute list that starts at offset at.
func (lp *langProblems) add(at int, ps []auditProblem) {
	for _, p := range ps {
		lp.problems = append(lp.problems, auditProblem{at + p.pos, p.message})
	}
}

// spanOpen is the "[" of a bracketed span, and spanClose its "]{...}".
// The converter makes a guide.Span of the inlines between them; an
// opening bracket whose close never came stays text.
type spanOpen struct {
	ast.BaseInline
	lang  string
	close *spanClose
}

type spanClose struct {
	ast.BaseInline
	open *spanOpen
	raw  string // the "]{...}" as written
}

var (
	kindSpanOpen  = ast.NewNodeKind("SpanOpen")
	kindSpanClose = ast.NewNodeKind("SpanClose")
	kindDiv       = ast.NewNodeKind("Div")
)

func (n *spanOpen) Kind() ast.NodeKind  { return kindSpanOpen }
func (n *spanClose) Kind() ast.NodeKind { return kindSpanClose }

func (n *spanOpen) Dump(src []byte, level int)  { ast.DumpHelper(n, src, level, nil, nil) }
func (n *spanClose) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// spanParser reads bracketed spans. At a "[" whose matching "]" on the
// same line is followed by a well-formed attribute list, it opens a span;
// at that "]" it closes it, after goldmark's link parser would have had
// its turn at neither (it runs after this parser).
type spanParser struct {
	lp *langProblems
}

// pendingSpans is the context key of the spans opened and not yet closed
// in the block being parsed, innermost last.
var pendingSpans = parser.NewContextKey()

// pendingSpan is a span waiting for its "]" at offset closeAt, whose
// attribute list is n bytes long.
type pendingSpan struct {
	open    *spanOpen
	closeAt int
	n       int
}

// Trigger implements parser.InlineParser.
func (p *spanParser) Trigger() []byte { return []byte{'[', ']'} }

// Parse implements parser.InlineParser.
func (p *spanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	pending, _ := pc.Get(pendingSpans).([]pendingSpan)
	if line[0] == ']' {
		if len(pending) == 0 || pending[len(pending)-1].closeAt != seg.Start {
			return nil
		}
		top := pending[len(pending)-1]
		pc.Set(pendingSpans, pending[:len(pending)-1])
		close := &spanClose{open: top.open, raw: string(line[:1+top.n])}
		close.SetPos(seg.Start)
		top.open.close = close
		block.Advance(1 + top.n)
		parser.ProcessDelimiters(top.open, pc)
		return close
	}
	if len(line) > 1 && line[1] == '^' {
		return nil // a footnote reference
	}
	end := matchingBracket(line)
	if end < 0 || end+1 >= len(line) || line[end+1] != '{' {
		return nil
	}
	attrs, n, ok := parseAttributes(line[end+1:])
	if !ok {
		p.lp.addInline(parent, auditProblem{seg.Start + end + 1,
			"the braces after a bracketed text are not an attribute list such as {lang=fr}; they stay as text"})
		return nil
	}
	lang, problems := langOf(attrs, "span")
	for _, q := range problems {
		p.lp.addInline(parent, auditProblem{seg.Start + end + 1 + q.pos, q.message})
	}
	open := &spanOpen{lang: lang}
	open.SetPos(seg.Start)
	pc.Set(pendingSpans, append(pending, pendingSpan{open, seg.Start + end, n}))
	block.Advance(1)
	return open
}

// CloseBlock implements parser.CloseBlocker: spans left open at the end
// of a block are forgotten, and their "[" stays text.
func (p *spanParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	pc.Set(pendingSpans, nil)
}

// matchingBracket returns the offset in line of the "]" that closes the
// "[" at its start, or -1. Brackets escaped with a backslash and those in
// code spans do not count.
func matchingBracket(line []byte) int {
	depth := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '`':
			j := i
			for j < len(line) && line[j] == '`' {
				j++
			}
			ticks := line[i:j]
			if k := bytes.Index(line[j:], ticks); k >= 0 {
				i = j + k + len(ticks) - 1
			} else {
				i = j - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// divNode is a fenced div in goldmark's tree.
type divNode struct {
	ast.BaseBlock
	lang string
	// depth counts the divs opened inside this one and not yet closed,
	// whose closing fences are theirs, not this div's.
	depth int
	// closed is set when the div's closing fence is read.
	closed bool
}

func (n *divNode) Kind() ast.NodeKind         { return kindDiv }
func (n *divNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// divParser reads fenced divs: a line of three or more colons followed by
// an attribute list (or a bare class name, which is reported as unused)
// opens one; a line of three or more colons alone closes the innermost.
type divParser struct {
	lp *langProblems
}

// Trigger implements parser.BlockParser.
func (p *divParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.
func (p *divParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	attrsAt, ok := divOpener(line)
	if !ok {
		return nil, parser.NoChildren
	}
	rest := bytes.TrimRight(line[attrsAt:], " \t\r\n:")
	var lang string
	if len(rest) > 0 && rest[0] == '{' {
		attrs, _, _ := parseAttributes(rest)
		var problems []auditProblem
		lang, problems = langOf(attrs, "div")
		p.lp.add(seg.Start+attrsAt, problems)
	} else {
		p.lp.add(seg.Start+attrsAt, []auditProblem{{0, fmt.Sprintf(
			"the div's class %s is not used; only lang is, as in ::: {lang=fr}", strconv.Quote(string(rest)))}})
	}
	n := &divNode{lang: lang}
	n.SetPos(seg.Start)
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// Continue implements parser.BlockParser.
func (p *divParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*divNode)
	line, _ := reader.PeekLine()
	if _, ok := divOpener(line); ok {
		n.depth++
		return parser.Continue | parser.HasChildren
	}
	if divCloser(line) {
		if n.depth > 0 {
			n.depth--
			return parser.Continue | parser.HasChildren
		}
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser: a div that ends without its
// closing fence, at the end of the note or of the list or quote that
// holds it, is reported.
func (p *divParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if n := node.(*divNode); !n.closed {
		p.lp.problems = append(p.lp.problems, auditProblem{n.Pos(),
			"this div is never closed by a line of three colons (:::); it runs on to the end of the note, or of the list or quote that holds it"})
	}
}

// CanInterruptParagraph implements parser.BlockParser.
func (p *divParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (p *divParser) CanAcceptIndentedLine() bool { return false }

// fence returns the offset in line after a fence of three or more
// colons indented by at most three spaces, and after the spaces that
// follow it, or -1.
func fence(line []byte) int {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	j := i
	for j < len(line) && line[j] == ':' {
		j++
	}
	if j-i < 3 {
		return -1
	}
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	return j
}

// divOpener reports whether line opens a div: a fence followed by an
// attribute list or a class name, and perhaps more colons. It returns
// where the attributes start.
func divOpener(line []byte) (int, bool) {
	at := fence(line)
	if at < 0 {
		return 0, false
	}
	rest := bytes.TrimRight(line[at:], " \t\r\n:")
	if len(rest) == 0 {
		return 0, false
	}
	if rest[0] == '{' {
		_, n, ok := parseAttributes(rest)
		return at, ok && n == len(rest)
	}
	for _, c := range rest {
		if !isNameByte(c) {
			return 0, false
		}
	}
	return at, true
}

// divCloser reports whether line closes a div: a fence and nothing else.
func divCloser(line []byte) bool {
	at := fence(line)
	return at >= 0 && util.IsBlank(line[at:])
}

// spanInlines converts the inlines of the span that opens with o, up to
// its close, into l: as a guide.Span when it names a language, else as
// they are.
func (c *converter) spanInlines(l *inlineList, o *spanOpen) {
	pos := c.at(c.inlinePos(o))
	if o.lang == "" {
		c.inlineRange(l, o.NextSibling(), o.close)
		return
	}
	if c.inlineDepth >= maxInlineNesting {
		// As tooDeep does for emphasis: the text stays, the span goes.
		if !c.warnedInline {
			c.warnedInline = true
			c.event(event{kind: eventInlineNesting, pos: pos, msg: inlineNestingMessage})
		}
		c.inlineRange(l, o.NextSibling(), o.close)
		return
	}
	c.inlineDepth++
	inner := c.textBufs.list()
	c.inlineRange(&inner, o.NextSibling(), o.close)
	c.inlineDepth--
	if ch := inner.done(); len(ch) > 0 {
		l.add(&guide.Span{Pos: pos, Lang: o.lang, Children: ch})
	}
}

// inlineRange converts the sibling inlines from from up to, not
// including, to (nil for all) into l. A span whose close is among them
// becomes one inline; an opening bracket whose close is elsewhere stays
// text, as does a close whose opening is elsewhere.
func (c *converter) inlineRange(l *inlineList, from, to ast.Node) {
	for n := from; n != nil && n != to; n = n.NextSibling() {
		if o, ok := n.(*spanOpen); ok && o.close != nil && o.close.Parent() == o.Parent() && followedBy(o, o.close, to) {
			c.spanInlines(l, o)
			n = o.close
			continue
		}
		c.inline(l, n)
	}
}

// followedBy reports whether close is a later sibling of o, before to.
func followedBy(o, close, to ast.Node) bool {
	for n := o.NextSibling(); n != nil && n != to; n = n.NextSibling() {
		if n == close {
			return true
		}
	}
	return false
}

// div converts a fenced div: a guide.Div when it names a language, else
// its blocks as they are. Past maxNesting, a div is flattened as lists
// and quotes are.
func (c *converter) div(out []guide.Block, n *divNode, pos guide.Pos) []guide.Block {
	if n.lang == "" {
		return append(out, c.blocks(n)...)
	}
	if c.depth >= maxNesting {
		c.flattenedAt(pos)
		return append(out, c.blocks(n)...)
	}
	return append(out, &guide.Div{Pos: pos, Lang: n.lang, Blocks: c.nested(n)})
}

// hasHeading reports whether a div holds a heading at its top level.
func hasHeading(n ast.Node) bool {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if _, ok := ch.(*ast.Heading); ok {
			return true
		}
	}
	return false
}

// divItems converts a fenced div at the top level of the note that holds
// headings: its headings are sections' headings, as they would be
// outside it, and the blocks between them are divs of its language.
func (c *converter) divItems(d *divNode) []item {
	var items []item
	var group []guide.Block
	var groupPos guide.Pos
	flush := func() {
		if len(group) == 0 {
			return
		}
		if d.lang == "" {
			for _, b := range group {
				items = append(items, item{block: b})
			}
		} else {
			items = append(items, item{block: &guide.Div{Pos: groupPos, Lang: d.lang, Blocks: group}})
		}
		group = nil
	}
	for n := d.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			flush()
			items = append(items, c.headingItems(n, d.lang)...)
			continue
		case *divNode:
			if hasHeading(n) {
				flush()
				items = append(items, c.divItems(n)...)
				continue
			}
		}
		if len(group) == 0 {
			groupPos = c.start(n)
		}
		group = c.appendBlock(group, n)
	}
	flush()
	return items
}
