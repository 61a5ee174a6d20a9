package enrich

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// item reads one list item. A key point's facts are recorded before its
// body is read, so that key points stay in reading order when they nest.
func (x *partReader) item(it *guide.ListItem, sec string) {
	if it.Key == nil {
		x.blocks(it.Blocks, sec)
		return
	}
	facts := &guide.KeyPointFacts{ID: it.Key.ID, Title: it.Key.Title, TitleInlines: it.Key.TitleInlines, SectionID: sec, Pos: it.Pos}
	x.keyPoints = append(x.keyPoints, facts)

	var rest, body flat
	var more []guide.Block
	if len(it.Blocks) > 0 {
		more = it.Blocks[1:]
		if p, ok := it.Blocks[0].(*guide.Paragraph); ok {
			rest = afterLead(p.Inlines)
			body = keyPointBody(p.Inlines, rest)
		} else {
			more = it.Blocks
		}
	}

	x.events = append(x.events, openKeyPoint)
	x.depth++
	x.text(body, sec, "")
	x.blocks(more, sec)
	x.depth--
	x.events = append(x.events, closeKeyPoint)

	moreText := guide.BlocksText(more)
	facts.Dates = mergeDates(findDates(it.Key.Title), findDates(rest.text), findDates(moreText))
	gist := firstSentence(rest.text)
	from := rest
	if gist != "" {
		x.define(it.Key.Title, gist, it.Pos, true)
	} else {
		gist = firstLineSentence(moreText)
		from = flattenFirst(more)
	}
	if gist == "" {
		x.warnings = append(x.warnings, partWarning{it.Pos, fmt.Sprintf("key point %q has nothing after its title; give it a sentence or sub-points", it.Key.Title)})
	}
	facts.Gist, facts.GistInlines = from.richGist(gist)
	// The gist is kept with the facts: a copy of it alone rather than
	// the text of the whole body it is a part of.
	facts.Gist = strings.Clone(facts.Gist)
}

// mergeDates joins lists of dates, keeping the first of equal dates, each
// a copy of its own rather than a part of the text it was found in.
func mergeDates(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, d := range l {
			if !containsString(out, d) {
				out = append(out, strings.Clone(d))
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// keyPointBody is the text of a key point's first paragraph whose
// sentences explain the terms in it, without the bold
// title as a term: the text after the title when it starts a sentence of
// its own ("**Sputnik**: On 4 October 1957…"), else the whole paragraph,
// title and all ("**Ribosomes** read messenger RNA…"), so that no
// sentence starts half way.
func keyPointBody(inlines []guide.Inline, rest flat) flat {
	r, _ := utf8.DecodeRuneInString(rest.text)
	if rest.text == "" || !unicode.IsLower(r) {
		return rest
	}
	whole := flatten(inlines)
	if len(whole.strongs) > 0 && whole.strongs[0].start == 0 {
		whole.strongs = whole.strongs[1:]
	}
	return whole
}
