package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// flat is running text as plain text, with where each strong run in it
// starts, so that a strong run can be found in its sentence, and where
// each formula stands, written in its linear form (see
// guide.Formula.Text), so that the study aids made from the text can
// show the formula itself (see flat.rich).
type flat struct {
	text     string
	strongs  []strongSpan
	formulas []formulaSpan
}

// formulaSpan is where a formula's linear form stands in a flat text.
type formulaSpan struct {
	node       *guide.Formula
	start, end int
}

// strongSpan is one strong run of a flat text, from start to end. A
// strong run inside another is part of the outer one and has no span of
// its own.
type strongSpan struct {
	node       *guide.Strong
	start, end int
}

// flatten turns inlines into plain text (as guide.PlainText does) and
// notes where each outermost strong run starts.
func flatten(inlines []guide.Inline) flat {
	return flattenInto(nil, inlines)
}

// flattenInto is flatten with the spans of the strong runs written into
// the room of spans when it is large enough for those the inlines open
// with: a caller that flattens one text after another, and keeps none of
// their spans, gives each the spans of the one before.
func flattenInto(spans []strongSpan, inlines []guide.Inline) flat {
	var b strings.Builder
	// Room for the text, made once: most of it is the text of the
	// inlines, or just below them.
	b.Grow(textSize(inlines, 2))
	var f flat
	// Room for the strong runs the inlines open with themselves, most of
	// those a text has.
	strongs := 0
	for _, in := range inlines {
		if _, ok := in.(*guide.Strong); ok {
			strongs++
		}
	}
	switch {
	case strongs > 0 && cap(spans) >= strongs:
		f.strongs = spans[:0]
	case strongs > 0:
		f.strongs = make([]strongSpan, 0, strongs)
	}
	var walk func(guide.Node, bool)
	walk = func(n guide.Node, inStrong bool) {
		switch in := n.(type) {
		case *guide.Text:
			b.WriteString(in.Text)
			return
		case *guide.Code:
			b.WriteString(in.Text)
			return
		case *guide.Formula:
			start := b.Len()
			b.WriteString(in.Text())
			f.formulas = append(f.formulas, formulaSpan{node: in, start: start, end: b.Len()})
		case *guide.Image:
			b.WriteString(in.Alt)
		case *guide.Break:
			b.WriteByte(' ')
		case *guide.Strong:
			if !inStrong {
				i := len(f.strongs)
				f.strongs = append(f.strongs, strongSpan{node: in, start: b.Len()})
				for c := range guide.Children(n) {
					walk(c, true)
				}
				f.strongs[i].end = b.Len()
				return
			}
		}
		for c := range guide.Children(n) {
			walk(c, inStrong)
		}
	}
	for _, in := range inlines {
		walk(in, false)
	}
	f.text = b.String()
	return f
}

// textSize returns the size of the text of inlines and of the inlines
// depth levels below them: a guess at the size of their plain text, which
// spends no more than a look at each of them.
func textSize(inlines []guide.Inline, depth int) int {
	n := 0
	for _, in := range inlines {
		n += nodeTextSize(in, depth)
	}
	return n
}

// nodeTextSize is textSize for one node.
func nodeTextSize(n guide.Node, depth int) int {
	switch n := n.(type) {
	case *guide.Text:
		return len(n.Text)
	case *guide.Code:
		return len(n.Text)
	}
	size := 0
	if depth > 0 {
		for c := range guide.Children(n) {
			size += nodeTextSize(c, depth-1)
		}
	}
	return size
}

// leadSeparators are what may stand between a bold lead and the text that
// follows it: "**Term**: text", "**Term** – text".
const leadSeparators = ":：-–—"

// afterLead returns the text of a paragraph that opens with a bold lead,
// without the lead and the colon or dash after it. The spans of the
// strong runs after the lead are kept, shifted to the shorter text.
func afterLead(inlines []guide.Inline) flat {
	if len(inlines) == 0 {
		return flat{}
	}
	f := flatten(inlines[1:])
	trimmed := strings.TrimLeftFunc(f.text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(leadSeparators, r)
	})
	cut := len(f.text) - len(trimmed)
	out := flat{text: trimmed}
	for _, s := range f.strongs {
		if s.start >= cut {
			out.strongs = append(out.strongs, strongSpan{node: s.node, start: s.start - cut, end: s.end - cut})
		}
	}
	for _, s := range f.formulas {
		if s.start >= cut {
			out.formulas = append(out.formulas, formulaSpan{node: s.node, start: s.start - cut, end: s.end - cut})
		}
	}
	return out
}

// hasLead reports whether a paragraph opens with a bold lead followed by
// a colon or dash and more text, as in "**Term**: what it means". The
// colon may be inside the bold text ("**Term:** what it means").
func hasLead(inlines []guide.Inline) bool {
	if len(inlines) < 2 {
		return false
	}
	s, ok := inlines[0].(*guide.Strong)
	if !ok {
		return false
	}
	lead := strings.TrimSpace(guide.PlainText(s.Children))
	rest := strings.TrimLeftFunc(flatten(inlines[1:]).text, unicode.IsSpace)
	if strings.HasSuffix(lead, ":") || strings.HasSuffix(lead, "：") {
		return rest != ""
	}
	sep, size := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune(leadSeparators, sep) {
		return false
	}
	after := rest[size:]
	if sep != ':' && sep != '：' && strings.TrimLeftFunc(after, unicode.IsSpace) == after {
		// A dash with no space after it joins words: "**Euro**-Atlantic".
		return false
	}
	return strings.TrimSpace(after) != ""
}
