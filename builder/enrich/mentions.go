package enrich

import (
	"strings"
	"unicode"

	"studyguide/builder/guide"
)

// countMentions sets Term.Mentions of every key term: how many times the
// notes' running text, tables and definition lists write the term under
// any of its spellings (its name, its aliases, the long form of an
// acronym pair), bold or not. Case does not count; a mention is whole
// words, and where spellings overlap the longest wins ("Kosovo Force"
// is one mention, not also one of "Kosovo").
//
// The text is read once: each word position is looked up in a table of
// the spellings' word sequences, so the time grows with the text times the
// longest spelling's words, never with the number of terms.
func countMentions(g *guide.Guide, terms []*guide.Term) {
	table := map[string]*guide.Term{}
	longest := 0
	add := func(t *guide.Term, spelling string) {
		words := mentionWords(spelling)
		if len(words) == 0 {
			return
		}
		key := strings.Join(words, " ")
		if _, taken := table[key]; !taken {
			table[key] = t
		}
		longest = max(longest, len(words))
	}
	for _, t := range terms {
		t.Mentions = 0
		add(t, t.Name)
		for _, a := range t.Aliases {
			add(t, a)
		}
		if long := newSpelling(t.Name).longText; long != "" {
			add(t, long)
		}
	}
	if len(table) == 0 {
		return
	}
	count := func(text string) {
		words := mentionWords(text)
		for i := 0; i < len(words); {
			n := min(longest, len(words)-i)
			for ; n > 0; n-- {
				if t := table[strings.Join(words[i:i+n], " ")]; t != nil {
					t.Mentions++
					break
				}
			}
			i += max(n, 1)
		}
	}
	onBlock := func(b guide.Block) {
		switch b := b.(type) {
		case *guide.Paragraph:
			count(guide.PlainText(b.Inlines))
		case *guide.Table:
			if b.Kind != guide.FromNotes {
				return
			}
			for _, row := range append([][]guide.Cell{b.Header}, b.Rows...) {
				for _, c := range row {
					count(guide.PlainText(c.Inlines))
				}
			}
		case *guide.DefinitionList:
			for _, it := range b.Items {
				count(guide.PlainText(it.Term))
			}
		}
	}
	walkBlocks(g.Intro, onBlock, nil)
	var section func(s *guide.Section)
	section = func(s *guide.Section) {
		if s.Kind != guide.FromNotes || isPalaceSection(s) {
			return
		}
		walkBlocks(s.Blocks, onBlock, nil)
		for _, c := range s.Sections {
			section(c)
		}
	}
	for _, s := range g.Sections {
		section(s)
	}
	for _, t := range terms {
		t.Mentions = max(t.Mentions, 1)
	}
}

// mentionWords splits text into lower-case words of letters and digits;
// everything else separates words.
func mentionWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
