package pdf

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/cards"
	"studyguide/builder/guide"
	"studyguide/layouts"
)

// TestCardGrid checks the size of the cards on each sheet and that,
// whichever edge the sheet is turned on, the point behind the middle of a
// card's front is the middle of its back.
func TestCardGrid(t *testing.T) {
	for _, c := range []struct {
		layout       string
		cardW, cardH float64
	}{
		{"a4", 105, 74},           // A7
		{"letter", 107.95, 69.85}, // 4.25 × 2.75 in
		{"a5", 105, 74},           // an A5 guide prints its cards on A4
		{"half-letter", 107.95, 69.85},
	} {
		lay, err := layouts.Load(c.layout)
		if err != nil {
			t.Fatal(err)
		}
		for _, short := range []bool{false, true} {
			g := newCardGrid(lay, short)
			if math.Abs(g.cardW-c.cardW) > 1e-6 || math.Abs(g.cardH-c.cardH) > 1e-6 {
				t.Errorf("%s: cards of %g × %g mm; want %g × %g", c.layout, g.cardW, g.cardH, c.cardW, c.cardH)
			}
			if g.x0 < 0 || g.y0 < 0 || g.x0+cardCols*g.cardW > g.sheetW+1e-6 || g.y0+cardRows*g.cardH > g.sheetH+1e-6 {
				t.Errorf("%s: the grid leaves the sheet", c.layout)
			}
			for i := range cardCols * cardRows {
				fx, fy := g.cell(i, false)
				bx, by := g.cell(i, true)
				x, y := g.behind(fx+g.cardW/2, fy+g.cardH/2)
				if math.Abs(x-(bx+g.cardW/2)) > 1e-6 || math.Abs(y-(by+g.cardH/2)) > 1e-6 {
					t.Errorf("%s, short edge %t: card %d's back is at (%g, %g), not behind its front", c.layout, short, i, bx, by)
				}
			}
		}
	}
	// The places themselves: long edge reverses the columns, short edge
	// the rows.
	lay, _ := layouts.Load("a4")
	long, short := newCardGrid(lay, false), newCardGrid(lay, true)
	if x, y := long.cell(0, true); x != long.x0+long.cardW || y != long.y0 {
		t.Errorf("long edge: the back of the top-left card is at (%g, %g)", x, y)
	}
	if x, y := short.cell(0, true); x != short.x0 || y != short.y0+3*short.cardH {
		t.Errorf("short edge: the back of the top-left card is at (%g, %g)", x, y)
	}
}

// cardWriter returns a writer for a sheet of cards of a small guide.
func cardWriter(t *testing.T) (*writer, cardGrid) {
	t.Helper()
	lay, err := layouts.Load("a4")
	if err != nil {
		t.Fatal(err)
	}
	grid := newCardGrid(lay, false)
	sheet := *lay
	sheet.PageWidth, sheet.PageHeight = grid.sheetW, grid.sheetH
	wr, err := newRecapWriter(&guide.Guide{Meta: guide.Meta{Title: "Cards", Lang: "en"}}, &sheet)
	if err != nil {
		t.Fatal(err)
	}
	return wr, grid
}

// TestCardTextFits checks that text too large for a card shrinks, then
// wraps, and never leaves its box.
func TestCardTextFits(t *testing.T) {
	wr, grid := cardWriter(t)
	width, height := grid.cardW-2*cardSafe, 40.0
	st := textStyle{fam: headFam, bold: true, color: colorHeading}
	long := strings.Repeat("peacekeeping and humanitarian missions ", 60)
	for _, c := range []struct {
		name, text string
		lines      int     // the lines wanted, or 0 for any number
		size       float64 // the size wanted, or 0 for any size
	}{
		{"a short term keeps the largest size", "NATO", 1, termSizes.max},
		{"a longer term shrinks on one line", "Operation Unified Protector", 1, 0},
		{"a long term wraps at the smallest one-line size", "Kosovo Force and the Stabilization Force in Bosnia and Herzegovina", 0, termSizes.floor},
		{"a very long text is cut", long, 0, termSizes.min},
		{"a word longer than the card", strings.Repeat("x", 400), 0, termSizes.min},
	} {
		lines, size := wr.fitCardText(c.text, nil, st, termSizes, width, height)
		if len(lines) == 0 {
			t.Errorf("%s: no lines", c.name)
			continue
		}
		if c.lines > 0 && len(lines) != c.lines {
			t.Errorf("%s: %d lines; want %d", c.name, len(lines), c.lines)
		}
		if c.size > 0 && size != c.size {
			t.Errorf("%s: set at %g pt; want %g", c.name, size, c.size)
		}
		if c.lines == 1 && (size > termSizes.max || size < termSizes.floor) {
			t.Errorf("%s: one line at %g pt", c.name, size)
		}
		if h := pt(size) * cardLeading * float64(len(lines)); h > height+1e-6 {
			t.Errorf("%s: %d lines at %g pt are %g mm high, in a box of %g", c.name, len(lines), size, h, height)
		}
		for _, l := range lines {
			if l.w > width+1e-6 {
				t.Errorf("%s: a line is %g mm wide, in a box of %g", c.name, l.w, width)
			}
		}
	}
	if lines, _ := wr.fitCardText(long, nil, st, termSizes, width, height); !strings.HasSuffix(lineText(lines[len(lines)-1]), "…") {
		t.Errorf("a cut text does not end with an ellipsis: %q", lineText(lines[len(lines)-1]))
	}
}

// TestEmphasise checks that the back of a term's card sets the term in
// bold wherever the sentence writes it, in any case, and only whole.
func TestEmphasise(t *testing.T) {
	got := emphasise("The UN mandate of the UN, not UNESCO.", []string{"un", "UN mandate"})
	var b strings.Builder
	for _, in := range got {
		switch n := in.(type) {
		case *guide.Strong:
			b.WriteString("[" + n.Children[0].(*guide.Text).Text + "]")
		case *guide.Text:
			b.WriteString(n.Text)
		}
	}
	if want := "The [UN mandate] of the [UN], not UNESCO."; b.String() != want {
		t.Errorf("emphasise = %q; want %q", b.String(), want)
	}
}

// TestWriteCards writes nine cards, a sheet and one card more, and an
// empty deck.
func TestWriteCards(t *testing.T) {
	g := &guide.Guide{Meta: guide.Meta{Title: "Cards", Lang: "en"}}
	var deck []cards.Card
	for i := range 9 {
		deck = append(deck, cards.Card{Front: "Term " + strconv.Itoa(i+1), Back: "What term " + strconv.Itoa(i+1) + " means.", Section: "One"})
	}
	for _, c := range []struct {
		deck  []cards.Card
		pages int
	}{{deck, 4}, {nil, 1}} {
		var b bytes.Buffer
		if err := WriteCards(&b, g, c.deck, CardOptions{}); err != nil {
			t.Fatal(err)
		}
		if n := len(pageObject.FindAll(b.Bytes(), -1)); n != c.pages {
			t.Errorf("%d cards: %d pages; want %d", len(c.deck), n, c.pages)
		}
	}
}
