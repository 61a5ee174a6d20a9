package enrich

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// checkGolden compares got with the file at path, or rewrites the file
// when UPDATE_GOLDEN=1.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run with UPDATE_GOLDEN=1 to see the change in git diff\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w, g)
		}
	}
	return ""
}
