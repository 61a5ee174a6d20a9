package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/texmath"
)

// formulaNode returns a formula read by texmath.Parse.
func formulaNode(t *testing.T, tex string, display bool) *guide.Formula {
	t.Helper()
	tree, problems := texmath.Parse(tex)
	if len(problems) > 0 {
		t.Fatalf("%s: %v", tex, problems)
	}
	return &guide.Formula{Pos: guide.NoPos, TeX: tex, Display: display, Tree: tree}
}

// physicsGuide returns a guide whose formulas stand in running text, on
// lines of their own, in a table and in a definition.
func physicsGuide(t *testing.T) *guide.Guide {
	text := func(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }
	f := func(tex string) *guide.Formula { return formulaNode(t, tex, false) }
	para := func(ins ...guide.Inline) *guide.Paragraph { return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins} }
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	blocks := []guide.Block{
		para(text("A body covers "), f(`s = ut + \frac{1}{2}at^2`), text(" in a time "), f(`t`), text(".")),
		para(text("The distance is the area under the graph:")),
		para(formulaNode(t, `s = \int_0^T v(t)\,dt`, true)),
		para(text("A pendulum swings with the period "), f(`T = 2\pi\sqrt{\frac{L}{g}}`), text(" while "), f(`\sin\theta \approx \theta`), text(".")),
		&guide.Table{
			Pos:    guide.NoPos,
			Align:  []guide.Align{guide.AlignLeft, guide.AlignLeft},
			Header: []guide.Cell{{Inlines: []guide.Inline{text("Law")}}, {Inlines: []guide.Inline{text("Formula")}}},
			Rows: [][]guide.Cell{
				{{Inlines: []guide.Inline{text("Gravitation")}}, {Inlines: []guide.Inline{f(`F = G\frac{m_1 m_2}{r^2}`)}}},
			},
		},
		&guide.DefinitionList{Pos: guide.NoPos, Items: []*guide.Definition{{
			Term:        []guide.Inline{text("Range")},
			Definitions: [][]guide.Block{{para(f(`R = \frac{v_0^2 \sin 2\theta}{g}`), text(" on level ground."))}},
		}}},
	}
	return &guide.Guide{
		Meta: guide.Meta{Title: "Motion", Lang: "en", Date: at, Modified: at,
			Identifier: "urn:uuid:00000000-0000-4000-8000-000000000016"},
		Sections: []*guide.Section{{ID: "motion", Title: "Motion", Level: 1, HeadingLevel: 2, Pos: guide.NoPos, Blocks: blocks}},
	}
}

// TestFormulasAreTypeset checks that formulas print as their symbols, in
// running text, on lines of their own, in tables and in definitions, in
// an embedded maths face, never as their TeX source.
func TestFormulasAreTypeset(t *testing.T) {
	path := writeFile(t, physicsGuide(t), Options{})
	checkers.Require(t, "pdftotext", "pdffonts")
	text := checkers.Run(t, "pdftotext", path, "-")
	for _, want := range []string{"∫", "√", "π", "θ", "≈", "Gravitation", "on level ground."} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	for _, raw := range []string{`\frac`, `\sqrt`, `^{`, `\int`, `\theta`, "$"} {
		if strings.Contains(text, raw) {
			t.Errorf("the PDF shows TeX: %q", raw)
		}
	}
	fonts := checkers.Run(t, "pdffonts", path)
	if !strings.Contains(fonts, "+NotoSansMath-Regular") {
		t.Errorf("no maths face among the PDF's fonts:\n%s", fonts)
	}
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(l); len(f) >= 5 && f[len(f)-5] != "yes" {
			t.Errorf("a font is not embedded: %s", l)
		}
	}
}

// TestFormulaLines checks the room formulas take: a line with a tall
// formula is taller than a plain one and its baseline lower, and a
// displayed formula is one box, centred, with space above and below.
func TestFormulaLines(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	l := &layouter{w: w}
	fr := frame{width: w.textW, style: body(w), lead: w.bodyLead, skip: parSkip * w.bodyLead}
	l.paragraph([]guide.Inline{&guide.Text{Pos: guide.NoPos, Text: "plain words"}}, fr)
	l.paragraph([]guide.Inline{formulaNode(t, `T = 2\pi\sqrt{\frac{L}{g}}`, false)}, fr)
	l.paragraph([]guide.Inline{formulaNode(t, `x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}`, true)}, fr)
	if len(l.out) != 3 {
		t.Fatalf("%d boxes, want three", len(l.out))
	}
	plain, tall, shown := l.out[0], l.out[1], l.out[2]
	if tall.h <= plain.h || tall.baseline <= plain.baseline {
		t.Errorf("a line with a fraction under a root is %.2f mm high (baseline %.2f), a plain one %.2f (%.2f)",
			tall.h, tall.baseline, plain.h, plain.baseline)
	}
	if shown.before < displaySkip*fr.lead-1e-9 || l.pending < displaySkip*fr.lead-1e-9 {
		t.Errorf("a displayed formula has %.2f mm before and %.2f after it", shown.before, l.pending)
	}
	if shown.h < 2*pt(fr.style.size) {
		t.Errorf("a displayed fraction is only %.2f mm high", shown.h)
	}
}

