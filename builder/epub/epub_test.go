package epub

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/texmath"
)

func TestSampleBookPassesEPUBCheck(t *testing.T) {
	t.Parallel()
	passes(t, epubcheck(t, "sample.epub"))
}

func TestBareBookPassesEPUBCheck(t *testing.T) {
	t.Parallel()
	passes(t, epubcheck(t, "bare.epub"))
}

// TestEPUBCheckCatchesABrokenBook checks the check: a book whose nav is
// not well-formed, checked in the same run as the books that pass, gets
// its own errors, on its own nav.
func TestEPUBCheckCatchesABrokenBook(t *testing.T) {
	t.Parallel()
	v := epubcheck(t, "broken.epub")
	if v.Status == 0 || len(v.Errors) == 0 {
		t.Fatalf("EPUBCheck passes a book with a broken nav:\n%s", v.Output)
	}
	for _, e := range v.Errors {
		if !strings.Contains(e, "broken.epub") || !strings.Contains(e, "nav.xhtml") {
			t.Errorf("an error that is not about the broken nav: %s", e)
		}
	}
}

// passes fails the test unless EPUBCheck reported no errors and no
// warnings.
func passes(t *testing.T, v checkers.Verdict) {
	t.Helper()
	if v.Status != 0 || !strings.Contains(v.Output, "0 fatals / 0 errors / 0 warnings") {
		t.Fatalf("epubcheck %s: status %d\n%s", filepath.Base(v.Book), v.Status, v.Output)
	}
}

func TestRebuildIsByteIdentical(t *testing.T) {
	a := sampleBook(t)
	b := build(t, sampleGuide())
	if !bytes.Equal(a.data, b.data) {
		t.Fatal("two builds of the same guide differ")
	}
}

func TestContainerLayout(t *testing.T) {
	b := sampleBook(t)
	first := b.zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 ||
		first.ModifiedDate != 0 || first.ModifiedTime != 0 || string(b.files["mimetype"]) != mimetype {
		t.Fatalf("first entry %q method %d extra %d date %d time %d", first.Name, first.Method, len(first.Extra), first.ModifiedDate, first.ModifiedTime)
	}
	// The local header must put "mimetype" at byte 30 and its content at
	// byte 38, as readers that sniff the file expect.
	if string(b.data[30:38]) != "mimetype" || string(b.data[38:38+len(mimetype)]) != mimetype {
		t.Fatalf("local header of mimetype is not bare: % x", b.data[:60])
	}
	want := sampleGuide().Meta.Modified
	for _, f := range b.zr.File[1:] {
		// The cover, a PNG, is compressed already and stored as it is.
		if stored := f.Name == rootDir+coverImage; stored != (f.Method == zip.Store) || !stored && f.Method != zip.Deflate {
			t.Errorf("%s has method %d", f.Name, f.Method)
		}
		if !f.Modified.Equal(want) {
			t.Errorf("%s has time %v; want %v", f.Name, f.Modified, want)
		}
	}
	wantOrder := []string{"mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/toc.ncx", "EPUB/style.css",
		"EPUB/cover.xhtml", "EPUB/title.xhtml", "EPUB/nav.xhtml", "EPUB/section-1.xhtml", "EPUB/section-2.xhtml",
		"EPUB/section-3.xhtml", "EPUB/section-4.xhtml", "EPUB/section-5.xhtml", "EPUB/section-6.xhtml", "EPUB/licence.xhtml", "EPUB/cover.png", "EPUB/images/img-1.png"}
	for i, n := range wantOrder {
		if b.names[i] != n {
			t.Fatalf("entry %d is %s; want %s (entries %v)", i, b.names[i], n, b.names)
		}
	}
	for _, n := range b.names[len(wantOrder):] {
		if !strings.HasPrefix(n, "EPUB/fonts/") {
			t.Errorf("unexpected entry %s after the images", n)
		}
	}
}

