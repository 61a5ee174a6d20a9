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
	g, err := markdown.Read(diag.NewFile(name, text, list), markdown.Options{Switches: Aids.Keys})
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

// Aids is the study aids' registry (package aids) as these tests use
// it. Package aids imports this package, so a file of this package cannot
// import it: registry_test.go, an external test file, fills Aids in
// before any test runs.
var Aids struct {
	// Run adds the study aids as a build does, leaving out those named.
	Run func(g *guide.Guide, off []string)
	// Keys are the front-matter keys that switch study aids.
	Keys []string
}

// enrichAll runs this package's stages as a build does, in the order of
// the registry and obeying the front matter's switches, without the mind
// palace, which package palace tests.
func enrichAll(g *guide.Guide) {
	Aids.Run(g, []string{"palace"})
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
	for _, q := range s.Questions {
		fmt.Fprintf(b, "question %s %s section=%s target=%s %q\n", q.ID, q.Kind, q.SectionID, q.Target, q.PromptText("___"))
		fmt.Fprintf(b, "  answer %q hint %q\n", q.Answer, q.Hint)
	}
}
