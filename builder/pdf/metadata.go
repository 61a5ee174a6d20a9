package pdf

import (
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"studyguide/builder/guide"
)

// setMetadata sets what a PDF says about itself and what keeps rebuilds
// byte-identical: fixed dates and a sorted catalog.
func setMetadata(doc *fpdf.Fpdf, m guide.Meta) {
	doc.SetCatalogSort(true)
	doc.SetCompression(false) // deflateStreams compresses instead
	when := m.Modified
	if when.IsZero() {
		when = m.Date
	}
	if when.IsZero() {
		// Never the clock: the PDF would differ on every build.
		when = guide.FixedDate()
	}
	doc.SetCreationDate(when.UTC())
	doc.SetModificationDate(when.UTC())
	doc.SetTitle(pdfString(m.Title), true)
	if len(m.Authors) > 0 {
		doc.SetAuthor(pdfString(strings.Join(m.Authors, ", ")), true)
	}
	if m.Description != "" {
		doc.SetSubject(pdfString(m.Description), true)
	} else if m.Subtitle != "" {
		doc.SetSubject(pdfString(m.Subtitle), true)
	}
	doc.SetCreator("studyguide", true)
	if lang := langTag(m.Lang); lang != "" {
		doc.SetLang(lang)
	}
}

// pdfString makes s safe for fpdf's UTF-16 strings (metadata and outline
// titles): invalid bytes and runes above U+FFFF, which fpdf cannot encode,
// become U+FFFD, and control characters are dropped.
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
