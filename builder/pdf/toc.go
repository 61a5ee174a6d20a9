package pdf

import (
	"strconv"
	"strings"

	"studyguide/builder/guide"
)

// tocDepth is the deepest section level the table of contents lists.
const tocDepth = 3

// maxTOCEntries is about the most entries the table of contents lists:
// some twenty pages. Deeper levels are left out first; a guide with more
// top-level sections than this lists every so many of them, evenly.
const maxTOCEntries = 1000

// tocPlan says which sections the table of contents lists: those down to
// depth, and of the top-level ones every every-th and every study aid.
type tocPlan struct {
	depth, every int
}

// lists reports whether the plan lists top-level section s, the i-th.
func (p tocPlan) lists(i int, s *guide.Section) bool {
	return i%p.every == 0 || s.Kind != guide.FromNotes
}

// planTOC fits the table of contents of sections within maxTOCEntries.
func planTOC(sections []*guide.Section) tocPlan {
	if n := len(sections); n > maxTOCEntries {
		return tocPlan{depth: 1, every: (n + maxTOCEntries - 1) / maxTOCEntries}
	}
	count, depth := 0, 0
	for level := sections; len(level) > 0 && depth < tocDepth; depth++ {
		if count += len(level); count > maxTOCEntries {
			break
		}
		var next []*guide.Section
		for _, s := range level {
			next = append(next, s.Sections...)
		}
		level = next
	}
	return tocPlan{depth: max(depth, 1), every: 1}
}

// tocBoxes lays out the table of contents: a heading, then one entry per
// section down to the depth planTOC allows, each with dotted leaders to its page number and
// each a link to its section. Page numbers are read from the marks when
// the entries are painted, after the body has been paginated.
func (w *writer) tocBoxes(marks map[*guide.Section]*mark) []*box {
	l := &layouter{w: w}
	l.heading(plain(guide.NoPos, w.labels.Text("toc.title")), 1, 1, frame{width: w.textW, lead: w.bodyLead, style: textStyle{size: w.lay.BodySize}}, nil, 0)

	size := w.lay.BodySize
	lead := w.bodyLead
	// Page numbers and leaders are set in the regular serif; their
	// characters are measured now, before any page exists.
	face := w.fs.chain(bodyFam, false, false).primary
	numW := w.m.width(face, size, "0000")
	w.m.width(face, size, "0123456789")
	pitch := w.m.width(face, size, ". ")
	leaderEnd := w.textW - numW - 0.8*pt(size)

	// Top-level entries are bold when entries of lower levels stand
	// between them.
	nested := false
	for _, s := range w.g.Sections {
		nested = nested || len(s.Sections) > 0
	}
	plan := planTOC(w.g.Sections)
	toc := w.tags.elem("TOC", nil)
	top := -1
	// repeats is the level of the last section listed whose subsections
	// only repeat the guide's own (the self-test's groups), while the walk
	// is below it; they are not listed.
	repeats := 0
	w.g.WalkSections(func(s *guide.Section) bool {
		if repeats > 0 && s.Level > repeats {
			return true
		}
		repeats = 0
		if s.Level == 1 {
			top++
		}
		if s.Level > plan.depth || !plan.lists(top, s) {
			return true
		}
		mk := marks[s]
		st := textStyle{fam: bodyFam, bold: nested && s.Level == 1, size: size, color: colorText}
		indent := float64(s.Level-1) * 1.6 * pt(size)
		fr := frame{indent: indent, width: leaderEnd - indent - 2*pitch, style: st, lead: lead}
		lines := w.typeset(s.TitleInlines(), st, fr.width)
		if len(lines) == 0 {
			lines = []line{{}}
		}
		// The page number reads after a space: the title ends with
		// one, unless it cannot, and then the number starts with one.
		spaced := w.ts.endWithSpace(&lines[len(lines)-1])
		if s.Level == 1 {
			l.space(0.45 * lead)
		}
		link := w.links.refInternal(w.links.internal(s.ID))
		h := float64(len(lines)) * lead
		base := lead/2 + baselineRatio*pt(size)
		textW := w.textW
		// Each entry is a TOCI holding a Link: the title and the page
		// number are its text, the dotted leaders decoration.
		entry := w.tags.elem("Link", w.tags.elem("TOCI", toc))
		title := s.Title
		b := &box{h: h, baseline: base, tag: entry}
		b.paint = func(p *pen, x, y float64) {
			for i := range lines {
				p.line(&lines[i], x+indent, y+base+float64(i)*lead)
			}
			last := &lines[len(lines)-1]
			ly := y + base + float64(len(lines)-1)*lead
			// The leaders are decoration, not the text of the entry.
			n := strconv.Itoa(mk.page)
			late := mk.page == 0 && p.late != nil
			if late {
				// The body is not drawn yet: the number is printed
				// when it is known, set flush right as it would be.
				k := lateKey{what: lateWhat{mk: mk}, face: face, size: size, color: colorText, align: alignRight}
				k.before = !spaced
				p.texts = append(p.texts, pendingText{x: x + textW, y: ly, mark: p.want, form: p.late.form(k)})
			} else {
				nx := x + textW - p.m.width(face, size, n)
				if !spaced {
					p.say(nx-p.m.width(face, size, " "), ly, " ", face, size, colorText)
				}
				p.say(nx, ly, n, face, size, colorText)
			}
			from := indent + last.w + pitch
			if dots := int((leaderEnd - from) / pitch); dots > 0 {
				p.sayAs(artifact, x+leaderEnd-float64(dots)*pitch, ly, strings.Repeat(". ", dots), face, size, colorTOCLeader)
			}
			contents := func() string {
				return w.labels.Format("pair", "name", title, "text", w.labels.Text("page.ref")+" "+strconv.Itoa(mk.page))
			}
			annots := p.annotCount()
			p.placeLink(link, x+indent, y, textW-indent, h, entry, contents())
			if late && p.annotCount() == annots+1 {
				p.late.annotSay(annots, contents)
			}
		}
		l.push(b, &fr)
		if s.Kind.RepeatsSections() {
			repeats = s.Level
		}
		return true
	})
	return l.out
}
