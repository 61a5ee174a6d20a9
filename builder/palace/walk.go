package palace

import (
	"strings"

	"studyguide/builder/guide"
)

// walkThrough returns the section that walks the palace in words: an
// ordered list with, for each station, the locus name in bold and its
// cue, the key facts of what it stands for, and a link there.
func walkThrough(g *guide.Guide, p *model, id, palaceID string) *guide.Section {
	kp := studyFacts(g)
	s := &guide.Section{ID: id, Title: "Walking the palace", Pos: guide.NoPos, Kind: guide.WalkThrough}
	s.Blocks = append(s.Blocks, &guide.Paragraph{Pos: guide.NoPos, Inlines: []guide.Inline{
		text("Walk through the "),
		&guide.Link{Pos: guide.NoPos, URL: "#" + palaceID, Children: []guide.Inline{text("palace")}},
		text(" room by room. In each room, picture the cue, then recall what it stands for."),
	}})
	list := &guide.List{Pos: guide.NoPos, Ordered: true, Start: 1}
	for _, st := range p.Stations {
		item := &guide.ListItem{Pos: guide.NoPos}
		head := []guide.Inline{&guide.Strong{Pos: guide.NoPos, Children: []guide.Inline{text(st.Name)}}}
		if st.Cue != "" {
			head = append(head, text(": "), &guide.Emph{Pos: guide.NoPos, Children: []guide.Inline{text(st.Cue)}})
		}
		item.Blocks = append(item.Blocks, para(head...))
		f := factsOf(g, st.target, kp)
		if f.Gist != "" {
			item.Blocks = append(item.Blocks, para(text(capitalize(f.Gist))))
		}
		var extra []string
		if len(f.KeyPoints) > 0 {
			extra = append(extra, "Key points: "+strings.Join(f.KeyPoints, "; ")+".")
		}
		if len(f.Terms) > 0 {
			extra = append(extra, "Key terms: "+strings.Join(f.Terms, ", ")+".")
		}
		if len(f.Dates) > 0 {
			extra = append(extra, "When: "+strings.Join(f.Dates, ", ")+".")
		}
		if len(extra) > 0 {
			item.Blocks = append(item.Blocks, para(text(strings.Join(extra, " "))))
		}
		if st.Target != "" {
			item.Blocks = append(item.Blocks, para(text("See "),
				&guide.Link{Pos: guide.NoPos, URL: "#" + st.Target, Children: []guide.Inline{text(st.TargetTitle)}}, text(".")))
		}
		list.Items = append(list.Items, item)
	}
	s.Blocks = append(s.Blocks, list)
	return s
}

func text(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }

func para(ins ...guide.Inline) *guide.Paragraph {
	return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins}
}
