package pdf

import (
	"studyguide/builder/guide"
)

// bodyFrame is the frame of running text at the top level.
func (w *writer) bodyFrame() frame {
	return frame{
		width: w.textW,
		style: textStyle{fam: serif, size: w.lay.BodySize, color: colorText},
		lead:  w.bodyLead,
		skip:  parSkip * w.bodyLead,
	}
}

// bodyBoxes lays out the introduction and every section, and returns the
// boxes with the mark of each section's heading.
func (w *writer) bodyBoxes() ([]*box, map[*guide.Section]*mark) {
	l := &layouter{w: w}
	fr := w.bodyFrame()
	l.blocks(w.g.Intro, fr)
	marks := map[*guide.Section]*mark{}
	var walk func(s *guide.Section)
	walk = func(s *guide.Section) {
		mk := &mark{title: s.Title, level: s.Level - 1}
		marks[s] = mk
		l.heading(s.Title, s.Pos, s.Level, fr, mk, w.links.internal(s.ID))
		l.blocks(s.Blocks, fr)
		for _, c := range s.Sections {
			walk(c)
		}
	}
	for _, s := range w.g.Sections {
		walk(s)
	}
	return l.out, marks
}

// heading lays out a section heading in the bold sans at the size of its
// level, with space above it, kept with what follows. mk and anchor, when
// set, go on its first line.
func (l *layouter) heading(title string, pos guide.Pos, level int, fr frame, mk *mark, anchor int) {
	size := l.w.lay.HeadingSizeFor(level)
	st := textStyle{fam: sans, bold: true, size: size, color: colorHeading}
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
	lines := l.w.typeset(plain(pos, title), st, fr.width)
	if len(lines) == 0 {
		lines = []line{{}}
	}
	start := len(l.out)
	l.lines(lines, hf)
	for _, b := range l.out[start:] {
		b.keepNext = true
	}
	first := l.out[start]
	first.mark = mk
	if anchor != 0 {
		first.anchors = append(first.anchors, anchor)
	}
	l.space(0.35 * l.w.bodyLead)
}
