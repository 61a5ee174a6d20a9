package markdown

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// reading is what reading a note gives: the guide, the diagnostics in the
// order they were made, the error and the number of parts read.
type reading struct {
	guide *guide.Guide
	diags diag.List
	err   string
	parts int
}

// readIn reads text, cut into n parts (1 for one piece).
func readIn(name string, text []byte, opts Options, n int) reading {
	var rd reading
	file := diag.NewFile(name, append([]byte(nil), text...), &rd.diags)
	g, parts, err := read(file, opts, n)
	rd.guide, rd.parts = g, parts
	if err != nil {
		rd.err = err.Error()
	}
	if g != nil {
		// The file sets differ; what they hold is compared as diags.
		g.Files = nil
	}
	return rd
}

// sameReading reads text in one piece and cut into n parts, and fails t
// unless both give the same guide, diagnostics and error. It returns the
// number of parts the note was read in.
func sameReading(t *testing.T, name string, text []byte, opts Options, n int) int {
	t.Helper()
	whole := readIn(name, text, opts, 1)
	cut := readIn(name, text, opts, n)
	if whole.parts != 0 {
		t.Fatalf("%s: read in %d parts when asked for one piece", name, whole.parts)
	}
	if whole.err != cut.err {
		t.Errorf("%s in %d parts: error %q, in one piece %q", name, cut.parts, cut.err, whole.err)
	}
	if !reflect.DeepEqual(whole.diags, cut.diags) {
		t.Errorf("%s in %d parts: diagnostics\n%s\nin one piece\n%s", name, cut.parts, diagLines(cut.diags), diagLines(whole.diags))
	}
	if !reflect.DeepEqual(whole.guide, cut.guide) {
		t.Errorf("%s in %d parts: the guide differs from the one read in one piece:\n%s", name, cut.parts, firstDifference(whole.guide, cut.guide))
	}
	return cut.parts
}

func diagLines(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// firstDifference shows the first line where the dumps of two guides
// differ, or says that only what the dumps do not show differs.
func firstDifference(a, b *guide.Guide) string {
	dump := func(g *guide.Guide) []string {
		if g == nil {
			return []string{"no guide"}
		}
		var s strings.Builder
		if err := guide.Dump(&s, g); err != nil {
			return []string{err.Error()}
		}
		for i, fn := range g.Footnotes {
			fmt.Fprintf(&s, "footnote %d %q at %d\n", i, fn.Label, fn.Pos)
		}
		return strings.Split(s.String(), "\n")
	}
	la, lb := dump(a), dump(b)
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  one piece: %s\n  in parts:  %s", i+1, la[i], lb[i])
		}
	}
	if len(la) != len(lb) {
		return fmt.Sprintf("one piece has %d lines, in parts %d", len(la), len(lb))
	}
	return "(a difference the dump does not show, such as a position)"
}

// TestPartsSameAsWhole reads every note the tests know, cut into parts,
// and holds the guide and diagnostics to those of the note read in one
// piece.
func TestPartsSameAsWhole(t *testing.T) {
	var files []string
	for _, pattern := range []string{
		"testdata/*.md",
		"../driver/testdata/hostile/*.md",
		"../../source/*.md",
		"../../../shared/seed/*.md",
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	cutSome := 0
	for _, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(name)
		opts := Options{Dir: os.DirFS(dir), DirPath: dir}
		for _, n := range []int{2, 3, 7} {
			if sameReading(t, filepath.Base(name), text, opts, n) > 1 {
				cutSome++
			}
		}
	}
	if cutSome < len(files)/2 {
		t.Errorf("only %d of %d readings were cut into parts", cutSome, 3*len(files))
	}
}

// TestPartsLongNote reads a long note as Read does, which cuts it into
// parts by its size.
func TestPartsLongNote(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("a note is read in parts only on more than one core")
	}
	if got := sameReading(t, "long.md", bigNote(1000), Options{}, 0); got < 2 {
		t.Errorf("a long note was read in %d parts", got)
	}
}

