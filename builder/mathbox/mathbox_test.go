package mathbox

import (
	"math"
	"testing"

	"studyguide/builder/texmath"
	"studyguide/fonts"
)

const size = 10.0

func face(t *testing.T) *fonts.MathFont {
	t.Helper()
	f, err := faceOrErr()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func faceOrErr() (*fonts.MathFont, error) { return fonts.Math() }

func layout(t *testing.T, src string, display bool) *Box {
	t.Helper()
	row, problems := texmath.Parse(src)
	if len(problems) > 0 {
		t.Fatalf("%s: %v", src, problems)
	}
	return Layout(face(t), row, display, size)
}

// glyphOf returns the glyph of r in the maths face.
func glyphOf(t *testing.T, r rune) uint16 {
	t.Helper()
	g, ok := face(t).Glyph(r)
	if !ok {
		t.Fatalf("no glyph for %U", r)
	}
	return g
}

// find returns the placed glyphs of r (or of any of its variants).
func find(t *testing.T, b *Box, r rune) []Glyph {
	t.Helper()
	f := face(t)
	g := glyphOf(t, r)
	ids := map[uint16]bool{g: true}
	for _, c := range []*fonts.GlyphConstruction{f.Table.Vertical[g], f.Table.Horizontal[g]} {
		if c != nil {
			for _, v := range c.Variants {
				ids[v.Glyph] = true
			}
		}
	}
	var out []Glyph
	for _, pg := range b.Glyphs {
		if ids[pg.ID] {
			out = append(out, pg)
		}
	}
	return out
}

func one(t *testing.T, b *Box, r rune) Glyph {
	t.Helper()
	gs := find(t, b, r)
	if len(gs) != 1 {
		t.Fatalf("%d glyphs of %q, want one", len(gs), r)
	}
	return gs[0]
}

// top and bottom return where a placed glyph's ink reaches, in points.
func top(t *testing.T, g Glyph) float64 {
	f := face(t)
	return g.Y + float64(f.Box(g.ID).YMax)/float64(f.UnitsPerEm)*g.Size
}

func bottom(t *testing.T, g Glyph) float64 {
	f := face(t)
	return g.Y + float64(f.Box(g.ID).YMin)/float64(f.UnitsPerEm)*g.Size
}

func axis(t *testing.T) float64 {
	f := face(t)
	return float64(f.Table.Constants.AxisHeight) / float64(f.UnitsPerEm) * size
}

func TestFractionBarOnTheAxis(t *testing.T) {
	for _, display := range []bool{false, true} {
		b := layout(t, `\frac{a}{b}`, display)
		if len(b.Rules) != 1 {
			t.Fatalf("%d rules, want the bar", len(b.Rules))
		}
		bar := b.Rules[0]
		if mid := bar.Y + bar.H/2; math.Abs(mid-axis(t)) > 1e-9 {
			t.Errorf("display %v: bar's middle at %.3f pt, axis at %.3f", display, mid, axis(t))
		}
		num, den := one(t, b, 0x1D44E), one(t, b, 0x1D44F)
		if bottom(t, num) <= bar.Y+bar.H || top(t, den) >= bar.Y {
			t.Errorf("display %v: numerator or denominator touches the bar", display)
		}
		if wantSize := map[bool]float64{true: size, false: size * 0.6}[display]; num.Size != wantSize {
			t.Errorf("display %v: numerator at %.1f pt, want %.1f", display, num.Size, wantSize)
		}
		if bar.W < num.Size*0.4 {
			t.Errorf("bar of %.2f pt is narrower than its numerator", bar.W)
		}
	}
	text, disp := layout(t, `\frac{a}{b}`, false), layout(t, `\frac{a}{b}`, true)
	if disp.Ascent+disp.Descent <= text.Ascent+text.Descent {
		t.Error("a display fraction is no taller than one in text")
	}
	if tf := layout(t, `\tfrac{a}{b}`, true); tf.Ascent != text.Ascent {
		t.Errorf("\\tfrac in display reaches %.2f pt, \\frac in text %.2f", tf.Ascent, text.Ascent)
	}
}

func TestScriptsRaisedLoweredAndSmaller(t *testing.T) {
	b := layout(t, `x_i^2`, false)
	x, i, two := one(t, b, 0x1D465), one(t, b, 0x1D456), one(t, b, '2')
	if x.Size != size || two.Size != size*0.6 || i.Size != size*0.6 {
		t.Errorf("sizes %.1f, %.1f, %.1f; want %.1f and script size", x.Size, i.Size, two.Size, size)
	}
	if two.Y <= 0 || i.Y >= 0 {
		t.Errorf("superscript at %.2f, subscript at %.2f", two.Y, i.Y)
	}
	if two.X < x.X || i.X < x.X {
		t.Error("a script is left of its base")
	}
	if b := layout(t, `x^{y^z}`, false); one(t, b, 0x1D467).Size != size*0.5 {
		t.Error("a script of a script is not set in scriptscript size")
	}
}

func TestLimitsAboveAndBelowInDisplay(t *testing.T) {
	d := layout(t, `\sum_{i=1}^{n} i`, true)
	sum := one(t, d, '∑')
	n := one(t, d, 0x1D45B)
	if bottom(t, n) <= top(t, sum) {
		t.Error("in display, the upper limit is not above ∑")
	}
	ones := find(t, d, '1')
	if len(ones) != 1 || top(t, ones[0]) >= bottom(t, sum) {
		t.Error("in display, the lower limit is not below ∑")
	}
	tx := layout(t, `\sum_{i=1}^{n} i`, false)
	sum, n = one(t, tx, '∑'), one(t, tx, 0x1D45B)
	if n.X <= sum.X {
		t.Error("in text, the upper limit is not beside ∑")
	}
	if one(t, d, '∑').ID == sum.ID {
		t.Error("∑ in display is no larger than in text")
	}
}

func TestRadicalGrows(t *testing.T) {
	small := one(t, layout(t, `\sqrt{x}`, true), '√')
	tall := layout(t, `\sqrt{\frac{L}{g}}`, true)
	big := one(t, tall, '√')
	if big.ID == small.ID {
		t.Fatal("the radical over a fraction is no larger than over x")
	}
	if bottom(t, big) > -0.1*size {
		t.Error("the tall radical does not reach below the denominator")
	}
	// The bar of the radical joins its top and runs over the body.
	var bar *Rule
	for i := range tall.Rules {
		if tall.Rules[i].Y > axis(t)+0.5 {
			bar = &tall.Rules[i]
		}
	}
	if bar == nil {
		t.Fatal("no bar over the radical's body")
	}
	if math.Abs(bar.Y+bar.H-top(t, big)) > 0.05 {
		t.Errorf("the bar's top at %.2f, the sign's at %.2f", bar.Y+bar.H, top(t, big))
	}
	// A degree sits in the crook, smaller.
	cube := layout(t, `\sqrt[3]{x}`, false)
	three := one(t, cube, '3')
	if three.Size != size*0.5 || three.X >= one(t, cube, '√').X+0.6*size {
		t.Errorf("the degree is at %.2f pt, x %.2f", three.Size, three.X)
	}
}

func TestDelimitersStretch(t *testing.T) {
	plain := one(t, layout(t, `(x)`, true), '(')
	frac := layout(t, `\left(\frac{a}{b}\right)`, true)
	grown := find(t, frac, '(')
	if len(grown) != 1 || grown[0].ID == plain.ID {
		t.Fatal("( around a fraction did not grow")
	}
	if top(t, grown[0]) < frac.Ascent-0.2*size {
		t.Error("the grown ( does not reach the top of the fraction")
	}
	// Four rows outgrow every variant: the parenthesis is assembled from
	// its pieces, the extender repeated.
	m := layout(t, `\begin{pmatrix}1\\2\\3\\4\\5\\6\\7\\8\\9\\10\\11\\12\end{pmatrix}`, true)
	if len(find(t, m, '⎛')) != 1 || len(find(t, m, '⎝')) != 1 || len(find(t, m, '⎜')) < 1 {
		t.Errorf("a parenthesis of twelve rows is not assembled from its pieces")
	}
	for _, g := range find(t, m, '⎜') {
		if top(t, g) > m.Ascent+1e-6 || bottom(t, g) < -m.Descent-1e-6 {
			t.Error("a piece of the parenthesis sticks out of the box")
		}
	}
}

func TestSpacingBetweenAtoms(t *testing.T) {
	// The gap between the end of a's advance and the next glyph.
	gap := func(src string, display bool, r rune) float64 {
		b := layout(t, src, display)
		a := one(t, b, 0x1D44E)
		f := face(t)
		next := find(t, b, r)
		return next[len(next)-1].X - (a.X + float64(f.Advance(a.ID))/float64(f.UnitsPerEm)*a.Size)
	}
	mu := size / 18
	for _, tc := range []struct {
		src  string
		r    rune
		want float64
	}{
		{`a+b`, '+', 4 * mu},
		{`a=b`, '=', 5 * mu},
		{`a,b`, ',', 0},
		{`a\sin x`, 's', 3 * mu},
	} {
		if got := gap(tc.src, false, tc.r); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: %.3f pt before %q, want %.3f", tc.src, got, tc.r, tc.want)
		}
	}
	// In a script there is no space around a relation; a sign with
	// nothing before it is not a binary operator.
	b := layout(t, `x^{a=b}`, false)
	a, eq := one(t, b, 0x1D44E), one(t, b, '=')
	f := face(t)
	if got := eq.X - (a.X + float64(f.Advance(a.ID))/float64(f.UnitsPerEm)*a.Size); math.Abs(got) > 1e-9 {
		t.Errorf("a relation in a script has %.3f pt before it", got)
	}
	u := layout(t, `-a`, false)
	minus := one(t, u, '−')
	if got := one(t, u, 0x1D44E).X - (minus.X + float64(f.Advance(minus.ID))/float64(f.UnitsPerEm)*size); math.Abs(got) > 1e-9 {
		t.Errorf("a leading minus has %.3f pt after it", got)
	}
}

