package driver

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
)

// The external checkers are the real tools a reader's world uses; the
// tests run them through the checkers package.

// qpdfCheck runs qpdf --check and returns its output when it is not clean.
func qpdfCheck(t *testing.T, file string) string {
	t.Helper()
	if out, ok := checkers.QpdfCheck(t, file); !ok {
		return out
	}
	return ""
}

// unembeddedFonts lists the fonts pdffonts reports as not embedded.
func unembeddedFonts(t *testing.T, file string) []string {
	t.Helper()
	return checkers.Unembedded(checkers.PDFFonts(t, file))
}

// pdfText returns the text pdftotext extracts, one string per page, in
// reading order, or laid out as on the page when layout is set.
func pdfText(t *testing.T, file string, layout ...bool) []string {
	t.Helper()
	if len(layout) > 0 && layout[0] {
		return checkers.PDFText(t, file, "-layout")
	}
	return checkers.PDFText(t, file)
}

// pdfOutline returns the titles of the PDF's bookmark outline, depth first.
func pdfOutline(t *testing.T, file string) []string {
	t.Helper()
	var titles []string
	var walk func([]checkers.OutlineEntry)
	walk = func(es []checkers.OutlineEntry) {
		for _, e := range es {
			titles = append(titles, e.Title)
			walk(e.Kids)
		}
	}
	walk(checkers.Outline(t, file))
	return titles
}

// epubContents reads every entry of an EPUB into memory.
func epubContents(t *testing.T, file string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

// xhtmlText returns the character data of an XHTML page and the alt text
// of its images, which is what a screen reader speaks.
func xhtmlText(t *testing.T, page []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			b.Write(tok)
		case xml.StartElement:
			b.WriteByte(' ')
			for _, a := range tok.Attr {
				if a.Name.Local == "alt" {
					b.WriteString(a.Value + " ")
				}
			}
		}
	}
	return b.String()
}

// navTitles returns the link texts of the EPUB's toc nav, in order.
func navTitles(t *testing.T, nav []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(nav))
	var titles []string
	inToc, depth, inA := false, 0, false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "nav" {
				for _, a := range tok.Attr {
					if a.Name.Local == "type" && a.Value == "toc" {
						inToc = true
					}
				}
			}
			if inToc {
				depth++
				if tok.Name.Local == "a" {
					inA = true
					cur.Reset()
				}
			}
		case xml.EndElement:
			if inToc {
				depth--
				if tok.Name.Local == "a" {
					inA = false
					titles = append(titles, strings.Join(strings.Fields(cur.String()), " "))
				}
				if depth == 0 {
					inToc = false
				}
			}
		case xml.CharData:
			if inA {
				cur.Write(tok)
			}
		}
	}
	return titles
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// words splits text into its words, lower-cased.
func words(text string) []string {
	ws := wordRE.FindAllString(text, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// missingWords returns the words of want (as a multiset of distinct words)
// that do not occur in have.
func missingWords(want, have string) (missing []string, total int) {
	present := map[string]bool{}
	for _, w := range words(have) {
		present[w] = true
	}
	seen := map[string]bool{}
	for _, w := range words(want) {
		if seen[w] {
			continue
		}
		seen[w] = true
		total++
		if !present[w] {
			missing = append(missing, w)
		}
	}
	return missing, total
}

// formulaWords returns the words of the guide's formulas in their plain
// linear form ("v²"): the guides draw formulas (MathML in the EPUB), so
// these are not words of their text.
func formulaWords(g *guide.Guide) map[string]bool {
	out := map[string]bool{}
	guide.Inspect(g, func(n guide.Node) bool {
		if f, ok := n.(*guide.Formula); ok {
			for _, w := range words(f.Text()) {
				out[w] = true
			}
		}
		return true
	})
	return out
}

// notIn returns the words of ws that set does not hold.
func notIn(ws []string, set map[string]bool) []string {
	var out []string
	for _, w := range ws {
		if !set[w] {
			out = append(out, w)
		}
	}
	return out
}
