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
	pages := [][]Line{
		{{Text: "Title", YMin: 200, YMax: 235}}, // the title page may be short
		append([]Line{head}, textLines(30, 60)...),
		append([]Line{head}, textLines(2, 60)...),                   // short
		append(append([]Line{head}, textLines(20, 60)...), heading), // ends with a heading
		textLines(1, 60), // the last page may be short
	}
	got := strings.Join(BreakProblems(pages, 50, 800), "\n")
	for _, want := range []string{"page 3 holds 2 line(s)", `page 4 ends with a heading: "A heading"`} {
		if !strings.Contains(got, want) {
			t.Errorf("BreakProblems lacks %q; it says:\n%s", want, got)
		}
	}
	if n := len(strings.Split(got, "\n")); n != 2 {
		t.Errorf("BreakProblems finds %d problems, want 2:\n%s", n, got)
	}
}
