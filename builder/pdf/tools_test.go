package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// need skips the test when an external tool is not installed.
func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := osexec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed", tool)
	}
}

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

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := osexec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestQPDFCheckIsClean(t *testing.T) {
	need(t, "qpdf")
	for _, name := range layouts.Names() {
		t.Run(name, func(t *testing.T) {
			lay, err := layouts.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			out := tool(t, "qpdf", "--check", writeFile(t, sampleGuide(), Options{Layout: lay}))
			if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

func TestEveryFontIsEmbedded(t *testing.T) {
	need(t, "pdffonts")
	out := tool(t, "pdffonts", writeFile(t, sampleGuide(), Options{}))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is the fifth
		// field from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

func TestMetadata(t *testing.T) {
	need(t, "pdfinfo")
	out := tool(t, "pdfinfo", writeFile(t, sampleGuide(), Options{}))
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
	need(t, "pdftotext")
	g := sampleGuide()
	text := tool(t, "pdftotext", writeFile(t, g, Options{}), "-")
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
	need(t, "qpdf")
	g := sampleGuide()
	out := tool(t, "qpdf", "--json", "--json-key=outlines", writeFile(t, g, Options{}))
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
	out := tool(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(out, "\f")
	return pages[:len(pages)-1]
}

func TestTableOfContentsPageNumbers(t *testing.T) {
	need(t, "pdftotext")
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
	need(t, "qpdf")
	path := writeFile(t, sampleGuide(), Options{})
	out := tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
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
// is missing.
func toolOn(t *testing.T, name string, pdf []byte, args ...string) (string, error) {
	t.Helper()
	need(t, name)
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := osexec.Command(name, append(args, path)...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s: %v\n%s", name, err, out)
	}
	return string(out), nil
}
