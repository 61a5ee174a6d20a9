package checkers

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"html"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// PDFText returns the text pdftotext finds on each page of a PDF, one
// string a page from page 1, with the options given (such as "-layout",
// "-raw", or a crop rectangle "-x", "0", "-y", "0", "-W", "200", "-H",
// "100", which applies to every page). The text is UTF-8. pdftotext runs
// once for a PDF and a set of options in a test binary.
func PDFText(t testing.TB, path string, options ...string) []string {
	t.Helper()
	args := append(append([]string{"-enc", "UTF-8"}, options...), path, "-")
	pages := strings.Split(string(cached(t, path, "pdftotext", args...)), "\f")
	// Every page ends with a form feed: what follows the last is not a page.
	return pages[:len(pages)-1]
}

// Word is a word pdftotext finds on a page, with its box in points from
// the top left of the page.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is a page as pdftotext -bbox sees it: its size in points and its
// words.
type Page struct {
	Width, Height float64
	Words         []Word
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// PDFWords returns every page of a PDF with the words on it and their
// boxes, from page 1, reading pdftotext -bbox once for the whole PDF.
func PDFWords(t testing.TB, path string) []Page {
	t.Helper()
	out := string(cached(t, path, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-"))
	var pages []Page
	starts := bboxPage.FindAllStringSubmatchIndex(out, -1)
	for i, s := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		var p Page
		p.Width, _ = strconv.ParseFloat(out[s[2]:s[3]], 64)
		p.Height, _ = strconv.ParseFloat(out[s[4]:s[5]], 64)
		for _, m := range bboxWord.FindAllStringSubmatch(out[s[1]:end], -1) {
			var v [4]float64
			for j := range v {
				v[j], _ = strconv.ParseFloat(m[j+1], 64)
			}
			p.Words = append(p.Words, Word{Text: html.UnescapeString(m[5]), XMin: v[0], YMin: v[1], XMax: v[2], YMax: v[3]})
		}
		pages = append(pages, p)
	}
	return pages
}

// QpdfCheck runs qpdf --check on a PDF, once per test binary, and returns
// what it said and whether it found the file sound (qpdf succeeded).
func QpdfCheck(t testing.TB, path string) (out string, ok bool) {
	t.Helper()
	a := ask(t, path, true, "qpdf", "--check", path)
	return string(a.out), a.err == nil
}

// PDFFonts returns the lines pdffonts lists for the fonts of a PDF, its
// two lines of headings left out. The test fails when pdffonts does, or
// lists no font.
func PDFFonts(t testing.TB, path string) []string {
	t.Helper()
	out := string(cached(t, path, "pdffonts", path))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts in %s:\n%s", path, out)
	}
	return lines[2:]
}

// Unembedded returns the lines of fonts, as PDFFonts gives them, of the
// fonts that are not embedded.
func Unembedded(fonts []string) []string {
	var bad []string
	for _, l := range fonts {
		// name type... encoding emb sub uni object ID: emb is the fifth
		// field from the end.
		if f := strings.Fields(l); len(f) < 6 || f[len(f)-5] != "yes" {
			bad = append(bad, l)
		}
	}
	return bad
}

// PDFInfo returns what pdfinfo says about a PDF.
func PDFInfo(t testing.TB, path string) string {
	t.Helper()
	return string(cached(t, path, "pdfinfo", path))
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// PDFPages returns the number of pages pdfinfo counts in a PDF.
func PDFPages(t testing.TB, path string) int {
	t.Helper()
	info := PDFInfo(t, path)
	m := pagesLine.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo shows no page count for %s:\n%s", path, info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Image is a line of pdfimages -list: a picture, a mask or a soft mask.
type Image struct {
	Page          int
	Type          string // image, mask, smask or stencil
	Width, Height int
	// Line is the whole line; Fields are its fields (page num type width
	// height color comp bpc enc interp object ID x-ppi y-ppi size ratio).
	Line   string
	Fields []string
}

// PDFImages returns the pictures pdfimages -list finds in a PDF. It runs
// pdfimages only when the PDF can hold a picture (see MayHoldImages):
// for one that cannot, it returns none after checking that the tool is
// there all the same.
func PDFImages(t testing.TB, path string) []Image {
	t.Helper()
	Require(t, "pdfimages")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !MayHoldImages(data) {
		return nil
	}
	out := string(cached(t, path, "pdfimages", "-list", path))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[0]), "page") {
		t.Fatalf("pdfimages -list %s gave no table:\n%s", path, out)
	}
	var images []Image
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 5 {
			t.Fatalf("pdfimages -list %s: a line of %d fields: %q", path, len(f), l)
		}
		img := Image{Type: f[2], Line: l, Fields: f}
		img.Page, _ = strconv.Atoi(f[0])
		img.Width, _ = strconv.Atoi(f[3])
		img.Height, _ = strconv.Atoi(f[4])
		images = append(images, img)
	}
	return images
}

// flateOnly is a /Filter of FlateDecode alone.
var flateOnly = regexp.MustCompile(`/Filter\s*(?:/FlateDecode|\[\s*/FlateDecode\s*\])`)

