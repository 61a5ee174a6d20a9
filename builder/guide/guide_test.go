package guide

import (
	"strings"
	"testing"
)

func sample() *Guide {
	term := &Strong{ID: "term-kfor", Children: []Inline{&Text{Text: "KFOR"}}}
	return &Guide{
		Meta: Meta{Title: "Notes", Lang: "en", Identifier: "urn:x"},
		Sections: []*Section{{
			ID: "one", Title: "One", Level: 1, HeadingLevel: 2,
			Blocks: []Block{
				&Paragraph{Inlines: []Inline{&Text{Text: "The "}, term, &Text{Text: " keeps"}, &Break{}, &Text{Text: "peace."}}},
				&List{Ordered: true, Start: 1, Items: []*ListItem{{
					Key:    &KeyPoint{Title: "Lead", ID: "kp-lead"},
					Blocks: []Block{&Paragraph{Inlines: []Inline{&Strong{Children: []Inline{&Text{Text: "Lead"}}}, &Text{Text: ": body"}}}},
				}}},
				&Table{Kind: Summary, ID: "t1", Caption: "Key points: One",
					Header: []Cell{{Inlines: []Inline{&Text{Text: "Point"}}}},
					Rows:   [][]Cell{{{Inlines: []Inline{&Ref{Target: "kp-lead", Children: []Inline{&Text{Text: "Lead"}}}}}}}},
			},
			Sections: []*Section{{ID: "two", Title: "Two", Level: 2, HeadingLevel: 3}},
		}},
	}
}

func TestPlainTextDropsMarkup(t *testing.T) {
	p := sample().Sections[0].Blocks[0].(*Paragraph)
	if got := PlainText(p.Inlines); got != "The KFOR keeps peace." {
		t.Errorf("PlainText = %q", got)
	}
}

func TestTextHasEveryPart(t *testing.T) {
	got := sample().Text()
	for _, want := range []string{"Notes", "One", "The KFOR keeps peace.", "Lead: body", "Key points: One", "Point", "Two"} {
		if !strings.Contains(got, want) {
			t.Errorf("Text() lacks %q:\n%s", want, got)
		}
	}
}

func TestWalkVisitsInReadingOrderAndStops(t *testing.T) {
	var ids []string
	sample().WalkSections(func(s *Section) bool { ids = append(ids, s.ID); return true })
	if strings.Join(ids, ",") != "one,two" {
		t.Errorf("walk order %v", ids)
	}
	ids = nil
	sample().WalkSections(func(s *Section) bool { ids = append(ids, s.ID); return false })
	if len(ids) != 1 {
		t.Errorf("walk did not stop: %v", ids)
	}
}

func TestDumpShowsStudyAids(t *testing.T) {
	var b strings.Builder
	if err := Dump(&b, sample()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`{#term-kfor}**KFOR**`,
		`item key="Lead" id=kp-lead`,
		`table kind=summary id=t1 caption="Key points: One"`,
		`[Lead](ref:kp-lead)`,
		`section h3 level=2 id=two "Two"`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Dump lacks %q:\n%s", want, b.String())
		}
	}
}
