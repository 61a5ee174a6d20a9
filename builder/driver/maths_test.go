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
