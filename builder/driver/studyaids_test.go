package driver

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
)

// seedBook builds the seed notes once for the package and returns the EPUB's pages
// parsed, keyed by file name, and the PDF's path.
func seedBook(t *testing.T) (pages map[string]*node, pdfPath string) {
	t.Helper()
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("the seed notes are not beside the checkout")
	}
	b := buildOnce(t, seedPath, Options{})
	pages = map[string]*node{}
	for name, data := range epubContents(t, b.epub) {
		if strings.HasSuffix(name, ".xhtml") {
			pages[path.Base(name)] = parsePage(t, data)
		}
	}
	return pages, b.pdf
}

// pageHeaded returns the page whose h1 is title.
func pageHeaded(t *testing.T, pages map[string]*node, title string) (string, *node) {
	t.Helper()
	for name, p := range pages {
		for _, h := range p.all(named("h1")) {
			if h.textOf() == title {
				return name, p
			}
		}
	}
	t.Fatalf("no EPUB page is headed %q", title)
	return "", nil
}

func TestSeedSummaryTables(t *testing.T) {
	pages, _ := seedBook(t)
	// The missions have dates; the other sections' key points have none,
	// so their tables leave the When column out.
	want := map[string]struct {
		rows    int
		columns string
	}{
		"Key NATO Peacekeeping and Humanitarian Missions":                     {5, "Key point|Key terms|When|In one line"},
		"NATO’s Approach to Peacekeeping":                                     {4, "Key point|Key terms|In one line"},
		"Challenges Facing NATO’s Peacekeeping and Humanitarian Efforts":      {4, "Key point|Key terms|In one line"},
		"Future Prospects for NATO in Peacekeeping and Humanitarian Missions": {3, "Key point|Key terms|In one line"},
	}
	for title, w := range want {
		_, page := pageHeaded(t, pages, title)
		tables := page.all(func(n *node) bool { return n.name == "table" && hasClass("summary")(n) })
		if len(tables) != 1 {
			t.Errorf("%s: %d summary tables, want 1", title, len(tables))
			continue
		}
		if got := headerCells(tables[0]); strings.Join(got, "|") != w.columns {
			t.Errorf("%s: columns %q, want %s", title, got, w.columns)
		}
		if rows := bodyRows(tables[0]); len(rows) != w.rows {
			t.Errorf("%s: %d rows, want %d", title, len(rows), w.rows)
		}
	}

	_, missions := pageHeaded(t, pages, "Key NATO Peacekeeping and Humanitarian Missions")
	libya := false
	for _, row := range bodyRows(missions.all(hasClass("summary"))[0]) {
		if strings.Contains(row[0], "Libya") {
			libya = true
			if !strings.Contains(row[2], "2011") {
				t.Errorf("the Libya row's When is %q; want 2011", row[2])
			}
		}
	}
	if !libya {
		t.Error("no Libya row in the missions table")
	}
	// 1973 names a UN resolution: no table may show it as a date.
	for name, p := range pages {
		for _, table := range p.all(hasClass("aid")) {
			cols := headerCells(table)
			for _, row := range bodyRows(table) {
				for i, cell := range row {
					if i < len(cols) && cols[i] == "When" && strings.Contains(cell, "1973") {
						t.Errorf("%s shows 1973 as a date: %q", name, row)
					}
				}
			}
		}
	}
}

func TestSeedGlossary(t *testing.T) {
	pages, _ := seedBook(t)
	_, gloss := pageHeaded(t, pages, "Glossary")
	tables := gloss.all(func(n *node) bool { return n.name == "table" && hasClass("glossary")(n) })
	if len(tables) != 1 {
		t.Fatalf("%d glossary tables", len(tables))
	}
	rows := bodyRows(tables[0])
	for _, term := range []string{"KFOR", "ISAF", "EADRCC", "Dayton Peace Agreement"} {
		n := 0
		for _, r := range rows {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(term) + `\b`).MatchString(r[0]) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("the glossary lists %q %d times; want once", term, n)
		}
	}
	// Every link of the glossary goes to a key term in the text.
	links := tables[0].all(named("a"))
	if len(links) < len(rows) {
		t.Errorf("%d links for %d glossary rows", len(links), len(rows))
	}
	for _, a := range links {
		file, id, _ := strings.Cut(a.attr["href"], "#")
		target, ok := pages[file]
		if !ok {
			t.Errorf("glossary link %q goes to no page", a.attr["href"])
			continue
		}
		found := target.all(func(n *node) bool { return n.attr["id"] == id })
		if len(found) != 1 || found[0].name != "strong" {
			t.Errorf("glossary link %q does not land on a key term", a.attr["href"])
		}
	}
}

func TestSeedPalace(t *testing.T) {
	pages, pdfPath := seedBook(t)
	stations := []string{"Balkans Operations", "Afghanistan", "Libya", "Disaster Relief", "Training Missions"}

	_, page := pageHeaded(t, pages, "Mind palace: rescue force")
	svgs := page.all(named("svg"))
	if len(svgs) != 1 {
		t.Fatalf("%d drawings on the palace page; want 1", len(svgs))
	}
	text := svgs[0].textOf()
	last := -1
	for _, s := range stations {
		i := strings.Index(text, s)
		if i < 0 || i < last {
			t.Errorf("station %q missing or out of order in the drawing: %q", s, text)
		}
		last = i
	}
	links := svgs[0].all(named("a"))
	if len(links) != len(stations) {
		t.Errorf("%d station links; want %d", len(links), len(stations))
	}
	for _, a := range links {
		href := a.attr["href"]
		file, id, _ := strings.Cut(href, "#")
		if p, ok := pages[file]; !ok || len(p.all(func(n *node) bool { return n.attr["id"] == id })) != 1 {
			t.Errorf("station link %q goes nowhere", href)
		}
	}

	// In print: one page holds the drawing, with every station and no
	// raster image.
	pdfPages := pdfText(t, pdfPath)
	at := -1
	for i, p := range pdfPages {
		p = strings.Join(strings.Fields(p), " ")
		if strings.Contains(p, "Rescue force") && strings.Contains(p, stations[0]) && strings.Contains(p, stations[4]) {
			at = i + 1
			break
		}
	}
	if at < 0 {
		t.Fatal("no PDF page holds the palace")
	}
	for _, img := range checkers.PDFImages(t, pdfPath) {
		if img.Page == at {
			t.Errorf("the palace page %d holds raster images: %s", at, img.Line)
		}
	}
}

