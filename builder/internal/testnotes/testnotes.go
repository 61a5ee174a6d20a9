// Package testnotes makes the notes that tests and benchmarks of several
// stages share, so that every benchmark measures the same guide: a long
// course reader shaped like real study notes, and that reader as a guide
// with every study aid added in the order a build adds them.
package testnotes

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
)

// CourseReader returns the Markdown of a course reader of n topics, each
// shaped like the sections of real study notes: an overview with a bold
// idea and a year, then five numbered key points with bold leads, each
// with two sub-bullets of bold terms and dates.
func CourseReader(n int) []byte {
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

// EnrichedReader reads the course reader of n topics and adds every study
// aid as a build does (aids.Run). The reader refusing the note would be a
// bug in the reader, and fails tb.
func EnrichedReader(tb testing.TB, n int) *guide.Guide {
	tb.Helper()
	var diags diag.List
	g, err := markdown.Read(diag.NewFile("long.md", CourseReader(n), &diags), markdown.Options{Switches: aids.Keys()})
	if err != nil {
		tb.Fatal(err)
	}
	aids.Run(g, nil)
	return g
}