// TestFormulaRebuildsIdentically writes the same guide twice.
func TestFormulaRebuildsIdentically(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, physicsGuide(t), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, physicsGuide(t), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same formulas differ")
	}
}

// TestFormulaTableRows checks that a table row whose cell holds a tall
// formula is taller than a row of plain words.
func TestFormulaTableRows(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	l := &layouter{w: w}
	fr := frame{width: w.textW, style: body(w), lead: w.bodyLead, skip: parSkip * w.bodyLead}
	cell := func(ins ...guide.Inline) guide.Cell { return guide.Cell{Inlines: ins} }
	word := &guide.Text{Pos: guide.NoPos, Text: "word"}
	l.table(&guide.Table{
		Pos:   guide.NoPos,
		Align: []guide.Align{guide.AlignLeft, guide.AlignLeft},
		Rows: [][]guide.Cell{
			{cell(word), cell(word)},
			{cell(word), cell(formulaNode(t, `T = 2\pi\sqrt{\frac{L}{g}}`, false))},
			{cell(word), cell(word)},
		},
	}, fr)
	if len(l.out) < 3 {
		t.Fatalf("%d boxes", len(l.out))
	}
	rows := l.out[len(l.out)-3:]
	if rows[1].h <= rows[0].h || rows[2].h != rows[0].h {
		t.Errorf("row heights %.2f, %.2f, %.2f mm: want the middle one taller", rows[0].h, rows[1].h, rows[2].h)
	}
}

// TestFormulaKeepsWithItsLead checks that a paragraph that leads into a
// displayed equation is kept on the equation's page.
func TestFormulaKeepsWithItsLead(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	l := &layouter{w: w}
	fr := frame{width: w.textW, style: body(w), lead: w.bodyLead, skip: parSkip * w.bodyLead}
	lead := &guide.Paragraph{Pos: guide.NoPos, Inlines: []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: "The roots are"}}}
	shown := &guide.Paragraph{Pos: guide.NoPos, Inlines: []guide.Inline{formulaNode(t, `x = \frac{-b}{2a}`, true)}}
	after := &guide.Paragraph{Pos: guide.NoPos, Inlines: []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: "and so on."}}}
	l.blocks([]guide.Block{lead, shown, after}, fr)
	if len(l.out) != 3 {
		t.Fatalf("%d boxes, want three", len(l.out))
	}
	if !l.out[0].keepNext || l.out[1].keepNext {
		t.Errorf("keepNext of the lead, the formula: %v, %v; want true, false", l.out[0].keepNext, l.out[1].keepNext)
	}
}

// TestFormulaTooLarge checks that a formula larger than its room is set
// smaller rather than run off the page: a displayed one taller than the
// page, and one in a sentence wider than the line.
func TestFormulaTooLarge(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	l := &layouter{w: w}
	fr := frame{width: w.textW, style: body(w), lead: w.bodyLead, skip: parSkip * w.bodyLead}
	tall := `\begin{pmatrix}` + strings.Repeat(`1 & 2 \\ `, 200) + `3 & 4 \end{pmatrix}`
	l.paragraph([]guide.Inline{formulaNode(t, tall, true)}, fr)
	if len(l.out) != 1 || l.out[0].h > displayMaxPart*w.textH+1e-9 {
		t.Fatalf("a displayed matrix of 201 rows is %.1f mm high on a text block of %.1f", l.out[0].h, w.textH)
	}
	terms := make([]string, 200)
	for i := range terms {
		terms[i] = "x_{" + strconv.Itoa(i) + "}"
	}
	lines := w.typeset([]guide.Inline{formulaNode(t, strings.Join(terms, "+"), false)}, body(w), fr.width)
	if len(lines) != 1 || lines[0].w > fr.width+1e-9 {
		t.Errorf("a formula of 200 terms in a sentence takes %d lines, the first %.1f mm wide on a line of %.1f", len(lines), lines[0].w, fr.width)
	}
}
