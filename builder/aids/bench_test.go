package aids_test

import (
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/internal/testnotes"
	"studyguide/builder/markdown"
)

// BenchmarkRun adds every study aid to a note of 1,000 sections, the one
// the driver's build benchmarks use; the note is read again, untimed,
// before each run, since the aids change the guide they are given. Run it
// with
//
//	go test -run '^$' -bench Run -benchmem ./builder/aids/
func BenchmarkRun(b *testing.B) {
	text := testnotes.CourseReader(1000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		var list diag.List
		g, err := markdown.Read(diag.NewFile("long.md", text, &list), markdown.Options{Switches: aids.Keys()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		aids.Run(g, nil)
	}
}
