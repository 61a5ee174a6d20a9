package pdf

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"studyguide/builder/cards"
	"studyguide/builder/guide"
	"studyguide/layouts"
)

// The flashcards are printed eight to a sheet of the layout's paper, two
// across and four down, each card an eighth of the sheet: A7 (105 × 74 mm)
// on A4, 4.25 × 2.75 in on Letter. The grid of cards fills the sheet, so
// cutting along the lines between the cards gives the cards with nothing
// to trim at the edges. Fronts and backs are on pages that follow each
// other, a page of fronts then the page of their backs, so that printing
// on both sides puts every back behind its front:
//
//   - flipped on the long edge, the sheet turns about its long side and the
//     left column of the fronts lies behind the right column of the backs,
//     so a back page has the columns of its row in reverse order;
//   - flipped on the short edge, the sheet turns about its short side and
//     the top row of the fronts lies behind the bottom row of the backs, so
//     a back page has its rows in reverse order and its columns as they are.
//
// Misaligned printing is the common fault of cards printed on both sides,
// so nothing but the cut marks comes near a card's edge: the text keeps
// cardSafe inside it, and the cut marks are drawn on the fronts only, on
// the lines between cards, where the knife takes them away. The card's
// number is on both sides, the number on the back printed right behind
// the number on the front, so that a card that fell out of its sheet finds
// its other side, and holding a sheet to the light shows how well the
// printer aligned it.
const (
	cardCols = 2
	cardRows = 4
	// cardSafe is the margin inside each card that no text enters, in
	// millimetres: at least the 4 mm a duplex printer may be out by, and
	// clear of the edge a printer cannot print near.
	cardSafe = 6.0
	// cardBand is the height of the band at the top and at the bottom of
	// a card that holds its number and labels.
	cardBand = 5.0
	// cardGap is the space between the bands and the card's text.
	cardGap = 2.0
	// cutTick is the length of a cut mark where a line between cards
	// meets the paper's edge, and cutCross the length of each arm of the
	// cross where four cards meet.
	cutTick  = 8.0
	cutCross = 3.0
	// cardLeading is the line height of a card's text, as a multiple of
	// its size: cards are read at a glance, with little text.
	cardLeading = 1.22
	// cardSizeStep is the step, in points, text shrinks by to fit.
	cardSizeStep = 0.5
)

// CardOptions controls WriteCards.
type CardOptions struct {
	// Layout gives the sheet the cards are printed on, its typefaces and,
	// for the page numbers the backs refer to, the pages of the guide;
	// nil means layouts.Default.
	Layout *layouts.Layout
	// ShortEdge lays the backs out for printing flipped on the short edge;
	// by default they are laid out for the long edge.
	ShortEdge bool
}

// cardGrid is the sheet of cards, in millimetres from the top left of a
// portrait sheet.
type cardGrid struct {
	sheetW, sheetH float64
	cardW, cardH   float64
	// x0, y0 is the top left of the grid, which is centred on the sheet.
	x0, y0    float64
	shortEdge bool
}

// newCardGrid divides the layout's sheet into the cards. On a metric
// sheet a card is a whole number of millimetres, as the A sizes are (the
// eighth of A4 is 105 × 74.25 mm; A7 is 105 × 74); on an inch sheet it is
// the exact eighth (Letter's is 4.25 × 2.75 in).
func newCardGrid(lay *layouts.Layout, shortEdge bool) cardGrid {
	landW, landH := lay.SheetSize()
	g := cardGrid{sheetW: landH, sheetH: landW, shortEdge: shortEdge}
	g.cardW, g.cardH = g.sheetW/cardCols, g.sheetH/cardRows
	if strings.HasPrefix(string(lay.Sheet), "a") {
		g.cardW, g.cardH = math.Floor(g.cardW+1e-9), math.Floor(g.cardH+1e-9)
	}
	g.x0 = (g.sheetW - cardCols*g.cardW) / 2
	g.y0 = (g.sheetH - cardRows*g.cardH) / 2
	return g
}

// cell returns the top left of the place of the i-th card of a sheet (0
// to 7, row by row from the top left as the fronts are read) on the
// fronts or on the backs.
func (g cardGrid) cell(i int, back bool) (x, y float64) {
	col, row := i%cardCols, i/cardCols
	if back {
		if g.shortEdge {
			row = cardRows - 1 - row
		} else {
			col = cardCols - 1 - col
		}
	}
	return g.x0 + float64(col)*g.cardW, g.y0 + float64(row)*g.cardH
}

