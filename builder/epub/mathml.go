package epub

import (
	"fmt"
	"math"
	"strconv"

	"studyguide/builder/guide"
	"studyguide/builder/texmath"
)

// nsMathML is the namespace of MathML.
const nsMathML = "http://www.w3.org/1998/Math/MathML"

// formula writes a formula as presentation MathML, with its TeX source as
// alttext, for reading systems that do not draw MathML and for screen
// readers. A formula the reader could not parse is its TeX source, as
// code. The page is marked as holding MathML, which its manifest entry
// must say.
func (p *pageWriter) formula(n *guide.Formula) {
	if n.Tree == nil {
		p.element("code", n.TeX, attr{"class", "tex"})
		return
	}
	p.b.mathFiles[p.file] = true
	display := "inline"
	if n.Display {
		display = "block"
	}
	p.start("math", attr{"xmlns", nsMathML}, attr{"alttext", n.TeX}, attr{"display", display})
	p.mathItems(n.Tree.Items)
	p.end("math")
}

// mathNode writes one node of a formula's tree as MathML.
func (p *pageWriter) mathNode(n texmath.Node) {
	switch n := n.(type) {
	case nil:
		p.empty("mrow")
	case *texmath.Row:
		if len(n.Items) == 1 {
			p.mathNode(n.Items[0])
			return
		}
		p.start("mrow")
		p.mathItems(n.Items)
		p.end("mrow")
	case *texmath.Ident:
		p.mathToken("mi", n.Text, n.Variant, len([]rune(n.Text)) == 1)
	case *texmath.Number:
		p.mathToken("mn", n.Text, n.Variant, false)
	case *texmath.Symbol:
		p.symbol(n, false)
	case *texmath.Op:
		p.op(n)
	case *texmath.Scripts:
		p.scripts(n)
	case *texmath.Frac:
		switch n.Style {
		case texmath.FracDisplay:
			p.start("mstyle", attr{"displaystyle", "true"}, attr{"scriptlevel", "0"})
		case texmath.FracText:
			p.start("mstyle", attr{"displaystyle", "false"})
		}
		p.start("mfrac")
		p.mathNode(n.Num)
		p.mathNode(n.Den)
		p.end("mfrac")
		if n.Style != texmath.FracAuto {
			p.end("mstyle")
		}
	case *texmath.Root:
		if n.Index == nil {
			p.start("msqrt")
			p.mathNode(n.Body)
			p.end("msqrt")
			return
		}
		p.start("mroot")
		p.mathNode(n.Body)
		p.mathNode(n.Index)
		p.end("mroot")
	case *texmath.Fenced:
		p.start("mrow")
		p.fence(n.Left, "prefix")
		p.mathItems(n.Body.Items)
		p.fence(n.Right, "postfix")
		p.end("mrow")
	case *texmath.Accent:
		p.start("mover", attr{"accent", "true"})
		p.mathNode(n.Base)
		// Every accent keeps its own width, as TeX's do: a stretchy
		// bar vanishes in WebKit when the face has no wider bar.
		p.element("mo", n.Mark(), attr{"stretchy", "false"})
		p.end("mover")
	case *texmath.Text:
		var attrs []attr
		if v := variantNames[n.Variant]; v != "" && n.Variant != texmath.VariantNormal {
			attrs = append(attrs, attr{"mathvariant", v})
		}
		p.element("mtext", n.Text, attrs...)
	case *texmath.Space:
		p.empty("mspace", attr{"width", ems(n.Width)})
	case *texmath.Table:
		p.mathTable(n)
	default:
		if p.err == nil {
			p.err = fmt.Errorf("no way to write a formula's node of kind %T", n)
		}
	}
}

