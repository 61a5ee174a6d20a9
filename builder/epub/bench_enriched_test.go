package epub

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
	"studyguide/builder/palace"
)

// longCourseNote returns the Markdown of a course reader of n topics, each
// shaped like the sections of real study notes: an overview with a bold
// idea and a year, then five numbered key points with bold leads, each with
// two sub-bullets of bold terms and dates.
func longCourseNote(n int) []byte {
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

// enrichedGuide reads a note of n topics and adds every study aid, in the
// order a build does: facts, summaries, the overview, the palace and the
// glossary.
func enrichedGuide(tb testing.TB, n int) *guide.Guide {
	tb.Helper()
	var diags diag.List
	g, err := markdown.Read(diag.NewFile("long.md", longCourseNote(n), &diags), markdown.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	enrich.Extract(g)
	enrich.Summaries(g)
	enrich.Glance(g)
	palace.Build(g, palace.Options{})
	enrich.Glossary(g)
	return g
}

// BenchmarkWriteEnriched1000Sections writes the book of a 1,000-topic note
// with all its study aids: summary tables, the overview, the palace with
// its drawings, and the glossary.
func BenchmarkWriteEnriched1000Sections(b *testing.B) {
	g := enrichedGuide(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
