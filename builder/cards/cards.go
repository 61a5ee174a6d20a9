// Package cards makes the flashcards of a guide: a card for every key term,
// the term on its front and what it means on its back, and a card for
// every key point, the self-test's question about it on its front and
// its answer on its back.
// Each card knows the section it belongs to and the place of the guide
// that explains it, so that a writer can say where to read more. The
// cards know nothing of the media they are printed in.
package cards

import (
	"cmp"
	"slices"
	"strings"

	"studyguide/builder/guide"
)

// Kind says what a card asks about.
type Kind int

const (
	// Term is a card of a key term: the term on the front, its meaning on
	// the back.
	Term Kind = iota
	// Point is a card of a key point: a question on the front, its answer
	// on the back.
	Point
)

// Card is one flashcard.
type Card struct {
	Kind Kind
	// Front is what the card asks: a term, or a question.
	Front string
	// Back is what the card answers: the sentence that explains the
	// term, or the answer to the question. It may be empty when the notes
	// explain a term in no sentence of its own.
	Back string
	// FrontInlines and BackInlines are Front and Back with the formulas
	// they hold, for a writer that typesets them; nil when they hold
	// none, or when a writer must make do with the text.
	FrontInlines, BackInlines []guide.Inline
	// Highlight are the spellings of a key term that its back writes in
	// bold, so that a sentence that explains several terms shows which
	// one the card is about.
	Highlight []string
	// Section is the title of the section the card belongs to; empty for
	// the introduction.
	Section string
	// Target is the id of the place in the guide that explains the card,
	// for a writer that can say on which page it is; empty for none.
	Target string
}

// Deck returns the cards of g, section by section in reading order: in
// each section the cards of its key terms, then those of its key points,
// each in reading order. A guide that did not go through enrichment has
// no cards.
func Deck(g *guide.Guide) []Card {
	if g.Study == nil {
		return nil
	}
	order := map[string]int{} // section id -> its place in reading order
	titles := map[string]string{}
	g.WalkSections(func(s *guide.Section) bool {
		order[s.ID] = len(order) + 1 // the introduction, "", comes first
		titles[s.ID] = s.Title
		return true
	})
	type placed struct {
		section string
		card    Card
	}
	var all []placed
	for _, t := range g.Study.Terms {
		all = append(all, placed{t.SectionID, Card{
			Kind:        Term,
			Front:       termName(t),
			Back:        strings.TrimSpace(t.Explanation),
			BackInlines: t.Meaning,
			Highlight:   append([]string{t.Name}, t.Aliases...),
			Section:     titles[t.SectionID],
			Target:      t.ID,
		}})
	}
	for _, c := range pointCards(g, titles) {
		all = append(all, placed{c.section, c.card})
	}
	// A stable sort by section keeps terms before points, each in order.
	slices.SortStableFunc(all, func(a, b placed) int { return cmp.Compare(order[a.section], order[b.section]) })
	out := make([]Card, len(all))
	for i, p := range all {
		out[i] = p.card
	}
	return out
}

// termName is a term as a card shows it: its name, with its first other
// spelling in brackets when the name does not hold it already.
func termName(t *guide.Term) string {
	name := t.Name
	if len(t.Aliases) > 0 && !strings.Contains(name, t.Aliases[0]) {
		name += " (" + t.Aliases[0] + ")"
	}
	return name
}

// promptInlines returns a question's prompt as inlines with its formulas
// when it holds any, else nil.
func promptInlines(q *guide.Question) []guide.Inline {
	var out []guide.Inline
	found := false
	for _, p := range q.Prompt {
		if p.Formula != nil {
			out = append(out, p.Formula)
			found = true
		} else if !p.Blank {
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: p.Text})
		}
	}
	if !found {
		return nil
	}
	return out
}

// pointCard is a card of a key point with the id of its section.
type pointCard struct {
	section string
	card    Card
}

// pointCards returns a card for each short-answer question of the guide,
// which asks about one key point: the question on the front, its answer
// on the back.
func pointCards(g *guide.Guide, titles map[string]string) []pointCard {
	var out []pointCard
	for _, q := range g.Study.Questions {
		if q.Kind != guide.Short {
			continue
		}
		front, back := strings.TrimSpace(q.PromptText("")), strings.TrimSpace(q.Answer)
		if front == "" || back == "" {
			continue
		}
		out = append(out, pointCard{q.SectionID, Card{
			Kind:         Point,
			Front:        front,
			Back:         back,
			FrontInlines: promptInlines(q),
			BackInlines:  q.AnswerInlines,
			Section:      titles[q.SectionID],
			Target:       q.Target,
		}})
	}
	return out
}
