package palace

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
)

// keyTitles maps key-point ids to their titles.
func keyTitles(g *guide.Guide) map[string]string {
	m := map[string]string{}
	var visit func([]guide.Block)
	visit = func(bs []guide.Block) {
		for _, b := range bs {
			if l, ok := b.(*guide.List); ok {
				for _, it := range l.Items {
					if it.Key != nil {
						m[it.Key.ID] = it.Key.Title
					}
					visit(it.Blocks)
				}
			}
		}
	}
	g.WalkSections(func(s *guide.Section) bool { visit(s.Blocks); return true })
	return m
}

// links returns the targets of a scene's links in painting order.
func links(s *figure.Scene) []string {
	rec := &recorder{}
	figure.Draw(s, rec)
	var out []string
	for _, l := range rec.links {
		out = append(out, l.Target)
	}
	return out
}

func TestSeedPalace(t *testing.T) {
	var list diag.List
	g := readSeed(t, &list)
	Build(g, Options{})
	if len(list) != 0 {
		t.Errorf("warnings: %v", list)
	}
	pal, walk := palaceSection(t, g)
	if pal.Title != "Mind palace: rescue force" {
		t.Errorf("palace title %q", pal.Title)
	}
	// Both sections follow the notes' own mind-palace section, at the top
	// level, in that order, with its heading level.
	n := len(g.Sections)
	if n < 3 || g.Sections[n-3].ID != "mind-palace-technique" || g.Sections[n-2] != pal || g.Sections[n-1] != walk {
		t.Errorf("sections end with %v", sectionIDs(g.Sections))
	}
	if pal.Level != 1 || pal.HeadingLevel != 4 || walk.HeadingLevel != 4 {
		t.Errorf("levels %d/%d, %d", pal.Level, pal.HeadingLevel, walk.HeadingLevel)
	}

	titles := keyTitles(g)
	want := []struct{ name, target string }{
		{"Balkans Operations", "Balkans Operations: Bosnia and Kosovo"},
		{"Afghanistan", "Afghanistan: Reconstruction and Peacebuilding"},
		{"Libya", "Operation Unified Protector: Libya"},
		{"Disaster Relief", "Disaster Relief and Humanitarian Aid"},
		{"Training Missions", "Training Missions and Capacity Building"},
	}
	sc := scenes(pal)
	if len(sc) != 1 {
		t.Fatalf("%d pages, want 1", len(sc))
	}
	targets := links(sc[0])
	if len(targets) != len(want) {
		t.Fatalf("links %v", targets)
	}
	fig := pal.Blocks[0].(*guide.Figure)
	if !fig.FullPage || fig.Kind != guide.Palace || fig.ID == "" {
		t.Errorf("figure %+v", fig)
	}
	for i, w := range want {
		if titles[targets[i]] != w.target {
			t.Errorf("station %d links to %q (%s), want %q", i+1, titles[targets[i]], targets[i], w.target)
		}
		if !strings.Contains(fig.Alt, fmt.Sprintf("%d %s", i+1, w.name)) {
			t.Errorf("alt text %q lacks station %d %s", fig.Alt, i+1, w.name)
		}
	}
	if !strings.Contains(sc[0].Desc, "1. Balkans Operations: Peacekeepers securing the streets") {
		t.Errorf("description %q", sc[0].Desc)
	}
	checkScene(t, "seed", sc[0])

	// The walk-through lists the stations in order, each linked.
	items := walk.Blocks[1].(*guide.List).Items
	if len(items) != 5 {
		t.Fatalf("walk-through has %d items", len(items))
	}
	for i, it := range items {
		head := it.Blocks[0].(*guide.Paragraph)
		if s, ok := head.Inlines[0].(*guide.Strong); !ok || guide.PlainText(s.Children) != want[i].name {
			t.Errorf("walk-through item %d opens with %q", i+1, guide.PlainText(head.Inlines))
		}
		last := it.Blocks[len(it.Blocks)-1].(*guide.Paragraph)
		link, ok := last.Inlines[1].(*guide.Link)
		if !ok || link.URL != "#"+targets[i] || guide.PlainText(link.Children) != want[i].target {
			t.Errorf("walk-through item %d ends with %q", i+1, guide.PlainText(last.Inlines))
		}
	}
	// Without study facts the first sentence of the key point's body
	// stands for it.
	if got := guide.PlainText(items[2].Blocks[1].(*guide.Paragraph).Inlines); !strings.HasPrefix(got, "In 2011, NATO led Operation Unified Protector in Libya") {
		t.Errorf("Libya's facts: %q", got)
	}
}

