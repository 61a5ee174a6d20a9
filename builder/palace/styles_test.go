package palace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/guide"
)

// walked returns the stations of a built palace as "Name: cue -> target
// title" lines, read from the walk-through in walking order.
func walked(t *testing.T, g *guide.Guide) []string {
	t.Helper()
	_, walk := palaceSection(t, g)
	targets := map[string]string{}
	g.WalkSections(func(s *guide.Section) bool { targets["#"+s.ID] = s.Title; return true })
	for id, title := range keyTitles(g) {
		targets["#"+id] = title
	}
	var out []string
	for _, it := range walk.Blocks[1].(*guide.List).Items {
		// The station's name is its bold text and its cue its italic
		// text, however the guide's language joins them.
		var name, cue string
		for _, in := range it.Blocks[0].(*guide.Paragraph).Inlines {
			switch in := in.(type) {
			case *guide.Strong:
				name = guide.PlainText(in.Children)
			case *guide.Emph:
				cue = guide.PlainText(in.Children)
			}
		}
		line := name
		if cue != "" {
			line += ": " + cue
		}
		target := ""
		if len(it.Blocks) > 1 {
			last := it.Blocks[len(it.Blocks)-1].(*guide.Paragraph)
			for _, in := range last.Inlines {
				if l, ok := in.(*guide.Link); ok {
					target = targets[l.URL]
				}
			}
		}
		out = append(out, line+" -> "+target)
	}
	return out
}

// buildStyle reads a note of testdata/styles, finds its facts as a build
// does and adds the palace, failing on any diagnostic.
func buildStyle(t *testing.T, name string) *guide.Guide {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "styles", name))
	if err != nil {
		t.Fatal(err)
	}
	var list diag.List
	g := read(t, name, string(src), &list)
	enrich.Extract(g)
	Build(g, Options{})
	if len(list) != 0 {
		t.Errorf("%s: diagnostics %v", name, list)
	}
	return g
}

// respirationWalk is the walk every style of the cell-respiration note
// gives: six loci in order, each linked by its cue.
var respirationWalk = []string{
	"Front door: a giant sugar cube split in two by an axe… -> Splitting glucose",
	"Hallway: a train of pyruvate rolling into the mitochondrion for the link reaction. -> Link reaction",
	"Kitchen: a round pot stirred by Krebs himself, bubbling with carbon dioxide. -> The Krebs Cycle",
	"Living room: a bucket chain passing electrons along the transport chain. -> Electron Transport Chain",
	"Staircase: a revolving door turned by protons… -> ATP synthase",
	"Bedroom: a sleepy runner whose legs burn with lactate… -> Fermentation",
}

// TestPalaceStyles builds the same six loci written in each style a
// teacher uses and checks that each gives the same walk.
func TestPalaceStyles(t *testing.T) {
	// The walk in prose words its cues in sentences of its own.
	prose := []string{
		"A giant sugar cube is split in two by an axe: glycolysis.",
		"A train of pyruvate rolls into the mitochondrion for the link reaction.",
		"Krebs himself stirs a round pot bubbling with carbon dioxide.",
		"A bucket chain passes electrons along the transport chain.",
		"A revolving door is turned by protons: ATP synthase at work.",
		"A sleepy runner’s legs burn with lactate. That is fermentation.",
	}
	for _, name := range []string{"bulleted-em-dash.md", "numbered-en-dash.md", "plain-and-bold.md", "headings.md", "prose.md"} {
		t.Run(name, func(t *testing.T) {
			g := buildStyle(t, name)
			pal, _ := palaceSection(t, g)
			if pal.Title != "Mind palace: power station" {
				t.Errorf("title %q", pal.Title)
			}
			got := walked(t, g)
			if len(got) != len(respirationWalk) {
				t.Fatalf("%d stations:\n%s", len(got), strings.Join(got, "\n"))
			}
			for i, w := range respirationWalk {
				locus, rest, _ := strings.Cut(w, ": ")
				cue, target, _ := strings.Cut(rest, " -> ")
				cue = strings.TrimSuffix(cue, "…")
				if name == "prose.md" {
					cue = prose[i]
				}
				gotName, gotRest, _ := strings.Cut(got[i], ": ")
				gotCue, gotTarget, _ := strings.Cut(gotRest, " -> ")
				if gotName != locus || !strings.HasPrefix(strings.ToLower(gotCue), strings.ToLower(cue)) || gotTarget != target {
					t.Errorf("station %d:\n got %s\nwant %s", i+1, got[i], w)
				}
			}
		})
	}
}

