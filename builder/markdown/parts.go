package markdown

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
)

// A long note is read in parts, side by side on every core: its text is
// cut before headings that open a line after a blank line, each part is
// parsed and converted on its own, and the parts' items are joined in
// order. What Markdown makes global is made global again:
//
//   - link reference definitions: each part's parser looks a label up in
//     the definitions of every part, the first in the note winning, once
//     every part has parsed its blocks (goldmark parses all blocks before
//     any inline text, and definitions are found among the blocks);
//   - footnote definitions likewise, and footnotes are numbered in the
//     order of their first references in the note once every part is
//     read; unused and repeated definitions are reported then;
//   - the conversion's warnings and image loads are recorded and done in
//     the order of the note, the warnings given once a note only once;
//   - ids, links between sections and the tree of sections are made
//     from the whole guide afterwards, as for a note read in one piece.
//
// A cut is right when the heading it is made before is a heading of the
// note's top level in the whole note, with every block before it closed
// (a heading line can as well be a line of fenced code, of an HTML block
// or of a div). Block parsing reads lines forward only, so each part is
// parsed with the next part's heading line after it: the cut was right
// when that line is a heading at the top level of the part's document.
// When a cut is wrong, or a note has what the parts cannot keep right, the
// note is read again in one piece. goldmark parses the inline text of
// footnotes' definitions where the first definition of the note stands,
// and some of what it does there reaches the rest of the note: the
// numbering of footnotes referred to in definitions, the gathering of
// definitions inside definitions, and how far a search for the end of an
// HTML comment or declaration failed (the searches after it, elsewhere,
// then fail at once). A note with any of these is read in one piece.

var (
	// partBytes is the smallest part a note is cut into: a note shorter
	// than two parts is read in one piece.
	partBytes = 64 << 10
	// partsPerCore is how many parts each core gets, so that parts of
	// unequal work still keep the cores busy to the end.
	partsPerCore = 4
	// aloneBytes is the size of the parts of a note that defines nothing
	// (see definesNothing), read a few at a time, and maxAloneParts the
	// most such parts.
	aloneBytes    = 128 << 10
	maxAloneParts = 64
)

// cutNote returns the offsets of src at which to cut it into about n
// parts of equal size, the first starting at from: lines that open with
// a heading (one to six #, then a space or the line's end) after a blank
// line, outside fenced code, HTML comments and fenced divs. Each offset
// comes with its line's number, counting from 0. It returns nothing when
// n is below 2 or no such line is found.
func cutNote(src []byte, from, n int) (offs, lines []int) {
	if n < 2 || from >= len(src) {
		return nil, nil
	}
	size := len(src) - from
	next := 1
	target := from + size/n
	line := 0
	for _, c := range src[:from] {
		if c == '\n' {
			line++
		}
	}
	var (
		fenceChar  byte
		fenceLen   int
		comment    bool
		divs       int
		afterBlank = true
	)
	for off := from; off < len(src); line++ {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		l := src[off:end]
		blank := isBlankLine(l)
		switch {
		case fenceLen > 0:
			if c, k, rest := codeFence(l); c == fenceChar && k >= fenceLen && isBlankLine(rest) {
				fenceLen = 0
			}
		case comment:
			comment = !bytes.Contains(l, commentEnd)
		case afterBlank && divs == 0 && off >= target && off > from && isHeadingLine(l):
			offs = append(offs, off)
			lines = append(lines, line)
			next++
			if next >= n {
				return offs, lines
			}
			target = from + size*next/n
		default:
			// Only a line that opens with one of ` ~ : < after at most
			// three spaces can open or close what a heading cannot cut.
			i := 0
			for i < len(l) && i < 3 && l[i] == ' ' {
				i++
			}
			if i == len(l) {
				break
			}
			switch l[i] {
			case '`', '~':
				if c, k, rest := codeFence(l); k >= 3 && (c == '~' || bytes.IndexByte(rest, '`') < 0) {
					fenceChar, fenceLen = c, k
				}
			case ':':
				if _, ok := divOpener(l); ok {
					divs++
				} else if divs > 0 && divCloser(l) {
					divs--
				}
			case '<':
				if bytes.HasPrefix(l[i:], commentStart) && !bytes.Contains(l[i+len(commentStart):], commentEnd) {
					comment = true
				}
			}
		}
		afterBlank = blank
		off = end
	}
	return offs, lines
}

var commentStart, commentEnd = []byte("<!--"), []byte("-->")

