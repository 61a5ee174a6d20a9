package enrich

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
)

// TestSeed checks the study aids of the user's example notes against what
// the issue asks for.
func TestSeed(t *testing.T) {
	g, list := readSeed(t)
	enrichAll(g)
	for _, d := range *list {
		t.Errorf("unexpected diagnostic: %s", d)
	}

	rows := map[string]int{}
	var libya []guide.Cell
	g.WalkSections(func(s *guide.Section) bool {
		for _, b := range s.Blocks {
			if tb, ok := b.(*guide.Table); ok && tb.Kind == guide.Summary {
				rows[s.Title] = len(tb.Rows)
				for _, r := range tb.Rows {
					if strings.Contains(guide.PlainText(r[0].Inlines), "Libya") {
						libya = r
					}
				}
			}
		}
		return true
	})
	want := map[string]int{
		"Key NATO Peacekeeping and Humanitarian Missions":                     5,
		"NATO’s Approach to Peacekeeping":                                     4,
		"Challenges Facing NATO’s Peacekeeping and Humanitarian Efforts":      4,
		"Future Prospects for NATO in Peacekeeping and Humanitarian Missions": 3,
	}
	for title, n := range want {
		if rows[title] != n {
			t.Errorf("summary of %q has %d rows, want %d", title, rows[title], n)
		}
	}
	if len(rows) != len(want) {
		t.Errorf("summary tables in %d sections, want %d: %v", len(rows), len(want), rows)
	}
	if libya == nil {
		t.Fatal("no summary row for Libya")
	}
	if when := guide.PlainText(libya[2].Inlines); !strings.Contains(when, "2011") {
		t.Errorf("Libya's When is %q, want 2011 in it", when)
	}

	// 1973 is a resolution number: no When cell may show it.
	g.WalkSections(func(s *guide.Section) bool {
		for _, b := range s.Blocks {
			tb, ok := b.(*guide.Table)
			if !ok || tb.Kind != guide.Summary {
				continue
			}
			for _, r := range tb.Rows {
				if when := guide.PlainText(r[2].Inlines); strings.Contains(when, "1973") {
					t.Errorf("%s: When shows %q", s.Title, when)
				}
			}
		}
		return true
	})
	for _, kp := range g.Study.KeyPoints {
		for _, d := range kp.Dates {
			if strings.Contains(d, "1973") {
				t.Errorf("key point %q has the date %q", kp.Title, d)
			}
		}
	}

	checkGlossary(t, g, map[string]string{
		"KFOR":                   "Kosovo Force (KFOR)",
		"ISAF":                   "International Security Assistance Force (ISAF)",
		"EADRCC":                 "Euro-Atlantic Disaster Response Coordination Centre (EADRCC)",
		"Dayton Peace Agreement": "Dayton Peace Agreement",
	})
	var kfor *guide.Term
	for _, term := range g.Study.Terms {
		if term.Name == "Kosovo Force (KFOR)" {
			kfor = term
		}
	}
	if kfor == nil || len(kfor.Aliases) != 1 || kfor.Aliases[0] != "KFOR" {
		t.Errorf("Kosovo Force term = %+v, want the alias KFOR", kfor)
	}
}

// checkGlossary checks that the glossary lists each named term once (as
// the row whose Term cell is the given name) with a reference to the id of
// a strong node, and that every term of the guide is listed once.
func checkGlossary(t *testing.T, g *guide.Guide, names map[string]string) {
	t.Helper()
	anchors := strongAnchors(g)
	var table *guide.Table
	for _, s := range g.Sections {
		if s.Kind == guide.Glossary && len(s.Blocks) == 1 {
			table, _ = s.Blocks[0].(*guide.Table)
		}
	}
	if table == nil {
		t.Fatal("no glossary table")
	}
	if len(table.Rows) != len(g.Study.Terms) {
		t.Errorf("glossary has %d rows for %d terms", len(table.Rows), len(g.Study.Terms))
	}
	count := map[string]int{}
	for _, r := range table.Rows {
		name := guide.PlainText(r[0].Inlines)
		count[name]++
		ref, ok := r[2].Inlines[0].(*guide.Ref)
		if !ok {
			t.Errorf("%s: See cell holds %T, want a Ref", name, r[2].Inlines[0])
			continue
		}
		if !anchors[ref.Target] {
			t.Errorf("%s: Ref target %q is no strong node's id", name, ref.Target)
		}
	}
	for short, name := range names {
		if count[name] != 1 {
			t.Errorf("glossary lists %q (for %s) %d times, want once", name, short, count[name])
		}
		if !strings.Contains(name, short) {
			t.Errorf("glossary name %q does not show %s", name, short)
		}
	}
	for name, n := range count {
		if n != 1 {
			t.Errorf("glossary lists %q %d times", name, n)
		}
	}
}

// strongAnchors returns the ids set on strong nodes anywhere in g.
func strongAnchors(g *guide.Guide) map[string]bool {
	ids := map[string]bool{}
	visit := func(blocks []guide.Block) {
		walkBlocks(blocks, nil, func(in guide.Inline) {
			if s, ok := in.(*guide.Strong); ok && s.ID != "" {
				ids[s.ID] = true
			}
		})
	}
	visit(g.Intro)
	g.WalkSections(func(s *guide.Section) bool {
		visit(s.Blocks)
		return true
	})
	return ids
}

// TestSeedGolden keeps a compact record of what the seed gives: the
// section tree, the shape of each aid and the study facts without their
// sentences (the notes themselves stay outside the project).
func TestSeedGolden(t *testing.T) {
	g, _ := readSeed(t)
	enrichAll(g)
	var b bytes.Buffer
	g.WalkSections(func(s *guide.Section) bool {
		fmt.Fprintf(&b, "%sh%d %s kind=%q\n", strings.Repeat("  ", s.Level-1), s.HeadingLevel, s.ID, s.Kind)
		for _, bl := range s.Blocks {
			tb, ok := bl.(*guide.Table)
			if !ok || tb.Kind == guide.FromNotes {
				continue
			}
			fmt.Fprintf(&b, "%s  table %s id=%s rows=%d\n", strings.Repeat("  ", s.Level-1), tb.Kind, tb.ID, len(tb.Rows))
		}
		return true
	})
	dumpStudy(&b, g.Study, true)
	golden.Check(t, filepath.Join("testdata", "seed.golden"), b.Bytes())
}