func TestPalaceStylesInOtherLanguages(t *testing.T) {
	revolution := []string{
		"Entrée: Un coffre vide et des créanciers : la crise financière. -> La crise financière",
		"Salon: Voltaire lit à voix haute les Lumières. -> Les Lumières",
		"Cuisine: Trois tabourets pour les États généraux. -> Les États généraux",
		"Balcon: Une pierre de la Bastille. -> La prise de la Bastille",
		"Bureau: Un parchemin : la Déclaration des droits. -> La Déclaration des droits",
		"Cave: Une guillotine qui attend Robespierre. -> Le Comité de salut public",
	}
	for name, want := range map[string][]string{
		"francais-prose.md":  revolution,
		"francais-titres.md": revolution,
		"deutsch-liste.md": {
			"Haustür: eine Sonne, die das Meer verdunstet. -> Sonne",
			"Flur: Wasserdampf steigt die Wände hoch. -> Wasserdampf",
			"Küche: Wolken über dem Herd. -> Wolken",
			"Bad: Regen aus der Dusche. -> Regen",
		},
	} {
		t.Run(name, func(t *testing.T) {
			g := buildStyle(t, name)
			if got := walked(t, g); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("stations\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
		})
	}
}

// TestPalaceFromEverySection checks that notes without a palace section
// get a station from every key point of every section, in reading order.
func TestPalaceFromEverySection(t *testing.T) {
	g := buildStyle(t, "no-palace.md")
	got := walked(t, g)
	want := []string{
		"Splitting glucose: glucose -> Splitting glucose",
		"Energy payoff: ATP -> Energy payoff",
		"Link reaction: acetyl-CoA -> Link reaction",
		"Turning the cycle: Krebs cycle -> Turning the cycle",
		"Proton pumping: protons -> Proton pumping",
		"ATP synthase: ATP synthase -> ATP synthase",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stations\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// TestPalaceOfManyKeyPoints checks that key points too many for one page
// give one station per section, and that a note whose only top-level
// section holds the others is walked through those.
func TestPalaceOfManyKeyPoints(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Chemistry\n\n## Elements\n\n")
	for _, sec := range []string{"Metals", "Gases", "Salts"} {
		fmt.Fprintf(&b, "### %s\n\n", sec)
		for i := range 5 {
			fmt.Fprintf(&b, "- **%s %d**: the **%s term %d**.\n", sec, i, sec, i)
		}
		b.WriteString("\n")
	}
	b.WriteString("## History\n\nNo key points here.\n")
	var list diag.List
	g := read(t, "chem.md", b.String(), &list)
	enrich.Extract(g)
	Build(g, Options{})
	want := []string{"Metals: Metals term 0 -> Metals", "Gases: Gases term 0 -> Gases", "Salts: Salts term 0 -> Salts"}
	if got := walked(t, g); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stations %q, want %q", got, want)
	}
	if len(list) != 0 {
		t.Errorf("diagnostics %v", list)
	}
}

// TestOddPalaceSections checks that palace sections written in odd ways
// give a palace or none, never a panic, and no warning.
func TestOddPalaceSections(t *testing.T) {
	for name, body := range map[string]string{
		"bold across sentences": "At the **front door. In the hall** a cube. In the **kitchen**. On the **stairs** a pot.",
		"empty bold":            "At the **** door. In the ** ** hall.",
		"only punctuation":      "- : —\n- — :\n- **:**\n",
		"digit headings":        "### 1.\n\n### 2)\n\nText.\n\n### —\n",
		"nested cues":           "- **Front door**\n  - a sugar cube\n- **Hall**\n\n  A pot.\n",
		"bold only":             "**Front door** **Hall** **Kitchen**",
		"colon lead only":       "Imagine **a house**:",
		"long place":            "At the **" + strings.Repeat("very ", 20) + "door** a cube. In the **hall** a pot.",
	} {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			g := read(t, "odd.md", "# Odd\n\n## Cells\n\n- **Membrane**: the **lipid** wall.\n- **Nucleus**: the **DNA** store.\n\n## Mind palace\n\n"+body+"\n", &list)
			enrich.Extract(g)
			Build(g, Options{})
			for _, d := range list {
				if !strings.Contains(d.Message, "too long for its room") && !strings.Contains(d.Message, "lists no stations") {
					t.Errorf("diagnostic %v", d)
				}
			}
		})
	}
	g := read(t, "odd.md", "# Odd\n\n## Mind palace\n\n- **Front door**\n  - a sugar cube\n- **Hall**\n\n  A pot.\n", nil)
	Build(g, Options{})
	if got := walked(t, g); strings.Join(got, "|") != "Front door: a sugar cube -> |Hall: A pot. -> " {
		t.Errorf("cues under their loci: %q", got)
	}
}

