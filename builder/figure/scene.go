// Package figure holds the vector drawings that both guides carry, such as
// the mind-palace pages. A drawing is built once as a Scene of simple
// items; each writer then draws it natively through a Canvas: the EPUB as
// SVG, the PDF with the PDF library's own path operators. Nothing here
// knows about either output format except the SVG canvas in svg.go.
package figure

// Point is a position in points (1/72 inch). The origin is the scene's top
// left corner and y grows downwards, as in SVG.
type Point struct{ X, Y float64 }

// Color is an sRGB colour. The zero Color is "none": no fill or no stroke.
type Color struct {
	R, G, B uint8
	Set     bool
}

// RGB returns an opaque colour.
func RGB(r, g, b uint8) Color { return Color{R: r, G: g, B: b, Set: true} }

// Style says how a shape is painted.
type Style struct {
	Fill        Color
	Stroke      Color
	StrokeWidth float64   // points
	Opacity     float64   // 0 means fully opaque; otherwise 0 < Opacity <= 1
	Dash        []float64 // dash pattern in points; nil for a solid line
	RoundJoins  bool      // round line joins and caps, for pictograms and routes
	// Class names the part the shape plays in its drawing ("wall",
	// "room blue"), space-separated. The SVG canvas writes it as the
	// element's class, so that a stylesheet can paint the drawing in the
	// reader's colours, as in a night mode; the colours above stay the
	// drawing's own, which the PDF and a reader without that stylesheet
	// show.
	Class string
}

// Scene is one drawing: a size and the items painted in order.
type Scene struct {
	// Width and Height are the drawing's size in points.
	Width, Height float64
	// Title names the drawing; Desc describes it in words for readers who
	// cannot see it (SVG title/desc, PDF alternate text).
	Title, Desc string
	Items       []Item
}

// Item is one thing painted in a scene. The set is closed.
type Item interface{ item() }

// Op is a path segment's operator.
type Op int

// Path operators.
const (
	MoveTo  Op = iota // Pts[0]
	LineTo            // Pts[0]
	CubicTo           // Pts[0], Pts[1] control points, Pts[2] end point
	Close
)

// Segment is one step of a path.
type Segment struct {
	Op  Op
	Pts [3]Point
}

// Path is an outline of lines and cubic Bézier curves.
type Path struct {
	Style
	Segments []Segment
}

// Rect is a rectangle, with rounded corners when Radius > 0.
type Rect struct {
	Style
	X, Y, W, H float64
	Radius     float64
}

// Circle is a circle.
type Circle struct {
	Style
	CX, CY, R float64
}

// Anchor says where a text line sits relative to its X.
type Anchor int

// Text anchors.
const (
	AnchorStart Anchor = iota
	AnchorMiddle
	AnchorEnd
)

// Text is one or more lines of text, already wrapped by whoever built the
// scene (with the fonts package's metrics), so that both canvases put the
// same words on the same lines.
type Text struct {
	X, Y       float64 // Y is the baseline of the first line
	Lines      []string
	Size       float64 // points
	LineHeight float64 // baseline to baseline, points
	Family     string  // "sans" or "serif", as in package fonts
	Style      string  // "", "B", "I" or "BI"
	Color      Color
	Anchor     Anchor
	Class      string // the part the text plays, as Style.Class
}

// Link makes a rectangle of the scene a link to an element of the guide,
// named by its id. Title says in words where the link goes ("Balkans
// Operations"), for readers that announce links and for tooltips.
type Link struct {
	X, Y, W, H float64
	Target     string
	Title      string
}

// Group gathers items under one translation and scale, as for a pictogram
// drawn in its own 24-unit grid.
type Group struct {
	// Translate moves the group's origin; Scale multiplies its lengths.
	Translate Point
	Scale     float64
	Items     []Item
}

func (*Path) item()   {}
func (*Rect) item()   {}
func (*Circle) item() {}
func (*Text) item()   {}
func (*Link) item()   {}
func (*Group) item()  {}
