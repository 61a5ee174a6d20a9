package driver

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"studyguide/builder/internal/checkers"
)

// scriptsNote mixes English with Greek and Russian words, a Ukrainian
// span and a French div.
var scriptsNote = filepath.Join("testdata", "scripts", "words-abroad.md")

// aceBooks builds the books Ace checks: the seed (when present), the
// sample of formulas, the sample course's book and the note of mixed
// scripts, each a kind of page the others lack (MathML, chapters, parts
// in other languages). Ace takes some 6 s of processor time a book, with
// Chromium, even in one batch, so it checks these four, not every book
// the tests make.
func aceBooks() ([]string, error) {
	notes := []string{filepath.Join("..", "..", "source", "physics-formulas.md"), sampleCourseDir, scriptsNote}
	if _, err := os.Stat(seedPath); err == nil {
		notes = append([]string{seedPath}, notes...)
	}
	books := make([]string, len(notes))
	for i, note := range notes {
		b, err := buildMemoised(note, Options{})
		if err != nil {
			return nil, err
		}
		books[i] = b.epub
	}
	return books, nil
}

// aceChecked holds Ace's reports on aceBooks.
var aceChecked struct {
	once    sync.Once
	reports []checkers.AceReport
	err     error
}

// checkAceBooks builds aceBooks and checks them with Ace, once.
func checkAceBooks() {
	aceChecked.once.Do(func() {
		books, err := aceBooks()
		if err != nil {
			aceChecked.err = err
			return
		}
		aceChecked.reports, aceChecked.err = checkers.RunAce(books...)
	})
}

// TestAce holds the books aceBooks names to Ace by DAISY: no violation of any impact, and the package
// states the conformance Ace reads.
func TestAce(t *testing.T) {
	t.Parallel()
	checkers.Require(t, checkers.AceCommand)
	checkAceBooks()
	if aceChecked.err != nil {
		t.Fatal(aceChecked.err)
	}
	for _, r := range aceChecked.reports {
		t.Run(filepath.Base(r.Book), func(t *testing.T) {
			for _, v := range r.Violations {
				t.Errorf("ace: %s", v)
			}
			if r.Outcome != "pass" {
				t.Errorf("ace's outcome is %q", r.Outcome)
			}
			if r.ConformsTo != "EPUB Accessibility 1.1 - WCAG 2.2 Level AA" {
				t.Errorf("ace reads the conformance %q", r.ConformsTo)
			}
		})
	}
}

// TestScriptsCarryTheirLanguage builds the note of mixed scripts and
// fails if a word of Greek or Cyrillic letters that a reader meets in the
// EPUB's pages stands in an element of another language: each must be in
// a span of lang el, ru or uk, or in the French div's own. Text in code,
// in the head's title and in the drawing (an image whose name and
// caption are text of the page) is left aside, and so is a lone Greek
// letter, which is a symbol. The book is also held to EPUBCheck.
func TestScriptsCarryTheirLanguage(t *testing.T) {
	t.Parallel()
	b := buildOnce(t, scriptsNote, Options{})
	counts := map[string]int{}
	for name, data := range epubContents(t, b.epub) {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		for _, w := range foreignWords(t, data) {
			want := map[rune]string{'g': "el", 'c': "ru uk"}[w.script]
			if !strings.Contains(want, primary(w.lang)) || w.lang == "" {
				t.Errorf("%s: %q is in lang %q, want %s", name, w.text, w.lang, want)
			}
			counts[w.lang]++
		}
	}
	for _, lang := range []string{"el", "ru", "uk"} {
		if counts[lang] == 0 {
			t.Errorf("no word in lang %s; counts %v", lang, counts)
		}
	}
	page := strings.Join(pagesText(t, b.epub), "\n")
	if !strings.Contains(page, `<div lang="fr" xml:lang="fr">`) {
		t.Error("the French div is not marked as French")
	}
	if !strings.Contains(page, `lang="fr" xml:lang="fr">Le coin du professeur</h1>`) {
		t.Error("the heading of the French div is not marked as French")
	}
	if !strings.Contains(page, `lang="fr" xml:lang="fr">Le coin du professeur</a>`) {
		t.Error("the contents do not mark the French heading as French")
	}
	if strings.Contains(page, `lang="el" xml:lang="el">β</span>`) {
		t.Error("a lone β, a symbol, is marked as Greek")
	}
	if checkers.Available(t, "epubcheck") {
		if problems := epubcheckVerdict(t, b.epub).Problems(); len(problems) > 0 {
			t.Errorf("epubcheck:\n%s", strings.Join(problems, "\n"))
		}
	}
}

// pagesText returns the XHTML pages of an EPUB as text.
func pagesText(t *testing.T, epub string) []string {
	t.Helper()
	var out []string
	for name, data := range epubContents(t, epub) {
		if strings.HasSuffix(name, ".xhtml") {
			out = append(out, string(data))
		}
	}
	return out
}

