package mathbox

import (
	"math"
	"testing"

	"studyguide/builder/texmath"
)

// FuzzLayout lays out whatever TeX the parser makes a tree of, in both
// styles, and checks that the box is finite and holds its rules.
func FuzzLayout(f *testing.F) {
	for _, src := range []string{
		`s = ut + \frac{1}{2}at^2`, `\sqrt[3]{\frac{a}{b}}`, `\left( \begin{matrix} 1\\2\\3 \end{matrix} \right)`,
		`\sum_{i=1}^{n} x_i^2`, `\int_0^\infty e^{-x}\,dx`, `\hat{x}\vec{F}\bar{AB}`, `\left\{ x \middle| x>0 \right.`,
		`\begin{cases} 1 & x \ge 0 \\ 0 \end{cases}`, `\begin{aligned} a &= b & c &= d \\ e \end{aligned}`,
		`x^{y^{z^{w}}}_{a_{b_c}}`, `\text{vitesse à } v`, `f''(x)`, `{}^{14}_{6}C`, `\!\!\!\!x\qquad`,
	} {
		f.Add(src)
	}
	face, err := faceOrErr()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		row, problems := texmath.Parse(src)
		if len(problems) > 0 || row == nil {
			return
		}
		for _, display := range []bool{false, true} {
			b := Layout(face, row, display, 10)
			for _, v := range []float64{b.Width, b.Ascent, b.Descent} {
				if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 {
					t.Fatalf("%q: box %v × %v + %v", src, b.Width, b.Ascent, b.Descent)
				}
			}
			for _, r := range b.Rules {
				if r.Y+r.H > b.Ascent+1e-6 || r.Y < -b.Descent-1e-6 || r.W < 0 || r.H <= 0 {
					t.Fatalf("%q: a rule %+v outside the box", src, r)
				}
			}
		}
	})
}
