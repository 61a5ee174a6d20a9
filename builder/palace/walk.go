package palace

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// walkThrough returns the section that walks the palace in words: an
// ordered list with, for each station, the locus name in bold and its
// cue, the key facts of what it stands for, and a link there.
func walkThrough(g *guide.Guide, words *labels.Catalogue, p *model, idx *factIndex, id, palaceID string) *guide.Section {
	heads := targetHeads(g)
	s := &guide.Section{ID: id, Title: words.Text("walk.title"), Pos: guide.NoPos, Kind: guide.WalkThrough}
	s.Blocks = append(s.Blocks, para(fill(words.Pieces("walk.intro"), map[string]guide.Inline{
		"palace": &guide.Link{Pos: guide.NoPos, URL: "#" + palaceID, Children: []guide.Inline{text(words.Text("walk.palace"))}},
	})...))
	list := &guide.List{Pos: guide.NoPos, Ordered: true, Start: 1}
	for _, st := range p.Stations {
		item := &guide.ListItem{Pos: guide.NoPos}
		name := &guide.Strong{Pos: guide.NoPos, Children: []guide.Inline{text(st.Name)}}
		head := []guide.Inline{name}
		f := factsOf(g, st.target, idx)
		cue, gist, rich := st.Cue, f.Gist, f.GistInlines
		var cueInlines []guide.Inline
		if whole, ok := restates(cue, gist); ok {
			cue, gist = whole, ""
			if rich != nil {
				// The cue in words is the gist, with its formulas,
				// begun as the cue begins.
				cueInlines, rich = rich, nil
				if r, _ := utf8.DecodeRuneInString(whole); unicode.IsUpper(r) {
					cueInlines = capitalizeInlines(cueInlines)
				}
			}
		}
		if cueInlines == nil && st.CueInlines != nil && cue == st.Cue {
			// A cue that holds a formula shows it.
			cueInlines = st.CueInlines
		}
		if cueInlines == nil {
			cueInlines = []guide.Inline{text(cue)}
		}
		if cue != "" {
			head = fill(words.Pieces("pair"), map[string]guide.Inline{
				"name": name,
				"text": &guide.Emph{Pos: guide.NoPos, Children: cueInlines},
			})
		}
		item.Blocks = append(item.Blocks, para(head...))
		switch {
		case rich != nil && gist != "":
			item.Blocks = append(item.Blocks, para(capitalizeInlines(rich)...))
		case gist != "":
			item.Blocks = append(item.Blocks, para(text(capitalize(gist))))
		}
		var extra []string
		if len(f.KeyPoints) > 0 {
			extra = append(extra, words.Format("walk.key-points", "list", strings.Join(f.KeyPoints, "; ")))
		}
		if len(f.Terms) > 0 {
			extra = append(extra, words.Format("walk.key-terms", "list", strings.Join(f.Terms, ", ")))
		}
		if len(f.Dates) > 0 {
			extra = append(extra, words.Format("walk.when", "list", strings.Join(f.Dates, ", ")))
		}
		switch {
		case f.KeyPointInlines != nil:
			// A key point's title that holds a formula shows it.
			var list []guide.Inline
			for i, title := range f.KeyPoints {
				if i > 0 {
					list = append(list, text("; "))
				}
				if ins := f.KeyPointInlines[i]; ins != nil {
					list = append(list, ins...)
				} else {
					list = append(list, text(title))
				}
			}
			ins := fillInlines(words.Pieces("walk.key-points"), map[string][]guide.Inline{"list": list})
			if len(extra) > 1 {
				ins = append(ins, text(" "+strings.Join(extra[1:], " ")))
			}
			item.Blocks = append(item.Blocks, para(ins...))
		case len(extra) > 0:
			item.Blocks = append(item.Blocks, para(text(strings.Join(extra, " "))))
		}
		if st.Target != "" {
			item.Blocks = append(item.Blocks, para(fill(words.Pieces("walk.see"), map[string]guide.Inline{
				"section": &guide.Link{Pos: guide.NoPos, URL: "#" + st.Target, Children: targetInlines(heads, st.Target, st.TargetTitle)},
			})...))
		}
		list.Items = append(list.Items, item)
	}
	s.Blocks = append(s.Blocks, list)
	return s
}

