package palace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
)

// seedNote is the user's example notes, kept outside the repository.
const seedNote = "../../../shared/seed/nato-peacekeeping.md"

// read parses a note from its text, collecting diagnostics in list.
func read(t *testing.T, name, text string, list *diag.List) *guide.Guide {
	t.Helper()
	g, err := markdown.Read(diag.NewFile(name, []byte(text), list), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// readSeed reads the seed note, or skips the test when it is not here.
func readSeed(t *testing.T, list *diag.List) *guide.Guide {
	t.Helper()
	b, err := os.ReadFile(seedNote)
	if err != nil {
		t.Skip("the seed note is not here")
	}
	return read(t, "nato-peacekeeping.md", string(b), list)
}

// lociNote returns a note with n numbered key points and a mind-palace
// section with one locus for each, the cues of varying length.
func lociNote(n int) string {
	var b strings.Builder
	b.WriteString("# Rivers of the World\n\n## The rivers\n\n")
	rivers := []string{"Nile", "Amazon", "Yangtze", "Mississippi", "Yenisei", "Yellow River", "Ob", "Paraná",
		"Congo", "Amur", "Lena", "Mekong", "Mackenzie", "Niger", "Murray", "Volga", "Danube", "Rhine",
		"Ganges", "Indus", "Zambezi", "Tigris", "Euphrates", "Orinoco"}
	cues := []string{
		"A crocodile guarding the front door.",
		"Rain pouring through the ceiling onto a jungle of house plants.",
		"A long dragon boat racing along the hall carpet, drums beating.",
		"A paddle steamer stuck in the bathtub.",
		"Snow falling on a sleeping bear.",
		"Yellow mud on the stairs.",
		"A fishing rod leaning on the wardrobe.",
		"Waterfalls spilling from the bookshelf, so loud that the whole house shakes and the neighbours complain about the noise every single night.",
	}
	for i := range n {
		num := fmt.Sprintf("%d. ", i+1)
		fmt.Fprintf(&b, "%s**%s**:\n%s- The **%s** is one of the great rivers, studied since the %ds.\n",
			num, rivers[i%len(rivers)], strings.Repeat(" ", len(num)), rivers[i%len(rivers)], 1800+10*i)
	}
	b.WriteString("\n## Memory palace\n\nPicture the rivers as **a flooded house**:\n\n")
	for i := range n {
		fmt.Fprintf(&b, "- **%s**: %s\n", rivers[i%len(rivers)], cues[i%len(cues)])
	}
	return b.String()
}

// palaceSection returns the guide's palace section and walk-through.
func palaceSection(t *testing.T, g *guide.Guide) (palace, walk *guide.Section) {
	t.Helper()
	g.WalkSections(func(s *guide.Section) bool {
		switch s.Kind {
		case guide.Palace:
			palace = s
		case guide.WalkThrough:
			walk = s
		}
		return true
	})
	if palace == nil || walk == nil {
		t.Fatalf("no palace (%v) or walk-through (%v)", palace != nil, walk != nil)
	}
	return palace, walk
}

// scenes returns the scenes of a palace section's figures.
func scenes(s *guide.Section) []*figure.Scene {
	var out []*figure.Scene
	for _, b := range s.Blocks {
		if f, ok := b.(*guide.Figure); ok {
			out = append(out, f.Scene)
		}
	}
	return out
}

// writeHTML writes each scene as an HTML page into the folder named by
// PALACE_HTML, to look at in a browser.
func writeHTML(t *testing.T, name string, sc []*figure.Scene) {
	dir := os.Getenv("PALACE_HTML")
	if dir == "" {
		return
	}
	for i, s := range sc {
		page := "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:8px;font-family:'Noto Sans',sans-serif} svg{display:block;max-width:100%}</style></head><body>" +
			string(figure.SVG(s, figure.SVGOptions{ID: fmt.Sprintf("p%d", i)})) + "</body></html>"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.html", name, i+1)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
