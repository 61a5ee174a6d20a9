package texmath

import (
	"fmt"
	"strings"
	"testing"
)

// dump writes a tree as nested S-expressions, the form the tests
// compare: (row …), (id v), (num 12), (sym = rel), (frac num den)…
func dump(n Node) string {
	var b strings.Builder
	dumpTo(&b, n)
	return b.String()
}

var classNames = map[Class]string{Ord: "ord", Bin: "bin", Rel: "rel", Open: "open", Close: "close", Punct: "punct"}

func dumpTo(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case nil:
		b.WriteString("nil")
	case *Row:
		b.WriteString("(row")
		for _, it := range n.Items {
			b.WriteByte(' ')
			dumpTo(b, it)
		}
		b.WriteByte(')')
	case *Ident:
		fmt.Fprintf(b, "(id %s", n.Text)
		if n.Variant != VariantAuto {
			fmt.Fprintf(b, " v%d", n.Variant)
		}
		b.WriteByte(')')
	case *Number:
		fmt.Fprintf(b, "(num %s)", n.Text)
	case *Symbol:
		fmt.Fprintf(b, "(sym %s %s", n.Text, classNames[n.Class])
		if n.Stretchy {
			b.WriteString(" stretchy")
		}
		b.WriteByte(')')
	case *Op:
		kind := "op"
		if n.Name {
			kind = "opname"
		}
		fmt.Fprintf(b, "(%s %s", kind, n.Text)
		if n.Limits {
			b.WriteString(" limits")
		}
		b.WriteByte(')')
	case *Scripts:
		b.WriteString("(scripts ")
		dumpTo(b, n.Base)
		b.WriteByte(' ')
		dumpTo(b, n.Sub)
		b.WriteByte(' ')
		dumpTo(b, n.Sup)
		b.WriteByte(')')
	case *Frac:
		fmt.Fprintf(b, "(frac%d ", n.Style)
		dumpTo(b, n.Num)
		b.WriteByte(' ')
		dumpTo(b, n.Den)
		b.WriteByte(')')
	case *Root:
		b.WriteString("(root ")
		dumpTo(b, n.Index)
		b.WriteByte(' ')
		dumpTo(b, n.Body)
		b.WriteByte(')')
	case *Fenced:
		fmt.Fprintf(b, "(fenced %q %q ", n.Left, n.Right)
		dumpTo(b, n.Body)
		b.WriteByte(')')
	case *Accent:
		fmt.Fprintf(b, "(accent %s ", n.Mark())
		dumpTo(b, n.Base)
		b.WriteByte(')')
	case *Text:
		fmt.Fprintf(b, "(text %q)", n.Text)
	case *Space:
		fmt.Fprintf(b, "(space %.3g)", n.Width)
	case *Table:
		fmt.Fprintf(b, "(table%d", n.Kind)
		for _, r := range n.Rows {
			b.WriteString(" [")
			for i, c := range r {
				if i > 0 {
					b.WriteByte(' ')
				}
				dumpTo(b, c)
			}
			b.WriteByte(']')
		}
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "(?%T)", n)
	}
}

