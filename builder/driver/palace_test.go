package driver

import (
	"context"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/labels"
)

// palaceNotes are notes that write their mind palace in each style a
// teacher uses, kept beside the palace stage's own tests.
const palaceNotes = "../palace/testdata/styles"

// builtPalace builds a note into EPUB and PDF and returns the EPUB's
// palace drawing's caption, the fragment ids its rooms link to in walking
// order, the walk-through's items, and the PDF's pages. The build must
// report nothing: a clean note with its own palace builds under --strict.
func builtPalace(t *testing.T, note string) (caption string, links, items, pdfPages []string) {
	t.Helper()
	dir := t.TempDir()
	res, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("%s: diagnostics\n%v", note, res.Diagnostics)
	}
	base := filepath.Join(dir, noteName(note))
	pages := map[string]*node{}
	for name, data := range epubContents(t, base+".epub") {
		if strings.HasSuffix(name, ".xhtml") {
			pages[path.Base(name)] = parsePage(t, data)
		}
	}
	for _, p := range pages {
		for _, fig := range p.all(named("figure")) {
			svgs := fig.all(named("svg"))
			if len(svgs) == 0 {
				continue
			}
			for _, c := range fig.all(named("figcaption")) {
				caption = c.textOf()
			}
			for _, a := range svgs[0].all(named("a")) {
				_, id, _ := strings.Cut(a.attr["href"], "#")
				links = append(links, id)
			}
		}
		for _, sec := range p.all(named("section")) {
			if !hasClass("walkthrough")(sec) {
				continue
			}
			for _, ol := range sec.all(named("ol")) {
				for _, li := range ol.children {
					if li.name == "li" {
						items = append(items, strings.Join(strings.Fields(li.textOf()), " "))
					}
				}
			}
		}
	}
	if caption == "" || len(items) == 0 {
		t.Fatalf("%s: no palace drawing (%q) or walk-through (%d items)", note, caption, len(items))
	}
	return caption, links, items, pdfText(t, base+".pdf")
}

// inOrder reports the first of want that text lacks, or holds before the
// one ahead of it.
func inOrder(text string, want []string) string {
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w
		}
		at += i + len(w)
	}
	return ""
}

// TestPalaceStylesBuild builds the same six loci written in five styles
// and checks each real build: six stations in walking order, each linked
// to the section or key point its cue names, every cue in the
// walk-through, and every room drawn in the PDF.
func TestPalaceStylesBuild(t *testing.T) {
	loci := []string{"Front door", "Hallway", "Kitchen", "Living room", "Staircase", "Bedroom"}
	targets := []string{"kp-splitting-glucose", "kp-link-reaction", "the-krebs-cycle", "electron-transport-chain", "kp-atp-synthase", "fermentation"}
	cues := []string{"sugar cube", "pyruvate", "Krebs", "bucket chain", "revolving door", "lactate"}
	for _, name := range []string{"bulleted-em-dash.md", "numbered-en-dash.md", "plain-and-bold.md", "headings.md", "prose.md"} {
		t.Run(name, func(t *testing.T) {
			caption, links, items, pdfPages := builtPalace(t, filepath.Join(palaceNotes, name))
			if miss := inOrder(caption, loci); miss != "" {
				t.Errorf("the drawing's caption lacks %q or has it out of order: %q", miss, caption)
			}
			if strings.Join(links, " ") != strings.Join(targets, " ") {
				t.Errorf("rooms link to\n%v, want\n%v", links, targets)
			}
			if len(items) != len(loci) {
				t.Fatalf("%d walk-through items: %q", len(items), items)
			}
			for i, it := range items {
				if !strings.HasPrefix(it, loci[i]+": ") || !strings.Contains(it, cues[i]) {
					t.Errorf("walk-through item %d: %q; want %s and its cue with %q", i+1, it, loci[i], cues[i])
				}
			}
			found := false
			for _, p := range pdfPages {
				p = strings.Join(strings.Fields(p), " ")
				// pdftotext reads the rooms row by row, not in walking
				// order.
				all := strings.Contains(p, "Power station")
				for _, l := range loci {
					all = all && strings.Contains(p, l)
				}
				found = found || all
			}
			if !found {
				t.Error("no PDF page draws the palace with its six rooms")
			}
		})
	}
}

// TestPalaceFromTwoSectionsBuild builds notes with no palace section and
// key points in several sections: every such section gives stations, in
// reading order, and a French note's own palace links by its cues.
func TestPalaceFromTwoSectionsBuild(t *testing.T) {
	caption, links, _, _ := builtPalace(t, filepath.Join(palaceNotes, "no-palace.md"))
	want := []string{"kp-splitting-glucose", "kp-energy-payoff", "kp-link-reaction", "kp-turning-the-cycle", "kp-proton-pumping", "kp-atp-synthase"}
	if strings.Join(links, " ") != strings.Join(want, " ") {
		t.Errorf("rooms link to\n%v, want\n%v", links, want)
	}
	if miss := inOrder(caption, []string{"Splitting glucose", "Turning the cycle", "ATP synthase"}); miss != "" {
		t.Errorf("the caption lacks %q: %q", miss, caption)
	}

	caption, links, items, _ := builtPalace(t, filepath.Join(palaceNotes, "francais-prose.md"))
	if miss := inOrder(caption, []string{"Entrée", "Salon", "Cuisine", "Balcon", "Bureau", "Cave"}); miss != "" {
		t.Errorf("the French caption lacks %q: %q", miss, caption)
	}
	// The item joins the room and its cue as French does, with a space
	// before the colon (read back as a plain space).
	cave := strings.Join(strings.Fields(labels.For("fr").Format("pair", "name", "Cave", "text", "Une guillotine qui attend Robespierre.")), " ")
	if len(links) != 6 || len(items) != 6 || !strings.HasPrefix(items[5], cave) {
		t.Errorf("French palace: links %v, items %q", links, items)
	}
}
