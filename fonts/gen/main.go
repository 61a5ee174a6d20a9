// Command gen writes fonts/tables.bin, the coverage and advance widths of
// the embedded font files that the fonts package reads instead of
// measuring the fonts in every process. go generate ./fonts runs it after
// a font file is added or changed; a test of the package fails until it
// has.
package main

import (
	"fmt"
	"os"

	"studyguide/fonts"
)

func main() {
	b, err := fonts.MeasureTables()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("tables.bin", b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
