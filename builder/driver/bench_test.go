package driver

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/internal/testnotes"
)

func benchmarkBuild(b *testing.B, opts Options) {
	dir := b.TempDir()
	note := filepath.Join(dir, "long.md")
	if err := os.WriteFile(note, testnotes.CourseReader(1000), 0o644); err != nil {
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
	b.Run("epub", func(b *testing.B) { benchmarkBuild(b, Options{Outputs: []string{"epub"}}) })
	b.Run("pdf", func(b *testing.B) { benchmarkBuild(b, Options{Outputs: []string{"pdf"}}) })
	b.Run("both", func(b *testing.B) { benchmarkBuild(b, Options{}) })
}

// BenchmarkBuild1000SectionsNoAids is the same build with the study aids
// turned off: the cost of reading and writing alone.
func BenchmarkBuild1000SectionsNoAids(b *testing.B) {
	b.Run("both", func(b *testing.B) {
		benchmarkBuild(b, Options{LeaveOut: aids.Names()})
	})
}
