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
