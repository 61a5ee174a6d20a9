package impose

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

// The external checkers are the real tools a reader's world uses. Tests that
// need one skip when it is missing, unless STUDYGUIDE_REQUIRE_CHECKERS is set
// (as in CI), where a missing tool is a failure.
func requireTool(t *testing.T, name string) {
	t.Helper()
	_, err := exec.LookPath(name)
	if err == nil {
		return
	}
	if os.Getenv("STUDYGUIDE_REQUIRE_CHECKERS") != "" {
		t.Fatalf("%s is required but missing: %v", name, err)
	}
	t.Skipf("%s not installed: %v", name, err)
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	requireTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// markers are the words that mark the section pages of the test guide.
var markers = []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"}

// markedGuide returns a guide whose sections each start a page and say
// their marker word, in bold, on it.
func markedGuide() *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{
		Title:      "Imposition Test (with parentheses)",
		Authors:    []string{"Ada Example"},
		Lang:       "en",
		Identifier: "urn:test:impose",
	}}
	for i, m := range markers {
		g.Sections = append(g.Sections, &guide.Section{
			ID: fmt.Sprintf("part-%d", i+1), Title: fmt.Sprintf("Part %d", i+1),
			Level: 1, HeadingLevel: 2,
			// A glossary opens a page of its own.
			Kind: guide.Glossary,
			Blocks: []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{
				&guide.Text{Text: "The marker of this page is "},
				&guide.Strong{Children: []guide.Inline{&guide.Text{Text: m}}},
				&guide.Text{Text: "."},
			}}},
		})
	}
	return g
}