func TestLettersItalicOperatorNamesUpright(t *testing.T) {
	b := layout(t, `\sin\theta + \mathrm{kg}`, false)
	for _, r := range []rune{'s', 'i', 'n', 'k', 'g', 0x1D703} {
		if len(find(t, b, r)) != 1 {
			t.Errorf("no %q (%U) in \\sin\\theta + \\mathrm{kg}", r, r)
		}
	}
	if len(find(t, b, 'θ')) != 0 {
		t.Error("θ is upright")
	}
}

func TestAccentOverItsBase(t *testing.T) {
	b := layout(t, `\hat{x} \vec{F}`, false)
	x := one(t, b, 0x1D465)
	hat := one(t, b, 0x302)
	if bottom(t, hat) < top(t, x)-0.02*size {
		t.Error("the hat overlaps x")
	}
	mid := func(g Glyph) float64 {
		bx := face(t).Box(g.ID)
		return g.X + float64(bx.XMin+bx.XMax)/2/float64(face(t).UnitsPerEm)*g.Size
	}
	if math.Abs(mid(hat)-mid(x)) > 0.15*size {
		t.Errorf("the hat's middle is %.2f pt from x's", mid(hat)-mid(x))
	}
	F := one(t, b, 0x1D439)
	arrow := find(t, b, 0x20D7)
	if len(arrow) != 1 || bottom(t, arrow[0]) < top(t, F)-0.05*size {
		t.Error("the arrow of \\vec is not over F")
	}
}

