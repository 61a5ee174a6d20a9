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