func TestEveryDocumentIsWellFormedWithLang(t *testing.T) {
	b := sampleBook(t)
	for _, n := range b.names {
		if !strings.HasSuffix(n, ".xhtml") && !strings.HasSuffix(n, ".opf") && !strings.HasSuffix(n, ".ncx") && !strings.HasSuffix(n, ".xml") {
			continue
		}
		if err := checkXML(b.files[n]); err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if !strings.HasSuffix(n, ".xhtml") {
			continue
		}
		root := parseXML(t, b.files[n])
		if root.attrs["lang"] != "en" || root.attrs["xml:lang"] != "en" {
			t.Errorf("%s: html lang=%q xml:lang=%q", n, root.attrs["lang"], root.attrs["xml:lang"])
		}
		if bytes.Contains(b.files[n], []byte(" align=")) {
			t.Errorf("%s uses the align attribute", n)
		}
	}
	opf := parseXML(t, b.files["EPUB/package.opf"])
	if opf.attrs["xml:lang"] != "en" {
		t.Errorf("package xml:lang=%q", opf.attrs["xml:lang"])
	}
}

func TestNavAndNCXListEverySection(t *testing.T) {
	g := sampleGuide()
	b := build(t, g)
	var want []string
	g.WalkSections(func(s *guide.Section) bool {
		want = append(want, s.Title)
		return true
	})
	nav := parseXML(t, b.page(t, navFile))
	var toc *node
	for _, n := range nav.all("nav") {
		if n.attrs["epub:type"] == "toc" {
			toc = n
		}
	}
	if toc == nil {
		t.Fatal("nav document has no toc")
	}
	var got []string
	for _, a := range toc.all("a") {
		got = append(got, a.text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("nav lists %q\nwant %q", got, want)
	}
	got = nil
	for _, l := range parseXML(t, b.page(t, ncxFile)).all("text")[1:] { // [0] is the docTitle
		got = append(got, l.text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("NCX lists %q\nwant %q", got, want)
	}
	// The nesting follows the guide: "Waterfalls" sits inside the entry
	// of "Sources and Upper Courses", the second after "At a glance".
	sources := toc.children[1].children[1] // h1, ol > li
	if sources.all("a")[1].text != "Waterfalls" {
		t.Errorf("the sources entry does not hold its subsections")
	}
}

func TestEveryWordOfTheGuideIsInTheBook(t *testing.T) {
	g := sampleGuide()
	b := build(t, g)
	var text strings.Builder
	for _, p := range b.pages() {
		if p == rootDir+licenceFile || p == rootDir+navFile {
			continue
		}
		text.WriteString(parseXML(t, b.files[p]).allText())
	}
	have := make(map[string]bool)
	for _, w := range words(text.String()) {
		have[w] = true
	}
	source := g.Text() + " " + strings.Join(g.Meta.Authors, " ")
	for _, w := range words(source) {
		if !have[w] {
			t.Errorf("word %q of the guide is not in the book", w)
		}
	}
}

func TestInternalLinksResolve(t *testing.T) {
	links, refs, drawn := checkLinks(t, sampleBook(t))
	if links < 30 || refs < 10 || drawn < 3 {
		t.Fatalf("only %d links checked, %d of them references and %d in drawings", links, refs, drawn)
	}
}

// checkLinks checks that every id of every page of b is unique on its
// page and that every link of the book, the NCX's among them, leads to a
// file and id that exist. It returns how many links it checked, how many
// of them were references and how many were in drawings.
func checkLinks(t *testing.T, b *built) (links, refs, drawn int) {
	t.Helper()
	ids := make(map[string]map[string]bool) // file -> ids
	trees := make(map[string]*node)
	for _, p := range b.pages() {
		file := strings.TrimPrefix(p, rootDir)
		trees[file] = parseXML(t, b.files[p])
		ids[file] = make(map[string]bool)
		trees[file].walk(func(n *node) {
			if id := n.attrs["id"]; id != "" {
				if ids[file][id] {
					t.Errorf("%s: id %q is not unique", file, id)
				}
				ids[file][id] = true
			}
		})
	}
	check := func(from, ref string) {
		if strings.Contains(ref, ":") {
			return // a web or mail link
		}
		file, frag, _ := strings.Cut(ref, "#")
		if file == "" {
			file = from
		}
		if _, ok := b.files[rootDir+file]; !ok {
			t.Errorf("%s links to %s: no such file", from, ref)
			return
		}
		if frag != "" && !ids[file][frag] {
			t.Errorf("%s links to %s: no such id", from, ref)
		}
	}
	// Links of every kind are checked: plain links, references, links
	// in the drawings (xlink:href, read here as href) and the NCX.
	for file, tree := range trees {
		tree.walk(func(n *node) {
			for _, a := range []string{"href", "src"} {
				if v, ok := n.attrs[a]; ok {
					check(file, v)
					links++
					if n.attrs["class"] == "ref" {
						refs++
					}
					if n.name.Space == "http://www.w3.org/2000/svg" {
						drawn++
					}
				}
			}
		})
	}
	for _, c := range parseXML(t, b.page(t, ncxFile)).all("content") {
		check(ncxFile, c.attrs["src"])
	}
	return links, refs, drawn
}

func TestLinksArePointedAtTheirPages(t *testing.T) {
	b := sampleBook(t)
	title := string(b.page(t, titleFile))
	s1 := string(b.page(t, "section-2.xhtml"))
	s2 := string(b.page(t, "section-3.xhtml"))
	for _, c := range []struct{ page, want string }{
		{title, `<a href="section-3.xhtml#delta-types">the kinds of delta</a>`},
		{s1, `<a href="section-3.xhtml#kp-deposition">deposition</a>`},
		{s2, `<a href="section-2.xhtml#sources">Mississippi</a>`},
		{s2, `<a href="https://en.wikipedia.org/wiki/River_delta?a=1&amp;b=2" title="Wikipedia" class="external">article</a>`},
		{s2, `<span class="dead-link">an unreachable note</span>`},
		{s2, `<span class="dead-link">a dead anchor</span>`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("missing %s", c.want)
		}
	}
}

func TestFootnotesAreAsidesOnTheReferencingPage(t *testing.T) {
	b := sampleBook(t)
	s1 := parseXML(t, b.page(t, "section-2.xhtml"))
	var asides []string
	for _, a := range s1.all("aside") {
		if a.attrs["epub:type"] != "footnote" {
			t.Errorf("aside without epub:type footnote")
		}
		asides = append(asides, a.attrs["id"])
		backs := 0
		for _, l := range a.all("a") {
			if l.attrs["role"] == "doc-backlink" {
				backs++
			}
		}
		if a.attrs["id"] == "fn-spring" && backs != 2 {
			t.Errorf("fn-spring has %d back links on section 1; want 2, one per reference", backs)
		}
	}
	if strings.Join(asides, ",") != "fn-spring" {
		t.Errorf("section 1 asides %v; want [fn-spring]", asides)
	}
	refs := 0
	for _, a := range s1.all("a") {
		if a.attrs["epub:type"] == "noteref" {
			refs++
			if a.attrs["href"] != "#fn-spring" {
				t.Errorf("noteref href %q", a.attrs["href"])
			}
		}
	}
	if refs != 2 {
		t.Errorf("section 1 has %d note references; want 2", refs)
	}
	// The deltas section references note 2, whose text references note
	// 1; the unreferenced note 4 comes last on the last page.
	s2 := parseXML(t, b.page(t, "section-3.xhtml"))
	asides = nil
	for _, a := range s2.all("aside") {
		asides = append(asides, a.attrs["id"])
	}
	if strings.Join(asides, ",") != "fn-still,fn-spring" {
		t.Errorf("deltas section asides %v", asides)
	}
	if !strings.Contains(string(b.page(t, "section-6.xhtml")), `<aside id="fn-orphan"`) {
		t.Error("the unreferenced note is not on the last page")
	}
	if !strings.Contains(string(b.page(t, titleFile)), `<aside id="fn-intro"`) {
		t.Error("the introduction's footnote is not on the title page")
	}
}

func TestBlocksAreMarkedUp(t *testing.T) {
	b := sampleBook(t)
	s1 := string(b.page(t, "section-2.xhtml"))
	s2 := string(b.page(t, "section-3.xhtml"))
	for _, c := range []struct{ page, want string }{
		{s1, `<ol start="3" class="tight">`},
		{s1, `<li id="kp-erosion" class="key-point">`},
		{s1, `<h1 id="sources">Sources and Upper Courses</h1>`},
		{s1, `<h2 id="waterfalls">`},
		{s1, `<h6 id="level-seven">`},
		{s1, `<s>wrong</s>`},
		{s1, `<code>H&lt;sub&gt;2&lt;/sub&gt;O &amp; silt</code>`},
		{s1, "<br/>\nA new line"},
		{s1, `<blockquote>`},
		{s1, `<figure class="image"><img src="images/img-1.png" alt="A diagram of a waterfall"`},
		{s1, `<span class="missing-image">a missing picture</span>`},
		{s1, `<pre><code class="language-text">height = 40 m` + "\n" + `  retreat &lt; 1 m/yr`},
		{s1, `<hr/>`},
		{s2, `<table id="tbl-deltas">`},
		{s2, `<caption>Kinds of delta</caption>`},
		{s2, `<th class="align-center" scope="col"><strong>Shape</strong></th>`},
		{s2, `<td class="align-right" data-label="Example">Nile</td>`},
		{s2, `<td data-label="Since">antiquity</td>`},
		{s2, `<dt><em>Levee</em></dt>`},
		{s2, `<li id="kp-deposition" class="key-point">`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("missing %q", c.want)
		}
	}
}

func TestPackageMetadata(t *testing.T) {
	b := sampleBook(t)
	opf := string(b.page(t, opfFile))
	for _, want := range []string{
		`unique-identifier="uid"`,
		`<dc:identifier id="uid">urn:uuid:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</dc:identifier>`,
		`<dc:title>Rivers &amp; Deltas: A &lt;Study&gt; Guide</dc:title>`,
		`<dc:language>en</dc:language>`,
		`<dc:creator id="creator-2">Zoë Ångström</dc:creator>`,
		`<dc:date>2024-05-17</dc:date>`,
		`<meta property="dcterms:modified">2024-06-01T12:30:00Z</meta>`,
		`<meta name="cover" content="cover-image"/>`,
		`properties="cover-image"`,
		`properties="nav"`,
		`<meta property="schema:accessMode">textual</meta>`,
		`<meta property="schema:accessMode">visual</meta>`,
		`<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilityFeature">alternativeText</meta>`,
		`<meta property="schema:accessibilityHazard">none</meta>`,
		`<meta property="schema:accessibilitySummary">`,
		`<itemref idref="licence" linear="no"/>`,
		`<spine toc="ncx">`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}
}

func TestForeignLanguageGuide(t *testing.T) {
	g := sampleGuide()
	g.Meta.Lang = "de-AT"
	b := build(t, g)
	for _, p := range b.pages() {
		root := parseXML(t, b.files[p])
		if root.attrs["lang"] != "de-AT" || root.attrs["xml:lang"] != "de-AT" {
			t.Errorf("%s: lang %q", p, root.attrs["lang"])
		}
	}
	if nav := string(b.page(t, navFile)); !strings.Contains(nav, `<h1>Inhalt</h1>`) {
		t.Errorf("the contents are not headed in German:\n%s", nav)
	}
	if title := string(b.page(t, titleFile)); !strings.Contains(title, `<time datetime="2024-05-17">17. Mai 2024</time>`) {
		t.Errorf("the title page does not date the guide in German:\n%s", title)
	}
	if licence := string(b.page(t, licenceFile)); !strings.Contains(licence, `<pre class="licence-text" lang="en" xml:lang="en">`) {
		t.Errorf("the fonts' licence, which is in English, is not marked so:\n%s", licence)
	}

	// A language with no table of its own gets English labels, marked as
	// English, and an ISO date.
	g.Meta.Lang = "pl"
	b = build(t, g)
	if !strings.Contains(string(b.page(t, navFile)), `<h1 lang="en" xml:lang="en">Contents</h1>`) {
		t.Error("the English heading of the contents is not marked as English")
	}
	if title := string(b.page(t, titleFile)); !strings.Contains(title, `<time datetime="2024-05-17">2024-05-17</time>`) {
		t.Errorf("the title page of a guide with no table does not show an ISO date:\n%s", title)
	}

	// An English guide dates itself in words, as its PDF does.
	for _, lang := range []string{"en", "en-GB", ""} {
		g.Meta.Lang = lang
		b = build(t, g)
		if title := string(b.page(t, titleFile)); !strings.Contains(title, `<time datetime="2024-05-17">17 May 2024</time>`) {
			t.Errorf("lang %q: the title page does not date the guide in English words:\n%s", lang, title)
		}
	}
}

func TestMissingDatesAndIdentifierStayFixed(t *testing.T) {
	g := sampleGuide()
	g.Meta.Modified = time.Time{}
	g.Meta.Date = time.Time{}
	g.Meta.Identifier = ""
	a := build(t, g)
	b := build(t, g)
	if !bytes.Equal(a.data, b.data) {
		t.Fatal("rebuild differs")
	}
	opf := string(a.page(t, opfFile))
	if !strings.Contains(opf, "urn:studyguide:") || !strings.Contains(opf, "2000-01-01T00:00:00Z") || strings.Contains(opf, "<dc:date>") {
		t.Errorf("package document:\n%s", opf)
	}
}

func TestIllFormedPageIsAnErrorNamingThePage(t *testing.T) {
	b := plan(sampleGuide())
	data, err := b.document(pageSpec{file: "broken.xhtml", content: func(p *pageWriter) { p.raw("<p>") }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := newDeflater()
	d.add(&entry{name: rootDir + "broken.xhtml", data: data, page: true})
	if err = d.finish(); err == nil || !strings.Contains(err.Error(), "broken.xhtml") {
		t.Fatalf("err = %v; want an error naming broken.xhtml", err)
	}
}

func TestFontsAreEmbeddedAndSubset(t *testing.T) {
	b := sampleBook(t)
	css := string(b.page(t, cssFile))
	for _, n := range b.names {
		if f, ok := strings.CutPrefix(n, rootDir+fontDir); ok {
			if !strings.Contains(css, `url("fonts/`+f+`")`) {
				t.Errorf("no @font-face for %s", f)
			}
			if len(b.files[n]) > 80_000 {
				t.Errorf("%s is %d bytes; not subset", f, len(b.files[n]))
			}
		}
	}
	for _, f := range []string{"NotoSerif-Regular.ttf", "NotoSerif-BoldItalic.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf", "DejaVuSans.ttf"} {
		if _, ok := b.files[rootDir+fontDir+f]; !ok {
			t.Errorf("%s is not embedded", f)
		}
	}
	if !strings.Contains(string(b.page(t, licenceFile)), "SIL Open Font License") {
		t.Error("the licence page lacks the OFL")
	}
}

func TestSymbolsFontOnlyWhenNeeded(t *testing.T) {
	g := &guide.Guide{Meta: guide.Meta{Title: "Plain", Lang: "en"}, Sections: []*guide.Section{
		{ID: "a", Title: "A", Level: 1, Blocks: []guide.Block{para(txt("Only plain letters here."))}},
	}}
	b := build(t, g)
	if _, ok := b.files[rootDir+fontDir+"DejaVuSans.ttf"]; ok {
		t.Error("DejaVu Sans embedded for a guide that does not need it")
	}
}

func TestMonoFontOnlyWithCode(t *testing.T) {
	plain := &guide.Guide{Meta: guide.Meta{Title: "Plain", Lang: "en"}, Sections: []*guide.Section{
		{ID: "a", Title: "A", Level: 1, Blocks: []guide.Block{para(txt("No code here."))}},
	}}
	b := build(t, plain)
	if _, ok := b.files[rootDir+fontDir+"NotoSansMono-Regular.ttf"]; ok {
		t.Error("Noto Sans Mono embedded for a guide without code")
	}
	if css := string(b.page(t, cssFile)); strings.Contains(css, "NotoSansMono") {
		t.Error("the stylesheet names a mono font the book does not hold")
	}
	withCode := &guide.Guide{Meta: guide.Meta{Title: "Code", Lang: "en"}, Sections: []*guide.Section{
		{ID: "a", Title: "A", Level: 1, Blocks: []guide.Block{para(txt("Run "), &guide.Code{Text: "go test"})}},
	}}
	b = build(t, withCode)
	if _, ok := b.files[rootDir+fontDir+"NotoSansMono-Regular.ttf"]; !ok {
		t.Error("Noto Sans Mono not embedded for a guide with inline code")
	}
}

// TestFontsFollowCodeAndFormulasAnywhere checks that the mono and maths
// faces are embedded for code and formulas wherever the guide has them:
// in a footnote, in a heading, in the title, in the heading of a section
// long enough to be cut into parts.
func TestFontsFollowCodeAndFormulasAnywhere(t *testing.T) {
	const mono, maths = rootDir + fontDir + "NotoSansMono-Regular.ttf", rootDir + fontDir + "NotoSansMath-Regular.ttf"
	formula := func() *guide.Formula {
		tree, _ := texmath.Parse(`\frac{a}{b}`)
		return &guide.Formula{TeX: `\frac{a}{b}`, Tree: tree}
	}
	plain := func() *guide.Guide {
		return &guide.Guide{Meta: guide.Meta{Title: "Plain", Lang: "en"}, Sections: []*guide.Section{
			{ID: "a", Title: "A", Level: 1, Blocks: []guide.Block{para(txt("Plain words."))}},
		}}
	}
	long := plain()
	long.Sections[0].Blocks = nil
	for range 3 * partBudget / 1000 {
		long.Sections[0].Blocks = append(long.Sections[0].Blocks, para(txt(strings.Repeat("Words of a long section. ", 40))))
	}
	for _, c := range []struct {
		name  string
		g     *guide.Guide
		file  string
		embed bool
	}{
		{"no code", plain(), mono, false},
		{"no formula", plain(), maths, false},
		{"code in a footnote", func() *guide.Guide {
			g := plain()
			g.Sections[0].Blocks = []guide.Block{para(txt("See"), &guide.FootnoteRef{Index: 0})}
			g.Footnotes = []*guide.Footnote{{ID: "fn1", Blocks: []guide.Block{&guide.CodeBlock{Text: "go test"}}}}
			return g
		}(), mono, true},
		{"formula in a heading", func() *guide.Guide {
			g := plain()
			g.Sections[0].Heading = []guide.Inline{txt("On "), formula()}
			return g
		}(), maths, true},
		{"formula in the title", func() *guide.Guide {
			g := plain()
			g.Meta.TitleInlines = []guide.Inline{formula()}
			return g
		}(), maths, true},
		{"formula in the heading of a long section", func() *guide.Guide {
			long.Sections[0].Heading = []guide.Inline{formula()}
			return long
		}(), maths, true},
	} {
		b := build(t, c.g)
		if _, ok := b.files[c.file]; ok != c.embed {
			t.Errorf("%s: %s embedded: %v; want %v", c.name, c.file, ok, c.embed)
		}
	}
}

// The golden pages: the sources section with a summary table, the palace
// with its drawing, and the package document.
func TestGoldenFiles(t *testing.T) {
	b := sampleBook(t)
	for _, f := range []string{sourcesPage, palacePage, "package.opf"} {
		got := b.page(t, f)
		path := filepath.Join("testdata", f+".golden")
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with UPDATE_GOLDEN=1 to accept):\n%s", f, path, got)
		}
	}
}

func TestNoteReferenceInsideALinkIsNotALink(t *testing.T) {
	b := sampleBook(t)
	s2 := string(b.page(t, "section-3.xhtml"))
	want := `<a href="#kp-deposition">Settling again<sup id="fnref-2-2" class="noteref">2</sup></a>`
	if !strings.Contains(s2, want) {
		t.Errorf("missing %s", want)
	}
	if !strings.Contains(s2, `<a href="#fnref-2-2" class="backlink" role="doc-backlink">`) {
		t.Error("the footnote does not link back to the reference inside the link")
	}
}

func TestMalformedLanguageBecomesUndetermined(t *testing.T) {
	g := sampleGuide()
	g.Meta.Lang = "English (UK)"
	b := build(t, g)
	if !strings.Contains(string(b.page(t, opfFile)), "<dc:language>und</dc:language>") {
		t.Error("a malformed language is not replaced by und")
	}
}

func TestWriteOnlyReadsTheGuide(t *testing.T) {
	g := sampleGuide()
	var before, after bytes.Buffer
	if err := guide.Dump(&before, g); err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte, 2)
	for range 2 {
		go func() {
			var buf bytes.Buffer
			if err := Write(&buf, g, Options{}); err != nil {
				t.Error(err)
			}
			done <- buf.Bytes()
		}()
	}
	a, b := <-done, <-done
	if !bytes.Equal(a, b) {
		t.Error("two concurrent writes of one guide differ")
	}
	if err := guide.Dump(&after, g); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Error("Write changed the guide")
	}
}

