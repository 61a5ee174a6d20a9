package epub

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regular expressions that define long words and ranges of years; the
// hand-written scanners must find exactly what they find.
var (
	longWordSpec  = regexp.MustCompile(`[^\s]{16,}`)
	yearRangeSpec = regexp.MustCompile(`\b[0-9]{1,4}s?\s?[–—-]\s?[0-9]{1,4}s?\b`)
)

func sameSpans(t *testing.T, what, s string, got [][2]int, want [][]int) {
	t.Helper()
	if len(got) != len(want) || !slices.EqualFunc(got, want, func(g [2]int, w []int) bool { return g[0] == w[0] && g[1] == w[1] }) {
		t.Errorf("%s(%q) = %v; want %v", what, s, got, want)
	}
}

func checkSpans(t *testing.T, s string) {
	t.Helper()
	sameSpans(t, "longWords", s, longWords(s), longWordSpec.FindAllStringIndex(s, -1))
	sameSpans(t, "yearRanges", s, yearRanges(s), yearRangeSpec.FindAllStringIndex(s, -1))
}

func TestCellSpansMatchTheirDefinition(t *testing.T) {
	for _, s := range []string{
		"", "1914–18", "1914 – 18", "1990s-2000s", "2014—2021", "in 1990s - 2000s and 12345-6789",
		"a1914-18", "1914-18b", "_1914-18", "1914-18_", "1914--18", "19145-1", "1-2-3-4", "1s-2ss",
		"1914 -\t18", "1914\f-\f18", "1914  -  18", "é1914-18é", "1914-18s", "1914s–", "x–1",
		longWord, "a " + longWord + " b", strings.Repeat("é", 15), strings.Repeat("é", 16),
		strings.Repeat("\xff", 16), "abc\u00a0defghijklmnopqrstu", "https://example.org/a/long/path",
		"15 characters!!", "sixteen chars!!!", "seventeen chars!!",
	} {
		checkSpans(t, s)
	}
	pieces := []string{"1", "9", "19", "1990", "12345", "s", "S", " ", "\t", "\n", "\f", "\v", "-", "–", "—",
		"a", "_", "é", "\u00a0", "\xff", "\xe2\x80", "x", longWord[:10]}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkSpans(t, b.String())
	}
}

func FuzzCellSpans(f *testing.F) {
	for _, s := range []string{"1914–18", "1990s - 2000s", longWord, "a1-2 3s—4s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSpans(t, s) })
}
