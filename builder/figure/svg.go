package figure

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// SVGOptions controls SVG.
type SVGOptions struct {
	// Href maps a Link's target id to the href that reaches it, such as
	// "section-3.xhtml#kp-libya". When nil, a target becomes "#" + id.
	Href func(target string) string
	// ID prefixes the ids of the elements SVG writes (its title and
	// description), so that several drawings can share one page.
	ID string
	// LabelledBy is the id of an element of the page that names the
	// drawing, such as the heading above it; the scene's title is then
	// not written, so that the drawing is named once.
	LabelledBy string
}

// svgFamilies maps the families of package fonts to CSS font lists: the
// embedded face first, the symbols face for what it lacks, then a generic
// family for readers that ignore embedded fonts.
var svgFamilies = map[string]string{
	"sans":  "'Noto Sans', 'DejaVu Sans', sans-serif",
	"serif": "'Noto Serif', 'DejaVu Sans', serif",
	"mono":  "'Noto Sans Mono', 'DejaVu Sans Mono', monospace",
}

// SVG returns the scene as an SVG element to place inside an XHTML page:
// no XML declaration, the SVG namespace on the element, a viewBox in
// points and a width of 100% so that the page decides the size. The
// drawing is an image for assistive technology (role="img"), named by its
// <title> (or the element opts.LabelledBy names) and described by its
// <desc>. Text is set in the embedded fonts by family
// name, one <tspan> per line; a Link becomes an <a> around a transparent
// rectangle, with a <title> that names where it goes. Colours are written
// as presentation attributes and a Class as the element's class, which a
// stylesheet's rules outrank: the drawing keeps its own colours unless
// the page's stylesheet repaints it. Numbers are written
// with at most two decimals and no trailing zeros, so the same scene
// always gives the same bytes.
//
// The output is SVG 1.1 as EPUB 3 content documents accept it: links use
// xlink:href, which SVG 1.1 requires and SVG 2 readers still honour.
func SVG(s *Scene, opts SVGOptions) []byte {
	id := opts.ID
	if id == "" {
		id = "figure"
	}
	w := &svgCanvas{href: opts.Href}
	b := &w.b
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" viewBox="0 0 %s %s" width="100%%" role="img"`,
		num(s.Width), num(s.Height))
	title := s.Title != "" && opts.LabelledBy == ""
	switch {
	case opts.LabelledBy != "":
		fmt.Fprintf(b, ` aria-labelledby="%s"`, escape(opts.LabelledBy))
	case title:
		fmt.Fprintf(b, ` aria-labelledby="%s-title"`, id)
	}
	if s.Desc != "" {
		fmt.Fprintf(b, ` aria-describedby="%s-desc"`, id)
	}
	b.WriteString(">\n")
	if title {
		fmt.Fprintf(b, "<title id=\"%s-title\">%s</title>\n", id, escape(s.Title))
	}
	if s.Desc != "" {
		fmt.Fprintf(b, "<desc id=\"%s-desc\">%s</desc>\n", id, escape(s.Desc))
	}
	Draw(s, w)
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// svgCanvas is the Canvas that writes SVG elements.
type svgCanvas struct {
	b    bytes.Buffer
	href func(string) string
}

func (c *svgCanvas) Path(p *Path) {
	c.b.WriteString(`<path d="`)
	for i, seg := range p.Segments {
		if i > 0 {
			c.b.WriteByte(' ')
		}
		switch seg.Op {
		case MoveTo:
			fmt.Fprintf(&c.b, "M%s %s", num(seg.Pts[0].X), num(seg.Pts[0].Y))
		case LineTo:
			fmt.Fprintf(&c.b, "L%s %s", num(seg.Pts[0].X), num(seg.Pts[0].Y))
		case CubicTo:
			fmt.Fprintf(&c.b, "C%s %s %s %s %s %s",
				num(seg.Pts[0].X), num(seg.Pts[0].Y),
				num(seg.Pts[1].X), num(seg.Pts[1].Y),
				num(seg.Pts[2].X), num(seg.Pts[2].Y))
		case Close:
			c.b.WriteByte('Z')
		}
	}
	c.b.WriteByte('"')
	c.style(p.Style)
	c.b.WriteString("/>\n")
}