// targetHeads maps the id of each section and key point of g to its
// heading or title with its formulas (see targetInlines): a section's
// when a section has the id, else a key point's; nil when it holds none.
func targetHeads(g *guide.Guide) map[string][]guide.Inline {
	heads := map[string][]guide.Inline{}
	if g.Study != nil {
		for _, kp := range g.Study.KeyPoints {
			if kp.TitleInlines != nil {
				heads[kp.ID] = kp.TitleInlines
			}
		}
	}
	sections := map[string]bool{}
	g.WalkSections(func(s *guide.Section) bool {
		if !sections[s.ID] {
			sections[s.ID] = true
			if s.Heading != nil {
				heads[s.ID] = s.Heading
			}
		}
		return true
	})
	return heads
}

// targetInlines names a station's target as the walk-through shows it:
// the heading of a section, or the title of a key point, that holds a
// formula, with its formula (heads, see targetHeads), else title as text.
func targetInlines(heads map[string][]guide.Inline, id, title string) []guide.Inline {
	if head := heads[id]; head != nil {
		return head
	}
	return []guide.Inline{text(title)}
}

// capitalizeInlines returns inlines with the first letter of the text
// they open with in upper case, as capitalize does for a string.
func capitalizeInlines(ins []guide.Inline) []guide.Inline {
	if t, ok := ins[0].(*guide.Text); ok {
		return append([]guide.Inline{text(capitalize(t.Text))}, ins[1:]...)
	}
	return ins
}

// restates reports whether a station's gist says again what its cue says,
// as it does when the station was made from a key point: the cue is then
// that key point's text, perhaps cut short with an ellipsis for the
// drawing. It returns the cue to print in words: the whole gist, begun as
// the cue begins, so that nothing is cut and nothing is said twice.
func restates(cue, gist string) (string, bool) {
	stem := strings.TrimRight(strings.TrimSpace(cue), ".…!?;: ")
	gist = strings.TrimSpace(gist)
	if stem == "" || len(gist) < len(stem) || !strings.EqualFold(gist[:len(stem)], stem) {
		return "", false
	}
	return stem + gist[len(stem):], true
}

func text(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }

// fill turns the pieces of a text from the catalogue into inlines: plain
// text, and for each placeholder the inline given for it, or the
// placeholder as written when none is.
func fill(pieces []labels.Piece, slots map[string]guide.Inline) []guide.Inline {
	out := make([]guide.Inline, 0, len(pieces))
	for _, p := range pieces {
		if in, ok := slots[p.Slot]; ok && p.Slot != "" {
			out = append(out, in)
			continue
		}
		out = append(out, text(p.Text))
	}
	return out
}

// fillInlines turns the pieces of a text from the catalogue into
// inlines, as fill does, with any number of inlines for each
// placeholder.
func fillInlines(pieces []labels.Piece, slots map[string][]guide.Inline) []guide.Inline {
	return labels.Fill(pieces, slots, func(s string) guide.Inline { return text(s) })
}

func para(ins ...guide.Inline) *guide.Paragraph {
	return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins}
}

// blocksOf returns the blocks of a section as the palace reads them: a
// Div, which only says what language its blocks are in, stands for its
// blocks, so that a palace written in a passage of another language (or
// in a chapter of a book in another language) is read as any other.
func blocksOf(s *guide.Section) []guide.Block {
	var out []guide.Block
	var add func([]guide.Block)
	add = func(bs []guide.Block) {
		for _, b := range bs {
			if d, ok := b.(*guide.Div); ok {
				add(d.Blocks)
				continue
			}
			out = append(out, b)
		}
	}
	add(s.Blocks)
	return out
}
