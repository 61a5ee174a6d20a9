package driver

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"studyguide/builder/internal/checkers"
)

// TestSummaryColumnsInLargePrint reads the seed's summary tables back from
// its PDF in large print and in A5: the "In one line" column is wider than
// the "When" column and than the "Key terms" column, and no word of a
// table is cut in two, since the columns' longest words fit the page.
func TestSummaryColumnsInLargePrint(t *testing.T) {
	checkers.Require(t, "pdftotext")
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("no seed note")
	}
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{"key": true, "point": true, "points": true, "terms": true, "when": true, "in": true, "one": true, "line": true, "p": true}
	for _, w := range words(string(src)) {
		known[w] = true
	}
	for _, layout := range []string{"large-print", "a5"} {
		t.Run(layout, func(t *testing.T) {
			t.Parallel()
			b := seedPrint(t, layout)
			tables := 0
			for n, page := range checkers.PDFWords(t, b.pdf) {
				ws := page.Words
				// The header of a summary table: Key point, Key terms,
				// When, In one line, on one line.
				head := -1
				for i := 2; i+3 < len(ws); i++ {
					if ws[i-2].Text == "Key" && ws[i-1].Text == "terms" && ws[i].Text == "When" && ws[i+1].Text == "In" &&
						ws[i+2].Text == "one" && ws[i+3].Text == "line" && math.Abs(ws[i].YMin-ws[i+1].YMin) < 1 {
						head = i
						break
					}
				}
				if head < 0 {
					continue
				}
				tables++
				terms, when, gist := ws[head-2], ws[head], ws[head+1]
				left := terms.XMin
				for _, w := range ws[:head] {
					if math.Abs(w.YMin-when.YMin) < 1 {
						left = min(left, w.XMin)
					}
				}
				// The "In one line" cells' text reaches no further than
				// their column: how far it reaches is a lower bound of its
				// width.
				reach := gist.XMax
				for _, w := range ws[head:] {
					if w.YMin > when.YMin && w.XMin >= gist.XMin-0.5 {
						reach = max(reach, w.XMax)
					}
				}
				whenW, termsW, gistW := gist.XMin-when.XMin, when.XMin-terms.XMin, reach-gist.XMin
				if gistW <= whenW || gistW < termsW {
					t.Errorf("page %d: In one line spans %.0f pt, When is %.0f pt wide and Key terms %.0f pt", n+1, gistW, whenW, termsW)
				}
				for _, w := range ws[head:] {
					if w.YMin <= when.YMin || w.XMin < left-0.5 {
						continue
					}
					for _, part := range words(w.Text) {
						if !known[part] && !isNumber(part) {
							t.Errorf("page %d: %q (in %q) is no word of the note: a word was cut", n+1, part, w.Text)
						}
					}
				}
			}
			if tables == 0 {
				t.Fatalf("no summary table found in %s", filepath.Base(b.pdf))
			}
		})
	}
}

// TestNotesTablesKeepTheirWords builds a note of wide tables on small
// pages: the columns make room for each one's longest word, so every word
// the PDF prints is a word of the note or of the guide's labels, none cut
// in two.
func TestNotesTablesKeepTheirWords(t *testing.T) {
	checkers.Require(t, "pdftotext")
	note := "testdata/breaks/acquedotti.md"
	known := map[string]bool{}
	for _, f := range []string{note, "../labels/data/it.txt"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words(string(src)) {
			known[w] = true
		}
	}
	for _, layout := range []string{"a5", "half-letter"} {
		t.Run(layout, func(t *testing.T) {
			t.Parallel()
			b := buildOnce(t, note, Options{Outputs: []string{"pdf"}, Layout: layout})
			for n, page := range checkers.PDFWords(t, b.pdf) {
				for _, w := range page.Words {
					for _, part := range words(w.Text) {
						if !known[part] && !isNumber(part) {
							t.Errorf("page %d: %q (in %q) is no word of the note: a word was cut", n+1, part, w.Text)
						}
					}
				}
			}
		})
	}
}

// isNumber reports whether s is all digits.
func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
