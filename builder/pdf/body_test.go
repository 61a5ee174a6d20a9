package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
	"studyguide/builder/internal/testnotes"
	"studyguide/layouts"
)

// seamsGuide is a guide whose sections meet in every way the layout of
// one part of the body could owe something to the part before: an
// introduction ending in a quotation, sections ending with a table, a
// displayed formula, a list, a quotation, a code block and a heading with
// no text; a footnote referenced first in one section and again in
// later ones; characters no font has, met in several sections; references
// to ids the guide lacks; a section that is a full-page drawing; formulas
// and links in every section.
func seamsGuide(t *testing.T) *guide.Guide {
	pos := guide.Pos(0)
	at := func(s string) *guide.Text {
		pos += 10
		return &guide.Text{Pos: pos, Text: s}
	}
	nowhere := func(id string) *guide.Ref {
		pos += 10
		return &guide.Ref{Pos: pos, Target: id, Children: []guide.Inline{txt("a missing place")}}
	}
	note := func(i int) *guide.FootnoteRef { return &guide.FootnoteRef{Index: i} }
	g := &guide.Guide{Meta: guide.Meta{Title: "Seams", Lang: "en", Identifier: "urn:test:seams"}}
	g.Footnotes = []*guide.Footnote{
		{ID: "fn-a", Label: "a", Blocks: []guide.Block{para(txt("The first note, referenced in three sections."))}},
		{ID: "fn-b", Label: "b", Blocks: []guide.Block{para(txt("The second note."))}},
		{ID: "fn-c", Label: "c", Blocks: []guide.Block{para(txt("A note no text refers to."))}},
	}
	g.Intro = []guide.Block{
		para(txt("An introduction that ends in a quotation.")),
		&guide.Quote{Blocks: []guide.Block{para(txt("A quoted line at the end of the introduction."))}},
	}
	table := func(n int) *guide.Table {
		var rows [][]guide.Cell
		for i := range n {
			rows = append(rows, []guide.Cell{cell(txt(fmt.Sprintf("Row %d", i))), cell(txt("a cell"), note(1))})
		}
		return &guide.Table{Header: []guide.Cell{cell(txt("Name")), cell(txt("Value"))}, Rows: rows}
	}
	list := func(n int) *guide.List {
		ls := &guide.List{}
		for i := range n {
			ls.Items = append(ls.Items, item(para(txt(fmt.Sprintf("Item %d of a list that runs on.", i)))))
		}
		return ls
	}
	ends := [][]guide.Block{
		{table(3)},
		{para(txt("The energy is")), para(formulaNode(t, `E = mc^2`, true))},
		{list(40)},
		{&guide.Quote{Blocks: []guide.Block{para(txt("A quotation ends this section."))}}},
		{&guide.CodeBlock{Text: "code ends this section\n"}},
		{},
		{table(30)},
		{para(txt("Text, then a rule.")), &guide.Rule{}},
	}
	for i, end := range ends {
		s := &guide.Section{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Section %d", i), Level: 1, HeadingLevel: 2}
		s.Blocks = append(s.Blocks, para(
			at("A section with a formula "), formulaNode(t, `x^2 + y^2`, false), txt(", "),
			link(fmt.Sprintf("#s%d", (i+3)%len(ends)), txt("a link on")), txt(" and "), link("https://example.org/"+fmt.Sprint(i%3), txt("a site")),
			txt(", a note"), note(0), txt(".")))
		switch i % 4 {
		case 1:
			s.Blocks = append(s.Blocks, para(at("Characters no font has: 🌧 and 漢字."), note(1)))
		case 2:
			s.Blocks = append(s.Blocks, para(at("A reference to "), nowhere("gone"), txt(" and more characters: ☃ 🌩 ก.")))
		case 3:
			s.Blocks = append(s.Blocks, para(at("Another reference to "), nowhere("lost"), txt(", and 漢 again.")))
		}
		s.Blocks = append(s.Blocks, end...)
		if i == 2 {
			s.Sections = []*guide.Section{{ID: "s2-sub", Title: "A subsection with nothing in it", Level: 2, HeadingLevel: 3}}
		}
		g.Sections = append(g.Sections, s)
	}
	fig := figureGuide()
	g.Sections = slices.Insert(g.Sections, 1, fig.Sections[len(fig.Sections)-1])
	for _, s := range fig.Sections[:len(fig.Sections)-1] {
		g.Sections = append(g.Sections, s)
	}
	return g
}

// layBodyInOneGo lays out the body of w's guide as one piece, by one
// layouter, the boxes handed on a section at a time as layBody does, but
// with nothing cut between the sections: what the layout of parts must
// match.
func layBodyInOneGo(w *writer) ([]*box, map[*guide.Section]*mark) {
	l := &layouter{w: w}
	marks := map[*guide.Section]*mark{}
	inOutline := outlined(w.g)
	walk := &sectionWalk{l: l, keepTwo: -1, mark: func(s *guide.Section) *mark {
		mk := newMark(s, inOutline(s))
		marks[s] = mk
		return mk
	}}
	var out []*box
	sent := 0
	l.flush = func() {
		if !walk.settle(false) || len(l.out) <= sent {
			return
		}
		out = append(out, l.out[sent:]...)
		l.out = []*box{l.out[len(l.out)-1]}
		sent = 1
	}
	fr := w.bodyFrame()
	l.blocks(w.g.Intro, fr)
	l.flush()
	for _, s := range w.g.Sections {
		walk.walk(s, fr)
	}
	return append(out, l.out[sent:]...), marks
}

// bodyGuides are the guides the layout of the body in parts is checked
// with.
func bodyGuides(t *testing.T) map[string]*guide.Guide {
	return map[string]*guide.Guide{
		"seams":      seamsGuide(t),
		"every kind": allkinds.Guide(),
		"sample":     sampleGuide(),
		"physics":    physicsGuide(t),
		"figures":    figureGuide(),
		"enriched":   testnotes.EnrichedReader(t, 12),
		"long":       longGuide(40),
		"intro only": {Meta: guide.Meta{Title: "Intro"}, Intro: []guide.Block{para(txt("Just an introduction."))}},
		"empty":      {},
	}
}

// TestBodyInPartsIsTheBodyInOneGo lays out the body of guides in parts,
// on one, two and four workers, and checks that it is the body laid out
// in one go: the same boxes, of the same sizes, spaces and breaks, with
// the same marks, links, notes and quote bars, in the same elements of
// the structure tree; the footnotes placed in the same sections; the same
// warnings, in the same order, and the same characters reported missing.
func TestBodyInPartsIsTheBodyInOneGo(t *testing.T) {
	lay, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range bodyGuides(t) {
		t.Run(name, func(t *testing.T) {
			setUp := func(workers int) (*writer, *[]string) {
				var warns []string
				w, err := newWriter(g, lay, func(pos guide.Pos, msg string) {
					warns = append(warns, fmt.Sprintf("%d: %s", pos, msg))
				})
				if err != nil {
					t.Fatal(err)
				}
				w.bodyWorkers = workers
				if err := w.registerImages(); err != nil {
					t.Fatal(err)
				}
				w.layoutNotes()
				return w, &warns
			}
			one, oneWarns := setUp(1)
			want, wantMarks := layBodyInOneGo(one)
			for _, workers := range []int{1, 2, 4} {
				w, warns := setUp(workers)
				got, gotMarks := w.bodyBoxes()
				if len(got) != len(want) {
					t.Fatalf("%d workers: %d boxes, in one go %d", workers, len(got), len(want))
				}
				elems := map[*structElem]*structElem{} // in one go -> in parts
				same := func(a, b *structElem) bool {
					for ; a != nil && b != nil; a, b = a.parent, b.parent {
						if m, ok := elems[a]; ok {
							return m == b
						}
						if a.typ() != b.typ() || *a.info() != *b.info() {
							return false
						}
						elems[a] = b
					}
					return a == nil && b == nil
				}
				for i, b := range got {
					if d := boxDiff(want[i], b, i > 0 && sharesBar(want[i-1], want[i]), i > 0 && sharesBar(got[i-1], got[i])); d != "" {
						t.Fatalf("%d workers: box %d of %d: %s", workers, i, len(got), d)
					}
					if !same(want[i].tag, b.tag) {
						t.Fatalf("%d workers: box %d is in another element of the structure tree", workers, i)
					}
				}
				for s, mk := range wantMarks {
					if g := gotMarks[s]; g == nil || *g != *mk {
						t.Errorf("%d workers: section %q has mark %+v, in one go %+v", workers, s.Title, g, mk)
					}
				}
				if !slices.Equal(w.notePlaced, one.notePlaced) {
					t.Errorf("%d workers: footnotes placed %v, in one go %v", workers, w.notePlaced, one.notePlaced)
				}
				for n := range w.notes {
					if !same(one.notes[n].parent, w.notes[n].parent) {
						t.Errorf("%d workers: footnote %d is placed in another section than in one go", workers, n+1)
					}
				}
				if !slices.Equal(*warns, *oneWarns) {
					t.Errorf("%d workers: warnings\n%s\nin one go\n%s", workers, strings.Join(*warns, "\n"), strings.Join(*oneWarns, "\n"))
				}
				m, wm := w.ts.missing, one.ts.missing
				if !slices.Equal(m.runes, wm.runes) || !slices.Equal(m.places, wm.places) {
					t.Errorf("%d workers: missing characters %q at %v, in one go %q at %v", workers, m.runes, m.places, wm.runes, wm.places)
				}
				if len(w.rb.mathAlt) != len(one.rb.mathAlt) {
					t.Errorf("%d workers: %d formulas with a text alternative, in one go %d", workers, len(w.rb.mathAlt), len(one.rb.mathAlt))
				}
			}
		})
	}
}

// sharesBar reports whether b has a quote bar of the box before it, a:
// whether the bar runs on through the space between them.
func sharesBar(a, b *box) bool {
	for _, br := range b.ext().bars {
		if hasBar(a.ext().bars, br.id) {
			return true
		}
	}
	return false
}

// boxDiff describes how box b differs from box a, and is empty when they
// are the same but for the ids of their quote bars; sharedA and sharedB
// say whether each shares a bar with the box before it.
func boxDiff(a, b *box, sharedA, sharedB bool) string {
	switch {
	case a.h != b.h, a.before != b.before, a.baseline != b.baseline:
		return fmt.Sprintf("height, space above or baseline %v %v %v, want %v %v %v", b.h, b.before, b.baseline, a.h, a.before, a.baseline)
	case a.keepNext != b.keepNext, a.glue != b.glue, a.newPage != b.newPage, a.alone != b.alone:
		return fmt.Sprintf("breaks %v %v %v %v, want %v %v %v %v", b.keepNext, b.glue, b.newPage, b.alone, a.keepNext, a.glue, a.newPage, a.alone)
	case (a.paint == nil) != (b.paint == nil):
		return "one is painted, the other not"
	case sharedA != sharedB:
		return "a quote bar runs on from the box before in one and not in the other"
	}
	x, y := a.ext(), b.ext()
	switch {
	case !slices.Equal(x.notes, y.notes), !slices.Equal(x.anchors, y.anchors):
		return fmt.Sprintf("notes %v and anchors %v, want %v and %v", y.notes, y.anchors, x.notes, x.anchors)
	case (x.mark == nil) != (y.mark == nil), x.mark != nil && *x.mark != *y.mark:
		return fmt.Sprintf("mark %+v, want %+v", y.mark, x.mark)
	case (x.header == nil) != (y.header == nil):
		return "a header row in one, not in the other"
	case len(x.bars) != len(y.bars):
		return fmt.Sprintf("%d quote bars, want %d", len(y.bars), len(x.bars))
	}
	for i := range x.bars {
		if x.bars[i].x != y.bars[i].x {
			return fmt.Sprintf("quote bar at %v, want %v", y.bars[i].x, x.bars[i].x)
		}
	}
	return ""
}

// TestBodyOnAnyNumberOfWorkers writes guides with their body laid out and
// their pages drawn on one, two and four workers, kept from the layout to
// the drawing or drawn as it is laid out, and checks that every PDF and
// its warnings are the same as those of one worker: the pages drawn on
// sheets side by side are replayed as those drawn one after another.
func TestBodyOnAnyNumberOfWorkers(t *testing.T) {
	for name, g := range bodyGuides(t) {
		t.Run(name, func(t *testing.T) {
			for _, keep := range []bool{true, false} {
				var want []byte
				var wantWarns []string
				for _, workers := range []int{1, 2, 4} {
					var b bytes.Buffer
					var warns []string
					opts := Options{Warn: func(pos guide.Pos, msg string) { warns = append(warns, fmt.Sprintf("%d: %s", pos, msg)) }}
					if _, err := write(&b, g, opts, func(w *writer) { w.bodyWorkers, w.keepBoxes = workers, keep }); err != nil {
						t.Fatal(err)
					}
					if want == nil {
						want, wantWarns = b.Bytes(), warns
						continue
					}
					if !bytes.Equal(b.Bytes(), want) {
						t.Errorf("kept %v, %d workers: the PDF differs from the one laid out on one worker", keep, workers)
					}
					if !slices.Equal(warns, wantWarns) {
						t.Errorf("kept %v, %d workers: warnings\n%s\nwant\n%s", keep, workers, strings.Join(warns, "\n"), strings.Join(wantWarns, "\n"))
					}
				}
			}
		})
	}
}
