package enrich

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
	"studyguide/builder/markdown"
)

// xmlID is the form of every id the stages hand out.
var xmlID = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// FuzzEnrich runs the four stages on any note the reader accepts and
// checks that they do not panic, that every id in the guide is unique,
// that the ids they add are XML-safe, and that every link and reference
// they add points at an id.
func FuzzEnrich(f *testing.F) {
	for _, pattern := range []string{"testdata/*.md", "../markdown/testdata/*.md", seedPath} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if text, err := os.ReadFile(file); err == nil {
				f.Add(text)
			}
		}
	}
	f.Add([]byte("- **A**:\n- **A**:\n- **B**\n"))
	f.Add([]byte("**1999**\n\n**(KFOR)**\n\n**a (B)**, **B**, **b**\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		g, err := markdown.Read(diag.NewFile("fuzz.md", text, new(diag.List)), markdown.Options{Switches: Aids.Keys})
		if err != nil {
			return // the reader refuses notes it cannot build (empty, binary): nothing to enrich
		}
		before := g.IDs()
		enrichAll(g)
		checkIDs(t, g, before)
	})
}

// checkIDs checks the ids of g after enrichment; before holds the ids the
// reader gave.
func checkIDs(t *testing.T, g *guide.Guide, before *guide.IDs) {
	t.Helper()
	seen := map[string]int{}
	note := func(id string) {
		if id == "" {
			return
		}
		seen[id]++
		if seen[id] == 2 {
			t.Errorf("id %q used twice", id)
		}
		if !before.Taken(id) && !xmlID.MatchString(id) {
			t.Errorf("added id %q is not XML-safe", id)
		}
	}
	var targets []string
	visit := func(blocks []guide.Block) {
		walkBlocks(blocks, func(b guide.Block) {
			switch b := b.(type) {
			case *guide.Table:
				note(b.ID)
			case *guide.List:
				for _, it := range b.Items {
					if it.Key != nil {
						note(it.Key.ID)
					}
				}
			}
		}, func(in guide.Inline) {
			switch in := in.(type) {
			case *guide.Strong:
				note(in.ID)
			case *guide.Ref:
				targets = append(targets, in.Target)
			case *guide.Link:
				if in.Pos == guide.NoPos {
					targets = append(targets, in.URL[1:])
				}
			}
		})
	}
	visit(g.Intro)
	g.WalkSections(func(s *guide.Section) bool {
		note(s.ID)
		visit(s.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		note(f.ID)
		visit(f.Blocks)
	}
	for _, id := range targets {
		if seen[id] == 0 {
			t.Errorf("a study aid points at %q, which no element has", id)
		}
	}
}

// TestStagesTwice checks that running the stages again adds nothing, and
// that two builds of the same note give the same guide.
func TestStagesTwice(t *testing.T) {
	notes, _ := filepath.Glob("testdata/*.md")
	for _, note := range notes {
		text, err := os.ReadFile(note)
		if err != nil {
			t.Fatal(err)
		}
		dump := func(runs int) string {
			g, _ := readNote(t, filepath.Base(note), text)
			for range runs {
				enrichAll(g)
			}
			var b bytes.Buffer
			if err := guide.Dump(&b, g); err != nil {
				t.Fatal(err)
			}
			dumpStudy(&b, g.Study, false)
			return b.String()
		}
		once, again, twice := dump(1), dump(1), dump(2)
		if once != again {
			t.Errorf("%s: two builds differ", note)
		}
		if once != twice {
			t.Errorf("%s: running the stages twice changes the guide\n%s", note, golden.Diff(once, twice))
		}
	}
}

// TestOddGuides runs the stages on guides the reader would not make but
// that must not upset them: nil, empty, without a source, with nodes
// missing their usual parts.
func TestOddGuides(t *testing.T) {
	enrichAll(nil)
	Extract(nil)
	Summaries(nil)
	Glance(nil)
	Glossary(nil)
	Summaries(&guide.Guide{})
	Glance(&guide.Guide{})
	Glossary(&guide.Guide{})
	enrichAll(&guide.Guide{})

	strong := func(s string) *guide.Strong {
		return &guide.Strong{Pos: 3, Children: []guide.Inline{&guide.Text{Text: s}}}
	}
	g := &guide.Guide{
		Meta: guide.Meta{Title: "Odd", Lang: "not a tag!"},
		Intro: []guide.Block{
			&guide.List{Items: []*guide.ListItem{
				{Key: &guide.KeyPoint{Title: "No blocks", ID: "kp-a"}},
				{Key: &guide.KeyPoint{Title: "Code first", ID: "kp-b"}, Blocks: []guide.Block{&guide.CodeBlock{Text: "x"}}},
				{Key: &guide.KeyPoint{Title: "Empty para", ID: "kp-c"}, Blocks: []guide.Block{&guide.Paragraph{}}},
			}},
			&guide.DefinitionList{Items: []*guide.Definition{{Term: []guide.Inline{strong("Lonely")}}}},
			&guide.Table{Header: []guide.Cell{{Inlines: []guide.Inline{strong("Head term")}}}, Rows: [][]guide.Cell{{}}},
		},
		Sections: []*guide.Section{{
			ID: "s", Title: "S", Level: 1,
			Blocks: []guide.Block{
				&guide.Paragraph{Inlines: []guide.Inline{strong(""), strong("   "), strong("**"), strong("alpha"), &guide.Emph{Children: []guide.Inline{strong("beta")}}}},
				&guide.Paragraph{Inlines: []guide.Inline{&guide.Strong{Children: []guide.Inline{strong("outer"), &guide.Text{Text: " inner"}}}}},
			},
		}},
	}
	enrichAll(g)
	if g.Study == nil || len(g.Study.KeyPoints) != 3 {
		t.Fatalf("study = %+v, want 3 key points", g.Study)
	}
	var names []string
	for _, term := range g.Study.Terms {
		names = append(names, term.Name)
	}
	want := []string{"Lonely", "Head term", "alpha", "beta", "outer inner"}
	if len(names) != len(want) {
		t.Errorf("terms %q, want %q", names, want)
	}
	checkIDs(t, g, guide.NewIDs("kp-a", "kp-b", "kp-c", "s"))
}

// TestSwitches checks that the front matter switches, as the reader sets
// them, turn the aids off while extraction still runs.
func TestSwitches(t *testing.T) {
	text, err := os.ReadFile("testdata/keypoints.md")
	if err != nil {
		t.Fatal(err)
	}
	g, _ := readNote(t, "keypoints.md", text)
	g.Meta.Switches = map[string]bool{"summaries": false, "glossary": false, "self_test": false}
	enrichAll(g)
	if g.Study == nil || len(g.Study.KeyPoints) == 0 {
		t.Error("extraction did not run")
	}
	g.WalkSections(func(s *guide.Section) bool {
		if s.Kind != guide.FromNotes {
			t.Errorf("section %q of kind %s added with the aids off", s.Title, s.Kind)
		}
		if hasAid(s.Blocks, guide.Summary, guide.TermTable) {
			t.Errorf("section %q has a table with summaries off", s.Title)
		}
		return true
	})

	g, _ = readNote(t, "keypoints.md", text)
	g.Meta.Switches = map[string]bool{"summaries": true, "glossary": false, "self_test": false}
	enrichAll(g)
	kinds := ""
	for _, s := range g.Sections {
		kinds += string(s.Kind) + ","
	}
	if kinds != "glance,,," {
		t.Errorf("section kinds %q, want a glance and no glossary", kinds)
	}
}
