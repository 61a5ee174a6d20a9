package driver

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// manualNote is a manual as such documents are written: its notes in
// docs/, its pictures in a sibling images/ folder, a picture in a folder
// that is not given, and web addresses that no URI may hold as written
// (an autolink that ends in a quote, spaces, braces, a bar, a second "#",
// a character beyond ASCII).
var manualNote = filepath.Join("testdata", "manual", "docs", "guide.md")

// manualWithResources builds the manual with its images folder as a
// resources folder.
var manualWithResources = Options{Resources: []string{filepath.Join("testdata", "manual", "images")}}

// TestManualWithResources builds the manual with its images folder as a
// resources folder: the pictures there are packed, the one elsewhere is a
// warning, and the EPUB passes epubcheck with every address a valid URI.
func TestManualWithResources(t *testing.T) {
	b := buildOnce(t, manualNote, manualWithResources)
	out := b.dir
	if len(b.diagnostic) != 1 || !strings.Contains(b.diagnostic[0].String(), `guide.md:26:21: warning: image "../common/logo.svg" leaves the note's folder; it is not read`) {
		t.Errorf("diagnostics: %v", b.diagnostic)
	}
	epub := filepath.Join(out, "guide.epub")
	entries := epubContents(t, epub)
	pictures := 0
	for name := range entries {
		if strings.HasPrefix(name, "EPUB/images/") {
			pictures++
		}
	}
	if pictures != 2 {
		t.Errorf("the EPUB holds %d pictures, want the 2 of images/", pictures)
	}
	var text, hrefs strings.Builder
	for name, data := range entries {
		if strings.HasSuffix(name, ".xhtml") {
			text.WriteString(xhtmlText(t, data))
			for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllSubmatch(data, -1) {
				hrefs.WriteString(string(m[1]) + "\n")
			}
		}
	}
	if !strings.Contains(text.String(), "the common logo") {
		t.Error("the EPUB does not show the alt text of the picture left out")
	}
	for _, want := range []string{
		"https://cloud.seafile.com/%22\n",
		"https://de.wikipedia.org/wiki/%C3%9Cbersetzung\n",
		"https://manual.seafile.com/latest/config/seafile-conf/#%5Bsection%5D%20options\n",
		"https://help.seafile.com/faq/?q=sync%20error&amp;lang=en%7Cfr#top%23again\n",
		"https://forum.seafile.com/search?q=%7Berror%7D\n",
	} {
		if !strings.Contains(hrefs.String(), want) {
			t.Errorf("no link to %q; the links are:\n%s", want, hrefs.String())
		}
	}
	if problems := epubcheckVerdict(t, epub).Problems(); len(problems) > 0 {
		t.Errorf("epubcheck:\n%s", strings.Join(problems, "\n"))
	}
	if out := qpdfCheck(t, filepath.Join(out, "guide.pdf")); out != "" {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// TestManualWithoutResources builds the manual as it is: each picture in
// a sibling folder is a warning, the build goes on and gives an EPUB that
// passes epubcheck.
func TestManualWithoutResources(t *testing.T) {
	b := buildOnce(t, manualNote, Options{})
	out := b.dir
	var said []string
	for _, d := range b.diagnostic {
		said = append(said, d.String())
	}
	for _, src := range []string{"../images/logo.png", "../images/sign-in.png", "../common/logo.svg"} {
		if !strings.Contains(strings.Join(said, "\n"), `warning: image "`+src+`" leaves the note's folder`) {
			t.Errorf("no warning for %s:\n%s", src, strings.Join(said, "\n"))
		}
	}
	if len(said) != 3 {
		t.Errorf("%d diagnostics, want 3:\n%s", len(said), strings.Join(said, "\n"))
	}
	if problems := epubcheckVerdict(t, filepath.Join(out, "guide.epub")).Problems(); len(problems) > 0 {
		t.Errorf("epubcheck:\n%s", strings.Join(problems, "\n"))
	}
}
