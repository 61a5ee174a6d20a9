package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

var pageRef = regexp.MustCompile(`p\.[\s\x{00a0}]*(\d+)`)

// refsOn returns the page numbers printed as references on a page, in
// reading order.
func refsOn(page string) []int {
	var ns []int
	for _, m := range pageRef.FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[1])
		ns = append(ns, n)
	}
	return ns
}

// TestReferencePageNumbers checks every reference of the study guide: the
// page a glossary entry names holds the term's first use, the page an "At
// a glance" row or a walk-through station names holds its key point or
// section. Filler text spreads the targets over several pages.
func TestReferencePageNumbers(t *testing.T) {
	checkers.Require(t, "pdftotext")
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		g := studyGuide(4)
		path := writeFile(t, g, Options{Layout: lay})
		pages := rawPages(t, path)
		body := pageHolding(pages, 3, "NATO has kept the peace") // the first page after the contents

		checkGlossary(t, g, pages, body)

		// At a glance, and the walk-through: key point titles and section
		// headings.
		glance := refsOn(pages[pageHolding(pages, body, "The guide at a glance")-1])
		walk := refsOn(pages[pageHolding(pages, body, "Walking the palace")-1])
		titles := map[string]string{
			"kp-balkans":     "Balkans Operations: Bosnia and Kosovo:",
			"kp-afghanistan": "Afghanistan:",
			"kp-libya":       "Libya:",
			"relief":         "Disaster Relief Background",
			"training":       "Training Missions Background",
		}
		for i, s := range testStations {
			want := pageStarting(pages, body+1, titles[s.target])
			if i >= len(glance) || glance[i] != want {
				t.Errorf("at a glance: %s should say p. %d, got %v", s.target, want, glance)
			}
			if i >= len(walk) || walk[i] != want {
				t.Errorf("walk-through: %s should say p. %d, got %v", s.target, want, walk)
			}
		}
	})
}

// checkGlossary checks the glossary's page numbers: its rows follow the
// glossary table's, and each row's term is first met on the page it names
// (the glossary is last, so the first page after body with the term is
// where it is explained).
func checkGlossary(t *testing.T, g *guide.Guide, pages []string, body int) {
	t.Helper()
	glossPage := pageHolding(pages, body, "Glossary Key terms")
	var names []string
	for _, r := range g.Sections[len(g.Sections)-1].Blocks[0].(*guide.Table).Rows {
		names = append(names, guide.PlainText(r[0].Inlines))
	}
	var got []int
	for i := glossPage; i <= len(pages); i++ {
		got = append(got, refsOn(pages[i-1])...)
	}
	if len(got) != len(names) {
		t.Fatalf("glossary shows %d page numbers for %d terms: %v", len(got), len(names), got)
	}
	distinct := map[int]bool{}
	for i, name := range names {
		want := pageStarting(pages, body, name)
		if got[i] != want {
			t.Errorf("glossary: %s on p. %d, but it is first on page %d", name, got[i], want)
		}
		distinct[got[i]] = true
	}
	if len(distinct) < 2 {
		t.Errorf("all terms are on one page (%v): the test proves little", got)
	}
}

// TestTermAnchorsLandOnTheTerm follows the glossary's links: each goes to
// the page of the term's first use, to the top of the line that holds it.
func TestTermAnchorsLandOnTheTerm(t *testing.T) {
	checkers.Require(t, "pdftotext")
	g := studyGuide(4)
	path := writeFile(t, g, Options{})
	pages := rawPages(t, path)
	glossPage := pageHolding(pages, 3, "Glossary Key terms")
	words, height := pageWords(t, path, glossPage)
	links := pdfLinks(t, path)
	for _, tm := range testTerms {
		// The glossary row: the first word of the term's name in the
		// glossary, and the link in the same row.
		name := strings.Fields(tm.name)
		first := name[0]
		var row *pdfWord
		for i := range words[:len(words)-1] {
			if words[i].text == first && words[i+1].text == name[1] {
				row = &words[i]
				break
			}
		}
		if row == nil {
			t.Errorf("%s: not in the glossary", tm.name)
			continue
		}
		var dest *pdfLink
		for i, l := range links {
			if l.page == glossPage && l.contains(l.rect[0]+1, height-(row.yMin+row.yMax)/2) {
				dest = &links[i]
				break
			}
		}
		if dest == nil {
			t.Errorf("%s: no link in its glossary row", tm.name)
			continue
		}
		// On the target page, the term's first word lies just below the
		// link's target height.
		target, _ := pageWords(t, path, dest.destPage)
		top := height - dest.destY // from the top of the page
		found := false
		for _, w := range target {
			if strings.HasPrefix(w.text, first) && w.yMin >= top-0.5 && w.yMin <= top+15 {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: the link goes to page %d at %.1f pt from the top, where the term is not", tm.name, dest.destPage, top)
		}
	}
}

// TestReferenceRoomGrows lays out a guide with room for one digit in each
// page number: it has more than nine pages, so the writer lays it out
// again with room for two, and the numbers are right.
func TestReferenceRoomGrows(t *testing.T) {
	g := studyGuide(12)
	lay, err := layouts.Load("a5")
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(g, lay, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.rb.refDigits = 1
	var b bytes.Buffer
	w.doc.begin(&b)
	if err := w.render(); err != nil {
		t.Fatal(err)
	}
	if w.rb.refDigits != 2 {
		t.Fatalf("references have room for %d digits after layout, want 2", w.rb.refDigits)
	}
	if n := w.pages.of(w.links.internal("term-ntm")); n < 10 {
		t.Fatalf("a term is on page %d; the test needs it beyond page 9", n)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "guide.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := rawPages(t, path)
	checkGlossary(t, g, pages, pageHolding(pages, 3, "NATO has kept the peace"))
}

func TestReferenceToNowhereShowsItsText(t *testing.T) {
	checkers.Require(t, "pdftotext")
	g := &guide.Guide{Meta: guide.Meta{Title: "T"}, Sections: []*guide.Section{{ID: "s", Title: "S", Level: 1, Blocks: []guide.Block{
		para(txt("See "), ref("missing", "the missing part"), txt(" and "), ref("s", "this section"), txt(".")),
	}}}}
	var msgs []string
	path := writeFile(t, g, Options{Warn: func(_ guide.Pos, m string) { msgs = append(msgs, m) }})
	text := strings.ReplaceAll(checkers.Run(t, "pdftotext", path, "-"), "\u00a0", " ")
	if !strings.Contains(text, "See the missing part and p. 3.") {
		t.Errorf("text:\n%s", text)
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], `"missing"`) {
		t.Errorf("warnings: %q", msgs)
	}
}

func TestDigits(t *testing.T) {
	for n, want := range map[int]int{0: 1, 9: 1, 10: 2, 99: 2, 100: 3, 1000: 4} {
		if got := digits(n); got != want {
			t.Errorf("digits(%d) = %d, want %d", n, got, want)
		}
	}
}
