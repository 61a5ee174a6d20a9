package aids_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
	"studyguide/builder/markdown"
)

// workerNotes are the notes TestWorkers adds the aids to: the sample
// notes, the study aids' test notes and a course reader long enough that
// every worker gets many sections.
func workerNotes(t *testing.T) map[string][]byte {
	t.Helper()
	notes := map[string][]byte{"reader.md": testnotes.CourseReader(120)}
	var files []string
	for _, pattern := range []string{"../../source/*.md", "../../source/*/*.md", "../enrich/testdata/*.md", "../palace/testdata/*.md"} {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		notes[f] = text
	}
	return notes
}

// aidsDump adds the study aids to text, read as a build reads it, and
// returns the guide, its study facts and the diagnostics written out. With
// chapters above one, the note is read that many times and joined into a
// book whose aids RunBook adds.
func aidsDump(t *testing.T, name string, text []byte, chapters int) []byte {
	t.Helper()
	var list diag.List
	set := diag.NewFileSet(&list)
	var gs []*guide.Guide
	var metas []guide.Meta
	for i := range max(chapters, 1) {
		g, err := markdown.Read(set.AddFile(fmt.Sprintf("%d-%s", i, name), text), markdown.Options{Switches: aids.Keys()})
		if err != nil {
			t.Fatal(err)
		}
		gs, metas = append(gs, g), append(metas, g.Meta)
	}
	var g *guide.Guide
	if chapters > 1 {
		g = guide.Join(gs[0].Meta, gs)
		aids.RunBook(g, metas, nil)
	} else {
		g = gs[0]
		aids.Run(g, nil)
	}
	var b bytes.Buffer
	if err := guide.Dump(&b, g); err != nil {
		t.Fatal(err)
	}
	s := g.Study
	for _, kp := range s.KeyPoints {
		fmt.Fprintf(&b, "keypoint %s section=%s %q terms=%q dates=%q gist=%q\n", kp.ID, kp.SectionID, kp.Title, kp.Terms, kp.Dates, kp.Gist)
	}
	for _, t := range s.Terms {
		fmt.Fprintf(&b, "term %s section=%s %q aliases=%q mentions=%d chapters=%v %q\n", t.ID, t.SectionID, t.Name, t.Aliases, t.Mentions, t.Chapters, t.Explanation)
	}
	for _, st := range s.Stations {
		fmt.Fprintf(&b, "station %d %q %q target=%s %q section=%s %q\n", st.Number, st.Name, st.Cue, st.Target, st.TargetTitle, st.SectionID, st.Gist)
	}
	for _, q := range s.Questions {
		fmt.Fprintf(&b, "question %s %s section=%s target=%s %q answer=%q hint=%q\n", q.ID, q.Kind, q.SectionID, q.Target, q.PromptText("___"), q.Answer, q.Hint)
	}
	list.Sort()
	for _, d := range list {
		fmt.Fprintln(&b, d.String())
	}
	return b.Bytes()
}

// TestWorkers adds the study aids to each note on one, two and four
// cores, alone and as a book of three chapters, and holds every result
// to be the same as on one core: the aids share their work out between
// the cores but merge it in one order.
func TestWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for name, text := range workerNotes(t) {
		for _, chapters := range []int{1, 3} {
			var want []byte
			for _, procs := range []int{1, 2, 4} {
				runtime.GOMAXPROCS(procs)
				got := aidsDump(t, filepath.Base(name), text, chapters)
				if procs == 1 {
					want = got
					continue
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s in %d chapters on %d cores: the aids differ from those made on one core", name, chapters, procs)
				}
			}
		}
	}
}
