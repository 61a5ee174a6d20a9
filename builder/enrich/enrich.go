// Package enrich adds study aids to a guide. Extract finds what a student
// reviews from (the key points, the key terms and the dates of the notes)
// and keeps those facts in Guide.Study; Summaries, Glance and Glossary then
// turn them into ordinary sections and tables of the guide, which the
// writers show like any other content.
//
// The study aids (package aids) run the stages in this order: Extract,
// Summaries, Glance, then (after the mind palace) Glossary, and leave out
// those the notes or the command switch off. Each stage is deterministic and
// accepts any guide the reader can produce; a stage that finds nothing to
// add leaves the guide as it was.
package enrich

import (
	"fmt"

	"studyguide/builder/guide"
)

// warnf records a warning about the notes at pos, when the guide knows
// its notes.
func warnf(g *guide.Guide, pos guide.Pos, format string, args ...any) {
	if g.Files == nil {
		return
	}
	g.Files.Warnf(pos, format, args...)
}

// placeOf says where pos is for a warning made at from: "on line 12" when
// both are in one note, "on line 12 of other.md" when pos is in another
// note of the guide, and "" when the guide knows no notes or pos is in
// none of them.
func placeOf(g *guide.Guide, pos, from guide.Pos) string {
	p := g.Files.Position(pos)
	switch {
	case p.Line == 0:
		return ""
	case g.Files.File(pos) != g.Files.File(from):
		return fmt.Sprintf("on line %d of %s", p.Line, p.Filename)
	}
	return fmt.Sprintf("on line %d", p.Line)
}

// isPalaceSection reports whether a section is the notes' own mind-palace
// section (see guide.IsPalaceTitle). Its list items are memory loci with
// their cue images, not key points, and its bold words are cues, not key
// terms: the palace stage presents them, so extraction leaves the section
// alone.
func isPalaceSection(s *guide.Section) bool {
	return guide.IsPalaceTitle(s.Title)
}
