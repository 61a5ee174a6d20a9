package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// writeFile writes g as a PDF into a temporary folder and returns its path.
func writeFile(t *testing.T, g *guide.Guide, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "guide.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQPDFCheckIsClean(t *testing.T) {
	checkers.Require(t, "qpdf")
	for _, name := range layouts.Names() {
		t.Run(name, func(t *testing.T) {
			lay, err := layouts.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			out := checkers.Run(t, "qpdf", "--check", writeFile(t, sampleGuide(), Options{Layout: lay}))
			if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

func TestEveryFontIsEmbedded(t *testing.T) {
	for _, l := range checkers.Unembedded(checkers.PDFFonts(t, writeFile(t, sampleGuide(), Options{}))) {
		t.Errorf("font not embedded: %s", l)
	}
}

func TestFontsAreNamedAsSubsets(t *testing.T) {
	// pdffonts: name, type, encoding, then "yes" or "no" for embedded,
	// subset and ToUnicode.
	tagged := regexp.MustCompile(`^[A-Z]{6}\+(NotoSerif|NotoSans|NotoSansMono|DejaVuSans|NotoSansMath)-?[A-Za-z]*$`)
	for _, l := range checkers.PDFFonts(t, writeFile(t, sampleGuide(), Options{})) {
		f := strings.Fields(l)
		if len(f) < 7 || !tagged.MatchString(f[0]) || f[len(f)-4] != "yes" {
			t.Errorf("not named as a subset of an embedded font: %s", l)
		}
	}
}

func TestMetadata(t *testing.T) {
	checkers.Require(t, "pdfinfo")
	out := checkers.Run(t, "pdfinfo", writeFile(t, sampleGuide(), Options{}))
	for _, want := range []string{
		"Title:           The Water Cycle and Climate",
		"Author:          Ada Example, Ben Sample",
		"Subject:         Key points, terms and dates of the water cycle.",
		"Creator:         studyguide",
		"CreationDate:    Sat Mar  2 10:00:00 2024 UTC",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

// wordsOf splits text into words of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestEveryWordIsInTheText(t *testing.T) {
	checkers.Require(t, "pdftotext")
	g := sampleGuide()
	text := checkers.Run(t, "pdftotext", writeFile(t, g, Options{}), "-")
	// Lines may break inside a word that is longer than a line, so compare
	// against the text with all white space removed.
	flat := strings.Join(strings.Fields(text), "")
	for _, w := range wordsOf(g.Text()) {
		if !strings.Contains(flat, w) {
			t.Errorf("word %q is missing from the PDF's text", w)
		}
	}
	for _, s := range []string{"≤", "≥", "≠", "→", "✓", "ύδωρ", "круговорот", "Łódź", "\uFFFD"} {
		if !strings.Contains(text, s) {
			t.Errorf("%q is missing from the PDF's text", s)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func TestOutlineMirrorsSections(t *testing.T) {
	checkers.Require(t, "qpdf")
	g := sampleGuide()
	out := checkers.Run(t, "qpdf", "--json", "--json-key=outlines", writeFile(t, g, Options{}))
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	var flatten func(os []outline, depth int)
	flatten = func(os []outline, depth int) {
		for _, o := range os {
			got = append(got, strings.Repeat("  ", depth)+o.Title)
			flatten(o.Kids, depth+1)
		}
	}
	flatten(doc.Outlines, 0)
	g.WalkSections(func(s *guide.Section) bool {
		want = append(want, strings.Repeat("  ", s.Level-1)+s.Title)
		return true
	})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var tocEntry = regexp.MustCompile(`^\s*(.*?)(?:\s*\.)*\s+(\d+)$`)

// pageTexts returns the text of each page, laid out, from page 1.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	return checkers.PDFText(t, path, "-layout")
}

func TestTableOfContentsPageNumbers(t *testing.T) {
	checkers.Require(t, "pdftotext")
	for _, g := range []*guide.Guide{sampleGuide(), longGuide(60)} {
		pages := pageTexts(t, writeFile(t, g, Options{}))
		toc := map[string]int{}
		lastTOC := 0
		for i, p := range pages {
			lines := strings.Split(p, "\n")
			if !strings.Contains(p, "Contents") {
				continue
			}
			for _, l := range lines {
				if m := tocEntry.FindStringSubmatch(l); m != nil && strings.Contains(l, ". .") {
					n, _ := strconv.Atoi(m[2])
					toc[m[1]] = n
					lastTOC = i + 1
				}
			}
		}
		// The page of a heading is the first page after the contents with
		// a line that is the title alone.
		heading := func(title string) int {
			for i := lastTOC; i < len(pages); i++ {
				for _, l := range strings.Split(pages[i], "\n") {
					if strings.TrimSpace(l) == title {
						return i + 1
					}
				}
			}
			return 0
		}
		g.WalkSections(func(s *guide.Section) bool {
			n, ok := toc[s.Title]
			if !ok {
				t.Errorf("%s: no contents entry", s.Title)
				return true
			}
			if h := heading(s.Title); h != n {
				t.Errorf("%s: contents says page %d, heading is on page %d", s.Title, n, h)
			}
			return true
		})
		if len(toc) == 0 {
			t.Error("no contents entries found")
		}
	}
}

func TestRebuildIsByteIdentical(t *testing.T) {
	var first []byte
	for i := range 6 {
		var b bytes.Buffer
		if err := Write(&b, sampleGuide(), Options{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
			continue
		}
		if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("build %d differs from the first", i+1)
		}
	}
}

func TestLinks(t *testing.T) {
	checkers.Require(t, "qpdf")
	path := writeFile(t, sampleGuide(), Options{})
	out := checkers.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
	if !strings.Contains(out, "/URI (https://example.org/water-cycle)") {
		t.Error("the external link is missing")
	}
	// Contents entries, the links to a section, a key point and a
	// footnote, and the footnote references are all internal links.
	if n := strings.Count(out, "/Dest ["); n < 10 {
		t.Errorf("found %d internal links, want at least 10", n)
	}
	if !strings.Contains(out, "/Lang (en)") {
		t.Error("the catalog has no /Lang")
	}
}

// toolOn runs a tool on a PDF given as bytes, skipping the test when the tool
// is missing (or failing it, as checkers.Require does).
func toolOn(t *testing.T, name string, pdf []byte, args ...string) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return checkers.Output(t, name, append(args, path)...)
}