// TestParse checks the tree of formulas of every construction of the
// subset.
func TestParse(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`s = ut + \frac{1}{2}at^2`, `(row (id s) (sym = rel) (id u) (id t) (sym + bin) (frac0 (row (num 1)) (row (num 2))) (id a) (scripts (id t) nil (num 2)))`},
		{`\frac12`, `(row (frac0 (num 1) (num 2)))`},
		{`\dfrac{a}{b}\tfrac ab`, `(row (frac1 (row (id a)) (row (id b))) (frac2 (id a) (id b)))`},
		{`9.81 + 3.5.2`, `(row (num 9.81) (sym + bin) (num 3.5) (num .2))`},
		{`\sqrt{2gh} \sqrt[3]{x}`, `(row (root nil (row (num 2) (id g) (id h))) (root (row (num 3)) (row (id x))))`},
		{`\alpha\Omega\varepsilon\varphi`, `(row (id α) (id Ω v1) (id ε) (id φ))`},
		{`x_1^2 x^2_1 x'`, `(row (scripts (id x) (num 1) (num 2)) (scripts (id x) (num 1) (num 2)) (scripts (id x) nil (sym ′ ord)))`},
		{`\left( \frac{a}{b} \right.`, `(row (fenced "(" "" (row (frac0 (row (id a)) (row (id b))))))`},
		{`\left\{ x \middle| x>0 \right\}`, `(row (fenced "{" "}" (row (id x) (sym | rel stretchy) (id x) (sym > rel) (num 0))))`},
		{`\sum_{i=1}^{n} i`, `(row (scripts (op ∑ limits) (row (id i) (sym = rel) (num 1)) (row (id n))) (id i))`},
		{`\int_0^\infty \oint \lim_{x\to 0}`, `(row (scripts (op ∫) (num 0) (sym ∞ ord)) (op ∮) (scripts (opname lim limits) (row (id x) (sym → rel) (num 0)) nil))`},
		{`\int\limits_a^b \sin x \operatorname{grad} f`, `(row (scripts (op ∫ limits) (id a) (id b)) (opname sin) (id x) (opname grad) (id f))`},
		{`\hat{x}\bar y\vec{F}\dot x\ddot x\tilde n`, `(row (accent ^ (row (id x))) (accent ‾ (id y)) (accent → (row (id F))) (accent ˙ (id x)) (accent ¨ (id x)) (accent ~ (id n)))`},
		{`\text{if } x \mathrm{kg}\,\mathbf{F}\mathbb{R}\mathcal{L}\mathit{ab}`, `(row (text "if ") (id x) (row (id kg v1)) (space 0.167) (row (id F v3)) (row (id R v5)) (row (id L v6)) (row (id a v2) (id b v2)))`},
		{`a\,b\:c\;d\quad e\qquad f\!g`, `(row (id a) (space 0.167) (id b) (space 0.222) (id c) (space 0.278) (id d) (space 1) (id e) (space 2) (id f) (space -0.167) (id g))`},
		{`\le\ge\ne\approx\pm\times\cdot\infty\partial\nabla\in\subset\to\Rightarrow\circ\degree`, `(row (sym ≤ rel) (sym ≥ rel) (sym ≠ rel) (sym ≈ rel) (sym ± bin) (sym × bin) (sym ⋅ bin) (sym ∞ ord) (sym ∂ ord) (sym ∇ ord) (sym ∈ rel) (sym ⊂ rel) (sym → rel) (sym ⇒ rel) (sym ∘ bin) (sym ° ord))`},
		{`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`, `(row (table1 [(row (id a)) (row (id b))] [(row (id c)) (row (id d))]))`},
		{`\begin{bmatrix}1\\2\\\end{bmatrix}\begin{vmatrix}x\end{vmatrix}\begin{matrix}0\end{matrix}`, `(row (table2 [(row (num 1))] [(row (num 2))]) (table4 [(row (id x))]) (table0 [(row (num 0))]))`},
		{`f(x) = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}`, `(row (id f) (sym ( open) (id x) (sym ) close) (sym = rel) (table6 [(row (id x)) (row (id x) (sym ≥ rel) (num 0))] [(row (sym − bin) (id x)) (row (text "otherwise"))]))`},
		{`\begin{aligned} a &= b \\ &= c \end{aligned}`, `(row (table7 [(row (id a)) (row (sym = rel) (id b))] [(row) (row (sym = rel) (id c))]))`},
		{`\not= \not\in \{ \} \$ \%`, `(row (sym ≠ rel) (sym ∉ rel) (sym { open) (sym } close) (sym $ ord) (sym % ord))`},
		{`θ × 2`, `(row (id θ) (sym × bin) (num 2))`},
		{`{}^{14}C`, `(row (scripts (row) nil (row (num 14))) (id C))`},
		{`\displaystyle x`, `(row (id x))`},
	} {
		row, problems := Parse(tc.src)
		if len(problems) > 0 {
			t.Errorf("Parse(%q): problems %v", tc.src, problems)
		}
		if got := dump(row); got != tc.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestProblems checks that what the subset lacks is reported at the
// byte offset of the command, naming it.
func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		src     string
		pos     int
		command string
	}{
		{`x + \binom{n}{k}`, 4, `\binom`},
		{`\frac{a}{b`, 8, `{`},
		{`a}`, 1, `}`},
		{`\left( x`, 0, `\left`},
		{`x \right)`, 2, `\right`},
		{`a & b`, 2, `&`},
		{`a \\ b`, 2, `\\`},
		{`\begin{array}{cc} a & b \end{array}`, 0, `\begin{array}`},
		{`\begin{pmatrix} a \end{bmatrix}`, 18, `\end{bmatrix}`},
		{`\begin{cases} a`, 0, `\begin{cases}`},
		{`x^2^3`, 3, `^`},
		{`\text{a \foo b}`, 8, `\foo`},
		{`\left\foo x \right)`, 5, `\foo`},
		{`\middle|`, 0, `\middle`},
		{`x^`, 1, ``},
		{`\@`, 0, `\@`},
	} {
		_, problems := Parse(tc.src)
		if len(problems) == 0 {
			t.Errorf("Parse(%q): no problem", tc.src)
			continue
		}
		if p := problems[0]; p.Pos != tc.pos || p.Command != tc.command {
			t.Errorf("Parse(%q): first problem %q at %d (%s), want %q at %d", tc.src, p.Command, p.Pos, p.Message, tc.command, tc.pos)
		}
	}
}

