package pdf

import (
	"strconv"

	"studyguide/builder/guide"
)

// bodyFrame is the frame of running text at the top level.
func (w *writer) bodyFrame() frame {
	return frame{
		width: w.textW,
		style: textStyle{fam: bodyFam, size: w.lay.BodySize, color: colorText},
		lead:  w.bodyLead,
		skip:  parSkip * w.bodyLead,
	}
}

// bodyBoxes lays out the introduction and every section, and returns the
// boxes with the mark of each section's heading.
func (w *writer) bodyBoxes() ([]*box, map[*guide.Section]*mark) {
	marks := map[*guide.Section]*mark{}
	var out []*box
	w.layBody(marks, func(bs []*box) { out = append(out, bs...) })
	return out, marks
}

// layBody lays out the introduction and every section, and hands the
// boxes to yield as it goes: those of the introduction, then those of
// each section's heading and text before its subsections. Each slice is
// the layout's to give away: it is not changed after yield has it. A
// section's heading leaves its mark in marks; a section that has a mark
// already, from an earlier layout, keeps it.
func (w *writer) layBody(marks map[*guide.Section]*mark, yield func([]*box)) {
	l := &layouter{w: w}
	// keepTwo is the index in l.out of the first box of a section's text
	// while it is not yet known whether the heading keeps two of its
	// lines with it, -1 when it is known.
	keepTwo := -1
	settle := func(end bool) bool {
		if keepTwo < 0 {
			return true
		}
		first := keepTwo
		if first+1 >= len(l.out) && !end {
			return false
		}
		if first > 0 && first+1 < len(l.out) && l.out[first-1].keepNext {
			// A heading keeps two lines of its text with it, though the
			// first be a paragraph of one line.
			if b := l.out[first]; !b.keepNext {
				b.keepNext, b.glue = true, glueLines
			}
		}
		keepTwo = -1
		return true
	}
	// flush hands the boxes laid out since the last flush to yield. The
	// last box stays in l.out, as the first of the next boxes, for the
	// layout looks back at the box before what it lays out.
	sent := 0
	l.flush = func() {
		if !settle(false) || len(l.out) <= sent {
			return
		}
		yield(l.out[sent:])
		l.out = []*box{l.out[len(l.out)-1]}
		sent = 1
	}
	fr := w.bodyFrame()
	l.blocks(w.g.Intro, fr)
	l.flush()
	inOutline := outlined(w.g)
	var walk func(s *guide.Section)
	walk = func(s *guide.Section) {
		prev := l.cur
		l.cur = w.tags.elem("Sect", prev)
		defer func() { l.cur = prev }()
		mk := marks[s]
		if mk == nil {
			mk = newMark(s, inOutline(s))
			marks[s] = mk
		}
		anchor := w.links.internal(s.ID)
		blocks := s.Blocks
		fr := fr
		// On paper, the links of the study aids show where they go.
		fr.style.pages = s.Kind != guide.FromNotes
		if f := leadingFigure(s); f != nil {
			// The drawing is the section's page and carries its own
			// title: the heading is not printed, but its outline entry
			// and link target go on the drawing.
			var anchors []int
			if anchor != 0 {
				anchors = []int{anchor}
			}
			l.drawing(f, fr, mk, anchors)
			blocks = blocks[1:]
			if len(blocks) > 0 {
				l.space(fr.skip)
			}
		} else {
			start := len(l.out)
			l.heading(s.TitleInlines(), s.Level, s.Level, fr, mk, anchor)
			if tag := langTag(s.TitleLang); tag != "" && len(l.out) > start && l.out[start].tag != nil {
				// A heading in another language than the guide's.
				l.out[start].tag.more().lang = tag
			}
			if (opensPage(s) || s.Chapter || w.breaksBefore(s)) && len(l.out) > start {
				l.out[start].newPage = true
			}
		}
		keepTwo = len(l.out)
		l.blocks(blocks, fr)
		settle(true)
		l.flush()
		for _, c := range s.Sections {
			walk(c)
		}
	}
	for _, s := range w.g.Sections {
		walk(s)
	}
}

