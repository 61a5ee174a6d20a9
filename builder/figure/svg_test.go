package figure

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/internal/golden"
)

// sample is a small scene with one item of every kind.
func sample() *Scene {
	ink := RGB(0x1f, 0x29, 0x33)
	return &Scene{
		Width: 200, Height: 120.5,
		Title: "A room & a path",
		Desc:  `Two rooms joined by a dashed route; "1" links to Libya.`,
		Items: []Item{
			&Rect{Style: Style{Fill: RGB(0xf7, 0xf5, 0xf0), Stroke: ink, StrokeWidth: 1.5, Class: "wall"}, X: 4, Y: 4, W: 192, H: 112.5, Radius: 6},
			&Path{
				Style:    Style{Stroke: RGB(0x3d, 0x4a, 0x5c), StrokeWidth: 2, Dash: []float64{5, 4}, RoundJoins: true},
				Segments: []Segment{{Op: MoveTo, Pts: [3]Point{{20, 100}}}, {Op: CubicTo, Pts: [3]Point{{60, 100}, {140, 20.333}, {180, 20}}}},
			},
			&Circle{Style: Style{Fill: ink}, CX: 20, CY: 100, R: 9},
			&Text{X: 20, Y: 103.15, Lines: []string{"1"}, Size: 9, LineHeight: 10.8, Family: "sans", Style: "B", Color: RGB(255, 255, 255), Anchor: AnchorMiddle},
			&Text{X: 40, Y: 30, Lines: []string{"Jets <enforcing>", "a no-fly zone"}, Size: 9, LineHeight: 11, Family: "serif", Style: "BI", Class: " cue  note "},
			&Text{X: 190, Y: 60, Lines: []string{"end"}, Size: 10, LineHeight: 12, Family: "mono", Anchor: AnchorEnd, Color: ink},
			&Group{Translate: Point{100, 50}, Scale: 0.5, Items: []Item{
				&Rect{Style: Style{Stroke: ink, StrokeWidth: 2, Opacity: 0.4}, X: 2, Y: 2, W: 20, H: 20, Radius: 2},
			}},
			&Link{X: 4, Y: 4, W: 96, H: 112.5, Target: "kp-libya", Title: "Operation Unified Protector: Libya"},
		},
	}
}

func TestSVGGolden(t *testing.T) {
	got := SVG(sample(), SVGOptions{ID: "palace-1", Href: func(id string) string { return "section-3.xhtml#" + id }})
	golden.Check(t, filepath.Join("testdata", "sample.svg"), got)
}

func TestSVGIsWellFormed(t *testing.T) {
	out := SVG(sample(), SVGOptions{})
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	var root string
	links := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Space + " " + se.Name.Local
			}
			if se.Name.Local == "a" {
				links++
				for _, a := range se.Attr {
					if a.Name.Local == "href" && (a.Name.Space != "http://www.w3.org/1999/xlink" || a.Value != "#kp-libya") {
						t.Errorf("link href %v", a)
					}
				}
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("root element %q", root)
	}
	if links != 1 {
		t.Errorf("%d links, want 1", links)
	}
	if bytes.HasPrefix(out, []byte("<?xml")) {
		t.Error("an XML declaration cannot stand inside an XHTML page")
	}
	for _, want := range []string{`aria-labelledby="figure-title" aria-describedby="figure-desc"`, `<title id="figure-title">A room &amp; a path</title>`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("missing %s", want)
		}
	}
}

// TestSVGNamedByHeading checks that a drawing named by an element of the
// page, such as the heading above it, leaves its own title out, so that
// its name is written once.
func TestSVGNamedByHeading(t *testing.T) {
	out := string(SVG(sample(), SVGOptions{LabelledBy: "palace-heading"}))
	if !strings.Contains(out, `role="img" aria-labelledby="palace-heading" aria-describedby="figure-desc">`) {
		t.Errorf("the drawing is not named by the heading:\n%.300s", out)
	}
	if strings.Contains(out, "<title id=") {
		t.Error("the drawing still holds a title of its own")
	}
}

func TestSVGIsDeterministic(t *testing.T) {
	a := SVG(sample(), SVGOptions{})
	for range 5 {
		if !bytes.Equal(a, SVG(sample(), SVGOptions{})) {
			t.Fatal("two calls gave different bytes")
		}
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{
		12: "12", 3.5: "3.5", 3.50001: "3.5", 0.125: "0.13", -0.001: "0", 1e6: "1000000", -2.25: "-2.25", 20.333: "20.33",
	} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestSVGWithoutTitle(t *testing.T) {
	out := string(SVG(&Scene{Width: 10, Height: 10}, SVGOptions{}))
	if strings.Contains(out, "aria-labelledby") || strings.Contains(out, "<title") {
		t.Errorf("a scene without a title is labelled:\n%s", out)
	}
}