// isBlankLine reports whether l holds only spaces, tabs and a line ending.
func isBlankLine(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// isHeadingLine reports whether l is an ATX heading at the start of the
// line: one to six #, then a space, a tab or the end of the line.
func isHeadingLine(l []byte) bool {
	k := 0
	for k < len(l) && l[k] == '#' {
		k++
	}
	if k == 0 || k > 6 {
		return false
	}
	return k == len(l) || l[k] == ' ' || l[k] == '\t' || l[k] == '\r' || l[k] == '\n'
}

// codeFence reads a code fence at the start of l, indented by at most
// three spaces: its character and length (0 when there is none) and the
// rest of the line.
func codeFence(l []byte) (c byte, k int, rest []byte) {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i == len(l) || (l[i] != '`' && l[i] != '~') {
		return 0, 0, nil
	}
	c = l[i]
	j := i
	for j < len(l) && l[j] == c {
		j++
	}
	if j-i < 3 {
		return 0, 0, nil
	}
	return c, j - i, l[j:]
}

// parts is the state of a note read in parts.
type parts struct {
	r    *reader
	list []*part

	// together is set when the parts are read all at once, since they
	// may look definitions up in each other; blocked then counts the
	// parts whose blocks are not all parsed yet.
	together bool
	blocked  sync.WaitGroup
	merge    sync.Once
	// refs maps the labels of link reference definitions to the first
	// definition of each in the note.
	refs map[string]parser.Reference
	// defs are the footnote definitions of the note in the order
	// goldmark gathers them, and byLabel the first of each label.
	defs    []*extast.Footnote
	byLabel map[string]int
}

// part is one part of a note read in parts.
type part struct {
	all   *parts
	index int
	// start and end bound the part in the parsed text; ext is the end of
	// the next part's first line, which is parsed with this part to
	// check the cut (ext is end for the last part).
	start, end, ext int
	line            int

	ctx   *partContext
	split *paragraphSplitter
	lp    *langProblems

	arrived sync.Once
	// refs are the part's link reference definitions in the order found.
	refs []parser.Reference
	// book holds the part's footnote definitions.
	book footnoteBook
	// firstRefs are the footnote definitions (indexes of parts.defs)
	// that the part refers to, in the order of their first reference.
	firstRefs []int
	referred  map[int]bool
	// refInFootnote is set when a footnote reference is found in a
	// footnote's definition: goldmark numbers such footnotes in ways
	// that depend on where definitions stand in the whole note (see
	// also footnoteBook.nested).
	refInFootnote bool

	items      []item
	later      deferred
	innerLinks int
	// ok is set when the part was read and its cut was right.
	ok bool
}

// arrive records that the part's blocks are all parsed.
func (p *part) arrive() {
	if p.all.together {
		p.arrived.Do(p.all.blocked.Done)
	}
}

// wait waits until every part's blocks are parsed, and merges what the
// parts define for the whole note.
func (p *part) wait() {
	p.arrive()
	p.all.blocked.Wait()
	p.all.merge.Do(p.all.mergeDefinitions)
}

// mergeDefinitions gathers the link reference and footnote definitions of
// every part, in the order of the note.
func (ps *parts) mergeDefinitions() {
	ps.refs = make(map[string]parser.Reference)
	ps.byLabel = make(map[string]int)
	for _, p := range ps.list {
		for _, ref := range p.refs {
			key := util.ToLinkReference(ref.Label())
			if _, ok := ps.refs[key]; !ok {
				ps.refs[key] = ref
			}
		}
		for _, fn := range p.book.defs {
			if _, ok := ps.byLabel[string(fn.Ref)]; !ok {
				ps.byLabel[string(fn.Ref)] = len(ps.defs)
			}
			ps.defs = append(ps.defs, fn)
		}
	}
}

// footnote returns the index in parts.defs of the first definition of a
// footnote label, once every part's blocks are parsed.
func (p *part) footnote(label string) (int, bool) {
	p.wait()
	i, ok := p.all.byLabel[label]
	return i, ok
}

// referTo records a reference to footnote definition i from inline text
// of parent.
func (p *part) referTo(i int, parent ast.Node) {
	if !p.referred[i] {
		if p.referred == nil {
			p.referred = make(map[int]bool)
		}
		p.referred[i] = true
		p.firstRefs = append(p.firstRefs, i)
	}
	if inFootnote(parent) {
		p.refInFootnote = true
	}
}

// partContext is the parse context of a part: it keeps the part's link
// reference definitions, and looks labels up among every part's.
type partContext struct {
	parser.Context
	part *part
}

// AddReference implements parser.Context.
func (c *partContext) AddReference(ref parser.Reference) {
	c.Context.AddReference(ref)
	c.part.refs = append(c.part.refs, ref)
}

// Reference implements parser.Context.
func (c *partContext) Reference(label string) (parser.Reference, bool) {
	c.part.wait()
	ref, ok := c.part.all.refs[label]
	return ref, ok
}

// definesNothing reports whether text can hold no link reference
// definition, whose label is followed by a colon ("[label]:"), and no
// footnote ("[^label]"): its parts then never look anything up in the
// others.
func definesNothing(text []byte) bool {
	return !bytes.Contains(text, []byte("]:")) && !bytes.Contains(text, []byte("[^"))
}

// partCount returns how many parts to cut a note of size bytes into: 0
// when it is read in one piece.
func partCount(size int) int {
	procs := runtime.GOMAXPROCS(0)
	if procs < 2 || size < 2*partBytes {
		return 0
	}
	return min(procs*partsPerCore, size/partBytes)
}

// readParts parses and converts the note in parts. It returns nil, having
// changed nothing, when the note is to be read in one piece.
func (r *reader) readParts(frontMatter bool) *parts {
	from := 0
	if fm := scanFrontMatter(r.src); fm.closed {
		_, from = nextLine(r.src, fm.start+len(fm.raw))
	}
	alone := definesNothing(r.src)
	n := r.wantParts
	if n == 0 {
		n = partCount(len(r.src) - from)
		if alone && n > 0 {
			// Parts read a few at a time can be small, so that little
			// of the parse tree is held at once.
			n = max(n, min(maxAloneParts, (len(r.src)-from)/aloneBytes))
		}
	}
	offs, lines := cutNote(r.src, from, n)
	if len(offs) == 0 {
		return nil
	}
	ps := &parts{r: r}
	starts := append([]int{0}, offs...)
	startLines := append([]int{0}, lines...)
	for i, start := range starts {
		p := &part{all: ps, index: i, start: start, end: len(r.src), ext: len(r.src), line: startLines[i]}
		if i+1 < len(starts) {
			p.end = starts[i+1]
			p.ext = len(r.src)
			if j := bytes.IndexByte(r.src[p.end:], '\n'); j >= 0 {
				p.ext = p.end + j + 1
			}
		}
		ps.list = append(ps.list, p)
	}
	var done sync.WaitGroup
	// The identifier a note without one gets is made meanwhile.
	done.Go(func() { r.textID = contentIdentifier(r.file.Text) })
	if alone {
		// No part waits for the others: they are read a few at a time,
		// in order, each part's parse tree let go of before the parts
		// after it are parsed, rather than all held at once.
		ps.merge.Do(ps.mergeDefinitions)
		workers.Each(len(ps.list), func(i int) { ps.list[i].read(frontMatter && i == 0) })
	} else {
		ps.together = true
		ps.blocked.Add(len(ps.list))
		for _, p := range ps.list {
			done.Go(func() { p.read(frontMatter && p.index == 0) })
		}
	}
	done.Wait()
	ps.merge.Do(ps.mergeDefinitions)
	for _, p := range ps.list {
		if !p.ok {
			return nil
		}
	}
	return ps
}

// read parses the part and converts its top level into items.
func (p *part) read(frontMatter bool) {
	defer func() {
		// A part that fails is read again with the whole note, which
		// then reports the failure.
		_ = recover()
		p.arrive()
	}()
	r := p.all.r
	p.split = &paragraphSplitter{}
	p.lp = &langProblems{}
	p.ctx = &partContext{Context: parser.NewContext(), part: p}
	gm := newParser(frontMatter, linkifyWhen(r.src[p.start:p.ext]), nil, p.split, p.lp, &p.book, p)
	reader := text.NewReader(r.src[:p.ext])
	// The reader starts on the part's first line: its position is put
	// on the end of the line before, which AdvanceLine leaves.
	reader.SetPosition(p.line-1, text.NewSegment(p.start, p.start))
	reader.AdvanceLine()
	doc := gm.Parse(reader, parser.WithContext(p.ctx))
	p.arrive()
	if p.end < p.ext {
		h, ok := doc.LastChild().(*ast.Heading)
		if !ok || h.Pos() < p.end {
			return
		}
		doc.RemoveChild(doc, h)
	}
	if p.refInFootnote || p.book.nested {
		return
	}
	for _, fn := range p.book.defs {
		if holdsMarkupOpening(fn, r.src) {
			return
		}
	}
	if list := p.book.list; list != nil {
		list.Parent().RemoveChild(list.Parent(), list)
	}
	c := newConverter(r.file, r.src, r.offsets, nil)
	c.later = &p.later
	c.warned = r.conv.warned
	p.items = c.items(doc)
	p.innerLinks = c.innerLinks
	p.ok = true
}

// problems returns the problems the parts' parsers found, in the order
// the note read in one piece finds them.
func (ps *parts) problems(number []int) []auditProblem {
	var out []auditProblem
	seen := make(map[string]bool)
	for i, fn := range ps.defs {
		label := string(fn.Ref)
		switch {
		case seen[label]:
			out = append(out, auditProblem{fn.Pos(),
				"footnote [^" + label + "] is defined more than once; only the first definition is used"})
		case number[i] == 0:
			out = append(out, auditProblem{fn.Pos(),
				"footnote [^" + label + "] is never referenced and is left out"})
		}
		seen[label] = true
	}
	keep := func(p *part, u auditProblem) {
		if u.pos < p.end {
			out = append(out, u)
		}
	}
	for _, p := range ps.list {
		for _, u := range p.split.problems {
			keep(p, u)
		}
	}
	for _, p := range ps.list {
		for _, u := range p.lp.problems {
			keep(p, u)
		}
	}
	// The inline text of footnotes' definitions is parsed where the
	// list goldmark gathers them in stands: before the note's first
	// definition.
	var inline []inlineProblem
	for _, p := range ps.list {
		for _, u := range p.lp.inline {
			if u.pos < p.end {
				inline = append(inline, u)
			}
		}
	}
	at := len(ps.r.src)
	if len(ps.defs) > 0 {
		at = ps.defs[0].Pos()
	}
	for _, u := range inline {
		if !u.inFootnote && u.pos < at {
			out = append(out, u.auditProblem)
		}
	}
	for _, u := range inline {
		if u.inFootnote {
			out = append(out, u.auditProblem)
		}
	}
	for _, u := range inline {
		if !u.inFootnote && u.pos >= at {
			out = append(out, u.auditProblem)
		}
	}
	return out
}

// number numbers the footnotes in the order of their first references in
// the note: number[i] is the number of definition i, 0 when it is never
// referred to.
func (ps *parts) number() (number []int, order []int) {
	number = make([]int, len(ps.defs))
	for _, p := range ps.list {
		for _, i := range p.firstRefs {
			if number[i] == 0 {
				order = append(order, i)
				number[i] = len(order)
			}
		}
	}
	return number, order
}

// finish does what the parts' conversions left to do, in the order of the
// note, and returns the note's items and footnotes.
func (ps *parts) finish(number, order []int) ([]item, []*guide.Footnote) {
	c := ps.r.conv
	n := 0
	for _, p := range ps.list {
		n += len(p.items)
	}
	items := make([]item, 0, n)
	for _, p := range ps.list {
		items = append(items, p.items...)
		for _, e := range p.later.events {
			switch e.kind {
			case eventNesting:
				if c.warned {
					continue
				}
				c.warned = true
			case eventInlineNesting:
				if c.warnedInline {
					continue
				}
				c.warnedInline = true
			}
			c.do(e)
		}
		for _, ref := range p.later.refs {
			ref.Index = number[ref.Index] - 1
		}
	}
	footnotes := make([]*guide.Footnote, len(order))
	for i, d := range order {
		fn := ps.defs[d]
		pos := c.start(fn)
		footnotes[i] = &guide.Footnote{Label: cleanText(string(fn.Ref)), Pos: pos, Blocks: c.blocks(fn)}
	}
	return items, footnotes
}

// inOrder returns fn(0), fn(1)… fn(n-1), made side by side on every core
// when parallel is set.
func inOrder[T any](n int, parallel bool, fn func(i int) T) []T {
	out := make([]T, n)
	if !parallel {
		for i := range n {
			out[i] = fn(i)
		}
		return out
	}
	workers.Each(n, func(i int) { out[i] = fn(i) })
	return out
}

// holdsMarkupOpening reports whether the blocks of footnote definition fn
// hold "<!" or "<?", which may open an HTML comment, declaration or
// processing instruction.
func holdsMarkupOpening(fn ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(fn, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if v := seg.Value(src); bytes.Contains(v, markupBang) || bytes.Contains(v, markupQuestion) {
				found = true
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

var markupBang, markupQuestion = []byte("<!"), []byte("<?")
