package impose

import (
	"slices"
	"testing"
)

func TestOrder(t *testing.T) {
	type sides = []Side
	tests := []struct {
		pages   int
		twoUp   sides
		booklet sides
	}{
		{1, sides{{1, 0}}, sides{{0, 1}, {0, 0}}},
		{2, sides{{1, 2}}, sides{{0, 1}, {2, 0}}},
		{3, sides{{1, 2}, {3, 0}}, sides{{0, 1}, {2, 3}}},
		{4, sides{{1, 2}, {3, 4}}, sides{{4, 1}, {2, 3}}},
		{5, sides{{1, 2}, {3, 4}, {5, 0}}, sides{{0, 1}, {2, 0}, {0, 3}, {4, 5}}},
		{8, sides{{1, 2}, {3, 4}, {5, 6}, {7, 8}}, sides{{8, 1}, {2, 7}, {6, 3}, {4, 5}}},
		{9,
			sides{{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 0}},
			sides{{0, 1}, {2, 0}, {0, 3}, {4, 9}, {8, 5}, {6, 7}}},
	}
	for _, tt := range tests {
		if got := Order(tt.pages, TwoUp); !slices.Equal(got, tt.twoUp) {
			t.Errorf("Order(%d, TwoUp) = %v, want %v", tt.pages, got, tt.twoUp)
		}
		if got := Order(tt.pages, Booklet); !slices.Equal(got, tt.booklet) {
			t.Errorf("Order(%d, Booklet) = %v, want %v", tt.pages, got, tt.booklet)
		}
	}
}

// TestBookletFolds folds the sheets of booklets of every size up to 40
// pages and reads them: the page order must come out 1, 2, 3, ... with
// the blanks at the end.
func TestBookletFolds(t *testing.T) {
	for n := 1; n <= 40; n++ {
		sides := Order(n, Booklet)
		if len(sides) != (n+3)/4*2 {
			t.Fatalf("%d pages: %d sides, want %d", n, len(sides), (n+3)/4*2)
		}
		if got, want := readLeaves(fold(sides)), readingOrder(n); !slices.Equal(got, want) {
			t.Errorf("%d pages fold into %v, want %v", n, got, want)
		}
	}
}

// fold stacks the sheets, the first outside, and folds them: it returns
// the leaves of the booklet from the front cover to the back, each as
// (recto, verso). A sheet printed duplex, flipped on the short edge, has
// behind its front's right half its back's left half, and behind its
// front's left half its back's right half. Folded, the right halves of
// the sheets make the first half of the booklet, outer sheet first, and
// the left halves the second half, inner sheet first.
func fold(sides []Side) [][2]int {
	sheets := len(sides) / 2
	leaves := make([][2]int, 0, 2*sheets)
	for k := range sheets {
		front, back := sides[2*k], sides[2*k+1]
		leaves = append(leaves, [2]int{front.Right, back.Left})
	}
	for k := sheets - 1; k >= 0; k-- {
		front, back := sides[2*k], sides[2*k+1]
		leaves = append(leaves, [2]int{back.Right, front.Left})
	}
	return leaves
}

// readLeaves returns the pages of leaves in the order they are read, a blank
// as 0 once the pages run out.
func readLeaves(leaves [][2]int) []int {
	var pages []int
	for _, l := range leaves {
		pages = append(pages, l[0], l[1])
	}
	return pages
}

func readingOrder(n int) []int {
	pages := make([]int, (n+3)/4*4)
	for i := range n {
		pages[i] = i + 1
	}
	return pages
}

func TestOrderRejects(t *testing.T) {
	if Order(0, TwoUp) != nil || Order(-3, Booklet) != nil || Order(4, Mode(9)) != nil {
		t.Error("Order accepts no pages or an unknown mode")
	}
}
