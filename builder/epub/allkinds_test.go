package epub

import (
	"io"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
)

// TestEveryKindIsWritten writes the guide with a node of every kind and
// looks for what each kind becomes.
func TestEveryKindIsWritten(t *testing.T) {
	b := build(t, allkinds.Guide())
	var all strings.Builder
	for _, name := range b.pages() {
		all.Write(b.files[name])
	}
	text := all.String()
	for _, want := range []string{
		"<p>intro text</p>",
		"<p>paragraph text ",
		`<strong id="strong-term">strong text</strong>`,
		"<em>emph text</em>",
		"<br/>",
		"<s>strike text</s>",
		"<code>code text</code>",
		`href="https://example.org/" title="link title" class="external">link text</a>`,
		`class="ref">ref text</a>`,
		`class="missing-image">image alt</span>`,
		`class="noteref"`,
		` blank text <span class="blank" role="img" aria-label="blank">` + strings.Repeat("\u00a0", 16) + "</span>",
		`<li id="key-point" class="key-point">`,
		"<ol",
		"plain item text",
		"<blockquote>",
		`<span lang="fr" xml:lang="fr">span text</span>`,
		`<div lang="de" xml:lang="de">`,
		"div text",
		`<code class="language-go">code block text</code>`,
		"<hr/>",
		"table caption",
		"header cell",
		"row cell",
		"<svg",
		"figure text",
		"definition term</dt>",
		"definition text",
		"footnote text",
		` formula text <math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x = \frac{1}{2}" display="inline"><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>`,
		`<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="E = mc^2" display="block">`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no page holds %q", want)
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
		"block": func(g *guide.Guide) {
			s := g.Sections[0]
			s.Blocks = append(s.Blocks, newBlock{&guide.Rule{Pos: guide.NoPos}})
		},
		"inline": func(g *guide.Guide) {
			p := g.Intro[0].(*guide.Paragraph)
			p.Inlines = append(p.Inlines, newInline{&guide.Code{Pos: guide.NoPos, Text: "x"}})
		},
	} {
		g := allkinds.Guide()
		add(g)
		err := Write(io.Discard, g, Options{})
		if err == nil || !strings.Contains(err.Error(), "epub.new"+strings.ToUpper(name[:1])+name[1:]) {
			t.Errorf("%s of an unknown kind: Write error = %v, want one naming the kind", name, err)
		}
	}
}
