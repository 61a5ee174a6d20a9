package markdown_test

import (
	"fmt"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/internal/testnotes"
	"studyguide/builder/markdown"
)

// BenchmarkReadCourse reads the course readers of 1,000 and 5,000 topics
// that the build benchmarks use.
func BenchmarkReadCourse(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		text := testnotes.CourseReader(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var list diag.List
				if _, err := markdown.Read(diag.NewFile("long.md", text, &list), markdown.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
