package guide

import (
	"cmp"
	"slices"

	"studyguide/builder/figure"
)

// Kind says whether a section or table was written by the author or added
// by the build as a study aid, and which aid it is. Writers use it for
// styling and page breaks; they never need it to find the content.
type Kind string

// Kinds of sections and tables.
const (
	FromNotes   Kind = ""            // written by the author
	Summary     Kind = "summary"     // a section's key points in a table
	TermTable   Kind = "terms"       // a section's key terms with their meaning
	Glance      Kind = "glance"      // the whole guide's key points at a glance
	Glossary    Kind = "glossary"    // every key term, sorted, with where it is explained
	Palace      Kind = "palace"      // the mind-palace drawing
	WalkThrough Kind = "walkthrough" // the stations of the palace with their facts
	SelfTest    Kind = "self-test"   // the questions of the self-test
	Answers     Kind = "answers"     // the answer key of the self-test
)

// RepeatsSections reports whether the sections below a section of kind k
// only repeat the guide's own sections as headings of groups, as the
// self-test's and its answer key's do. A table of contents lists such a
// section without them: they would list the guide a second time.
func (k Kind) RepeatsSections() bool { return k == SelfTest || k == Answers }

// Figure is a drawing placed as a block: a vector scene that each writer
// draws natively, with a text alternative.
type Figure struct {
	Pos Pos
	// ID is unique within the guide and safe as an XML id.
	ID    string
	Kind  Kind
	Scene *figure.Scene
	// Alt is the drawing in words, for screen readers and for readers that
	// cannot show it.
	Alt string
	// FullPage asks the PDF writer to give the figure a page of its own,
	// scaled to fill the text block.
	FullPage bool
}

func (b *Figure) Position() Pos { return b.Pos }
func (*Figure) block()          {}

// Ref points at an element of the guide by its id. The EPUB shows Children
// as a link to it; the PDF shows the number of the page the target is on,
// as a link, since a printed page cannot be clicked.
type Ref struct {
	Pos      Pos
	Target   string
	Children []Inline
}

func (n *Ref) Position() Pos { return n.Pos }
func (*Ref) inline()         {}

// Study is what the enrichment stage learned about the notes: their key
// points and key terms. The aids it adds to the guide (tables, glossary)
// are ordinary sections and blocks; Study keeps the facts for the stages
// after it, such as the mind palace.
type Study struct {
	KeyPoints []*KeyPointFacts
	Terms     []*Term

	// Stations are the rooms of the mind palace in walking order, set by
	// the palace stage; nil when the guide has no palace.
	Stations []*Station

	// Questions are the questions of the self-test in reading order,
	// grouped by section, made by the self-test stage (package aids,
	// "self-test") whether or not the guides show them, so that other
	// outputs (the cards, the Anki deck) can ask them too; nil until that
	// stage has run.
	Questions []*Question
}

// KeyPointFacts are the facts of one key point.
type KeyPointFacts struct {
	// ID is the key point's list item id (ListItem.Key.ID).
	ID    string
	Title string
	// TitleInlines is Title with the formulas it holds (see
	// KeyPoint.TitleInlines); nil when it holds none.
	TitleInlines []Inline
	SectionID    string // the innermost section that holds it
	Pos          Pos
	Terms        []string // key terms of its body, in order, each once
	Dates        []string // dates in normal form ("1999", "1990s", "2014–2021")
	Gist         string   // the body's first sentence, cut near 25 words
	// GistInlines is Gist with the formulas it holds, for the writers
	// to show them; nil when it holds none.
	GistInlines []Inline
}

// Term is one key term with where it is explained.
type Term struct {
	// Name is the term as first written; Aliases are other spellings that
	// mean the same term ("KFOR" for "Kosovo Force (KFOR)").
	Name    string
	Aliases []string
	// Explanation is the sentence of the notes that explains the term:
	// the one that holds its first use, unless that sentence explains
	// another term and not this one; empty when no sentence of the notes
	// is the term's own.
	Explanation string
	// Meaning is Explanation with the formulas it holds, for the writers
	// to show them; nil when it holds none.
	Meaning []Inline
	// ID is the anchor set on the Strong node of the use whose sentence
	// is its Explanation, else of its first use.
	ID        string
	SectionID string
	Pos       Pos
	// Mentions is how many times the notes write the term, bold or not,
	// under any of its spellings; at least 1 for a term the notes use.
	Mentions int
	// Chapters, in a book of several notes whose term is used in more
	// than one chapter, holds a place for each such chapter in order:
	// where the term is explained in that chapter, else where it is first
	// used there. Nil in a guide of one note, and for a term of one
	// chapter.
	Chapters []TermPlace
}

// TermPlace is a place where a key term stands: the anchor set on its
// Strong node and the innermost section that holds it.
type TermPlace struct {
	ID        string
	SectionID string
}

// RankedTerms returns the key terms, most important first: a term counts
// for how often the notes mention it, and a term met early counts up to
// twice as much as one met last, since notes name their main ideas first.
// Terms that weigh the same keep their reading order.
func (s *Study) RankedTerms() []*Term {
	if s == nil {
		return nil
	}
	n := float64(len(s.Terms))
	type ranked struct {
		t     *Term
		score float64
	}
	rs := make([]ranked, len(s.Terms))
	for i, t := range s.Terms {
		rs[i] = ranked{t, float64(max(t.Mentions, 1)) * (1 + (n-float64(i))/n)}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(b.score, a.score) })
	out := make([]*Term, len(rs))
	for i, r := range rs {
		out[i] = r.t
	}
	return out
}
