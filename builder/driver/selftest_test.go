package driver

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSeedSelfTest holds the seed's self-test to what a student needs, on
// the real EPUB and PDF: at least fifteen questions, numbered, each with
// an answer in the key at the back that links to an existing place (a
// link in the EPUB, a page number in the PDF); no cloze question showing
// its own answer; answers that use at least eight of the seed's key
// terms; and a book that EPUBCheck and qpdf find clean.
func TestSeedSelfTest(t *testing.T) {
	pages, pdfPath := seedBook(t)
	testPage, test := pageHeaded(t, pages, "Test yourself")
	keyPage, key := pageHeaded(t, pages, "Answers")
	if testPage == keyPage {
		t.Errorf("the test and its answer key share the page %s", testPage)
	}
	questions := test.all(named("li"))
	answers := key.all(named("li"))
	if len(questions) < 15 {
		t.Errorf("the test has %d questions, want at least 15", len(questions))
	}
	if len(answers) != len(questions) {
		t.Fatalf("%d questions, %d answers", len(questions), len(answers))
	}

	// Every answer links to a place that exists.
	ids := map[string]bool{}
	for name, p := range pages {
		for _, n := range p.all(func(n *node) bool { return n.attr["id"] != "" }) {
			ids[name+"#"+n.attr["id"]] = true
		}
	}
	for i, a := range answers {
		refs := a.all(hasClass("ref"))
		if len(refs) != 1 {
			t.Errorf("answer %d has %d links to where it is explained", i+1, len(refs))
			continue
		}
		href := refs[0].attr["href"]
		if strings.HasPrefix(href, "#") {
			href = keyPage + href
		}
		if !ids[href] {
			t.Errorf("answer %d links to %q, which is not in the book", i+1, href)
		}
	}

	// No cloze question shows its answer; every blank is drawn.
	clozes := 0
	for i, q := range questions {
		blanks := q.all(hasClass("blank"))
		if len(blanks) == 0 {
			continue
		}
		clozes++
		strong := answers[i].all(named("strong"))
		if len(strong) != 1 {
			t.Errorf("the answer to cloze question %d is not one bold answer", i+1)
			continue
		}
		answer := strong[0].textOf()
		if strings.Contains(strings.ToLower(q.textOf()), strings.ToLower(answer)) {
			t.Errorf("question %d shows its answer %q: %s", i+1, answer, q.textOf())
		}
		for _, b := range blanks {
			if strings.Trim(b.textOf(), "\u00a0") != "" || b.attr["aria-label"] != "blank" {
				t.Errorf("a blank of question %d holds text or has no name: %q", i+1, b.textOf())
			}
		}
	}
	if clozes < 10 {
		t.Errorf("%d cloze questions, want at least 10", clozes)
	}

	// The answers use the seed's key terms.
	_, gloss := pageHeaded(t, pages, "Glossary")
	terms := map[string]bool{}
	for _, row := range bodyRows(gloss.all(hasClass("glossary"))[0]) {
		name, _, _ := strings.Cut(row[0], " (also:")
		terms[strings.ToLower(strings.TrimSpace(name))] = true
	}
	used := map[string]bool{}
	for _, a := range answers {
		for _, s := range a.all(named("strong")) {
			if w := strings.ToLower(s.textOf()); terms[w] {
				used[w] = true
			}
		}
	}
	if len(used) < 8 {
		t.Errorf("the answers use %d key terms, want at least 8: %v", len(used), used)
	}

	// The PDF: both sections, every answer with the page that explains
	// it, and a bold answer found on that page (or the next, where its
	// sentence runs on).
	text := pdfText(t, pdfPath)
	norm := make([]string, len(text))
	for i, p := range text {
		norm[i] = strings.Join(strings.Fields(p), " ")
	}
	all := strings.Join(norm, " ")
	for _, want := range []string{"Test yourself", "Answers", "The answers to the self-test"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	start := strings.Index(all, "The answers to the self-test")
	if start < 0 {
		t.Fatal("no answer key in the PDF")
	}
	entries := regexp.MustCompile(`(\d+)\. (.+?) \(see p\. (\d+)\)`).FindAllStringSubmatch(all[start:], -1)
	if len(entries) != len(answers) {
		t.Fatalf("the PDF's key has %d answers with a page, want %d", len(entries), len(answers))
	}
	for i, e := range entries {
		page, _ := strconv.Atoi(e[3])
		if e[1] != strconv.Itoa(i+1) || page < 1 || page > len(text) {
			t.Errorf("answer %s refers to page %d of %d", e[1], page, len(text))
			continue
		}
		if len(answers[i].all(named("strong"))) == 0 {
			continue
		}
		answer := strings.Join(strings.Fields(e[2]), " ")
		here := norm[page-1]
		if page < len(norm) {
			here += " " + norm[page]
		}
		if !strings.Contains(here, answer) {
			t.Errorf("answer %d, %q, is not on page %d", i+1, answer, page)
		}
	}
	if out := qpdfCheck(t, pdfPath); out != "" {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// TestSeedRecapAsks checks that the recap sheet asks five questions on
// the most important terms, with their answers, and lists none of the
// terms it asks about.
func TestSeedRecapAsks(t *testing.T) {
	recap := filepath.Join(seedPrint(t, "a4").dir, "nato-peacekeeping-recap.pdf")
	text := strings.Join(strings.Fields(pdfText(t, recap)[0]), " ")
	_, quiz, ok := strings.Cut(text, "Test yourself")
	if !ok {
		t.Fatalf("the recap asks nothing: %s", text)
	}
	for n := 1; n <= 5; n++ {
		if !strings.Contains(quiz, strconv.Itoa(n)+". ") {
			t.Errorf("the recap has no question %d", n)
		}
	}
	_, key, ok := strings.Cut(quiz, "Answers: ")
	if !ok || !strings.Contains(key, "5. ") {
		t.Fatalf("the recap does not give five answers: %q", key)
	}
	// No answer stands in the list of key terms with its meaning ("Term:
	// meaning"); a key point of the table may start the same way.
	terms, _, _ := strings.Cut(text, "Test yourself")
	pages, _ := seedBook(t)
	_, glance := pageHeaded(t, pages, "At a glance")
	titles := strings.Join(strings.Fields(glance.textOf()), " ")
	for _, a := range regexp.MustCompile(`\d\. (.+?)(?: · |$)`).FindAllStringSubmatch(key, -1) {
		if strings.Count(terms, a[1]+":") > strings.Count(titles, a[1]+":") {
			t.Errorf("the recap lists the meaning of %q, which it asks about", a[1])
		}
	}
}

// TestSelfTestInOtherNotes builds notes in other languages and palace
// styles and checks that each guide has its test and answer key with the
// catalogue's titles, as many answers as questions, and that a cloze
// question never shows its answer.
func TestSelfTestInOtherNotes(t *testing.T) {
	titles := map[string][2]string{
		"fr": {"Testez-vous", "Corrigé"}, "de": {"Teste dich selbst", "Lösungen"},
		"es": {"Ponte a prueba", "Soluciones"}, "it": {"Mettiti alla prova", "Soluzioni"},
		"nl": {"Test jezelf", "Antwoorden"}, "pt": {"Teste-se", "Respostas"},
	}
	notes := map[string]string{}
	for lang := range titles {
		notes[filepath.Join("testdata", "lang", lang+".md")] = lang
	}
	for name, lang := range map[string]string{"prose.md": "en", "headings.md": "en", "francais-titres.md": "fr"} {
		notes[filepath.Join("..", "palace", "testdata", "styles", name)] = lang
	}
	notes["../../source/space-race.md"] = "en"
	for note, lang := range notes {
		t.Run(filepath.Base(note), func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: dir, Outputs: []string{"epub"}}); err != nil {
				t.Fatal(err)
			}
			want := [2]string{"Test yourself", "Answers"}
			if w, ok := titles[lang]; ok {
				want = w
			}
			var test, key *node
			for name, data := range epubContents(t, filepath.Join(dir, noteName(note)+".epub")) {
				if !strings.HasSuffix(name, ".xhtml") {
					continue
				}
				p := parsePage(t, data)
				for _, h := range p.all(named("h1")) {
					switch h.textOf() {
					case want[0]:
						test = p
					case want[1]:
						key = p
					}
				}
			}
			if test == nil || key == nil {
				t.Fatalf("no %q or %q page", want[0], want[1])
			}
			qs, as := test.all(named("li")), key.all(named("li"))
			if len(qs) == 0 || len(qs) != len(as) {
				t.Fatalf("%d questions, %d answers", len(qs), len(as))
			}
			for i, q := range qs {
				if len(q.all(hasClass("blank"))) == 0 {
					continue
				}
				for _, s := range as[i].all(named("strong")) {
					if strings.Contains(strings.ToLower(q.textOf()), strings.ToLower(s.textOf())) {
						t.Errorf("question %d shows its answer %q: %s", i+1, s.textOf(), q.textOf())
					}
				}
			}
		})
	}
}
