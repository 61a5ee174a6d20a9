package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// recorder is a canvas that notes what a scene asks to be drawn.
type recorder struct {
	texts   []string // every line of text
	links   []string // every link target
	paths   int
	rects   int
	circles int
}

func (r *recorder) Path(*figure.Path)     { r.paths++ }
func (r *recorder) Rect(*figure.Rect)     { r.rects++ }
func (r *recorder) Circle(*figure.Circle) { r.circles++ }
func (r *recorder) Text(t *figure.Text)   { r.texts = append(r.texts, t.Lines...) }
func (r *recorder) Link(l *figure.Link)   { r.links = append(r.links, l.Target) }

// figureGuide is a guide of figures only: a full-page palace, and a small
// figure in a section of running text whose key point the palace links to.
func figureGuide() *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{Title: "Figures", Lang: "en"}}
	var targets []*guide.Section
	for _, s := range testStations {
		targets = append(targets, &guide.Section{ID: s.target, Title: s.name, Level: 1, HeadingLevel: 2,
			Blocks: []guide.Block{para(txt("The section about " + s.name + "."))}})
	}
	targets[1].Blocks = append(targets[1].Blocks, &guide.Figure{ID: "timeline", Scene: timelineScene(), Alt: "A timeline."})
	palace := &guide.Section{ID: "palace", Title: "Mind Palace", Level: 1, HeadingLevel: 2, Kind: guide.Palace, Blocks: []guide.Block{
		&guide.Figure{ID: "palace-1", Kind: guide.Palace, FullPage: true, Scene: palaceScene(testStations), Alt: "A palace."},
	}}
	g.Sections = append(targets, palace)
	return g
}

// forLayouts runs fn for each built-in layout.
func forLayouts(t *testing.T, fn func(t *testing.T, lay *layouts.Layout)) {
	for _, name := range layouts.Names() {
		t.Run(name, func(t *testing.T) {
			lay, err := layouts.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			fn(t, lay)
		})
	}
}

func TestFiguresAreDrawnAsVectors(t *testing.T) {
	checkers.Require(t, "qpdf")
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		path := writeFile(t, figureGuide(), Options{Layout: lay})
		out := checkers.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
		if strings.Contains(out, "/Subtype /Image") || regexp.MustCompile(`/XObject <<\s*/`).MatchString(out) {
			t.Error("the PDF holds an image XObject")
		}
		if n := regexp.MustCompile(`(?m) c$`).FindAllStringIndex(out, -1); len(n) < 20 {
			t.Errorf("found %d cubic curve operators, want the scene's curves", len(n))
		}
		for _, op := range []string{" d\n", "1 j\n", "1 J\n", "/GS1 gs"} {
			if !strings.Contains(out, op) {
				t.Errorf("content lacks %q (dashes, round joins and caps, opacity)", strings.TrimSpace(op))
			}
		}
		// Dashes, joins, caps and opacity are set back after each shape.
		if !strings.Contains(out, "[] 0 d") || !strings.Contains(out, "0 j\n") || !strings.Contains(out, "/GS2 gs") {
			t.Error("the figure's dash, join or opacity is not set back")
		}
	})
}

// TestPDFCanvasDrawsTheScene draws the palace scene on a recording canvas
// and compares it with what the PDF page shows: the same lines of text in
// the same order, and one link per scene link, each going where the scene
// says.
func TestPDFCanvasDrawsTheScene(t *testing.T) {
	checkers.Require(t, "pdftotext")
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		g := figureGuide()
		var rec recorder
		figure.Draw(palaceScene(testStations), &rec)
		if len(rec.texts) < 10 || len(rec.links) != len(testStations) || rec.rects != len(testStations) {
			t.Fatalf("the recording is short: %+v", rec)
		}
		path := writeFile(t, g, Options{Layout: lay})
		pages := rawPages(t, path)
		page := pageHolding(pages, 1, "The rescue force")
		if page == 0 {
			t.Fatal("no page shows the palace")
		}
		// The running head and the page number come first, then the
		// scene's text in painting order.
		lines := strings.Split(strings.TrimRight(pages[page-1], "\n"), "\n")
		if len(lines) < 2 {
			t.Fatalf("page %d is empty", page)
		}
		got := lines[2:]
		if strings.Join(got, "\n") != strings.Join(rec.texts, "\n") {
			t.Errorf("page %d shows:\n%s\nthe scene holds:\n%s", page, strings.Join(got, "\n"), strings.Join(rec.texts, "\n"))
		}
		// The page of each section heading, from the pages before.
		sectionPage := map[string]int{}
		for _, s := range g.Sections[:len(testStations)] {
			sectionPage[s.ID] = pageHolding(pages, 3, "The section about "+s.Title)
		}
		var dests []int
		for _, l := range pdfLinks(t, path) {
			if l.page == page {
				dests = append(dests, l.destPage)
			}
		}
		var want []int
		for _, target := range rec.links {
			want = append(want, sectionPage[target])
		}
		if fmt.Sprint(dests) != fmt.Sprint(want) {
			t.Errorf("links on the palace page go to pages %v, want %v", dests, want)
		}
	})
}

