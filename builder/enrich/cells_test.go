package enrich

import (
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// TestNodesShareHeadsAndShortCells checks that the tables a nodes makes
// with the same columns share their head, and the cells of one short
// text their inlines, while other tables and long texts get their own.
func TestNodesShareHeadsAndShortCells(t *testing.T) {
	words := labels.For("en")
	n := new(nodes)
	cols := []column{{guide.RoleKeyPoint, "summary.key-point"}, {guide.RoleGist, "summary.gist"}}
	a := n.table(words, guide.Summary, "", "a", cols...)
	b := n.table(words, guide.Summary, "", "b", cols...)
	c := n.table(words, guide.Summary, "", "c", cols[:1]...)
	if &a.Header[0] != &b.Header[0] || &a.Roles[0] != &b.Roles[0] || &a.Align[0] != &b.Align[0] {
		t.Error("two tables with the same columns do not share their head")
	}
	if &a.Header[0] == &c.Header[0] || len(c.Header) != 1 {
		t.Error("a table with other columns shares the head of another")
	}
	if a.Caption != "a" || b.Caption != "b" {
		t.Errorf("captions %q and %q, want a and b", a.Caption, b.Caption)
	}
	if x, y := n.textCell("1990"), n.textCell("1990"); &x.Inlines[0] != &y.Inlines[0] {
		t.Error("two cells of one short text do not share their inlines")
	}
	long := "a text far longer than any that cells share"
	if x, y := n.textCell(long), n.textCell(long); &x.Inlines[0] == &y.Inlines[0] {
		t.Error("two cells of one long text share their inlines")
	}
}
