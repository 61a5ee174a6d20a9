package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// FuzzRead feeds arbitrary notes to Read. It must never panic; it must
// make a guide unless the note is not text to build (binary, empty), and
// then say why in an error diagnostic; and the guide must keep the model's
// promises (see checkGuide).
func FuzzRead(f *testing.F) {
	notes, _ := filepath.Glob("testdata/*.md")
	notes = append(notes, seedNote)
	for _, n := range notes {
		if text, err := os.ReadFile(n); err == nil {
			f.Add(text)
		}
	}
	for _, s := range []string{
		"", "---", "---\n", "+++\n+++\n", "# \n##\n###", "\uFEFF", "[^1]\n\n[^1]:",
		"- **", "1. **a**:\n   - **b**:", "<!--", "![](", "| a |\n|-|\n| b | c | d |",
		"a\n:\n: b", "`\n`", "&#0; &#x110000; &#99999999;", "> # h\n> - **k**",
		"$$\n- a\n$$", "$x$$y$", "\\[", "$$$$", "> $$a\n\n$$", "- $$\n  x\n  $$ t", "$\\frac{$",
	} {
		f.Add([]byte(s))
	}
	png, _ := os.ReadFile("testdata/diagram.png")
	dir := fstest.MapFS{"diagram.png": {Data: png}, "fake.png": {Data: []byte("nope")}}
	f.Fuzz(func(t *testing.T, text []byte) {
		var list diag.List
		file := diag.NewFile("fuzz.md", text, &list)
		g, err := Read(file, Options{Dir: dir})
		if err != nil {
			if !errors.Is(err, ErrNothingToRead) || !list.HasErrors() {
				t.Fatalf("Read failed without saying why in a diagnostic: %v\n%v", err, list)
			}
			return
		}
		checkGuide(t, g, len(file.Text)) // decoded text, for a note in UTF-16
	})
}

// checkGuide checks the promises the model makes to later stages: a title,
// a language and an identifier; at least one section; levels that go down
// one at a time; ids that are unique ASCII names starting with a letter;
// footnote references that point at footnotes; text that is valid UTF-8
// without control characters; positions inside the note.
func checkGuide(t *testing.T, g *guide.Guide, size int) {
	t.Helper()
	if g == nil {
		t.Fatal("no guide")
	}
	if g.Meta.Title == "" || g.Meta.Lang == "" || g.Meta.Identifier == "" {
		t.Errorf("metadata incomplete: %+v", g.Meta)
	}
	if len(g.Sections) == 0 {
		t.Error("no sections")
	}
	ids := make(map[string]bool)
	checkID := func(what, id string) {
		if !validID(id) {
			t.Errorf("%s has id %q that is not a valid name", what, id)
		}
		if ids[id] {
			t.Errorf("%s id %q is not unique", what, id)
		}
		ids[id] = true
	}
	checkPos := func(what string, p guide.Pos) {
		if p != guide.NoPos && (p < 0 || int(p) > size) {
			t.Errorf("%s position %d outside the note (%d bytes)", what, p, size)
		}
	}
	checkText := func(what, s string) {
		if !utf8.ValidString(s) || cleanText(s) != s {
			t.Errorf("%s %q is not clean text", what, s)
		}
	}
	checkText("title", g.Meta.Title)
	for _, f := range g.Footnotes {
		checkID("footnote", f.ID)
		checkPos("footnote", f.Pos)
	}
	var walk func(s *guide.Section, level int)
	walk = func(s *guide.Section, level int) {
		checkID("section", s.ID)
		checkPos("section", s.Pos)
		checkText("section title", s.Title)
		if s.Title == "" {
			t.Error("section without a title")
		}
		if s.Level != level {
			t.Errorf("section %q has level %d, want %d", s.Title, s.Level, level)
		}
		if s.HeadingLevel < 1 || s.HeadingLevel > 6 {
			t.Errorf("section %q has heading level %d", s.Title, s.HeadingLevel)
		}
		for _, c := range s.Sections {
			walk(c, level+1)
		}
	}
	for _, s := range g.Sections {
		walk(s, 1)
	}
	walkItemsOfGuide(g, func(it *guide.ListItem) {
		checkPos("list item", it.Pos)
		if it.Key != nil {
			checkID("key point", it.Key.ID)
			checkText("key point title", it.Key.Title)
		}
	})
	walkGuideInlines(g, func(n guide.Inline) {
		checkPos("inline", n.Position())
		switch n := n.(type) {
		case *guide.Text:
			checkText("text", n.Text)
		case *guide.FootnoteRef:
			if n.Index < 0 || n.Index >= len(g.Footnotes) {
				t.Errorf("footnote reference %d out of range", n.Index)
			}
		}
	})
	names := make(map[string]bool)
	for src, img := range g.Images {
		if names[img.Name] {
			t.Errorf("image name %s used twice", img.Name)
		}
		names[img.Name] = true
		if img.MediaType != "image/png" && img.MediaType != "image/jpeg" {
			t.Errorf("image %q has media type %q", src, img.MediaType)
		}
	}
}

// validID reports whether id is ASCII letters, digits and hyphens,
// starting with a letter.
func validID(id string) bool {
	if id == "" || !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= 'A' && id[0] <= 'Z') {
		return false
	}
	return strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == ""
}
