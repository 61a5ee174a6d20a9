package pdf

import (
	"io"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/layouts"
)

// testWriter returns a writer for g on the default layout, with warnings
// collected into warns.
func testWriter(t *testing.T, g *guide.Guide, warns *[]string) *writer {
	t.Helper()
	lay, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(g, lay, func(_ guide.Pos, msg string) {
		if warns != nil {
			*warns = append(*warns, msg)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func body(w *writer) textStyle {
	return textStyle{fam: bodyFam, size: w.lay.BodySize, color: colorText}
}

// lineText returns the text of a line as it is printed: its pieces' text,
// with the spaces they carry.
func lineText(l line) string {
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// gapText returns the text of a line as a reader sees it: the pieces'
// text without their spaces, with one space where the line has a gap
// between pieces.
func gapText(l line) string {
	var b strings.Builder
	end := 0.0
	for i, p := range l.pieces {
		if i > 0 && p.x > end+0.01 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(p.text))
		end = p.x + p.w
	}
	return b.String()
}

func TestLinesFitAndKeepEveryWord(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	text := "Heat from the Sun turns surface water into water vapour. When the vapour rises it cools and condenses into droplets around tiny particles."
	in := []guide.Inline{txt("Heat from the Sun turns surface water into "), strong(txt("water vapour")), txt(". When the vapour rises it cools and "), emph(txt("condenses")), txt(" into droplets around tiny particles.")}
	for _, width := range []float64{30, 60, 100, 160} {
		lines := w.typeset(in, body(w), width)
		var got, seen []string
		for _, l := range lines {
			if l.w > width+1e-6 {
				t.Errorf("width %g: line %q is %g wide", width, lineText(l), l.w)
			}
			got = append(got, lineText(l))
			seen = append(seen, gapText(l))
		}
		// The text printed reads on from line to line with its spaces,
		// and the words are placed as it reads.
		if strings.Join(got, "") != text {
			t.Errorf("width %g: lines %q do not read %q", width, got, text)
		}
		if strings.Join(seen, " ") != text {
			t.Errorf("width %g: lines %q are not placed to read %q", width, seen, text)
		}
	}
}

func TestPlainLineIsOnePiece(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	lines := w.typeset([]guide.Inline{txt("one two three four")}, body(w), 200)
	if len(lines) != 1 || len(lines[0].pieces) != 1 {
		t.Fatalf("got %d lines, first with %d pieces; want one line of one piece", len(lines), len(lines[0].pieces))
	}
}

func TestLongWordIsBrokenBetweenCharacters(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	long := strings.Repeat("abcdefghij", 20)
	lines := w.typeset([]guide.Inline{txt("short " + long + " end")}, body(w), 50)
	var all strings.Builder
	for _, l := range lines {
		if l.w > 50+1e-6 {
			t.Errorf("line %q is %g wide", lineText(l), l.w)
		}
		all.WriteString(lineText(l))
	}
	if got := all.String(); got != "short "+long+" end" {
		t.Errorf("text changed: %q", got)
	}
	if len(lines) < 4 {
		t.Errorf("got %d lines, want the long word broken over several", len(lines))
	}
}

func TestMissingGlyphsFallBackOrAreReplaced(t *testing.T) {
	var warns []string
	w := testWriter(t, &guide.Guide{}, &warns)
	lines := w.typeset([]guide.Inline{txt("a ≤ b → c 🌧 ύδωρ")}, body(w), 200)
	faceOf := map[string]string{}
	for _, p := range lines[0].pieces {
		for _, r := range p.text {
			faceOf[string(r)] = w.fs.faces[p.face()].Family
		}
	}
	for r, want := range map[string]string{"a": "serif", "≤": "symbols", "→": "symbols", "ύ": "serif", "\uFFFD": "symbols"} {
		if faceOf[r] != want {
			t.Errorf("%q is set in %q, want %q", r, faceOf[r], want)
		}
	}
	if _, ok := faceOf["🌧"]; ok {
		t.Error("a rune above U+FFFF reached the PDF")
	}
	if got := string(w.ts.missing.runes); got != "🌧" {
		t.Errorf("missing characters %q, want the emoji alone", got)
	}
}

// However often and wherever the notes use characters no font has, the
// PDF reports them in one warning that names each and where it stands.
func TestMissingCharactersAreOneWarning(t *testing.T) {
	text := "# Rain 🌧\n\nSun ☀ and 🌧 again, 中文.\n\n    code 🌧\n"
	src := diag.NewFile("weather.md", []byte(text), &diag.List{})
	at := func(s string) guide.Pos { return guide.Pos(strings.Index(text, s)) }
	g := &guide.Guide{Files: src.Set(), Meta: guide.Meta{Title: "Rain 🌧"}, Sections: []*guide.Section{{
		ID: "s", Title: "Rain 🌧", Pos: at("Rain"), Level: 1,
		Blocks: []guide.Block{
			&guide.Paragraph{Pos: at("Sun"), Inlines: []guide.Inline{&guide.Text{Pos: at("Sun"), Text: "Sun ☀ and 🌧 again, 中文."}}},
			&guide.CodeBlock{Pos: at("code"), Text: "code 🌧\n"},
		},
	}}}
	var msgs []string
	if err := Write(io.Discard, g, Options{Warn: func(_ guide.Pos, m string) { msgs = append(msgs, m) }}); err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, m := range msgs {
		if strings.Contains(m, "no embedded font") {
			missing = append(missing, m)
		}
	}
	if len(missing) != 1 {
		t.Fatalf("%d warnings about missing characters: %q", len(missing), missing)
	}
	for _, want := range []string{`"🌧" (U+1F327)`, `"中" (U+4E2D)`, `"文" (U+6587)`, "1:3", "3:1", "5:5"} {
		if !strings.Contains(missing[0], want) {
			t.Errorf("the warning lacks %s: %s", want, missing[0])
		}
	}
	if strings.Contains(missing[0], "☀") {
		t.Errorf("the sun has a glyph in the symbols face: %s", missing[0])
	}
}

// In a guide of several notes, the warning names the note of each place
// that is not in the note it is reported at.
func TestMissingCharactersInTwoNotes(t *testing.T) {
	set := diag.NewFileSet(nil)
	one := set.AddFile("one.md", []byte("# Rain 🌧\n"))
	two := set.AddFile("two.md", []byte("# Sun\n\nSun 中 again.\n"))
	g := &guide.Guide{Files: set, Meta: guide.Meta{Title: "Weather"}, Sections: []*guide.Section{
		{ID: "rain", Title: "Rain 🌧", Pos: one.Pos(0), Level: 1},
		{ID: "sun", Title: "Sun", Pos: two.Pos(0), Level: 1, Blocks: []guide.Block{
			&guide.Paragraph{Pos: two.Pos(7), Inlines: []guide.Inline{&guide.Text{Pos: two.Pos(7), Text: "Sun 中 again."}}},
		}},
	}}
	var msgs []string
	var at []guide.Pos
	if err := Write(io.Discard, g, Options{Warn: func(p guide.Pos, m string) { msgs, at = append(msgs, m), append(at, p) }}); err != nil {
		t.Fatal(err)
	}
	for i, m := range msgs {
		if !strings.Contains(m, "no embedded font") {
			continue
		}
		if set.File(at[i]) != one || !strings.Contains(m, "at 1:1, two.md:3:1;") {
			t.Errorf("warning at %s: %s", set.Position(at[i]), m)
		}
		return
	}
	t.Fatalf("no warning about missing characters: %q", msgs)
}

func TestHardBreakStartsALine(t *testing.T) {
	w := testWriter(t, &guide.Guide{}, nil)
	lines := w.typeset([]guide.Inline{txt("first"), &guide.Break{Hard: true}, txt("second")}, body(w), 200)
	if len(lines) != 2 || lineText(lines[0]) != "first " || lineText(lines[1]) != "second" {
		t.Fatalf("got %d lines, want %q and %q", len(lines), "first ", "second")
	}
}

func TestFootnoteReferenceIsARaisedLink(t *testing.T) {
	g := &guide.Guide{Footnotes: []*guide.Footnote{{ID: "fn-1", Blocks: []guide.Block{para(txt("A note."))}}}}
	w := testWriter(t, g, nil)
	lines := w.typeset([]guide.Inline{txt("Text"), &guide.FootnoteRef{Index: 0}, txt(" more.")}, body(w), 200)
	if len(lines) != 1 || len(lines[0].notes()) != 1 || lines[0].notes()[0] != 0 {
		t.Fatalf("line notes = %v, want [0]", lines[0].notes())
	}
	var sup *piece
	for i := range lines[0].pieces {
		if strings.TrimSpace(lines[0].pieces[i].text) == "1" {
			sup = &lines[0].pieces[i]
		}
	}
	if sup == nil || sup.look().rise <= 0 || sup.look().link == 0 || sup.size() >= w.lay.BodySize {
		t.Fatalf("footnote number = %+v, want a small raised link", sup)
	}
}

// TestSpacesArePrintedInTheGaps checks that the spaces between words are
// in the text printed, for those who read it other than by looking, and
// unseen: a space that ends a piece fits in the gap before the next, one
// that starts a piece (after a formula, which cannot carry it) is printed
// in the gap before its text, and a line that wraps ends with one.
func TestSpacesArePrintedInTheGaps(t *testing.T) {
	g := &guide.Guide{Footnotes: []*guide.Footnote{{ID: "fn-1", Blocks: []guide.Block{para(txt("A note."))}}}}
	w := testWriter(t, g, nil)
	in := []guide.Inline{
		txt("Heat turns "), strong(txt("water")), txt(" into "), formulaNode(t, "x^2", false), txt(" vapour, "),
		emph(txt("which rises")), &guide.FootnoteRef{Index: 0}, txt(" and cools around "), &guide.Code{Text: "aerosols"},
		txt(" called "), link("https://example.org", txt("nuclei")), txt(" in ύδωρ."),
	}
	// The formula prints no text: the spaces on its two sides remain.
	want := "Heat turns water into  vapour, which rises1 and cools around aerosols called nuclei in ύδωρ."
	for _, width := range []float64{25, 40, 70, 200} {
		lines := w.typeset(in, body(w), width)
		var got []string
		for _, l := range lines {
			got = append(got, lineText(l))
			end := 0.0
			for i, p := range l.pieces {
				if i > 0 && p.x-p.lead < end-1e-6 {
					t.Errorf("width %g: the space before %q is printed over the text before it", width, p.text)
				}
				end = p.x + p.w
				if strings.HasSuffix(p.text, " ") && i+1 < len(l.pieces) {
					if next := l.pieces[i+1]; end+w.m.width(p.face(), p.size(), " ") > next.x-next.lead+1e-6 {
						t.Errorf("width %g: the space after %q is printed over %q", width, p.text, next.text)
					}
				}
				if p.lead > 0 && !strings.HasPrefix(p.text, " ") {
					t.Errorf("width %g: piece %q is printed a space before its place, with no space", width, p.text)
				}
			}
		}
		if strings.Join(got, "") != want {
			t.Errorf("width %g: lines %q do not read %q", width, got, want)
		}
	}
}

// TestPieceKey checks that pieces printed alike share a key however many
// styles were asked for between them, and that a piece gives back the
// style it was made with.
func TestPieceKey(t *testing.T) {
	var c styleCache
	base := pieceStyle{face: 1, size: 10, look: look{color: colorText}}
	linked := base
	linked.look.link, linked.look.page = 7, 3
	first := piece{key: c.key(base)}
	for i := range 2 * styleCacheSize {
		other := base
		other.size = float64(11 + i)
		c.key(other)
	}
	if again := c.key(base); again != first.key {
		t.Errorf("the same style gave keys %v and %v", first.key, again)
	}
	p := piece{key: c.key(linked)}
	if p.key == first.key {
		t.Error("a link made no difference to the key")
	}
	if got := p.styleOf(); got != linked {
		t.Errorf("styleOf = %+v; want %+v", got, linked)
	}
	if got := (&piece{}).styleOf(); got != (pieceStyle{}) {
		t.Errorf("a piece made without a style has %+v", got)
	}
}
