package diag

import (
	"strings"
	"testing"
)

func TestPositionCountsCharactersNotBytes(t *testing.T) {
	var list List
	f := NewFile("notes.md", []byte("# Título\n\nΑθήνα **x**\n"), &list)
	off := strings.Index(string(f.Text), "**")
	f.Warnf(off, "look here")
	if got := list[0].String(); got != "notes.md:3:7: warning: look here" {
		t.Errorf("got %q", got)
	}
}

func TestPositionEdges(t *testing.T) {
	f := NewFile("n.md", []byte("ab\ncd"), nil)
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {99, 2, 3}, {-1, 0, 0}} {
		if l, col := f.Position(c.off); l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d; want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

func TestSortAndErrors(t *testing.T) {
	list := List{
		{File: "b.md", Line: 1, Col: 1, Message: "w"},
		{File: "a.md", Line: 9, Col: 2, Severity: Error, Message: "bad"},
		{File: "a.md", Line: 2, Col: 5, Message: "w"},
	}
	list.Sort()
	if list[0].Line != 2 || list[1].Line != 9 || list[2].File != "b.md" {
		t.Errorf("sorted wrong: %v", list)
	}
	if !list.HasErrors() || list.Error() != "a.md:9:2: error: bad" {
		t.Errorf("HasErrors %v, Error %q", list.HasErrors(), list.Error())
	}
	if (List{{File: "x", Message: "w"}}).HasErrors() {
		t.Error("a warning counted as an error")
	}
	if got := (Diagnostic{File: "x.md", Message: "empty"}).String(); got != "x.md: warning: empty" {
		t.Errorf("file-wide diagnostic: %q", got)
	}
}

// TestPositionInAnyOrder checks that positions come out the same whatever
// order they are asked for in, on text with characters of every length
// and bytes that are not UTF-8, so that remembering the last position
// changes nothing.
func TestPositionInAnyOrder(t *testing.T) {
	text := []byte("ab é€😀\xc3A\xe2\x82 x\n\xf0\x9f\nlast é line")
	fresh := func(off int) (int, int) { return NewFile("f.md", text, nil).Position(off) }
	var offs []int
	for i := -1; i <= len(text)+1; i++ {
		offs = append(offs, i)
	}
	for i := len(text) + 1; i >= -1; i -= 3 {
		offs = append(offs, i)
	}
	for step := 1; step < 5; step++ {
		for i := 0; i <= len(text); i += step {
			offs = append(offs, i, i/2)
		}
	}
	f := NewFile("f.md", text, nil)
	for _, off := range offs {
		line, col := f.Position(off)
		wantLine, wantCol := fresh(off)
		if line != wantLine || col != wantCol {
			t.Errorf("Position(%d) = %d:%d after other positions, want %d:%d", off, line, col, wantLine, wantCol)
		}
	}
}

// TestFileSetPositions checks that positions of two files in one set name
// the right file, line and column, and that diagnostics made at them say
// so.
func TestFileSetPositions(t *testing.T) {
	var list List
	set := NewFileSet(&list)
	a := set.AddFile("course/one.md", []byte("# One\n\nfirst **bold**\n"))
	b := set.AddFile("course/two.md", []byte("# Two\n\nÉtape **gras**\n"))
	if a.Base() != 0 || b.Base() <= a.Base()+Pos(len(a.Text)) {
		t.Fatalf("bases %d and %d overlap", a.Base(), b.Base())
	}
	inA := a.Pos(strings.Index(string(a.Text), "**"))
	inB := b.Pos(strings.Index(string(b.Text), "**"))
	for _, c := range []struct {
		pos  Pos
		file *File
		want string
	}{
		{inA, a, "course/one.md:3:7"},
		{inB, b, "course/two.md:3:7"},
		{a.Base(), a, "course/one.md:1:1"},
		{a.Pos(len(a.Text)), a, "course/one.md:4:1"},
		{b.Base(), b, "course/two.md:1:1"},
		{b.Pos(len(b.Text)), b, "course/two.md:4:1"},
		{NoPos, nil, ""},
		{b.Pos(len(b.Text) + 1), nil, ""},
	} {
		if got := set.File(c.pos); got != c.file {
			t.Errorf("File(%d) is the wrong file", c.pos)
		}
		if got := set.Position(c.pos).String(); got != c.want {
			t.Errorf("Position(%d) = %q, want %q", c.pos, got, c.want)
		}
		if c.file != nil && c.file.Offset(c.pos) != int(c.pos-c.file.Base()) {
			t.Errorf("Offset(%d) = %d", c.pos, c.file.Offset(c.pos))
		}
	}

	set.Warnf(inB, "in two")
	set.Errorf(inA, "in one")
	a.Warnf(0, "by offset")
	set.Warnf(NoPos, "anywhere")
	list.Sort()
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	want := []string{
		"course/one.md: warning: anywhere",
		"course/one.md:1:1: warning: by offset",
		"course/one.md:3:7: error: in one",
		"course/two.md:3:7: warning: in two",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNilFileSet(t *testing.T) {
	var set *FileSet
	set.Warnf(0, "nowhere")
	if set.File(0) != nil || set.Position(0) != (Position{}) || len(set.Files()) != 0 {
		t.Error("a nil set holds a file")
	}
}

// TestSetTextMovesTheNextBase checks that a file decoded after it was
// added keeps a range of its own: the next file starts after its new
// text.
func TestSetTextMovesTheNextBase(t *testing.T) {
	set := NewFileSet(nil)
	a := set.AddFile("a.md", []byte("ab"))
	a.SetText([]byte("longer text\n"))
	b := set.AddFile("b.md", []byte("x"))
	if b.Base() != Pos(len(a.Text)+1) || set.File(a.Pos(len(a.Text))) != a || set.File(b.Base()) != b {
		t.Errorf("b starts at %d after a of %d bytes", b.Base(), len(a.Text))
	}
	defer func() {
		if recover() == nil {
			t.Error("SetText on a file before the last one did not panic")
		}
	}()
	a.SetText([]byte("x"))
}
