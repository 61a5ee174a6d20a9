package pdf

import (
	"math"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// sum adds up widths.
func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}

func TestAutoWidthsFit(t *testing.T) {
	// The preferred widths (plus 2 of padding) add up to 60 of 120: each
	// column gets its own, doubled.
	got := autoWidths([]float64{5, 8, 3}, []float64{18, 28, 8}, []float64{1, 1, 1}, 120, 2, 0)
	want := []float64{40, 60, 20}
	for c := range want {
		if math.Abs(got[c]-want[c]) > 1e-9 {
			t.Fatalf("widths %v, want %v", got, want)
		}
	}
}

func TestAutoWidthsShareByWhatEachLacks(t *testing.T) {
	// Minimums (with padding) 10+10+10 = 30 of 100; the 70 left goes in
	// proportion to preferred minus minimum: 0, 40 and 100.
	got := autoWidths([]float64{8, 8, 8}, []float64{8, 48, 108}, []float64{1, 1, 1}, 100, 2, 0)
	want := []float64{10, 10 + 70*40.0/140, 10 + 70*100.0/140}
	for c := range want {
		if math.Abs(got[c]-want[c]) > 1e-9 {
			t.Fatalf("widths %v, want %v", got, want)
		}
	}
	// A column of sentences weighing 3 takes more of the room.
	w3 := autoWidths([]float64{8, 8, 8}, []float64{8, 48, 108}, []float64{1, 1, 3}, 100, 2, 0)
	if w3[2] <= got[2] || math.Abs(sum(w3)-100) > 1e-9 {
		t.Errorf("weighted widths %v, want the last wider than %g and 100 in all", w3, got[2])
	}
	for c := range w3 {
		if w3[c] < 10-1e-9 {
			t.Errorf("column %d is %g, under its longest word", c, w3[c])
		}
	}
}

func TestAutoWidthsNarrowColumnStaysOnOneLine(t *testing.T) {
	// A column of dates, 6 to 14 wide, keeps its dates on one line while
	// the room is ample (narrow 16), and stays near its longest word when
	// the room is short.
	ample := autoWidths([]float64{6, 10, 10}, []float64{14, 60, 200}, []float64{1, 1, 3}, 150, 0, 16)
	if math.Abs(ample[0]-14) > 1e-9 || math.Abs(sum(ample)-150) > 1e-9 {
		t.Errorf("ample room: widths %v, want the dates at 14 and 150 in all", ample)
	}
	short := autoWidths([]float64{6, 10, 10}, []float64{14, 60, 200}, []float64{1, 1, 3}, 40, 0, 16)
	if short[0] >= 7 || short[2] <= short[1] {
		t.Errorf("short room: widths %v, want the dates under 7 and the sentences widest", short)
	}
}

func TestAutoWidthsMinimumsDoNotFit(t *testing.T) {
	// Longest words wider than the room: the narrow column keeps its
	// longest word and the two wide ones share the rest alike, the only
	// case where a column is narrower than its longest word.
	got := autoWidths([]float64{10, 100, 300}, []float64{10, 100, 300}, []float64{1, 1, 1}, 100, 0, 0)
	if math.Abs(got[0]-10) > 1e-9 || math.Abs(got[1]-45) > 1e-9 || math.Abs(got[2]-45) > 1e-9 {
		t.Errorf("widths %v, want [10 45 45]", got)
	}
}

func TestHyphenCut(t *testing.T) {
	for text, want := range map[string]int{
		"institution-building": 12,
		"Euro-Atlantic":        5,
		"-5":                   0,
		"well-":                0,
		"1990-1999":            0,
		"plain":                0,
	} {
		w := word{pieces: []piece{{text: text}}}
		if got := hyphenCut(w); got != want {
			t.Errorf("hyphenCut(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestHyphenateBreaksOnlyWordsWiderThanTheColumn(t *testing.T) {
	w := testWriter(t, &guide.Guide{Meta: guide.Meta{Title: "T", Lang: "it"}}, nil)
	st := textStyle{fam: bodyFam, size: 10}
	words := w.ts.keep(w.rb.flatten([]guide.Inline{txt("il Costruttore")}, st))
	if len(words) != 2 {
		t.Fatalf("%d words", len(words))
	}
	width := words[1].w * 0.6
	got := w.ts.hyphenate(words, width)
	if len(got) != 3 {
		t.Fatalf("%d words after hyphenation, want the short word and two parts of the long one", len(got))
	}
	text := func(w word) string {
		s := ""
		for _, p := range w.pieces {
			s += p.text
		}
		return s
	}
	head, tail := text(got[1]), text(got[2])
	if !strings.HasSuffix(head, "-") || strings.TrimSuffix(head, "-")+tail != "Costruttore" || !got[2].brk {
		t.Errorf("parts %q and %q (a line of its own: %t), want a hyphen after the first and the word whole again", head, tail, got[2].brk)
	}
	for _, p := range got {
		if p.w > width+1e-6 {
			t.Errorf("%q is %g wide, over the column's %g", text(p), p.w, width)
		}
	}
	if same := w.ts.hyphenate(words, words[1].w); len(same) != 2 {
		t.Errorf("a word that fits is broken: %d words", len(same))
	}
}

func TestLongHeadersGiveNoClaimToTheRoom(t *testing.T) {
	// Long headers over short numbers, and a first column of names: the
	// headers wrap, the names stay on one line.
	w := testWriter(t, &guide.Guide{Meta: guide.Meta{Title: "T", Lang: "en"}}, nil)
	cell := func(s string) guide.Cell { return guide.Cell{Inlines: []guide.Inline{txt(s)}} }
	tb := &guide.Table{Header: []guide.Cell{
		cell("Aqueduct"),
		cell("Average gradient in metres for each kilometre of its length"),
		cell("Total drop from the spring to the city in metres"),
		cell("Length carried on arches above the ground in kilometres"),
	}}
	for _, name := range []string{"Pont du Gard (Nîmes), Gallia", "Aqua Marcia", "Segovia"} {
		tb.Rows = append(tb.Rows, []guide.Cell{cell(name), cell("0.25"), cell("12.6"), cell("0.3")})
	}
	l := &layouter{w: w}
	tl, header, rows := l.measureTable(tb, w.bodyFrame())
	if n := tl.breakRow(header); n < 2 {
		t.Errorf("the header is set on %d line, want it wrapped", n)
	}
	for i, row := range rows {
		if n := tl.breakRow(row); n != 1 {
			t.Errorf("row %d is set on %d lines, want 1 (widths %.0f)", i, n, tl.widths)
		}
	}
}
