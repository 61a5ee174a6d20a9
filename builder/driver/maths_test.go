package driver

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// mathsNote is a physics teacher's note of formulas in TeX: fractions,
// roots, integrals with limits, sums, Greek letters, vectors, a matrix,
// cases, displayed formulas, formulas in a heading, a table and a
// footnote, an escaped dollar and prices.
var mathsNote = filepath.Join("testdata", "maths", "motion.md")

// mathsOptions build the maths note with its recap, strictly: every
// formula is in the subset.
var mathsOptions = Options{Outputs: []string{"epub", "pdf", "recap"}, Strict: true}

// rawTeX matches what a formula left as TeX shows: a command of the
// subset, a braced script, or a formula still between dollars.
var rawTeX = regexp.MustCompile(`\\(frac|sqrt|int|sum|vec|begin|alpha|theta|lambda|left)\b|[\^_]\{|\$[^\s$][^$]*[^\s$]\$`)

// TestMathsInTheEPUB builds the maths note and checks that every formula
// is MathML (fractions as mfrac, roots as msqrt, displayed formulas as
// blocks) on pages whose manifest entries say they hold MathML, that no
// text of the book shows TeX, that the escaped dollar and the prices are
// text, that the study aids (summary tables, glossary, self-test) show
// formulas as MathML, and that EPUBCheck passes the book.
func TestMathsInTheEPUB(t *testing.T) {
	b := buildOnce(t, mathsNote, mathsOptions)
	seen := map[*guide.Formula]bool{}
	display := 0
	guide.Inspect(b.guide, func(n guide.Node) bool {
		if f, ok := n.(*guide.Formula); ok && !seen[f] {
			seen[f] = true
			if f.Tree == nil {
				t.Errorf("formula %q has no tree", f.TeX)
			}
			if f.Display {
				display++
			}
		}
		return true
	})
	if len(seen) < 30 || display < 5 {
		t.Fatalf("the note holds %d formulas, %d displayed; want at least 30 and 5", len(seen), display)
	}

	files := epubContents(t, b.epub)
	opf := string(files["EPUB/package.opf"])
	var all, text strings.Builder
	maths := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		page := string(data)
		all.WriteString(page)
		text.WriteString(xhtmlText(t, data))
		n := strings.Count(page, `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="`)
		maths += n
		entry := regexp.MustCompile(`<item [^>]*href="` + regexp.QuoteMeta(strings.TrimPrefix(name, "EPUB/")) + `"[^>]*>`).FindString(opf)
		if marked := strings.Contains(entry, "mathml"); marked != (n > 0) {
			t.Errorf("%s holds %d formulas, but its manifest entry is %s", name, n, entry)
		}
	}
	if maths < len(seen) {
		t.Errorf("the book holds %d math elements for the notes' %d formulas", maths, len(seen))
	}
	for _, want := range []string{
		`<mfrac><mn>1</mn><mn>2</mn></mfrac>`,
		`<msqrt><mrow><mn>2</mn><mi>g</mi><mi>h</mi></mrow></msqrt>`,
		`alttext="s = ut + \frac{1}{2}at^2" display="block"`,
		`<munderover><mo largeop="true" movablelimits="true">∑</mo>`,
		`<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>`,
		`<mtable class="cases"`,
		`<mo form="prefix" stretchy="true" symmetric="true">(</mo><mtable>`,
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no page holds %s", want)
		}
	}
	if m := rawTeX.FindAllString(text.String(), 5); len(m) > 0 {
		t.Errorf("the book's text shows TeX: %q", m)
	}
	for _, want := range []string{"costs $5 a week", "cost $5 and $10"} {
		if !strings.Contains(strings.Join(strings.Fields(text.String()), " "), want) {
			t.Errorf("the book's text lacks %q", want)
		}
	}

	// The study aids carry the formulas themselves.
	cells := regexp.MustCompile(`(?s)<td class="col-(in-one-line|meaning)"[^>]*>(.*?)</td>`)
	withMaths := map[string]int{}
	for _, m := range cells.FindAllStringSubmatch(all.String(), -1) {
		if strings.Contains(m[2], "<math ") {
			withMaths[m[1]]++
		}
	}
	if withMaths["in-one-line"] < 5 || withMaths["meaning"] < 2 {
		t.Errorf("summary and glossary cells with formulas: %v; want formulas in the gists and meanings", withMaths)
	}
	quiz := false
	for name, data := range files {
		// The self-test's page is the one whose questions have blanks.
		if strings.HasSuffix(name, ".xhtml") && strings.Contains(string(data), `class="blank"`) {
			quiz = quiz || strings.Contains(string(data), "<math ")
		}
	}
	if !quiz {
		t.Error("no question of the self-test shows a formula")
	}

	v := epubcheckVerdict(t, b.epub)
	if len(v.Errors)+len(v.Warnings) > 0 {
		t.Errorf("epubcheck: %s", strings.Join(v.Problems(), "\n"))
	}
}