// partsNote is a note whose global things (link reference definitions,
// footnotes, repeated and unused definitions, warnings given once a note)
// are spread over the sections a cut separates.
func partsNote(n int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Parts\n---\n\n# Parts\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "## Section %d\n\n", i)
		fmt.Fprintf(&b, "See [the next][ref%d] and [the last][ref%d] section, with a note.[^n%d] Again[^n%d] and [^shared].\n\n", i+1, n, (i%n)+1, i)
		fmt.Fprintf(&b, "[ref%d]: #section-%d \"Section %d\"\n\n", i, i, i)
		fmt.Fprintf(&b, "[^n%d]: Note %d, with **bold** and [a link][ref1].\n\n", i, i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "[^n%d]: Defined again.\n\n[^unused%d]: Never referenced.\n\n", i, i)
			b.WriteString("```sh\n# a comment, not a heading\n\n# another\n```\n\n")
		}
		if i%4 == 0 {
			b.WriteString(strings.Repeat("> ", 14) + "deep\n\n")
			b.WriteString(strings.Repeat("*a ", 18) + "x" + strings.Repeat(" a*", 18) + "\n\n")
			b.WriteString("<!--\n# not a heading\n\n-->\n\n")
			b.WriteString("::: {lang=fr}\n# Titre\n\nTexte [mot]{lang=xx-bad!}.\n:::\n\n")
		}
		fmt.Fprintf(&b, "- **Key %d**: a <b>raw</b> point\n- [bad](javascript:alert(%d))\n\n", i, i)
		b.WriteString("[^shared]: Shared by all.\n\n")
	}
	return []byte(b.String())
}

// TestPartsGlobalDefinitions reads notes whose definitions and references
// cross the cuts.
func TestPartsGlobalDefinitions(t *testing.T) {
	text := partsNote(12)
	for _, n := range []int{2, 3, 5, 8, 12} {
		if got := sameReading(t, "parts.md", text, Options{}, n); got < 2 {
			t.Errorf("asked for %d parts, read in %d", n, got)
		}
	}
}

// TestPartsFallBack reads notes that cannot be cut, or not where the scan
// would: they are read in one piece, the same.
func TestPartsFallBack(t *testing.T) {
	for name, text := range map[string]string{
		"footnote in footnote":    "# A\n\nText[^a].\n\n# B\n\nMore[^b].\n\n[^a]: See[^b].\n\n[^b]: B.\n",
		"html block":              "# A\n\n<pre>\n\n# B\n\ntext\n\n# C\n\n</pre>\n",
		"indented fence":          "# A\n\n- a\n\n  ```\n# B\n\n```\n\n# C\n\ncode?\n\n```\n\n# D\n",
		"unclosed div":            "# A\n\n::: {lang=de}\n\n# B\n\ntext\n\n# C\n",
		"footnote defined in one": "# A\n\nx\n[^0]:[^000]:0\n\n# B\n",
		"comment in footnote":     "# A\n\nA note.[^a]\n\n[^a]: An <!-- unclosed comment.\n\n# B\n\nA <!-- comment --> here.[^b]\n\n[^b]: B.\n",
	} {
		for n := 2; n <= 4; n++ {
			if got := sameReading(t, name, []byte(text), Options{}, n); got != 0 {
				t.Errorf("%s: read in %d parts", name, got)
			}
		}
	}
}

// fragments are pieces of Markdown that notes are made of at random.
var fragments = []string{
	"# Title\n", "## Section\n", "### Sub\n", "#### Topic\n", "#\n", "# [^f1]\n", "# [r1]\n",
	"Text with a [link][r1], [another][R2] and [missing][r9].\n",
	"Text[^f1] and[^f2] and[^f3] and [^missing].\n",
	"![^f2] ![img](pic.png)\n",
	"[r1]: /one\n", "[R2]: /two 'Two'\n", "[r1]: /again\n",
	"[^f1]: First note.\n", "[^f2]: Second\n    note, with a [link][r1].\n", "[^f3]: > quoted\n", "[^f1]: Again.\n",
	"- **Key**: point\n- other\n", "1. one\n2. two\n", "> quote\n> # heading in quote\n",
	"```\n# code\n```\n", "~~~ python\n# code\n\n~~~\n", "<!--\n# comment\n\n-->\n", "    # indented code\n",
	"<div>\n", "</div>\n", "<script>\n", "</script>\n",
	"::: {lang=fr}\n", ":::\n", "::: note\n",
	"$$\nx^2\n$$\n", "$$ a $$\n", "$$\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\n",
	"Term\n: definition\n",
	"---\n", "***bold italic*** and `code` and <b>raw</b>\n",
	"[span]{lang=de} [bad]{lang=!!}\n", "[link](javascript:x)\n",
	strings.Repeat("> ", 14) + "deep\n", strings.Repeat("*a ", 18) + "x" + strings.Repeat(" a*", 18) + "\n",
	"See https://example.org/a_b and www.example.com, or write to me@example.org.\n",
	"She said \"wait and 'see.\n", "A 12\" record, the students' books.\n", "\"Quoted\" and 'quoted'.\n",
	"\n", "\n", "\n", "\n",
}

