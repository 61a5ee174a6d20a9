package epub

import (
	"strconv"

	"studyguide/builder/guide"
)

// noteNumber returns the number shown for footnote i: its place in the
// guide's list of footnotes, counted from one.
func noteNumber(i int) string {
	return strconv.Itoa(i + 1)
}

// noteID returns the id of footnote i's aside.
func (b *book) noteID(i int) string {
	return b.noteIDs[i]
}

// assignNoteIDs gives every footnote the id its aside carries: the
// guide's own id, or a fresh one when the guide has none.
func (b *book) assignNoteIDs() {
	b.noteIDs = make([]string, len(b.g.Footnotes))
	for i, fn := range b.g.Footnotes {
		id := xmlID(fn.ID)
		if id == "" {
			id = b.ids.Claim("fn-" + noteNumber(i))
		}
		b.noteIDs[i] = id
	}
}

// footnotes sets, at the end of the page, every footnote the page
// references, each in an EPUB 3 footnote aside with a link back to each
// reference. Footnotes that nothing references come last on the guide's
// last page, without a way back. A footnote whose text references another
// footnote brings that one onto the page too.
func (p *pageWriter) footnotes() {
	strays := p.b.strays[p.file]
	if len(p.notes) == 0 && len(strays) == 0 {
		return
	}
	p.start("section", attr{"class", "footnotes"}, attr{"epub:type", "footnotes"})
	p.nl()
	// Writing a footnote may add to p.notes, so each turn takes the first
	// footnote not yet written, from the page's own before the strays.
	// Everything before a cursor is written: the cursors only move on,
	// which keeps a page of many footnotes linear.
	done := make(map[int]bool)
	var onPage, stray int
	for {
		for onPage < len(p.notes) && done[p.notes[onPage]] {
			onPage++
		}
		for stray < len(strays) && done[strays[stray]] {
			stray++
		}
		var next int
		switch {
		case onPage < len(p.notes):
			next = p.notes[onPage]
		case stray < len(strays):
			next = strays[stray]
		default:
			p.end("section")
			p.nl()
			return
		}
		done[next] = true
		p.footnote(next)
	}
}

// footnote writes one footnote aside. Its number opens the first
// paragraph and links back to the first reference; further references on
// the page get a link each after it.
func (p *pageWriter) footnote(i int) {
	fn := p.b.g.Footnotes[i]
	p.start("aside", withID(p.claim(p.b.noteID(i)),
		attr{"class", "footnote"},
		attr{"epub:type", "footnote"},
		attr{"role", "doc-footnote"})...)
	p.nl()
	blocks := fn.Blocks
	p.start("p")
	p.backLinks(i)
	if len(blocks) > 0 {
		if para, ok := blocks[0].(*guide.Paragraph); ok && loneImage(para.Inlines) == nil {
			p.text(" ")
			p.inlines(para.Inlines)
			blocks = blocks[1:]
		}
	}
	p.end("p")
	p.nl()
	p.blocks(blocks)
	p.end("aside")
	p.nl()
}

// backLinks writes the footnote's number as a link to its first reference
// on the page, and a numbered return link for each further reference.
func (p *pageWriter) backLinks(i int) {
	refs := p.refs[i]
	if len(refs) == 0 {
		p.element("span", noteNumber(i), attr{"class", "note-number"})
		return
	}
	p.element("a", noteNumber(i),
		attr{"href", "#" + refs[0]},
		attr{"class", "note-number"},
		attr{"role", "doc-backlink"})
	for k, ref := range refs[1:] {
		p.text(" ")
		p.element("a", "↩"+strconv.Itoa(k+2),
			attr{"href", "#" + ref},
			attr{"class", "backlink"},
			attr{"role", "doc-backlink"})
	}
}
