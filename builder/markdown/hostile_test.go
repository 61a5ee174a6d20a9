package markdown

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// readText reads note from memory and returns the guide (nil when it
// cannot be built) and the sorted diagnostics as strings.
func readText(t testing.TB, note string) (*guide.Guide, []string) {
	t.Helper()
	var list diag.List
	g, _ := Read(diag.NewFile("note.md", []byte(note), &list), Options{Dir: emptyDir{}})
	list.Sort()
	var ds []string
	for _, d := range list {
		ds = append(ds, d.String())
	}
	return g, ds
}

func TestOffsetMap(t *testing.T) {
	var m offsetMap
	m.cut(0, 3)  // a byte order mark
	m.cut(10, 5) // five bytes after what is now offset 10
	m.cut(10, 2) // two more at the same place
	m.cut(20, 1)
	for _, c := range []struct{ in, want int }{
		{-1, -1}, {0, 3}, {9, 12}, {10, 20}, {19, 29}, {20, 31}, {100, 111},
	} {
		if got := m.note(c.in); got != c.want {
			t.Errorf("note(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestNestingCutKeepsPositions checks that cutting markers beyond the
// nesting limit leaves diagnostics pointing at the right column, also
// behind a byte order mark.
func TestNestingCutKeepsPositions(t *testing.T) {
	line := strings.Repeat("> ", 30) + "![gone](missing.png)"
	_, ds := readText(t, "\uFEFF# Title\n\n"+line+"\n")
	want := []string{
		"note.md:3:24: warning: " + nestingMessage,
		`note.md:3:61: warning: image file "missing.png" not found; its alt text is shown instead`,
	}
	if strings.Join(ds, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(ds, "\n"), strings.Join(want, "\n"))
	}
}

func TestURLScheme(t *testing.T) {
	for in, want := range map[string]string{
		"javascript:alert(1)":  "javascript",
		" \x01JaVa\tScRiPt:x":  "javascript",
		"java\nscript:x":       "javascript",
		"vbscript:x":           "vbscript",
		"data:text/html,x":     "data",
		"https://example.org/": "https",
		"#section":             "",
		"notes/other.md":       "",
		"1http:x":              "",
		"c:x":                  "c",
	} {
		if got := urlScheme(in); got != want {
			t.Errorf("urlScheme(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFrontMatterBombs checks that front matter built to exhaust the
// decoder is refused with an error at its line, and that the refusal comes
// back at all (the test would time out otherwise).
func TestFrontMatterBombs(t *testing.T) {
	laughs := "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		prev := string(rune('a' + i))
		laughs += name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",") + "]\n"
	}
	laughs += "---\n# Laughs\n\nText.\n"
	for _, c := range []struct{ name, note, want string }{
		{"billion laughs", laughs, "note.md:2:1: error: front matter: document contains excessive aliasing"},
		{"deep YAML", "---\nx: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n---\nText.\n",
			"note.md:2:68: error: front matter: lists or tables are nested more than 64 levels deep"},
		{"deep TOML", "+++\nx = " + strings.Repeat("{a=", 50_000) + "1" + strings.Repeat("}", 50_000) + "\n+++\nText.\n",
			"note.md:2:197: error: front matter: lists or tables are nested more than 64 levels deep"},
		{"too many keys", "---\n" + strings.Repeat("k: v\n", maxFrontMatterKeys) + "x: {a: 1, b: 2}\n---\nText.\n",
			fmt.Sprintf("note.md:%d:1: error: front matter: it sets more than %d keys; front matter holds a few settings such as the title", maxFrontMatterKeys+2, maxFrontMatterKeys)},
		{"too many TOML keys", "+++\nx = {" + strings.Repeat("a = 1, ", maxFrontMatterKeys+1) + "}\n+++\nText.\n",
			fmt.Sprintf("note.md:2:1: error: front matter: it sets more than %d keys; front matter holds a few settings such as the title", maxFrontMatterKeys)},
		{"title as a list", "---\ntitle: [a, b]\n---\nText.\n",
			`note.md:2:1: error: front matter key "title" must be text, not a list`},
		{"malformed", "---\ntitle: ok\nbad: [unclosed\nmore: x\n---\nText.\n",
			"note.md:3:1: error: front matter: did not find expected ',' or ']'"},
		{"malformed at the end", "---\ntitle: ok\nlist:\n  - a\n - b\n---\nText.\n",
			"note.md:5:1: error: front matter: did not find expected key"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := readText(t, c.note)
			if len(ds) == 0 || ds[0] != c.want {
				t.Errorf("diagnostics:\n%s\nwant first:\n%s", strings.Join(ds, "\n"), c.want)
			}
		})
	}
}

// TestLongParagraphIsCut checks that a paragraph past maxParagraphBytes is
// cut into short paragraphs with a warning, and that no word is lost.
func TestLongParagraphIsCut(t *testing.T) {
	var words []string
	for i := range 20_000 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	long := strings.Join(words, " ")
	g, ds := readText(t, "# Long\n\n"+long+"\n\nAfter.\n")
	if len(ds) != 1 || !strings.Contains(ds[0], "warning: this paragraph is") {
		t.Errorf("diagnostics: %v", ds)
	}
	blocks := g.Sections[0].Blocks
	if len(blocks) < len(long)/paragraphBytes {
		t.Fatalf("%d blocks, want the paragraph cut in pieces of at most %d bytes", len(blocks), paragraphBytes)
	}
	var text []string
	for _, b := range blocks[:len(blocks)-1] {
		p := b.(*guide.Paragraph)
		s := guide.PlainText(p.Inlines)
		if len(s) > paragraphBytes {
			t.Errorf("a piece has %d bytes", len(s))
		}
		text = append(text, s)
	}
	if got := strings.Join(text, " "); got != long {
		t.Errorf("the pieces do not add up to the paragraph (%d bytes, want %d)", len(got), len(long))
	}
}

// TestManyLinesKeepTablesAndReferences checks that cutting a paragraph of
// many lines leaves a table at its end whole and still resolves the link
// reference definitions in it.
func TestManyLinesKeepTablesAndReferences(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Lines\n\nSee [the site][site].\n\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "[r%d]: https://example.org/%d\n", i, i)
	}
	b.WriteString("[site]: https://example.org/\n| a | b |\n|---|---|\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "| %d | x |\n", i)
	}
	g, ds := readText(t, b.String())
	if len(ds) != 1 || !strings.Contains(ds[0], "warning: this paragraph has") {
		t.Errorf("diagnostics: %v", ds)
	}
	var tables, links int
	for _, bl := range g.Sections[0].Blocks {
		if tb, ok := bl.(*guide.Table); ok {
			tables++
			if len(tb.Rows) != 3000 {
				t.Errorf("table has %d rows, want 3000", len(tb.Rows))
			}
		}
	}
	walkGuideInlines(g, func(n guide.Inline) {
		if l, ok := n.(*guide.Link); ok && l.URL == "https://example.org/" {
			links++
		}
	})
	if tables != 1 || links != 1 {
		t.Errorf("%d tables and %d resolved links, want 1 and 1", tables, links)
	}
}

// TestOversizedTableIsText checks that a table wider than maxTableColumns
// is kept as text with a warning.
func TestOversizedTableIsText(t *testing.T) {
	head := "|" + strings.Repeat(" c |", 100) + "\n|" + strings.Repeat("---|", 100) + "\n"
	g, ds := readText(t, "# Wide\n\n"+head+strings.Repeat("| x\n", 5))
	want := "note.md:3:1: warning: a table of 100 columns and 6 rows is too large to lay out; it is shown as text"
	if len(ds) != 1 || ds[0] != want {
		t.Errorf("diagnostics: %v\nwant %s", ds, want)
	}
	for _, bl := range g.Sections[0].Blocks {
		if _, ok := bl.(*guide.Table); ok {
			t.Error("the table was kept")
		}
	}
}

// TestManyFootnotes checks that footnotes are numbered by their first
// reference and that the first definition of a label is the one used,
// with 30,000 of them. How the time grows with their number is measured
// by BenchmarkHostileBuild/footnotes in builder/driver.
func TestManyFootnotes(t *testing.T) {
	const n = 30_000
	var b strings.Builder
	b.WriteString("# Notes\n\n")
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "r[^n%d] ", i)
	}
	b.WriteString("![^n0] [^missing]\n\n")
	for i := range n {
		fmt.Fprintf(&b, "[^n%d]: note %d\n", i, i)
	}
	b.WriteString("[^n7]: a second definition\n")
	g, ds := readText(t, b.String())
	if len(ds) != 2 || !strings.Contains(ds[0], "this paragraph is") || !strings.Contains(ds[1], "footnote [^n7] is defined more than once") {
		t.Errorf("diagnostics: %v", ds)
	}
	if len(g.Footnotes) != n {
		t.Fatalf("%d footnotes, want %d", len(g.Footnotes), n)
	}
	for i, f := range g.Footnotes {
		want := fmt.Sprintf("n%d", n-1-i) // numbered in the order referenced
		if f.Label != want || guide.PlainText(f.Blocks[0].(*guide.Paragraph).Inlines) != "note "+want[1:] {
			t.Fatalf("footnote %d is %q, want %q with its first definition", i, f.Label, want)
		}
	}
}

