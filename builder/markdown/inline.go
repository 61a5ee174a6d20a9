package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"studyguide/builder/guide"
)

// inlines converts the inline children of a block, without line breaks at
// its end.
func (c *converter) inlines(parent ast.Node) []guide.Inline {
	return trimBreaks(c.children(parent))
}

// children converts the inline children of parent.
func (c *converter) children(parent ast.Node) []guide.Inline {
	l := c.textBufs.list()
	c.inlineRange(&l, parent.FirstChild(), nil)
	return l.done()
}

// inlineList collects converted inlines. goldmark splits running text at
// every character that might start markup, so consecutive pieces of text
// are gathered and stored as one Text, of a string just its length.
type inlineList struct {
	// out holds the inlines of a list without bufs; a list with bufs
	// keeps them at the top of bufs.stack, from start on.
	out   []guide.Inline
	start int
	// buf holds the running text. It is taken from bufs, when set, and
	// handed back there once the text is stored. A run of one piece of
	// text is held in single instead, and stored as it is: most runs
	// are one piece, often a part of the note's own text, which the
	// model then shares rather than copies.
	buf    []byte
	single string
	// from and to are where single stands in the note's text, when it
	// is a part of it (to > 0): a piece that follows it there joins it
	// as a longer part.
	from, to int
	bufs     *textBufs
	pos      guide.Pos
	open     bool
	// gap is set where something was left out of the text, such as an
	// HTML comment, so that the spaces on either side make only one.
	gap bool
}

// textBufs keeps the buffers of the running texts of a converter's
// inline lists for the next ones. A list takes one while its text runs;
// lists nest (the text before an emphasis is still running while the
// emphasis is converted), so each takes its own. It also makes the
// lists' Texts, many at a time: a long note holds hundreds of thousands.
//
// The inlines of the lists are gathered on one stack, each list's above
// those of the lists it is nested in, and copied out, once a list is
// done, into room made many at a time: a list's inlines then take just
// the room they need, rather than the room of a slice grown one append at
// a time, and the stack's room serves every list.
//
// The nodes a long note holds most of are made many at a time too, in
// slabs.
type textBufs struct {
	free    [][]byte
	texts   []guide.Text
	stack   []guide.Inline
	inlines []guide.Inline

	paragraphs slab[guide.Paragraph]
	strongs    slab[guide.Strong]
	emphs      slab[guide.Emph]
	breaks     slab[guide.Break]
	items      slab[guide.ListItem]
	lists      slab[guide.List]
}

// slab hands out values of T made slabSize at a time. What it hands out
// is never handed back: the values of a slab are let go of together.
type slab[T any] []T

// slabSize is how many values a slab makes at a time.
const slabSize = 128

// new returns a new zero T.
func (s *slab[T]) new() *T {
	if len(*s) == cap(*s) {
		*s = make([]T, 0, slabSize)
	}
	*s = (*s)[:len(*s)+1]
	return &(*s)[len(*s)-1]
}

// list returns an empty inline list whose inlines go on the stack.
func (t *textBufs) list() inlineList {
	return inlineList{bufs: t, start: len(t.stack)}
}

// inlinesAtOnce is how many inlines textBufs makes room for at a time.
const inlinesAtOnce = 1024

// keep returns a copy of ins in room of its own size: a part of the room
// made inlinesAtOnce at a time, or its own for a long list. Its capacity
// is its length, so that an append to it makes new room.
func (t *textBufs) keep(ins []guide.Inline) []guide.Inline {
	n := len(ins)
	if n == 0 {
		return nil
	}
	if n > inlinesAtOnce/8 {
		return slices.Clone(ins)
	}
	if cap(t.inlines)-len(t.inlines) < n {
		t.inlines = make([]guide.Inline, 0, inlinesAtOnce)
	}
	from := len(t.inlines)
	t.inlines = append(t.inlines, ins...)
	return t.inlines[from:len(t.inlines):len(t.inlines)]
}

// textsAtOnce is how many Texts textBufs makes at a time.
const textsAtOnce = 128

// text returns a new Text.
func (t *textBufs) text(pos guide.Pos, s string) *guide.Text {
	if len(t.texts) == cap(t.texts) {
		t.texts = make([]guide.Text, 0, textsAtOnce)
	}
	t.texts = append(t.texts, guide.Text{Pos: pos, Text: s})
	return &t.texts[len(t.texts)-1]
}

