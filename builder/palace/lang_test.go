package palace

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/figure"
	"studyguide/builder/labels"
)

// TestWordsFitInEveryLanguage draws palaces of one page and of three in
// every language of the catalogue and checks that the words the drawing
// adds (the label, the room count, the entrance and the line that says
// how to walk the plan) are drawn whole, each on its one line.
func TestWordsFitInEveryLanguage(t *testing.T) {
	for _, lang := range labels.Languages() {
		words := labels.For(lang)
		for _, tc := range []struct {
			loci, max int
			want      [][]string // per page
		}{
			{3, 12, [][]string{{
				words.Text("palace.label"), words.Format("palace.rooms", "total", 3),
				words.Text("palace.start"), words.Text("palace.walk-first"),
			}}},
			{9, 4, [][]string{
				{words.Format("palace.label-part", "n", 1, "total", 3), words.Format("palace.rooms-of", "from", 1, "to", 4, "total", 9),
					words.Text("palace.start"), words.Format("palace.walk-next", "n", 5)},
				{words.Format("palace.walk-next", "n", 9)},
				{words.Format("palace.label-part", "n", 3, "total", 3), words.Format("palace.room-of", "n", 9, "total", 9),
					words.Format("palace.walk-on", "n", 8)},
			}},
		} {
			g := read(t, "rivers.md", "---\nlang: "+lang+"\n---\n"+lociNote(tc.loci), nil)
			Build(g, Options{MaxStations: tc.max})
			pal, _ := palaceSection(t, g)
			sc := scenes(pal)
			if len(sc) != len(tc.want) {
				t.Fatalf("%s, %d loci: %d pages, want %d", lang, tc.loci, len(sc), len(tc.want))
			}
			for i, s := range sc {
				name := fmt.Sprintf("%s, %d loci, page %d", lang, tc.loci, i+1)
				checkScene(t, name, s)
				lines := sceneLines(s)
				for _, w := range tc.want[i] {
					// The drawing breaks lines at spaces of every kind,
					// so a no-break space is drawn as a space.
					w = strings.ReplaceAll(w, "\u00a0", " ")
					if !slices.Contains(lines, w) {
						t.Errorf("%s: %q is not drawn whole on one line; the lines are %q", name, w, lines)
					}
				}
			}
		}
	}
}

// sceneLines returns every line of text a scene draws, in painting order.
func sceneLines(s *figure.Scene) []string {
	rec := &recorder{}
	figure.Draw(s, rec)
	var out []string
	for _, tx := range rec.texts {
		for _, l := range tx.Lines {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}
