package driver

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
)

// ptPerMM converts millimetres to the points pdftotext measures in.
const ptPerMM = 72 / 25.4

// TestSeedFlashcards builds the seed's flashcards on A4 and Letter, for
// printers that turn the sheet on its long edge and on its short edge, and
// reads where pdftotext finds each card's number: on its page of fronts
// in the top-right corner of the card's place, and on the page of backs
// that follows at the very point behind it, so in the mirrored column
// (long edge) or the mirrored row (short edge). It also checks that no
// word of any card comes near the card's edge.
func TestSeedFlashcards(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("the seed notes are not beside the checkout")
	}
	checkers.Require(t, "pdftotext", "pdfinfo", "qpdf", "pdffonts")
	for _, c := range []struct {
		layout, flip  string
		width, height float64 // the sheet, in points
		cardW, cardH  float64 // a card, in millimetres
	}{
		{"a4", "long-edge", 595.28, 841.89, 105, 74},
		{"a4", "short-edge", 595.28, 841.89, 105, 74},
		{"letter", "long-edge", 612, 792, 107.95, 69.85},
		{"letter", "short-edge", 612, 792, 107.95, 69.85},
	} {
		t.Run(c.layout+"-"+c.flip, func(t *testing.T) {
			b := buildOnce(t, seedPath, Options{
				Outputs:  []string{"pdf", "flashcards"},
				Layout:   c.layout,
				Settings: map[string]string{"cards-flip": c.flip},
			})
			file := filepath.Join(b.dir, "nato-peacekeeping-cards.pdf")
			checkPrintable(t, file)
			pages, w, h := pdfInfo(t, file)
			if math.Abs(w-c.width) > 0.5 || math.Abs(h-c.height) > 0.5 {
				t.Errorf("pages of %g × %g pt; want %g × %g", w, h, c.width, c.height)
			}
			if pages%2 != 0 {
				t.Fatalf("%d pages: fronts and backs do not pair", pages)
			}
			words := checkers.PDFWords(t, file)
			cw, ch := c.cardW*ptPerMM, c.cardH*ptPerMM
			x0, y0 := (w-2*cw)/2, (h-4*ch)/2
			// cellOf returns the column and row of the card a point is on.
			cellOf := func(x, y float64) (int, int) {
				return int(math.Floor((x - x0) / cw)), int(math.Floor((y - y0) / ch))
			}
			numberOn := func(page, n int, keep func(x, y float64) bool) []checkers.Word {
				var found []checkers.Word
				for _, wd := range words[page].Words {
					if wd.Text == strconv.Itoa(n) && keep((wd.XMin+wd.XMax)/2, (wd.YMin+wd.YMax)/2) {
						found = append(found, wd)
					}
				}
				return found
			}
			n := 0
			for {
				next := n + 1
				sheet, i := n/8, n%8
				if 2*sheet+1 >= len(words) {
					break
				}
				col, row := i%2, i/2
				// The front's number: in the top-right corner of its place.
				front := numberOn(2*sheet, next, func(x, y float64) bool {
					cx, cy := cellOf(x, y)
					top := y0 + float64(row)*ch
					return cx == col && cy == row && y-top < 14*ptPerMM && x > x0+(float64(col)+0.5)*cw
				})
				if len(front) == 0 {
					break
				}
				n = next
				if len(front) > 1 {
					t.Errorf("card %d: its number is %d times in its corner", n, len(front))
					continue
				}
				fx, fy := (front[0].XMin+front[0].XMax)/2, (front[0].YMin+front[0].YMax)/2
				wantX, wantY := w-fx, fy
				wantCol, wantRow := 1-col, row
				if c.flip == "short-edge" {
					wantX, wantY = fx, h-fy
					wantCol, wantRow = col, 3-row
				}
				back := numberOn(2*sheet+1, n, func(x, y float64) bool {
					return math.Abs(x-wantX) < 1 && math.Abs(y-wantY) < 1.5
				})
				if len(back) != 1 {
					t.Errorf("card %d: its number on the front is at (%.1f, %.1f); on the back, %d times at (%.1f, %.1f)", n, fx, fy, len(back), wantX, wantY)
					continue
				}
				if bc, br := cellOf(wantX, wantY); bc != wantCol || br != wantRow {
					t.Errorf("card %d, front in column %d row %d: its back is in column %d row %d; want column %d row %d", n, col, row, bc, br, wantCol, wantRow)
				}
			}
			if n < 30 {
				t.Errorf("the seed gives %d cards; want at least 30", n)
			}
			if want := 2 * ((n + 7) / 8); pages != want {
				t.Errorf("%d cards on %d pages; want %d", n, pages, want)
			}
			// No word comes nearer than 4 mm to its card's edge.
			const safe = 4 * ptPerMM
			for p, pg := range words {
				for _, wd := range pg.Words {
					col, row := cellOf((wd.XMin+wd.XMax)/2, (wd.YMin+wd.YMax)/2)
					left, top := x0+float64(col)*cw, y0+float64(row)*ch
					if wd.XMin < left+safe || wd.XMax > left+cw-safe || wd.YMin < top+safe || wd.YMax > top+ch-safe {
						t.Errorf("page %d: %q at (%.1f, %.1f)–(%.1f, %.1f) comes within 4 mm of its card's edge", p+1, wd.Text, wd.XMin, wd.YMin, wd.XMax, wd.YMax)
					}
				}
			}
			// The first card asks for the seed's first key term, and its
			// back says where the guide explains it.
			text := pdfText(t, file)
			if !strings.Contains(text[0], "NATO") || !strings.Contains(text[1], "Explained in") || !strings.Contains(text[1], "p.") {
				t.Errorf("the first sheet lacks the first term or where it is explained:\n%s\n%s", text[0], text[1])
			}
		})
	}
}
