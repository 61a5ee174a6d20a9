package enrich

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
)

// seedPath is the user's example notes, outside the project.
const seedPath = "../../../shared/seed/nato-peacekeeping.md"

// readNote reads Markdown text as the command would and returns the guide
// with the list its diagnostics go to.
func readNote(t testing.TB, name string, text []byte) (*guide.Guide, *diag.List) {
	t.Helper()
	list := new(diag.List)
	g, err := markdown.Read(diag.NewFile(name, text, list), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g, list
}

// readSeed reads the seed notes, or skips the test when they are absent.
func readSeed(t testing.TB) (*guide.Guide, *diag.List) {
	t.Helper()
	text, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed notes not available: %v", err)
	}
	return readNote(t, filepath.Base(seedPath), text)
}

// enrichAll runs the four stages in the driver's order.
func enrichAll(g *guide.Guide) {
	Extract(g)
	Summaries(g)
	Glance(g)
	Glossary(g)
}

// dumpStudy writes the facts of g.Study in a stable text form. With
// short set, sentences are left out.
func dumpStudy(b *bytes.Buffer, s *guide.Study, short bool) {
	if s == nil {
		b.WriteString("no study\n")
		return
	}
	for _, kp := range s.KeyPoints {
		fmt.Fprintf(b, "keypoint %s section=%s %q\n", kp.ID, kp.SectionID, kp.Title)
		fmt.Fprintf(b, "  terms %q\n  dates %q\n", kp.Terms, kp.Dates)
		if !short {
			fmt.Fprintf(b, "  gist %q\n", kp.Gist)
		}
	}
	for _, t := range s.Terms {
		fmt.Fprintf(b, "term %s section=%s %q aliases=%q\n", t.ID, t.SectionID, t.Name, t.Aliases)
		if !short {
			fmt.Fprintf(b, "  explanation %q\n", t.Explanation)
		}
	}
}
