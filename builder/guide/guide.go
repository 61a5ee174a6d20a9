// Package guide defines the document model that every stage of the build
// meets at. The Markdown reader produces a Guide, enrichment stages add study
// aids to it, and the writers only read it. Nothing from a parsing or output
// library appears here: a Guide is plain Go values.
package guide

import (
	"time"

	"studyguide/builder/diag"
)

// Pos is the position of a node in Guide.Files: the byte offset where it
// starts in its note plus that note's base, so that it names the note as
// well as the place. NoPos marks a node that was made by the build rather
// than read from a note.
type Pos = diag.Pos

// NoPos is the position of a node that has no place in the source.
const NoPos = diag.NoPos

// Guide is one study guide: the metadata and the tree of sections read from
// its notes, plus everything later stages attach to it.
type Guide struct {
	Meta Meta

	// Files are the notes the guide was read from. Every Pos of the guide
	// is a position in this set, and diagnostics about nodes of the guide
	// are made through it (Files.Warnf); nil for a guide made without
	// notes, which reports nothing.
	Files *diag.FileSet

	// Intro holds the blocks that stand before the first section heading
	// (after the title heading, if any).
	Intro []Block

	// Sections are the top-level sections in reading order.
	Sections []*Section

	// Footnotes are the footnote definitions in the order they are first
	// referenced; FootnoteRef.Index points into this slice.
	Footnotes []*Footnote

	// Study holds the key points and key terms found by enrichment; nil
	// until that stage has run, and again while a build writes only
	// outputs that do not read it (the sections the aids added hold what
	// the guides show of it).
	Study *Study

	// Images holds every image file the notes refer to that could be
	// loaded, keyed by the note and the source that refer to it (see
	// ImageKey): two notes of a guide may each have their own "map.png".
	// Writers take image bytes from here, through Guide.Image, and never
	// from the file system.
	Images map[ImageKey]*ImageFile

	// Book is set on the guide of one chapter of a book while a study aid
	// is added to that chapter alone: ids the book has taken count as
	// taken in the chapter too (see IDs). nil for any other guide.
	Book *Guide
}

// ImageKey names a loaded image file of a guide: the name of the note
// (its file in Guide.Files) whose text shows it, and the source as that
// note writes it. Note is "" for a guide made without notes.
type ImageKey struct {
	Note, Src string
}

// ImageKeyOf returns the key under which the file shown by img is kept:
// the note is the one that holds img.Pos.
func (g *Guide) ImageKeyOf(img *Image) ImageKey {
	k := ImageKey{Src: img.Src}
	if f := g.Files.File(img.Pos); f != nil {
		k.Note = f.Name
	}
	return k
}

// Image returns the loaded file that img shows, or nil when it could not
// be loaded.
func (g *Guide) Image(img *Image) *ImageFile {
	return g.Images[g.ImageKeyOf(img)]
}

// Meta is what the guide says about itself, from front matter or, failing
// that, from the note's text and file name.
type Meta struct {
	Title string
	// TitleInlines is the title as the guides show it on the title page
	// and in running heads when it is the note's first heading and holds
	// a formula (see Section.Heading); nil otherwise.
	TitleInlines []Inline
	Subtitle     string
	Authors      []string
	Lang         string // BCP 47 tag; "en" when the note does not say
	// LangGiven is true when the notes name their language; Lang is the
	// default otherwise.
	LangGiven bool
	// Date is the note's own date from front matter; zero when not given.
	Date time.Time
	// Modified is the moment the guide counts as built, for the EPUB's
	// dcterms:modified and the PDF's creation date. The driver sets it from
	// SOURCE_DATE_EPOCH, else Date, else FixedDate; never the clock.
	Modified    time.Time
	Description string
	// Identifier is stable across rebuilds: from front matter, or derived
	// from the note's content by the reader.
	Identifier string
	// IdentifierFromText is true when the notes give no identifier and
	// the reader derived Identifier from their text, so that it changes
	// with every edit. An output that must know the guide again after an
	// edit (the Anki deck) then goes by the title instead.
	IdentifierFromText bool

	// Switches holds the study-aid switches the front matter gives, by
	// key ("summaries: false"); a key it does not give is absent. Which
	// keys are switches is up to the study aids (package aids).
	Switches map[string]bool
}

// Section is a heading and everything up to the next heading of the same or
// a higher level.
type Section struct {
	// ID is unique within the guide and safe as an XML id and file name
	// part: ASCII letters, digits and hyphens, starting with a letter.
	ID string
	// Title is the heading as plain text, emphasis markers removed and
	// each formula in its linear form ("E = mc²"): what a table of
	// contents, a bookmark or a running head shows.
	Title string
	// Heading is the heading as the guides show it when it holds a
	// formula: its text, emphasis and code with each formula as the
	// formula itself (links and footnote references are left out, as a
	// heading is itself a link's target). It is nil when the heading
	// holds no formula, and for the sections the build adds: Title then
	// says all there is. It is not walked by Inspect: it says again what
	// Title says.
	Heading []Inline
	// TitleLang is the language of the title when it is not the
	// guide's: that of a fenced div of another language that holds the
	// heading. "" for the guide's language. (The section's blocks carry
	// their own language, in a Div.)
	TitleLang string
	// Level is the depth in the tree: 1 for a top-level section.
	Level int
	// HeadingLevel is the Markdown level of the heading (1 to 6); the
	// build gives sections it adds the level of their neighbours.
	HeadingLevel int
	Pos          Pos
	// Kind is FromNotes for sections the author wrote, else the study aid
	// the section holds.
	Kind Kind
	// Chapter is true for a top-level section that holds one note of a
	// book of several notes (see Join); on paper it starts a new page.
	Chapter bool

	Blocks   []Block
	Sections []*Section
}

// TitleInlines returns the heading as the guides show it: Heading when
// the heading holds a formula, else Title as one text.
func (s *Section) TitleInlines() []Inline {
	if s.Heading != nil {
		return s.Heading
	}
	return []Inline{&Text{Pos: s.Pos, Text: s.Title}}
}

// Walk calls fn for the section and every section below it, depth first in
// reading order. It stops early when fn returns false.
func (s *Section) Walk(fn func(*Section) bool) bool {
	if !fn(s) {
		return false
	}
	for _, c := range s.Sections {
		if !c.Walk(fn) {
			return false
		}
	}
	return true
}

// WalkSections calls fn for every section of the guide in reading order.
func (g *Guide) WalkSections(fn func(*Section) bool) {
	for _, s := range g.Sections {
		if !s.Walk(fn) {
			return
		}
	}
}

// Footnote is the text of one footnote.
type Footnote struct {
	// ID is unique within the guide and safe as an XML id.
	ID string
	// Label is the label the author wrote, such as "1" or "note".
	Label  string
	Pos    Pos
	Blocks []Block
}

// ImageFile is a loaded image: its bytes and what the writers need to know
// to place it.
type ImageFile struct {
	// Name is a file name unique within the notes' file set (so also
	// within a book of several notes), safe for a ZIP entry, such as
	// "img-1.png", or "n2-img-1.png" for an image of the set's second note.
	Name      string
	MediaType string // "image/png" or "image/jpeg"
	Data      []byte
	Width     int // pixels
	Height    int // pixels
}