// randomNote joins k fragments chosen by rng.
func randomNote(rng *rand.Rand, k int) []byte {
	var b strings.Builder
	if rng.IntN(4) == 0 {
		b.WriteString("---\ntitle: Random\nlang: fr\n---\n")
	}
	for range k {
		b.WriteString(fragments[rng.IntN(len(fragments))])
		if rng.IntN(3) == 0 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// TestPartsRandomNotes reads notes made at random from fragments, cut into
// parts and in one piece.
func TestPartsRandomNotes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	count := 1000
	if testing.Short() {
		count = 100
	}
	cut := 0
	for i := range count {
		text := randomNote(rng, 20+rng.IntN(80))
		if sameReading(t, fmt.Sprintf("random%d.md", i), text, Options{}, 2+rng.IntN(6)) > 1 {
			cut++
		}
		if t.Failed() {
			t.Fatalf("note:\n%s", text)
		}
	}
	if cut < count/8 {
		t.Errorf("only %d of %d notes were cut into parts", cut, count)
	}
}

// FuzzParts holds a note cut into parts to the note read in one piece.
func FuzzParts(f *testing.F) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		f.Add(randomNote(rng, 30), uint8(3))
	}
	f.Add(partsNote(4), uint8(4))
	f.Fuzz(func(t *testing.T, text []byte, n uint8) {
		sameReading(t, "fuzz.md", text, Options{}, 2+int(n%6))
	})
}

// BenchmarkReadParts reads a long note in one piece and in parts.
func BenchmarkReadParts(b *testing.B) {
	text := bigNote(4000)
	for _, n := range []int{1, 0} {
		b.Run(fmt.Sprintf("parts=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var list diag.List
				if _, _, err := read(diag.NewFile("big.md", text, &list), Options{}, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLinkifyOnlyWhereNeeded reads notes that hold no address with and
// without goldmark's linkify extension, which looks at every space: the
// guides must be the same, so that leaving it out changes nothing but
// the time taken.
func TestLinkifyOnlyWhereNeeded(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// Tails of lines that leave linkify out: no white space, one space or
	// tab, the two spaces of a hard break (three, four with the space
	// before), a backslash break, a carriage return.
	tails := []string{"", "", " ", "\t", "  ", "   ", "\\", " \\", "\r", " \r", "  \r", "   \r"}
	checked := 0
	for i := range 600 {
		var b strings.Builder
		for range 5 + rng.IntN(30) {
			f := fragments[rng.IntN(len(fragments))]
			f = strings.TrimSuffix(f, "\n")
			b.WriteString(f + tails[rng.IntN(len(tails))] + "\n")
		}
		text := []byte(b.String())
		if mayLinkify(text) {
			continue
		}
		checked++
		plain := readIn("plain.md", text, Options{}, 1)
		linkifyWhen = func([]byte) bool { return true }
		linked := readIn("plain.md", text, Options{}, 1)
		linkifyWhen = mayLinkify
		if !reflect.DeepEqual(plain, linked) {
			t.Fatalf("note %d reads differently with linkify:\n%s\n%q", i, firstDifference(linked.guide, plain.guide), text)
		}
	}
	if checked < 300 {
		t.Errorf("only %d notes were read without linkify", checked)
	}
}

// TestLongNoteCharacters reads a note whose first lines hold a byte order
// mark, a byte that is not UTF-8, a control character and nesting too
// deep, alone and followed by enough text to be read in parts (its
// characters checked while its nesting is cut): the warnings must point
// at the same places.
func TestLongNoteCharacters(t *testing.T) {
	head := "\ufeff# Title\n\n" + strings.Repeat("> ", 20) + "deep\n\nA bad \xff byte and a \x01 control.\n\n"
	var tail strings.Builder
	for i := 0; tail.Len() < 4*partBytes; i++ {
		fmt.Fprintf(&tail, "## Section %d\n\nSome text of section %d.\n\n", i, i)
	}
	short := readIn("note.md", []byte(head), Options{}, 1)
	long := readIn("note.md", []byte(head+tail.String()), Options{}, 0)
	if len(short.diags) != 3 {
		t.Fatalf("the short note has %d warnings, want 3:\n%s", len(short.diags), diagLines(short.diags))
	}
	if !reflect.DeepEqual(short.diags, long.diags[:min(3, len(long.diags))]) {
		t.Errorf("the long note warns\n%s\nthe short one\n%s", diagLines(long.diags), diagLines(short.diags))
	}
}