// TestSwitchesLeaveAidsOut builds one note with each aid turned off, by
// flag and by front matter, and checks the EPUB has no page for it.
func TestSwitchesLeaveAidsOut(t *testing.T) {
	note := "../../source/space-race.md"
	headings := func(opts Options, path string) string {
		dir := t.TempDir()
		opts.Paths, opts.OutDir, opts.Outputs = []string{path}, dir, []string{"epub"}
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		var hs []string
		for name, data := range epubContents(t, filepath.Join(dir, noteName(path)+".epub")) {
			if strings.HasSuffix(name, ".xhtml") {
				for _, h := range parsePage(t, data).all(named("h1")) {
					hs = append(hs, h.textOf())
				}
				if bytes.Contains(data, []byte(`class="aid summary"`)) {
					hs = append(hs, "(summary table)")
				}
			}
		}
		return strings.Join(hs, "|")
	}
	all := headings(Options{}, note)
	for _, want := range []string{"At a glance", "Glossary", "Mind palace: night-time relay", "(summary table)", "Test yourself", "Answers"} {
		if !strings.Contains(all, want) {
			t.Fatalf("the full build lacks %q: %s", want, all)
		}
	}
	for name, c := range map[string]struct {
		opts Options
		gone []string
	}{
		"no-summaries": {Options{LeaveOut: []string{"summaries"}}, []string{"At a glance", "(summary table)"}},
		"no-glossary":  {Options{LeaveOut: []string{"glossary"}}, []string{"Glossary"}},
		"no-palace":    {Options{LeaveOut: []string{"palace"}}, []string{"Mind palace"}},
		"no-self-test": {Options{LeaveOut: []string{"self-test"}}, []string{"Test yourself", "Answers"}},
	} {
		got := headings(c.opts, note)
		for _, g := range c.gone {
			if strings.Contains(got, g) {
				t.Errorf("--%s still gives %q", name, g)
			}
		}
	}
	// The same switches in the front matter.
	src, _ := os.ReadFile(note)
	fm := filepath.Join(t.TempDir(), "fm.md")
	os.WriteFile(fm, append([]byte("---\nsummaries: false\nglossary: false\npalace: false\nself_test: false\n---\n"), src...), 0o644)
	got := headings(Options{}, fm)
	for _, g := range []string{"At a glance", "(summary table)", "Glossary", "Mind palace", "Test yourself", "Answers"} {
		if strings.Contains(got, g) {
			t.Errorf("front matter switches still give %q", g)
		}
	}
}

// TestPalaceHeadingSpelledWithAHyphen builds a note whose mind-palace
// section is headed "Mind-Palace Technique": the palace stage and
// enrichment must agree that it is the palace, so the section gives the
// palace and no table of key points, and its loci are no key points of
// the at-a-glance table either.
func TestPalaceHeadingSpelledWithAHyphen(t *testing.T) {
	note := filepath.Join(t.TempDir(), "mind-dash.md")
	writeFile(t, note, []byte(`---
title: Cell Biology Basics
---
# Cell Biology Basics

## The cell membrane

- **Phospholipid bilayer**: the membrane is two layers of lipids.
- **Proteins** float in the membrane and carry molecules across.

## Mind-Palace Technique

1. **Front door**: the phospholipid bilayer, a doormat of two layers.
2. **Hallway**: proteins as porters carrying boxes.
3. **Kitchen**: mitochondria burning fuel.

## Mitochondria

Mitochondria make ATP in **1890** terms. The **Krebs cycle** runs inside.
`))
	dir := t.TempDir()
	if _, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: dir, Outputs: []string{"epub"}}); err != nil {
		t.Fatal(err)
	}
	pages := map[string]*node{}
	for name, data := range epubContents(t, filepath.Join(dir, "mind-dash.epub")) {
		if strings.HasSuffix(name, ".xhtml") {
			pages[path.Base(name)] = parsePage(t, data)
		}
	}
	_, palace := pageHeaded(t, pages, "Mind palace: Cell Biology Basics")
	text := palace.textOf()
	for _, locus := range []string{"Front door", "Hallway", "Kitchen"} {
		if !strings.Contains(text, locus) {
			t.Errorf("the palace page lacks the locus %q", locus)
		}
	}
	var captions []string
	for name, p := range pages {
		for _, table := range p.all(hasClass("summary")) {
			for _, c := range table.all(named("caption")) {
				captions = append(captions, c.textOf())
			}
		}
		for _, table := range p.all(func(n *node) bool { return n.name == "table" && hasClass("glance")(n) }) {
			for _, row := range bodyRows(table) {
				if strings.Contains(strings.Join(row, " "), "Front door") {
					t.Errorf("%s: the at-a-glance table lists a locus as a key point: %q", name, row)
				}
			}
		}
	}
	slices.Sort(captions)
	if got := strings.Join(captions, "|"); got != "Key points: The cell membrane" {
		t.Errorf("summary tables %q; want only the cell membrane's", got)
	}
}
