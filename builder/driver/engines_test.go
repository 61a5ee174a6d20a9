package driver

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
)

// engineViews are the pages the reading engines are asked for: a phone
// of 400 × 700 in night mode with the summary cards, the glossary and the
// palace, and an e-reader of 600 × 800 in day mode with a summary table
// and the palace.
var engineViews = []string{
	"400x700:dark:summary+glossary+palace",
	"600x800:light:summary+palace",
}

// TestReadingEnginesShowTheAids opens a guide in foliate-js and epub.js,
// paginated as reading apps paginate, and checks what a reader would
// notice on the pages of its study aids: on a 400 pixel screen the rows
// of the summary and glossary tables become cards whose cells stack at
// the width of the page, several glossary entries to a screen; on a 600
// pixel screen the summary is still a table; nothing sticks out of a page
// sideways; the palace and its caption share one screen, whole; and in
// night mode the palace is drawn on the night page in light ink, with no
// white card under it. The guide's palace has twelve rooms, the most a
// page holds, and so the longest caption.
func TestReadingEnginesShowTheAids(t *testing.T) {
	t.Parallel()
	checkers.Require(t, "engines")
	b := buildOnce(t, "testdata/engines/rome.md", Options{})
	views := checkers.Engines(t, engineViews, b.epub)
	seen := map[string]bool{}
	for _, v := range views {
		name := fmt.Sprintf("%s %dx%d %s %s", v.Engine, v.Width, v.Height, v.Theme, v.Target)
		seen[v.Engine+" "+v.Target+" "+v.Theme] = true
		t.Run(strings.ReplaceAll(name, " ", "-"), func(t *testing.T) {
			checkEngineView(t, v)
		})
	}
	for _, engine := range []string{"foliate", "epubjs"} {
		for _, want := range []string{"summary dark", "glossary dark", "palace dark", "summary light", "palace light"} {
			if !seen[engine+" "+want] {
				t.Errorf("%s: no %s page was measured", engine, want)
			}
		}
	}
}

// checkEngineView holds one page in one engine to what a reader expects.
func checkEngineView(t *testing.T, v checkers.EngineView) {
	if len(v.Errors) > 0 {
		t.Errorf("the page raised script errors: %q", v.Errors)
	}
	if v.Href == "" {
		t.Fatal("the engine found no page for this aid")
	}
	if !v.TargetOnPage {
		t.Errorf("the page shown after going to %s does not hold it", v.Href)
	}
	if v.Screen.Ink < 0.01 {
		t.Errorf("the page is blank: %.3f of it is ink", v.Screen.Ink)
	}
	if v.Overflow.Right > 1 || v.Overflow.Left > 1 {
		t.Errorf("something sticks out of the page by %.0f px on the right and %.0f px on the left", v.Overflow.Right, v.Overflow.Left)
	}
	narrow := v.Width <= 400
	switch v.Target {
	case "summary", "glossary":
		if len(v.Row) < 2 {
			t.Fatalf("no table row with two cells or more on the page (%d rows)", v.RowsOnPage)
		}
		stacked := true
		for i := 1; i < len(v.Row); i++ {
			prev, c := v.Row[i-1], v.Row[i]
			if math.Abs(c.X-v.Row[0].X) > 2 || c.Y < prev.Bottom()-1 {
				stacked = false
			}
		}
		switch {
		case narrow && !stacked:
			t.Errorf("at %d px the cells of a row sit side by side, squeezed: %v", v.Width, cells(v.Row))
		case narrow:
			for _, c := range v.Row {
				if c.W < 0.75*v.Page.W {
					t.Errorf("at %d px the card's cell %q is %.0f px wide on a page of %.0f", v.Width, c.Text, c.W, v.Page.W)
				}
			}
		case stacked:
			t.Errorf("at %d px the table's cells stack as on a phone: %v", v.Width, cells(v.Row))
		}
		if narrow && v.Target == "glossary" && v.RowsOnPage < 2 {
			t.Errorf("at %d px the glossary's first page shows %d entry", v.Width, v.RowsOnPage)
		}
	case "palace":
		if len(v.SVG) != 1 || len(v.Caption) != 1 {
			t.Fatalf("the palace drawing (%v) or its caption (%v) is split over pages", v.SVG, v.Caption)
		}
		svg, caption := v.SVG[0], v.Caption[0]
		if svg.Y < v.Page.Y-1 || caption.Bottom() > v.Page.Bottom()+1 {
			t.Errorf("the palace (%v) and its caption (%v) do not fit the page %v", svg, caption, v.Page)
		}
		if v.Pixels == nil {
			t.Fatal("the drawing was not measured")
		}
		if v.Theme == "dark" {
			if v.Pixels.NearWhite > 0.05 || v.Pixels.MeanLuminance > 0.2 {
				t.Errorf("in night mode the palace is a light card: %.0f%% near white, mean luminance %.2f", 100*v.Pixels.NearWhite, v.Pixels.MeanLuminance)
			}
			dark := 0
			for _, l := range v.TextLuminance {
				if l >= 0 && l < 0.3 {
					dark++
				}
			}
			if dark > 0 {
				t.Errorf("in night mode %d of the palace's %d texts are dark on the night page", dark, len(v.TextLuminance))
			}
		} else if v.Pixels.MeanLuminance < 0.6 {
			t.Errorf("in day mode the palace is dark: mean luminance %.2f", v.Pixels.MeanLuminance)
		}
		if v.Pixels.Ink < 0.03 {
			t.Errorf("the palace is hardly drawn: %.3f of it is ink", v.Pixels.Ink)
		}
	}
}

// cells describes a row's cells for a message.
func cells(row []checkers.Cell) string {
	var parts []string
	for _, c := range row {
		parts = append(parts, fmt.Sprintf("%q at (%.0f,%.0f) %.0f×%.0f", c.Text, c.X, c.Y, c.W, c.H))
	}
	return strings.Join(parts, "; ")
}
