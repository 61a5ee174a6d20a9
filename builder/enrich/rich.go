package enrich

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// locate finds s, a piece of f's text whose runs of white space may be
// written differently, and returns where it starts and ends in f.text;
// ok is false when f's text does not hold it.
func (f flat) locate(s string) (start, end int, ok bool) {
	want := joinFields(s)
	if want == "" {
		return 0, 0, false
	}
	// norm is f.text with every run of space written as one; at[i] is
	// where byte i of norm comes from in f.text.
	var norm strings.Builder
	at := make([]int, 0, len(f.text)+1)
	space := false
	for i, r := range f.text {
		if unicode.IsSpace(r) {
			if !space {
				norm.WriteByte(' ')
				at = append(at, i)
			}
			space = true
			continue
		}
		space = false
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
		}
		for k := range n {
			at = append(at, i+k)
		}
		norm.WriteRune(r)
	}
	at = append(at, len(f.text))
	i := strings.Index(norm.String(), want)
	if i < 0 || i+len(want) >= len(at) {
		return 0, 0, false
	}
	return at[i], at[i+len(want)-1] + 1, true
}

// inlines returns f.text[start:end] as inlines: its text, with runs of
// white space written as one space, and each formula the span holds
// whole as the formula itself.
func (f flat) inlines(start, end int) []guide.Inline {
	var out []guide.Inline
	text := func(s string) {
		var b strings.Builder
		space := false
		for _, r := range s {
			if unicode.IsSpace(r) {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			space = false
			b.WriteRune(r)
		}
		t := b.String()
		if len(out) == 0 {
			t = strings.TrimLeft(t, " ")
		}
		if t != "" {
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: t})
		}
	}
	at := start
	for _, fs := range f.formulas {
		if fs.start < at || fs.end > end {
			continue
		}
		if fs.start > at {
			text(f.text[at:fs.start])
		}
		out = append(out, fs.node)
		at = fs.end
	}
	if at < end {
		text(f.text[at:end])
	}
	if n := len(out); n > 0 {
		if t, ok := out[n-1].(*guide.Text); ok {
			t.Text = strings.TrimRight(t.Text, " ")
		}
	}
	return out
}

// rich returns s, a piece of f's text, as inlines with the formulas it
// holds whole (see inlines); nil when it holds none or f does not hold
// s, in which case s as plain text says the same.
func (f flat) rich(s string) []guide.Inline {
	if len(f.formulas) == 0 {
		return nil
	}
	start, end, ok := f.locate(s)
	capital := false
	if r, size := utf8.DecodeRuneInString(s); !ok && unicode.IsUpper(r) {
		// A meaning starts with a capital where its sentence may not.
		start, end, ok = f.locate(string(unicode.ToLower(r)) + s[size:])
		capital = ok
	}
	if !ok || !f.holdsFormula(start, end) {
		return nil
	}
	out := f.inlines(start, end)
	if t, isText := out[0].(*guide.Text); capital && isText {
		r, size := utf8.DecodeRuneInString(t.Text)
		t.Text = string(unicode.ToUpper(r)) + t.Text[size:]
	}
	return out
}

// holdsFormula reports whether f.text[start:end] holds a whole formula.
func (f flat) holdsFormula(start, end int) bool {
	for _, fs := range f.formulas {
		if fs.start >= start && fs.end <= end {
			return true
		}
	}
	return false
}

// cutsFormula reports whether the span from start to end of f.text
// overlaps a formula without holding it whole.
func (f flat) cutsFormula(start, end int) bool {
	for _, fs := range f.formulas {
		if fs.start < end && fs.end > start && (fs.start < start || fs.end > end) {
			return true
		}
	}
	return false
}

// richGist returns a gist made by cutGist from sentence, a piece of f's
// text, as inlines with its formulas (nil when it has none). A cut that
// would fall inside a formula is moved to the formula's end, so a gist
// never shows part of one; the gist's text changes to match.
func (f flat) richGist(sentence string) (string, []guide.Inline) {
	gist := cutGist(sentence)
	if len(f.formulas) == 0 {
		return gist, nil
	}
	start, end, ok := f.locate(sentence)
	if !ok {
		return gist, nil
	}
	kept, cut := strings.CutSuffix(gist, "…")
	if !cut {
		if !f.holdsFormula(start, end) {
			return gist, nil
		}
		return gist, f.inlines(start, end)
	}
	s, e, ok := f.locate(kept)
	if !ok || s < start {
		return gist, nil
	}
	for _, fs := range f.formulas {
		if fs.start < e && fs.end > e {
			e = fs.end
		}
	}
	if !f.holdsFormula(s, e) {
		return gist, nil
	}
	ins := append(f.inlines(s, e), &guide.Text{Pos: guide.NoPos, Text: "…"})
	return joinFields(f.text[s:e]) + "…", ins
}

// holdsFormula reports whether n holds a formula: bold maths is
// emphasis, never a key term.
func holdsFormula(n guide.Node) bool {
	if s, ok := n.(*guide.Strong); ok {
		// Most strong runs are text alone.
		plain := true
		for _, c := range s.Children {
			_, text := c.(*guide.Text)
			plain = plain && text
		}
		if plain {
			return false
		}
	}
	found := false
	guide.Inspect(n, func(c guide.Node) bool {
		if _, ok := c.(*guide.Formula); ok {
			found = true
		}
		return !found
	})
	return found
}

// flattenFirst flattens the first paragraph among blocks, looking into
// lists and quotes, that has words, when it holds a formula: where the
// formulas of the gist of a key point whose first paragraph is its title
// alone come from. A paragraph without formulas gives an empty flat,
// which says as much, since its text is needed only with its formulas
// (see flat.rich and flat.richGist).
func flattenFirst(blocks []guide.Block) flat {
	var out flat
	found := false
	for _, b := range blocks {
		guide.Inspect(b, func(n guide.Node) bool {
			if found {
				return false
			}
			if p, ok := n.(*guide.Paragraph); ok {
				if writesWords(p.Inlines) {
					found = true
					if slices.ContainsFunc(p.Inlines, func(in guide.Inline) bool { return holdsFormula(in) }) {
						out = flatten(p.Inlines)
					}
				}
				return false
			}
			return true
		})
	}
	return out
}

// writesWords reports whether the text of inlines, as flatten writes
// it, holds anything but white space.
func writesWords(inlines []guide.Inline) bool {
	found := false
	for _, in := range inlines {
		guide.Inspect(in, func(n guide.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *guide.Text:
				found = strings.TrimSpace(n.Text) != ""
			case *guide.Code:
				found = strings.TrimSpace(n.Text) != ""
			case *guide.Formula:
				found = strings.TrimSpace(n.Text()) != ""
			case *guide.Image:
				found = strings.TrimSpace(n.Alt) != ""
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// appendPieces appends f.text[start:end] to out as pieces of a
// question's prompt: its text as it is, and each formula it holds whole
// as a formula piece.
func (f flat) appendPieces(out []guide.Piece, start, end int) []guide.Piece {
	at := start
	for _, fs := range f.formulas {
		if fs.start < at || fs.end > end {
			continue
		}
		if fs.start > at {
			out = append(out, guide.Piece{Text: f.text[at:fs.start]})
		}
		out = append(out, guide.Piece{Text: f.text[fs.start:fs.end], Formula: fs.node})
		at = fs.end
	}
	if at < end {
		out = append(out, guide.Piece{Text: f.text[at:end]})
	}
	return out
}
