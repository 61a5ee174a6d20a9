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
