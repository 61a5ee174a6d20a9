package driver

import (
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// mmToPt converts millimetres, the unit of layouts, to points.
const mmToPt = 72 / 25.4

// TestPagesBreakWell holds the PDF of every sample and of the seed, in
// every built-in layout, to the page-break checker: no page but the title
// page and the last holds three lines or fewer, and none ends with a
// heading. It reuses the builds other tests make where it can.
func TestPagesBreakWell(t *testing.T) {
	for _, name := range layouts.Names() {
		layout, err := layouts.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		top := layout.MarginTop * mmToPt
		bottom := (layout.PageHeight - layout.MarginBottom) * mmToPt
		for _, note := range sampleNotes(t) {
			t.Run(name+"/"+noteName(note), func(t *testing.T) {
				t.Parallel()
				var b built
				switch {
				case note == seedPath:
					b = seedPrint(t, name)
				case name == layouts.Default:
					b = buildOnce(t, note, Options{})
				default:
					b = buildOnce(t, note, Options{Outputs: []string{"pdf"}, Layout: name})
				}
				if problems := checkers.BreakProblems(checkers.PDFLines(t, b.pdf), top, bottom); len(problems) > 0 {
					t.Errorf("%s in %s breaks pages badly:\n%s", noteName(note), name, strings.Join(problems, "\n"))
				}
			})
		}
	}
}