// MayHoldImages reports whether a PDF can hold a picture that pdfimages
// would list. It errs on the side of yes: a PDF may hold a picture as an
// image XObject, a stream whose dictionary always lies open in the file
// (a stream is never inside an object stream), or as an inline image in
// a content stream; so a PDF may hold none when no dictionary has the
// subtype /Image (or a subtype given by reference) and no stream,
// uncompressed, has the operator BI. A stream in a filter other than
// FlateDecode, or one that does not decompress, counts as yes; a font
// program (a stream with /Length1) as no, since it holds no operators.
func MayHoldImages(pdf []byte) bool {
	if imageSubtype(pdf) {
		return true
	}
	for at := 0; ; {
		i := bytes.Index(pdf[at:], []byte("stream"))
		if i < 0 {
			return false
		}
		kw := at + i
		at = kw + len("stream")
		// The keyword stream follows a dictionary's >> and ends its line;
		// endstream and other words are not it.
		before := bytes.TrimRight(pdf[:kw], " \t\r\n\f\x00")
		if !bytes.HasSuffix(before, []byte(">>")) {
			continue
		}
		dataStart := at
		switch {
		case bytes.HasPrefix(pdf[at:], []byte("\r\n")):
			dataStart += 2
		case bytes.HasPrefix(pdf[at:], []byte("\n")):
			dataStart++
		default:
			continue
		}
		dictStart := bytes.LastIndex(before, []byte("obj"))
		if dictStart < 0 {
			return true
		}
		dict := before[dictStart:]
		end := bytes.Index(pdf[dataStart:], []byte("endstream"))
		if end < 0 {
			return true
		}
		data := pdf[dataStart : dataStart+end]
		at = dataStart + end + len("endstream")
		if bytes.Contains(dict, []byte("/Length1")) {
			continue
		}
		if bytes.Contains(dict, []byte("/Filter")) {
			if !flateOnly.Match(dict) {
				return true
			}
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return true
			}
			plain, err := io.ReadAll(zr)
			if err != nil {
				return true
			}
			data = plain
		}
		if hasInlineImage(data) {
			return true
		}
	}
}

// imageSubtype reports whether a dictionary in pdf has the subtype
// /Image, or a subtype given by reference, which might be /Image.
func imageSubtype(pdf []byte) bool {
	for at := 0; ; {
		i := bytes.Index(pdf[at:], []byte("/Subtype"))
		if i < 0 {
			return false
		}
		at += i + len("/Subtype")
		v := bytes.TrimLeft(pdf[at:], " \t\r\n\f\x00")
		if name, ok := bytes.CutPrefix(v, []byte("/Image")); ok && (len(name) == 0 || isDelimiter(name[0])) {
			return true
		}
		if len(v) > 0 && v[0] >= '0' && v[0] <= '9' {
			return true // a reference, or something odd: could be anything
		}
	}
}

// hasInlineImage reports whether a content stream has the operator BI, or
// something that could be it: BI after a delimiter and before white space
// or a name.
func hasInlineImage(data []byte) bool {
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte("BI"))
		if i < 0 {
			return false
		}
		at += i
		before := at == 0 || isDelimiter(data[at-1])
		after := at+2 < len(data) && (isSpace(data[at+2]) || data[at+2] == '/')
		if before && after {
			return true
		}
		at += 2
	}
}

// isSpace reports whether c is PDF white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

// isDelimiter reports whether c ends a PDF token: white space or a
// delimiter character.
func isDelimiter(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// Outline returns the bookmark outline of a PDF, as qpdf --json reads it.
func Outline(t testing.TB, path string) []OutlineEntry {
	t.Helper()
	out := cached(t, path, "qpdf", "--json", "--json-key=outlines", path)
	var doc struct {
		Outlines []OutlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	return doc.Outlines
}

// OutlineEntry is a bookmark of a PDF's outline.
type OutlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Kids  []OutlineEntry `json:"kids"`
}

// PDFGray renders every page of a PDF with pdftoppm, in grey at dpi dots
// an inch, and returns the pages from page 1, each as its rows of pixels
// (0 black, 255 white) one after another, with the width of a row.
func PDFGray(t testing.TB, path string, dpi int) (pages [][]byte, width int) {
	t.Helper()
	dir := t.TempDir()
	Run(t, "pdftoppm", "-gray", "-r", strconv.Itoa(dpi), path, dir+"/p")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	// pdftoppm pads the page numbers to one width: the names sort.
	for _, f := range files {
		data, err := os.ReadFile(dir + "/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		// A binary PGM: "P5", the width, the height and the largest
		// value, each after white space, then one byte a pixel.
		fields := strings.Fields(string(data[:min(len(data), 64)]))
		if len(fields) < 4 || fields[0] != "P5" {
			t.Fatalf("pdftoppm wrote %s, not a grey image", f.Name())
		}
		w, _ := strconv.Atoi(fields[1])
		h, _ := strconv.Atoi(fields[2])
		if w <= 0 || h <= 0 || len(data) < w*h {
			t.Fatalf("pdftoppm wrote %s, an image of %d×%d pixels in %d bytes", f.Name(), w, h, len(data))
		}
		width = w
		pages = append(pages, data[len(data)-w*h:])
	}
	return pages, width
}