func (c *svgCanvas) Rect(r *Rect) {
	fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(r.X), num(r.Y), num(r.W), num(r.H))
	if r.Radius > 0 {
		fmt.Fprintf(&c.b, ` rx="%s"`, num(r.Radius))
	}
	c.style(r.Style)
	c.b.WriteString("/>\n")
}

func (c *svgCanvas) Circle(ci *Circle) {
	fmt.Fprintf(&c.b, `<circle cx="%s" cy="%s" r="%s"`, num(ci.CX), num(ci.CY), num(ci.R))
	c.style(ci.Style)
	c.b.WriteString("/>\n")
}

func (c *svgCanvas) Text(t *Text) {
	family, ok := svgFamilies[t.Family]
	if !ok {
		family = svgFamilies["sans"]
	}
	fmt.Fprintf(&c.b, `<text font-family="%s" font-size="%s"`, family, num(t.Size))
	if strings.Contains(t.Style, "B") {
		c.b.WriteString(` font-weight="bold"`)
	}
	if strings.Contains(t.Style, "I") {
		c.b.WriteString(` font-style="italic"`)
	}
	switch t.Anchor {
	case AnchorMiddle:
		c.b.WriteString(` text-anchor="middle"`)
	case AnchorEnd:
		c.b.WriteString(` text-anchor="end"`)
	}
	fill := t.Color
	if !fill.Set {
		fill = RGB(0, 0, 0)
	}
	fmt.Fprintf(&c.b, ` fill="%s"`, hex(fill))
	c.class(t.Class)
	c.b.WriteString(">")
	for i, line := range t.Lines {
		fmt.Fprintf(&c.b, `<tspan x="%s" y="%s">%s</tspan>`, num(t.X), num(t.Y+float64(i)*t.LineHeight), escape(line))
	}
	c.b.WriteString("</text>\n")
}

func (c *svgCanvas) Link(l *Link) {
	href := "#" + l.Target
	if c.href != nil {
		href = c.href(l.Target)
	}
	fmt.Fprintf(&c.b, `<a xlink:href="%s">`, escape(href))
	if l.Title != "" {
		fmt.Fprintf(&c.b, "<title>%s</title>", escape(l.Title))
	}
	fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff" fill-opacity="0"/></a>`+"\n",
		num(l.X), num(l.Y), num(l.W), num(l.H))
}

// style writes the painting attributes of a shape.
func (c *svgCanvas) style(s Style) {
	if s.Fill.Set {
		fmt.Fprintf(&c.b, ` fill="%s"`, hex(s.Fill))
	} else {
		c.b.WriteString(` fill="none"`)
	}
	if s.Stroke.Set && s.StrokeWidth > 0 {
		fmt.Fprintf(&c.b, ` stroke="%s" stroke-width="%s"`, hex(s.Stroke), num(s.StrokeWidth))
		if len(s.Dash) > 0 {
			parts := make([]string, len(s.Dash))
			for i, d := range s.Dash {
				parts[i] = num(d)
			}
			fmt.Fprintf(&c.b, ` stroke-dasharray="%s"`, strings.Join(parts, " "))
		}
		if s.RoundJoins {
			c.b.WriteString(` stroke-linecap="round" stroke-linejoin="round"`)
		}
	}
	if s.Opacity > 0 && s.Opacity < 1 {
		fmt.Fprintf(&c.b, ` opacity="%s"`, num(s.Opacity))
	}
	c.class(s.Class)
}

// class writes an element's class attribute, when it has one.
func (c *svgCanvas) class(name string) {
	if name = strings.Join(strings.Fields(name), " "); name != "" {
		fmt.Fprintf(&c.b, ` class="%s"`, escape(name))
	}
}

// num formats a length with at most two decimals and no trailing zeros:
// 12 for 12.0, 3.5 for 3.50, 0 for -0.001.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // no negative zero
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// hex formats a colour as #rrggbb.
func hex(c Color) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// escape makes text safe inside XML character data and attribute values
// quoted with double quotes.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			// Characters XML 1.0 forbids are dropped.
			if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF)) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