// TestMoreStyles checks styles teachers use besides the five main ones:
// a walk whose places open their sentences, a table of loci, rooms
// grouped under a heading per floor, and loci numbered with a
// parenthesis.
func TestMoreStyles(t *testing.T) {
	const planets = "# The Solar System\n\n## Inner planets\n\n- **Mercury**: closest to the Sun.\n- **Venus**: hottest planet.\n- **Earth**: our home.\n- **Mars**: the red planet.\n\n"
	for name, tc := range map[string]struct{ note, want string }{
		"places open sentences": {
			planets + "## Memory palace\n\nMy walk starts at the **mailbox**, where a tiny Mercury messenger drops letters. The **porch** is scorching hot like Venus. The **living room** holds a globe of Earth. Finally the **garage** is full of red Mars rust.\n",
			"Mailbox: My walk starts at the mailbox, where a tiny Mercury messenger drops letters. -> Mercury|" +
				"Porch: The porch is scorching hot like Venus. -> Venus|" +
				"Living room: The living room holds a globe of Earth. -> Earth|" +
				"Garage: Finally the garage is full of red Mars rust. -> Mars",
		},
		"key terms in the walk": {
			planets + "## Memory palace\n\nAt the **mailbox** a messenger drops letters. **Mercury** is the fastest. In the **kitchen** the oven glows. **Venus** is the hottest. On the **stairs** lies a globe. **Earth** spins.\n",
			"Mailbox: A messenger drops letters. Mercury is the fastest. -> Mercury|" +
				"Kitchen: The oven glows. Venus is the hottest. -> Venus|" +
				"Stairs: On the stairs lies a globe. Earth spins. -> Earth",
		},
		"table": {
			planets + "## Mind palace\n\n| Locus | Cue |\n|---|---|\n| Door | a winged messenger: Mercury |\n| Hall | a hot oven, Venus |\n",
			"Door: a winged messenger: Mercury -> Mercury|Hall: a hot oven, Venus -> Venus",
		},
		"floors": {
			planets + "## Memory palace\n\n### Ground floor\n\n- Door: Mercury's letters\n- Hall: Venus's oven\n\n### First floor\n\n- Landing: Earth as a globe\n- Bathroom: a kettle\n",
			"Door: Mercury’s letters -> Mercury|Hall: Venus’s oven -> Venus|Landing: Earth as a globe -> Earth|Bathroom: a kettle -> ",
		},
		"numbered headings": {
			planets + "## Memory palace\n\n### Station 1: Mailbox\n\nA messenger, Mercury.\n\n### Station 2: Porch — a hot oven, Venus\n\nIt burns.\n",
			"Mailbox: A messenger, Mercury. -> Mercury|Porch: a hot oven, Venus -> Venus",
		},
		"numbered with a parenthesis": {
			planets + "## Method of Loci\n\n1) Bedroom: Mercury on the pillow\n2) Garden: Mars in the flower bed\n",
			"Bedroom: Mercury on the pillow -> Mercury|Garden: Mars in the flower bed -> Mars",
		},
	} {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			g := read(t, "planets.md", tc.note, &list)
			enrich.Extract(g)
			Build(g, Options{})
			if got := strings.Join(walked(t, g), "|"); got != tc.want {
				t.Errorf("stations\n got %s\nwant %s", got, tc.want)
			}
			if len(list) != 0 {
				t.Errorf("diagnostics %v", list)
			}
		})
	}
}

