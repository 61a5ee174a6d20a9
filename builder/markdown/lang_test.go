package markdown

import (
	"strings"
	"testing"
)

// TestLangWithNoTable checks that a lang the catalogue has no table for
// is kept, with one warning at its line, and that a language with a table
// of its own, or a regional form of one, gives none.
func TestLangWithNoTable(t *testing.T) {
	for _, tc := range []struct{ lang, warning string }{
		{"fr", ""},
		{"pt-BR", ""},
		{"en-GB", ""},
		{"pl", `note.md:3:1: warning: front matter key "lang": there are no labels in "pl" yet; the words the guide adds (contents, tables, glossary, palace) are in English`},
	} {
		g, ds := readText(t, "---\ntitle: Notes\nlang: "+tc.lang+"\n---\n# Notes\n\n## One\n\n- **Point**: text.\n")
		if g.Meta.Lang != tc.lang {
			t.Errorf("lang %s: Meta.Lang = %q", tc.lang, g.Meta.Lang)
		}
		if got := strings.Join(ds, "\n"); got != tc.warning {
			t.Errorf("lang %s: diagnostics %q, want %q", tc.lang, got, tc.warning)
		}
	}
}
