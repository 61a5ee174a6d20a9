// Package anki writes the questions of a guide's self-test as an Anki deck
// package (.apkg) that Anki 2.1.50 and later import with one click.
//
// The package is a zip of a collection in Anki's schema 11 (an SQLite
// database, collection.anki2) and an empty media map. The collection
// holds one deck named after the guide, two note types of this program's
// own (a basic one with the fields Front, Back and Source, and a cloze
// one with Text and Back Extra), and a note with one new card for each
// question, tagged with the question's section path.
//
// Anki knows a note again by its guid, which here derives from the guide's
// identifier (or, when the notes give none, its title) and the question's
// stable id alone. Importing a rebuilt deck therefore adds the questions
// that are new, keeps those it already has, with their review history, and
// deletes nothing. Every id and time in the package comes from the guide's
// build date, never from the clock, so the same guide gives the same bytes.
//
// This package is the only importer of the SQLite library.
package anki

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"studyguide/builder/guide"
)

// Options are the settings of Write.
type Options struct {
	// Warn reports a problem of the notes that the deck shows, at a
	// position in the notes or at guide.NoPos; nil reports nothing.
	Warn func(pos guide.Pos, msg string)
}

// Write writes the deck package of g's questions to w.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	p := build(g)
	if len(p.notes) == 0 && opts.Warn != nil {
		opts.Warn(guide.NoPos, "the Anki deck has no notes: the notes give no key terms, key points or palace rooms to ask about")
	}
	col, err := writeCollection(context.Background(), p.col, p.notes)
	if err != nil {
		return fmt.Errorf("collection: %w", err)
	}
	return pack(w, []entry{
		{collectionName, col},
		{mediaName, []byte(noMedia)},
	}, p.modified)
}

// The entries of a package. A package holds no "meta" entry: that entry
// marks the newer package format, which is compressed another way.
const (
	collectionName = "collection.anki2"
	mediaName      = "media"
	// noMedia is the media map of a package without media files: the
	// decks hold text only.
	noMedia = "{}"
)

// built is a guide's deck as the rows of its collection.
type built struct {
	col      collectionRow
	notes    []noteRow
	modified time.Time
}

// build lays out the collection of g's deck. Ids and times come from the
// guide's build date: a note's id, which Anki shows as the day it was
// added, is that date in milliseconds plus the note's place in the deck,
// and so is its card's.
func build(g *guide.Guide) built {
	mod := g.Meta.Modified
	if mod.IsZero() {
		mod = guide.FixedDate()
	}
	mod = mod.UTC()
	secs, ms := mod.Unix(), mod.UnixMilli()
	key := deckKey(g.Meta)
	did := deckID(key)

	var rows []noteRow
	for i, n := range notes(g, key) {
		id := ms + int64(i)
		flds := strings.Join(n.Fields, fieldSeparator)
		rows = append(rows, noteRow{
			ID: id, GUID: n.GUID, Model: n.Model, Modified: secs,
			Tags: tagsColumn(n.Tags), Fields: flds,
			SortField: sortField(n.Fields[0]), Checksum: checksum(n.Fields[0]),
			// Both note types make one card: the basic one has one
			// template, and every blank of a cloze note is c1.
			Cards: []cardRow{{ID: id, Note: id, Deck: did, Ord: 0, Modified: secs, Due: i + 1}},
		})
	}

	models, err := byID(noteTypes(), func(nt noteType) int64 { return nt.ID })
	must(err)
	dks, err := byID(decks(did, deckName(g.Meta.Title), escape(g.Meta.Description), secs), func(d deckJSON) int64 { return d.ID })
	must(err)
	dconf, err := marshal(map[string]any{fmt.Sprint(defaultConfID): deckConf(secs)})
	must(err)
	day := time.Date(mod.Year(), mod.Month(), mod.Day(), 0, 0, 0, 0, time.UTC)
	return built{
		col: collectionRow{
			Created: day.Unix(), Modified: ms,
			Conf: "{}", Models: models, Decks: dks, DeckConf: dconf, Tags: "{}",
		},
		notes:    rows,
		modified: mod,
	}
}

// must panics on an error that only a bug can cause: JSON of plain
// values of this package that cannot be encoded.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// deckName returns the name of the deck of a guide with the given title:
// the title on one line, with no "::", which would make it a deck inside
// another.
func deckName(title string) string {
	name := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, title)), " ")
	for strings.Contains(name, "::") {
		name = strings.ReplaceAll(name, "::", ":")
	}
	if name == "" {
		name = "Study guide"
	}
	return name
}

// entry is a file of the package.
type entry struct {
	name string
	data []byte
}

// pack writes the package: each entry deflated, in the order given, with
// the time mod and no other varying field, so that the same entries give
// the same bytes.
func pack(w io.Writer, entries []entry, mod time.Time) error {
	zw := zip.NewWriter(w)
	for _, e := range entries {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
		if _, err := f.Write(e.data); err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}