// take returns an empty buffer, one handed back when there is one.
func (t *textBufs) take() []byte {
	if n := len(t.free); n > 0 {
		b := t.free[n-1]
		t.free = t.free[:n-1]
		return b[:0]
	}
	return nil
}

// give hands a buffer back.
func (t *textBufs) give(b []byte) {
	t.free = append(t.free, b)
}

// text adds s, which starts at pos, to the running text.
func (l *inlineList) text(pos guide.Pos, s string) {
	s = cleanText(s)
	if l.gap && l.open && l.endsInSpace() {
		s = strings.TrimLeft(s, " ")
	}
	if s == "" {
		return
	}
	l.gap = false
	if !l.open {
		l.pos, l.open, l.single, l.to = pos, true, s, 0
		return
	}
	if l.single != "" {
		l.to = 0
		if l.bufs != nil {
			l.buf = l.bufs.take()
		}
		l.buf, l.single = append(l.buf, l.single...), ""
	}
	l.buf = append(l.buf, s...)
}

// source adds text[from:to], a part of the note's text already clean
// (see cleanText), to the running text, as text does; a part that
// follows the running text's own part of the note joins it without a
// copy.
func (l *inlineList) source(pos guide.Pos, text string, from, to int) {
	switch {
	case !l.open:
		l.gap = false
		l.pos, l.open, l.single, l.from, l.to = pos, true, text[from:to], from, to
	case l.to > 0 && l.to == from && l.single != "" && !l.gap:
		l.single, l.to = text[l.from:to], to
	default:
		l.text(pos, text[from:to])
	}
}

// endsInSpace reports whether the running text ends in a space.
func (l *inlineList) endsInSpace() bool {
	if l.single != "" {
		return l.single[len(l.single)-1] == ' '
	}
	return len(l.buf) > 0 && l.buf[len(l.buf)-1] == ' '
}

// add adds an inline that is not text.
func (l *inlineList) add(n guide.Inline) {
	l.gap = false
	l.flush()
	l.push(n)
}

// push adds n to the inlines.
func (l *inlineList) push(n guide.Inline) {
	if l.bufs == nil {
		l.out = append(l.out, n)
		return
	}
	l.bufs.stack = append(l.bufs.stack, n)
}

func (l *inlineList) flush() {
	if !l.open {
		return
	}
	l.open = false
	text := l.single
	if text == "" {
		text = string(l.buf)
	}
	l.single = ""
	if l.bufs == nil {
		l.out = append(l.out, &guide.Text{Pos: l.pos, Text: text})
		l.buf = l.buf[:0]
		return
	}
	l.push(l.bufs.text(l.pos, text))
	if l.buf != nil {
		l.bufs.give(l.buf)
		l.buf = nil
	}
}

// done returns the inlines collected.
func (l *inlineList) done() []guide.Inline {
	l.flush()
	if l.bufs == nil {
		return l.out
	}
	out := l.bufs.keep(l.bufs.stack[l.start:])
	clear(l.bufs.stack[l.start:])
	l.bufs.stack = l.bufs.stack[:l.start]
	return out
}

// trimBreaks drops line breaks at the end of inlines; they show nothing.
func trimBreaks(inl []guide.Inline) []guide.Inline {
	for len(inl) > 0 {
		if _, ok := inl[len(inl)-1].(*guide.Break); !ok {
			break
		}
		inl = inl[:len(inl)-1]
	}
	return inl
}

// inlinePos returns the position of an inline node. Nodes without a
// position, or whose recorded position lies before the end of the text
// already converted, are placed where conversion has got to.
func (c *converter) inlinePos(n ast.Node) int {
	p := n.Pos()
	if p < c.last {
		p = c.last
	}
	c.last = p
	return p
}

