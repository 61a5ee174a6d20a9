package pdf

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/testnotes"
)

// BenchmarkWriteEnriched writes a 1,000-section guide with all its study
// aids: the heaviest guide a build makes.
func BenchmarkWriteEnriched(b *testing.B) {
	g := testnotes.EnrichedReader(b, 1000)
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
	g := testnotes.EnrichedReader(t, 60)
	var a, c bytes.Buffer
	if err := Write(&a, g, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&c, testnotes.EnrichedReader(t, 60), Options{}); err != nil {
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
	checkers.Require(t, "qpdf")
	out := checkers.Run(t, "qpdf", "--check", writeFile(t, testnotes.EnrichedReader(t, 40), Options{}))
	if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
