package markdown

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// converter turns goldmark's parse tree into guide blocks and inlines.
type converter struct {
	file *diag.File
	src  []byte
	// text is src as a string, the same bytes, so that the model's
	// texts share the note's text rather than copy it (see Read).
	text    string
	offsets *offsetMap
	images  *imageLoader

	// notes maps goldmark's footnote numbers to indexes of
	// Guide.Footnotes.
	notes map[int]int
	// last is the furthest offset in src that conversion has reached. It
	// stands in for the position of nodes that goldmark leaves without
	// one, such as typographic quotes.
	last int

	// depth counts the lists, quotes and definition lists around the
	// block being converted, inlineDepth the emphasis and links around
	// the inline. Past maxNesting and maxInlineNesting, containers are
	// flattened; warned and warnedInline record that the note has been
	// told so.
	depth, inlineDepth   int
	warned, warnedInline bool
	// inKeyPoint counts the key points whose items are being converted:
	// a sub-item of a key point is never a key point itself.
	inKeyPoint int
	// textBufs keeps the buffers texts are joined in (see inlineList).
	textBufs textBufs
	// innerLinks counts the links made to places in the note ("#…"),
	// which resolveLinks checks.
	innerLinks int
	// later, when set, holds what conversion does outside the model (its
	// warnings and image loads) and the footnote references it makes,
	// for a converter of one part of a note read in parts (see parts.go):
	// they are done, and numbered, once every part is read.
	later *deferred
}

// deferred is what the converter of one part of a note leaves to be done
// once every part is read, in the order of the note.
type deferred struct {
	events []event
	// refs are the footnote references made, whose Index is the
	// number of their definition among all definitions of the note
	// until the footnotes are numbered.
	refs []*guide.FootnoteRef
}

// event is a warning or an image load of the conversion.
type event struct {
	kind eventKind
	pos  guide.Pos
	msg  string
	img  *guide.Image
}

type eventKind uint8

const (
	eventWarning       eventKind = iota
	eventNesting                 // the warning, once a note, that nesting is flattened
	eventInlineNesting           // the same for emphasis and links
	eventImage                   // an image to load
)

// event records e, or does it when the converter is not one of a part.
func (c *converter) event(e event) {
	if c.later != nil {
		c.later.events = append(c.later.events, e)
		return
	}
	c.do(e)
}

// do does what e stands for.
func (c *converter) do(e event) {
	if e.kind == eventImage {
		c.images.load(e.img)
		return
	}
	c.file.Set().Warnf(e.pos, "%s", e.msg)
}

// warnf warns at pos.
func (c *converter) warnf(pos guide.Pos, format string, args ...any) {
	c.event(event{pos: pos, msg: fmt.Sprintf(format, args...)})
}

// loadImage loads the file of img.
func (c *converter) loadImage(img *guide.Image) {
	c.event(event{kind: eventImage, img: img})
}

// flattenedAt warns, once a note, that nesting was flattened at pos.
func (c *converter) flattenedAt(pos guide.Pos) {
	if !c.warned {
		c.warned = true
		c.event(event{kind: eventNesting, pos: pos, msg: nestingMessage})
	}
}

// nested converts the blocks of a list item, quote or definition one
// level deeper.
func (c *converter) nested(parent ast.Node) []guide.Block {
	c.depth++
	defer func() { c.depth-- }()
	return c.blocks(parent)
}

// item is one top-level piece of the note: a heading or a block. Headings
// are kept apart because they become sections, not blocks.
type item struct {
	heading *heading
	block   guide.Block
}

// heading is a top-level heading with its plain-text title, and the
// language of the fenced div that holds it, if any.
type heading struct {
	level int
	title string
	// slug is the slug of title (see assignIDs).
	slug string
	// inlines is the heading as the guides show it when it holds a
	// formula (see headingInlines), else nil.
	inlines []guide.Inline
	pos     guide.Pos
	lang    string
}

func newConverter(file *diag.File, src []byte, offsets *offsetMap, images *imageLoader) *converter {
	return &converter{file: file, src: src, text: sharedString(src), offsets: offsets, images: images, notes: make(map[int]int)}
}

// at returns the model position of the offset off in src; a negative
// offset stands for "where conversion has got to".
func (c *converter) at(off int) guide.Pos {
	if off < 0 {
		off = c.last
	}
	// goldmark counts a tab after a quote marker as spaces, which can put
	// a position past the end of the text.
	off = min(off, len(c.src))
	return c.file.Pos(c.offsets.note(off))
}

