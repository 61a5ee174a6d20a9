package epub

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"studyguide/builder/guide"
)

// pageWriter writes the body of one XHTML page and keeps what the page
// needs to finish itself: the ids already used on it and the footnotes it
// references, which are set at its end.
type pageWriter struct {
	xmlWriter
	b    *book
	file string
	// used holds the ids already on the page; a second element with the
	// same id loses its id rather than make the page invalid.
	used *guide.IDs
	// notes lists the footnotes referenced on this page in order of first
	// reference, and refs the ids of each one's references here.
	notes []int
	refs  map[int][]string
	// inLink is set while the text of a link is written, since links
	// cannot nest.
	inLink bool
	// inCell is set while the cells of a table are written, and inAid
	// while those of a study-aid table are; text in them is written by
	// cellText.
	inCell, inAid bool
	// heads are the headings of the sections open on the page, innermost
	// last, and names the names already given to sections of the page
	// (see sectionName).
	heads []heading
	names map[string]bool
	// lang is the language of the text being written: the guide's, or
	// that of the span or div that holds it.
	lang string
	// err is the first node met of a kind the writer cannot write.
	err error
	// runs is room for the runs of says, reused.
	runs []guide.Run
	// out, when set, takes the page's pieces once it grows long.
	out *pageOut
}

// nl ends a line of markup; a long page's piece may end there.
func (p *pageWriter) nl() {
	p.xmlWriter.nl()
	p.spill()
}

// end writes a closing tag; a long page's piece may end there.
func (p *pageWriter) end(name string) {
	p.xmlWriter.end(name)
	p.spill()
}

// spill hands what the page holds to out once it is a piece long. It is
// called between constructs of the markup, so that a piece ends on the
// boundary of a character.
func (p *pageWriter) spill() {
	if p.out != nil && p.buf.Len() >= pageChunk {
		p.buf = *bytes.NewBuffer(p.out.spill(p.buf.Bytes()))
	}
}

// page is one XHTML document of the book, as the package document lists
// it.
type page struct {
	file   string
	id     string // manifest id
	props  string // manifest properties, such as "nav"
	linear bool   // in the reading order
}

// pageSpec says what a page is and how to frame it: its file and manifest
// entry, its head title, the class and epub:type of its body, and a
// function that writes the body's content.
type pageSpec struct {
	file  string
	id    string // manifest id
	props string // manifest properties
	// aside is true for a page outside the reading order (linear="no").
	aside     bool
	title     string
	bodyClass string
	bodyType  string
	content   func(p *pageWriter)
}

// document writes a whole XHTML page: the prologue, the head with the
// stylesheet, the body and the page's footnotes. It checks that the page
// is written into buf, which must be empty (or nil), and not yet checked
// for well-formedness: the deflater does that (see checkXML).
func (b *book) document(s pageSpec, buf []byte) ([]byte, error) {
	return b.write(s, buf, nil)
}

// write is document for a page that out, when set, streams once it grows
// longer than pageChunk: it returns only the page's last piece then.
func (b *book) write(s pageSpec, buf []byte, out *pageOut) ([]byte, error) {
	p := &pageWriter{b: b, file: s.file, used: guide.NewIDs(), refs: make(map[int][]string), lang: b.lang(), out: out}
	p.buf = *bytes.NewBuffer(buf)
	lang := b.lang()
	p.raw(xmlProlog)
	p.raw("<!DOCTYPE html>\n")
	p.start("html",
		attr{"xmlns", nsXHTML},
		attr{"xmlns:epub", nsOPS},
		attr{"lang", lang},
		attr{"xml:lang", lang})
	p.nl()
	p.start("head")
	p.nl()
	p.empty("meta", attr{"charset", "utf-8"})
	p.nl()
	p.element("title", s.title)
	p.nl()
	p.empty("link", attr{"rel", "stylesheet"}, attr{"type", "text/css"}, attr{"href", cssFile})
	p.nl()
	p.end("head")
	p.nl()
	var body []attr
	if s.bodyClass != "" {
		body = append(body, attr{"class", s.bodyClass})
	}
	if s.bodyType != "" {
		body = append(body, attr{"epub:type", s.bodyType})
	}
	p.start("body", body...)
	p.nl()
	s.content(p)
	p.footnotes()
	p.end("body")
	p.nl()
	p.end("html")
	p.nl()
	if p.err != nil {
		return nil, fmt.Errorf("page %s: %w", s.file, p.err)
	}
	return p.bytes(), nil
}

// unknown records that n is of a kind the writer cannot write, unless an
// error came first; the page is then not made.
func (p *pageWriter) unknown(n guide.Node) {
	if p.err == nil {
		p.err = fmt.Errorf("no way to write a node of kind %T", n)
	}
}

// claim returns the XML-safe form of id if it is not yet used on the page,
// and marks it used; otherwise, or for an empty id, it returns "".
func (p *pageWriter) claim(id string) string {
	id = xmlID(id)
	if id == "" || !p.used.Take(id) {
		return ""
	}
	return id
}

// withID prepends an id attribute to attrs when id is not empty.
func withID(id string, attrs ...attr) []attr {
	if id == "" {
		return attrs
	}
	return append([]attr{{"id", id}}, attrs...)
}

