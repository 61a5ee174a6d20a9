package epub

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// Pages of the sample book, which opens with its "At a glance" section.
const (
	glancePage   = "section-1.xhtml"
	sourcesPage  = "section-2.xhtml" // a summary table
	deltasPage   = "section-3.xhtml" // a table of terms, key-term anchors
	palacePage   = "section-4.xhtml" // the drawing
	walkPage     = "section-5.xhtml"
	glossaryPage = "section-6.xhtml"
)

func TestStudyAidsAreMarkedUp(t *testing.T) {
	b := sampleBook(t)
	page := func(f string) string { return string(b.page(t, f)) }
	for _, c := range []struct{ file, want string }{
		{glancePage, `<section class="level-1 aid glance" epub:type="chapter" role="doc-chapter" aria-labelledby="at-a-glance">`},
		{glancePage, `<table id="glance-table" class="aid glance">`},
		{glancePage, `<td class="col-key-points" data-label="Key points"><a href="section-2.xhtml#kp-erosion" class="ref">Erosion</a>, <a href="section-2.xhtml#kp-transport" class="ref">Transport</a></td>`},
		{sourcesPage, `<strong id="term-source">source</strong>`},
		{sourcesPage, `<table id="summary-sources" class="aid summary">`},
		{sourcesPage, `<caption>Key points: Sources and Upper Courses</caption>`},
		{sourcesPage, `<th class="col-key-point" scope="col">Key point</th><th class="col-key-terms" scope="col">Key terms</th><th class="col-when" scope="col">When</th><th class="col-in-one-line" scope="col">In one line</th>`},
		{sourcesPage, `<td class="col-key-point" data-label="Key point"><a href="#kp-erosion" class="ref">Erosion</a></td>`},
		{sourcesPage, `<td class="col-when" data-label="When">the 1990s, <span class="nowrap">2014–2021</span></td>`},
		{deltasPage, `<strong id="term-levee">levee</strong>`},
		{deltasPage, `<a href="#tbl-deltas" class="ref">Kinds of delta</a>`},
		{deltasPage, `<span class="dead-link">a lost reference</span>`},
		{deltasPage, `<table class="aid terms">`},
		{palacePage, `<section class="level-1 aid palace" epub:type="chapter" role="doc-chapter" aria-labelledby="palace">`},
		{palacePage, `<figure id="palace-figure" class="palace">` + "\n<svg "},
		{palacePage, `<figcaption>` + "\n" + `<p>A route through three stations along a river, from the spring to the sea.</p>` + "\n" + `<ul class="alt-lines">` + "\n" + `<li>1. Spring: Erosion — water gnaws the rock.</li>`},
		{palacePage, `<a xlink:href="section-2.xhtml#kp-erosion"><title>Spring</title>`},
		{palacePage, `<a xlink:href="section-3.xhtml#kp-deposition"><title>Estuary</title>`},
		{palacePage, `<a xlink:href="#palace-figure"><title>Nowhere</title>`},
		{walkPage, `<section class="level-1 aid walkthrough"`},
		{glossaryPage, `<section class="level-1 aid glossary" epub:type="glossary" role="doc-glossary" aria-labelledby="glossary">`},
		{glossaryPage, `<td class="col-term" data-label="Term"><a href="section-2.xhtml#term-source" class="ref">source</a></td>`},
		{navFile, `<a epub:type="glossary" href="section-6.xhtml">Glossary</a>`},
	} {
		if !strings.Contains(page(c.file), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
	// The author's own tables stay plain.
	if !strings.Contains(page(deltasPage), `<table id="tbl-deltas">`) {
		t.Error("a table from the notes got a study-aid class")
	}
}

// Every key term of the glossary links to the term's first use in the
// text: a strong element with the term's id.
func TestGlossaryLinksToTheTermsInTheText(t *testing.T) {
	b := sampleBook(t)
	glossary := parseXML(t, b.page(t, glossaryPage))
	terms := 0
	for _, a := range glossary.all("a") {
		file, frag, _ := strings.Cut(a.attrs["href"], "#")
		if !strings.HasPrefix(frag, "term-") {
			continue
		}
		terms++
		found := false
		parseXML(t, b.page(t, file)).walk(func(n *node) {
			if n.attrs["id"] == frag {
				found = n.name.Local == "strong" && n.text == a.text
			}
		})
		if !found {
			t.Errorf("glossary entry %q does not lead to <strong id=%q> on %s", a.text, frag, file)
		}
	}
	if terms != 3 {
		t.Errorf("the glossary links to %d terms; want 3", terms)
	}
}

// The manifest marks exactly the pages that hold inline SVG with the
// "svg" property.
func TestSVGPropertyIsSetExactlyOnPagesWithSVG(t *testing.T) {
	b := sampleBook(t)
	opf := parseXML(t, b.page(t, opfFile))
	withSVG := 0
	for _, it := range opf.all("item") {
		href := it.attrs["href"]
		if !strings.HasSuffix(href, ".xhtml") {
			continue
		}
		hasSVG := len(parseXML(t, b.page(t, href)).all("svg")) > 0
		marked := strings.Contains(" "+it.attrs["properties"]+" ", " svg ")
		if hasSVG != marked {
			t.Errorf("%s: has SVG %t, marked svg %t (properties %q)", href, hasSVG, marked, it.attrs["properties"])
		}
		if hasSVG {
			withSVG++
		}
	}
	if withSVG != 1 {
		t.Errorf("%d pages with SVG; want 1", withSVG)
	}
}

// A figure in the introduction puts the SVG on the title page, and a
// figure with no drawing still shows its text alternative.
func TestFigureOnTheTitlePageAndWithoutScene(t *testing.T) {
	g := sampleGuide()
	g.Intro = append(g.Intro,
		&guide.Figure{Pos: guide.NoPos, ID: "intro-figure", Scene: palaceScene(), Alt: "A small map."},
		&guide.Figure{Pos: guide.NoPos, ID: "no-scene", Alt: "Nothing to draw."})
	b := build(t, g)
	title := string(b.page(t, titleFile))
	for _, want := range []string{`<figure id="intro-figure" class="drawing">`, `<figure id="no-scene" class="drawing">` + "\n<figcaption>"} {
		if !strings.Contains(title, want) {
			t.Errorf("title page lacks %s", want)
		}
	}
	if !strings.Contains(string(b.page(t, opfFile)), `href="title.xhtml" media-type="application/xhtml+xml" properties="svg"`) {
		t.Error("the title page is not marked svg")
	}
}

// A study table's columns take their classes from their roles, whatever
// the language of their headings; a table the author wrote has none.
func TestColumnClassesFollowRoles(t *testing.T) {
	cells := func(names ...string) []guide.Cell {
		var row []guide.Cell
		for _, n := range names {
			row = append(row, guide.Cell{Inlines: []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: n}}})
		}
		return row
	}
	g := sampleGuide()
	s := g.Sections[0]
	s.Blocks = append(s.Blocks,
		&guide.Table{Pos: guide.NoPos, ID: "resume", Kind: guide.Summary, Caption: "Points clés",
			Align:  make([]guide.Align, 4),
			Header: cells("Point clé", "Termes clés", "Quand", "En une ligne"),
			Roles:  []guide.ColumnRole{guide.RoleKeyPoint, guide.RoleTerms, guide.RoleWhen, guide.RoleGist},
			Rows:   [][]guide.Cell{cells("Un", "deux", "1999", "Trois.")}},
		&guide.Table{Pos: guide.NoPos, ID: "notes-table", Align: make([]guide.Align, 2),
			Header: cells("Key point", "When"), Rows: [][]guide.Cell{cells("a", "b")}})
	b := build(t, g)
	var page string
	for _, f := range b.files {
		if strings.Contains(string(f), `id="resume"`) {
			page = string(f)
		}
	}
	for _, want := range []string{
		`<th class="col-key-point" scope="col">Point clé</th>`,
		`<th class="col-key-terms" scope="col">Termes clés</th>`,
		`<td class="col-when" data-label="Quand">`,
		`<td class="col-in-one-line" data-label="En une ligne">`,
		`<th scope="col">Key point</th>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// A table must never widen the page: a word longer than its column
// breaks. The stylesheet says so; a headless browser, when installed,
// confirms that the summary page does not scroll sideways at 600 and at
// 400 pixels wide.
func TestLongWordsDoNotWidenTables(t *testing.T) {
	css := string(layouts.Stylesheet())
	for sel, wants := range map[string][]string{
		"th, td":     {"overflow-wrap: break-word", "word-wrap: break-word"},
		".long-word": {"overflow-wrap: anywhere", "word-break: break-word"},
	} {
		rule := regexp.MustCompile(`(?s)\n` + regexp.QuoteMeta(sel) + ` \{[^}]*\}`).FindString(css)
		for _, want := range wants {
			if !strings.Contains(rule, want) {
				t.Errorf("the rule for %s lacks %q:\n%s", sel, want, rule)
			}
		}
	}
	if !strings.Contains(string(sampleBook(t).page(t, sourcesPage)), `<span class="long-word">`+longWord+`</span>`) {
		t.Fatal("the long word of the summary table is not marked")
	}

	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed")
	}
	if testing.Short() {
		t.Skip("skipping the browser check in short mode")
	}
	b := sampleBook(t)
	dir := t.TempDir()
	for name, data := range b.files {
		if f, ok := strings.CutPrefix(name, rootDir); ok {
			path := filepath.Join(dir, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A page that shows the summary page in frames 600 and 400 pixels
	// wide and, once they are loaded, writes the scroll width of each into
	// the document, which --dump-dom then prints. Frames rather than
	// window sizes, since a headless window is never narrower than 500.
	const frames = `<!DOCTYPE html>
<html><body>
<iframe src="` + sourcesPage + `" width="600" height="800"></iframe>
<iframe src="` + sourcesPage + `" width="400" height="800"></iframe>
<script>
var left = 2;
document.querySelectorAll("iframe").forEach(function (f) {
  f.addEventListener("load", function () {
    f.setAttribute("data-scroll-width", String(f.contentDocument.documentElement.scrollWidth));
    if (--left === 0) { document.body.setAttribute("data-done", "yes"); }
  });
});
</script>
</body></html>
`
	path := filepath.Join(dir, "frames.html")
	if err := os.WriteFile(path, []byte(frames), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--allow-file-access-from-files",
		"--window-size=1100,900", "--dump-dom", "file://"+path).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	m := regexp.MustCompile(`<iframe src="[^"]*" width="(\d+)" height="800" data-scroll-width="(\d+)"`).FindAllSubmatch(out, -1)
	if len(m) != 2 {
		t.Fatalf("no scroll widths in the dumped page:\n%.600s", out)
	}
	for _, f := range m {
		width, _ := strconv.Atoi(string(f[1]))
		if sw, _ := strconv.Atoi(string(f[2])); sw > width {
			t.Errorf("at %d px wide the summary page is %d px wide: it scrolls sideways", width, sw)
		}
	}
}

// The faces a drawing's text is set in travel with the book: the sample's
// palace labels are in the regular sans, which the text alone never uses.
func TestFiguresBringTheirFaces(t *testing.T) {
	b := sampleBook(t)
	if _, ok := b.files[rootDir+fontDir+"NotoSans-Regular.ttf"]; !ok {
		t.Error("the regular sans of the drawing is not embedded")
	}
	if !strings.Contains(string(b.page(t, cssFile)), `font-weight: normal;
  font-style: normal;
  src: url("fonts/NotoSans-Regular.ttf");`) {
		t.Error("no @font-face for the regular sans")
	}
	g := sampleGuide()
	g.Sections = g.Sections[:3]
	if _, ok := build(t, g).files[rootDir+fontDir+"NotoSans-Regular.ttf"]; ok {
		t.Error("the regular sans is embedded in a book without drawings")
	}
}