// document converts the top level of the note into items, and the
// footnote definitions, in the order they are first referenced.
func (c *converter) document(doc ast.Node) ([]item, []*guide.Footnote) {
	var list *extast.FootnoteList
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if l, ok := n.(*extast.FootnoteList); ok {
			list = l
		}
	}
	var defs []*extast.Footnote
	if list != nil {
		for n := list.FirstChild(); n != nil; n = n.NextSibling() {
			if fn, ok := n.(*extast.Footnote); ok && fn.Index >= 0 {
				if _, dup := c.notes[fn.Index]; !dup {
					c.notes[fn.Index] = len(defs)
					defs = append(defs, fn)
				}
			}
		}
	}

	items := c.items(doc)

	footnotes := make([]*guide.Footnote, len(defs))
	for i, fn := range defs {
		pos := c.start(fn)
		footnotes[i] = &guide.Footnote{
			Label:  cleanText(string(fn.Ref)),
			Pos:    pos,
			Blocks: c.blocks(fn),
		}
	}
	return items, footnotes
}

// items converts the top level of the note into items, but for its
// footnotes.
func (c *converter) items(doc ast.Node) []item {
	var items []item
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		switch d, isDiv := n.(*divNode); {
		case isHeading(n):
			items = append(items, c.headingItems(n.(*ast.Heading), "")...)
		case isDiv && hasHeading(d):
			items = append(items, c.divItems(d)...)
		default:
			for _, b := range c.appendBlock(nil, n) {
				items = append(items, item{block: b})
			}
		}
		// A block converted is let go of: the parse tree of a long note
		// shrinks as its model grows, rather than both being held whole.
		if _, notes := n.(*extast.FootnoteList); !notes {
			doc.RemoveChild(doc, n)
		}
		n = next
	}
	return items
}

// isHeading reports whether n is a heading.
func isHeading(n ast.Node) bool {
	_, ok := n.(*ast.Heading)
	return ok
}

// headingItems converts a top-level heading, in a fenced div of language
// lang when lang is not "": the heading, and the whole heading again as a
// paragraph when it is too long to be a title.
func (c *converter) headingItems(h *ast.Heading, lang string) []item {
	pos := c.start(h)
	inl := c.inlines(h)
	title, long := shortTitle(plainTitle(inl))
	hd := &heading{level: h.Level, title: title, slug: slug(title), pos: pos, lang: lang}
	if long == 0 {
		hd.inlines = headingInlines(inl)
	}
	items := []item{{heading: hd}}
	if long > 0 {
		// The whole heading stays in the guide, as the section's first
		// paragraph.
		c.warnf(pos, "this heading is %d characters long; its first words are the section's title and the whole heading follows as a paragraph", long)
		var b guide.Block = &guide.Paragraph{Pos: pos, Inlines: []guide.Inline{&guide.Strong{Pos: pos, Children: inl}}}
		if lang != "" {
			b = &guide.Div{Pos: pos, Lang: lang, Blocks: []guide.Block{b}}
		}
		items = append(items, item{block: b})
	}
	return items
}

// start returns the position of block n and moves the conversion there.
func (c *converter) start(n ast.Node) guide.Pos {
	if off := c.nodeOffset(n); off >= 0 {
		c.last = off
	}
	pos := c.at(c.last)
	// The text of a heading or a table cell starts after its marker.
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		c.last = max(c.last, n.Lines().At(0).Start)
	}
	return pos
}

// nodeOffset finds where n starts in src, or returns -1. goldmark sets a
// position on most nodes; for the others the first line or the first
// child tells.
func (c *converter) nodeOffset(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p := c.nodeOffset(ch); p >= 0 {
			return p
		}
	}
	return -1
}

// blocks converts the block children of parent.
func (c *converter) blocks(parent ast.Node) []guide.Block {
	var out []guide.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = c.appendBlock(out, n)
	}
	return out
}