// inline converts the inline node n and adds the result to l.
func (c *converter) inline(l *inlineList, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		c.segmentText(l, seg, n.IsRaw())
		switch {
		case n.HardLineBreak(), n.SoftLineBreak():
			b := c.textBufs.breaks.new()
			*b = guide.Break{Pos: c.at(seg.Stop), Hard: n.HardLineBreak()}
			l.add(b)
		}
	case *ast.String:
		off := c.inlinePos(n)
		s := string(n.Value)
		if !n.IsCode() && !n.IsRaw() {
			s = unescape(n.Value)
		}
		l.text(c.at(off), s)
	case *mathNode:
		l.add(c.formula(n))
	case *ast.CodeSpan:
		off := c.inlinePos(n)
		l.add(&guide.Code{Pos: c.at(off), Text: c.codeSpan(n)})
	case *ast.Emphasis:
		c.emphasis(l, n, n.Level)
	case *plainEmph:
		c.plainEmphasis(l, n.Pos(), n.level, n.text)
	case *plainLine:
		c.plainLine(l, n)
	case *extast.Strikethrough:
		pos := c.at(c.inlinePos(n))
		if c.tooDeep(l, n, pos) {
			break
		}
		l.add(&guide.Strike{Pos: pos, Children: c.nestedChildren(n)})
	case *ast.Link:
		pos := c.at(c.inlinePos(n))
		url := cleanText(unescape(n.Destination))
		if c.unsafeLink(url, pos) {
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				c.inline(l, ch)
			}
			break
		}
		if c.tooDeep(l, n, pos) {
			break
		}
		if strings.HasPrefix(url, "#") {
			c.innerLinks++
		}
		l.add(&guide.Link{
			Pos:      pos,
			URL:      url,
			Title:    cleanText(unescape(n.Title)),
			Children: c.nestedChildren(n),
		})
	case *ast.AutoLink:
		link := c.autoLink(n)
		if c.unsafeLink(link.URL, link.Pos) {
			l.add(link.Children[0])
			break
		}
		l.add(link)
	case *ast.Image:
		pos := c.at(c.inlinePos(n))
		img := &guide.Image{
			Pos:   pos,
			Src:   cleanText(unescape(n.Destination)),
			Title: cleanText(unescape(n.Title)),
			Alt:   collapseSpace(guide.PlainText(c.children(n))),
		}
		c.loadImage(img)
		l.add(img)
	case *ast.RawHTML:
		c.rawHTML(l, n)
	case *extast.FootnoteLink:
		off := c.inlinePos(n)
		switch i, ok := c.notes[n.Index]; {
		case c.later != nil:
			// Numbered once every part of the note is read.
			ref := &guide.FootnoteRef{Pos: c.at(off), Index: n.Index}
			c.later.refs = append(c.later.refs, ref)
			l.add(ref)
		case ok:
			l.add(&guide.FootnoteRef{Pos: c.at(off), Index: i})
		}
	case *extast.FootnoteBacklink:
		// Writers make their own way back from a footnote.
	case *spanOpen:
		// A span whose close is not beside it (see inlineRange).
		l.text(c.at(c.inlinePos(n)), "[")
	case *spanClose:
		l.text(c.at(c.inlinePos(n)), n.raw)
	default:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			c.inline(l, ch)
		}
	}
}

// segmentText adds the text of seg, a piece of a line, to l, with its
// escapes and character references resolved unless it is raw.
func (c *converter) segmentText(l *inlineList, seg text.Segment, raw bool) {
	v := seg.Value(c.src)
	switch {
	case !raw && needsUnescape(v):
		l.text(c.at(seg.Start), unescape(v))
	case seg.Padding == 0 && seg.Start < seg.Stop && cleanText(c.text[seg.Start:seg.Stop]) == c.text[seg.Start:seg.Stop]:
		l.source(c.at(seg.Start), c.text, seg.Start, seg.Stop)
	default:
		l.text(c.at(seg.Start), string(v))
	}
	c.last = max(c.last, seg.Stop)
}

// emphasis converts goldmark's Emphasis n, strong from level 2 on.
func (c *converter) emphasis(l *inlineList, n ast.Node, level int) {
	pos := c.at(c.inlinePos(n))
	if c.tooDeep(l, n, pos) {
		return
	}
	c.addEmphasis(l, pos, level, c.nestedChildren(n))
}

// plainEmphasis converts emphasis that plainEmphasis or plainLines read,
// as emphasis converts goldmark's Emphasis with one Text child: it starts
// at start with its stars, and its text is seg.
func (c *converter) plainEmphasis(l *inlineList, start, level int, seg text.Segment) {
	c.last = max(c.last, start)
	pos := c.at(c.last)
	if c.inlineDepth >= maxInlineNesting {
		c.warnNesting(pos)
		c.segmentText(l, seg, false)
		return
	}
	c.inlineDepth++
	inner := c.textBufs.list()
	c.segmentText(&inner, seg, false)
	c.inlineDepth--
	c.addEmphasis(l, pos, level, inner.done())
}

