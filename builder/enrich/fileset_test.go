package enrich

import (
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/markdown"
)

// TestDefinitionsInTwoNotes reads two notes into one file set and one
// guide, as a book of chapters is read, and checks that a term the second
// note explains another way is reported there, naming the first note's
// line and file.
func TestDefinitionsInTwoNotes(t *testing.T) {
	var list diag.List
	set := diag.NewFileSet(&list)
	one := set.AddFile("one.md", []byte("# Cells\n\n**Osmosis**: water moving across a membrane.\n\nThe **Osmosis** of cells.\n"))
	g, err := markdown.Read(one, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	two := set.AddFile("two.md", []byte("# Plants\n\n## Roots\n\n**Osmosis**: how roots drink salt.\n"))
	g2, err := markdown.Read(two, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g.Sections = append(g.Sections, g2.Sections...)
	Extract(g)
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	want := `two.md:5:1: warning: term "Osmosis" is explained two different ways: here and on line 3 of one.md`
	if strings.Join(got, "\n") != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
