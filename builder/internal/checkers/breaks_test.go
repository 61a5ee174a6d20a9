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

// para returns the lines of a paragraph from y down, 15 points apart, each
// reaching to 500 but the last, which reaches to 200.
func para(n int, y float64) []Line {
	ls := textLines(n, y)
	for i := range ls {
		ls[i].XMin, ls[i].XMax = 50, 500
	}
	ls[n-1].XMax = 200
	return ls
}

func TestLoneLinesFindsOrphansAndWidows(t *testing.T) {
	head := Line{Text: "Running head", YMin: 20, YMax: 30}
	full := func(ls []Line) []Line {
		ls[len(ls)-1].XMax = 500
		return ls
	}
	// A page ending with a paragraph's first line: 20 lines, a gap, and
	// one line that runs on to the next page.
	orphan := append(append([]Line{head}, para(20, 60)...), full(para(1, 375))...)
	// A page that starts with a paragraph's last line alone, a gap, and a
	// paragraph.
	widow := append(append([]Line{head}, para(1, 60)...), para(20, 90)...)
	// A page ending inside a paragraph, two lines of it on each side.
	whole := append(append([]Line{head}, para(20, 60)...), full(para(2, 375))...)
	// A list item of one long line, and the next item on the next page.
	item := []Line{{Text: "3. A key point that fills its whole line.", XMin: 50, XMax: 500, YMin: 375, YMax: 390}}
	items := append(append([]Line{head}, para(20, 60)...), item...)
	next := append([]Line{head}, Line{Text: "4. The next key point.", XMin: 50, XMax: 200, YMin: 60, YMax: 75})
	next = append(next, para(20, 90)...)
	pages := [][]Line{
		{{Text: "Title", YMin: 200, YMax: 235}},
		orphan, para(20, 60), // page 2 ends with a first line
		whole, widow, // page 5 starts with a last line
		whole, para(20, 60),
		items, next,
		textLines(1, 60),
	}
	got := strings.Join(LoneLines(pages, 50, 800, nil), "\n")
	for _, want := range []string{"page 2 ends with a paragraph's first line alone", "page 5 starts with a paragraph's last line alone"} {
		if !strings.Contains(got, want) {
			t.Errorf("LoneLines lacks %q; it says:\n%s", want, got)
		}
	}
	if n := len(strings.Split(got, "\n")); n != 2 {
		t.Errorf("LoneLines finds %d problems, want 2:\n%s", n, got)
	}
}
