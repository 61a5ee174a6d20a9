package enrich

import (
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
)

// Thresholds for the per-section tables.
const (
	minSummaryPoints = 2 // key points a section needs for a summary table
	minTermTable     = 3 // key terms a section without key points needs for a terms table
)

// Summaries adds a table at the end of each section's own blocks (before
// its subsections). A section with at least two key points of its own
// gets a summary table: Key point (a link to it) | Key terms | When | In
// one line, where a cell with nothing to show holds a dash. A section
// with no key point but at least three key terms first used in it gets a
// "Terms in this section" table: Term | Meaning. The introduction before
// the first section is treated like a section.
//
// Summaries does nothing when Extract has not run.
func Summaries(g *guide.Guide) {
	if g == nil || g.Study == nil {
		return
	}
	ids := workers.Later(g.IDs)
	words := labels.For(g.Meta.Lang)
	points := map[string][]*guide.KeyPointFacts{}
	for _, kp := range g.Study.KeyPoints {
		points[kp.SectionID] = append(points[kp.SectionID], kp)
	}
	terms := map[string][]*guide.Term{}
	for _, t := range g.Study.Terms {
		terms[t.SectionID] = append(terms[t.SectionID], t)
	}
	// Each section's table is made on its own, side by side, and given
	// its id afterwards, in reading order.
	type place struct {
		blocks    *[]guide.Block
		id, title string
		heading   []guide.Inline
		table     *guide.Table
		idBase    string
	}
	places := []place{{blocks: &g.Intro, title: g.Meta.Title}}
	g.WalkSections(func(s *guide.Section) bool {
		if s.Kind == guide.FromNotes {
			places = append(places, place{blocks: &s.Blocks, id: s.ID, title: s.Title, heading: s.Heading})
		}
		return true
	})
	makers := make([]*nodes, workers.Count(len(places)))
	workers.EachOn(len(places), func(w, i int) {
		if makers[w] == nil {
			makers[w] = new(nodes)
		}
		n := makers[w]
		p := &places[i]
		if hasAid(*p.blocks, guide.Summary, guide.TermTable) {
			return
		}
		if t := summaryTable(n, words, points[p.id], p.title); t != nil {
			if p.heading != nil {
				// The caption names the section with its formula.
				t.CaptionInlines = fillInlines(words.Pieces("summary.caption"), map[string][]guide.Inline{"section": p.heading})
			}
			p.table, p.idBase = t, aidID("summary", p.id)
			return
		}
		if t := termTable(n, words, len(points[p.id]), terms[p.id]); t != nil {
			p.table, p.idBase = t, aidID("terms", p.id)
		}
	})
	used := ids()
	for _, p := range places {
		if p.table != nil {
			p.table.ID = used.Claim(p.idBase)
			*p.blocks = append(*p.blocks, p.table)
		}
	}
}

// summaryTable makes the summary table of a section's key points, or nil
// when it has too few, without its id. The key terms and dates columns are left out when
// no key point of the section has any: a column of dashes tells the
// reader nothing and takes the room "in one line" needs.
func summaryTable(n *nodes, words *labels.Catalogue, points []*guide.KeyPointFacts, title string) *guide.Table {
	if len(points) < minSummaryPoints {
		return nil
	}
	anyTerms, anyDates := false, false
	for _, kp := range points {
		anyTerms = anyTerms || len(kp.Terms) > 0
		anyDates = anyDates || len(kp.Dates) > 0
	}
	columns := []column{{guide.RoleKeyPoint, "summary.key-point"}}
	if anyTerms {
		columns = append(columns, column{guide.RoleTerms, "summary.terms"})
	}
	if anyDates {
		columns = append(columns, column{guide.RoleWhen, "summary.when"})
	}
	columns = append(columns, column{guide.RoleGist, "summary.gist"})
	t := n.table(words, guide.Summary, "", words.Format("summary.caption", "section", title), columns...)
	for _, kp := range points {
		row := append(n.row(len(columns)), n.keyPointCell(kp))
		if anyTerms {
			row = append(row, n.textCell(listOrDash(kp.Terms)))
		}
		if anyDates {
			row = append(row, n.textCell(listOrDash(kp.Dates)))
		}
		t.Rows = append(t.Rows, append(row, n.richCell(kp.GistInlines, orDash(kp.Gist))))
	}
	return t
}

// termTable makes the "Terms in this section" table of a section with no
// key points, or nil when it does not need one.
func termTable(n *nodes, words *labels.Catalogue, points int, terms []*guide.Term) *guide.Table {
	if points > 0 || len(terms) < minTermTable {
		return nil
	}
	t := n.table(words, guide.TermTable, "", words.Text("terms.caption"),
		column{guide.RoleTerm, "terms.term"},
		column{guide.RoleMeaning, "terms.meaning"})
	for _, term := range terms {
		t.Rows = append(t.Rows, append(n.row(2), n.textCell(term.Name), n.richCell(term.Meaning, orDash(term.Explanation))))
	}
	return t
}

// aidID makes the id of an aid that belongs to the section secID ("" for
// the introduction).
func aidID(prefix, secID string) string {
	if secID == "" {
		return prefix + "-intro"
	}
	return prefix + "-" + secID
}

// noneMark fills a cell that has nothing to list, so that no cell of a
// summary reads as missing.
const noneMark = "—"

// orDash gives s, or noneMark when s is empty.
func orDash(s string) string {
	if s == "" {
		return noneMark
	}
	return s
}

// listOrDash joins items with ", ", or gives noneMark when there are none.
func listOrDash(items []string) string {
	if len(items) == 0 {
		return noneMark
	}
	return strings.Join(items, ", ")
}
