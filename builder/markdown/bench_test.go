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
