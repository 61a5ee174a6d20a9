package pdf

import (
	"encoding/json"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
)

// Helpers that read a written PDF back with qpdf and pdftotext: its link
// annotations, the words of a page with their boxes, and pages as plain
// text.

// pdfLink is a link annotation: the page it is on, its rectangle (PDF
// points, from the bottom left), and for an internal link the page it
// goes to and the height there (points from the bottom).
type pdfLink struct {
	page     int
	rect     [4]float64
	destPage int
	destY    float64
}

// pdfLinks returns every internal link of a PDF, page by page.
func pdfLinks(t *testing.T, path string) []pdfLink {
	t.Helper()
	checkers.Require(t, "qpdf")
	out := checkers.Run(t, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", path)
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
			Page   int    `json:"pageposfrom1"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	pageOf := map[string]int{}
	for _, p := range doc.Pages {
		pageOf[p.Object] = p.Page
	}
	if len(doc.QPDF) < 2 {
		t.Fatal("qpdf --json has no objects")
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	type annot struct {
		Subtype string    `json:"/Subtype"`
		Rect    []float64 `json:"/Rect"`
		Dest    []any     `json:"/Dest"`
	}
	var links []pdfLink
	for _, p := range doc.Pages {
		// A tagged PDF's annotations are objects of their own.
		var page struct {
			Annots []json.RawMessage `json:"/Annots"`
		}
		if err := json.Unmarshal(objs["obj:"+p.Object].Value, &page); err != nil {
			t.Fatal(err)
		}
		for _, raw := range page.Annots {
			var ref string
			if json.Unmarshal(raw, &ref) == nil {
				raw = objs["obj:"+ref].Value
			}
			var a annot
			if err := json.Unmarshal(raw, &a); err != nil {
				t.Fatal(err)
			}
			if a.Subtype != "/Link" || len(a.Dest) < 4 || len(a.Rect) != 4 {
				continue
			}
			ref, _ = a.Dest[0].(string)
			y, _ := a.Dest[3].(float64)
			links = append(links, pdfLink{page: p.Page, rect: [4]float64(a.Rect), destPage: pageOf[ref], destY: y})
		}
	}
	return links
}

// contains reports whether the point (x, y), in PDF points from the
// bottom left, is inside the link's rectangle.
func (l pdfLink) contains(x, y float64) bool {
	x0, x1 := min(l.rect[0], l.rect[2]), max(l.rect[0], l.rect[2])
	y0, y1 := min(l.rect[1], l.rect[3]), max(l.rect[1], l.rect[3])
	return x >= x0 && x <= x1 && y >= y0 && y <= y1
}

// pdfWord is a word on a page with its box, in points from the top left.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// pageWords returns the words of page n (from 1) with their boxes, and the
// page height in points.
func pageWords(t *testing.T, path string, n int) ([]pdfWord, float64) {
	t.Helper()
	pages := checkers.PDFWords(t, path)
	if n < 1 || n > len(pages) {
		t.Fatalf("%s has %d pages, not a page %d", path, len(pages), n)
	}
	var words []pdfWord
	for _, w := range pages[n-1].Words {
		words = append(words, pdfWord{text: w.Text, xMin: w.XMin, yMin: w.YMin, xMax: w.XMax, yMax: w.YMax})
	}
	return words, pages[n-1].Height
}

// rawPages returns the text of each page in the order it was drawn.
func rawPages(t *testing.T, path string) []string {
	t.Helper()
	return checkers.PDFText(t, path, "-raw")
}

// flat removes all white space and list bullets (which pdftotext -raw
// puts after the first line of their item), so that text compares across
// line breaks.
func flat(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "•", " ").Replace(s)
	return strings.Join(strings.Fields(s), "")
}

// pageHolding returns the first page, from page from on (from 1), whose
// text holds s (white space ignored), or 0.
func pageHolding(pages []string, from int, s string) int {
	want := flat(s)
	for i := from - 1; i < len(pages); i++ {
		if i >= 0 && strings.Contains(flat(pages[i]), want) {
			return i + 1
		}
	}
	return 0
}

// pageStarting returns the page, from page from on (from 1), where the
// first occurrence of s in the body text starts, white space ignored and
// the running head and page number (the first two lines of each page's
// raw text) left out, so that s may run over a page break; or 0.
func pageStarting(pages []string, from int, s string) int {
	var all strings.Builder
	var starts []int
	for i := from - 1; i < len(pages); i++ {
		starts = append(starts, all.Len())
		lines := strings.Split(pages[i], "\n")
		if len(lines) > 2 {
			all.WriteString(flat(strings.Join(lines[2:], "\n")))
		}
	}
	at := strings.Index(all.String(), flat(s))
	if at < 0 {
		return 0
	}
	page := 0
	for i, st := range starts {
		if st <= at {
			page = from + i
		}
	}
	return page
}
