package cards

import (
	"testing"

	"studyguide/builder/guide"
)

// TestDeck checks the cards of a small guide: section by section, the
// terms of a section before its key points, and only the short-answer
// questions as cards of key points.
func TestDeck(t *testing.T) {
	g := &guide.Guide{
		Sections: []*guide.Section{
			{ID: "one", Title: "One"},
			{ID: "two", Title: "Two"},
		},
		Study: &guide.Study{
			Terms: []*guide.Term{
				{Name: "Kosovo Force", Aliases: []string{"KFOR"}, Explanation: "Kosovo Force (KFOR) kept the peace.", ID: "t-kfor", SectionID: "two"},
				{Name: "NATO", Explanation: " NATO is an alliance. ", ID: "t-nato", SectionID: "one"},
				{Name: "Balkans", ID: "t-balkans", SectionID: ""},
			},
			Questions: []*guide.Question{
				{Kind: guide.Short, SectionID: "one", Prompt: []guide.Piece{{Text: "What is NATO?"}}, Answer: "An alliance.", Target: "k-1"},
				{Kind: guide.Cloze, SectionID: "one", Prompt: []guide.Piece{{Text: "x"}, {Text: "NATO", Blank: true}}, Answer: "NATO"},
				{Kind: guide.Short, SectionID: "two", Prompt: []guide.Piece{{Text: "Explain: Kosovo"}}, Answer: "", Target: "k-2"},
			},
		},
	}
	deck := Deck(g)
	want := []Card{
		{Kind: Term, Front: "Balkans", Highlight: []string{"Balkans"}, Target: "t-balkans"},
		{Kind: Term, Front: "NATO", Back: "NATO is an alliance.", Highlight: []string{"NATO"}, Section: "One", Target: "t-nato"},
		{Kind: Point, Front: "What is NATO?", Back: "An alliance.", Section: "One", Target: "k-1"},
		{Kind: Term, Front: "Kosovo Force (KFOR)", Back: "Kosovo Force (KFOR) kept the peace.", Highlight: []string{"Kosovo Force", "KFOR"}, Section: "Two", Target: "t-kfor"},
	}
	if len(deck) != len(want) {
		t.Fatalf("%d cards: %+v; want %d", len(deck), deck, len(want))
	}
	for i := range want {
		d, w := deck[i], want[i]
		if d.Kind != w.Kind || d.Front != w.Front || d.Back != w.Back || d.Section != w.Section || d.Target != w.Target || len(d.Highlight) != len(w.Highlight) {
			t.Errorf("card %d = %+v; want %+v", i+1, d, w)
		}
	}
	if Deck(&guide.Guide{}) != nil {
		t.Error("a guide without study facts has cards")
	}
}

// TestCardsKeepFormulas checks that a card whose question, answer or
// meaning holds a formula carries the formula itself for the writer to
// typeset, and that a card without one carries none.
func TestCardsKeepFormulas(t *testing.T) {
	f := &guide.Formula{TeX: `\frac{dp}{dt}`}
	meaning := []guide.Inline{&guide.Text{Text: "It pulls back with "}, f, &guide.Text{Text: "."}}
	g := &guide.Guide{
		Sections: []*guide.Section{{ID: "one", Title: "One"}},
		Study: &guide.Study{
			Terms: []*guide.Term{{Name: "spring", Explanation: "It pulls back with dp/dt.", Meaning: meaning, ID: "t-spring", SectionID: "one"}},
			Questions: []*guide.Question{
				{Kind: guide.Short, SectionID: "one", Prompt: []guide.Piece{{Text: "Explain: Force, "}, {Text: "dp/dt", Formula: f}, {Text: "."}},
					Answer: "It is dp/dt.", AnswerInlines: []guide.Inline{&guide.Text{Text: "It is "}, f}, Target: "k-1"},
				{Kind: guide.Short, SectionID: "one", Prompt: []guide.Piece{{Text: "What is mass?"}}, Answer: "How heavy.", Target: "k-2"},
			},
		},
	}
	deck := Deck(g)
	if len(deck) != 3 {
		t.Fatalf("%d cards, want 3", len(deck))
	}
	holds := func(ins []guide.Inline) bool {
		for _, in := range ins {
			if in == guide.Inline(f) {
				return true
			}
		}
		return false
	}
	if !holds(deck[0].BackInlines) {
		t.Errorf("the term's card %+v does not carry the formula of its meaning", deck[0])
	}
	if !holds(deck[1].FrontInlines) || !holds(deck[1].BackInlines) || deck[1].Front != "Explain: Force, dp/dt." {
		t.Errorf("the key point's card %+v does not carry its formulas", deck[1])
	}
	if deck[2].FrontInlines != nil || deck[2].BackInlines != nil {
		t.Errorf("a card without formulas carries inlines: %+v", deck[2])
	}
}
