package labels

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFilesParse(t *testing.T) {
	if _, err := parseAll(); err != nil {
		t.Fatal(err)
	}
	want := []string{"en", "de", "es", "fr", "it", "nl", "pt"}
	if got := Languages(); !slices.Equal(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
}

func TestParseRejects(t *testing.T) {
	for _, src := range []string{
		"no equals sign",
		"Upper = case",
		" = no name",
		"a = 1\na = 2",
		"spa ce = x",
	} {
		if _, err := parse("xx", src); err == nil {
			t.Errorf("parse(%q) gave no error", src)
		}
	}
	tb, err := parse("xx", "# comment\n\n  a.b-1 =  text with {x}  \r\nempty =\n")
	if err != nil {
		t.Fatal(err)
	}
	if tb.texts["a.b-1"] != "text with {x}" || tb.texts["empty"] != "" || len(tb.names) != 2 {
		t.Errorf("parse gave %q", tb.texts)
	}
}

// TestEnglishComplete checks that every name the code asks for is in
// English, and that English holds no name the code never writes.
func TestEnglishComplete(t *testing.T) {
	literals := literalsInCode(t)
	en := loaded()[English].texts
	groups := map[string]bool{} // "palace" for "palace.title"
	for name := range en {
		if g, _, ok := strings.Cut(name, "."); ok {
			groups[g] = true
		}
	}
	for lit, where := range literals {
		asked := strings.HasPrefix(lit, "\x00")
		name := strings.TrimPrefix(lit, "\x00")
		g, rest, dotted := strings.Cut(name, ".")
		if !asked && !(dotted && groups[g] && nameLike.MatchString(name) && !fileName.MatchString(rest)) {
			continue
		}
		if _, ok := en[name]; !ok {
			t.Errorf("%s asks for %q, which en.txt lacks", where, name)
		}
	}
	for _, name := range Names() {
		_, written := literals[name]
		_, asked := literals["\x00"+name]
		if !written && !asked && !strings.HasPrefix(name, "month.") {
			t.Errorf("en.txt has %q, which no code writes", name)
		}
	}
}

// TestSameNamesAndPlaceholders checks that every other language names
// only texts English has, with the same placeholders.
func TestSameNamesAndPlaceholders(t *testing.T) {
	tables := loaded()
	en := tables[English].texts
	for lang, tb := range tables {
		for _, name := range tb.names {
			want, ok := en[name]
			if !ok {
				t.Errorf("%s.txt: %q is not in en.txt", lang, name)
				continue
			}
			a, b := Placeholders(want), Placeholders(tb.texts[name])
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s.txt: %q has placeholders %v, en.txt has %v", lang, name, b, a)
			}
		}
	}
}

func TestFallbacks(t *testing.T) {
	for _, tc := range []struct{ tag, lang, contents string }{
		{"", "en", "Contents"},
		{"en-GB", "en", "Contents"},
		{"fr", "fr", "Table des matières"},
		{"FR-ca", "fr", "Table des matières"},
		{"de-DE-1996", "de", "Inhalt"},
		{"xx", "en", "Contents"},
		{"fr_FR", "en", "Contents"},
	} {
		c := For(tc.tag)
		if c.Lang() != tc.lang || c.Text("toc.title") != tc.contents {
			t.Errorf("For(%q): Lang %q, toc.title %q; want %q, %q", tc.tag, c.Lang(), c.Text("toc.title"), tc.lang, tc.contents)
		}
	}
	fr := For("fr")
	if s, lang := fr.TextLang("glossary.title"); s != "Glossaire" || lang != "fr" {
		t.Errorf("fr glossary.title = %q in %q", s, lang)
	}
	if s, lang := For("pl").TextLang("glossary.title"); s != "Glossary" || lang != "en" {
		t.Errorf("pl glossary.title = %q in %q, want the English fallback", s, lang)
	}
	if s := For("pt-BR").Text("toc.title"); s != "Sumário" {
		t.Errorf("pt-BR toc.title = %q", s)
	}
	if s, lang := fr.TextLang("recap.title"); s != "Récapitulatif" || lang != "fr" {
		t.Errorf("fr recap.title = %q in %q", s, lang)
	}
	if s := fr.Text("no.such.name"); s != "{no.such.name}" {
		t.Errorf("missing name gives %q", s)
	}
}

