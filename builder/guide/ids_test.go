package guide

import (
	"strings"
	"testing"
)

func TestEachIDInReadingOrder(t *testing.T) {
	strong := func(id string) *Strong { return &Strong{ID: id, Children: []Inline{&Text{Text: id}}} }
	g := &Guide{
		Intro: []Block{&Paragraph{Inlines: []Inline{strong("intro-term")}}},
		Sections: []*Section{{ID: "s1", Blocks: []Block{
			&List{Items: []*ListItem{{Key: &KeyPoint{ID: "kp"}, Blocks: []Block{&Paragraph{Inlines: []Inline{&Emph{Children: []Inline{strong("deep")}}}}}}}},
			&Table{ID: "t", Header: []Cell{{Inlines: []Inline{strong("in-cell")}}}},
			&Figure{ID: "f"},
			&Quote{Blocks: []Block{&Paragraph{Inlines: []Inline{strong(""), &Ref{Children: []Inline{strong("in-ref")}}}}}},
		}, Sections: []*Section{{ID: "s1-1", Blocks: []Block{&DefinitionList{Items: []*Definition{{Term: []Inline{strong("def")}}}}}}}}},
		Footnotes: []*Footnote{{ID: "fn-1", Blocks: []Block{&Paragraph{Inlines: []Inline{strong("in-note")}}}}},
	}
	var got []string
	g.EachID(func(id string) { got = append(got, id) })
	want := "intro-term s1 kp deep t in-cell f in-ref s1-1 def fn-1 in-note"
	if strings.Join(got, " ") != want {
		t.Errorf("EachID:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestIDsClaim(t *testing.T) {
	s := NewIDs()
	got := []string{s.Claim("a"), s.Claim("a"), s.Claim("a-2"), s.Claim("a"), s.Claim("b")}
	want := "a a-2 a-2-2 a-3 b"
	if strings.Join(got, " ") != want {
		t.Errorf("Claim: got %s, want %s", strings.Join(got, " "), want)
	}
	s = NewIDs("fnref-1", "fnref-1-2")
	if !s.Taken("fnref-1") || s.Taken("fnref-1-3") {
		t.Error("NewIDs does not hold the ids it was given")
	}
	if got := s.Claim("fnref-1"); got != "fnref-1-3" {
		t.Errorf("Claim = %q, want fnref-1-3", got)
	}
	// An id taken after a base was numbered is still skipped.
	s.Take("fnref-1-4")
	if got := s.Claim("fnref-1"); got != "fnref-1-5" {
		t.Errorf("Claim = %q, want fnref-1-5", got)
	}
	if s.Take("fnref-1") || !s.Take("toc") || s.Take("toc") {
		t.Error("Take does not report whether the id was free")
	}
}

func TestGuideIDsHoldEveryID(t *testing.T) {
	g := &Guide{
		Sections:  []*Section{{ID: "intro", Blocks: []Block{&Table{ID: "summary-intro"}}}},
		Footnotes: []*Footnote{{ID: "fn-1"}},
	}
	s := g.IDs()
	for _, id := range []string{"intro", "summary-intro", "fn-1"} {
		if !s.Taken(id) {
			t.Errorf("%s is not taken", id)
		}
	}
	if got := s.Claim("intro"); got != "intro-2" {
		t.Errorf("Claim = %q, want intro-2", got)
	}
}
