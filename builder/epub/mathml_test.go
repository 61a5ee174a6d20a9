package epub

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
	"studyguide/builder/internal/golden"
	"studyguide/builder/texmath"
)

// mathmlFormulas are formulas of every construction of the subset, each
// compared with its MathML in testdata/mathml.golden.
var mathmlFormulas = []struct {
	tex     string
	display bool
}{
	{`s = ut + \frac{1}{2}at^2`, false},
	{`\dfrac{a}{b} + \tfrac{c}{d}`, false},
	{`v = \sqrt{2gh} = \sqrt[3]{x}`, false},
	{`\left( \frac{a}{b} \right] \left. x \middle| y \right\}`, false},
	{`\sum_{i=1}^{n} i + \int_0^\infty f(x)\,dx + \oint \lim_{x \to 0} \sin x`, true},
	{`\int\limits_a^b \operatorname{grad} f \log_2 n`, false},
	{`\hat{x} \bar{y} \vec{F} \dot{x} \ddot{x} \tilde{n}`, false},
	{`\mathbf{F} = \mathbb{R} \mathcal{L} \mathrm{kg} \mathit{ab} \text{ if } \Gamma`, false},
	{`a\,b\:c\;d\quad e\qquad f\!g`, false},
	{`\le \ge \ne \approx \pm \times \cdot \infty \partial \nabla \in \subset \to \Rightarrow \circ 90\degree m/s |x| n!`, false},
	{`\begin{pmatrix} a & b \\ c & d \end{pmatrix} \begin{bmatrix} 1 \end{bmatrix} \begin{vmatrix} x \end{vmatrix}`, true},
	{`f(x) = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}`, true},
	{`\begin{aligned} a &= b + c \\ &= d \end{aligned}`, true},
	{`x' + y_1^2`, false},
}

// mathsGuide returns the guide of every kind with a paragraph of
// mathmlFormulas, and a formula that has no tree.
func mathsGuide() *guide.Guide {
	g := allkinds.Guide()
	var ins []guide.Inline
	for _, f := range mathmlFormulas {
		tree, problems := texmath.Parse(f.tex)
		if len(problems) > 0 {
			panic(fmt.Sprintf("Parse(%q): %v", f.tex, problems))
		}
		ins = append(ins, &guide.Formula{Pos: guide.NoPos, TeX: f.tex, Display: f.display, Tree: tree}, &guide.Text{Pos: guide.NoPos, Text: " "})
	}
	ins = append(ins, &guide.Formula{Pos: guide.NoPos, TeX: `\binom{n}{k}`})
	g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.Paragraph{Pos: guide.NoPos, Inlines: ins})
	return g
}

// TestMathML writes formulas of every construction and compares their
// MathML with the golden file; a formula with no tree is its TeX as code.
// Only the page that holds formulas says so in its manifest entry, and
// EPUBCheck passes the book.
func TestMathML(t *testing.T) {
	t.Parallel()
	b := build(t, mathsGuide())
	page := string(b.files["EPUB/section-1.xhtml"])
	maths := regexp.MustCompile(`(?s)<math .*?</math>`).FindAllString(page, -1)
	got := strings.Join(maths, "\n\n") + "\n"
	golden.Check(t, filepath.Join("testdata", "mathml.golden"), []byte(got))
	if !strings.Contains(page, `<code class="tex">\binom{n}{k}</code>`) {
		t.Error("a formula with no tree is not its TeX source as code")
	}
	opf := string(b.files["EPUB/package.opf"])
	for _, want := range []string{`href="section-1.xhtml" media-type="application/xhtml+xml" properties="mathml svg"`, `href="title.xhtml" media-type="application/xhtml+xml"/>`} {
		if !strings.Contains(opf, want) {
			t.Errorf("the package document lacks %s", want)
		}
	}
	passes(t, epubcheck(t, "maths.epub"))
}
