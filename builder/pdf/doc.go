package pdf

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"time"

	"studyguide/builder/internal/pdfobj"
)

// document is the PDF being drawn. Its methods take lengths in
// millimetres from the top left corner of the page, as the layout does,
// and write the operators of each page into the page's content; a page's
// content is compressed and written to the output as soon as the next
// page starts (or the document ends), so that no more than one page is
// ever held. What pages share (fonts, images, the transparency states)
// and what points at pages (links, the outline, the structure tree) is
// written at the end, by writer.finish.
type document struct {
	k    float64 // points per millimetre
	w, h float64 // page size, millimetres
	out  *pdfobj.Writer
	err  error

	content []byte     // the content of the page being drawn
	pages   []pageData // the pages drawn, the current one last

	// The graphics state as last set, which each page starts with.
	lineWidth           float64
	capStyle, joinStyle int
	drawColor           string
	fillColor           string
	dash                string

	links []linkDest // by link number, from 1
	// annots are the links placed on the pages, in the order placed,
	// which is the order of the pages; urls the URLs they go to, each
	// once, and urlNum the number of each in urls, from 1.
	annots    annotList
	urls      []string
	urlNum    map[string]int32
	outlines  []outlineItem
	alphas    []string // the alpha of each transparency state, "0.500"
	images    map[string]*docImage
	imageList []*docImage
	// xforms are the form XObjects every page may paint besides the
	// images (see late.go).
	xforms []xobjectRef

	meta docMeta
	// pageEnded, when set, is told the number of each page whose
	// content is written.
	pageEnded func(n int)
}

// pageData is what is kept of a page once its content is written: the
// number of its content stream and how many links it has.
type pageData struct {
	contents int
	annots   int32
	// forms are the forms the page paints that are not in the
	// resources every page shares (see late.go).
	forms []xobjectRef
}

// linkDest is where an internal link goes: a page, from 1, and a height
// on it in millimetres from the top.
type linkDest struct {
	page int
	y    float64
}

// outlineItem is an entry of the outline: its title, its level of
// nesting from 0, and the page and height it goes to.
type outlineItem struct {
	title string
	level int
	page  int
	y     float64
}

// xobjectRef is an XObject of the pages' resources: its name and object.
type xobjectRef struct {
	name string
	obj  int
}

// appendXObjects appends the XObjects of the pages' resources, the images
// then the forms every page may paint, then the forms local to a page, as
// the entry of a resource dictionary; nothing when there are none.
func (d *document) appendXObjects(b []byte, local []xobjectRef) []byte {
	if len(d.imageList) == 0 && len(d.xforms) == 0 && len(local) == 0 {
		return b
	}
	b = append(b, " /XObject <<"...)
	for _, im := range d.imageList {
		b = append(b, " /"...)
		b = append(b, im.name...)
		b = append(b, ' ')
		b = pdfobj.AppendRef(b, im.obj)
	}
	for _, f := range slices.Concat(d.xforms, local) {
		b = append(b, " /"...)
		b = append(b, f.name...)
		b = append(b, ' ')
		b = pdfobj.AppendRef(b, f.obj)
	}
	return append(b, ">>"...)
}

// drawForm paints form XObject f with its origin at x, y (millimetres
// from the top left). A local form is one only the pages that paint it
// have in their resources.
func (d *document) drawForm(f xobjectRef, local bool, x, y float64) {
	if p := d.page(); local && p > 0 && !slices.Contains(d.pages[p-1].forms, f) {
		d.pages[p-1].forms = append(d.pages[p-1].forms, f)
	}
	b := append(d.content, "q 1 0 0 1 "...)
	b = d.point(b, x, y)
	b = append(b, " cm /"...)
	b = append(b, f.name...)
	d.content = append(b, " Do Q\n"...)
}

// docMeta is what the document says about itself.
type docMeta struct {
	title, author, subject, creator, lang string
	date                                  time.Time
	xmp                                   []byte
}

// newDocument returns a document of pages w by h millimetres, drawing
// nothing yet; begin gives it its output.
func newDocument(w, h float64) *document {
	return &document{
		k: 72 / 25.4, w: w, h: h,
		lineWidth: 0.2, // millimetres
		images:    map[string]*docImage{},
		drawColor: "0 G", fillColor: "0 g",
	}
}

// begin starts the file on w. The pages and images drawn after it are
// written to w as they are finished.
func (d *document) begin(w io.Writer) {
	d.out = pdfobj.New(w, "1.7")
	for _, im := range d.imageList {
		d.writeImage(im)
	}
}

// end stops the writing of a file that was not finished, after an error;
// it does nothing once the file is finished.
func (d *document) end() {
	if d.out != nil {
		d.out.Abort()
	}
}