// mathItems writes the items of a row. An operator name is followed by
// an invisible function application, which spaces it from its argument
// as TeX does ("sin x"); a binary operator with nothing to its left (−x,
// a = −b) is a sign, set without space, as TeX sets it.
func (p *pageWriter) mathItems(items []texmath.Node) {
	for i, it := range items {
		if s, ok := it.(*texmath.Symbol); ok && s.Class == texmath.Bin && i > 0 && isSignAfter(items[i-1]) {
			p.element("mo", s.Text, attr{"form", "prefix"})
		} else {
			p.mathNode(it)
		}
		if isOpName(it) && i+1 < len(items) {
			if opensGroup(items[i+1]) {
				p.element("mo", "\u2061")
			} else {
				// TeX puts a thin space between an operator and an
				// ordinary atom (sin x); the dictionary gives this
				// operator none, so it is asked for.
				p.element("mo", "\u2061", attr{"rspace", "0.167em"})
			}
		}
	}
}

// isSignAfter reports whether a binary operator after n is a sign: after
// a relation, an operator, an opening delimiter or punctuation.
func isSignAfter(n texmath.Node) bool {
	switch n := n.(type) {
	case *texmath.Symbol:
		return n.Class == texmath.Rel || n.Class == texmath.Bin || n.Class == texmath.Open || n.Class == texmath.Punct
	case *texmath.Op:
		return !n.Name
	}
	return false
}

// opensGroup reports whether n starts with an opening delimiter: an
// operator name before it takes no space, as in sin(x).
func opensGroup(n texmath.Node) bool {
	switch n := n.(type) {
	case *texmath.Symbol:
		return n.Class == texmath.Open
	case *texmath.Fenced:
		return true
	case *texmath.Scripts:
		return opensGroup(n.Base)
	}
	return false
}

// isOpName reports whether n is an operator name, perhaps with scripts.
func isOpName(n texmath.Node) bool {
	if s, ok := n.(*texmath.Scripts); ok {
		n = s.Base
	}
	o, ok := n.(*texmath.Op)
	return ok && o.Name
}

// variantNames are the values of mathvariant for each variant.
var variantNames = map[texmath.Variant]string{
	texmath.VariantNormal:       "normal",
	texmath.VariantItalic:       "italic",
	texmath.VariantBold:         "bold",
	texmath.VariantBoldItalic:   "bold-italic",
	texmath.VariantDoubleStruck: "double-struck",
	texmath.VariantScript:       "script",
	texmath.VariantFraktur:      "fraktur",
	texmath.VariantSansSerif:    "sans-serif",
	texmath.VariantMonospace:    "monospace",
}

// mathToken writes an mi or mn. A styled letter is written as its
// character of the Mathematical Alphanumeric Symbols (𝐅, ℝ), which
// MathML Core draws, with mathvariant for reading systems that go by the
// attribute; a single upright letter says it is upright.
func (p *pageWriter) mathToken(name, text string, v texmath.Variant, single bool) {
	var attrs []attr
	switch v {
	case texmath.VariantAuto:
	case texmath.VariantNormal:
		if single && name == "mi" {
			attrs = append(attrs, attr{"mathvariant", "normal"})
		}
	default:
		text = texmath.Styled(text, v)
		attrs = append(attrs, attr{"mathvariant", variantNames[v]})
	}
	p.element(name, text, attrs...)
}

// letterlike are the ordinary symbols that MathML writes as identifiers.
var letterlike = map[string]bool{"∞": true, "∂": true, "∇": true, "∅": true, "ℏ": true, "ℓ": true}

// symbol writes a symbol. Delimiters that are not fences keep their size,
// as in TeX; a delimiter written with \middle grows with its fence.
func (p *pageWriter) symbol(s *texmath.Symbol, form bool) {
	if s.Class == texmath.Ord && letterlike[s.Text] {
		p.element("mi", s.Text, attr{"mathvariant", "normal"})
		return
	}
	var attrs []attr
	if form {
		attrs = append(attrs, attr{"form", "infix"})
	}
	if s.Class == texmath.Ord && !s.Stretchy {
		// An ordinary symbol has no space around it, as in TeX: m/s,
		// |x|, n!.
		attrs = append(attrs, attr{"lspace", "0"}, attr{"rspace", "0"})
	}
	switch {
	case s.Stretchy:
		attrs = append(attrs, attr{"stretchy", "true"}, attr{"symmetric", "true"})
	case s.Class == texmath.Open || s.Class == texmath.Close || s.Text == "|" || s.Text == "‖" || s.Text == "/":
		attrs = append(attrs, attr{"stretchy", "false"})
	}
	p.element("mo", s.Text, attrs...)
}

