package enrich

import (
	"slices"
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
)

// Glossary adds a "Glossary" section after every other section: one table
// with a row per key term, sorted the way a reader of the guide's
// language expects. Each row gives the term (with an acronym or other
// spelling that its name does not already show), the sentence that
// explains it, and a reference to its first use, which the EPUB shows as
// a link named after the section and the PDF as a page number.
//
// Glossary does nothing when there are no key terms or when Extract has
// not run.
func Glossary(g *guide.Guide) {
	if g == nil || g.Study == nil || len(g.Study.Terms) == 0 {
		return
	}
	for _, s := range g.Sections {
		if s.Kind == guide.Glossary {
			return
		}
	}
	ids := workers.Later(g.IDs)
	titles := sectionTitles(g)
	heads := sectionHeadings(g)
	book := isBook(g)
	words := labels.For(g.Meta.Lang)
	used := ids()
	sec := &guide.Section{
		ID:           used.Claim("glossary"),
		Title:        words.Text("glossary.title"),
		Level:        1,
		HeadingLevel: topHeadingLevel(g),
		Pos:          guide.NoPos,
		Kind:         guide.Glossary,
	}
	t := newTable(words, guide.Glossary, used.Claim("glossary-table"), words.Text("glossary.caption"),
		column{guide.RoleTerm, "glossary.term"},
		column{guide.RoleMeaning, "glossary.meaning"},
		column{guide.RoleSee, "glossary.see"})
	var chapters *chapterTitles
	for _, term := range g.Study.Terms {
		if book || len(term.Chapters) > 1 {
			chapters = newChapterTitles(g)
			break
		}
	}
	// Each term's row is made on its own, side by side.
	sorted := sortTerms(g.Study.Terms, g.Meta.Lang)
	t.Rows = make([][]guide.Cell, len(sorted))
	makers := make([]*nodes, workers.Count(len(sorted)))
	workers.EachOn(len(sorted), func(w, i int) {
		if makers[w] == nil {
			makers[w] = new(nodes)
		}
		n := makers[w]
		term := sorted[i]
		where, ok := titles[term.SectionID]
		if !ok || term.SectionID == "" {
			where = g.Meta.Title
		}
		see := guide.Cell{Inlines: []guide.Inline{&guide.Ref{
			Pos:      guide.NoPos,
			Target:   term.ID,
			Children: titleInlines(heads, term.SectionID, where),
		}}}
		if places := term.Chapters; len(places) > 1 {
			see = chapterRefs(g, chapters, titles, heads, places)
		} else if book {
			see = chapterRefs(g, chapters, titles, heads, []guide.TermPlace{{ID: term.ID, SectionID: term.SectionID}})
		}
		t.Rows[i] = append(n.row(3),
			n.textCell(glossaryName(words, term)),
			n.richCell(term.Meaning, orDash(term.Explanation)),
			see,
		)
	})
	sec.Blocks = []guide.Block{t}
	g.Sections = append(g.Sections, sec)
}

// chapterRefs is the "see" cell of a term of a book: a reference into
// each chapter that uses it, named after the chapter and the section
// ("Lesson 1: Evaporation: How Water Rises"), one per line, each title
// with the formulas it holds (see sectionHeadings).
func chapterRefs(g *guide.Guide, chapters *chapterTitles, titles map[string]string, heads map[string][]guide.Inline, places []guide.TermPlace) guide.Cell {
	chapter, chapterID := chapters.title, chapters.id
	var c guide.Cell
	for i, p := range places {
		if i > 0 {
			c.Inlines = append(c.Inlines, &guide.Break{Pos: guide.NoPos, Hard: true})
		}
		name := chapter[p.SectionID]
		kids := titleInlines(heads, chapterID[p.SectionID], name)
		if t := titles[p.SectionID]; t != "" && t != name {
			name += ": " + t
			kids = append(append(slices.Clip(kids), &guide.Text{Pos: guide.NoPos, Text: ": "}), titleInlines(heads, p.SectionID, t)...)
		}
		if name == "" {
			name = g.Meta.Title
			kids = []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: name}}
		}
		if heads[chapterID[p.SectionID]] == nil && heads[p.SectionID] == nil {
			kids = []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: name}}
		}
		c.Inlines = append(c.Inlines, &guide.Ref{
			Pos:      guide.NoPos,
			Target:   p.ID,
			Children: kids,
		})
	}
	return c
}

// chapterTitles holds, for each section id of a book, the title and the
// id of the chapter (top-level section) it is in.
type chapterTitles struct {
	title, id map[string]string
}

func newChapterTitles(g *guide.Guide) *chapterTitles {
	c := &chapterTitles{title: map[string]string{}, id: map[string]string{}}
	for _, s := range g.Sections {
		s.Walk(func(sub *guide.Section) bool {
			c.title[sub.ID], c.id[sub.ID] = s.Title, s.ID
			return true
		})
	}
	return c
}

// glossaryName is a term's name as the glossary shows it: the name, and
// after it any alias the name does not already contain ("Kosovo Force
// (KFOR)" stays as it is; "Blue helmets" seen also as "UN peacekeepers"
// reads "Blue helmets (also: UN peacekeepers)").
func glossaryName(words *labels.Catalogue, t *guide.Term) string {
	var extra []string
	name := termKey(t.Name)
	for _, a := range t.Aliases {
		if !strings.Contains(name, termKey(a)) {
			extra = append(extra, a)
		}
	}
	if len(extra) == 0 {
		return t.Name
	}
	return words.Format("glossary.also", "name", t.Name, "others", strings.Join(extra, ", "))
}