// SetError records err unless an error is recorded already.
func (d *document) SetError(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// Err reports whether an error is recorded.
func (d *document) Err() bool { return d.err != nil }

// Error returns the error recorded, or nil.
func (d *document) Error() error { return d.err }

// GetPageSize returns the size of the pages in millimetres.
func (d *document) GetPageSize() (float64, float64) { return d.w, d.h }

// GetConversionRatio returns the points in a millimetre.
func (d *document) GetConversionRatio() float64 { return d.k }

// page returns the number of the page being drawn, from 1; 0 before the
// first.
func (d *document) page() int { return len(d.pages) }

// AddPage ends the page being drawn, if any, and starts the next one in
// the graphics state the last one ended with.
func (d *document) AddPage() {
	d.endPage()
	d.pages = append(d.pages, pageData{})
	b := d.content[:0]
	b = append(appendPt(b, d.lineWidth*d.k), " w\n"...)
	if d.capStyle != 0 {
		b = append(strconv.AppendInt(b, int64(d.capStyle), 10), " J\n"...)
	}
	if d.joinStyle != 0 {
		b = append(strconv.AppendInt(b, int64(d.joinStyle), 10), " j\n"...)
	}
	if d.drawColor != "0 G" {
		b = append(append(b, d.drawColor...), '\n')
	}
	if d.fillColor != "0 g" {
		b = append(append(b, d.fillColor...), '\n')
	}
	if d.dash != "" {
		b = append(append(b, d.dash...), '\n')
	}
	d.content = b
}

// endPage writes the content of the page being drawn, compressed.
func (d *document) endPage() {
	if len(d.pages) == 0 || d.pages[len(d.pages)-1].contents != 0 {
		return
	}
	if d.out == nil {
		d.SetError(errors.New("a page drawn with no output"))
		return
	}
	n := d.out.Alloc()
	d.out.Stream(n, nil, d.content, true)
	d.pages[len(d.pages)-1].contents = n
	d.content = d.content[:0]
	if d.pageEnded != nil {
		d.pageEnded(len(d.pages))
	}
}

// RawWriteStr adds s to the page's content.
func (d *document) RawWriteStr(s string) { d.content = append(d.content, s...) }

// RawWriteBuf adds b to the page's content.
func (d *document) RawWrite(b []byte) { d.content = append(d.content, b...) }

// op adds one line of operators to the page's content.
func (d *document) op(s string) {
	d.content = append(d.content, s...)
	d.content = append(d.content, '\n')
}

// appendPt appends a length in points, rounded to hundredths from its
// exact value, without trailing zeros.
func appendPt(b []byte, v float64) []byte {
	if h, ok := roundedHundredths(v); ok {
		// "-0" is printed as 0, as below.
		return pdfobj.AppendHundredths(b, h)
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// point appends x y, a point of the page in millimetres, in points.
func (d *document) point(b []byte, x, y float64) []byte {
	b = appendPt(b, x*d.k)
	b = append(b, ' ')
	return appendPt(b, (d.h-y)*d.k)
}

// colorOp returns the operator that sets a colour: a grey with gray, a
// colour with rgbOp.
func colorOp(r, g, b int, gray, rgbOp string) string {
	if r == g && g == b {
		return string(appendComponent(nil, r)) + " " + gray
	}
	var s []byte
	for _, v := range [3]int{r, g, b} {
		s = append(appendComponent(s, v), ' ')
	}
	return string(s) + rgbOp
}

// SetDrawColor sets the colour of lines.
func (d *document) SetDrawColor(r, g, b int) {
	d.drawColor = colorOp(r, g, b, "G", "RG")
	if d.page() > 0 {
		d.op(d.drawColor)
	}
}

// SetFillColor sets the colour of fills and text.
func (d *document) SetFillColor(r, g, b int) {
	d.fillColor = colorOp(r, g, b, "g", "rg")
	if d.page() > 0 {
		d.op(d.fillColor)
	}
}

// SetLineWidth sets the width of lines, in millimetres.
func (d *document) SetLineWidth(w float64) {
	d.lineWidth = w
	if d.page() > 0 {
		d.content = append(appendPt(d.content, w*d.k), " w\n"...)
	}
}

// SetLineCapStyle sets the ends of lines: "butt", "round" or "square".
func (d *document) SetLineCapStyle(style string) {
	d.capStyle = map[string]int{"round": 1, "square": 2}[style]
	if d.page() > 0 {
		d.content = append(strconv.AppendInt(d.content, int64(d.capStyle), 10), " J\n"...)
	}
}

// SetLineJoinStyle sets the corners of lines: "miter", "round" or
// "bevel".
func (d *document) SetLineJoinStyle(style string) {
	d.joinStyle = map[string]int{"round": 1, "bevel": 2}[style]
	if d.page() > 0 {
		d.content = append(strconv.AppendInt(d.content, int64(d.joinStyle), 10), " j\n"...)
	}
}

// SetDashPattern sets the dashes of lines, in millimetres; none draws
// them solid.
func (d *document) SetDashPattern(dashes []float64, phase float64) {
	b := []byte{'['}
	for i, v := range dashes {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendPt(b, v*d.k)
	}
	b = append(b, "] "...)
	b = append(appendPt(b, phase*d.k), " d"...)
	d.dash = string(b)
	if len(dashes) == 0 {
		d.dash = ""
	}
	if d.page() > 0 {
		d.op(string(b))
	}
}

// SetAlpha sets the opacity of what is painted next, through a
// transparency state that the pages share.
func (d *document) SetAlpha(alpha float64, _ string) {
	if alpha < 0 || alpha > 1 {
		d.SetError(errors.New("an opacity out of range"))
		return
	}
	key := strconv.FormatFloat(alpha, 'f', 3, 64)
	i := 0
	for i < len(d.alphas) && d.alphas[i] != key {
		i++
	}
	if i == len(d.alphas) {
		d.alphas = append(d.alphas, key)
	}
	d.op("/GS" + strconv.Itoa(i+1) + " gs")
}

// paintOp returns the operator that paints a path in a style: "F" fills,
// "D" strokes, "FD" or "DF" does both; a star fills by the even-odd
// rule.
func paintOp(style string) string {
	switch style {
	case "F", "f":
		return "f"
	case "F*", "f*":
		return "f*"
	case "FD", "DF", "fd", "df":
		return "B"
	case "FD*", "DF*":
		return "B*"
	}
	return "S"
}

// Rect paints a rectangle.
func (d *document) Rect(x, y, w, h float64, style string) {
	b := d.point(d.content, x, y)
	b = append(b, ' ')
	b = appendPt(b, w*d.k)
	b = append(b, ' ')
	b = appendPt(b, -h*d.k)
	b = append(b, " re "...)
	b = append(b, paintOp(style)...)
	d.content = append(b, '\n')
}

// Line strokes a straight line.
func (d *document) Line(x1, y1, x2, y2 float64) {
	b := d.point(d.content, x1, y1)
	b = append(b, " m "...)
	b = d.point(b, x2, y2)
	d.content = append(b, " l S\n"...)
}

// MoveTo starts a path.
func (d *document) MoveTo(x, y float64) {
	d.content = append(d.point(d.content, x, y), " m\n"...)
}

// LineTo adds a straight segment to the path.
func (d *document) LineTo(x, y float64) {
	d.content = append(d.point(d.content, x, y), " l\n"...)
}

// CurveBezierCubicTo adds a cubic Bézier segment to the path. Its points
// are written to a hundred-thousandth of a point, as the small curves of
// an icon need.
func (d *document) CurveBezierCubicTo(x1, y1, x2, y2, x3, y3 float64) {
	b := d.content
	for i, v := range [6]float64{x1 * d.k, (d.h - y1) * d.k, x2 * d.k, (d.h - y2) * d.k, x3 * d.k, (d.h - y3) * d.k} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, v, 'f', 5, 64)
	}
	d.content = append(b, " c\n"...)
}

// ClosePath closes the path's last subpath.
func (d *document) ClosePath() { d.op("h") }

// DrawPath paints the path in a style (see paintOp).
func (d *document) DrawPath(style string) { d.op(paintOp(style)) }

// AddLink makes a new internal link, going to the top of the first page
// until SetLink says where, and returns its number.
func (d *document) AddLink() int {
	d.links = append(d.links, linkDest{page: 1})
	return len(d.links)
}

// SetLink makes link n go to height y (millimetres from the top) of a
// page.
func (d *document) SetLink(n int, y float64, page int) {
	if n >= 1 && n <= len(d.links) {
		d.links[n-1] = linkDest{page: page, y: y}
	}
}

// rect returns a rectangle of the page in hundredths of a point from the
// bottom left.
func (d *document) rect(x, y, w, h float64) [4]int32 {
	return [4]int32{ptHundredths(x * d.k), ptHundredths((d.h - y) * d.k), ptHundredths((x + w) * d.k), ptHundredths((d.h - y - h) * d.k)}
}

// Link makes a clickable rectangle on the page going to internal link n.
func (d *document) Link(x, y, w, h float64, n int) {
	if p := d.page(); p > 0 {
		d.pages[p-1].annots++
		d.annots.add(annotRec{rect: d.rect(x, y, w, h), link: int32(n)})
	}
}

// LinkString makes a clickable rectangle on the page going to a URL.
func (d *document) LinkString(x, y, w, h float64, url string) {
	if p := d.page(); p > 0 {
		d.pages[p-1].annots++
		d.annots.add(annotRec{rect: d.rect(x, y, w, h), url: d.urlNumber(url)})
	}
}

// urlNumber returns the number of a URL in the document's list, from 1,
// adding it when it is not there yet.
func (d *document) urlNumber(url string) int32 {
	n, ok := d.urlNum[url]
	if !ok {
		if d.urlNum == nil {
			d.urlNum = map[string]int32{}
		}
		d.urls = append(d.urls, url)
		n = int32(len(d.urls))
		d.urlNum[url] = n
	}
	return n
}

// Bookmark adds an entry to the outline, going to height y of the page
// being drawn.
func (d *document) Bookmark(title string, level int, y float64) {
	d.outlines = append(d.outlines, outlineItem{title: title, level: level, page: d.page(), y: y})
}