// TestManyFrontMatterKeys checks that every unknown key of a long front
// matter is reported at its own line. How the time grows with the number
// of keys is measured by BenchmarkHostileBuild/front-matter-keys in
// builder/driver.
func TestManyFrontMatterKeys(t *testing.T) {
	const n = maxFrontMatterKeys - 2
	var b strings.Builder
	b.WriteString("---\ntitle: Keys\n'quoted key' : 1\n")
	for i := range n {
		fmt.Fprintf(&b, "key%d: value %d\n", i, i)
	}
	b.WriteString("---\n# Keys\n\nText.\n")
	_, ds := readText(t, b.String())
	if len(ds) != n+1 {
		t.Fatalf("%d diagnostics, want %d", len(ds), n+1)
	}
	if want := `note.md:3:1: warning: unknown front matter key "quoted key" is ignored`; ds[0] != want {
		t.Errorf("first diagnostic %s, want %s", ds[0], want)
	}
	if want := fmt.Sprintf(`note.md:%d:1: warning: unknown front matter key "key%d" is ignored`, n+3, n-1); ds[n] != want {
		t.Errorf("last diagnostic %s, want %s", ds[n], want)
	}
}

// TestFrontMatterNotUTF8 checks that bytes that are not UTF-8 in front
// matter are replaced, as in the rest of the note, instead of making the
// front matter an error.
func TestFrontMatterNotUTF8(t *testing.T) {
	g, ds := readText(t, "---\ntitle: Caf\xe9 notes\n---\n# R\xe9sum\xe9\n\nText.\n")
	want := "note.md:2:11: warning: the note is not valid UTF-8 here and in 2 other places; such bytes are shown as \uFFFD (save the note as UTF-8)"
	if len(ds) != 1 || ds[0] != want {
		t.Errorf("diagnostics: %v\nwant %s", ds, want)
	}
	if g == nil || g.Meta.Title != "Caf\uFFFD notes" {
		t.Errorf("title %q, want %q", g.Meta.Title, "Caf\uFFFD notes")
	}
}