// markedPDF writes the marked guide in a layout.
func markedPDF(layout string) ([]byte, error) {
	lay, err := layouts.Load(layout)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, markedGuide(), pdf.Options{Layout: lay}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func source(t *testing.T, layout string) []byte {
	t.Helper()
	b, err := markedPDF(layout)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mm(x float64) float64 { return x * 72 / 25.4 }

var a4 = Sheet{Width: mm(297), Height: mm(210)}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// text returns the words pdftotext finds on page n of file, within the
// rectangle x, y, w, h (in points, from the top left) when w > 0.
func text(t *testing.T, file string, n int, x, y, w, h int) string {
	t.Helper()
	args := []string{"-f", strconv.Itoa(n), "-l", strconv.Itoa(n)}
	if w > 0 {
		args = append(args, "-x", strconv.Itoa(x), "-y", strconv.Itoa(y), "-W", strconv.Itoa(w), "-H", strconv.Itoa(h))
	}
	return strings.Join(strings.Fields(run(t, "pdftotext", append(args, file, "-")...)), " ")
}

func pageCount(t *testing.T, file string) int {
	t.Helper()
	for _, l := range strings.Split(run(t, "pdfinfo", file), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("pdfinfo shows no page count")
	return 0
}

// TestImposedHalvesShowTheirPages imposes the marked guide and checks,
// for every sheet side, that the text of each half is the text of the
// source page Order puts there (nothing for a blank), and that each
// marker is in its page's half and nowhere else on the side.
func TestImposedHalvesShowTheirPages(t *testing.T) {
	requireTool(t, "pdftotext")
	for _, layout := range []string{"a5", "a4"} {
		src := source(t, layout)
		srcFile := writeTemp(t, "source.pdf", src)
		n := pageCount(t, srcFile)
		pageText := make([]string, n+1)
		markerPage := map[string]int{}
		for p := 1; p <= n; p++ {
			pageText[p] = text(t, srcFile, p, 0, 0, 0, 0)
			for _, m := range markers {
				if strings.Contains(pageText[p], "marker of this page is "+m) {
					markerPage[m] = p
				}
			}
		}
		if len(markerPage) != len(markers) {
			t.Fatalf("%s: the source shows the markers on pages %v", layout, markerPage)
		}
		for _, mode := range []Mode{TwoUp, Booklet} {
			t.Run(layout+"-"+mode.String(), func(t *testing.T) {
				var out bytes.Buffer
				if err := Impose(&out, src, mode, a4); err != nil {
					t.Fatal(err)
				}
				file := writeTemp(t, "imposed.pdf", out.Bytes())
				sides := Order(n, mode)
				if got := pageCount(t, file); got != len(sides) {
					t.Fatalf("%d sheet sides, want %d", got, len(sides))
				}
				half := a4.Width / 2
				h := int(math.Ceil(a4.Height))
				left := func(s int) string { return text(t, file, s, 0, 0, int(half), h) }
				right := func(s int) string { return text(t, file, s, int(math.Ceil(half)), 0, int(half), h) }
				for i, side := range sides {
					l, r := left(i+1), right(i+1)
					if l != pageText[side.Left] {
						t.Errorf("side %d, left: %q, want page %d: %q", i+1, l, side.Left, pageText[side.Left])
					}
					if r != pageText[side.Right] {
						t.Errorf("side %d, right: %q, want page %d: %q", i+1, r, side.Right, pageText[side.Right])
					}
					for _, m := range markers {
						p := markerPage[m]
						inL, inR := strings.Contains(l, m), strings.Contains(r, m)
						if inL != (p == side.Left) || inR != (p == side.Right) {
							t.Errorf("side %d (%d|%d): marker %s of page %d is left %t, right %t", i+1, side.Left, side.Right, m, p, inL, inR)
						}
					}
				}
			})
		}
	}
}

func TestImposedFileIsValid(t *testing.T) {
	src := source(t, "a5")
	for _, mode := range []Mode{TwoUp, Booklet} {
		t.Run(mode.String(), func(t *testing.T) {
			var out bytes.Buffer
			if err := Impose(&out, src, mode, a4); err != nil {
				t.Fatal(err)
			}
			file := writeTemp(t, "imposed.pdf", out.Bytes())

			check := run(t, "qpdf", "--check", file)
			if !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(check), "warning") {
				t.Errorf("qpdf --check:\n%s", check)
			}

			fonts := strings.Split(strings.TrimSpace(run(t, "pdffonts", file)), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			for _, l := range fonts[2:] {
				// name type... encoding emb sub uni object ID: emb is the
				// fifth field from the end.
				if f := strings.Fields(l); len(f) < 6 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}

			info := run(t, "pdfinfo", file)
			for _, want := range []string{
				"Title:           Imposition Test (with parentheses)",
				"Author:          Ada Example",
				"Page size:       841.89 x 595.28 pts (A4)",
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

func TestImposeIsByteIdentical(t *testing.T) {
	src := source(t, "a5")
	for _, mode := range []Mode{TwoUp, Booklet} {
		var first bytes.Buffer
		if err := Impose(&first, src, mode, a4); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			var again bytes.Buffer
			if err := Impose(&again, src, mode, a4); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), again.Bytes()) {
				t.Fatalf("%s: a second imposition differs from the first", mode)
			}
		}
	}
}

// TestResourcesAreShared checks that each font and the page resources are
// copied once, however many pages use them, and that links and the
// outline are gone.
func TestResourcesAreShared(t *testing.T) {
	src := source(t, "a5")
	var out bytes.Buffer
	if err := Impose(&out, src, Booklet, a4); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	if got, want := bytes.Count(b, []byte("/FontFile2")), bytes.Count(src, []byte("/FontFile2")); got != want {
		t.Errorf("%d font files, the source has %d", got, want)
	}
	if n := bytes.Count(b, []byte("/Subtype /Form")); n != pageCountOf(t, src) {
		t.Errorf("%d forms for %d pages", n, pageCountOf(t, src))
	}
	for _, gone := range []string{"/Annots", "/Outlines", "/Dest"} {
		if bytes.Contains(b, []byte(gone)) {
			t.Errorf("the imposed file has %s", gone)
		}
	}
	for _, kept := range []string{"/Lang (en)", "/Duplex /DuplexFlipShortEdge"} {
		if !bytes.Contains(b, []byte(kept)) {
			t.Errorf("the imposed file lacks %s", kept)
		}
	}
}

func pageCountOf(t *testing.T, src []byte) int {
	t.Helper()
	d, err := read(src)
	if err != nil {
		t.Fatal(err)
	}
	return len(d.pages)
}
