package palace

import (
	"strings"
	"testing"

	"studyguide/builder/diag"
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
