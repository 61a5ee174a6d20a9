package epub

import (
	"io"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
)

// enrichedGuide is the course reader of n topics with every study aid.
func enrichedGuide(tb testing.TB, n int) *guide.Guide {
	tb.Helper()
	g, err := testnotes.EnrichedReader(n)
	if err != nil {
		tb.Fatal(err)
	}
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