// behind returns the point of a back page that the printer puts behind
// the point (x, y) of the front page before it.
func (g cardGrid) behind(x, y float64) (float64, float64) {
	if g.shortEdge {
		return x, g.sheetH - y
	}
	return g.sheetW - x, y
}

// cardFace is one side of a card laid out: its lines of text and where
// they go, relative to the card's top left.
type cardFace struct {
	texts []placedLine
}

// placedLine is a line with the place of its baseline's start.
type placedLine struct {
	l    line
	x, y float64
}

// WriteCards writes the flashcards of g to w as a PDF to print on both
// sides of the layout's sheet: a page of eight fronts, then the page of
// their backs, and so on. The back of a card about a key term says where
// the guide explains it: the section and the page of the guide's PDF in
// the same layout. Warnings about the notes are the full guide's to give,
// so WriteCards gives none.
func WriteCards(w io.Writer, g *guide.Guide, deck []cards.Card, opts CardOptions) error {
	lay := opts.Layout
	if lay == nil {
		var err error
		if lay, err = layouts.Load(layouts.Default); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	var pages map[string]int
	if len(deck) > 0 {
		var err error
		if pages, err = anchorPages(g, lay); err != nil {
			return fmt.Errorf("pdf: cards: %w", err)
		}
	}
	grid := newCardGrid(lay, opts.ShortEdge)
	sheet := *lay
	sheet.PageWidth, sheet.PageHeight = grid.sheetW, grid.sheetH
	sheet.Mirrored = false
	wr, err := newRecapWriter(g, &sheet)
	if err != nil {
		return fmt.Errorf("pdf: cards: %w", err)
	}
	wr.tags = nil // cards are a print file: untagged
	wr.doc.begin(w)
	defer wr.doc.end()
	wr.drawCards(grid, deck, pages)
	if wr.doc.Err() {
		return fmt.Errorf("pdf: cards: %w", wr.doc.Error())
	}
	if err := wr.finish(); err != nil {
		return fmt.Errorf("pdf: cards: %w", err)
	}
	return nil
}

// drawCards draws the sheets of cards: for every eight cards a page of
// fronts and a page of backs. A deck with no card still makes one page,
// which says so, since a PDF has at least one page.
func (w *writer) drawCards(grid cardGrid, deck []cards.Card, pages map[string]int) {
	p := &pen{doc: w.doc, m: w.m, fs: w.fs, links: w.links, out: newTextOut(w.doc), pageOf: func(int) int { return 1 }}
	// Every face is laid out before the first page: measuring text
	// selects fonts, which must not reach a page's content.
	fronts := make([]cardFace, len(deck))
	backs := make([]cardFace, len(deck))
	for i, c := range deck {
		fronts[i] = w.cardFront(grid, i+1, c)
		backs[i] = w.cardBack(grid, i+1, c, pages)
	}
	var empty cardFace
	if len(deck) == 0 {
		empty = w.emptyDeck(grid)
	}
	paint := func(x, y float64, f *cardFace) {
		for _, t := range f.texts {
			p.line(&t.l, x+t.x, y+t.y)
		}
	}
	for start := 0; start < len(deck) || start == 0; start += cardCols * cardRows {
		end := min(start+cardCols*cardRows, len(deck))
		w.doc.AddPage()
		p.newPage()
		w.cutMarks(p, grid)
		if len(deck) == 0 {
			paint(grid.x0, grid.y0, &empty)
			p.endPage()
			break
		}
		for i := start; i < end; i++ {
			x, y := grid.cell(i-start, false)
			paint(x, y, &fronts[i])
		}
		p.endPage()
		w.doc.AddPage()
		p.newPage()
		for i := start; i < end; i++ {
			x, y := grid.cell(i-start, true)
			paint(x, y, &backs[i])
		}
		p.endPage()
	}
}

// cutMarks draws the cut marks of a page of fronts: on each line between
// two columns or two rows of cards, a tick where it meets the paper's
// edge and a small cross where it meets another line.
func (w *writer) cutMarks(p *pen, g cardGrid) {
	const width = 0.25 * mmPerPt
	for c := 1; c < cardCols; c++ {
		x := g.x0 + float64(c)*g.cardW
		p.rule(x, 0, x, cutTick, width, colorRule)
		p.rule(x, g.sheetH-cutTick, x, g.sheetH, width, colorRule)
		for r := 1; r < cardRows; r++ {
			y := g.y0 + float64(r)*g.cardH
			p.rule(x-cutCross, y, x+cutCross, y, width, colorRule)
			p.rule(x, y-cutCross, x, y+cutCross, width, colorRule)
		}
	}
	for r := 1; r < cardRows; r++ {
		y := g.y0 + float64(r)*g.cardH
		p.rule(0, y, cutTick, y, width, colorRule)
		p.rule(g.sheetW-cutTick, y, g.sheetW, y, width, colorRule)
	}
}

// The sizes of a card's text, in points: the largest, the smallest it
// shrinks to on one line before it wraps, and the smallest of all.
type cardSizes struct{ max, floor, min float64 }

var (
	termSizes   = cardSizes{20, 14, 8}
	promptSizes = cardSizes{14, 12, 7}
	answerSizes = cardSizes{11, 10, 6.5}
)

// numberSize is the size of a card's number and labels.
const numberSize = 8.0

// cardFront lays out the front of card n: what it is (a key term, a key
// point) at the top left, its number at the top right, the term or the
// question in the middle, centred, and the section it belongs to at the
// foot.
func (w *writer) cardFront(g cardGrid, n int, c cards.Card) cardFace {
	var f cardFace
	inner := g.cardW - 2*cardSafe
	small := textStyle{fam: headFam, size: numberSize, color: colorMuted}
	num := w.fitLine(strconv.Itoa(n), textStyle{fam: headFam, bold: true, size: numberSize, color: colorMuted}, inner)
	top := cardSafe + cardBand/2 + baselineRatio*pt(numberSize)
	f.texts = append(f.texts, placedLine{num, g.cardW - cardSafe - num.w, top})
	kind := w.labels.Text("cards.term")
	st, sizes := textStyle{fam: headFam, bold: true, color: colorHeading}, termSizes
	if c.Kind == cards.Point {
		kind = w.labels.Text("cards.point")
		st, sizes = textStyle{fam: headFam, color: colorText}, promptSizes
	}
	label := w.fitLine(kind, small, inner-num.w-cardGap)
	f.texts = append(f.texts, placedLine{label, cardSafe, top})
	section := c.Section
	if section == "" {
		section = w.g.Meta.Title
	}
	foot := w.fitLine(section, textStyle{fam: bodyFam, italic: true, size: numberSize, color: colorMuted}, inner)
	bottom := g.cardH - cardSafe - cardBand/2 + baselineRatio*pt(numberSize)
	f.texts = append(f.texts, placedLine{foot, (g.cardW - foot.w) / 2, bottom})
	boxTop := cardSafe + cardBand + cardGap
	boxH := g.cardH - 2*(cardSafe+cardBand+cardGap)
	lines, size := w.fitCardInlines(c.FrontInlines, c.Front, nil, st, sizes, inner, boxH)
	f.texts = append(f.texts, stackLines(lines, size, cardSafe, boxTop, inner, boxH, true)...)
	return f
}

// cardBack lays out the back of card n: its number right behind the
// number on the front, the answer in the middle and where the guide
// explains it at the foot.
func (w *writer) cardBack(g cardGrid, n int, c cards.Card, pages map[string]int) cardFace {
	var f cardFace
	inner := g.cardW - 2*cardSafe
	num := w.fitLine(strconv.Itoa(n), textStyle{fam: headFam, bold: true, size: numberSize, color: colorMuted}, inner)
	// The number's place on the front, on the page, for a card in the
	// top-left place of the grid; the back's place is found the same way.
	fx0, fy0 := g.cell(0, false)
	bx0, by0 := g.cell(0, true)
	top := cardSafe + cardBand/2 + baselineRatio*pt(numberSize)
	mid := cardSafe + cardBand/2 // the middle of the band, where the digits are centred
	numX, numY := g.behind(fx0+g.cardW-cardSafe-num.w/2, fy0+mid)
	numX, numY = numX-bx0, numY-by0
	f.texts = append(f.texts, placedLine{num, numX - num.w/2, numY - mid + top})

	st := textStyle{fam: bodyFam, italic: true, size: numberSize, color: colorMuted}
	// The foot leaves the number's corner free when the number is at
	// the foot (flipped on the short edge).
	foot := w.cardWhere(c, pages, st, inner-num.w-2*cardGap)
	bottom := g.cardH - cardSafe - cardBand/2 + baselineRatio*pt(numberSize)
	f.texts = append(f.texts, placedLine{foot, cardSafe, bottom})

	boxTop := cardSafe + cardBand + cardGap
	boxH := g.cardH - 2*(cardSafe+cardBand+cardGap)
	lines, size := w.fitCardInlines(c.BackInlines, c.Back, c.Highlight, textStyle{fam: bodyFam, color: colorText}, answerSizes, inner, boxH)
	f.texts = append(f.texts, stackLines(lines, size, cardSafe, boxTop, inner, boxH, false)...)
	return f
}

// cardWhere sets the line that says where the guide explains a card, no
// wider than width: its section, and the page of the guide's PDF when
// the card's target is on one. A section title too long for the line is
// cut short, the page number never.
func (w *writer) cardWhere(c cards.Card, pages map[string]int, st textStyle, width float64) line {
	section := c.Section
	if section == "" {
		section = w.g.Meta.Title
	}
	n, ok := pages[c.Target]
	format := func(section string) string {
		if ok && c.Target != "" {
			return w.labels.Format("cards.where-page", "section", section, "page", w.labels.Text("page.ref")+"\u00a0"+strconv.Itoa(n))
		}
		return w.labels.Format("cards.where", "section", section)
	}
	set := func(s string) line {
		ls := w.typeset(plain(guide.NoPos, s), st, math.Inf(1))
		if len(ls) == 0 {
			return line{}
		}
		return ls[0]
	}
	if l := set(format(section)); l.w <= width {
		return l
	}
	runes := []rune(section)
	lo, hi := 0, len(runes)-1 // lo runes, and an ellipsis, fit
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if set(format(strings.TrimRight(string(runes[:mid]), " ")+"…")).w <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if l := set(format(strings.TrimRight(string(runes[:lo]), " ") + "…")); l.w <= width {
		return l
	}
	return w.fitLine(format(section), st, width)
}

// emptyDeck lays out the one card of a guide that has none, which says
// that the notes have no key terms or key points.
func (w *writer) emptyDeck(g cardGrid) cardFace {
	inner := g.cardW - 2*cardSafe
	boxH := g.cardH - 2*cardSafe
	lines, size := w.fitCardText(w.labels.Text("cards.none"), nil, textStyle{fam: bodyFam, italic: true, color: colorMuted}, answerSizes, inner, boxH)
	return cardFace{texts: stackLines(lines, size, cardSafe, cardSafe, inner, boxH, true)}
}

// stackLines places lines set at size one under the other, the block
// centred in the box at (x, y) of width w and height h, each line centred
// or flush left.
func stackLines(lines []line, size, x, y, w, h float64, centre bool) []placedLine {
	lead := pt(size) * cardLeading
	top := y + (h-lead*float64(len(lines)))/2
	out := make([]placedLine, len(lines))
	for i, l := range lines {
		lx := x
		if centre {
			lx += (w - l.w) / 2
		}
		out[i] = placedLine{l, lx, top + float64(i)*lead + lead/2 + baselineRatio*pt(size)}
	}
	return out
}

// emphasise returns s as inlines, with every use of one of the words in
// bold set in bold: a use starts and ends at a word's edge, in any case.
func emphasise(s string, bold []string) []guide.Inline {
	lower := strings.ToLower(s)
	var out []guide.Inline
	start := 0
	for i := 0; i < len(s); {
		n := 0
		for _, b := range bold {
			lb := strings.ToLower(b)
			if lb != "" && len(lb) > n && strings.HasPrefix(lower[i:], lb) && len(lower) == len(s) &&
				(i == 0 || !isWordByte(s[i-1])) && (i+len(lb) == len(s) || !isWordByte(s[i+len(lb)])) {
				n = len(lb)
			}
		}
		if n == 0 {
			i++
			continue
		}
		if start < i {
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: s[start:i]})
		}
		out = append(out, &guide.Strong{Children: []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: s[i : i+n]}}})
		i += n
		start = i
	}
	if start < len(s) {
		out = append(out, &guide.Text{Pos: guide.NoPos, Text: s[start:]})
	}
	return out
}