func sectionIDs(ss []*guide.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func TestStudyFactsFillTheWalkThrough(t *testing.T) {
	var list diag.List
	g := readSeed(t, &list)
	var libya string
	for id, title := range keyTitles(g) {
		if title == "Operation Unified Protector: Libya" {
			libya = id
		}
	}
	g.Study = &guide.Study{KeyPoints: []*guide.KeyPointFacts{{
		ID: libya, Title: "Operation Unified Protector: Libya", Terms: []string{"Operation Unified Protector", "UN mandate"},
		Dates: []string{"2011"}, Gist: "In 2011, NATO led Operation Unified Protector.",
	}}}
	Build(g, Options{})
	_, walk := palaceSection(t, g)
	libyaItem := walk.Blocks[1].(*guide.List).Items[2]
	var texts []string
	for _, b := range libyaItem.Blocks {
		texts = append(texts, guide.PlainText(b.(*guide.Paragraph).Inlines))
	}
	got := strings.Join(texts, " | ")
	want := "Libya: Jets enforcing a no-fly zone, ensuring civilian protection. | In 2011, NATO led Operation Unified Protector. | Key terms: Operation Unified Protector, UN mandate. When: 2011. | See Operation Unified Protector: Libya."
	if got != want {
		t.Errorf("Libya's item\n got %s\nwant %s", got, want)
	}
}

func TestTwentyLociTakeTwoPages(t *testing.T) {
	var list diag.List
	g := read(t, "rivers.md", lociNote(20), &list)
	Build(g, Options{})
	pal, walk := palaceSection(t, g)
	sc := scenes(pal)
	if len(sc) != 2 {
		t.Fatalf("%d pages, want 2", len(sc))
	}
	for i, want := range []int{12, 8} {
		if got := len(links(sc[i])); got != want {
			t.Errorf("page %d has %d stations, want %d", i+1, got, want)
		}
		checkScene(t, fmt.Sprintf("page %d", i+1), sc[i])
	}
	if n := len(walk.Blocks[1].(*guide.List).Items); n != 20 {
		t.Errorf("walk-through has %d items", n)
	}
	f2 := pal.Blocks[1].(*guide.Figure)
	if !strings.Contains(f2.Alt, "13 Mackenzie") || !strings.Contains(f2.Alt, "and 20 Indus") || !strings.Contains(sc[1].Title, "part 2 of 2") {
		t.Errorf("page 2: alt %q, title %q", f2.Alt, sc[1].Title)
	}
	// The one cue too long for a room on a full page is cut, with a
	// warning that points at its line.
	var cut []string
	for _, d := range list {
		cut = append(cut, fmt.Sprintf("%d: %s", d.Line, d.Message))
	}
	if len(cut) != 2 || !strings.HasPrefix(cut[0], "57: mind-palace station \"Paraná\" is too long") {
		t.Errorf("warnings: %q", cut)
	}
}

func TestPalaceFromKeyPoints(t *testing.T) {
	note := `# Weather

## Clouds

Clouds form when **water vapour** condenses.

## Kinds of weather

1. **Rain**: falls from **nimbostratus** clouds.
2. **Snow**: needs air below **freezing**.
3. **Hail**: grows inside **cumulonimbus** towers.

## Storms

- **Thunder**: the sound of **lightning**.
- **Wind**: moving air.
`
	var list diag.List
	g := read(t, "weather.md", note, &list)
	Build(g, Options{})
	pal, walk := palaceSection(t, g)
	if pal.Title != "Mind palace: Weather" || g.Sections[len(g.Sections)-1] != walk || pal.HeadingLevel != 2 {
		t.Errorf("palace %q at %v", pal.Title, sectionIDs(g.Sections))
	}
	items := walk.Blocks[1].(*guide.List).Items
	var got []string
	for _, it := range items {
		got = append(got, guide.PlainText(it.Blocks[0].(*guide.Paragraph).Inlines))
	}
	// Every section with key points gives stations, in reading order.
	if want := "Rain: nimbostratus | Snow: freezing | Hail: cumulonimbus | Thunder: lightning | Wind"; strings.Join(got, " | ") != want {
		t.Errorf("stations %q, want %q", strings.Join(got, " | "), want)
	}
	if len(list) != 0 {
		t.Errorf("warnings: %v", list)
	}

	// With study facts, the cue is the key point's first key term.
	g = read(t, "weather.md", note, &list)
	ids := map[string]string{}
	for id, title := range keyTitles(g) {
		ids[title] = id
	}
	g.Study = &guide.Study{KeyPoints: []*guide.KeyPointFacts{{ID: ids["Snow"], Title: "Snow", Terms: []string{"Freezing air"}}}}
	Build(g, Options{})
	_, walk = palaceSection(t, g)
	if got := guide.PlainText(walk.Blocks[1].(*guide.List).Items[1].Blocks[0].(*guide.Paragraph).Inlines); got != "Snow: Freezing air" {
		t.Errorf("with study facts: %q", got)
	}
}

// A key point with no bold term in it is remembered by the start of its
// gist; the walk-through, which has room for words, gives the whole gist
// as the cue and does not repeat it below.
func TestKeyPointWithoutTermsIsCuedByItsGist(t *testing.T) {
	note := "# Tides\n\n1. **Spring tides**: when the sun and the moon pull in a line, twice a month, the range is widest of all.\n2. **Neap tides**: the **quarter moon** pulls across the sun.\n"
	var list diag.List
	g := read(t, "tides.md", note, &list)
	ids := map[string]string{}
	for id, title := range keyTitles(g) {
		ids[title] = id
	}
	g.Study = &guide.Study{KeyPoints: []*guide.KeyPointFacts{
		{ID: ids["Spring tides"], Title: "Spring tides", Gist: "when the sun and the moon pull in a line, twice a month, the range is widest of all."},
		{ID: ids["Neap tides"], Title: "Neap tides", Terms: []string{"quarter moon"}},
	}}
	Build(g, Options{})
	_, walk := palaceSection(t, g)
	var got []string
	for _, it := range walk.Blocks[1].(*guide.List).Items {
		got = append(got, guide.PlainText(it.Blocks[0].(*guide.Paragraph).Inlines))
	}
	if want := "Spring tides: when the sun and the moon pull in a line, twice a month, the range is widest of all. | Neap tides: quarter moon"; strings.Join(got, " | ") != want {
		t.Errorf("stations %q, want %q", strings.Join(got, " | "), want)
	}
	if n := strings.Count(guide.BlocksText(walk.Blocks[1].(*guide.List).Items[0].Blocks), "twice a month"); n != 1 {
		t.Errorf("the walk gives the spring tides' gist %d times, want once", n)
	}
}

func TestPalaceFromSections(t *testing.T) {
	note := "# Cells\n\n## Membrane\n\nThe **membrane** holds the cell together.\n\n## Nucleus\n\nThe **nucleus** holds the DNA.\n\n### Nucleolus\n\nMakes ribosomes.\n"
	var list diag.List
	g := read(t, "cells.md", note, &list)
	Build(g, Options{})
	_, walk := palaceSection(t, g)
	var got []string
	for _, it := range walk.Blocks[1].(*guide.List).Items {
		got = append(got, guide.PlainText(it.Blocks[0].(*guide.Paragraph).Inlines))
	}
	if want := "Membrane: membrane | Nucleus: nucleus"; strings.Join(got, " | ") != want {
		t.Errorf("stations %q, want %q", strings.Join(got, " | "), want)
	}
}

// TestNothingToWalk checks that notes with no station get no palace.
// Turning the palace off by flag or front matter is the study aids'
// business: see package aids.
func TestNothingToWalk(t *testing.T) {
	g := read(t, "x.md", "Just a line.\n", nil)
	before := len(g.Sections)
	Build(g, Options{})
	if len(g.Sections) != before {
		t.Error("the palace was built")
	}
}

// TestStationsStandForThemselves checks that a station links to what its
// name matches, else to what its cue matches, and that one that matches
// nothing links nowhere with no warning.
func TestStationsStandForThemselves(t *testing.T) {
	note := `# Space

## Sputnik and the First Satellites

Launched in 1957.

## Walking in Space and Docking

Leonov, 1965.

## Apollo Moon Landings

Armstrong, 1969.

### Method of loci

Picture **the house**:

- **Sputnik**: a ball on the doormat.
- **Spacewalk**: a suit in the hall.
- **Kitchen**: a pot of soup.
- **Bathroom**: Armstrong bouncing in the bath, as on the **Apollo** missions.
`
	var list diag.List
	g := read(t, "space.md", note, &list)
	Build(g, Options{})
	pal, walk := palaceSection(t, g)
	// A nested palace section gets its new sections beside it.
	parent := g.Sections[2]
	if len(parent.Sections) != 3 || parent.Sections[1] != pal || parent.Sections[2] != walk || pal.Level != 2 || pal.HeadingLevel != 3 {
		t.Errorf("placed at %v (level %d, h%d)", sectionIDs(parent.Sections), pal.Level, pal.HeadingLevel)
	}
	if got := links(scenes(pal)[0]); strings.Join(got, " ") != "sputnik-and-the-first-satellites walking-in-space-and-docking apollo-moon-landings" {
		t.Errorf("links %v", got)
	}
	if len(list) != 0 {
		t.Errorf("warnings: %v", list)
	}
	if pal.Title != "Mind palace: the house" {
		t.Errorf("theme: %q", pal.Title)
	}
	// The kitchen's walk-through item has its cue and no link.
	kitchen := walk.Blocks[1].(*guide.List).Items[2]
	if len(kitchen.Blocks) != 1 || guide.PlainText(kitchen.Blocks[0].(*guide.Paragraph).Inlines) != "Kitchen: a pot of soup." {
		t.Errorf("the kitchen's item: %q", guide.BlocksText(kitchen.Blocks))
	}
}

func TestNewIDsAreUnique(t *testing.T) {
	note := "# T\n\n## Mind palace\n\nSee the **hall**:\n\n- **Walking the palace**: feet.\n\n## Walking the palace\n\nText.\n\n## Mind palace 2\n\nMore.\n"
	g := read(t, "t.md", note, nil)
	Build(g, Options{})
	pal, walk := palaceSection(t, g)
	seen := g.IDs()
	if pal.ID == "mind-palace" || walk.ID == "walking-the-palace" || !seen.Taken(pal.ID) || !seen.Taken(walk.ID) {
		t.Errorf("ids %s, %s among %v", pal.ID, walk.ID, sectionIDs(g.Sections))
	}
	count := map[string]int{}
	g.WalkSections(func(s *guide.Section) bool { count[s.ID]++; return true })
	for id, n := range count {
		if n > 1 {
			t.Errorf("id %s used %d times", id, n)
		}
	}
}

func TestGoldenSVG(t *testing.T) {
	var list diag.List
	src, err := os.ReadFile("../../source/space-race.md")
	if err != nil {
		t.Fatal(err)
	}
	sample := read(t, "space-race.md", string(src), &list)
	Build(sample, Options{})
	rivers := read(t, "rivers.md", lociNote(20), &list)
	Build(rivers, Options{})
	samplePal, _ := palaceSection(t, sample)
	riverPal, _ := palaceSection(t, rivers)
	for name, sc := range map[string]*figure.Scene{
		"space-race.svg": scenes(samplePal)[0],
		"twenty-1.svg":   scenes(riverPal)[0],
		"twenty-2.svg":   scenes(riverPal)[1],
	} {
		got := figure.SVG(sc, figure.SVGOptions{ID: "palace", Href: func(id string) string { return "section.xhtml#" + id }})
		golden.Check(t, filepath.Join("testdata", name), got)
	}
	writeHTML(t, "space-race", scenes(samplePal))
	writeHTML(t, "twenty", scenes(riverPal))
}

func TestBuildIsDeterministic(t *testing.T) {
	svg := func() []byte {
		g := read(t, "rivers.md", lociNote(20), nil)
		Build(g, Options{})
		pal, _ := palaceSection(t, g)
		var b []byte
		for _, s := range scenes(pal) {
			b = append(b, figure.SVG(s, figure.SVGOptions{})...)
		}
		return b
	}
	a := svg()
	for range 3 {
		if !bytes.Equal(a, svg()) {
			t.Fatal("two builds drew different palaces")
		}
	}
}

func TestMatch(t *testing.T) {
	cands := []*candidate{
		{ID: "race", Title: "Milestones of the Race"},
		{ID: "sputnik", Title: "Sputnik and the First Satellites", KeyPoint: true},
		{ID: "people", Title: "The First People in Space", KeyPoint: true},
		{ID: "walk", Title: "Walking in Space and Docking", KeyPoint: true},
		{ID: "missions", Title: "Key NATO Peacekeeping and Humanitarian Missions"},
		{ID: "training", Title: "Training Missions and Capacity Building", KeyPoint: true},
		{ID: "natos", Title: "NATO’s Approach to Peacekeeping"},
	}
	for _, c := range cands {
		c.words = wordSet(c.Title)
	}
	for name, want := range map[string]string{
		"Sputnik":               "sputnik",
		"First People in Space": "people",
		"Spacewalk":             "walk",
		"Training Missions":     "training",
		"NATO's approach":       "natos",
		"Missions":              "training", // a key point beats a section
		"Kitchen":               "",
		"the":                   "",
	} {
		got := ""
		if c := match(name, cands); c != nil {
			got = c.ID
		}
		if got != want {
			t.Errorf("match(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"NATO led ISAF. It ended in 2014.":                  "NATO led ISAF.",
		"The U.S. and the U.K. joined. Then more.":          "The U.S. and the U.K. joined.",
		"See e.g. Kosovo. Then Libya.":                      "See e.g. Kosovo.",
		"No full stop here":                                 "No full stop here",
		"In 1999. 2000 came next.":                          "In 1999.",
		strings.Repeat("word ", 40) + "end. Next sentence.": strings.TrimSpace(strings.Repeat("word ", 25)) + "…",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryPageSizeIsLegible(t *testing.T) {
	for n := 2; n <= 26; n++ {
		g := read(t, "rivers.md", lociNote(n), nil)
		Build(g, Options{})
		pal, _ := palaceSection(t, g)
		sc := scenes(pal)
		if want := (n + 11) / 12; len(sc) != want {
			t.Errorf("%d stations: %d pages, want %d", n, len(sc), want)
		}
		for i, s := range sc {
			checkScene(t, fmt.Sprintf("%d stations, page %d", n, i+1), s)
		}
	}
}

func TestLongNamesAndWordsAreCut(t *testing.T) {
	note := "# Words\n\n## Mind palace\n\nPicture **" + strings.Repeat("an extraordinarily long theme ", 6) + "**:\n\n" +
		"- **Pneumonoultramicroscopicsilicovolcanoconiosis and Supercalifragilisticexpialidocious Together Forever and Ever**: " +
		strings.Repeat("A cue that goes on and on. ", 20) + "\n" +
		"- **Short**: Incomprehensibilities" + strings.Repeat("x", 60) + ".\n"
	var list diag.List
	g := read(t, "words.md", note, &list)
	Build(g, Options{MaxStations: 12})
	pal, _ := palaceSection(t, g)
	checkScene(t, "long", scenes(pal)[0])
	var msgs []string
	for _, d := range list {
		msgs = append(msgs, d.Message)
	}
	if !strings.Contains(strings.Join(msgs, "\n"), `"Pneumonoultramicroscopicsilicovolcanoconiosis and Supercalifragilisticexpialidocious Together Forever and Ever" is too long`) {
		t.Errorf("warnings: %q", msgs)
	}
}

func TestMaxStations(t *testing.T) {
	for _, tc := range []struct{ max, stations, pages int }{
		{2, 5, 3}, {4, 8, 2}, {40, 20, 2}, {-1, 12, 1},
	} {
		g := read(t, "r.md", lociNote(tc.stations), nil)
		Build(g, Options{MaxStations: tc.max})
		pal, _ := palaceSection(t, g)
		sc := scenes(pal)
		if len(sc) != tc.pages {
			t.Errorf("%d stations, %d a page: %d pages, want %d", tc.stations, tc.max, len(sc), tc.pages)
		}
		for i, s := range sc {
			checkScene(t, fmt.Sprintf("max %d, page %d", tc.max, i+1), s)
		}
	}
}

// TestPalaceHasAtMostMaxStations checks that a palace from the notes' own
// section, from key points or from sections keeps its first MaxStations
// stations, with one warning at the first one left out.
func TestPalaceHasAtMostMaxStations(t *testing.T) {
	const n = MaxStations + 10
	var points, sections strings.Builder
	points.WriteString("# Points\n\n## All\n\n")
	sections.WriteString("# Sections\n\n")
	for i := range n {
		fmt.Fprintf(&points, "- **Point %d**: the **term %d** in %d.\n", i, i, 1900+i%100)
		fmt.Fprintf(&sections, "## Section %d\n\nThe **term %d** in %d.\n\n", i, i, 1900+i%100)
	}
	for _, tc := range []struct{ name, note, at string }{
		{"palace section", lociNote(n), ""},
		{"key points", points.String(), fmt.Sprintf("r.md:%d:1:", 5+MaxStations)},
		{"sections", sections.String(), fmt.Sprintf("r.md:%d:1:", 3+4*MaxStations)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var list diag.List
			g := read(t, "r.md", tc.note, &list)
			Build(g, Options{})
			_, walk := palaceSection(t, g)
			if got := len(walk.Blocks[1].(*guide.List).Items); got != MaxStations {
				t.Errorf("%d stations walked through, want %d", got, MaxStations)
			}
			var warned []string
			for _, d := range list {
				if strings.Contains(d.Message, "stations; only the first") {
					warned = append(warned, d.String())
				}
			}
			want := fmt.Sprintf("warning: the mind palace would have %d stations; only the first %d are drawn and walked through", n, MaxStations)
			if len(warned) != 1 || !strings.Contains(warned[0], want) || !strings.HasPrefix(warned[0], tc.at) {
				t.Errorf("warnings %q, want one %s%q", warned, tc.at, want)
			}
		})
	}
}
