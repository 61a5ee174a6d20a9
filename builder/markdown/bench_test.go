package markdown

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/diag"
)

// bigNote makes a note shaped like the user's example with n sections.
func bigNote(n int) []byte {
	var b strings.Builder
	b.WriteString("# A Long Guide\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "#### **Topic %d: “Quoted” matters**\n\nIntro to topic %d in the **1990s**.[^n%d]\n\n", i, i, i)
		for k := 1; k <= 3; k++ {
			fmt.Fprintf(&b, "%d. **Point %d of topic %d**:\n   - In %d, **Operation %d** began -- it's \"long\"...\n   - A second bullet with a [link](#topic-%d).\n\n", k, k, i, 1900+i%100, i, i)
		}
		fmt.Fprintf(&b, "[^n%d]: Footnote %d.\n\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkRead reads a note of 1,000 sections shaped like the example.
func BenchmarkRead(b *testing.B) {
	text := bigNote(1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		var list diag.List
		if _, err := Read(diag.NewFile("big.md", text, &list), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// hostileShapes are notes built to make Markdown readers slow: the
// pathological inputs of the CommonMark reference implementation's test
// suite and others found by timing goldmark, plus very long lines and
// words. Each is made at a given size in bytes.
var hostileShapes = []struct {
	name string
	make func(size int) string
}{
	{"long-line", func(n int) string { return "# T\n\n" + strings.Repeat("word ", n/5) }},
	{"long-word", func(n int) string { return "# T\n\n" + strings.Repeat("x", n) }},
	{"nested-quotes", func(n int) string { return strings.Repeat("> ", n/2) + "a\n" }},
	{"nested-list-markers", func(n int) string { return strings.Repeat("- ", n/2) + "a\n" }},
	{"nested-lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}},
	{"nested-brackets", func(n int) string { return strings.Repeat("[", n/2) + "a" + strings.Repeat("]", n/2) }},
	{"unclosed-links", func(n int) string { return strings.Repeat("[a](<b", n/6) }},
	{"unclosed-links-title", func(n int) string { return strings.Repeat("[a](b'c", n/7) }},
	{"emphasis-mismatched", func(n int) string { return strings.Repeat("*a_ ", n/4) }},
	{"emphasis-multiple-of-3", func(n int) string { return "a**b" + strings.Repeat("c* ", n/3) }},
	{"escaped-backticks", func(n int) string { return strings.Repeat("\\``", n/3) }},
	{"link-definitions", func(n int) string { return "# T\n\n[a]\n\n" + strings.Repeat("[a]: u\n", n/7) }},
	{"wide-table", func(n int) string {
		return "# T\n\n" + strings.Repeat("|a", 1000) + "|\n" + strings.Repeat("|-", 1000) + "|\n" + strings.Repeat("|b\n", max(n-4000, 0)/3)
	}},
}

// BenchmarkHostile reads each hostile shape at 64 KiB and at 256 KiB. The
// reader keeps its time linear in the size of the note: the MB/s of the
// two sizes of a shape should be about the same. Run it with
//
//	go test -run '^$' -bench Hostile ./builder/markdown/
func BenchmarkHostile(b *testing.B) {
	for _, shape := range hostileShapes {
		for _, size := range []int{64 << 10, 256 << 10} {
			text := []byte(shape.make(size))
			b.Run(fmt.Sprintf("%s/%dKiB", shape.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					var list diag.List
					Read(diag.NewFile("hostile.md", text, &list), Options{})
				}
			})
		}
	}
}
