package enrich

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
)

// TestGolden reads every testdata/*.md, runs the four stages and compares
// the dump of the guide, the study facts and the diagnostics with
// testdata/NAME.golden. Run with UPDATE_GOLDEN=1 to rewrite them.
func TestGolden(t *testing.T) {
	notes, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 {
		t.Fatal("no test notes in testdata")
	}
	for _, note := range notes {
		name := strings.TrimSuffix(filepath.Base(note), ".md")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(note)
			if err != nil {
				t.Fatal(err)
			}
			g, list := readNote(t, filepath.Base(note), text)
			enrichAll(g)
			var b bytes.Buffer
			if err := guide.Dump(&b, g); err != nil {
				t.Fatal(err)
			}
			b.WriteString("-- study --\n")
			dumpStudy(&b, g.Study, false)
			b.WriteString("-- diagnostics --\n")
			list.Sort()
			for _, d := range *list {
				b.WriteString(d.String() + "\n")
			}
			golden.Check(t, filepath.Join("testdata", name+".golden"), b.Bytes())
		})
	}
}