// plainLine converts a line that plainLines read, as its pieces would be
// converted one by one, with the line break it ends in.
func (c *converter) plainLine(l *inlineList, n *plainLine) {
	for _, p := range n.pieces {
		if p.level == 0 {
			c.segmentText(l, p.text(), false)
			continue
		}
		c.plainEmphasis(l, int(p.start), int(p.level), p.text())
	}
	if n.soft || n.hard {
		end := int(n.end)
		c.last = max(c.last, end)
		b := c.textBufs.breaks.new()
		*b = guide.Break{Pos: c.at(end), Hard: n.hard}
		l.add(b)
	}
}

// addEmphasis adds emphasis at pos, strong from level 2 on, of children
// ch.
func (c *converter) addEmphasis(l *inlineList, pos guide.Pos, level int, ch []guide.Inline) {
	if level >= 2 {
		s := c.textBufs.strongs.new()
		*s = guide.Strong{Pos: pos, Children: ch}
		l.add(s)
	} else {
		e := c.textBufs.emphs.new()
		*e = guide.Emph{Pos: pos, Children: ch}
		l.add(e)
	}
}

// tooDeep reports whether the emphasis, strikethrough or link n at pos is
// nested deeper than maxInlineNesting. If it is, its children are added
// to l without it, and the note is warned once.
func (c *converter) tooDeep(l *inlineList, n ast.Node, pos guide.Pos) bool {
	if c.inlineDepth < maxInlineNesting {
		return false
	}
	c.warnNesting(pos)
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.inline(l, ch)
	}
	return true
}

// warnNesting warns, once a note, that inline nesting is flattened at
// pos.
func (c *converter) warnNesting(pos guide.Pos) {
	if !c.warnedInline {
		c.warnedInline = true
		c.event(event{kind: eventInlineNesting, pos: pos, msg: inlineNestingMessage})
	}
}

// nestedChildren converts the children of an emphasis or link one level
// deeper.
func (c *converter) nestedChildren(n ast.Node) []guide.Inline {
	c.inlineDepth++
	defer func() { c.inlineDepth-- }()
	return c.children(n)
}

// codeSpan returns the text of inline code; a line ending inside it counts
// as a space.
func (c *converter) codeSpan(n *ast.CodeSpan) string {
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch t := ch.(type) {
		case *ast.Text:
			v := string(t.Segment.Value(c.src))
			if trimmed := strings.TrimRight(v, "\r\n"); trimmed != v {
				v = trimmed + " "
			}
			b.WriteString(v)
			c.last = max(c.last, t.Segment.Stop)
		case *ast.String:
			b.Write(t.Value)
		}
	}
	return cleanText(b.String())
}

// autoLink converts <https://...>, <name@example.org> and bare URLs.
func (c *converter) autoLink(n *ast.AutoLink) *guide.Link {
	pos := c.at(c.inlinePos(n))
	url := cleanText(string(n.URL(c.src)))
	label := cleanText(string(n.Label(c.src)))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	return &guide.Link{Pos: pos, URL: url, Children: []guide.Inline{&guide.Text{Pos: pos, Text: label}}}
}

// rawHTML handles inline HTML: comments vanish, a line break tag becomes
// a hard break, and anything else stays as literal text with a warning.
func (c *converter) rawHTML(l *inlineList, n *ast.RawHTML) {
	off := c.inlinePos(n)
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(c.src))
		c.last = max(c.last, seg.Stop)
	}
	raw := b.String()
	switch {
	case strings.HasPrefix(raw, "<!--"):
		l.gap = true
		return
	case isBreakTag(raw):
		l.add(&guide.Break{Pos: c.at(off), Hard: true})
		return
	}
	c.warnf(c.at(off), "raw HTML %s is not supported; it is shown as text", snippet(raw))
	l.text(c.at(off), raw)
}

// isBreakTag reports whether raw is <br>, <br/> or <br />.
func isBreakTag(raw string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	return s == "<br>" || s == "<br/>"
}

// snippet shortens raw HTML for a message.
func snippet(raw string) string {
	raw = collapseSpace(raw)
	if r := []rune(raw); len(r) > 40 {
		raw = string(r[:39]) + "…"
	}
	return raw
}
