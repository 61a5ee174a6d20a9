package enrich

import (
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// mathsNotes has formulas in the gists of key points, in the sentences
// that explain key terms, in a long sentence whose gist is cut in the
// middle of a formula, in bold, and in a sentence with a date.
const mathsNotes = `# Mechanics

## Motion

1. **Uniform acceleration**: a body that starts at speed $u$ covers $s = ut + \frac{1}{2}at^2$ in a time $t$.
2. **A long point**: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two $x = a + b + c + d + e + f + g + h$ and more words after it to pass the slack.

The **velocity** $\vec{v}$ of a body is how fast its place changes, $\vec{v} = \frac{d\vec{r}}{dt}$.

A bold formula **$F = ma$** is no key term, and **momentum** $p = mv$ was named in 1687 with $x = 1687$ nearby.
`

// TestFormulasInStudyAids checks that the formulas of a gist and of a
// term's meaning travel into them as formulas, that a cut gist never
// shows part of a formula, that bold maths is no key term, and that the
// prompt of a question shows formulas as formula pieces that no blank
// hides.
func TestFormulasInStudyAids(t *testing.T) {
	g, _ := readNote(t, "maths.md", []byte(mathsNotes))
	enrichAll(g)
	kps := g.Study.KeyPoints
	if len(kps) != 2 {
		t.Fatalf("%d key points, want 2", len(kps))
	}
	if got := kindsOf(kps[0].GistInlines); got != "text formula text formula text formula text" {
		t.Errorf("gist of the first key point: %s (%q)", got, kps[0].Gist)
	}
	long := kps[1]
	if !strings.HasSuffix(long.Gist, "h…") || kindsOf(long.GistInlines) != "text formula text" {
		t.Errorf("cut gist %q (%s): want it to end after the whole formula", long.Gist, kindsOf(long.GistInlines))
	}
	var velocity *guide.Term
	for _, term := range g.Study.Terms {
		if strings.Contains(term.Name, "=") {
			t.Errorf("key term %q is a formula", term.Name)
		}
		if term.Name == "velocity" {
			velocity = term
		}
	}
	if velocity == nil || kindsOf(velocity.Meaning) != "text formula text formula text" {
		t.Fatalf("velocity: %+v", velocity)
	}
	if first := velocity.Meaning[0].(*guide.Text).Text; !strings.HasPrefix(first, "The velocity") {
		t.Errorf("meaning starts %q", first)
	}
	formulaPieces := 0
	for _, q := range g.Study.Questions {
		for _, p := range q.Prompt {
			if p.Formula != nil {
				formulaPieces++
				if p.Text != p.Formula.Text() {
					t.Errorf("formula piece %q, want its linear form %q", p.Text, p.Formula.Text())
				}
			}
			if p.Blank && strings.ContainsAny(p.Text, "=+⃗") {
				t.Errorf("a blank hides maths: %q", p.Text)
			}
		}
	}
	if formulaPieces == 0 {
		t.Error("no question shows a formula")
	}
}

// kindsOf names the kinds of inlines, "text" or "formula", in order.
func kindsOf(ins []guide.Inline) string {
	var out []string
	for _, in := range ins {
		switch in.(type) {
		case *guide.Text:
			out = append(out, "text")
		case *guide.Formula:
			out = append(out, "formula")
		default:
			out = append(out, "other")
		}
	}
	return strings.Join(out, " ")
}

// TestFlattenFirst checks that flattenFirst skips paragraphs without
// words, flattens the first with words when it holds a formula, and
// gives an empty flat when it holds none.
func TestFlattenFirst(t *testing.T) {
	blank := &guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "  "}, &guide.Break{}}}
	plain := &guide.Paragraph{Inlines: []guide.Inline{&guide.Strong{Children: []guide.Inline{&guide.Text{Text: "Plain"}}}, &guide.Text{Text: " words."}}}
	maths := &guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "So "}, &guide.Formula{TeX: "x=1"}, &guide.Text{Text: "."}}}
	list := func(ps ...*guide.Paragraph) guide.Block {
		l := &guide.List{}
		for _, p := range ps {
			l.Items = append(l.Items, &guide.ListItem{Blocks: []guide.Block{p}})
		}
		return l
	}
	if f := flattenFirst([]guide.Block{blank, list(maths, plain)}); f.text != "So x=1." || len(f.formulas) != 1 {
		t.Errorf("blank, then maths: %q with %d formulas, want the maths", f.text, len(f.formulas))
	}
	if f := flattenFirst([]guide.Block{list(blank, plain), maths}); f.text != "" || f.formulas != nil {
		t.Errorf("blank, plain, then maths: %q with %d formulas, want nothing", f.text, len(f.formulas))
	}
}
