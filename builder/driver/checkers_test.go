package driver

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The external checkers are the real tools a reader's world uses. Tests that
// need one skip when it is missing, unless STUDYGUIDE_REQUIRE_CHECKERS is set
// (as in CI), where a missing tool is a failure.

const epubcheckJar = "/usr/share/java/epubcheck.jar"

func requireTool(t *testing.T, name string) {
	t.Helper()
	var err error
	if name == "epubcheck" {
		_, err = os.Stat(epubcheckJar)
		if err == nil {
			_, err = exec.LookPath("java")
		}
	} else {
		_, err = exec.LookPath(name)
	}
	if err == nil {
		return
	}
	if os.Getenv("STUDYGUIDE_REQUIRE_CHECKERS") != "" {
		t.Fatalf("%s is required but missing: %v", name, err)
	}
	t.Skipf("%s not installed: %v", name, err)
}

// epubcheck runs epubcheck and returns its error and warning lines.
func epubcheck(t *testing.T, file string) (errs, warns []string) {
	t.Helper()
	requireTool(t, "epubcheck")
	out, _ := exec.Command("java", "-jar", epubcheckJar, file).CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "ERROR"), strings.HasPrefix(line, "FATAL"):
			errs = append(errs, line)
		case strings.HasPrefix(line, "WARNING"):
			warns = append(warns, line)
		}
	}
	if !strings.Contains(string(out), "No errors or warnings detected") && len(errs)+len(warns) == 0 {
		t.Fatalf("epubcheck gave no verdict on %s:\n%s", file, out)
	}
	return errs, warns
}

// qpdfCheck runs qpdf --check and returns its output when it is not clean.
func qpdfCheck(t *testing.T, file string) string {
	t.Helper()
	requireTool(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		return string(out)
	}
	return ""
}

// unembeddedFonts lists the fonts pdffonts reports as not embedded.
func unembeddedFonts(t *testing.T, file string) []string {
	t.Helper()
	requireTool(t, "pdffonts")
	out, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Fatalf("pdffonts %s: %v", file, err)
	}
	var bad []string
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts found no fonts in %s", file)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... emb sub uni object ID: emb is the fifth field from the end.
		if len(f) >= 5 && f[len(f)-5] != "yes" {
			bad = append(bad, l)
		}
	}
	return bad
}

// pdfText returns the text pdftotext extracts, one string per page, in
// reading order, or laid out as on the page when layout is set.
func pdfText(t *testing.T, file string, layout ...bool) []string {
	t.Helper()
	requireTool(t, "pdftotext")
	args := []string{"-enc", "UTF-8", file, "-"}
	if len(layout) > 0 && layout[0] {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return strings.Split(string(out), "\f")
}

// pdfOutline returns the titles of the PDF's bookmark outline, depth first.
func pdfOutline(t *testing.T, file string) []string {
	t.Helper()
	requireTool(t, "qpdf")
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", file).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	type entry struct {
		Title string  `json:"title"`
		Kids  []entry `json:"kids"`
	}
	var doc struct {
		Outlines []entry `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]entry)
	walk = func(es []entry) {
		for _, e := range es {
			titles = append(titles, e.Title)
			walk(e.Kids)
		}
	}
	walk(doc.Outlines)
	return titles
}

// epubContents reads every entry of an EPUB into memory.
func epubContents(t *testing.T, file string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

// xhtmlText returns the character data of an XHTML page and the alt text
// of its images, which is what a screen reader speaks.
func xhtmlText(t *testing.T, page []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			b.Write(tok)
		case xml.StartElement:
			b.WriteByte(' ')
			for _, a := range tok.Attr {
				if a.Name.Local == "alt" {
					b.WriteString(a.Value + " ")
				}
			}
		}
	}
	return b.String()
}

// navTitles returns the link texts of the EPUB's toc nav, in order.
func navTitles(t *testing.T, nav []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(nav))
	var titles []string
	inToc, depth, inA := false, 0, false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "nav" {
				for _, a := range tok.Attr {
					if a.Name.Local == "type" && a.Value == "toc" {
						inToc = true
					}
				}
			}
			if inToc {
				depth++
				if tok.Name.Local == "a" {
					inA = true
					cur.Reset()
				}
			}
		case xml.EndElement:
			if inToc {
				depth--
				if tok.Name.Local == "a" {
					inA = false
					titles = append(titles, strings.Join(strings.Fields(cur.String()), " "))
				}
				if depth == 0 {
					inToc = false
				}
			}
		case xml.CharData:
			if inA {
				cur.Write(tok)
			}
		}
	}
	return titles
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// words splits text into its words, lower-cased.
func words(text string) []string {
	ws := wordRE.FindAllString(text, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// missingWords returns the words of want (as a multiset of distinct words)
// that do not occur in have.
func missingWords(want, have string) (missing []string, total int) {
	present := map[string]bool{}
	for _, w := range words(have) {
		present[w] = true
	}
	seen := map[string]bool{}
	for _, w := range words(want) {
		if seen[w] {
			continue
		}
		seen[w] = true
		total++
		if !present[w] {
			missing = append(missing, w)
		}
	}
	return missing, total
}
