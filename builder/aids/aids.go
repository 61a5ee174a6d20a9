// Package aids is the registry of study aids: the stages that add to a
// guide after it is read, each with its name, its front-matter switch and
// its default. The command's --no-NAME flags, the front-matter keys the
// reader accepts and the order in which the driver runs the stages all
// come from All, so a new aid is one entry there and its stage.
package aids

import (
	"fmt"
	"strings"

	"studyguide/builder/enrich"
	"studyguide/builder/guide"
	"studyguide/builder/palace"
)

// Aid is one study aid.
type Aid struct {
	// Name names the aid in the command's --no-NAME flag and in messages.
	Name string
	// Key is the front-matter key that turns the aid on (true) or off
	// (false) for one note.
	Key string
	// Default says whether the aid is added when neither the front matter
	// nor the command says otherwise.
	Default bool
	// Adds says what the aid adds, for the command's help: "--no-NAME
	// leave out " followed by Adds.
	Adds string
	// Stage adds the aid to a guide whose facts enrich.Extract has found.
	// It knows nothing of the media the guide is written to.
	Stage func(g *guide.Guide)
	// Facts, when set, runs in the aid's turn whether or not the aid is
	// on, before Stage: it keeps in g.Study what other outputs read even
	// when the guides leave the aid out (the questions of the self-test,
	// which the cards and the Anki deck ask too).
	Facts func(g *guide.Guide)
}

// All returns the study aids in the order their stages run: the summary
// tables and the at-a-glance table first, then the mind palace, the
// glossary, and the self-test last, since it asks about the palace's
// rooms and places its answer key after every other section. Each call
// returns a new slice, which the caller may keep or change.
func All() []Aid {
	return []Aid{
		{
			Name: "summaries", Key: "summaries", Default: true,
			Adds: "the summary tables and the at-a-glance table",
			Stage: func(g *guide.Guide) {
				enrich.Summaries(g)
				enrich.Glance(g)
			},
		},
		{
			Name: "palace", Key: "palace", Default: true,
			Adds:  "the mind-palace pages",
			Stage: func(g *guide.Guide) { palace.Build(g, palace.Options{}) },
		},
		{
			Name: "glossary", Key: "glossary", Default: true,
			Adds:  "the glossary",
			Stage: enrich.Glossary,
		},
		{
			Name: "self-test", Key: "self_test", Default: true,
			Adds:  "the self-test questions and their answer key",
			Facts: enrich.Questions,
			Stage: enrich.SelfTest,
		},
	}
}

// Names returns the names of the study aids, in the order of All.
func Names() []string {
	var names []string
	for _, a := range All() {
		names = append(names, a.Name)
	}
	return names
}

// Keys returns the front-matter keys of the study aids, in the order of
// All. The reader takes each as a switch of true or false.
func Keys() []string {
	var keys []string
	for _, a := range All() {
		keys = append(keys, a.Key)
	}
	return keys
}

// Check returns an error naming the first of names that is not the name
// of a study aid.
func Check(names []string) error {
	known := Names()
	for _, n := range names {
		found := false
		for _, k := range known {
			found = found || n == k
		}
		if !found {
			return fmt.Errorf("unknown study aid %q (study aids: %s)", n, strings.Join(known, ", "))
		}
	}
	return nil
}

// On reports whether the aid is added to a guide with the metadata m
// when the aids named in off are left out: never when off names it, else
// as the front matter's switch says, else by default.
func (a Aid) On(m guide.Meta, off []string) bool {
	for _, n := range off {
		if n == a.Name {
			return false
		}
	}
	if on, given := m.Switches[a.Key]; given {
		return on
	}
	return a.Default
}

