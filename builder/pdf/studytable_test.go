package pdf

import (
	"bytes"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// TestStudyGuideIsSound writes the study guide in every layout: qpdf finds
// nothing wrong, every font is embedded, and a rebuild is byte-identical.
func TestStudyGuideIsSound(t *testing.T) {
	checkers.Require(t, "qpdf")
	checkers.Require(t, "pdffonts")
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		var a, b bytes.Buffer
		if err := Write(&a, studyGuide(3), Options{Layout: lay}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, studyGuide(3), Options{Layout: lay}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Error("two builds differ")
		}
		out, err := toolOn(t, "qpdf", a.Bytes(), "--check")
		if err != nil || !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
		out, err = toolOn(t, "pdffonts", a.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("pdffonts lists no fonts:\n%s", out)
		}
		for _, l := range lines[2:] {
			if f := strings.Fields(l); len(f) < 6 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
		}
	})
}

// TestStudySectionsOpenPages checks that "At a glance", the palace, the
// walk-through and the glossary each start a page (save that a short
// introduction is not left on a page of its own), and are listed in the
// contents and the outline like any section.
func TestStudySectionsOpenPages(t *testing.T) {
	checkers.Require(t, "pdftotext")
	g := studyGuide(1)
	path := writeFile(t, g, Options{})
	pages := rawPages(t, path)
	for _, s := range g.Sections {
		first := s.Title
		if s.Kind == guide.Palace {
			first = "The rescue force"
		}
		n := pageHolding(pages, 3, first)
		if n == 0 {
			t.Errorf("%s: not found", s.Title)
			continue
		}
		lines := strings.Split(pages[n-1], "\n")
		if !opensPage(s) {
			continue
		}
		// Only an introduction of three lines or fewer may stand before
		// the first of them, rather than be left on a page of its own.
		at := 2
		for n == 3 && at < min(5, len(lines)) && strings.TrimSpace(lines[at]) != first {
			at++
		}
		if len(lines) <= at || strings.TrimSpace(lines[at]) != first {
			t.Errorf("%s: page %d does not start with it:\n%s", s.Title, n, strings.Join(lines[:min(5, len(lines))], "\n"))
		}
	}
	contents := pages[1]
	for _, s := range g.Sections {
		if !strings.Contains(contents, s.Title) {
			t.Errorf("the contents lack %s", s.Title)
		}
	}
	out := checkers.Run(t, "qpdf", "--json", "--json-key=outlines", path)
	for _, s := range g.Sections {
		if !strings.Contains(out, `"title": "`+s.Title+`"`) {
			t.Errorf("the outline lacks %s", s.Title)
		}
	}
}

// TestStudyTableColumns checks the widths of a summary table: the "When"
// column is narrow, "In one line" the widest, all within the text block,
// and the key point column is set in bold.
func TestStudyTableColumns(t *testing.T) {
	forLayouts(t, func(t *testing.T, lay *layouts.Layout) {
		w, err := newWriter(studyGuide(0), lay, nil)
		if err != nil {
			t.Fatal(err)
		}
		l := &layouter{w: w}
		var summary *guide.Table
		for _, b := range studyGuide(0).Sections[1].Blocks {
			if t, ok := b.(*guide.Table); ok && t.Kind == guide.Summary {
				summary = t
			}
		}
		fr := w.bodyFrame()
		tl, _, rows := l.measureTable(summary, fr)
		l.table(summary, fr)
		ws := tl.widths
		if tl.tableW > fr.width+1e-6 {
			t.Errorf("table is %.1f mm wide, the text block %.1f", tl.tableW, fr.width)
		}
		if ws[2] >= ws[1] || ws[2] >= ws[3] || ws[3] < ws[0] || ws[3] < ws[1] {
			t.Errorf("widths %.1f: want When narrowest and In one line widest", ws)
		}
		for _, pc := range rows[0][0].words[0].pieces {
			if w.fs.faces[pc.face()].Style != "B" {
				t.Errorf("key point cell set in %q", w.fs.faces[pc.face()].Style)
			}
		}
		if len(l.out) < 4 || l.out[0].keepNext != true {
			t.Error("the caption does not keep with the table")
		}
	})
}

func TestLeadColumn(t *testing.T) {
	header := func(roles []guide.ColumnRole, names ...string) *guide.Table {
		tb := &guide.Table{Roles: roles}
		for _, n := range names {
			tb.Header = append(tb.Header, cell(txt(n)))
		}
		return tb
	}
	if got := leadColumn(header([]guide.ColumnRole{guide.RoleSection, guide.RoleKeyPoint, guide.RoleSee}, "Section", "Key point", "Page")); got != 1 {
		t.Errorf("leadColumn = %d, want 1", got)
	}
	if got := leadColumn(header([]guide.ColumnRole{guide.RoleTerm, guide.RoleMeaning}, "Term", "Meaning")); got != 0 {
		t.Errorf("leadColumn = %d, want 0", got)
	}
	// The role decides, never the words of the heading.
	if got := leadColumn(header([]guide.ColumnRole{guide.RoleSection, guide.RoleKeyPoints}, "Section", "Points clés")); got != 1 {
		t.Errorf("leadColumn of a French glance table = %d, want 1", got)
	}
	if got := leadColumn(header(nil, "Term", "Key point")); got != 0 {
		t.Errorf("leadColumn of a table without roles = %d, want 0", got)
	}
}
