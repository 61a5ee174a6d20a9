package driver

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"studyguide/builder/internal/checkers"
)

// TestSummaryColumnsInLargePrint builds the seed in large print and reads
// its summary tables back from the PDF: the "In one line" column is wider
// than the "When" column, and no word of a table is cut in two, since the
// columns' longest words fit the page.
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
	b, err := buildInto(seedPath, t.TempDir(), Options{Outputs: []string{"pdf"}, Layout: "large-print"})
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for n, page := range checkers.PDFWords(t, b.pdf) {
		ws := page.Words
		// The header of a summary table: Key point, Key terms, When, In
		// one line, on one line.
		head := -1
		for i := 0; i+3 < len(ws); i++ {
			if ws[i].Text == "When" && ws[i+1].Text == "In" && ws[i+2].Text == "one" && ws[i+3].Text == "line" &&
				math.Abs(ws[i].YMin-ws[i+1].YMin) < 1 {
				head = i
				break
			}
		}
		if head < 0 {
			continue
		}
		tables++
		when, gist := ws[head], ws[head+1]
		left := ws[head].XMin
		for _, w := range ws[:head] {
			if math.Abs(w.YMin-when.YMin) < 1 {
				left = min(left, w.XMin)
			}
		}
		// The "In one line" cells' text reaches no further than their
		// column: how far it reaches is a lower bound of its width.
		reach := gist.XMax
		for _, w := range ws[head:] {
			if w.YMin > when.YMin && w.XMin >= gist.XMin-0.5 {
				reach = max(reach, w.XMax)
			}
		}
		if whenW, gistW := gist.XMin-when.XMin, reach-gist.XMin; gistW <= whenW {
			t.Errorf("page %d: In one line spans %.0f pt, When is %.0f pt wide", n+1, gistW, whenW)
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
