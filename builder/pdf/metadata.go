package pdf

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// setMetadata sets what a PDF says about itself, with a fixed date that
// keeps rebuilds byte-identical.
func setMetadata(doc *document, m guide.Meta) {
	when := m.Modified
	if when.IsZero() {
		when = m.Date
	}
	if when.IsZero() {
		// Never the clock: the PDF would differ on every build.
		when = guide.FixedDate()
	}
	mt := &doc.meta
	mt.date = when.UTC()
	mt.title = pdfString(m.Title)
	if len(m.Authors) > 0 {
		mt.author = pdfString(strings.Join(m.Authors, ", "))
	}
	if m.Description != "" {
		mt.subject = pdfString(m.Description)
	} else if m.Subtitle != "" {
		mt.subject = pdfString(m.Subtitle)
	}
	mt.creator = "studyguide"
	mt.lang = langTag(m.Lang)
}

// pdfString makes s safe for the metadata and outline titles: invalid
// bytes and runes above U+FFFF become U+FFFD, and control characters are
// dropped.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError || r > 0xFFFF:
			b.WriteRune(replacement)
		case r < 0x20 || r == 0x7F:
			if r == '\t' || r == '\n' {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// langTag returns a language tag safe to write into the PDF catalog, or ""
// when tag is not one.
func langTag(tag string) string {
	if tag == "" || len(tag) > 35 {
		return ""
	}
	for _, r := range tag {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return tag
}

// xmpPacket is the XMP metadata of a tagged PDF: what its Info dictionary
// says (title, authors, subject, the tool that made it and the dates), the
// language, and that it claims PDF/UA-1.
func xmpPacket(m guide.Meta) []byte {
	when := m.Modified
	if when.IsZero() {
		when = m.Date
	}
	if when.IsZero() {
		when = guide.FixedDate()
	}
	stamp := when.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		xml.EscapeText(&e, []byte(pdfString(s)))
		return e.String()
	}
	alt := func(name, s string) {
		b.WriteString("<" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s) + "</rdf:li></rdf:Alt></" + name + ">\n")
	}
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	alt("dc:title", m.Title)
	if len(m.Authors) > 0 {
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, a := range m.Authors {
			b.WriteString("<rdf:li>" + esc(a) + "</rdf:li>")
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	switch {
	case m.Description != "":
		alt("dc:description", m.Description)
	case m.Subtitle != "":
		alt("dc:description", m.Subtitle)
	}
	if lang := langTag(m.Lang); lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + lang + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if !m.Date.IsZero() {
		b.WriteString("<dc:date><rdf:Seq><rdf:li>" + m.Date.UTC().Format("2006-01-02") + "</rdf:li></rdf:Seq></dc:date>\n")
	}
	b.WriteString("<pdf:Producer>studyguide</pdf:Producer>\n<xmp:CreatorTool>studyguide</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + stamp + "</xmp:CreateDate>\n<xmp:ModifyDate>" + stamp + "</xmp:ModifyDate>\n")
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