// appendBlock converts the block n and appends the result to out. Some
// nodes, such as HTML comments, yield nothing.
func (c *converter) appendBlock(out []guide.Block, n ast.Node) []guide.Block {
	pos := c.start(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if inl := c.inlines(n); len(inl) > 0 {
			p := c.textBufs.paragraphs.new()
			*p = guide.Paragraph{Pos: pos, Inlines: inl}
			out = append(out, p)
		}
	case *ast.Heading:
		// A heading inside a list or quote is not a section; it stays
		// where it is as a strong paragraph.
		if inl := c.inlines(n); len(inl) > 0 {
			out = append(out, &guide.Paragraph{Pos: pos, Inlines: []guide.Inline{&guide.Strong{Pos: pos, Children: inl}}})
		}
	case *mathBlock:
		out = append(out, &guide.Paragraph{Pos: pos, Inlines: []guide.Inline{c.blockFormula(n)}})
	case *ast.ThematicBreak:
		out = append(out, &guide.Rule{Pos: pos})
	case *ast.CodeBlock:
		out = append(out, &guide.CodeBlock{Pos: pos, Text: c.lines(n)})
	case *ast.FencedCodeBlock:
		lang := ""
		if l := n.Language(c.src); l != nil {
			lang = cleanText(unescape(l))
		}
		out = append(out, &guide.CodeBlock{Pos: pos, Lang: lang, Text: c.lines(n)})
	case *ast.Blockquote:
		if c.depth >= maxNesting {
			c.flattenedAt(pos)
			out = append(out, c.blocks(n)...)
			break
		}
		out = append(out, &guide.Quote{Pos: pos, Blocks: c.nested(n)})
	case *ast.List:
		if c.depth >= maxNesting {
			c.flattenedAt(pos)
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				c.start(ch)
				out = append(out, c.blocks(ch)...)
			}
			break
		}
		out = append(out, c.list(n, pos))
	case *ast.HTMLBlock:
		if p := c.htmlBlock(n, pos); p != nil {
			out = append(out, p)
		}
	case *divNode:
		out = c.div(out, n, pos)
	case *extast.Table:
		out = append(out, c.table(n, pos))
	case *extast.DefinitionList:
		if c.depth >= maxNesting {
			c.flattenedAt(pos)
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				termPos := c.start(ch)
				if _, ok := ch.(*extast.DefinitionTerm); ok {
					if inl := c.inlines(ch); len(inl) > 0 {
						out = append(out, &guide.Paragraph{Pos: termPos, Inlines: inl})
					}
					continue
				}
				out = append(out, c.blocks(ch)...)
			}
			break
		}
		out = append(out, c.definitions(n, pos))
	case *ast.LinkReferenceDefinition, *extast.FootnoteList, *extast.Footnote:
		// Link references are resolved by goldmark; footnotes are
		// collected by document.
	default:
		if n.Type() == ast.TypeInline {
			break
		}
		if n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				out = c.appendBlock(out, ch)
			}
		} else if inl := c.inlines(n); len(inl) > 0 {
			out = append(out, &guide.Paragraph{Pos: pos, Inlines: inl})
		}
	}
	return out
}

// lines returns the text of a code block without its final line ending.
func (c *converter) lines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := seg.Value(c.src)
		if len(v) >= 2 && v[len(v)-2] == '\r' && v[len(v)-1] == '\n' {
			b.Write(v[:len(v)-2])
			b.WriteByte('\n')
			continue
		}
		b.Write(v)
	}
	return cleanText(strings.TrimSuffix(b.String(), "\n"))
}

// item converts the blocks of a list item and recognises a key point: an
// item that opens with strong text, unless it is a sub-item of a key
// point, whose bold opening is a key term of that point. Whether the item
// is a key point is known once its first block is converted, before its
// sub-items are.
func (c *converter) item(li *ast.ListItem) ([]guide.Block, *guide.KeyPoint) {
	c.depth++
	defer func() { c.depth-- }()
	var blocks []guide.Block
	var key *guide.KeyPoint
	decided := false
	for n := li.FirstChild(); n != nil; n = n.NextSibling() {
		blocks = c.appendBlock(blocks, n)
		if !decided && len(blocks) > 0 {
			decided = true
			if c.inKeyPoint == 0 {
				key = keyPoint(blocks)
			}
			if key != nil {
				c.inKeyPoint++
			}
		}
	}
	if key != nil {
		c.inKeyPoint--
	}
	return blocks, key
}

