package epub

import (
	"cmp"
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

// longSection returns a guide of one top-level section that holds an
// ordered list of n key points, each with a footnote, a table of n rows
// that refer to them, and a subsection after them; and a footnote that
// nothing refers to.
func longSection(n int) *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{Title: "Long", Lang: "en"}}
	list := &guide.List{Ordered: true, Start: 1}
	table := &guide.Table{Caption: "Every point", Header: []guide.Cell{{Inlines: []guide.Inline{&guide.Text{Text: "Point"}}}}}
	for i := range n {
		id := fmt.Sprintf("kp-%d", i)
		list.Items = append(list.Items, &guide.ListItem{Key: &guide.KeyPoint{Title: fmt.Sprintf("Point %d", i), ID: id}, Blocks: []guide.Block{
			&guide.Paragraph{Inlines: []guide.Inline{&guide.Strong{Children: []guide.Inline{&guide.Text{Text: fmt.Sprintf("Point %d", i)}}}, &guide.Text{Text: ": said once."}, &guide.FootnoteRef{Index: i}}},
		}})
		g.Footnotes = append(g.Footnotes, &guide.Footnote{ID: fmt.Sprintf("fn-%d", i), Label: fmt.Sprint(i), Blocks: []guide.Block{
			&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: fmt.Sprintf("Note on point %d.", i)}}},
		}})
		table.Rows = append(table.Rows, []guide.Cell{{Inlines: []guide.Inline{&guide.Ref{Target: id, Children: []guide.Inline{&guide.Text{Text: fmt.Sprintf("Row %d", i)}}}}}})
	}
	g.Footnotes = append(g.Footnotes, &guide.Footnote{ID: "fn-stray", Label: "stray", Blocks: []guide.Block{
		&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "A note nothing refers to."}}},
	}})
	after := &guide.Section{ID: "after", Title: "After the list", Level: 2, Blocks: []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "The end."}}}}}
	g.Sections = []*guide.Section{{ID: "long", Title: "Long", Level: 1, Blocks: []guide.Block{list, table}, Sections: []*guide.Section{after}}}
	return g
}

func TestLongSectionIsCutIntoParts(t *testing.T) {
	const n = 3000
	b := build(t, longSection(n))
	var files []string
	for _, p := range b.pages() {
		if strings.Contains(p, "section-") {
			files = append(files, p)
		}
	}
	if len(files) < 5 {
		t.Fatalf("a section of %d key points with notes went into %d files", n, len(files))
	}
	var text strings.Builder
	var starts []string
	headings := map[string]int{}
	for i, f := range files {
		tree := parseXML(t, b.files[f])
		ids := 0
		tree.walk(func(x *node) {
			if x.attrs["id"] != "" {
				ids++
			}
			if x.name.Local == "ol" {
				starts = append(starts, cmp.Or(x.attrs["start"], "1"))
			}
		})
		if ids > 3000 {
			t.Errorf("%s holds %d ids", f, ids)
		}
		if strings.Contains(tree.allText(), "A note nothing refers to.") != (i == len(files)-1) {
			t.Errorf("%s: the note nothing refers to is not at the end of the book", f)
		}
		for _, h := range append(tree.all("h1"), tree.all("h2")...) {
			headings[h.text]++
			if h.text == "After the list" && i != len(files)-1 {
				t.Errorf("the subsection is in %s, not in the last part", f)
			}
		}
		text.WriteString(tree.allText())
	}
	if headings["Long"] != 1 || headings["After the list"] != 1 {
		t.Errorf("headings %v, want each once", headings)
	}
	// The ordered list goes on counting from part to part.
	for i, s := range starts {
		if want := fmt.Sprint(1 + i*pieceItems); s != want {
			t.Errorf("piece %d of the list starts at %s, want %s", i, s, want)
		}
	}
	all := strings.Join(strings.Fields(text.String()), " ")
	if got := strings.Count(all, "said once."); got != n {
		t.Errorf("the book has %d key points, want %d", got, n)
	}
	for _, want := range []string{"Note on point 0.", "Note on point 2999.", "Row 2999", "The end."} {
		if strings.Count(all, want) != 1 {
			t.Errorf("the book says %q %d times, want once", want, strings.Count(all, want))
		}
	}
	if links, refs, _ := checkLinks(t, b); links < 2*n || refs < n {
		t.Errorf("only %d links checked, %d of them references", links, refs)
	}
	nav, _ := tocLabels(t, b)
	if strings.Join(nav, "|") != "Long|After the list" {
		t.Errorf("contents %q", nav)
	}
}

func TestSectionOfThousandsOfSubsectionsIsCutIntoParts(t *testing.T) {
	const n = 5000
	g := manySections(1, n)
	for _, c := range g.Sections[0].Sections {
		c.Blocks = []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "Said of " + c.Title + "."}}}}
	}
	b := build(t, g)
	var files []string
	heads := map[string]int{}
	for _, p := range b.pages() {
		if !strings.Contains(p, "section-") {
			continue
		}
		files = append(files, p)
		tree := parseXML(t, b.files[p])
		ids := 0
		tree.walk(func(x *node) {
			if x.attrs["id"] != "" {
				ids++
			}
		})
		if ids > 3000 {
			t.Errorf("%s holds %d ids", p, ids)
		}
		for _, h := range append(tree.all("h1"), tree.all("h2")...) {
			heads[h.text]++
		}
	}
	if len(files) < 3 {
		t.Fatalf("a section of %d subsections went into %d files", n, len(files))
	}
	if len(heads) != n+1 {
		t.Errorf("the files hold %d distinct headings, want %d", len(heads), n+1)
	}
	for h, k := range heads {
		if k != 1 {
			t.Errorf("heading %q is set %d times", h, k)
		}
	}
	checkLinks(t, b)
}