// Run adds the study aids to a guide that has been read: it finds the
// facts the aids are made from (enrich.Extract), then runs the stage of
// each aid that is on, in the order of All, each after its facts (Aid.Facts),
// which are found whether or not the aid is on. The aids named in off are
// left out whatever the front matter says. A nil guide is left as it is.
func Run(g *guide.Guide, off []string) {
	if g == nil {
		return
	}
	enrich.Extract(g)
	for _, a := range All() {
		if a.Facts != nil {
			a.Facts(g)
		}
		if a.On(g.Meta, off) {
			a.Stage(g)
		}
	}
}

// Chapter-wide and book-wide stages: in a book of several notes, these
// aids run on each chapter alone, as the chapter's own front matter says;
// the others (the at-a-glance table, the glossary, the self-test) run
// once over the whole book, as the book's metadata says.
var perChapter = map[string]bool{"summaries": true, "palace": true}

// RunBook adds the study aids to a book made by guide.Join, whose
// top-level sections are its chapters and chapters[i] the front matter
// of the note of its i-th chapter. The summary tables and the mind palace
// are made for each chapter on its own (each chapter whose switches keep
// them gets its own tables, palace pages and walk-through); the
// at-a-glance table, grouped by chapter, the glossary, which sends the
// reader into every chapter that uses a term, and the self-test are made
// once for the book. The aids named in off are left out everywhere.
func RunBook(book *guide.Guide, chapters []guide.Meta, off []string) {
	if book == nil {
		return
	}
	enrich.ExtractBook(book)
	secs := append([]*guide.Section(nil), book.Sections...)
	for _, a := range All() {
		if a.Facts != nil {
			a.Facts(book)
		}
		if !perChapter[a.Name] {
			if a.On(book.Meta, off) {
				a.Stage(book)
			}
			continue
		}
		for i, sec := range secs {
			if i >= len(chapters) || !a.On(chapters[i], off) {
				continue
			}
			switch a.Name {
			case "summaries":
				inChapter(book, sec, chapters[i], enrich.Summaries)
			case "palace":
				inChapter(book, sec, chapters[i], func(g *guide.Guide) { palace.Build(g, palace.Options{}) })
			}
		}
		if a.Name == "summaries" && a.On(book.Meta, off) {
			enrich.Glance(book)
		}
	}
}

// inChapter runs stage on one chapter of book seen as a guide of its own:
// the chapter's blocks are its introduction, its subsections its
// sections, and its study facts those of the book that stand in it. What
// the stage adds goes back into the chapter, one level below the book's
// top, and the palace's stations into the book's facts.
func inChapter(book *guide.Guide, sec *guide.Section, meta guide.Meta, stage func(*guide.Guide)) {
	meta.Lang = book.Meta.Lang
	meta.Title, meta.TitleInlines = sec.Title, sec.Heading
	in := map[string]bool{}
	sec.Walk(func(c *guide.Section) bool {
		in[c.ID] = true
		return true
	})
	local := func(id string) string {
		if id == sec.ID {
			return ""
		}
		return id
	}
	study := &guide.Study{}
	if book.Study != nil {
		for _, kp := range book.Study.KeyPoints {
			if in[kp.SectionID] {
				c := *kp
				c.SectionID = local(c.SectionID)
				study.KeyPoints = append(study.KeyPoints, &c)
			}
		}
		for _, t := range book.Study.Terms {
			if in[t.SectionID] {
				c := *t
				c.SectionID = local(c.SectionID)
				study.Terms = append(study.Terms, &c)
			}
		}
	}
	g := &guide.Guide{Meta: meta, Files: book.Files, Intro: sec.Blocks, Sections: sec.Sections,
		Footnotes: book.Footnotes, Study: study, Images: book.Images, Book: book}
	stage(g)
	sec.Blocks, sec.Sections = g.Intro, g.Sections
	for _, c := range sec.Sections {
		setLevels(c, 2)
	}
	if book.Study != nil {
		book.Study.Stations = append(book.Study.Stations, study.Stations...)
	}
}

// setLevels gives s the level level and its subsections the levels below.
func setLevels(s *guide.Section, level int) {
	s.Level = level
	for _, c := range s.Sections {
		setLevels(c, level+1)
	}
}
