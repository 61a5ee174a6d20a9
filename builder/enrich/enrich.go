// Package enrich adds study aids to a guide. Extract finds what a student
// reviews from (the key points, the key terms and the dates of the notes)
// and keeps those facts in Guide.Study; Summaries, Glance and Glossary then
// turn them into ordinary sections and tables of the guide, which the
// writers show like any other content.
//
// The driver runs the stages in this order: Extract, Summaries, Glance,
// then (after the mind palace) Glossary. Each stage is deterministic and
// accepts any guide the reader can produce; a stage that finds nothing to
// add leaves the guide as it was.
package enrich

import (
	"studyguide/builder/guide"
)

// warnf records a warning about the note at pos, when the guide knows its
// source.
func warnf(g *guide.Guide, pos guide.Pos, format string, args ...any) {
	if g.Source == nil {
		return
	}
	g.Source.Warnf(int(pos), format, args...)
}

// lineOf returns the 1-based line of pos in the note, or 0 when the guide
// has no source or pos is not in it.
func lineOf(g *guide.Guide, pos guide.Pos) int {
	if g.Source == nil || pos < 0 {
		return 0
	}
	line, _ := g.Source.Position(int(pos))
	return line
}

// isPalaceSection reports whether a section is the notes' own mind-palace
// section (see guide.IsPalaceTitle). Its list items are memory loci with
// their cue images, not key points, and its bold words are cues, not key
// terms: the palace stage presents them, so extraction leaves the section
// alone.
func isPalaceSection(s *guide.Section) bool {
	return guide.IsPalaceTitle(s.Title)
}

// switchedOff reports whether a front matter switch was given as false.
func switchedOff(b *bool) bool {
	return b != nil && !*b
}
