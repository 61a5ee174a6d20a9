package aids

import (
	"slices"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
)

// note has key points with key terms and a mind-palace section, so that
// every aid has something to add.
const note = `# Rivers

- **Danube**: flows east to the **Black Sea** since 1900.
- **Rhine**: flows north to the **North Sea**.

# Memory Palace

- **Danube**: a waltz on the deck.
- **Rhine**: a castle on a rock.
`

// read reads note after the front matter fm (empty for none) as a build
// does, with the aids' keys as switches.
func read(t *testing.T, fm string) *guide.Guide {
	t.Helper()
	text := note
	if fm != "" {
		text = "---\n" + fm + "---\n" + note
	}
	var list diag.List
	g, err := markdown.Read(diag.NewFile("rivers.md", []byte(text), &list), markdown.Options{Switches: Keys()})
	if err != nil || list.HasErrors() {
		t.Fatalf("read: %v %v", err, list)
	}
	return g
}

// kinds lists the kinds of the sections and tables the aids added to g,
// each once, in the order first met.
func kinds(g *guide.Guide) []guide.Kind {
	var ks []guide.Kind
	add := func(k guide.Kind) {
		if k != guide.FromNotes && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	g.WalkSections(func(s *guide.Section) bool {
		add(s.Kind)
		for _, b := range s.Blocks {
			if t, ok := b.(*guide.Table); ok {
				add(t.Kind)
			}
		}
		return true
	})
	return ks
}

// aidKinds are the kinds of what each aid adds to the note.
var aidKinds = map[string][]guide.Kind{
	"summaries": {guide.Summary, guide.Glance},
	"palace":    {guide.Palace, guide.WalkThrough},
	"glossary":  {guide.Glossary},
	"self-test": {guide.SelfTest, guide.Answers},
}

func TestRegistry(t *testing.T) {
	if got, want := strings.Join(Names(), ","), "summaries,palace,glossary,self-test"; got != want {
		t.Errorf("aids run in the order %s; want %s", got, want)
	}
	seen := map[string]bool{}
	for _, a := range All() {
		if a.Name == "" || a.Key == "" || a.Adds == "" || a.Stage == nil {
			t.Errorf("aid %+v lacks a part", a)
		}
		if seen["name "+a.Name] || seen["key "+a.Key] {
			t.Errorf("aid %s: its name or key is taken", a.Name)
		}
		seen["name "+a.Name], seen["key "+a.Key] = true, true
		if _, ok := aidKinds[a.Name]; !ok {
			t.Errorf("aid %s has no test of what it adds", a.Name)
		}
	}
	if err := Check(Names()); err != nil {
		t.Error(err)
	}
	if err := Check([]string{"summaries", "quiz"}); err == nil || !strings.Contains(err.Error(), `"quiz"`) {
		t.Errorf("Check of an unknown aid: %v", err)
	}
}

// TestRun checks that every aid is added by default, and that leaving
// one out, by the command or by the front matter, leaves out exactly
// what it adds while extraction still runs.
func TestRun(t *testing.T) {
	g := read(t, "")
	Run(g, nil)
	var all []guide.Kind
	for _, name := range Names() {
		all = append(all, aidKinds[name]...)
	}
	if got := kinds(g); len(got) != len(all) {
		t.Fatalf("a full run adds %v; want %v", got, all)
	}
	if n := len(g.Sections); n < 2 || g.Sections[n-1].Kind != guide.Answers || g.Sections[n-2].Kind != guide.Glossary {
		t.Error("the answer key is not the guide's last section, after the glossary")
	}
	for _, a := range All() {
		for how, g := range map[string]*guide.Guide{"flag": read(t, ""), "front matter": read(t, a.Key+": false\n")} {
			off := []string{a.Name}
			if how == "front matter" {
				off = nil
			}
			Run(g, off)
			if g.Study == nil || len(g.Study.KeyPoints) == 0 {
				t.Errorf("%s off by %s: extraction did not run", a.Name, how)
			}
			got := kinds(g)
			for _, k := range all {
				if slices.Contains(aidKinds[a.Name], k) == slices.Contains(got, k) {
					t.Errorf("%s off by %s: adds %v", a.Name, how, got)
					break
				}
			}
		}
	}
	// The command wins over the front matter.
	g = read(t, "palace: true\n")
	Run(g, []string{"palace"})
	if slices.Contains(kinds(g), guide.Palace) {
		t.Error("--no-palace lost to palace: true")
	}
}

func TestOn(t *testing.T) {
	quiz := Aid{Name: "quiz", Key: "self-test", Default: false}
	for _, c := range []struct {
		switches map[string]bool
		off      []string
		want     bool
	}{
		{nil, nil, false},
		{map[string]bool{"self-test": true}, nil, true},
		{map[string]bool{"self-test": true}, []string{"quiz"}, false},
		{map[string]bool{"quiz": true}, nil, false},
	} {
		if got := quiz.On(guide.Meta{Switches: c.switches}, c.off); got != c.want {
			t.Errorf("On(%v, %q) = %t; want %t", c.switches, c.off, got, c.want)
		}
	}
	Run(nil, nil) // no panic
}
