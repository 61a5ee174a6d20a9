package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// studyFacts gives g the key terms enrichment would find, ranked in the
// order of testTerms: the first is mentioned most.
func studyFacts(g *guide.Guide) {
	g.Study = &guide.Study{}
	for i, tm := range testTerms {
		g.Study.Terms = append(g.Study.Terms, &guide.Term{
			Name: tm.name, ID: tm.id, Explanation: tm.meaning, Mentions: len(testTerms) - i,
		})
	}
}

// writeRecap writes the recap of g in a layout and returns its path.
func writeRecap(t *testing.T, g *guide.Guide, lay *layouts.Layout) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRecap(&b, g, Options{Layout: lay}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "recap.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

// recapText checks that the recap at path has one page, passes qpdf, and
// returns its text with white space collapsed.
func recapText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pageObject.FindAll(data, -1)); n != 1 {
		t.Fatalf("the recap has %d pages", n)
	}
	checkers.Require(t, "qpdf")
	checkers.Run(t, "qpdf", "--check", path)
	checkers.Require(t, "pdftotext")
	return strings.Join(strings.Fields(checkers.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
}

func TestRecapInEveryLayout(t *testing.T) {
	g := studyGuide(0)
	studyFacts(g)
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		text := recapText(t, writeRecap(t, g, lay))
		for _, want := range []string{
			g.Meta.Title, "Recap",
			"Balkans Operations", "Disaster Relief", // the at-a-glance rows
			"Key terms", "Implementation Force (IFOR)", "Dayton Peace Agreement",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("the recap lacks %q: %s", want, text)
			}
		}
		// The recap stands alone: references into the guide print their
		// text, never a page number of another file.
		if strings.Contains(text, "p. ") {
			t.Errorf("the recap prints page references: %s", text)
		}
	})
}

// A guide with more terms and rows than a page holds: the recap shrinks,
// then keeps the highest-ranked terms, and still fits one page.
func TestRecapDropsLowestRankedTerms(t *testing.T) {
	g := studyGuide(0)
	g.Study = &guide.Study{}
	for i := range 40 {
		g.Study.Terms = append(g.Study.Terms, &guide.Term{
			Name:        fmt.Sprintf("Term%02d", i),
			Explanation: strings.Repeat("A long explanation that takes up room on the page. ", 3),
			Mentions:    100 - i,
		})
	}
	glance := g.Sections[0].Blocks[0].(*guide.Table)
	for i := range 14 {
		glance.Rows = append(glance.Rows, []guide.Cell{cell(txt(fmt.Sprintf("Section %d", i))), cell(txt("A key point with a title of some length")), cell(txt("x"))})
	}
	lay, _ := layouts.Load("a5")
	text := recapText(t, writeRecap(t, g, lay))
	if !strings.Contains(text, "Term00") || !strings.Contains(text, "Term01") {
		t.Errorf("the top-ranked terms are missing: %s", text)
	}
	shown := 0
	for i := range 40 {
		if strings.Contains(text, fmt.Sprintf("Term%02d", i)) {
			shown++
		} else {
			for j := i + 1; j < 40; j++ {
				if strings.Contains(text, fmt.Sprintf("Term%02d", j)) {
					t.Errorf("Term%02d is shown but Term%02d, ranked higher, is not", j, i)
				}
			}
			break
		}
	}
	if shown == 0 || shown >= recapMaxTerms {
		t.Errorf("%d terms shown; want some dropped", shown)
	}
}

// A table longer than any page is cut, with a line that says so.
func TestRecapCutsATableTooLongForAPage(t *testing.T) {
	g := studyGuide(0)
	studyFacts(g)
	glance := g.Sections[0].Blocks[0].(*guide.Table)
	for i := range 200 {
		glance.Rows = append(glance.Rows, []guide.Cell{cell(txt(fmt.Sprintf("Row%03d", i))), cell(txt("point")), cell(txt("x"))})
	}
	lay, _ := layouts.Load("a4")
	text := recapText(t, writeRecap(t, g, lay))
	if !strings.Contains(text, "Row000") || strings.Contains(text, "Row199") {
		t.Errorf("the table was not cut at the foot of the page")
	}
	if !strings.Contains(text, "the full guide has the rest") {
		t.Errorf("the cut is not said: %s", text[max(0, len(text)-200):])
	}
}

// A guide with no study aids at all still gets a recap: its title.
func TestRecapOfAGuideWithoutAids(t *testing.T) {
	g := &guide.Guide{Meta: guide.Meta{Title: "Plain notes", Lang: "de"}, Sections: []*guide.Section{{ID: "s", Title: "S", Level: 1, Blocks: []guide.Block{para(txt("Text."))}}}}
	text := recapText(t, writeRecap(t, g, nil))
	if !strings.Contains(text, "Plain notes") || !strings.Contains(text, "Zusammenfassung") {
		t.Errorf("recap text: %s", text)
	}
}

func TestRecapIsByteIdentical(t *testing.T) {
	g := studyGuide(0)
	studyFacts(g)
	var a, b bytes.Buffer
	if err := WriteRecap(&a, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteRecap(&b, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two recaps of one guide differ")
	}
}
