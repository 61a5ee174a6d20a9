// Command gen writes the course reader that the benchmarks build, so that
// tools outside Go's benchmarks (bench/compare.sh) measure the same notes:
//
//	go run ./builder/internal/testnotes/gen -sections 1000 > long.md
//
// A reader of n sections holds n topics of five key points each, shaped
// like real study notes; see testnotes.CourseReader.
package main

import (
	"flag"
	"fmt"
	"os"

	"studyguide/builder/internal/testnotes"
)

func main() {
	n := flag.Int("sections", 1000, "the number of topics (sections) of the reader")
	flag.Parse()
	if *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-sections N] > NOTE.md (N at least 1)")
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(testnotes.CourseReader(*n)); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
