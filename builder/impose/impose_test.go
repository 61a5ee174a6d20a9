package impose

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

// markers are the words that mark the section pages of the test guide.
var markers = []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"}

// markedGuide returns a guide whose sections each start a page and say
// their marker word, in bold, on it.
func markedGuide() *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{
		Title:      "Imposition Test (with parentheses)",
		Authors:    []string{"Ada Example"},
		Lang:       "en",
		Identifier: "urn:test:impose",
	}}
	for i, m := range markers {
		g.Sections = append(g.Sections, &guide.Section{
			ID: fmt.Sprintf("part-%d", i+1), Title: fmt.Sprintf("Part %d", i+1),
			Level: 1, HeadingLevel: 2,
			// A glossary opens a page of its own.
			Kind: guide.Glossary,
			Blocks: []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{
				&guide.Text{Text: "The marker of this page is "},
				&guide.Strong{Children: []guide.Inline{&guide.Text{Text: m}}},
				&guide.Text{Text: "."},
			}}},
		})
	}
	return g
}

// markedPDF writes the marked guide in a layout.
func markedPDF(layout string) ([]byte, error) {
	lay, err := layouts.Load(layout)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, markedGuide(), pdf.Options{Layout: lay}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func source(t *testing.T, layout string) []byte {
	t.Helper()
	b, err := markedPDF(layout)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mm(x float64) float64 { return x * 72 / 25.4 }

var a4 = Sheet{Width: mm(297), Height: mm(210)}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// text returns the words pdftotext finds on page n of file, within the
// rectangle x, y, w, h (in points, from the top left) when w > 0.
// pdftotext reads each rectangle of all the pages of a file once.
func text(t *testing.T, file string, n int, x, y, w, h int) string {
	t.Helper()
	var crop []string
	if w > 0 {
		crop = []string{"-x", strconv.Itoa(x), "-y", strconv.Itoa(y), "-W", strconv.Itoa(w), "-H", strconv.Itoa(h)}
	}
	pages := checkers.PDFText(t, file, crop...)
	if n < 1 || n > len(pages) {
		t.Fatalf("%s has %d pages, not a page %d", file, len(pages), n)
	}
	return strings.Join(strings.Fields(pages[n-1]), " ")
}

func pageCount(t *testing.T, file string) int {
	t.Helper()
	return checkers.PDFPages(t, file)
}

// TestImposedHalvesShowTheirPages imposes the marked guide and checks,
// for every sheet side, that the text of each half is the text of the
// source page Order puts there (nothing for a blank), and that each
// marker is in its page's half and nowhere else on the side.
func TestImposedHalvesShowTheirPages(t *testing.T) {
	checkers.Require(t, "pdftotext", "pdfinfo")
	for _, layout := range []string{"a5", "a4"} {
		src := source(t, layout)
		srcFile := writeTemp(t, "source.pdf", src)
		n := pageCount(t, srcFile)
		pageText := make([]string, n+1)
		markerPage := map[string]int{}
		for p := 1; p <= n; p++ {
			pageText[p] = text(t, srcFile, p, 0, 0, 0, 0)
			for _, m := range markers {
				if strings.Contains(pageText[p], "marker of this page is "+m) {
					markerPage[m] = p
				}
			}
		}
		if len(markerPage) != len(markers) {
			t.Fatalf("%s: the source shows the markers on pages %v", layout, markerPage)
		}
		for _, mode := range []Mode{TwoUp, Booklet} {
			t.Run(layout+"-"+mode.String(), func(t *testing.T) {
				var out bytes.Buffer
				if err := Impose(&out, src, mode, a4); err != nil {
					t.Fatal(err)
				}
				file := writeTemp(t, "imposed.pdf", out.Bytes())
				sides := Order(n, mode)
				if got := pageCount(t, file); got != len(sides) {
					t.Fatalf("%d sheet sides, want %d", got, len(sides))
				}
				half := a4.Width / 2
				h := int(math.Ceil(a4.Height))
				left := func(s int) string { return text(t, file, s, 0, 0, int(half), h) }
				right := func(s int) string { return text(t, file, s, int(math.Ceil(half)), 0, int(half), h) }
				for i, side := range sides {
					l, r := left(i+1), right(i+1)
					if l != pageText[side.Left] {
						t.Errorf("side %d, left: %q, want page %d: %q", i+1, l, side.Left, pageText[side.Left])
					}
					if r != pageText[side.Right] {
						t.Errorf("side %d, right: %q, want page %d: %q", i+1, r, side.Right, pageText[side.Right])
					}
					for _, m := range markers {
						p := markerPage[m]
						inL, inR := strings.Contains(l, m), strings.Contains(r, m)
						if inL != (p == side.Left) || inR != (p == side.Right) {
							t.Errorf("side %d (%d|%d): marker %s of page %d is left %t, right %t", i+1, side.Left, side.Right, m, p, inL, inR)
						}
					}
				}
			})
		}
	}
}

func TestImposedFileIsValid(t *testing.T) {
	src := source(t, "a5")
	for _, mode := range []Mode{TwoUp, Booklet} {
		t.Run(mode.String(), func(t *testing.T) {
			var out bytes.Buffer
			if err := Impose(&out, src, mode, a4); err != nil {
				t.Fatal(err)
			}
			file := writeTemp(t, "imposed.pdf", out.Bytes())

			check, ok := checkers.QpdfCheck(t, file)
			if !ok || !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(check), "warning") {
				t.Errorf("qpdf --check:\n%s", check)
			}

			for _, l := range checkers.Unembedded(checkers.PDFFonts(t, file)) {
				t.Errorf("font not embedded: %s", l)
			}

			info := checkers.PDFInfo(t, file)
			for _, want := range []string{
				"Title:           Imposition Test (with parentheses)",
				"Author:          Ada Example",
				"Page size:       841.89 x 595.28 pts (A4)",
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

func TestImposeIsByteIdentical(t *testing.T) {
	src := source(t, "a5")
	for _, mode := range []Mode{TwoUp, Booklet} {
		var first bytes.Buffer
		if err := Impose(&first, src, mode, a4); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			var again bytes.Buffer
			if err := Impose(&again, src, mode, a4); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), again.Bytes()) {
				t.Fatalf("%s: a second imposition differs from the first", mode)
			}
		}
	}
}

// TestResourcesAreShared checks that each font and the page resources are
// copied once, however many pages use them, and that links and the
// outline are gone.
func TestResourcesAreShared(t *testing.T) {
	src := source(t, "a5")
	var out bytes.Buffer
	if err := Impose(&out, src, Booklet, a4); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	if got, want := bytes.Count(b, []byte("/FontFile2")), bytes.Count(src, []byte("/FontFile2")); got != want {
		t.Errorf("%d font files, the source has %d", got, want)
	}
	if n := bytes.Count(b, []byte("/Subtype /Form")); n != pageCountOf(t, src) {
		t.Errorf("%d forms for %d pages", n, pageCountOf(t, src))
	}
	for _, gone := range []string{"/Annots", "/Outlines", "/Dest"} {
		if bytes.Contains(b, []byte(gone)) {
			t.Errorf("the imposed file has %s", gone)
		}
	}
	for _, kept := range []string{"/Lang (en)", "/Duplex /DuplexFlipShortEdge"} {
		if !bytes.Contains(b, []byte(kept)) {
			t.Errorf("the imposed file lacks %s", kept)
		}
	}
}

func pageCountOf(t *testing.T, src []byte) int {
	t.Helper()
	d, err := read(src)
	if err != nil {
		t.Fatal(err)
	}
	return len(d.pages)
}