// TestBoxHoldsItsInk lays out many formulas and checks that every glyph
// lies inside the box's ascent and descent and that nothing is NaN.
func TestBoxHoldsItsInk(t *testing.T) {
	for _, src := range []string{
		`s = ut + \frac{1}{2}at^2`, `x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}`,
		`\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}`, `\lim_{n \to \infty} \left(1+\frac{1}{n}\right)^n`,
		`\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}`, `f(x)=\begin{cases} x & x \ge 0\\ -x & x<0\end{cases}`,
		`\begin{aligned} a &= b \\ &= c \end{aligned}`, `\oint \vec{E}\cdot d\vec{A}`, `\sqrt[n]{\frac{a}{b}}`,
		`\left\| \frac{x}{y} \middle| z \right\|`, `\mathbb{R}^n \ddot{x} \tilde{y}`,
	} {
		for _, display := range []bool{false, true} {
			b := layout(t, src, display)
			if math.IsNaN(b.Width+b.Ascent+b.Descent) || b.Width <= 0 {
				t.Fatalf("%s: box %+v", src, b)
			}
			for _, g := range b.Glyphs {
				if top(t, g) > b.Ascent+1e-6 || bottom(t, g) < -b.Descent-1e-6 {
					t.Errorf("%s (display %v): a glyph reaches %.2f..%.2f outside %.2f..%.2f",
						src, display, bottom(t, g), top(t, g), -b.Descent, b.Ascent)
				}
			}
			for _, r := range b.Rules {
				if r.Y+r.H > b.Ascent+1e-6 || r.Y < -b.Descent-1e-6 || r.X+r.W > b.Width+1e-6 {
					t.Errorf("%s: a rule sticks out of the box", src)
				}
			}
		}
	}
}

// TestTextFallsBackToTheTextFace checks that a character the maths face
// lacks is set in the text face rather than as a stand-in.
func TestTextFallsBackToTheTextFace(t *testing.T) {
	b := layout(t, `\text{vitesse à }v`, false)
	var got []rune
	for _, g := range b.Glyphs {
		if g.Text != 0 {
			got = append(got, g.Text)
		}
	}
	if string(got) != "à" {
		t.Errorf("characters set in the text face: %q, want just à", string(got))
	}
	if len(find(t, b, '?')) != 0 {
		t.Error("a character is shown as ?")
	}
}
