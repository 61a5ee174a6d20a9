package epub

import (
	"strings"

	"studyguide/builder/guide"
)

// inlines writes running text.
func (p *pageWriter) inlines(inlines []guide.Inline) {
	for _, n := range inlines {
		p.inline(n)
	}
}

func (p *pageWriter) inline(n guide.Inline) {
	switch n := n.(type) {
	case *guide.Text:
		if p.inCell {
			p.cellText(n.Text)
		} else {
			p.says(n.Text)
		}
	case *guide.Span:
		p.inLang("span", n.Lang, func() { p.inlines(n.Children) })
	case *guide.Strong:
		// A key term's first use carries the anchor the glossary links to.
		p.wrap("strong", n.Children, withID(p.claim(n.ID))...)
	case *guide.Emph:
		p.wrap("em", n.Children)
	case *guide.Strike:
		p.wrap("s", n.Children)
	case *guide.Code:
		p.element("code", n.Text)
	case *guide.Formula:
		p.formula(n)
	case *guide.Link:
		p.link(n)
	case *guide.Ref:
		p.ref(n)
	case *guide.Image:
		p.image(n)
	case *guide.FootnoteRef:
		p.noteRef(n.Index)
	case *guide.Blank:
		p.blank(n)
	case *guide.Break:
		if n.Hard {
			p.empty("br")
			p.nl()
		} else {
			p.nl()
		}
	default:
		p.unknown(n)
	}
}

// wrap writes children inside one element.
func (p *pageWriter) wrap(name string, children []guide.Inline, attrs ...attr) {
	p.start(name, attrs...)
	p.inlines(children)
	p.end(name)
}

// link writes a hyperlink. A link inside the guide ("#id") is pointed at
// the page that holds the id; a link to the web or to an e-mail address is
// kept as it is. A link that can go nowhere inside the book (an unknown
// id, a relative file of the author's) keeps its text and loses its
// target, since a dead link is an error in an EPUB. A web address is
// written as a valid URI: what a URI may not hold is percent-encoded.
func (p *pageWriter) link(n *guide.Link) {
	href, ok := p.resolve(n.URL)
	if !ok || p.inLink {
		p.wrap("span", n.Children, attr{"class", "dead-link"})
		return
	}
	attrs := []attr{{"href", href}}
	if n.Title != "" {
		attrs = append(attrs, attr{"title", n.Title})
	}
	if !strings.HasPrefix(n.URL, "#") {
		attrs = append(attrs, attr{"class", "external"})
	}
	p.inLink = true
	p.wrap("a", n.Children, attrs...)
	p.inLink = false
}

// ref writes a reference to an element of the guide as a link to the page
// and id that hold it. A reference whose target is not in the book keeps
// its text, as a dead link does; one inside a link is only its text,
// since links cannot nest.
func (p *pageWriter) ref(n *guide.Ref) {
	if p.inLink {
		p.inlines(n.Children)
		return
	}
	href, ok := p.b.href(p.file, n.Target)
	if !ok {
		p.wrap("span", n.Children, attr{"class", "dead-link"})
		return
	}
	p.inLink = true
	p.wrap("a", n.Children, attr{"href", href}, attr{"class", "ref"})
	p.inLink = false
}

// resolve returns the href for a link's URL as seen from this page.
func (p *pageWriter) resolve(url string) (string, bool) {
	if frag, ok := strings.CutPrefix(url, "#"); ok {
		return p.b.href(p.file, frag)
	}
	scheme, _, ok := strings.Cut(url, ":")
	if !ok {
		return "", false
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "ftp", "tel":
		return validURI(url), true
	}
	return "", false
}

// href returns the link from the page from to the id frag, and whether
// the id exists.
func (b *book) href(from, frag string) (string, bool) {
	id := xmlID(frag)
	file, ok := b.where[id]
	if !ok {
		return "", false
	}
	if file == from {
		return "#" + id, true
	}
	return file + "#" + id, true
}

// image writes a loaded image, or its alternative text when the file
// could not be loaded.
func (p *pageWriter) image(n *guide.Image) {
	f := p.b.g.Image(n)
	if f == nil {
		alt := n.Alt
		if alt == "" {
			alt = n.Src
		}
		p.phrase("span", alt, attr{"class", "missing-image"})
		return
	}
	attrs := []attr{{"src", imageDir + f.Name}, {"alt", n.Alt}}
	if n.Title != "" {
		attrs = append(attrs, attr{"title", n.Title})
	}
	p.empty("img", attrs...)
}

// blank writes the gap of a question as a span of non-breaking spaces
// that the stylesheet underlines, two a character of the room the blank
// asks for (from four to twenty-four characters), as the PDF draws it,
// and named "blank" in the guide's language for screen readers.
func (p *pageWriter) blank(n *guide.Blank) {
	p.start("span", attr{"class", "blank"}, attr{"role", "img"}, attr{"aria-label", p.b.labels.Text("quiz.blank")})
	p.text(strings.Repeat("\u00a0", 2*min(max(n.Width, 4), 24)))
	p.end("span")
}

// noteRef writes a reference to footnote i and remembers it, so the
// footnote is set at the end of this page with a link back here.
func (p *pageWriter) noteRef(i int) {
	if i < 0 || i >= len(p.b.g.Footnotes) {
		return
	}
	if len(p.refs[i]) == 0 {
		p.notes = append(p.notes, i)
	}
	ref := p.b.ids.Claim("fnref-" + noteNumber(i))
	p.refs[i] = append(p.refs[i], ref)
	if p.inLink {
		// A link may not hold another: the reference is marked, and the
		// footnote links back to it, but it is not a link itself.
		p.element("sup", noteNumber(i), attr{"id", ref}, attr{"class", "noteref"})
		return
	}
	p.start("sup")
	p.start("a",
		attr{"id", ref},
		attr{"href", "#" + p.b.noteID(i)},
		attr{"class", "noteref"},
		attr{"epub:type", "noteref"},
		attr{"role", "doc-noteref"})
	p.text(noteNumber(i))
	p.end("a")
	p.end("sup")
}
