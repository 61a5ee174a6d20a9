package enrich

import (
	"testing"

	"studyguide/builder/guide"
)

func TestMentionsCountEverySpelling(t *testing.T) {
	g, _ := readNote(t, "notes.md", []byte(`# Notes

The **Kosovo Force (KFOR)** keeps the peace. KFOR patrols; the kosovo force
also builds. Kosovo itself is a place, not the force.

A **mandate** is an order. The mandate of KFOR was renewed.

Only once: **Dayton Peace Agreement**.
`))
	Extract(g)
	got := map[string]int{}
	for _, term := range g.Study.Terms {
		got[term.Name] = term.Mentions
	}
	want := map[string]int{"Kosovo Force (KFOR)": 4, "mandate": 2, "Dayton Peace Agreement": 1}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d mentions, want %d (all: %v)", name, got[name], n, got)
		}
	}
}

func TestRankedTermsWeighFrequencyAndEarliness(t *testing.T) {
	terms := []*guide.Term{
		{Name: "first", Mentions: 2},
		{Name: "often", Mentions: 5},
		{Name: "late-once", Mentions: 1},
		{Name: "late-twice", Mentions: 2},
	}
	got := (&guide.Study{Terms: terms}).RankedTerms()
	order := ""
	for _, term := range got {
		order += term.Name + " "
	}
	if order != "often first late-twice late-once " {
		t.Errorf("ranked: %s", order)
	}
}
