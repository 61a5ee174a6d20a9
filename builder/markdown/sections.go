package markdown

import (
	"fmt"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// tree is the outline of a note: its title, the blocks before the first
// section and the top-level sections.
type tree struct {
	title string
	// titleInlines is the title heading's inlines when it holds a
	// formula (see headingInlines), else nil.
	titleInlines []guide.Inline
	intro        []guide.Block
	sections     []*guide.Section
}

// buildTree finds the title and arranges the remaining items into a tree
// of sections by heading level.
//
// The title is metaTitle when the front matter gives one; a first heading
// that says the same is then dropped. Otherwise the first heading is the
// title when it opens the note and is the only heading at its level or
// above; a note that opens with one of several top-level headings is a
// note of several parts, and its title comes from the file name
// (fallback). Headings right after the title that repeat it are dropped
// too.
//
// A section's ID holds the slug of its title, as a key point's does, until
// assignIDs makes the ids.
//
// Levels are made relative: a heading's Level is one more than the number
// of open sections above it, so the shallowest heading level gives Level 1
// and a jump from h2 to h4 nests only one level deeper.
func buildTree(file *diag.File, items []item, metaTitle, fallback string) tree {
	t := tree{title: metaTitle}
	i := 0
	switch {
	case t.title != "":
		if len(items) > 0 && items[0].heading != nil && sameTitle(items[0].heading.title, t.title) {
			i = 1
		}
	case isTitleHeading(items):
		t.title, t.titleInlines = items[0].heading.title, items[0].heading.inlines
		i = 1
	}
	if t.title == "" {
		t.title = fallback
	} else {
		for i < len(items) && items[i].heading != nil && sameTitle(items[i].heading.title, t.title) {
			i++
		}
	}

	var open []*guide.Section
	count := 0
	for ; i < len(items); i++ {
		it := items[i]
		if it.heading == nil {
			if len(open) == 0 {
				t.intro = append(t.intro, it.block)
			} else {
				s := open[len(open)-1]
				s.Blocks = append(s.Blocks, it.block)
			}
			continue
		}
		h := it.heading
		count++
		for len(open) > 0 && open[len(open)-1].HeadingLevel >= h.level {
			open = open[:len(open)-1]
		}
		s := &guide.Section{Title: h.title, ID: h.slug, Heading: h.inlines, TitleLang: h.lang, Level: len(open) + 1, HeadingLevel: h.level, Pos: h.pos}
		if s.Title == "" {
			file.Set().Warnf(h.pos, "heading has no text")
			s.Title = fmt.Sprintf("Section %d", count)
			s.ID = slug(s.Title)
		}
		if len(open) == 0 {
			t.sections = append(t.sections, s)
		} else {
			parent := open[len(open)-1]
			parent.Sections = append(parent.Sections, s)
		}
		open = append(open, s)
	}

	if len(t.sections) == 0 {
		// A note without headings is one section under the guide's title.
		s := &guide.Section{Title: t.title, ID: slug(t.title), Heading: t.titleInlines, Level: 1, HeadingLevel: 1, Pos: guide.NoPos, Blocks: t.intro}
		if len(t.intro) > 0 {
			s.Pos = t.intro[0].Position()
		}
		t.sections = []*guide.Section{s}
		t.intro = nil
	}
	return t
}

// isTitleHeading reports whether the note opens with a heading that
// stands above every other heading, not counting repeats of it right
// after it.
func isTitleHeading(items []item) bool {
	if len(items) == 0 || items[0].heading == nil || items[0].heading.title == "" {
		return false
	}
	first := items[0].heading
	rest := items[1:]
	for len(rest) > 0 && rest[0].heading != nil && sameTitle(rest[0].heading.title, first.title) {
		rest = rest[1:]
	}
	for _, it := range rest {
		if it.heading != nil && it.heading.level <= first.level {
			return false
		}
	}
	return true
}