func TestStylesheetOption(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleGuide(), Options{Stylesheet: []byte("body { color: black; }\n")}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(rootDir + cssFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var css bytes.Buffer
	css.ReadFrom(f)
	if !strings.HasPrefix(css.String(), "/* Fonts embedded") || !strings.HasSuffix(css.String(), "body { color: black; }\n") {
		t.Errorf("stylesheet:\n%s", css.String())
	}
}

// TestConformanceClaim checks that the package claims EPUB Accessibility
// 1.1 at WCAG 2.2 AA, says so in its summary, and that it claims nothing
// once an image lacks a text alternative or the guide's language is not
// a language tag; text alone is then not said to be enough either.
func TestConformanceClaim(t *testing.T) {
	const claim = `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>`
	opf := string(sampleBook(t).page(t, opfFile))
	for _, want := range []string{claim, "WCAG 2.2 at level AA.</meta>", `<meta property="schema:accessModeSufficient">textual</meta>`} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}

	g := sampleGuide()
	guide.Inspect(g, func(n guide.Node) bool {
		if img, ok := n.(*guide.Image); ok && img.Src == "falls.png" {
			img.Alt = ""
		}
		return true
	})
	opf = string(build(t, g).page(t, opfFile))
	for _, not := range []string{claim, "WCAG", `<meta property="schema:accessModeSufficient">textual</meta>`, "alternativeText"} {
		if strings.Contains(opf, not) {
			t.Errorf("a book with an image without alt text still states %s", not)
		}
	}
	if !strings.Contains(opf, `<meta property="schema:accessModeSufficient">textual,visual</meta>`) {
		t.Error("a book with an image without alt text does not say it needs sight too")
	}

	g = sampleGuide()
	g.Meta.Lang = "not a tag"
	if opf := string(build(t, g).page(t, opfFile)); strings.Contains(opf, claim) {
		t.Error("a book of undetermined language claims conformance")
	}
}