// lang returns the guide's language: "en" when it has none, and "und"
// (undetermined) when what it has is not a well-formed language tag.
func (b *book) lang() string {
	switch l := b.g.Meta.Lang; {
	case l == "":
		return "en"
	case !langTag().MatchString(l):
		return "und"
	default:
		return l
	}
}

// langTag matches the shape of a BCP 47 language tag: a primary language
// of two to eight letters and subtags of one to eight letters or digits.
var langTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`) })

// title returns the guide's title, or a stand-in when it has none.
func (b *book) title() string {
	if b.g.Meta.Title == "" {
		return b.labels.Text("untitled")
	}
	return b.g.Meta.Title
}

// sectionTitle returns the title of a section for navigation, where an
// empty label is not allowed.
func (b *book) sectionTitle(s *guide.Section) string {
	if s.Title != "" {
		return s.Title
	}
	if s.ID != "" {
		return s.ID
	}
	return b.labels.Text("section.untitled")
}

// XML prologue and namespaces.
const (
	xmlProlog = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	nsXHTML   = "http://www.w3.org/1999/xhtml"
	nsOPS     = "http://www.idpf.org/2007/ops"
	nsOPF     = "http://www.idpf.org/2007/opf"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsNCX     = "http://www.daisy.org/z3986/2005/ncx/"
	nsOCF     = "urn:oasis:names:tc:opendocument:xmlns:container"
)

// says writes text of the guide's: each run in another script than the
// language around it (see guide.ScriptRuns) in a span that names its
// language, so that a screen reader reads it in that language.
func (p *pageWriter) says(s string) {
	p.runs = guide.AppendScriptRuns(p.runs[:0], s, p.lang)
	for _, r := range p.runs {
		if r.Lang == "" {
			p.text(r.Text)
			continue
		}
		p.start("span", langAttrs(r.Lang)...)
		p.text(r.Text)
		p.end("span")
	}
}

// phrase writes an element holding text of the guide's, with its runs
// tagged as says does.
func (p *pageWriter) phrase(name, s string, attrs ...attr) {
	p.start(name, attrs...)
	p.says(s)
	p.end(name)
}

// titled writes an element holding a title of the guide's whose language
// is lang ("" for the language around it), with the element's own lang
// attributes when it is another.
func (p *pageWriter) titled(name, title, lang string, attrs ...attr) {
	if lang == "" || lang == p.lang || !langTag().MatchString(lang) {
		p.phrase(name, title, attrs...)
		return
	}
	around := p.lang
	p.lang = lang
	p.phrase(name, title, append(attrs, langAttrs(lang)...)...)
	p.lang = around
}

// titledWith writes an element holding what write writes, a title of
// the guide's in the language lang, as titled does a title.
func (p *pageWriter) titledWith(name, lang string, write func(), attrs ...attr) {
	around := p.lang
	if lang != "" && lang != p.lang && langTag().MatchString(lang) {
		attrs = append(attrs, langAttrs(lang)...)
		p.lang = lang
	}
	p.start(name, attrs...)
	write()
	p.end(name)
	p.lang = around
}

// saysHeading writes a heading's inlines (see guide.Section.Heading) as
// plain text, for a table of contents: its words as says writes them,
// each formula in its linear form ("ω = 2πf") with no language of its
// own, since the letters of a formula are no words of Greek.
func (p *pageWriter) saysHeading(ins []guide.Inline) {
	for _, n := range ins {
		switch n := n.(type) {
		case *guide.Formula:
			p.text(n.Text())
		case *guide.Text:
			p.says(n.Text)
		case *guide.Code:
			p.says(n.Text)
		default:
			var kids []guide.Inline
			for c := range guide.Children(n) {
				if in, ok := c.(guide.Inline); ok {
					kids = append(kids, in)
				}
			}
			p.saysHeading(kids)
		}
	}
}

// inLang writes what write writes inside the language lang: the element
// name (span or div) with attrs and lang attributes, unless lang is the
// language already around it or not a well-formed tag.
func (p *pageWriter) inLang(name, lang string, write func(), attrs ...attr) {
	if lang == "" || lang == p.lang || !langTag().MatchString(lang) {
		if len(attrs) > 0 {
			p.start(name, attrs...)
		}
		write()
		if len(attrs) > 0 {
			p.end(name)
		}
		return
	}
	around := p.lang
	p.lang = lang
	p.start(name, append(attrs, langAttrs(lang)...)...)
	write()
	p.end(name)
	p.lang = around
}

// langAttrs returns the lang and xml:lang attributes that name lang.
func langAttrs(lang string) []attr {
	return []attr{{"lang", lang}, {"xml:lang", lang}}
}

// ownLang returns lang attributes for the writer's own text named name in
// the catalogue when that text is not in the guide's language (the
// catalogue gave English for want of a translation); a screen reader then
// pronounces it right.
func (b *book) ownLang(name string) []attr {
	_, tl := b.labels.TextLang(name)
	lang := b.lang()
	if lang == tl || strings.HasPrefix(lang, tl+"-") {
		return nil
	}
	return []attr{{"lang", tl}, {"xml:lang", tl}}
}

// label returns the writer's own text named name with the lang attributes
// it needs, for an element that holds only that text.
func (b *book) label(name string) (string, []attr) {
	return b.labels.Text(name), b.ownLang(name)
}