// fence writes a delimiter of \left or \right, which grows with what it
// holds; the empty delimiter "." writes nothing.
func (p *pageWriter) fence(d, form string) {
	if d == "" {
		return
	}
	p.element("mo", d, attr{"form", form}, attr{"stretchy", "true"}, attr{"symmetric", "true"})
}

// op writes a large operator or an operator name standing alone.
func (p *pageWriter) op(o *texmath.Op) {
	switch {
	case o.Name && o.Limits:
		p.element("mo", o.Text, attr{"movablelimits", "true"}, attr{"form", "prefix"})
	case o.Name:
		p.element("mi", o.Text, attr{"mathvariant", "normal"})
	default:
		p.element("mo", o.Text, attr{"largeop", "true"}, attr{"movablelimits", strconv.FormatBool(o.Limits)})
	}
}

// scripts writes a base with its scripts: below and above an operator
// whose limits go there, else beside the base.
func (p *pageWriter) scripts(s *texmath.Scripts) {
	name := map[[2]bool]string{{true, false}: "msub", {false, true}: "msup", {true, true}: "msubsup"}
	if o, ok := s.Base.(*texmath.Op); ok && o.Limits {
		name = map[[2]bool]string{{true, false}: "munder", {false, true}: "mover", {true, true}: "munderover"}
	}
	el := name[[2]bool{s.Sub != nil, s.Sup != nil}]
	if el == "" {
		p.mathNode(s.Base)
		return
	}
	p.start(el)
	p.mathNode(s.Base)
	if s.Sub != nil {
		p.mathNode(s.Sub)
	}
	if s.Sup != nil {
		p.mathNode(s.Sup)
	}
	p.end(el)
}

// mathTable writes a matrix, cases or aligned equations as an mtable,
// between its delimiters. The stylesheet aligns the cells of cases to
// the left, and those of aligned equations right and left in turn.
func (p *pageWriter) mathTable(t *texmath.Table) {
	left, right := t.Delims()
	p.start("mrow")
	p.fence(left, "prefix")
	var attrs []attr
	switch t.Kind {
	case texmath.Cases:
		attrs = []attr{{"class", "cases"}, {"columnalign", "left left"}}
	case texmath.Aligned:
		attrs = []attr{{"class", "aligned"}, {"columnalign", "right left right left"}, {"columnspacing", "0"}, {"displaystyle", "true"}}
	}
	p.start("mtable", attrs...)
	for _, row := range t.Rows {
		p.start("mtr")
		for i, cell := range row {
			p.start("mtd")
			if t.Kind == texmath.Aligned && i%2 == 1 {
				p.alignedCell(cell)
			} else {
				p.mathNode(cell)
			}
			p.end("mtd")
		}
		p.end("mtr")
	}
	p.end("mtable")
	p.fence(right, "postfix")
	p.end("mrow")
}

// alignedCell writes a cell of aligned equations that follows an &: a
// relation that opens it is spaced as between two sides ("x &= 2").
func (p *pageWriter) alignedCell(cell *texmath.Row) {
	if len(cell.Items) == 0 {
		p.empty("mrow")
		return
	}
	s, ok := cell.Items[0].(*texmath.Symbol)
	if !ok || (s.Class != texmath.Rel && s.Class != texmath.Bin) {
		p.mathNode(cell)
		return
	}
	p.start("mrow")
	p.symbol(s, true)
	p.mathItems(cell.Items[1:])
	p.end("mrow")
}

// ems writes a length in ems, to three decimals at most.
func ems(w float64) string {
	return strconv.FormatFloat(math.Round(w*1000)/1000, 'f', -1, 64) + "em"
}
