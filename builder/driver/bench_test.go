package driver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedShapedNote returns a note of n sections shaped like typical study
// notes: an introduction, then sections of five numbered key points with
// bold leads, bold key terms, years and sub-bullets.
func seedShapedNote(n int) []byte {
	var b strings.Builder
	b.WriteString("# A Long Course Reader\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "#### **Topic %d: Causes and Consequences**\n\n", i)
		fmt.Fprintf(&b, "An overview of topic %d, which ties the **central idea %d** to what came before and after the year %d.\n\n", i, i, 1900+i%120)
		for k := 1; k <= 5; k++ {
			fmt.Fprintf(&b, "%d. **Point %d.%d: A Named Development**:\n", k, i, k)
			fmt.Fprintf(&b, "   - In %d the **first actor %d** and the **second actor %d** agreed on a plan that changed how the region was governed for a decade.\n", 1950+k+i%50, k, k)
			fmt.Fprintf(&b, "   - Critics argued that the **treaty of %d** left the hardest questions open, and later reviews in the **%d0s** agreed.\n", i, 196+k%4)
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func benchmarkBuild(b *testing.B, opts Options) {
	dir := b.TempDir()
	note := filepath.Join(dir, "long.md")
	if err := os.WriteFile(note, seedShapedNote(1000), 0o644); err != nil {
		b.Fatal(err)
	}
	opts.Paths = []string{note}
	opts.OutDir = filepath.Join(dir, "out")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild1000Sections reads a 1,000-section note, adds every study
// aid (summary tables, at a glance, palace, a glossary of about 2,000 terms)
// and writes the EPUB, the PDF, or both side by side.
func BenchmarkBuild1000Sections(b *testing.B) {
	b.Run("epub", func(b *testing.B) { benchmarkBuild(b, Options{Formats: []string{"epub"}}) })
	b.Run("pdf", func(b *testing.B) { benchmarkBuild(b, Options{Formats: []string{"pdf"}}) })
	b.Run("both", func(b *testing.B) { benchmarkBuild(b, Options{}) })
}

// BenchmarkBuild1000SectionsNoAids is the same build with the study aids
// turned off: the cost of reading and writing alone.
func BenchmarkBuild1000SectionsNoAids(b *testing.B) {
	b.Run("both", func(b *testing.B) {
		benchmarkBuild(b, Options{NoSummaries: true, NoGlossary: true, NoPalace: true})
	})
}
