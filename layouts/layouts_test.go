package layouts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltInLayoutsLoad(t *testing.T) {
	names := Names()
	if got := strings.Join(names, ","); got != "a4,a5,half-letter,large-print,letter" {
		t.Fatalf("Names() = %v", got)
	}
	for _, n := range names {
		l, err := Load(n)
		if err != nil {
			t.Fatal(err)
		}
		if l.Name != n {
			t.Errorf("%s.yaml says name %q", n, l.Name)
		}
		if l.Description == "" {
			t.Errorf("%s has no description", n)
		}
		if l.Extends != "" {
			t.Errorf("%s: a loaded layout still says it extends %q", n, l.Extends)
		}
	}
}

// The sizes a teacher relies on: what "studyguide layouts" promises.
func TestBuiltInSizes(t *testing.T) {
	for _, c := range []struct {
		name          string
		width, height float64
		body          float64
		sheet         Paper
	}{
		{"a4", 210, 297, 11, "a4"},
		{"letter", 215.9, 279.4, 11, "letter"},
		{"a5", 148, 210, 9.5, "a4"},
		{"half-letter", 139.7, 215.9, 9.5, "letter"},
		{"large-print", 210, 297, 14, "a4"},
	} {
		l, err := Load(c.name)
		if err != nil {
			t.Fatal(err)
		}
		if l.PageWidth != c.width || l.PageHeight != c.height || l.BodySize != c.body || l.Sheet != c.sheet {
			t.Errorf("%s: %gx%g mm, body %g pt, sheet %s; want %gx%g, %g, %s",
				c.name, l.PageWidth, l.PageHeight, l.BodySize, l.Sheet, c.width, c.height, c.body, c.sheet)
		}
	}
}

// Half of each sheet holds one page of the layouts made for folding.
func TestFoldingLayoutsFillHalfASheet(t *testing.T) {
	for _, name := range []string{"a5", "half-letter"} {
		l, _ := Load(name)
		w, h := l.SheetSize()
		if w <= h {
			t.Errorf("%s: sheet %gx%g is not landscape", name, w, h)
		}
		if d := w/2 - l.PageWidth; d < -0.5 || d > 0.5 {
			t.Errorf("%s: half the sheet is %g mm wide, the page %g", name, w/2, l.PageWidth)
		}
		if d := h - l.PageHeight; d < -0.5 || d > 0.5 {
			t.Errorf("%s: the sheet is %g mm high, the page %g", name, h, l.PageHeight)
		}
	}
}

func TestLargePrint(t *testing.T) {
	big, _ := Load("large-print")
	a4, _ := Load("a4")
	if big.BodySize < 14 || big.Leading < a4.Leading {
		t.Errorf("large print: body %g pt, leading %g", big.BodySize, big.Leading)
	}
	if big.SmallSize < 12 {
		t.Errorf("large print sets notes and page numbers at %g pt", big.SmallSize)
	}
	for i, s := range big.HeadingSize {
		if s < big.BodySize {
			t.Errorf("heading level %d (%g pt) is smaller than the body", i+1, s)
		}
	}
}

// write puts a layout file in dir and returns its path.
func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtendsBuiltIn(t *testing.T) {
	p := write(t, t.TempDir(), "roomy.yaml", "extends: a4\nbody_size: 12\nfonts:\n  body: sans\nfooter: page\n")
	l, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	a4, _ := Load("a4")
	if l.Name != "roomy" || l.BodySize != 12 || l.Fonts.Body != "sans" || l.Footer != FooterPage {
		t.Errorf("got %+v", l)
	}
	// Everything the file does not set comes from a4.
	if l.PageWidth != a4.PageWidth || l.Fonts.Headings != a4.Fonts.Headings || l.MarginInner != a4.MarginInner || l.Header != a4.Header {
		t.Errorf("did not inherit from a4: %+v", l)
	}
}

func TestExtendsFileBesideIt(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "base.yaml", "extends: a5\nname: base\ndescription: mine\nbody_size: 10\n")
	p := write(t, dir, "child.yaml", "extends: base.yaml\nleading: 1.5\n")
	l, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if l.BodySize != 10 || l.Leading != 1.5 || l.PageWidth != 148 || !l.Mirrored {
		t.Errorf("got %+v", l)
	}
}

func TestLayoutErrorsNameFileAndLine(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"unknown key", "extends: a4\nbody_size: 12\npage_colour: red\n", []string{"mine.yaml:3: unknown key page_colour"}},
		{"wrong type", "extends: a4\nbody_size: large\n", []string{`mine.yaml:2: "large" is not a number`}},
		{"out of range", "extends: a4\n\nbody_size: 80\n", []string{"mine.yaml:3:", "body_size", "80"}},
		{"nested value", "extends: a4\nfonts:\n  body: comic\n", []string{"mine.yaml:3:", "fonts.body", "comic"}},
		{"list entry", "extends: a4\nheading_size: [16, 0.5]\n", []string{"mine.yaml:2:", "heading_size[2]"}},
		{"header word", "extends: a4\nheader: everything\n", []string{"mine.yaml:2:", "header", "title-and-section"}},
		{"sheet", "extends: a4\nsheet: b5\n", []string{"mine.yaml:2:", "sheet", "a3, a4, legal, letter, tabloid"}},
		{"unknown base", "\nextends: a6\n", []string{"mine.yaml:2:", "a6", "a4, a5"}},
		{"missing base file", "extends: ./nowhere.yaml\n", []string{"mine.yaml:1:", "nowhere.yaml"}},
		{"nothing given", "name: bare\n", []string{"mine.yaml: page_width is missing", "extends: a4"}},
		{"not a mapping", "- a4\n", []string{"mine.yaml:1:", "mapping"}},
		{"bad yaml", "extends: a4\nbody_size: [12\n", []string{"mine.yaml:1: did not find expected"}},
		{"margins", "extends: a4\nmargin_inner: 90\n", []string{"mine.yaml:2:", "margin_inner"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "mine.yaml", c.text)
			_, err := Load(p)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v; want %q in it", err, w)
				}
			}
		})
	}
}

func TestExtendsLoopIsAnError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "extends: b.yaml\n")
	p := write(t, dir, "b.yaml", "extends: a.yaml\n")
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "loop") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownLayoutListsBuiltIns(t *testing.T) {
	_, err := Load("tabloid")
	if err == nil || !strings.Contains(err.Error(), "a4, a5, half-letter, large-print, letter") {
		t.Fatalf("err = %v", err)
	}
}
