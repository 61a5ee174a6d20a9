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