// TestFormulaIsNoKeyTerm checks that bold maths is emphasis: no key term
// is a formula, and no blank of the self-test hides one.
func TestFormulaIsNoKeyTerm(t *testing.T) {
	var diags diag.List
	g, err := readNote(mathsNote, &diags)
	if err != nil {
		t.Fatal(err)
	}
	aids.Run(g, nil)
	var names []string
	for _, term := range g.Study.Terms {
		names = append(names, term.Name)
	}
	if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "=") }) {
		t.Errorf("key terms %q include a formula", names)
	}
	for _, want := range []string{"velocity", "spring constant", "cut-off frequency"} {
		if !slices.Contains(names, want) {
			t.Errorf("key terms %q lack %q", names, want)
		}
	}
	for _, q := range g.Study.Questions {
		for _, p := range q.Prompt {
			if p.Blank && strings.ContainsAny(p.Text, "=√∫∑") {
				t.Errorf("question %s blanks a formula: %q", q.ID, p.Text)
			}
		}
	}
}

// TestFormulaInHeading checks that a formula in a heading is shown as a
// formula wherever the guides show the heading as text they set: as
// MathML in the section's heading, the self-test's group heading and the
// summary table's caption of the EPUB, typeset in the PDF, whose text
// and outline read its symbols; and that the places that take plain text
// (the nav document, the NCX, the PDF's bookmarks) give its linear form,
// never its TeX, and tag no letter of it as Greek.
func TestFormulaInHeading(t *testing.T) {
	b := buildOnce(t, mathsNote, mathsOptions)
	const linear = "Waves, ω = 2πf"
	files := epubContents(t, b.epub)
	heading := regexp.MustCompile(`<(h[1-6]|caption)[^>]*>([^<]*)<math xmlns="[^"]+" alttext="\\omega = 2\\pi f" display="inline">(.*?)</math></(h[1-6]|caption)>`)
	shown := map[string]int{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".xhtml") || name == "EPUB/nav.xhtml" {
			continue
		}
		for _, m := range heading.FindAllStringSubmatch(string(data), -1) {
			if !strings.Contains(m[3], "<mi>ω</mi>") || !strings.Contains(m[3], "<mi>π</mi>") {
				t.Errorf("%s: the heading's formula is %s", name, m[3])
			}
			kind := m[1]
			if kind != "caption" {
				kind = "heading"
			}
			shown[kind]++
		}
	}
	// The section's own heading and its group of questions in the
	// self-test; the caption of its summary table.
	if shown["heading"] < 2 || shown["caption"] < 1 {
		t.Errorf("headings and captions with the formula as MathML: %v; want 2 headings and a caption", shown)
	}
	nav := string(files["EPUB/nav.xhtml"])
	if !strings.Contains(nav, ">"+linear+"</a>") || strings.Contains(nav, "<math") {
		t.Errorf("the nav document does not list %q as plain text:\n%s", linear, nav)
	}
	if ncx := string(files["EPUB/toc.ncx"]); !strings.Contains(ncx, "<text>"+linear+"</text>") {
		t.Errorf("the NCX does not list %q", linear)
	}

	if !slices.Contains(pdfOutline(t, b.pdf), linear) {
		t.Errorf("the PDF's outline %q lacks %q", pdfOutline(t, b.pdf), linear)
	}
	pages := pdfText(t, b.pdf)
	count := 0
	for _, page := range pages {
		for line := range strings.Lines(page) {
			// The contents, the heading, the caption and the group of
			// questions.
			if strings.Contains(line, linear) {
				count++
			}
		}
	}
	if count < 4 {
		t.Errorf("the PDF's text reads %q on %d lines; want it in the contents, the heading, the caption and the self-test", linear, count)
	}
	if m := rawTeX.FindAllString(strings.Join(pages, "\n"), 5); len(m) > 0 {
		t.Errorf("the PDF's text shows TeX: %q", m)
	}
}

