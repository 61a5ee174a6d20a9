package pdf

// box is one unbreakable piece of a page: a line of text, a table row, an
// image, a rule. The block layout turns the guide into a list of boxes;
// pagination then deals them out to pages.
type box struct {
	h      float64 // height in millimetres
	before float64 // space above the box, dropped at the top of a page
	// keepNext forbids a page break between this box and the next: a
	// heading and the lines after it, the first two and last two lines of
	// a paragraph, a table's header and its first row.
	keepNext bool
	// glue is how firmly keepNext holds, for a page that must break
	// between boxes that keep together.
	glue glue
	// newPage starts a page with the box; alone gives the box a page of
	// its own, with nothing before or after it on that page.
	newPage, alone bool
	// baseline is the distance from the top of the box to its first
	// baseline, where a list marker goes.
	baseline float64
	// extra holds what few boxes have; nil for the many that have none
	// of it, such as most lines of text.
	extra *boxExtra
	// tag is the element of the structure tree the box's content belongs
	// to; nil makes it an artifact.
	tag   *structElem
	paint func(p *pen, x, y float64)
}

// boxExtra is what a box may carry besides its size and paint.
type boxExtra struct {
	notes   []int // footnotes first referenced here, as indexes
	anchors []int // links that point at the top of the box
	mark    *mark // set on the first box of a section heading
	header  *box  // drawn above the box when the box opens a page
	bars    []bar // quote bars beside the box
}

// noExtra is what a box without extras has.
var noExtra boxExtra

// ext returns what the box carries, to read it.
func (b *box) ext() *boxExtra {
	if b.extra == nil {
		return &noExtra
	}
	return b.extra
}

// more returns what the box carries, to set it.
func (b *box) more() *boxExtra {
	if b.extra == nil {
		b.extra = &boxExtra{}
	}
	return b.extra
}

// addAnchors adds link targets at the top of the box.
func (b *box) addAnchors(as ...int) {
	if len(as) > 0 {
		x := b.more()
		x.anchors = append(x.anchors, as...)
	}
}

// glue is how firmly a box keeps with the next one. When what keeps
// together cannot all go on a page, or would leave a page with a few
// lines, the page breaks where the glue is weakest.
type glue uint8

const (
	// glueLines keeps a paragraph's first two and last two lines
	// together, so that no line of it stands alone at the foot or the
	// top of a page.
	glueLines glue = iota
	// glueWhole keeps a short code block or table whole, a paragraph
	// with the list it leads into, and a "See …" line with its item.
	glueWhole
	// glueHeading keeps a heading, a list item's lead, a caption or a
	// table's header row with what follows.
	glueHeading
)

// cost is how badly a page reads when it breaks after a box of glue g:
// worst after a heading, least inside a block kept whole.
func (g glue) cost() int {
	switch g {
	case glueWhole:
		return 0
	case glueHeading:
		return 2
	}
	return 1
}

// mark is what a section heading leaves behind: an outline entry and, for
// a top-level section, the running head of the pages it is on.
type mark struct {
	title string
	level int // 0 for a top-level section
	page  int // the page the heading is printed on, once paginated
	// outline says the heading has an entry in the PDF's outline.
	outline bool
}

// bar is a thin vertical rule beside a block quote. Boxes of the same
// quote share an id, so that the bar runs on through the space between
// them.
type bar struct {
	x  float64 // from the left edge of the text block
	id int
}