func TestFullPageFigureIsAloneOnItsPage(t *testing.T) {
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		g := figureGuide()
		// Text before and after the figure, in the same section.
		palace := g.Sections[len(g.Sections)-1]
		palace.Blocks = append(palace.Blocks, para(txt("Text after the drawing.")))
		g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.Figure{ID: "second", FullPage: true, Scene: palaceScene(testStations[:2])})
		path := writeFile(t, g, Options{Layout: lay})
		pages := rawPages(t, path)
		for _, title := range []string{"The rescue force"} {
			seen := 0
			for i, p := range pages {
				if !strings.Contains(p, title) {
					continue
				}
				seen++
				lines := strings.Split(strings.TrimRight(p, "\n"), "\n")
				for _, l := range lines[2:] {
					if strings.Contains(l, "section about") || strings.Contains(l, "Text after") || strings.Contains(l, "Mind Palace") {
						t.Errorf("page %d holds %q beside a full-page figure", i+1, l)
					}
				}
			}
			if seen != 2 {
				t.Errorf("%d pages show a palace, want 2", seen)
			}
		}
		if pageHolding(pages, 1, "Text after the drawing.") == pageHolding(pages, 1, "Walk the rooms") {
			t.Error("the text after the figure is on its page")
		}
	})
}

// TestFigureScale checks where a figure goes: a full-page one as large as
// the text block allows, top aligned and centred; a small one as wide as
// the text and at most figureMaxPart of the page high.
func TestFigureScale(t *testing.T) {
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		w, err := newWriter(figureGuide(), lay, nil)
		if err != nil {
			t.Fatal(err)
		}
		var full, small *box
		boxes, _ := w.bodyBoxes()
		for _, b := range boxes {
			if b.alone {
				full = b
			} else if b.h > 20 && b.ext().mark == nil {
				small = b
			}
		}
		if full == nil || small == nil {
			t.Fatal("figure boxes not found")
		}
		sc := palaceScene(testStations)
		scale := min(w.textW/pt(sc.Width), w.textH/pt(sc.Height))
		if d := full.h - pt(sc.Height)*scale; d*d > 1e-9 || full.h > w.textH+1e-9 {
			t.Errorf("full-page figure is %.2f mm high; want %.2f, within %.2f", full.h, pt(sc.Height)*scale, w.textH)
		}
		if !full.newPage || full.ext().mark == nil || full.ext().mark.title != "Mind Palace" {
			t.Error("the palace figure does not open a page with its section's outline entry")
		}
		ts := timelineScene()
		if want := min(w.textW*pt(ts.Height)/pt(ts.Width), figureMaxPart*w.textH); small.h > want+1e-9 || small.h < want-1e-9 {
			t.Errorf("small figure is %.2f mm high, want %.2f", small.h, want)
		}
	})
}

func TestSmallFigureTextIsReported(t *testing.T) {
	tiny := &figure.Scene{Width: 320, Height: 200, Items: []figure.Item{
		&figure.Group{Scale: 0.5, Items: []figure.Item{
			&figure.Text{X: 10, Y: 20, Lines: []string{"tiny"}, Size: 12, LineHeight: 14, Family: "sans"},
		}},
	}}
	for _, c := range []struct {
		scene *figure.Scene
		warn  bool
	}{{tiny, true}, {palaceScene(testStations), false}} {
		forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
			g := &guide.Guide{Meta: guide.Meta{Title: "T"}, Sections: []*guide.Section{{ID: "s", Title: "S", Level: 1, Blocks: []guide.Block{
				&guide.Figure{ID: "f", FullPage: true, Scene: c.scene},
			}}}}
			var msgs []string
			if err := Write(&bytes.Buffer{}, g, Options{Layout: lay, Warn: func(_ guide.Pos, m string) { msgs = append(msgs, m) }}); err != nil {
				t.Fatal(err)
			}
			got := strings.Contains(strings.Join(msgs, "\n"), "under 9 pt")
			if got != c.warn {
				t.Errorf("warned %v, want %v: %q", got, c.warn, msgs)
			}
		})
	}
}

func TestFigureWithoutSceneShowsItsText(t *testing.T) {
	checkers.Require(t, "pdftotext")
	g := &guide.Guide{Meta: guide.Meta{Title: "T"}, Sections: []*guide.Section{{ID: "s", Title: "S", Level: 1, Blocks: []guide.Block{
		&guide.Figure{ID: "f", Alt: "A drawing that is missing.", FullPage: true},
		&guide.Figure{ID: "g", Scene: &figure.Scene{Items: []figure.Item{&figure.Link{Target: "nowhere"}}}, Alt: "An empty scene."},
		&guide.Figure{ID: "h", Scene: &figure.Scene{Width: 100, Height: 50, Items: []figure.Item{&figure.Link{W: 10, H: 10, Target: "nowhere"}}}},
	}}}}
	var msgs []string
	path := writeFile(t, g, Options{Warn: func(_ guide.Pos, m string) { msgs = append(msgs, m) }})
	text := checkers.Run(t, "pdftotext", path, "-")
	for _, s := range []string{"A drawing that is missing.", "An empty scene."} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, `figure "f" has no drawing`) || !strings.Contains(all, `links to "nowhere"`) {
		t.Errorf("warnings: %q", msgs)
	}
}