// list converts a list and recognises its key points.
func (c *converter) list(n *ast.List, pos guide.Pos) *guide.List {
	l := c.textBufs.lists.new()
	*l = guide.List{Pos: pos, Ordered: n.IsOrdered(), Start: n.Start, Tight: n.IsTight}
	if k := n.ChildCount(); k > 0 {
		// Room for the items, which are all its children.
		l.Items = make([]*guide.ListItem, 0, k)
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		li, ok := ch.(*ast.ListItem)
		if !ok {
			continue
		}
		itemPos := c.start(li)
		blocks, key := c.item(li)
		if key != nil {
			var long int
			if key.Title, long = shortTitle(key.Title); long > 0 {
				key.TitleInlines = nil
				c.warnf(itemPos, "this key point's bold title is %d characters long; summaries show its first words", long)
			}
			// What its id is made of, until assignIDs makes it.
			if s := slug(key.Title); s != "" {
				key.ID = "kp-" + s
			}
		}
		it := c.textBufs.items.new()
		*it = guide.ListItem{Pos: itemPos, Blocks: blocks, Key: key}
		l.Items = append(l.Items, it)
	}
	return l
}

// htmlBlock drops an HTML comment, drops a script or style element with a
// warning, and keeps any other raw HTML as literal text, with a warning:
// the guide is not a web page and the writers do not pass markup through.
func (c *converter) htmlBlock(n *ast.HTMLBlock, pos guide.Pos) guide.Block {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return nil
	}
	if n.HTMLBlockType == ast.HTMLBlockType1 && n.Lines().Len() > 0 {
		first := n.Lines().At(0)
		tag := strings.ToLower(strings.TrimSpace(string(first.Value(c.src))))
		for _, name := range []string{"script", "style"} {
			if strings.HasPrefix(tag, "<"+name) {
				c.warnf(pos, "raw HTML <%s> element is left out", name)
				return nil
			}
		}
	}
	var raw []string
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw = append(raw, string(seg.Value(c.src)))
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		raw = append(raw, string(closure.Value(c.src)))
	}
	var l inlineList
	for i, line := range raw {
		line = strings.TrimRight(line, "\r\n")
		if i > 0 {
			l.add(&guide.Break{Pos: pos, Hard: true})
		}
		l.text(pos, line)
	}
	inl := trimBreaks(l.done())
	if len(inl) == 0 {
		return nil
	}
	c.warnf(pos, "raw HTML is not supported; it is shown as text")
	return &guide.Paragraph{Pos: pos, Inlines: inl}
}

// table converts a GFM table. Every row gets as many cells as the header.
func (c *converter) table(n *extast.Table, pos guide.Pos) *guide.Table {
	t := &guide.Table{Pos: pos}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignment(a))
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.(type) {
		case *extast.TableHeader:
			t.Header = c.cells(ch)
		case *extast.TableRow:
			t.Rows = append(t.Rows, c.cells(ch))
		}
	}
	width := max(len(t.Header), len(t.Align))
	t.Header = fitCells(t.Header, width)
	for i := range t.Rows {
		t.Rows[i] = fitCells(t.Rows[i], width)
	}
	for len(t.Align) < width {
		t.Align = append(t.Align, guide.AlignNone)
	}
	return t
}

func (c *converter) cells(row ast.Node) []guide.Cell {
	var cells []guide.Cell
	for ch := row.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.start(ch)
		cells = append(cells, guide.Cell{Inlines: c.inlines(ch)})
	}
	return cells
}

// fitCells pads or cuts a row to width cells.
func fitCells(cells []guide.Cell, width int) []guide.Cell {
	for len(cells) < width {
		cells = append(cells, guide.Cell{})
	}
	return cells[:width]
}

func alignment(a extast.Alignment) guide.Align {
	switch a {
	case extast.AlignLeft:
		return guide.AlignLeft
	case extast.AlignCenter:
		return guide.AlignCenter
	case extast.AlignRight:
		return guide.AlignRight
	}
	return guide.AlignNone
}

// definitions converts a definition list. Terms written one after another
// each get an entry; the definitions go with the last of them.
func (c *converter) definitions(n *extast.DefinitionList, pos guide.Pos) *guide.DefinitionList {
	dl := &guide.DefinitionList{Pos: pos}
	var cur *guide.Definition
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.start(ch)
		switch ch.(type) {
		case *extast.DefinitionTerm:
			cur = &guide.Definition{Term: c.inlines(ch)}
			dl.Items = append(dl.Items, cur)
		case *extast.DefinitionDescription:
			if cur == nil {
				cur = &guide.Definition{}
				dl.Items = append(dl.Items, cur)
			}
			cur.Definitions = append(cur.Definitions, c.nested(ch))
		}
	}
	return dl
}

// sharedString returns a string of the bytes of b, without a copy: b must
// never change again, as the note's text never does once read (see Read).
func sharedString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
