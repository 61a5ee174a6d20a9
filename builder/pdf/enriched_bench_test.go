package pdf

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
	"studyguide/builder/palace"
)

// longNote returns a note of n sections shaped like typical study notes:
// an introduction, then sections of five numbered key points with bold
// leads, bold key terms, years and sub-bullets.
func longNote(n int) []byte {
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

// enrichedGuide reads a long note of n sections and adds every study aid,
// in the order the build runs the stages: summary tables after each
// section, an "At a glance" table, palace pages and a glossary.
func enrichedGuide(tb testing.TB, n int) *guide.Guide {
	tb.Helper()
	var diags diag.List
	g, err := markdown.Read(diag.NewFile("long.md", longNote(n), &diags), markdown.Options{})
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

// BenchmarkWriteEnriched writes a 1,000-section guide with all its study
// aids: the heaviest guide a build makes.
func BenchmarkWriteEnriched(b *testing.B) {
	g := enrichedGuide(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEnrichedGuideIsReproducible builds an enriched guide twice and
// compares the bytes. With PDF_ENRICHED_OUT set, it also writes the PDF
// there, for a look at the pages.
func TestEnrichedGuideIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("long guide")
	}
	g := enrichedGuide(t, 60)
	var a, c bytes.Buffer
	if err := Write(&a, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&c, enrichedGuide(t, 60), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("two builds of the enriched guide differ")
	}
	if out := os.Getenv("PDF_ENRICHED_OUT"); out != "" {
		if err := os.WriteFile(out, a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEnrichedGuideIsClean(t *testing.T) {
	need(t, "qpdf")
	out := tool(t, "qpdf", "--check", writeFile(t, enrichedGuide(t, 40), Options{}))
	if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
