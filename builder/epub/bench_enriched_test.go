package epub

import (
	"io"
	"testing"

	"studyguide/builder/internal/testnotes"
)

// BenchmarkWriteEnriched1000Sections writes the book of a 1,000-topic note
// with all its study aids: summary tables, the overview, the palace with
// its drawings, and the glossary.
func BenchmarkWriteEnriched1000Sections(b *testing.B) {
	g := testnotes.EnrichedReader(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