// TestDepth checks that a formula nested beyond MaxDepth is a problem,
// not a stack that grows with the input.
func TestDepth(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("{", 100000),
		strings.Repeat(`\frac{`, 1000),
		strings.Repeat(`\sqrt{`, 1000),
		strings.Repeat(`\left(`, 1000),
		strings.Repeat(`x^{`, 1000),
		strings.Repeat(`\begin{matrix}`, 1000),
	} {
		row, problems := Parse(src)
		if len(problems) == 0 {
			t.Errorf("Parse(%.20q…): no problem", src)
		}
		if d := depth(row); d > MaxDepth+1 {
			t.Errorf("Parse(%.20q…): tree %d deep", src, d)
		}
	}
	ok := strings.Repeat("{", 10) + "x" + strings.Repeat("}", 10)
	if _, problems := Parse(ok); len(problems) > 0 {
		t.Errorf("Parse(%q): %v", ok, problems)
	}
}

// depth returns how deep the tree below n goes.
func depth(n Node) int {
	d := 0
	for _, c := range children(n) {
		d = max(d, depth(c))
	}
	return d + 1
}

func children(n Node) []Node {
	var out []Node
	add := func(ns ...Node) {
		for _, c := range ns {
			if c != nil {
				out = append(out, c)
			}
		}
	}
	switch n := n.(type) {
	case *Row:
		add(n.Items...)
	case *Scripts:
		add(n.Base, n.Sub, n.Sup)
	case *Frac:
		add(n.Num, n.Den)
	case *Root:
		add(n.Index, n.Body)
	case *Fenced:
		add(n.Body)
	case *Accent:
		add(n.Base)
	case *Table:
		for _, r := range n.Rows {
			for _, c := range r {
				add(c)
			}
		}
	}
	return out
}

// TestLinear checks the plain-text form of formulas.
func TestLinear(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`s = ut + \frac{1}{2}at^2`, `s = ut + 1/2at²`},
		{`v = \sqrt{\frac{mg}{k}}`, `v = √(mg/k)`},
		{`E = \frac{1}{2}mv^2`, `E = 1/2mv²`},
		{`F = -kv^2`, `F = −kv²`},
		{`v_0 + a_{n+1} + x^{2n-1}`, `v₀ + aₙ₊₁ + x²ⁿ⁻¹`}, {`e^{-kt/m}`, `e^(−kt/m)`},
		{`\sin\theta \cdot \log_2 x`, `sin θ ⋅ log₂ x`},
		{`\int_0^T v(t)\,dt`, `∫₀^T v(t) dt`},
		{`\vec{F} = m\vec a`, "F\u20d7 = ma\u20d7"},
		{`x\in\mathbb{R}`, `x ∈ ℝ`},
		{`\frac{a+b}{2}`, `(a + b)/2`},
		{`\sqrt[3]{8} = 2`, `∛8 = 2`},
		{`\begin{pmatrix}1&0\\0&1\end{pmatrix}`, `(1 0; 0 1)`},
		{`\text{for } x > 0`, `for x > 0`},
	} {
		row, problems := Parse(tc.src)
		if len(problems) > 0 {
			t.Fatalf("Parse(%q): %v", tc.src, problems)
		}
		if got := Linear(row); got != tc.want {
			t.Errorf("Linear(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestStyled checks the characters of the maths alphabets, holes
// included.
func TestStyled(t *testing.T) {
	for _, tc := range []struct {
		s    string
		v    Variant
		want string
	}{
		{"R", VariantDoubleStruck, "ℝ"},
		{"N1", VariantDoubleStruck, "ℕ𝟙"},
		{"Fv", VariantBold, "𝐅𝐯"},
		{"h", VariantItalic, "ℎ"},
		{"L", VariantScript, "ℒ"},
		{"A", VariantScript, "𝒜"},
		{"θ", VariantBold, "𝛉"},
		{"x", VariantNormal, "x"},
	} {
		if got := Styled(tc.s, tc.v); got != tc.want {
			t.Errorf("Styled(%q, %d) = %q, want %q", tc.s, tc.v, got, tc.want)
		}
	}
}
