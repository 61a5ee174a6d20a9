package texmath

import (
	"strings"
	"testing"
)

// FuzzParse checks that no source makes Parse panic, loop or build a tree
// deeper than MaxDepth allows, and that Linear and every problem's
// position stay within bounds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`s = ut + \frac{1}{2}at^2`, `\sqrt[n]{x}`, `\left( \frac{a}{b} \right]`, `\begin{cases} a & b \\ c \end{cases}`,
		`\text{a {b} \$}`, `x^2_3'`, `\int\limits_0^1`, `\operatorname*{argmax}_x`, `\not\in`, `\left.\middle|\right.`,
		`{{{`, `}}}`, `\begin{aligned}&\\&\end{aligned}`, `\mathrm{kg}\mathbb{R}`, `\\`, `\`, `θ€`, "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		row, problems := Parse(src)
		if row == nil {
			t.Fatal("nil tree")
		}
		if d := depth(row); d > MaxDepth+1 {
			t.Fatalf("tree %d deep", d)
		}
		for _, p := range problems {
			if p.Pos < 0 || p.Pos > len(src) || p.Message == "" {
				t.Fatalf("problem %+v out of bounds", p)
			}
		}
		_ = Linear(row)
		if len(problems) == 0 && strings.Contains(Linear(row), `\frac`) {
			t.Fatalf("linear form keeps TeX: %q", Linear(row))
		}
	})
}
