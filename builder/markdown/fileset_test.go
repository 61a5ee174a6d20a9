package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// Two notes of one book, each with a problem and an image of the same
// name.
const (
	firstNote = "# Cells\n\n## Membrane\n\nA <b>bold</b> claim and ![the map](map.png).\n"
	// The second note's problem stands at another line than the first
	// note's, so a position counted in the wrong note shows.
	secondNote = "# Atoms\n\nIntro.\n\n## Nucleus\n\nSee [nowhere](#nowhere) and ![the map](map.png).\n"
)

// TestNotesOfOneFileSet reads two notes into one file set and checks that
// every diagnostic names its note, line and column, that the second
// note's positions are its own offsets moved by its base, and that each
// note keeps its own image of the same name.
func TestNotesOfOneFileSet(t *testing.T) {
	for _, utf16Second := range []bool{false, true} {
		var list diag.List
		set := diag.NewFileSet(&list)
		mapOne, mapTwo := pngBlank(2, 2), pngBlank(3, 3)
		one := set.AddFile("cells/notes.md", []byte(firstNote))
		g1, err := Read(one, Options{Dir: fstest.MapFS{"map.png": {Data: mapOne}}})
		if err != nil {
			t.Fatal(err)
		}
		text := []byte(secondNote)
		if utf16Second {
			text = utf16LE(secondNote)
		}
		two := set.AddFile("atoms/notes.md", text)
		g2, err := Read(two, Options{Dir: fstest.MapFS{"map.png": {Data: mapTwo}}})
		if err != nil {
			t.Fatal(err)
		}
		if g1.Files != set || g2.Files != set {
			t.Fatal("the guides do not keep the notes' file set")
		}
		if two.Base() <= one.Base()+guide.Pos(len(one.Text)) {
			t.Fatalf("the second note starts at %d, inside the first", two.Base())
		}

		list.Sort()
		var got []string
		for _, d := range list {
			got = append(got, d.String())
		}
		want := []string{
			`atoms/notes.md:7:5: warning: link target "#nowhere" matches no section of the note`,
			`cells/notes.md:5:3: warning: raw HTML <b> is not supported; it is shown as text`,
			`cells/notes.md:5:10: warning: raw HTML </b> is not supported; it is shown as text`,
		}
		if utf16Second {
			want = append([]string{`atoms/notes.md:1:1: warning: the note has no byte order mark but looks like UTF-16 (little-endian); it is read as such`}, want...)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("utf16 %v: diagnostics:\n%s\nwant:\n%s", utf16Second, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		// Read alone, the second note has the same positions less its base.
		alone, err := Read(diag.NewFile("atoms/notes.md", text, new(diag.List)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		inSet, byItself := positions(g2), positions(alone)
		if len(inSet) != len(byItself) || len(inSet) < 10 {
			t.Fatalf("%d positions in the set, %d alone", len(inSet), len(byItself))
		}
		for i, p := range inSet {
			want := byItself[i]
			if want != guide.NoPos {
				want += two.Base()
			}
			if p != want {
				t.Errorf("position %d is %d in the set, want %d (%d alone)", i, p, want, byItself[i])
			}
			if p != guide.NoPos && set.File(p) != two {
				t.Errorf("position %d (%d) is not in the second note", i, p)
			}
		}
		if sec := g2.Sections[0]; set.Position(sec.Pos).String() != "atoms/notes.md:5:1" {
			t.Errorf("the second note's section is at %s", set.Position(sec.Pos))
		}

		// A book of both keeps both maps, each found from its own image.
		book := map[guide.ImageKey]*guide.ImageFile{}
		for _, g := range []*guide.Guide{g1, g2} {
			for k, f := range g.Images {
				book[k] = f
			}
		}
		if len(book) != 2 {
			t.Fatalf("the book keeps %d images, want 2: %v", len(book), keysOf(book))
		}
		names := map[string]bool{}
		for _, f := range book {
			names[f.Name] = true
		}
		if !names["img-1.png"] || !names["n2-img-1.png"] {
			t.Errorf("the book's images are named %v, want img-1.png and n2-img-1.png", names)
		}
		for _, c := range []struct {
			g    *guide.Guide
			data []byte
		}{{g1, mapOne}, {g2, mapTwo}} {
			walkGuideInlines(c.g, func(n guide.Inline) {
				img, ok := n.(*guide.Image)
				if !ok {
					return
				}
				c.g.Images = book
				if f := c.g.Image(img); f == nil || !bytes.Equal(f.Data, c.data) {
					t.Errorf("the image of %s is not its own map", set.Position(img.Pos))
				}
			})
		}
	}
}

// utf16LE returns s as UTF-16, little-endian, without a byte order mark.
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// positions returns every position held in g, in a fixed order: the
// fields of type guide.Pos of every node, met depth first.
func positions(g *guide.Guide) []guide.Pos {
	var out []guide.Pos
	posType := reflect.TypeFor[guide.Pos]()
	seen := map[uintptr]bool{}
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			visit(v.Elem())
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				switch {
				case f.Type == posType:
					out = append(out, guide.Pos(v.Field(i).Int()))
				case f.Name == "Files" || f.Name == "Meta" || f.Name == "Images":
				default:
					visit(v.Field(i))
				}
			}
		}
	}
	visit(reflect.ValueOf(g))
	return out
}
