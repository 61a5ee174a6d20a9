package driver

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"studyguide/builder/internal/checkers"
	"studyguide/builder/labels"
)

// langNotes are the notes of testdata/lang, one per language with a
// complete table, each with the date its title pages must show.
var langNotes = []struct{ lang, date string }{
	{"fr", "1er octobre 2025"},
	{"de", "1. Oktober 2025"},
	{"es", "1 de octubre de 2025"},
	{"it", "1 ottobre 2025"},
	{"pt", "1º de outubro de 2025"},
	{"nl", "1 oktober 2025"},
}

// TestGuidesSpeakTheNotesLanguage builds a note in each language with a
// table of its own (a French history lesson, a German biology one, a
// Spanish geography one…) into an EPUB, a PDF and a recap, and fails if
// any label the build adds shows in English in any of them: in the EPUB's
// pages, navigation, package document and text alternatives, in the
// text pdftotext reads from the PDFs and in the PDF's bookmarks.
func TestGuidesSpeakTheNotesLanguage(t *testing.T) {
	for _, tc := range langNotes {
		t.Run(tc.lang, func(t *testing.T) {
			note := filepath.Join("testdata", "lang", tc.lang+".md")
			dir := t.TempDir()
			res, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: dir, Outputs: []string{"epub", "pdf", "recap"}})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Diagnostics {
				t.Logf("%s", d)
			}
			base := outputBase(dir, note)
			texts := map[string]string{}
			for name, data := range epubContents(t, base+".epub") {
				if ext := filepath.Ext(name); ext == ".xhtml" || ext == ".opf" || ext == ".ncx" {
					texts[name] = readerText(t, name, data)
				}
			}
			if checkers.Available(t, "pdftotext") {
				for _, pdf := range []string{base + ".pdf", base + "-recap.pdf"} {
					texts[filepath.Base(pdf)] = strings.Join(pdfText(t, pdf), "\n")
				}
			} else {
				t.Log("pdftotext is not installed: only the EPUB is read")
			}
			if checkers.Available(t, "qpdf") {
				texts["outline of "+filepath.Base(base)+".pdf"] = strings.Join(pdfOutline(t, base+".pdf"), "\n")
			}
			english := englishLabels(tc.lang)
			for _, where := range slices.Sorted(maps.Keys(texts)) {
				for _, l := range english {
					if m := l.re.FindString(texts[where]); m != "" {
						t.Errorf("%s shows %s in English: %q", where, l.name, m)
					}
				}
			}
			for _, where := range []string{"EPUB/title.xhtml", filepath.Base(base) + ".pdf"} {
				if text, ok := texts[where]; ok && !strings.Contains(text, tc.date) {
					t.Errorf("%s does not date the guide %q", where, tc.date)
				}
			}
			if glossary := labels.For(tc.lang).Text("glossary.title"); !strings.Contains(texts["EPUB/nav.xhtml"], glossary) {
				t.Errorf("the EPUB's contents have no %q", glossary)
			}
		})
	}
}

// englishLabel is a text of the English table as it would show in a
// guide: name is its name in the catalogue, re finds it.
type englishLabel struct {
	name string
	re   *regexp.Regexp
}

// englishLabels returns the English texts that lang does not write the
// same way in its own table, each as a pattern that finds it in a guide's text: the whole text, its
// placeholders standing for numbers or for any words, and every run of
// two or more words between its placeholders, which shows even where a
// drawing breaks the text into lines of its own.
func englishLabels(lang string) []englishLabel {
	en, own := labels.For(labels.English), labels.For(lang)
	var out []englishLabel
	for _, name := range labels.Names() {
		text := en.Text(name)
		if same, from := own.TextLang(name); same == text && from != labels.English {
			continue // the same word in both languages, such as "Section"
		}
		var whole strings.Builder
		hasWords := false
		for _, p := range en.Pieces(name) {
			if p.Slot != "" {
				if slices.Contains([]string{"n", "total", "from", "to", "day", "year"}, p.Slot) {
					whole.WriteString(`\d+`)
				} else {
					whole.WriteString(`\S.*?`)
				}
				continue
			}
			whole.WriteString(spaced(p.Text))
			words := strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
			if len(words) > 0 {
				hasWords = true
			}
			if len(words) >= 2 {
				out = append(out, englishLabel{name, regexp.MustCompile(bounded(strings.Join(words, `\W+`), words[0], words[len(words)-1]))})
			}
		}
		if hasWords {
			out = append(out, englishLabel{name, regexp.MustCompile(bounded(whole.String(), text, text))})
		}
	}
	return out
}

