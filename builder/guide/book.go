package guide

import (
	"maps"
	"reflect"
	"strconv"
	"strings"

	"studyguide/builder/diag"
)

// Join makes one book of the guides of several notes, read into one file
// set (the first chapter's Files): each guide becomes a top-level section
// of Kind FromNotes, a chapter, whose title is the note's title, whose
// blocks are the note's introduction and whose subsections are the note's
// sections one level down (a note that is one section of its own title
// makes that section the chapter). Ids are made unique across the book: the first
// chapter keeps its own, a later chapter's id already taken gets a number
// ("introduction-2"), and the links of its note follow. Footnotes and
// images are the chapters' together. The book's Meta is meta; the
// chapters' guides are used up and must not be read afterwards.
//
// Join is meant for guides as the reader made them, before any study aid
// is added.
func Join(meta Meta, chapters []*Guide) *Guide {
	book := &Guide{Meta: meta, Images: map[ImageKey]*ImageFile{}}
	ids := NewIDs()
	for i, ch := range chapters {
		if book.Files == nil {
			book.Files = ch.Files
		}
		renameIDs(ch, ids, i+1)
		shift := len(book.Footnotes)
		Inspect(ch, func(n Node) bool {
			if r, ok := n.(*FootnoteRef); ok {
				r.Index += shift
			}
			return true
		})
		book.Footnotes = append(book.Footnotes, ch.Footnotes...)
		maps.Copy(book.Images, ch.Images)
		sec := &Section{
			ID:           ids.Claim("chapter-" + strconv.Itoa(i+1)),
			Title:        ch.Meta.Title,
			Heading:      ch.Meta.TitleInlines,
			Level:        1,
			HeadingLevel: 1,
			Pos:          NoPos,
			Chapter:      true,
			Blocks:       ch.Intro,
			Sections:     ch.Sections,
		}
		if len(ch.Intro) == 0 && len(ch.Sections) == 1 && ch.Sections[0].Title == sec.Title {
			// A note with no title of its own is one section named
			// after its file: that section is the chapter.
			only := ch.Sections[0]
			sec.ID, sec.Pos, sec.Blocks, sec.Sections = only.ID, only.Pos, only.Blocks, only.Sections
			for _, c := range sec.Sections {
				c.Walk(func(s *Section) bool {
					s.Level--
					return true
				})
			}
		}
		down := 0
		sec.Walk(func(s *Section) bool {
			if s != sec && s.HeadingLevel <= 1 {
				down = 1
			}
			return true
		})
		for _, c := range sec.Sections {
			c.Walk(func(s *Section) bool {
				s.Level++
				s.HeadingLevel = min(s.HeadingLevel+down, 6)
				return true
			})
		}
		book.Sections = append(book.Sections, sec)
	}
	return book
}

// renameIDs gives the ids of a chapter's sections, key points and
// footnotes unique names in the book whose ids are ids, and points the
// chapter's links inside the note ("#id") at the new names.
func renameIDs(ch *Guide, ids *IDs, n int) {
	renamed := map[string]string{}
	rename := func(id string) string {
		if id == "" {
			return id
		}
		if to, ok := renamed[id]; ok {
			return to
		}
		to := ids.Claim(id)
		if strings.HasPrefix(id, "fn-") && to != id {
			to = ids.Claim("fn-" + strconv.Itoa(n) + "-" + strings.TrimPrefix(id, "fn-"))
		}
		renamed[id] = to
		return to
	}
	for _, f := range ch.Footnotes {
		f.ID = rename(f.ID)
	}
	Inspect(ch, func(node Node) bool {
		switch node := node.(type) {
		case *Section:
			node.ID = rename(node.ID)
		case *ListItem:
			if node.Key != nil {
				node.Key.ID = rename(node.Key.ID)
			}
		}
		return true
	})
	Inspect(ch, func(node Node) bool {
		if l, ok := node.(*Link); ok && strings.HasPrefix(l.URL, "#") {
			if to, ok := renamed[l.URL[1:]]; ok {
				l.URL = "#" + to
			}
		}
		return true
	})
}

// MoveTo moves a guide read alone from one note, whose positions are
// offsets in that note, into file: the same note added to the file set of
// a book. Every position of the guide is shifted by the file's base, and
// the guide's Files becomes the file's set, so that notes can be read
// side by side, each on its own, and then joined into one book (see Join)
// as if they had been read one after the other into one set.
func MoveTo(g *Guide, file *diag.File) {
	by := int64(file.Base())
	posType := reflect.TypeFor[Pos]()
	Inspect(g, func(n Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.IsNil() {
			return true
		}
		if f := v.Elem().FieldByName("Pos"); f.IsValid() && f.CanSet() && f.Type() == posType && Pos(f.Int()) != NoPos {
			f.SetInt(f.Int() + by)
		}
		return true
	})
	g.Files = file.Set()
}