// isWordByte reports whether c may be part of a word: a letter or digit
// of ASCII, or any byte of a character beyond it.
func isWordByte(c byte) bool {
	return c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// fitCardText sets s in st in a box width wide and height high, and
// returns its lines and their size, the uses of the words in bold set in
// bold. The text never overflows the box: it
// takes one line at the largest size that fits, down to sizes.floor;
// failing that, it wraps at the largest size from sizes.floor down to
// sizes.min whose lines fit; failing that, at sizes.min it keeps the
// words that fit and ends with an ellipsis.
func (w *writer) fitCardText(s string, bold []string, st textStyle, sizes cardSizes, width, height float64) ([]line, float64) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil, sizes.max
	}
	set := func(text string, size, wrap float64) []line {
		st.size = size
		return w.typeset(emphasise(text, bold), st, wrap)
	}
	fits := func(lines []line, size float64) bool {
		if pt(size)*cardLeading*float64(len(lines)) > height+1e-6 {
			return false
		}
		for _, l := range lines {
			if l.w > width+1e-6 {
				return false
			}
		}
		return true
	}
	for size := sizes.max; size >= sizes.floor-1e-9; size -= cardSizeStep {
		if lines := set(s, size, math.Inf(1)); len(lines) == 1 && fits(lines, size) {
			return lines, size
		}
	}
	for size := sizes.floor; size >= sizes.min-1e-9; size -= cardSizeStep {
		// A word is broken between its characters only when it is wider
		// than the whole line: shrink further before that.
		if lines := set(s, size, width); fits(lines, size) && !splitsWord(s, lines) {
			return lines, size
		}
	}
	// At the smallest size: as many words as fit, then an ellipsis.
	words := strings.Fields(s)
	lo, hi := 0, len(words) // lo words fit
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(set(strings.Join(words[:mid], " ")+"…", sizes.min, width), sizes.min) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		// Not even one word fits whole: its characters, broken.
		lines := set(s, sizes.min, width)
		maxLines := int((height + 1e-6) / (pt(sizes.min) * cardLeading))
		return lines[:min(len(lines), max(maxLines, 0))], sizes.min
	}
	return set(strings.Join(words[:lo], " ")+"…", sizes.min, width), sizes.min
}

