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