func TestThemeOfAWalkInProse(t *testing.T) {
	for text, want := range map[string]bool{
		"Imagine the flat as a **power station**.":            true,
		"Walk through the **cell factory**:":                  true,
		"Imagine a **cell factory**.":                         true,
		"Stell dir die Wohnung als **Kraftwerk** vor.":        true,
		"Imagine you stand at the **front door**, by a cube.": false,
		"At the **front door**, a giant sugar cube splits.":   false,
		"The **porch** is scorching hot.":                     false,
		"Imaginez la maison comme un **musée**.":              true,
	} {
		f := flatten(read(t, "t.md", text, nil).Sections[0].Blocks[0].(*guide.Paragraph).Inlines)
		if len(f.strong) == 0 {
			// The reader takes a note's first line as its title only
			// when it is a heading.
			t.Fatalf("%q: no bold phrase", text)
		}
		if got := isThemeSentence(f.text, f.text[:f.strong[0][0]]); got != want {
			t.Errorf("isThemeSentence(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestCuesTakenFromProseAreCutQuietly checks that a cue the build cut
// from running text may be shortened in a crowded drawing with no
// warning, while a cue the notes wrote as a list item still warns.
func TestCuesTakenFromProseAreCutQuietly(t *testing.T) {
	var walk, items strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&walk, "In the **room %d** a very large elephant wearing a bright purple hat stands quietly waiting by the window, holding a lantern. ", i)
		fmt.Fprintf(&items, "- **Room %d**: a very large elephant wearing a bright purple hat stands quietly waiting by the window, holding a lantern, and it never leaves the house at all.\n", i)
	}
	for _, tc := range []struct {
		body  string
		warns bool
	}{{walk.String(), false}, {items.String(), true}} {
		var list diag.List
		g := read(t, "long.md", "# Long\n\n## Mind palace\n\n"+tc.body+"\n", &list)
		Build(g, Options{})
		if got := len(walked(t, g)); got != 12 {
			t.Errorf("%d stations", got)
		}
		if (len(list) > 0) != tc.warns {
			t.Errorf("warnings %v; want some: %v", list, tc.warns)
		}
	}
}

func TestMatchStation(t *testing.T) {
	cands := []*candidate{
		{ID: "front", Title: "Front-line troops", KeyPoint: true},
		{ID: "supply", Title: "Supply lines", KeyPoint: true},
		{ID: "libya", Title: "Operation Unified Protector: Libya", KeyPoint: true},
	}
	for _, c := range cands {
		c.words, c.cueWords, c.termWords = wordSet(c.Title), map[string]bool{}, map[string]bool{}
		for _, w := range significantWords(c.Title) {
			c.cueWords[w] = true
		}
	}
	for _, tc := range []struct{ name, cue, want string }{
		{"Front door", "a lorry of supplies blocks it", "supply"}, // the cue beats a word of the name
		{"Front door", "a cat", "front"},                          // else part of the name
		{"Libya", "jets over the supply lines", "libya"},          // the whole name wins
		{"Kitchen", "a pot of soup", ""},
	} {
		got := ""
		if c := matchStation(&station{Name: tc.name, Cue: tc.cue}, cands); c != nil {
			got = c.ID
		}
		if got != tc.want {
			t.Errorf("%s (%s) stands for %q, want %q", tc.name, tc.cue, got, tc.want)
		}
	}
}

// TestLeadOfAWalkInProse checks that a first sentence whose bold phrase is
// no place names the theme when the walk has places enough without it,
// and that in English "a" leads to no place.
func TestLeadOfAWalkInProse(t *testing.T) {
	const planets = "# The Solar System\n\n## Inner planets\n\n- **Mercury**: closest to the Sun.\n- **Venus**: hottest planet.\n\n"
	for _, tc := range []struct{ walk, title, stations string }{
		{
			"My flat is a **solar system**. At the **door** a messenger, Mercury. In the **kitchen** a hot oven, Venus.",
			"Mind palace: solar system",
			"Door: A messenger, Mercury. -> Mercury|Kitchen: A hot oven, Venus. -> Venus",
		},
		{
			"My flat is a **solar system**.\n\nAt the **door** a messenger, Mercury. The planet is a **messenger**. In the **kitchen** a hot oven, Venus.",
			"Mind palace: solar system",
			"Door: A messenger, Mercury. The planet is a messenger. -> Mercury|Kitchen: A hot oven, Venus. -> Venus",
		},
		{
			"You open the **front door**: Mercury runs out. You reach the **kitchen**: Venus bakes.",
			"Mind palace: The Solar System",
			"Front door: Mercury runs out. -> Mercury|Kitchen: Venus bakes. -> Venus",
		},
	} {
		g := read(t, "p.md", planets+"## Memory palace\n\n"+tc.walk+"\n", nil)
		enrich.Extract(g)
		Build(g, Options{})
		pal, _ := palaceSection(t, g)
		if got := strings.Join(walked(t, g), "|"); pal.Title != tc.title || got != tc.stations {
			t.Errorf("%q:\n got %s, %s\nwant %s, %s", tc.walk, pal.Title, got, tc.title, tc.stations)
		}
	}
}
