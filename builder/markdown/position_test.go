package markdown

import (
	"io/fs"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// positionNote exercises the places where positions are easy to get wrong:
// offsets after front matter, typographic quotes that goldmark leaves
// without a position, inline HTML, images and footnotes.
const positionNote = `---
title: Positions
colour: red
---
# Positions

Intro with “curly” and "straight" quotes, then <b>bold</b>.

## Section *one*

- **Key point**: with ![an image](missing.png) inside.
- plain item[^1]

"Quoted" start.

[^1]: The footnote.
`

// TestDiagnosticPositions checks that diagnostics point at the right line
// and column.
func TestDiagnosticPositions(t *testing.T) {
	var list diag.List
	file := diag.NewFile("pos.md", []byte(positionNote), &list)
	if _, err := Read(file, Options{Dir: emptyDir{}}); err != nil {
		t.Fatal(err)
	}
	list.Sort()
	want := []string{
		`pos.md:3:1: warning: unknown front matter key "colour" is ignored`,
		`pos.md:7:48: warning: raw HTML <b> is not supported; it is shown as text`,
		`pos.md:7:55: warning: raw HTML </b> is not supported; it is shown as text`,
		`pos.md:11:23: warning: image file "missing.png" not found; its alt text is shown instead`,
	}
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNodePositions checks that nodes carry the byte offset where they
// start in the note, also when a byte order mark precedes the text.
func TestNodePositions(t *testing.T) {
	for _, prefix := range []string{"", "\uFEFF"} {
		text := prefix + positionNote
		var list diag.List
		g, err := Read(diag.NewFile("pos.md", []byte(text), &list), Options{})
		if err != nil {
			t.Fatal(err)
		}
		at := func(s string) guide.Pos {
			i := strings.Index(text, s)
			if i < 0 {
				t.Fatalf("%q not in note", s)
			}
			return guide.Pos(i)
		}
		if len(g.Intro) != 1 || len(g.Sections) != 1 || len(g.Footnotes) != 1 {
			t.Fatalf("unexpected shape: %d intro blocks, %d sections, %d footnotes", len(g.Intro), len(g.Sections), len(g.Footnotes))
		}
		intro := g.Intro[0].(*guide.Paragraph)
		sec := g.Sections[0]
		list0 := sec.Blocks[0].(*guide.List)
		item0 := list0.Items[0]
		para0 := item0.Blocks[0].(*guide.Paragraph)
		var img *guide.Image
		var ref *guide.FootnoteRef
		walkInlines(sec.Blocks, func(n guide.Inline) {
			switch n := n.(type) {
			case *guide.Image:
				img = n
			case *guide.FootnoteRef:
				ref = n
			}
		})
		checks := []struct {
			what string
			got  guide.Pos
			want guide.Pos
		}{
			{"intro paragraph", intro.Pos, at("Intro with")},
			{"text after a typographic quote", intro.Inlines[0].Position(), at("Intro with")},
			{"section", sec.Pos, at("## Section")},
			{"list", list0.Pos, at("- **Key point**")},
			{"list item", item0.Pos, at("- **Key point**")},
			{"strong", para0.Inlines[0].Position(), at("**Key point**")},
			{"image", img.Pos, at("![an image]")},
			{"footnote reference", ref.Pos, at("[^1]")},
			{"footnote", g.Footnotes[0].Pos, at("[^1]:")},
			{"text opening with a quote", sec.Blocks[1].(*guide.Paragraph).Inlines[0].Position(), at(`"Quoted"`)},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("prefix %q: %s at %d, want %d", prefix, c.what, c.got, c.want)
			}
		}
	}
}

// emptyDir is a folder with no files.
type emptyDir struct{}

func (emptyDir) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
