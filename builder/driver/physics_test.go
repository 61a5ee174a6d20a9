package driver

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
)

// physicsNote is a teacher's physics note with bold variables, numbers,
// quantities and formulas among its key terms, and a biology section
// whose key points have bold words opening their sub-items.
var physicsNote = filepath.Join("testdata", "physics", "drag.md")

// physicsOptions build the physics note with its recap, strictly.
var physicsOptions = Options{Outputs: []string{"epub", "pdf", "recap"}, Strict: true}

// physicsEmphasis is what the note sets in bold that is no key term.
var physicsEmphasis = []string{"v", "m", "k", "g", "α", "β", "ρ", "2x", "4×", "W = mg", "F = −kv²",
	"mg = kv²", "v = √(mg/k)", "E = ½mv²", "E=mc²", "9.81 m/s²", "55 m/s", "3.5 m/s"}

// TestPhysicsGlossary builds the physics note with its recap and checks
// that no variable, number or formula is a key term: not in the model's
// terms (which the recap ranks), not in the EPUB's glossary, not in the
// PDF's; that the sub-items of a key point are no key points; and that
// both guides pass the checkers.
func TestPhysicsGlossary(t *testing.T) {
	out := buildOnce(t, physicsNote, physicsOptions).dir

	var diags diag.List
	g, err := readNote(physicsNote, &diags)
	if err != nil {
		t.Fatal(err)
	}
	aids.Run(g, nil)
	var terms, points []string
	for _, term := range g.Study.Terms {
		terms = append(terms, term.Name)
		if term.Explanation != "" && !regexp.MustCompile(`^\p{Lu}`).MatchString(term.Explanation) {
			t.Errorf("%q means %q, which does not start with a capital", term.Name, term.Explanation)
		}
	}
	for _, kp := range g.Study.KeyPoints {
		points = append(points, kp.Title)
	}
	if want := []string{"Weight", "Drag", "Terminal velocity", "Mitochondria: Power Plants", "Ribosomes: Protein Factories"}; !slices.Equal(points, want) {
		t.Errorf("key points %q, want %q", points, want)
	}

	epub := epubContents(t, filepath.Join(out, "drag.epub"))
	var glossary []string
	cell := regexp.MustCompile(`<td class="col-term" data-label="Term">([^<]*)</td>`)
	for name, data := range epub {
		if strings.HasSuffix(name, ".xhtml") && strings.Contains(string(data), `class="aid glossary"`) {
			for _, m := range cell.FindAllSubmatch(data, -1) {
				glossary = append(glossary, string(m[1]))
			}
		}
	}
	slices.Sort(glossary)
	sortedTerms := slices.Clone(terms)
	slices.Sort(sortedTerms)
	if !slices.Equal(glossary, sortedTerms) {
		t.Errorf("the EPUB's glossary lists %q, want the key terms %q", glossary, sortedTerms)
	}
	// The PDF's glossary runs from the page with its caption on.
	var last string
	for _, page := range pdfText(t, filepath.Join(out, "drag.pdf")) {
		if last != "" || strings.Contains(page, "Key terms and where they are explained") {
			last += page
		}
	}
	for _, e := range physicsEmphasis {
		if slices.Contains(terms, e) {
			t.Errorf("%q is a key term", e)
		}
		for _, line := range strings.Split(last, "\n") {
			if strings.TrimSpace(line) == e {
				t.Errorf("the PDF's glossary lists %q", e)
			}
		}
	}
	for _, want := range []string{"Gravity", "Air resistance", "Mitochondria", "cellular respiration", "Kinetic energy", "Joule"} {
		if !slices.Contains(terms, want) {
			t.Errorf("%q is not a key term; the terms are %q", want, terms)
		}
	}
	if !strings.Contains(last, "Air resistance depends on the shape of the body") {
		t.Errorf("the PDF has no glossary:\n%s", last)
	}

	if problems := epubcheckVerdict(t, filepath.Join(out, "drag.epub")).Problems(); len(problems) > 0 {
		t.Errorf("epubcheck:\n%s", strings.Join(problems, "\n"))
	}
	for _, pdf := range []string{"drag.pdf", "drag-recap.pdf"} {
		if out := qpdfCheck(t, filepath.Join(out, pdf)); out != "" {
			t.Errorf("%s: qpdf --check:\n%s", pdf, out)
		}
	}
}