// primary returns the primary subtag of a language tag.
func primary(lang string) string {
	p, _, _ := strings.Cut(lang, "-")
	return p
}

// foreignWord is a word of Greek ('g') or Cyrillic ('c') letters on a
// page, with the language of the element around it.
type foreignWord struct {
	text   string
	script rune
	lang   string
}

// foreignWords returns the Greek and Cyrillic words of a page's text that
// a reader meets, each with its language (xml:lang, else lang, of the
// nearest element that has one).
func foreignWords(t *testing.T, page []byte) []foreignWord {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	type frame struct {
		lang  string
		aside bool // code, the head's title, a drawing
	}
	stack := []frame{{}}
	var words []foreignWord
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			top := stack[len(stack)-1]
			for _, a := range tok.Attr {
				if a.Name.Local == "lang" && (a.Name.Space == "" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
					top.lang = a.Value
				}
			}
			switch tok.Name.Local {
			case "code", "pre", "title", "svg":
				top.aside = true
			}
			stack = append(stack, top)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top := stack[len(stack)-1]
			if top.aside {
				continue
			}
			for _, w := range strings.FieldsFunc(string(tok), func(r rune) bool {
				return !unicode.In(r, unicode.Greek, unicode.Cyrillic) || !unicode.IsLetter(r) && !unicode.IsMark(r)
			}) {
				if n := len([]rune(w)); n == 1 && unicode.Is(unicode.Greek, []rune(w)[0]) {
					continue
				}
				s := 'c'
				if unicode.Is(unicode.Greek, []rune(w)[0]) {
					s = 'g'
				}
				words = append(words, foreignWord{w, s, top.lang})
			}
		}
	}
	return words
}

// TestMetadataFromFrontMatter checks that the author and the date the
// notes give reach both guides: dc:creator, dc:date and a dcterms:modified
// of that date (no SOURCE_DATE_EPOCH is set) in the EPUB, the Author and
// the creation date in the PDF.
func TestMetadataFromFrontMatter(t *testing.T) {
	t.Parallel()
	b := buildOnce(t, scriptsNote, Options{})
	opf := string(epubContents(t, b.epub)["EPUB/package.opf"])
	for _, want := range []string{
		`<dc:creator id="creator-1">Modern Languages Department</dc:creator>`,
		`<dc:date>2025-03-14</dc:date>`,
		`<meta property="dcterms:modified">2025-03-14T00:00:00Z</meta>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}
	if checkers.Available(t, "pdfinfo") {
		info := checkers.PDFInfo(t, b.pdf)
		for _, want := range []string{"Author:          Modern Languages Department", "CreationDate:    Fri Mar 14 00:00:00 2025"} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	}
}

// TestChapterInAnotherLanguage builds a course in English with a chapter
// whose note is in French: the chapter's title, headings and text are
// marked French, the words the build adds stay in the book's language,
// and the chapter's own mind palace is still read, station by station.
func TestChapterInAnotherLanguage(t *testing.T) {
	t.Parallel()
	dir := writeCourse(t, "bilingual", map[string]string{
		"course.yaml": "title: Two Revolutions\nlang: en\nnotes:\n  - one.md\n  - two.md\n",
		"one.md": "# The American Revolution\n\n## Causes\n\n1. **Taxation**: the colonies paid taxes voted in London.\n" +
			"2. **Boston**: the **Tea Party** of 1773.\n",
		"two.md": "---\nlang: fr\n---\n\n# La Révolution française\n\n## Les causes\n\n" +
			"1. **La dette**: le royaume est endetté en 1788.\n2. **Les États généraux**: convoqués en 1789.\n\n" +
			"## Palais de la mémoire\n\n1. **Le vestibule** – une pile de pièces d'or.\n2. **Le salon** – trois chaises pour trois ordres.\n",
	})
	b := buildOnce(t, dir, Options{})
	page := strings.Join(pagesText(t, b.epub), "\n")
	for _, want := range []string{
		`lang="fr" xml:lang="fr">La Révolution française</h1>`,
		`lang="fr" xml:lang="fr">Les causes</h2>`,
		`<div lang="fr" xml:lang="fr">`,
		`lang="fr" xml:lang="fr">La Révolution française</a>`,
		// The summary the build adds is in the book's language.
		"</div>\n<table id=\"summary-les-causes\" class=\"aid summary\">\n<caption>Key points: ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no page holds %s", want)
		}
	}
	if strings.Contains(page, `lang="fr" xml:lang="fr">The American Revolution`) {
		t.Error("the English chapter is marked French")
	}
	if !strings.Contains(page, "1. Le vestibule") || !strings.Contains(page, "2. Le salon") {
		t.Error("the French chapter's palace lost its stations")
	}
	if checkers.Available(t, "epubcheck") {
		v := checkers.Epubcheck(t, b.epub)[0]
		if problems := v.Problems(); len(problems) > 0 {
			t.Errorf("epubcheck:\n%s", strings.Join(problems, "\n"))
		}
	}
}
