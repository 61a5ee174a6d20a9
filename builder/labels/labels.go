// Package labels holds every word the build adds to a study guide: the
// headings and columns of the study tables, the names of the added
// sections, the palace's captions, the PDF's "Contents" and "n of N",
// dates, and the EPUB's navigation labels. The words are data, one file
// per language under data/ ("name = text" lines), embedded in the binary.
//
// Every file holds every word English has, and a test keeps them so. A
// file that lacked a word would take it from English, and the catalogue
// says so (TextLang), so that a writer can mark a label in another
// language than the guide's. A language with no file at all gets English
// throughout (Has tells which), and the reader warns once about its tag.
//
// A text may hold placeholders such as {n} that Format fills in, or that
// Pieces returns as slots for the caller to fill with rich text.
package labels

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed data/*.txt
var data embed.FS

// English is the language every catalogue falls back to.
const English = "en"

// Catalogue is the words of one language, with English behind it for the
// words that language lacks. A Catalogue is immutable and safe for
// concurrent use.
type Catalogue struct {
	// tables are the tables consulted in order: the most specific first,
	// English last.
	tables []*table
}

// table is the words of one data file.
type table struct {
	lang  string
	texts map[string]string
	names []string // in file order
	// pieces holds the texts already cut by Pieces, by name.
	pieces sync.Map
}

// loaded parses the embedded files once.
var loaded = sync.OnceValue(func() map[string]*table {
	tables, err := parseAll()
	if err != nil {
		// The files are part of the binary and a test parses them.
		panic("labels: " + err.Error())
	}
	return tables
})

// For returns the catalogue for a BCP 47 language tag. The tag is matched
// without regard to case, trying the whole tag and then the tag with its
// last subtag dropped in turn ("pt-BR", then "pt"); English stands behind
// every catalogue and is the catalogue of a tag no file matches.
func For(tag string) *Catalogue {
	tables := loaded()
	c := &Catalogue{}
	t := strings.ToLower(strings.TrimSpace(tag))
	for t != "" {
		if tb, ok := tables[t]; ok && t != English {
			c.tables = append(c.tables, tb)
		}
		i := strings.LastIndexByte(t, '-')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	c.tables = append(c.tables, tables[English])
	return c
}

// Lang returns the language of the catalogue's own words: the tag of the
// most specific data file it found, "en" when none matched.
func (c *Catalogue) Lang() string { return c.tables[0].lang }

// Text returns the text named name. A name that no table holds gives the
// name in braces, which the tests keep from happening.
func (c *Catalogue) Text(name string) string {
	s, _ := c.TextLang(name)
	return s
}

// TextLang returns the text named name and the language it is in: the
// catalogue's own, or English when the text falls back to English.
func (c *Catalogue) TextLang(name string) (text, lang string) {
	for _, t := range c.tables {
		if s, ok := t.texts[name]; ok {
			return s, t.lang
		}
	}
	return "{" + name + "}", English
}

// Format returns the text named name with its placeholders filled in.
// args are pairs of a placeholder's name and its value: a string, an int
// or anything fmt.Sprint can print. A placeholder with no value stays as
// it is written.
//
//	c.Format("page.of", "n", 3, "total", 12) // "3 of 12"
func (c *Catalogue) Format(name string, args ...any) string {
	var b strings.Builder
	for _, p := range c.Pieces(name) {
		if p.Slot == "" {
			b.WriteString(p.Text)
			continue
		}
		v, ok := lookup(p.Slot, args)
		if !ok {
			b.WriteString(p.Text)
			continue
		}
		b.WriteString(v)
	}
	return b.String()
}

// lookup returns the value given for a placeholder in args, as text.
func lookup(slot string, args []any) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok && k == slot {
			switch v := args[i+1].(type) {
			case string:
				return v, true
			case int:
				return strconv.Itoa(v), true
			default:
				return fmt.Sprint(v), true
			}
		}
	}
	return "", false
}

// Piece is a part of a text: plain text, or a placeholder (Slot set to
// its name, Text to the placeholder as written, braces included).
type Piece struct {
	Text string
	Slot string
}

// Pieces returns the text named name cut into plain text and
// placeholders, in order, for a caller that fills the placeholders with
// something richer than text, such as a link.
//
// The pieces of a text are cut once and shared: the caller must not
// change them.
func (c *Catalogue) Pieces(name string) []Piece {
	for _, t := range c.tables {
		s, ok := t.texts[name]
		if !ok {
			continue
		}
		if p, ok := t.pieces.Load(name); ok {
			return p.([]Piece)
		}
		p := slices.Clip(split(s))
		t.pieces.Store(name, p)
		return p
	}
	return split(c.Text(name))
}

// Fill puts the pieces of a text together as values of the caller's own
// kind, such as the inlines of a page: each placeholder that slots names
// becomes the values slots gives it, and every other piece becomes
// text(piece.Text), in order.
func Fill[T any](pieces []Piece, slots map[string][]T, text func(string) T) []T {
	out := make([]T, 0, len(pieces))
	for _, p := range pieces {
		if vs, ok := slots[p.Slot]; ok && p.Slot != "" {
			out = append(out, vs...)
			continue
		}
		out = append(out, text(p.Text))
	}
	return out
}

// split cuts s into plain text and placeholders. A placeholder is a name
// of lower-case letters, digits and hyphens in braces; any other brace is
// plain text.
func split(s string) []Piece {
	var out []Piece
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j]) && s[j] != '.' {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			continue
		}
		if last < i {
			out = append(out, Piece{Text: s[last:i]})
		}
		out = append(out, Piece{Text: s[i : j+1], Slot: s[i+1 : j]})
		last = j + 1
		i = j
	}
	if last < len(s) {
		out = append(out, Piece{Text: s[last:]})
	}
	return out
}

// Placeholders returns the names of the placeholders in s, in order.
func Placeholders(s string) []string {
	var out []string
	for _, p := range split(s) {
		if p.Slot != "" {
			out = append(out, p.Slot)
		}
	}
	return out
}

// Date writes a date as the catalogue's language writes it in running
// text ("5 December 2026", "1er octobre 2025", "1. Oktober 2025"), in
// UTC. The first day of a month takes the text "date.first", for the
// languages that write it as an ordinal.
func (c *Catalogue) Date(t time.Time) string {
	t = t.UTC()
	name := "date"
	if t.Day() == 1 {
		name = "date.first"
	}
	return c.Format(name,
		"day", t.Day(),
		"month", c.Text("month."+strconv.Itoa(int(t.Month()))),
		"year", t.Year())
}

// Has reports whether tag, or a shorter form of it ("pt" for "pt-BR"),
// has a data file of its own. English has one.
func Has(tag string) bool {
	return For(tag).Lang() != English || primary(tag) == English
}

// primary returns the primary language subtag of tag, in lower case.
func primary(tag string) string {
	t, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return t
}

// Languages returns the tags of every data file, English first, then in
// the order of their tags.
func Languages() []string {
	tables := loaded()
	out := []string{English}
	for tag := range tables {
		if tag != English {
			out = append(out, tag)
		}
	}
	slices.Sort(out[1:])
	return out
}

// Names returns the names English holds, in the order of its file.
func Names() []string {
	return append([]string(nil), loaded()[English].names...)
}

// Missing returns the names English holds that the data file of lang
// does not, in the order of the English file: the words that language
// still shows in English. It is nil for English and for a tag with no
// file of its own.
func Missing(lang string) []string {
	tables := loaded()
	t, ok := tables[strings.ToLower(lang)]
	if !ok || t.lang == English {
		return nil
	}
	var out []string
	for _, name := range tables[English].names {
		if _, ok := t.texts[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}

// Untranslated returns, for every language other than English, the names
// it still takes from English, keyed by language tag; a language with
// nothing missing is left out.
func Untranslated() map[string][]string {
	out := map[string][]string{}
	for _, lang := range Languages()[1:] {
		if m := Missing(lang); len(m) > 0 {
			out[lang] = m
		}
	}
	return out
}