func TestFormatAndPieces(t *testing.T) {
	en, de := For("en"), For("de")
	if s := en.Format("page.of", "n", 3, "total", 12); s != "3 of 12" {
		t.Errorf("page.of = %q", s)
	}
	if s := de.Format("page.of", "total", "12", "n", 3); s != "3 von 12" {
		t.Errorf("de page.of = %q", s)
	}
	if s := en.Format("page.of", "n", 3); s != "3 of {total}" {
		t.Errorf("page.of with a value missing = %q", s)
	}
	got := en.Pieces("walk.see")
	want := []Piece{{Text: "See "}, {Text: "{section}", Slot: "section"}, {Text: "."}}
	if !slices.Equal(got, want) {
		t.Errorf("Pieces(walk.see) = %q, want %q", got, want)
	}
	if got := split("{ x} {} {a}{b}c{"); !slices.Equal(got, []Piece{{Text: "{ x} {} "}, {Text: "{a}", Slot: "a"}, {Text: "{b}", Slot: "b"}, {Text: "c{"}}) {
		t.Errorf("split = %q", got)
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2026, time.March, 5, 23, 30, 0, 0, time.FixedZone("x", -3600))
	for tag, want := range map[string]string{"en": "6 March 2026", "fr": "6 mars 2026", "de": "6. März 2026", "pl": "6 March 2026"} {
		if got := For(tag).Date(d); got != want {
			t.Errorf("%s: Date = %q, want %q", tag, got, want)
		}
	}
	first := time.Date(2025, time.October, 1, 12, 0, 0, 0, time.UTC)
	for tag, want := range map[string]string{
		"en": "1 October 2025",
		"fr": "1er octobre 2025",
		"de": "1. Oktober 2025",
		"es": "1 de octubre de 2025",
		"pt": "1º de outubro de 2025",
		"it": "1 ottobre 2025",
		"nl": "1 oktober 2025",
	} {
		if got := For(tag).Date(first); got != want {
			t.Errorf("%s: Date = %q, want %q", tag, got, want)
		}
	}
	if got := For("es").Date(first.AddDate(0, 0, 1)); got != "2 de octubre de 2025" {
		t.Errorf("es: Date = %q", got)
	}
}

func TestHas(t *testing.T) {
	for tag, want := range map[string]bool{"en": true, "en-GB": true, "fr-CA": true, "pt-BR": true, "nl": true, "pl": false, "und": false, "ja": false} {
		if Has(tag) != want {
			t.Errorf("Has(%q) = %t", tag, !want)
		}
	}
}

// TestUntranslated checks that every language holds every word English
// has, so that no guide in it shows an English label.
func TestUntranslated(t *testing.T) {
	if Missing("en") != nil || Missing("pl") != nil {
		t.Error("Missing should be nil for English and for a language with no file")
	}
	for lang, names := range Untranslated() {
		t.Errorf("%s: %d of %d texts fall back to English: %s", lang, len(names), len(Names()), strings.Join(names, " "))
	}
}

// TestTranslationsDiffer checks that a language's texts are its own: a
// text with words that is the same as the English one is a copy, except
// for names of months, "p." and the few words that are the same in both
// languages.
func TestTranslationsDiffer(t *testing.T) {
	same := map[string]bool{"fr glance.section": true, "fr section.untitled": true, "fr quiz.introduction": true} // Section, Introduction
	for _, lang := range Languages()[1:] {
		same[lang+" page.ref"] = true
		for m := 1; m <= 12; m++ {
			same[lang+" month."+strconv.Itoa(m)] = true
		}
	}
	en := loaded()[English].texts
	for _, lang := range Languages()[1:] {
		tb := loaded()[lang]
		for _, name := range tb.names {
			s := tb.texts[name]
			if s == en[name] && strings.ContainsFunc(strings.Join(strings.Fields(stripSlots(s)), ""), isLetter) && !same[lang+" "+name] {
				t.Errorf("%s.txt: %q is the English text %q", lang, name, s)
			}
		}
	}
}

// stripSlots returns s without its placeholders.
func stripSlots(s string) string {
	var b strings.Builder
	for _, p := range split(s) {
		if p.Slot == "" {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// callName matches a catalogue call whose name is a string literal.
var callName = regexp.MustCompile(`\.(?:Text|TextLang|Format|Pieces)\(\s*"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)"`)

// literal matches a string literal that may be a name; nameLike, a well
// formed name; fileName, the end of a file name ("licence.xhtml"), which
// is not a name even when it starts like one.
var (
	literal  = regexp.MustCompile(`"([a-z][a-z0-9.-]*)"`)
	nameLike = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$`)
	fileName = regexp.MustCompile(`\.?(xhtml|html|txt|css|png|jpg|ttf|otf|opf|ncx|pdf|epub|md|go|yaml)$`)
)

// literalsInCode returns the string literals of the module's Go code
// (tests aside) that look like names, each with a file that writes it.
// A name passed straight to Text, TextLang, Format or Pieces is keyed
// with a leading "\x00", as one the code certainly asks for.
func literalsInCode(t *testing.T) map[string]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = rel
		}
		for _, m := range callName.FindAllStringSubmatch(string(src), -1) {
			used["\x00"+m[1]] = rel
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

// TestFill puts a text with two placeholders together: a named one takes
// every value given for it, one not named stays as written.
func TestFill(t *testing.T) {
	pieces := split("see {list} and {other}.")
	got := Fill(pieces, map[string][]string{"list": {"<a>", "<b>"}}, func(s string) string { return "[" + s + "]" })
	want := []string{"[see ]", "<a>", "<b>", "[ and ]", "[{other}]", "[.]"}
	if !slices.Equal(got, want) {
		t.Errorf("Fill gives %q, want %q", got, want)
	}
}
