package enrich

import (
	"slices"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// Every study table names its columns' roles, one per heading, and takes
// its headings and caption from the catalogue of the guide's language.
func TestStudyTablesCarryRoles(t *testing.T) {
	want := map[guide.Kind][]guide.ColumnRole{
		guide.Summary:   {guide.RoleKeyPoint, guide.RoleTerms, guide.RoleWhen, guide.RoleGist},
		guide.TermTable: {guide.RoleTerm, guide.RoleMeaning},
		guide.Glance:    {guide.RoleSection, guide.RoleKeyPoints},
		guide.Glossary:  {guide.RoleTerm, guide.RoleMeaning, guide.RoleSee},
	}
	heads := map[guide.Kind][]string{
		guide.Summary:   {"summary.key-point", "summary.terms", "summary.when", "summary.gist"},
		guide.TermTable: {"terms.term", "terms.meaning"},
		guide.Glance:    {"glance.section", "glance.key-points"},
		guide.Glossary:  {"glossary.term", "glossary.meaning", "glossary.see"},
	}
	for _, lang := range []string{"en", "fr", "de-AT"} {
		note := "---\nlang: " + lang + "\n---\n# Rivers\n\n## Sources\n\n" +
			"1. **Springs**: The **aquifer** feeds a spring in 1990.\n" +
			"2. **Glaciers**: A **glacier** melts in the 2000s.\n\n" +
			"## Words\n\nThe **delta** is wide. The **estuary** is salty. The **meander** bends.\n"
		g, _ := readNote(t, "rivers.md", []byte(note))
		enrichAll(g)
		words := labels.For(lang)
		seen := map[guide.Kind]bool{}
		g.WalkSections(func(s *guide.Section) bool {
			for _, b := range s.Blocks {
				tb, ok := b.(*guide.Table)
				if !ok || tb.Kind == guide.FromNotes {
					continue
				}
				seen[tb.Kind] = true
				if !slices.Equal(tb.Roles, want[tb.Kind]) {
					t.Errorf("%s: %s table has roles %q, want %q", lang, tb.Kind, tb.Roles, want[tb.Kind])
				}
				for i, name := range heads[tb.Kind] {
					if i >= len(tb.Header) || guide.PlainText(tb.Header[i].Inlines) != words.Text(name) {
						t.Errorf("%s: %s table column %d is not headed %q", lang, tb.Kind, i, words.Text(name))
					}
				}
			}
			return true
		})
		for k := range want {
			if !seen[k] {
				t.Errorf("%s: no %s table", lang, k)
			}
		}
		for _, s := range g.Sections {
			if s.Kind == guide.Glossary && s.Title != words.Text("glossary.title") {
				t.Errorf("%s: glossary titled %q", lang, s.Title)
			}
		}
	}
}
