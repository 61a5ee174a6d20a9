package pdf

import (
	"io"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
	"studyguide/builder/internal/checkers"
)

// TestEveryKindIsWritten writes the guide with a node of every kind and
// looks for the words of each kind in the PDF's text. A reference shows
// the number of the page its target is on, and a figure its drawing.
func TestEveryKindIsWritten(t *testing.T) {
	path := writeFile(t, allkinds.Guide(), Options{})
	checkers.Require(t, "pdftotext")
	text := strings.Join(strings.Fields(checkers.Run(t, "pdftotext", path, "-")), " ")
	for _, want := range []string{
		"intro text", "paragraph text", "strong text", "emph text", "strike text", "code text",
		"link text p. 3", "image alt", "list item text", "plain item text", "quote text", "span text", "div text",
		"code block text", "table caption", "header cell", "second cell", "figure text",
		"definition term", "definition text", "footnote text", "blank text",
		"formula text x =", "E = mc2",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

// newBlock and newInline are kinds of node the writer does not know, as a
// kind added to the model and not yet to the writer would be.
type (
	newBlock  struct{ *guide.Rule }
	newInline struct{ *guide.Code }
)

// TestUnknownKindIsAnError checks that a block or an inline of a kind the
// writer does not know fails the write with an error that names the kind.
func TestUnknownKindIsAnError(t *testing.T) {
	for name, add := range map[string]func(g *guide.Guide){
		"Block": func(g *guide.Guide) {
			s := g.Sections[0]
			s.Blocks = append(s.Blocks, newBlock{&guide.Rule{Pos: guide.NoPos}})
		},
		"Inline": func(g *guide.Guide) {
			p := g.Intro[0].(*guide.Paragraph)
			p.Inlines = append(p.Inlines, newInline{&guide.Code{Pos: guide.NoPos, Text: "x"}})
		},
	} {
		g := allkinds.Guide()
		add(g)
		err := Write(io.Discard, g, Options{})
		if err == nil || !strings.Contains(err.Error(), "pdf.new"+name) {
			t.Errorf("%s of an unknown kind: Write error = %v, want one naming the kind", name, err)
		}
	}
}
