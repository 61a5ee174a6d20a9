package epub

import (
	"unicode/utf8"

	"studyguide/builder/guide"
)

// scanner walks the guide in reading order and records, for the page it
// is on, the ids, footnotes and images it meets, and for the book whether
// it has code and formulas and whether its text needs the symbols face,
// which the fonts it embeds depend on.
type scanner struct {
	b         *book
	file      string
	allIDs    []string
	seenImage map[*guide.ImageFile]bool
	// text counts the bytes of the headings and paragraphs met, roughly
	// what they weigh on a page.
	text int
	// weighing is set on a scanner that only weighs a part of a section
	// (see book.weight), which looks at no text for the fonts.
	weighing bool
}

// section scans a section, its heading and blocks, and its subsections.
func (s *scanner) section(sec *guide.Section) {
	guide.Inspect(sec, s.visit)
}

func (s *scanner) id(id string) {
	id = xmlID(id)
	if id == "" {
		return
	}
	s.allIDs = append(s.allIDs, id)
	if _, ok := s.b.where[id]; !ok {
		s.b.where[id] = s.file
	}
}

func (s *scanner) blocks(blocks []guide.Block) {
	for _, bl := range blocks {
		guide.Inspect(bl, s.visit)
	}
}

// visit records what one node of the page brings: its id, its text, the
// images and footnotes it refers to and the drawing it is.
func (s *scanner) visit(n guide.Node) bool {
	s.textOf(n)
	switch n := n.(type) {
	case *guide.Section:
		s.id(n.ID)
		s.inlinesMaths(n.Heading)
		s.text += len(n.Title)
		if !s.b.otherLangs && len(guide.ScriptRuns(n.Title, s.b.lang())) > 1 {
			s.b.otherLangs = true
		}
	case *guide.Span, *guide.Div:
		s.b.otherLangs = true
	case *guide.ListItem:
		if n.Key != nil {
			s.id(n.Key.ID)
		}
	case *guide.CodeBlock:
		s.b.hasCode = true
		s.text += len(n.Text)
	case *guide.Table:
		s.id(n.ID)
	case *guide.Figure:
		s.figure(n)
	case *guide.Text:
		s.text += len(n.Text)
	case *guide.Code:
		s.b.hasCode = true
		s.text += len(n.Text)
	case *guide.Formula:
		s.maths(n)
		s.text += len(n.TeX)
	case *guide.Strong:
		s.id(n.ID)
	case *guide.Image:
		s.image(n)
	case *guide.FootnoteRef:
		s.note(n.Index)
	}
	return true
}

// figure records a drawing: its id and those its SVG makes from it, its
// scene, and whether it has a text alternative.
func (s *scanner) figure(bl *guide.Figure) {
	s.id(bl.ID)
	if bl.ID != "" && bl.Scene != nil {
		// The ids that the drawing's SVG makes from the figure's.
		s.allIDs = append(s.allIDs, xmlID(bl.ID)+"-title", xmlID(bl.ID)+"-desc")
	}
	s.b.svgFiles[s.file] = true
	if bl.Scene != nil {
		s.b.scenes = append(s.b.scenes, bl.Scene)
	}
	s.b.figuresShown++
	if bl.Alt == "" {
		s.b.figuresWithoutAlt++
	}
}

func (s *scanner) image(n *guide.Image) {
	f := s.b.g.Image(n)
	if f == nil {
		return
	}
	s.b.imagesShown++
	if n.Alt == "" {
		s.b.imagesWithoutAlt++
	}
	if !s.seenImage[f] {
		s.seenImage[f] = true
		s.b.images = append(s.b.images, f)
	}
}

// note records that footnote i is referenced on the current page. The
// first page to reference a footnote is its home; the footnote's own text
// is scanned there, since its ids and nested references go with it.
func (s *scanner) note(i int) {
	if i < 0 || i >= len(s.b.g.Footnotes) {
		return
	}
	if _, ok := s.b.noteHome[i]; ok {
		return
	}
	s.b.noteHome[i] = s.file
	fn := s.b.g.Footnotes[i]
	s.id(fn.ID)
	s.blocks(fn.Blocks)
}

// maths records that the book shows a formula as MathML when f has a
// tree.
func (s *scanner) maths(f *guide.Formula) {
	if f.Tree != nil {
		s.b.hasMaths = true
	}
}

// inlinesMaths records the formulas of a title or heading's inlines,
// which are not among the children the walk of the guide meets.
func (s *scanner) inlinesMaths(ins []guide.Inline) {
	if s.b.hasMaths {
		return
	}
	for _, in := range ins {
		guide.Inspect(in, func(n guide.Node) bool {
			if f, ok := n.(*guide.Formula); ok {
				s.maths(f)
			}
			return !s.b.hasMaths
		})
	}
}

// textOf looks at the text of n that needsSymbols looks at (a title, the
// text of an inline, a code block, a caption or an alternative text) for
// a character that needs the symbols face, and notes in the book whether
// one does (book.symbolText). A text that is not UTF-8, whose bytes may
// make a character with those of its neighbours, and a kind of node not
// known here, leave it to needsSymbols to look at the whole text
// (book.textUnsure).
func (s *scanner) textOf(n guide.Node) {
	if s.weighing || s.b.symbolText || s.b.textUnsure {
		return
	}
	var text string
	switch n := n.(type) {
	case *guide.Section:
		text = n.Title
	case *guide.Text:
		text = n.Text
	case *guide.Code:
		text = n.Text
	case *guide.Image:
		text = n.Alt
	case *guide.Formula:
		text = n.Text()
	case *guide.CodeBlock:
		text = n.Text
	case *guide.Table:
		text = n.Caption
	case *guide.Figure:
		text = n.Alt
	case nil, *guide.Footnote, *guide.Paragraph, *guide.List, *guide.ListItem, *guide.Quote, *guide.Div,
		*guide.Rule, *guide.DefinitionList, *guide.Definition, *guide.Cell, *guide.Strong, *guide.Emph,
		*guide.Strike, *guide.Link, *guide.Ref, *guide.Span, *guide.FootnoteRef, *guide.Break, *guide.Blank:
		return
	default:
		s.b.textUnsure = true
		return
	}
	switch {
	case isASCII(text):
	case !utf8.ValidString(text):
		s.b.textUnsure = true
	default:
		s.b.symbolText = s.b.symbols.needed(text)
	}
}
