package driver

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/internal/testnotes"
)

func benchmarkBuild(b *testing.B, opts Options) {
	benchmarkBuildOf(b, 1000, opts)
}

// benchmarkBuildOf builds the course reader of n sections.
func benchmarkBuildOf(b *testing.B, n int, opts Options) {
	dir := b.TempDir()
	note := filepath.Join(dir, "long.md")
	if err := os.WriteFile(note, testnotes.CourseReader(n), 0o644); err != nil {
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

// BenchmarkBuildShortNote builds a note of six sections, about 10 KB as
// real notes are, into both formats: there the time goes to what every
// build does whatever the note's length (fonts, cover, start-up of the
// writers), not to laying out pages.
func BenchmarkBuildShortNote(b *testing.B) {
	benchmarkBuildOf(b, 6, Options{})
}

// BenchmarkBuild1000SectionsNoAids is the same build with the study aids
// turned off: the cost of reading and writing alone.
func BenchmarkBuild1000SectionsNoAids(b *testing.B) {
	b.Run("both", func(b *testing.B) {
		benchmarkBuild(b, Options{LeaveOut: aids.Names()})
	})
}

// benchmarkManyNotes builds a folder of notes, or a course of them, with
// at most workers books at once (zero: GOMAXPROCS).
func benchmarkManyNotes(b *testing.B, notes int, course bool, workers int) {
	dir := b.TempDir()
	src := filepath.Join(dir, "notes")
	if err := os.Mkdir(src, 0o755); err != nil {
		b.Fatal(err)
	}
	list := "title: Many\nnotes:\n"
	for i := range notes {
		name := fmt.Sprintf("%02d-note.md", i+1)
		text := bytes.Replace(testnotes.CourseReader(12), []byte("# "), []byte(fmt.Sprintf("# Part %d: ", i+1)), 1)
		if err := os.WriteFile(filepath.Join(src, name), text, 0o644); err != nil {
			b.Fatal(err)
		}
		list += "  - " + name + "\n"
	}
	if course {
		if err := os.WriteFile(filepath.Join(src, "course.yaml"), []byte(list), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opts := Options{Paths: []string{src}, OutDir: filepath.Join(dir, "out"), Chapters: course, workers: workers}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkManyNotes builds a folder of 16 notes of 12 sections each, one
// note after the other (serial) and on all cores (parallel); and a course
// of the same notes with --chapters, whose book and 16 chapters' guides
// are built side by side.
func BenchmarkManyNotes(b *testing.B) {
	b.Run("serial", func(b *testing.B) { benchmarkManyNotes(b, 16, false, 1) })
	b.Run("parallel", func(b *testing.B) { benchmarkManyNotes(b, 16, false, 0) })
	b.Run("course-serial", func(b *testing.B) { benchmarkManyNotes(b, 16, true, 1) })
	b.Run("course-parallel", func(b *testing.B) { benchmarkManyNotes(b, 16, true, 0) })
}