// breaksBefore reports whether the layout starts s on a new page: a
// top-level section of the notes when the layout breaks before sections,
// save the first, into which the introduction flows.
func (w *writer) breaksBefore(s *guide.Section) bool {
	return w.lay.BreakBeforeSections && s.Level == 1 && s.Kind == guide.FromNotes &&
		len(w.g.Sections) > 0 && s != w.g.Sections[0]
}

// opensPage reports whether a section starts on a new page: the study
// aids that are read on their own, and the self-test and its answer key
// (but not the groups of questions inside the test).
func opensPage(s *guide.Section) bool {
	switch s.Kind {
	case guide.Glance, guide.Glossary, guide.Palace, guide.WalkThrough:
		return true
	case guide.SelfTest, guide.Answers:
		return s.Level <= 1
	}
	return false
}

// leadingFigure returns the section's first block when it is a full-page
// figure that can be drawn, else nil.
func leadingFigure(s *guide.Section) *guide.Figure {
	if len(s.Blocks) == 0 {
		return nil
	}
	f, ok := s.Blocks[0].(*guide.Figure)
	if !ok || !figureFullPage(f) || !drawable(f) {
		return nil
	}
	return f
}

// heading lays out a section heading, its inlines (a formula typeset as
// in running text), in the bold sans at the size of its level, with
// space above it, kept with what follows. mk and anchor, when set, go on
// its first line.
//
// In the structure tree the heading is an H1 to H6 by tag, the level
// given for its place in the tree, which may differ from the level that
// sets its size.
func (l *layouter) heading(title []guide.Inline, level, tag int, fr frame, mk *mark, anchor int) {
	prev := l.cur
	l.cur = l.w.tags.elem("H"+strconv.Itoa(min(max(tag, 1), 6)), prev)
	defer func() { l.cur = prev }()
	size := l.w.lay.HeadingSizeFor(level)
	st := textStyle{fam: headFam, bold: true, size: size, color: colorHeading}
	if level > 2 {
		st.color = colorText
	}
	lead := pt(size) * 1.22
	switch level {
	case 1:
		l.space(1.5 * l.w.bodyLead)
	case 2:
		l.space(1.1 * l.w.bodyLead)
	default:
		l.space(0.85 * l.w.bodyLead)
	}
	hf := fr
	hf.style, hf.lead = st, lead
	lines := l.w.typeset(title, st, fr.width)
	if len(lines) == 0 {
		lines = []line{{}}
	}
	start := len(l.out)
	l.lines(lines, hf)
	for _, b := range l.out[start:] {
		b.keepNext, b.glue = true, glueHeading
	}
	first := l.out[start]
	first.more().mark = mk
	if anchor != 0 {
		first.addAnchors(anchor)
	}
	l.space(0.35 * l.w.bodyLead)
}

// outlined returns whether a section has an entry in the PDF's outline:
// every section does, unless the guide has more than maxTOCEntries, when
// the outline lists what the table of contents does (see planTOC).
func outlined(g *guide.Guide) func(*guide.Section) bool {
	n := 0
	g.WalkSections(func(*guide.Section) bool {
		n++
		return true
	})
	if n <= maxTOCEntries {
		return func(*guide.Section) bool { return true }
	}
	plan := planTOC(g.Sections)
	listed := make(map[*guide.Section]bool)
	var list func(sections []*guide.Section, depth int)
	list = func(sections []*guide.Section, depth int) {
		for _, s := range sections {
			listed[s] = true
			if depth > 1 {
				list(s.Sections, depth-1)
			}
		}
	}
	for i, s := range g.Sections {
		if plan.lists(i, s) {
			list([]*guide.Section{s}, plan.depth)
		}
	}
	return func(s *guide.Section) bool { return listed[s] }
}
