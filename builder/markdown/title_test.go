package markdown

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

func TestFileTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"source/nato-peacekeeping.md", "Nato peacekeeping"},
		{"notes/The_Cold-War.markdown", "The Cold War"},
		{"plain.txt", "Plain"},
		{".md", "Untitled"},
		{"", "Untitled"},
		{"élan-vital.md", "Élan vital"},
	}
	for _, tt := range tests {
		if got := fileTitle(tt.in, "Untitled"); got != tt.want {
			t.Errorf("fileTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameTitle(t *testing.T) {
	if !sameTitle("NATO's Involvement in Peacekeeping", "**NATO’s involvement in  peacekeeping**:") {
		t.Error("titles that differ only in case, quotes and spaces should match")
	}
	if sameTitle("", "") || sameTitle("!!", "??") {
		t.Error("empty titles should not match")
	}
	if sameTitle("Part 1", "Part 2") {
		t.Error("different titles should not match")
	}
}

// TestHeadingWithFormula checks that a heading that holds a formula keeps
// its inlines for the guides to show, with the formula itself, while its
// title is plain text with the formula's linear form; and that a heading
// without one keeps no inlines.
func TestHeadingWithFormula(t *testing.T) {
	g, diags := readText(t, "# Notes\n\n## Kinetic *energy* [of a body](#x) $E_k = \\frac{1}{2}mv^2$[^a]:\n\nText.\n\n## Plain *words*\n\nMore.\n\n[^a]: A note.\n")
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	if len(g.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(g.Sections))
	}
	s := g.Sections[0]
	if want := "Kinetic energy of a body Eₖ = 1/2mv²"; s.Title != want {
		t.Errorf("title %q, want %q", s.Title, want)
	}
	var kinds []string
	for _, in := range s.Heading {
		kinds = append(kinds, fmt.Sprintf("%T", in))
	}
	if got, want := strings.Join(kinds, " "), "*guide.Text *guide.Emph *guide.Text *guide.Formula"; got != want {
		t.Fatalf("heading inlines %s, want %s", got, want)
	}
	if txt := s.Heading[2].(*guide.Text).Text; txt != " of a body " {
		t.Errorf("the link is kept as the text %q", txt)
	}
	if f := s.Heading[3].(*guide.Formula); f.Tree == nil || f.TeX != `E_k = \frac{1}{2}mv^2` || f.Display {
		t.Errorf("heading formula %+v", f)
	}
	if plain := guide.PlainText(s.Heading); plain != s.Title {
		t.Errorf("the heading reads %q, its title %q", plain, s.Title)
	}
	if g.Sections[1].Heading != nil {
		t.Errorf("a heading without a formula keeps inlines %v", g.Sections[1].Heading)
	}
}

// TestTitleWithFormula checks that a note whose title heading holds a
// formula keeps it for the title page, and a title from front matter
// keeps no inlines.
func TestTitleWithFormula(t *testing.T) {
	g, _ := readText(t, "# Die Formel $E = mc^2$\n\n## Teil\n\nText.\n")
	if g.Meta.Title != "Die Formel E = mc²" {
		t.Errorf("title %q", g.Meta.Title)
	}
	if n := len(g.Meta.TitleInlines); n != 2 {
		t.Fatalf("title inlines %v, want text and formula", g.Meta.TitleInlines)
	}
	if f, ok := g.Meta.TitleInlines[1].(*guide.Formula); !ok || f.TeX != "E = mc^2" {
		t.Errorf("the title's formula is %#v", g.Meta.TitleInlines[1])
	}
	g, _ = readText(t, "---\ntitle: Die Formel\n---\n\n## Teil $x$\n\nText.\n")
	if g.Meta.TitleInlines != nil {
		t.Errorf("a title from front matter keeps inlines %v", g.Meta.TitleInlines)
	}
}