// fitCardInlines sets a card's text as fitCardText does, typeset from
// ins, the text with its formulas, when ins is not nil: on one line at
// the largest size that fits, else wrapped at the largest size down to
// the smallest. When ins fits at no size, or is nil, the card's text s is
// set by fitCardText, cut short as it cuts it.
func (w *writer) fitCardInlines(ins []guide.Inline, s string, bold []string, st textStyle, sizes cardSizes, width, height float64) ([]line, float64) {
	if ins == nil {
		return w.fitCardText(s, bold, st, sizes, width, height)
	}
	var marked []guide.Inline
	for _, in := range ins {
		if t, ok := in.(*guide.Text); ok {
			marked = append(marked, emphasise(t.Text, bold)...)
		} else {
			marked = append(marked, in)
		}
	}
	fits := func(lines []line, size float64) bool {
		if len(lines) == 0 || pt(size)*cardLeading*float64(len(lines)) > height+1e-6 {
			return false
		}
		for _, l := range lines {
			if l.w > width+1e-6 {
				return false
			}
		}
		return true
	}
	set := func(size, wrap float64) []line {
		st.size = size
		return w.typeset(marked, st, wrap)
	}
	for size := sizes.max; size >= sizes.floor-1e-9; size -= cardSizeStep {
		if lines := set(size, math.Inf(1)); len(lines) == 1 && fits(lines, size) {
			return lines, size
		}
	}
	for size := sizes.floor; size >= sizes.min-1e-9; size -= cardSizeStep {
		if lines := set(size, width); fits(lines, size) && !splitsWord(guide.PlainText(ins), lines) {
			return lines, size
		}
	}
	return w.fitCardText(s, bold, st, sizes, width, height)
}

// splitsWord reports whether the line breaker broke a word of s between
// its characters: the lines hold more words than s has.
func splitsWord(s string, lines []line) bool {
	n := 0
	for _, l := range lines {
		var b strings.Builder
		end := 0.0
		for i, p := range l.pieces {
			if i > 0 && p.x > end+0.01 {
				b.WriteByte(' ') // a space between pieces of two faces
			}
			b.WriteString(p.text)
			end = p.x + p.w
		}
		n += len(strings.Fields(b.String()))
	}
	return n > len(strings.Fields(s))
}
