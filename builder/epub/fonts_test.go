package epub

import (
	"maps"
	"strings"
	"testing"
)

// TestAddRunesNotesEveryCharacterBeyondASCII checks addRunes against
// reading the text a character at a time, with characters beyond ASCII at
// every place among runs of ASCII, and a broken one that is not noted.
func TestAddRunesNotesEveryCharacterBeyondASCII(t *testing.T) {
	for lead := range 17 {
		for _, tail := range []string{"é", "Ρόδανος", "“quoted”", "\xff", "a\u00a0b", "😀 and ä"} {
			text := strings.Repeat("x", lead) + tail + strings.Repeat("y", lead%9)
			got := map[rune]bool{}
			addRunes(got, []byte(text))
			want := map[rune]bool{}
			for _, r := range text {
				if r >= 0x80 && r != '\uFFFD' {
					want[r] = true
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("%q: noted %v; want %v", text, got, want)
			}
		}
	}
}
