package driver

import (
	"bytes"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

func TestOnlyOutputsThatReadTheStudyNotesKeepThem(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  bool
	}{
		{[]string{"epub", "pdf"}, false},
		{[]string{"pdf", "2up", "booklet"}, false},
		{[]string{"epub", "pdf", "recap"}, true},
		{[]string{"pdf", "flashcards"}, true},
		{[]string{"epub", "anki"}, true},
	} {
		if got := needsStudy(plan(c.names)); got != c.want {
			t.Errorf("%v: needsStudy = %t; want %t", c.names, got, c.want)
		}
	}
}

// TestOutputsThatDoNotReadTheStudyNotesWriteTheSameWithout holds the
// outputs to what they say (outputs.Output.Study): one that does not read
// the guide's study notes writes the same bytes once a build has let go
// of them.
func TestOutputsThatDoNotReadTheStudyNotesWriteTheSameWithout(t *testing.T) {
	layout, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	g := testnotes.EnrichedReader(t, 12)
	if g.Study == nil || len(g.Study.Questions) == 0 || len(g.Study.Terms) == 0 {
		t.Fatal("the course reader has no study notes to let go of")
	}
	write := func(o outputs.Output, from []byte) []byte {
		var b bytes.Buffer
		in := outputs.Input{Guide: g, Layout: layout, From: from, Warn: func(guide.Pos, string) {}}
		if err := o.Write(in, outputs.NewFile("", &b)); err != nil {
			t.Fatalf("write %s: %v", o.Name, err)
		}
		return b.Bytes()
	}
	with, without := map[string][]byte{}, map[string][]byte{}
	study := g.Study
	for _, o := range outputs.All() { // an output comes after the one it is made from
		if o.Study {
			continue
		}
		g.Study = study
		with[o.Name] = write(o, with[o.From])
		g.Study = nil
		without[o.Name] = write(o, without[o.From])
		if !bytes.Equal(with[o.Name], without[o.Name]) {
			t.Errorf("%s reads the study notes, but its output does not say so (outputs.Output.Study)", o.Name)
		}
	}
	if len(with) < 4 {
		t.Errorf("only %d outputs were compared", len(with))
	}
}
