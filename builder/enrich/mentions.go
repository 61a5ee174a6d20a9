package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	// starts holds, for each word a spelling starts with, how many words
	// the longest such spelling has: a text's word that starts none is
	// passed over at once.
	starts := map[string]int{}
	add := func(t *guide.Term, spelling string) {
		words := mentionWords(spelling)
		if len(words) == 0 {
			return
		}
		key := strings.Join(words, " ")
		if _, taken := table[key]; !taken {
			table[key] = t
		}
		starts[words[0]] = max(starts[words[0]], len(words))
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
	var key, low []byte
	var words [][]byte
	count := func(text string) {
		low = appendLower(low[:0], text)
		words = appendMentionWords(words[:0], low)
		for i := 0; i < len(words); {
			n := min(starts[string(words[i])], len(words)-i)
			for ; n > 0; n-- {
				key = key[:0]
				for j, w := range words[i : i+n] {
					if j > 0 {
						key = append(key, ' ')
					}
					key = append(key, w...)
				}
				if t := table[string(key)]; t != nil {
					t.Mentions++
					break
				}
			}
			i += max(n, 1)
		}
	}
	guide.Inspect(g, func(n guide.Node) bool {
		switch n := n.(type) {
		case *guide.Section:
			// The build's aids and the notes' own mind palace are not
			// running text of the notes; neither are footnotes.
			return n.Kind == guide.FromNotes && !isPalaceSection(n)
		case *guide.Footnote:
			return false
		case *guide.Paragraph:
			count(guide.PlainText(n.Inlines))
			return false
		case *guide.Table:
			if n.Kind != guide.FromNotes {
				return false
			}
		case *guide.Cell:
			count(guide.PlainText(n.Inlines))
			return false
		case *guide.Definition:
			count(guide.PlainText(n.Term))
		case guide.Inline:
			return false
		}
		return true
	})
	for _, t := range terms {
		t.Mentions = max(t.Mentions, 1)
	}
}

// mentionWords splits text into lower-case words of letters and digits;
// everything else separates words.
func mentionWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), notMentionRune)
}

// appendMentionWords appends the words of low, a text in lower case, to
// words, as mentionWords splits them: parts of low.
func appendMentionWords(words [][]byte, low []byte) [][]byte {
	start := -1
	for i := 0; i < len(low); {
		c, size := low[i], 1
		var sep bool
		if c < utf8.RuneSelf {
			sep = !asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRune(low[i:])
			sep = notMentionRune(r)
		}
		switch {
		case sep && start >= 0:
			words = append(words, low[start:i])
			start = -1
		case !sep && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		words = append(words, low[start:])
	}
	return words
}

// notMentionRune reports whether r separates the words of a mention.
func notMentionRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
