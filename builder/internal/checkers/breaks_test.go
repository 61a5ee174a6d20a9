package checkers

import (
	"strings"
	"testing"
)

// textLines returns n lines of running text from y down, 15 points apart.
func textLines(n int, y float64) []Line {
	var ls []Line
	for i := range n {
		top := y + float64(i)*15
		ls = append(ls, Line{Text: "text", YMin: top, YMax: top + 15})
	}
	return ls
}

func TestBreakProblemsFindsShortPagesAndStrandedHeadings(t *testing.T) {
	head := Line{Text: "Running head", YMin: 20, YMax: 30}
	heading := Line{Text: "A heading", YMin: 400, YMax: 422}
	// The first line of a heading broken over two lines, set no taller
	// than the text.
	broken := Line{Text: "The first words of", YMin: 400, YMax: 415}
	// The last line of a cell, alone at its height, that ends a title.
	cell := Line{Text: "heading", YMin: 400, YMax: 415}
	// A table row whose first cell is a heading's title.
	row := []Line{{Text: "A heading", YMin: 400, YMax: 415}, {Text: "its meaning", XMin: 200, YMin: 400, YMax: 415}}
	pages := [][]Line{
		{{Text: "Title", YMin: 200, YMax: 235}}, // the title page may be short
		append([]Line{head}, textLines(30, 60)...),
		append([]Line{head}, textLines(2, 60)...),                   // short
		append(append([]Line{head}, textLines(20, 60)...), heading), // ends with a heading
		append(append([]Line{head}, textLines(20, 60)...), row...),
		append(append([]Line{head}, textLines(20, 60)...), broken), // ends with a heading
		append(append([]Line{head}, textLines(20, 60)...), cell),
		textLines(1, 60), // the last page may be short
	}
	got := strings.Join(BreakProblems(pages, 50, 800, []string{"A heading", "The first words of a long heading"}), "\n")
	for _, want := range []string{"page 3 holds 2 line(s)", `page 4 ends with a heading: "A heading"`, `page 6 ends with a heading: "The first words of"`} {
		if !strings.Contains(got, want) {
			t.Errorf("BreakProblems lacks %q; it says:\n%s", want, got)
		}
	}
	if n := len(strings.Split(got, "\n")); n != 3 {
		t.Errorf("BreakProblems finds %d problems, want 3:\n%s", n, got)
	}
}
