package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
)

// seedNote is the user's example note, kept outside the project.
const seedNote = "../../../shared/seed/nato-peacekeeping.md"

// TestSourceSections compares the section tree of every sample note in
// source/ with testdata/source/NAME.sections.golden.
func TestSourceSections(t *testing.T) {
	notes, err := filepath.Glob("../../source/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 {
		t.Skip("no notes in source/")
	}
	for _, note := range notes {
		name := strings.TrimSuffix(filepath.Base(note), ".md")
		t.Run(name, func(t *testing.T) {
			checkSections(t, note, filepath.Join("testdata", "source", name+".sections.golden"))
		})
	}
}

// TestSeedSections compares the section tree of the user's example note
// with testdata/seed.sections.golden.
func TestSeedSections(t *testing.T) {
	if _, err := os.Stat(seedNote); err != nil {
		t.Skip("the example note is not present")
	}
	checkSections(t, seedNote, filepath.Join("testdata", "seed.sections.golden"))
}

func checkSections(t *testing.T, note, goldenFile string) {
	t.Helper()
	g, list := readNote(t, note, true)
	if list.HasErrors() {
		t.Errorf("errors reading %s:\n%s", note, list.Error())
	}
	var b bytes.Buffer
	if err := guide.DumpSections(&b, g); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, goldenFile, b.Bytes())
}
