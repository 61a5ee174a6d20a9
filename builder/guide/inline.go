package guide

import (
	"strings"

	"studyguide/builder/texmath"
)

// Inline is a node inside running text. The set is closed (see Node);
// writers switch on the concrete type and fail on a kind they do not know.
type Inline interface {
	Node
	// Position returns where the inline starts in the source.
	Position() Pos
	inline()
}

// Text is plain text. Typographic quotes and dashes are already UTF-8
// characters.
type Text struct {
	Pos  Pos
	Text string
}

// Strong is strong emphasis, usually shown in bold. In body text it marks
// a key term.
type Strong struct {
	Pos      Pos
	Children []Inline
	// ID is set on the first use of a key term, so the glossary can link
	// to where the term is explained.
	ID string
}

// Emph is emphasis, usually shown in italic.
type Emph struct {
	Pos      Pos
	Children []Inline
}

// Strike is struck-through text.
type Strike struct {
	Pos      Pos
	Children []Inline
}

// Code is inline code.
type Code struct {
	Pos  Pos
	Text string
}

// Link is a hyperlink. A URL that starts with "#" points inside the guide.
type Link struct {
	Pos      Pos
	URL      string
	Title    string
	Children []Inline
}

// Image is an image placed in the text. Src is the path as written in the
// note; the loaded file, if any, is Guide.Image(img).
type Image struct {
	Pos   Pos
	Src   string
	Alt   string
	Title string
}

// FootnoteRef is a reference to Guide.Footnotes[Index].
type FootnoteRef struct {
	Pos   Pos
	Index int
}

// Blank is the gap of a question where the student writes the answer,
// drawn as a rule. It holds no text, so that no writer can show the
// answer in it; Width is how many characters of room it gives.
type Blank struct {
	Pos   Pos
	Width int
}

// Formula is a formula written in TeX maths: between single dollars or
// \( and \) in the text, or between double dollars or \[ and \] for
// a formula displayed on a line of its own (Display). A paragraph that
// holds only a display formula is a displayed equation.
type Formula struct {
	// Pos is where the formula starts in the note: its opening
	// delimiter.
	Pos Pos
	// TeX is the source between the delimiters, exactly as written.
	TeX     string
	Display bool
	// Tree is the formula read once by texmath.Parse, for every writer
	// to lay out. It is nil when the source holds something the subset
	// does not (the reader has said so in a warning): writers then show
	// TeX as it is, in the mono face.
	Tree *texmath.Row
}

// Text returns the formula as one line of readable plain text (see
// texmath.Linear), or its TeX source when it has no tree.
func (n *Formula) Text() string {
	if n.Tree == nil {
		return n.TeX
	}
	return texmath.Linear(n.Tree)
}

// Span is text in a language of its own, which Lang names (a BCP 47
// tag such as "uk" or "el"). The author marks one with a bracketed span,
// [слово]{lang=uk}; MarkScripts adds one around each run of a script the
// language around it does not use. Writers tag what it holds with its
// language (lang in the EPUB, /Lang in the PDF) and show it as running
// text.
type Span struct {
	Pos      Pos
	Lang     string
	Children []Inline
}

// Break is a line break; Hard is true for a break the author asked for.
type Break struct {
	Pos  Pos
	Hard bool
}

func (n *Text) Position() Pos        { return n.Pos }
func (n *Strong) Position() Pos      { return n.Pos }
func (n *Emph) Position() Pos        { return n.Pos }
func (n *Strike) Position() Pos      { return n.Pos }
func (n *Code) Position() Pos        { return n.Pos }
func (n *Link) Position() Pos        { return n.Pos }
func (n *Image) Position() Pos       { return n.Pos }
func (n *FootnoteRef) Position() Pos { return n.Pos }
func (n *Formula) Position() Pos     { return n.Pos }
func (n *Break) Position() Pos       { return n.Pos }
func (n *Span) Position() Pos        { return n.Pos }
func (n *Blank) Position() Pos       { return n.Pos }

func (*Text) inline()        {}
func (*Strong) inline()      {}
func (*Emph) inline()        {}
func (*Strike) inline()      {}
func (*Code) inline()        {}
func (*Link) inline()        {}
func (*Image) inline()       {}
func (*FootnoteRef) inline() {}
func (*Formula) inline()     {}
func (*Break) inline()       {}
func (*Span) inline()        {}
func (*Blank) inline()       {}

// PlainText returns the text of inlines with all markup removed. Soft line
// breaks become spaces; images contribute their alt text; formulas their
// linear form (see Formula.Text); blanks are written as five
// underscores; footnote references contribute nothing.
func PlainText(inlines []Inline) string {
	if len(inlines) == 1 {
		// Most bold terms and many cells are one run of text: its text
		// is theirs, with nothing to copy.
		if t, ok := inlines[0].(*Text); ok {
			return t.Text
		}
	}
	var b strings.Builder
	// Room made once for the text of the inlines, most of their text.
	size := 0
	for _, in := range inlines {
		if t, ok := in.(*Text); ok {
			size += len(t.Text)
		}
	}
	b.Grow(size)
	writePlain(&b, inlines)
	return b.String()
}

// writePlain writes the plain text of inlines to b, as PlainText returns
// it.
func writePlain(b textWriter, inlines []Inline) {
	for _, in := range inlines {
		if t, ok := in.(*Text); ok {
			// Most inlines are text, which has nothing below it.
			b.WriteString(t.Text)
			continue
		}
		Inspect(in, func(n Node) bool {
			switch n := n.(type) {
			case *Text:
				b.WriteString(n.Text)
			case *Code:
				b.WriteString(n.Text)
			case *Image:
				b.WriteString(n.Alt)
			case *Formula:
				b.WriteString(n.Text())
			case *Break:
				b.WriteByte(' ')
			case *Blank:
				b.WriteString("_____")
			}
			return true
		})
	}
}