// TestAnswerWithFormula checks that the answer key shows an answer that
// holds a formula as MathML and no TeX, and that a key point whose title
// holds a formula is named with it by the answer key, the at-a-glance
// table and the question that asks about it.
func TestAnswerWithFormula(t *testing.T) {
	b := buildOnce(t, mathsNote, mathsOptions)
	files := epubContents(t, b.epub)
	item := regexp.MustCompile(`(?s)<li>(.*?)</li>`)
	var key string
	for name, data := range files {
		if strings.HasSuffix(name, ".xhtml") && strings.Contains(string(data), `class="level-1 aid answers"`) {
			key = string(data)
		}
	}
	if key == "" {
		t.Fatal("no page holds the answer key")
	}
	found := false
	for _, m := range item.FindAllStringSubmatch(key, -1) {
		if strings.Contains(m[1], "travels at") {
			found = true
			if !strings.Contains(m[1], `alttext="v = f\lambda"`) {
				t.Errorf("the answer on wave speed does not show its formula as MathML: %s", m[1])
			}
		}
	}
	if !found {
		t.Error("the answer key has no answer on wave speed")
	}
	// A key point whose bold title holds a formula is named with it
	// where the answer key and the at-a-glance table link to it.
	named := regexp.MustCompile(`<a href="[^"]*#kp-force[^"]*"[^>]*>Force, <math [^>]*alttext="\\frac\{dp\}\{dt\}"`)
	if !named.MatchString(key) {
		t.Error("the answer key does not name the key point on force with its formula")
	}
	glance := 0
	for _, data := range files {
		if strings.Contains(string(data), `class="level-1 aid glance"`) {
			glance += len(named.FindAllString(string(data), -1))
		}
	}
	if glance != 1 {
		t.Errorf("the at-a-glance table names the key point on force with its formula %d times, want once", glance)
	}
	// The question on that key point asks about it with its formula.
	asked := false
	for _, data := range files {
		asked = asked || regexp.MustCompile(`Explain: Force, <math [^>]*alttext="\\frac\{dp\}\{dt\}"`).Match(data)
	}
	if !asked {
		t.Error("no question asks about the key point on force with its formula")
	}
	if m := rawTeX.FindAllString(xhtmlText(t, []byte(key)), 5); len(m) > 0 {
		t.Errorf("the answer key shows TeX: %q", m)
	}
}

// TestMathsFontEmbedded checks that a book with formulas embeds the
// maths face, with its licence, an @font-face rule and the face named for
// math elements, and that a book without formulas embeds none of it.
func TestMathsFontEmbedded(t *testing.T) {
	const file = "fonts/NotoSansMath-Regular.ttf"
	maths := epubContents(t, buildOnce(t, mathsNote, mathsOptions).epub)
	opf := string(maths["EPUB/package.opf"])
	if !strings.Contains(opf, `href="`+file+`" media-type="font/ttf"`) {
		t.Errorf("the package of a book with formulas lists no %s:\n%s", file, opf)
	}
	font := maths["EPUB/"+file]
	if len(font) == 0 || len(font) > 200_000 {
		t.Errorf("the maths face is %d bytes; want a subset", len(font))
	}
	css := string(maths["EPUB/style.css"])
	for _, want := range []string{`src: url("` + file + `")`, "math {\n  font-family: \"Noto Sans Math\""} {
		if !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks %q", want)
		}
	}
	if licence := string(maths["EPUB/licence.xhtml"]); !strings.Contains(licence, "Noto Sans Math") {
		t.Error("the licence page does not name Noto Sans Math")
	}

	plain := epubContents(t, buildOnce(t, scriptsNote, Options{}).epub)
	if _, ok := plain["EPUB/"+file]; ok || strings.Contains(string(plain["EPUB/package.opf"]), "NotoSansMath") {
		t.Error("a book without formulas embeds the maths face")
	}
	if strings.Contains(string(plain["EPUB/style.css"]), `url("`+file+`")`) {
		t.Error("the stylesheet of a book without formulas loads the maths face")
	}
}