// spaced quotes s for a pattern in which any run of spaces matches any
// run of white space, as text extracted from a page breaks lines.
func spaced(s string) string {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	out := strings.Join(parts, `\s+`)
	if s != "" && unicode.IsSpace(rune(s[0])) {
		out = `\s+` + out
	}
	if s != "" && unicode.IsSpace(rune(s[len(s)-1])) {
		out += `\s+`
	}
	return out
}

// bounded makes pattern match whole words only: it may not start or end
// inside a word where first starts or last ends with a letter.
func bounded(pattern, first, last string) string {
	if r := []rune(first); len(r) > 0 && unicode.IsLetter(r[0]) {
		pattern = `(?:^|[^\pL])` + pattern
	}
	if r := []rune(last); len(r) > 0 && unicode.IsLetter(r[len(r)-1]) {
		pattern += `(?:$|[^\pL])`
	}
	return pattern
}

// readerText returns what a reader of an EPUB file sees or hears: its
// character data and the values of the attributes that hold text (alt,
// title, aria-label, the content of a meta). The fonts' licence, which is
// in English in every guide, is left out.
func readerText(t *testing.T, name string, data []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var b strings.Builder
	skip := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "class":
					if a.Value == "licence-text" {
						skip = 1
					}
				case "alt", "title", "aria-label", "content":
					b.WriteString(" " + a.Value + " ")
				}
			}
			b.WriteByte(' ')
		case xml.EndElement:
			if skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		case xml.CharData:
			if skip == 0 {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// TestEnglishLabelsAreFound checks the test above on an English guide,
// where it must find the labels it looks for.
func TestEnglishLabelsAreFound(t *testing.T) {
	text := "Contents\nKey points: The causes\nWalk from Start and picture each cue\nin its room.\n3 of 12\nMIND\nPALACE p. 4"
	found := map[string]bool{}
	for _, l := range englishLabels("fr") {
		if l.re.MatchString(text) {
			found[l.name] = true
		}
	}
	for _, name := range []string{"toc.title", "summary.caption", "palace.walk-first", "page.of", "palace.label"} {
		if !found[name] {
			t.Errorf("%s is not found in %q", name, text)
		}
	}
	for _, l := range englishLabels("fr") {
		if l.re.MatchString("Les causes de la Révolution, 1789 à 1799 ; Section") {
			t.Errorf("%s is found in French text", l.name)
		}
	}
}

// TestLangWithNoTableWarnsOnce builds a note in a language with no table
// into every output: its guides are in English, with one warning for the
// whole build at the note's lang line.
func TestLangWithNoTableWarnsOnce(t *testing.T) {
	note := filepath.Join(t.TempDir(), "fotosynteza.md")
	writeFile(t, note, []byte("---\ntitle: Fotosynteza\nlang: pl\n---\n# Fotosynteza\n\n## Etapy\n\n"+
		"1. **Faza jasna**: W tylakoidach powstaje **ATP**.\n2. **Cykl Calvina**: W stromie powstaje **glukoza**.\n"))
	res, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: t.TempDir(), Outputs: []string{"epub", "pdf", "2up", "recap"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Line != 3 || !strings.Contains(res.Diagnostics[0].Message, `no labels in "pl"`) {
		t.Errorf("diagnostics %v; want one warning at line 3 about pl", res.Diagnostics)
	}
}
