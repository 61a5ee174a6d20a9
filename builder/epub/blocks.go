package epub

import (
	"strconv"
	"strings"

	"studyguide/builder/guide"
)

// blocks writes block content, one element a line.
func (p *pageWriter) blocks(blocks []guide.Block) {
	for _, b := range blocks {
		p.block(b)
	}
}

func (p *pageWriter) block(b guide.Block) {
	switch b := b.(type) {
	case *guide.Paragraph:
		p.paragraph(b)
	case *guide.List:
		p.list(b)
	case *guide.Quote:
		p.start("blockquote")
		p.nl()
		p.blocks(b.Blocks)
		p.end("blockquote")
		p.nl()
	case *guide.Div:
		p.inLang("div", b.Lang, func() {
			p.nl()
			p.blocks(b.Blocks)
		})
		p.nl()
	case *guide.CodeBlock:
		p.codeBlock(b)
	case *guide.Rule:
		p.empty("hr")
		p.nl()
	case *guide.Table:
		p.table(b)
	case *guide.Figure:
		p.figure(b)
	case *guide.DefinitionList:
		p.definitions(b)
	default:
		p.unknown(b)
	}
}

// paragraph writes a paragraph. A paragraph that holds nothing but one
// loaded image becomes a figure, which the stylesheet keeps on one page.
func (p *pageWriter) paragraph(b *guide.Paragraph) {
	if img := loneImage(b.Inlines); img != nil && p.b.g.Image(img) != nil {
		p.start("figure", attr{"class", "image"})
		p.image(img)
		if img.Title != "" {
			p.phrase("figcaption", img.Title)
		}
		p.end("figure")
		p.nl()
		return
	}
	p.start("p")
	p.inlines(b.Inlines)
	p.end("p")
	p.nl()
}

// loneImage returns the image of inlines that are one image and nothing
// else but white space.
func loneImage(inlines []guide.Inline) *guide.Image {
	var img *guide.Image
	for _, n := range inlines {
		switch n := n.(type) {
		case *guide.Image:
			if img != nil {
				return nil
			}
			img = n
		case *guide.Text:
			if strings.TrimSpace(n.Text) != "" {
				return nil
			}
		case *guide.Break:
		default:
			return nil
		}
	}
	return img
}

// list writes an ordered or bullet list. A key point's item carries the
// key point's id and a class, so the stylesheet can set its bold lead.
func (p *pageWriter) list(b *guide.List) {
	name := "ul"
	var attrs []attr
	if b.Ordered {
		name = "ol"
		if b.Start != 1 {
			attrs = append(attrs, attr{"start", strconv.Itoa(b.Start)})
		}
	}
	if b.Tight {
		attrs = append(attrs, attr{"class", "tight"})
	}
	p.start(name, attrs...)
	p.nl()
	for _, it := range b.Items {
		var li []attr
		if it.Key != nil {
			li = withID(p.claim(it.Key.ID), attr{"class", "key-point"})
		}
		p.start("li", li...)
		p.itemBlocks(it.Blocks)
		p.end("li")
		p.nl()
	}
	p.end(name)
	p.nl()
}

// itemBlocks writes the blocks of a list item; an item of a single
// paragraph stays on one line.
func (p *pageWriter) itemBlocks(blocks []guide.Block) {
	if len(blocks) == 1 {
		if para, ok := blocks[0].(*guide.Paragraph); ok && loneImage(para.Inlines) == nil {
			p.start("p")
			p.inlines(para.Inlines)
			p.end("p")
			return
		}
	}
	p.nl()
	p.blocks(blocks)
}

// codeBlock writes preformatted text. The language, when given, becomes a
// class such as "language-go".
func (p *pageWriter) codeBlock(b *guide.CodeBlock) {
	p.start("pre")
	if lang := classWord(b.Lang); lang != "" {
		p.start("code", attr{"class", "language-" + lang})
	} else {
		p.start("code")
	}
	p.text(b.Text)
	p.end("code")
	p.end("pre")
	p.nl()
}

// classWord keeps the letters, digits, '-', '_' and '+' of s, so that it
// is a single class name.
func classWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '+') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// definitions writes a definition list.
func (p *pageWriter) definitions(b *guide.DefinitionList) {
	p.start("dl")
	p.nl()
	for _, it := range b.Items {
		p.wrap("dt", it.Term)
		p.nl()
		for _, d := range it.Definitions {
			p.start("dd")
			p.itemBlocks(d)
			p.end("dd")
			p.nl()
		}
	}
	p.end("dl")
	p.nl()
}
