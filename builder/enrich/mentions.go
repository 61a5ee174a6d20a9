package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
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
	// table maps each spelling's words, joined by spaces, to the index
	// of its term.
	table := map[string]int{}
	// starts holds, for each word a spelling starts with, how many words
	// the longest such spelling has: a text's word that starts none is
	// passed over at once.
	starts := map[string]int{}
	add := func(i int, spelling string) {
		words := mentionWords(spelling)
		if len(words) == 0 {
			return
		}
		key := strings.Join(words, " ")
		if _, taken := table[key]; !taken {
			table[key] = i
		}
		starts[words[0]] = max(starts[words[0]], len(words))
	}
	for i, t := range terms {
		t.Mentions = 0
		add(i, t.Name)
		for _, a := range t.Aliases {
			add(i, a)
		}
		if long := newSpelling(t.Name).longText; long != "" {
			add(i, long)
		}
	}
	if len(table) == 0 {
		return
	}
	// The introduction and each top-level section are counted side by
	// side, each worker keeping counts of its own, which are then added
	// up.
	parts := len(g.Sections) + 1
	counters := make([]*mentionCounter, workers.Count(parts))
	workers.EachOn(parts, func(w, part int) {
		c := counters[w]
		if c == nil {
			c = &mentionCounter{table: table, starts: starts, counts: make([]int, len(terms))}
			counters[w] = c
		}
		if part == 0 {
			for _, b := range g.Intro {
				guide.Inspect(b, c.visit)
			}
			return
		}
		guide.Inspect(g.Sections[part-1], c.visit)
	})
	for _, c := range counters {
		if c == nil {
			continue
		}
		for i, n := range c.counts {
			terms[i].Mentions += n
		}
	}
	for _, t := range terms {
		t.Mentions = max(t.Mentions, 1)
	}
}

// mentionCounter counts the mentions of key terms in one part of the
// notes (see countMentions), with the room it reuses from one text to
// the next.
type mentionCounter struct {
	table  map[string]int
	starts map[string]int
	// counts holds the mentions of each term, by its index.
	counts   []int
	key, low []byte
	words    [][]byte
	text     strings.Builder
}

// visit counts the mentions in the running text, tables and definition
// terms of the notes, as guide.Inspect walks them.
func (c *mentionCounter) visit(n guide.Node) bool {
	switch n := n.(type) {
	case *guide.Section:
		// The build's aids and the notes' own mind palace are not
		// running text of the notes; neither are footnotes.
		return n.Kind == guide.FromNotes && !isPalaceSection(n)
	case *guide.Footnote:
		return false
	case *guide.Paragraph:
		c.count(n.Inlines)
		return false
	case *guide.Table:
		if n.Kind != guide.FromNotes {
			return false
		}
	case *guide.Cell:
		c.count(n.Inlines)
		return false
	case *guide.Definition:
		c.count(n.Term)
	case guide.Inline:
		return false
	}
	return true
}

// count counts the mentions in the plain text of inlines: at each word,
// the longest spelling that starts there.
func (c *mentionCounter) count(inlines []guide.Inline) {
	c.low = appendPlainLower(c.low[:0], inlines)
	c.words = appendMentionWords(c.words[:0], c.low)
	words := c.words
	for i := 0; i < len(words); {
		n := min(c.starts[string(words[i])], len(words)-i)
		for ; n > 0; n-- {
			key := c.key[:0]
			for j, w := range words[i : i+n] {
				if j > 0 {
					key = append(key, ' ')
				}
				key = append(key, w...)
			}
			c.key = key
			if t, ok := c.table[string(key)]; ok {
				c.counts[t]++
				break
			}
		}
		i += max(n, 1)
	}
}

// appendPlainLower appends the plain text of inlines (guide.PlainText) to
// b in lower case, without making the plain text first.
func appendPlainLower(b []byte, inlines []guide.Inline) []byte {
	for _, in := range inlines {
		b = appendNodeLower(b, in)
	}
	return b
}

// appendNodeLower is appendPlainLower for one inline and those below it.
func appendNodeLower(b []byte, n guide.Node) []byte {
	switch n := n.(type) {
	case *guide.Text:
		// Text, most of any paragraph, has nothing below it.
		return appendLower(b, n.Text)
	case *guide.Code:
		return appendLower(b, n.Text)
	case *guide.Image:
		return appendLower(b, n.Alt)
	case *guide.Formula:
		return appendLower(b, n.Text())
	case *guide.Break:
		return append(b, ' ')
	case *guide.Blank:
		return append(b, "_____"...)
	}
	for c := range guide.Children(n) {
		b = appendNodeLower(b, c)
	}
	return b
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
