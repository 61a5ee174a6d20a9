package enrich

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkEnrich runs the four stages on a generated note of 1,000
// sections, each with key points, key terms and dates.
func BenchmarkEnrich(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Big notes\n\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "## Topic %d\n\n", i)
		for j := range 3 {
			fmt.Fprintf(&sb, "%d. **Point %d.%d**:\n   - In %d the **Term %d %d (T%dX%d)** met **Other %d**. Later T%dX%d grew, e.g. by **Thing %d**.\n",
				j+1, i, j, 1900+i%200, i, j, i, j, j, i, j, i)
		}
		sb.WriteString("\n")
	}
	text := []byte(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		g, _ := readNote(b, "big.md", text)
		b.StartTimer()
		enrichAll(g)
	}
}
