package palace

import (
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/guide"
)

// TestWalkSaysEachFactOnce builds a palace from key points, whose cues are
// the points' own words, one of them longer than a room can hold: each
// room of the walk-through gives the whole point once, never cut short and
// never twice.
func TestWalkSaysEachFactOnce(t *testing.T) {
	long := "Glucose is split in the cytoplasm into two molecules of pyruvate, " +
		"which yields a small net gain of ATP and of NADH for the cell to use later on."
	note := "# Respiration\n\n## Glycolysis\n\n- **Glycolysis**: " + long + "\n" +
		"- **Pyruvate**: Pyruvate enters the mitochondrion.\n\n" +
		"## Krebs cycle\n\n- **Krebs cycle**: Acetyl-CoA is broken down in the matrix.\n" +
		"- **Electron transport**: It makes most of the ATP.\n"
	var list diag.List
	g := read(t, "r.md", note, &list)
	Build(g, Options{})
	_, walk := palaceSection(t, g)
	items := walk.Blocks[1].(*guide.List).Items
	if len(items) != 4 {
		t.Fatalf("%d rooms walked through, want 4", len(items))
	}
	for _, it := range items {
		text := guide.BlocksText(it.Blocks)
		for _, fact := range []string{long, "Pyruvate enters the mitochondrion", "Acetyl-CoA is broken down in the matrix", "It makes most of the ATP"} {
			if n := strings.Count(strings.ToLower(text), strings.ToLower(fact)); n > 1 {
				t.Errorf("room %q says %q %d times", text, fact, n)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("room %q is cut short", text)
		}
	}
	if first := guide.BlocksText(items[0].Blocks); !strings.Contains(first, long) {
		t.Errorf("first room %q lacks its whole key point", first)
	}
}

// TestWalkShowsFormulas checks that the walk-through keeps the formulas
// of what it tells: a cue of the notes' palace that holds one, the first
// sentence of the section a room stands for, the titles of its key
// points and the heading of that section, each shows the formula
// itself, not its linear text.
func TestWalkShowsFormulas(t *testing.T) {
	note := "# Statistik\n\n## Die Normalverteilung $\\mathcal{N}(\\mu, \\sigma^2)$\n\n" +
		"Die Dichte ist $f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-x^2}$ für alle reellen $x$.\n\n" +
		"1. **Der Wert $z$**: Er misst den Abstand zum Mittel.\n2. **Die Regel**: Zwei Drittel liegen nahe am Mittel.\n\n" +
		"## Streuung\n\nDie Spannweite ist der Abstand der Extreme.\n\n" +
		"## Gedächtnispalast\n\n1. **Küche**: Der Kühlschrank zeigt $\\bar{x}$ auf einem Zettel.\n" +
		"2. **Garten**: Eine Glocke aus Blumen, die Normalverteilung.\n"
	var list diag.List
	g := read(t, "s.md", note, &list)
	enrich.Extract(g)
	Build(g, Options{})
	_, walk := palaceSection(t, g)
	items := walk.Blocks[1].(*guide.List).Items
	if len(items) != 2 {
		t.Fatalf("%d rooms walked through, want 2", len(items))
	}
	formulas := func(it *guide.ListItem) []string {
		var out []string
		for _, b := range it.Blocks {
			guide.Inspect(b, func(n guide.Node) bool {
				if f, ok := n.(*guide.Formula); ok {
					out = append(out, f.TeX)
				}
				return true
			})
		}
		return out
	}
	if got := formulas(items[0]); len(got) != 1 || got[0] != `\bar{x}` {
		t.Errorf("the kitchen's cue shows formulas %q, want \\bar{x}", got)
	}
	got := strings.Join(formulas(items[1]), " | ")
	for _, want := range []string{`f(x) =`, `\mathcal{N}(\mu, \sigma^2)`, ` | z | `} {
		if !strings.Contains(got, want) {
			t.Errorf("the garden's room shows formulas %q, lacking %q", got, want)
		}
	}
	if text := guide.BlocksText(items[1].Blocks); strings.Contains(text, `\frac`) {
		t.Errorf("the garden's room shows TeX: %q", text)
	}
}
