package epub

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// manySections returns a guide of n top-level sections, each with subs
// subsections, every heading titled after its place.
func manySections(n, subs int) *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{Title: "Many", Lang: "en"}}
	for i := range n {
		s := &guide.Section{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Part %d", i), Level: 1, Pos: guide.NoPos}
		s.Blocks = []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: fmt.Sprintf("Body of part %d.", i)}}}}
		for j := range subs {
			s.Sections = append(s.Sections, &guide.Section{ID: fmt.Sprintf("s%d-%d", i, j), Title: fmt.Sprintf("Part %d.%d", i, j), Level: 2, Pos: guide.NoPos})
		}
		g.Sections = append(g.Sections, s)
	}
	return g
}

// tocLabels returns the labels of the table of contents, and of the NCX.
func tocLabels(t *testing.T, b *built) (nav, ncx []string) {
	t.Helper()
	for _, n := range parseXML(t, b.page(t, navFile)).all("nav") {
		if n.attrs["epub:type"] == "toc" {
			for _, a := range n.all("a") {
				nav = append(nav, a.text)
			}
		}
	}
	for _, l := range parseXML(t, b.page(t, ncxFile)).all("text")[1:] { // [0] is the docTitle
		ncx = append(ncx, l.text)
	}
	return nav, ncx
}

func TestThousandsOfSectionsShareFiles(t *testing.T) {
	const n = 1203
	b := build(t, manySections(n, 0))
	var files []string
	for _, p := range b.pages() {
		if strings.Contains(p, "section-") {
			files = append(files, p)
		}
	}
	if len(files) > maxSectionFiles || len(files) < maxSectionFiles/2 {
		t.Fatalf("%d sections went into %d files, want at most %d and most of them used", n, len(files), maxSectionFiles)
	}
	// Every section is set once, whole, in order.
	var headings []string
	for _, f := range files {
		for _, h := range parseXML(t, b.files[f]).all("h1") {
			headings = append(headings, h.text)
		}
	}
	if len(headings) != n {
		t.Fatalf("the files hold %d top-level headings, want %d", len(headings), n)
	}
	for i, h := range headings {
		if h != fmt.Sprintf("Part %d", i) {
			t.Fatalf("heading %d is %q", i, h)
		}
	}
	nav, ncx := tocLabels(t, b)
	if len(nav) != len(files) || len(ncx) != len(files) {
		t.Errorf("the contents list %d (nav) and %d (NCX) entries, want one a file: %d", len(nav), len(ncx), len(files))
	}
	if nav[0] != "Part 0 – Part 2" {
		t.Errorf("first contents entry is %q, want the range of its file", nav[0])
	}
}

func TestContentsStopAtTheLevelThatFits(t *testing.T) {
	// 40 parts of 30 subsections: 1,240 headings, more than the contents
	// list, so only the parts are listed; with 20 subsections (840) all.
	for _, c := range []struct{ subs, want int }{{30, 40}, {20, 40 * 21}} {
		b := build(t, manySections(40, c.subs))
		nav, ncx := tocLabels(t, b)
		if len(nav) != c.want || len(ncx) != c.want {
			t.Errorf("%d subsections a part: contents list %d (nav) and %d (NCX) entries, want %d", c.subs, len(nav), len(ncx), c.want)
		}
		if got := len(b.pages()); got != 40+4 {
			t.Errorf("%d subsections a part: %d pages, want a file a part", c.subs, got)
		}
	}
}