// TestLanguageOfParts checks that a span and a div of another language,
// and runs of another script in text, titles and captions, carry lang
// and xml:lang, and that the summary says so.
func TestLanguageOfParts(t *testing.T) {
	g := sampleGuide()
	var s *guide.Section
	for _, c := range g.Sections {
		if c.Kind == guide.FromNotes {
			s = c
			break
		}
	}
	s.Title = "Rivers: ποταμός"
	s.Sections[0].TitleLang = "es"
	s.Blocks = append(s.Blocks,
		para(txt("The word "), &guide.Span{Pos: guide.NoPos, Lang: "uk", Children: []guide.Inline{txt("річка")}}, txt(" and река.")),
		&guide.Div{Pos: guide.NoPos, Lang: "fr", Blocks: []guide.Block{para(txt("Un fleuve."))}},
	)
	b := build(t, g)
	var all strings.Builder
	for _, p := range b.pages() {
		all.Write(b.files[p])
	}
	text := all.String()
	for _, want := range []string{
		`">Rivers: <span lang="el" xml:lang="el">ποταμός</span></h1>`,
		`<span lang="uk" xml:lang="uk">річка</span> and <span lang="ru" xml:lang="ru">река</span>.`,
		`<div lang="fr" xml:lang="fr">`,
		`id="` + s.Sections[0].ID + `" lang="es" xml:lang="es">` + s.Sections[0].Title + `</h2>`,
		`">Rivers: <span lang="el" xml:lang="el">ποταμός</span></a>`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no page holds %s", want)
		}
	}
	if opf := string(b.page(t, opfFile)); !strings.Contains(opf, "marked with their language") {
		t.Error("the accessibility summary does not say that other languages are marked")
	}
}

// TestEmptyHeaderCell checks that a header cell with nothing in it is a
// plain cell, not a header a screen reader cannot name.
func TestEmptyHeaderCell(t *testing.T) {
	g := sampleGuide()
	s := g.Sections[len(g.Sections)-1]
	cell := func(s string) guide.Cell { return guide.Cell{Inlines: []guide.Inline{txt(s)}} }
	s.Blocks = append(s.Blocks, &guide.Table{Pos: guide.NoPos,
		Header: []guide.Cell{cell("Name"), {}},
		Rows:   [][]guide.Cell{{cell("Nile"), cell("long")}},
	})
	b := build(t, g)
	var all strings.Builder
	for _, p := range b.pages() {
		all.Write(b.files[p])
	}
	if want := `<tr><th scope="col">Name</th><td></td></tr>`; !strings.Contains(all.String(), want) {
		t.Errorf("no page holds %s", want)
	}
}
