package epub

import "studyguide/builder/guide"

// scanner walks the guide in reading order and records, for the page it
// is on, the ids, footnotes and images it meets.
type scanner struct {
	b         *book
	file      string
	allIDs    []string
	seenImage map[*guide.ImageFile]bool
	// text counts the bytes of the headings and paragraphs met, roughly
	// what they weigh on a page.
	text int
}

// section scans a section, its heading and blocks, and its subsections.
func (s *scanner) section(sec *guide.Section) {
	sec.Walk(func(x *guide.Section) bool {
		s.id(x.ID)
		s.text += len(x.Title)
		s.blocks(x.Blocks)
		return true
	})
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
		switch bl := bl.(type) {
		case *guide.Paragraph:
			s.inlines(bl.Inlines)
		case *guide.List:
			for _, it := range bl.Items {
				if it.Key != nil {
					s.id(it.Key.ID)
				}
				s.blocks(it.Blocks)
			}
		case *guide.Quote:
			s.blocks(bl.Blocks)
		case *guide.CodeBlock:
			s.text += len(bl.Text)
		case *guide.Table:
			s.id(bl.ID)
			s.cells(bl.Header)
			for _, row := range bl.Rows {
				s.cells(row)
			}
		case *guide.Figure:
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
		case *guide.DefinitionList:
			for _, it := range bl.Items {
				s.inlines(it.Term)
				for _, d := range it.Definitions {
					s.blocks(d)
				}
			}
		}
	}
}

func (s *scanner) cells(cells []guide.Cell) {
	for _, c := range cells {
		s.inlines(c.Inlines)
	}
}

func (s *scanner) inlines(inlines []guide.Inline) {
	for _, n := range inlines {
		switch n := n.(type) {
		case *guide.Text:
			s.text += len(n.Text)
		case *guide.Code:
			s.text += len(n.Text)
		case *guide.Strong:
			s.id(n.ID)
			s.inlines(n.Children)
		case *guide.Emph:
			s.inlines(n.Children)
		case *guide.Strike:
			s.inlines(n.Children)
		case *guide.Link:
			s.inlines(n.Children)
		case *guide.Ref:
			s.inlines(n.Children)
		case *guide.Image:
			s.image(n)
		case *guide.FootnoteRef:
			s.note(n.Index)
		}
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
