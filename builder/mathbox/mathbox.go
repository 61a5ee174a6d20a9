// Package mathbox lays a formula's tree out as glyphs of the maths face
// and rules, placed in a box of known width, ascent and descent, for a
// writer to draw where it likes. It follows TeX's rules in their
// essentials, with the constants of the face's OpenType MATH table:
// fraction bars on the maths axis, scripts raised or lowered and set
// smaller, limits above and below large operators in display style,
// radicals and delimiters that grow (larger variants first, then glyphs
// assembled from parts), matrices, cases and aligned equations as tables
// of boxes, and TeX's spacing between ordinary symbols, operators,
// binary operators, relations, delimiters and punctuation.
//
// The package knows no medium: it measures in points and places each
// glyph by its id in the maths face.
package mathbox

import (
	"unicode/utf8"

	"studyguide/builder/texmath"
	"studyguide/fonts"
)

// Glyph is one glyph of the maths face placed in a box.
type Glyph struct {
	ID uint16
	// Text, when not zero, is a character the maths face lacks (an
	// accented letter in \text, say): the glyph is that character in
	// the regular face of the family TextFamily, not glyph ID.
	Text rune
	// X and Y place the glyph's origin, in points from the box's origin
	// (the left end of its baseline), Y upwards.
	X, Y float64
	Size float64 // the font size in points
}

// Rule is a filled rectangle: a fraction bar, the bar of a radical, an
// overline. X and Y are its lower left corner, Y upwards, in points.
type Rule struct {
	X, Y, W, H float64
}

// TextFamily is the family of embedded text faces that sets the
// characters the maths face lacks: its sans matches the maths face.
const TextFamily = "sans"

// Box is a formula laid out: its glyphs and rules, its width, and how far
// it reaches above (Ascent) and below (Descent) its baseline, in points.
type Box struct {
	Width, Ascent, Descent float64
	Glyphs                 []Glyph
	Rules                  []Rule
}

// Layout lays formula out at size points in display style (a formula of
// its own, with limits above and below large operators) or in text style
// (a formula inside a line of text).
func Layout(face *fonts.MathFont, formula *texmath.Row, display bool, size float64) *Box {
	e := &engine{f: face, c: &face.Table.Constants, base: size, upem: float64(face.UnitsPerEm)}
	s := style{level: 1}
	if display {
		s.level = 0
	}
	b := e.row(formula.Items, s, false)
	return &Box{Width: b.w, Ascent: b.h, Descent: b.d, Glyphs: b.glyphs, Rules: b.rules}
}

// Scaled returns a copy of the box made k times as large: a formula set
// smaller to fit the room it is given.
func (b *Box) Scaled(k float64) *Box {
	out := &Box{Width: b.Width * k, Ascent: b.Ascent * k, Descent: b.Descent * k,
		Glyphs: make([]Glyph, len(b.Glyphs)), Rules: make([]Rule, len(b.Rules))}
	for i, g := range b.Glyphs {
		g.X, g.Y, g.Size = g.X*k, g.Y*k, g.Size*k
		out.Glyphs[i] = g
	}
	for i, r := range b.Rules {
		out.Rules[i] = Rule{X: r.X * k, Y: r.Y * k, W: r.W * k, H: r.H * k}
	}
	return out
}

// style is TeX's style of a sub-formula: display (0), text (1), script
// (2) or scriptscript (3), and whether it is cramped (its superscripts
// raised less).
type style struct {
	level   int
	cramped bool
}

func (s style) display() bool { return s.level == 0 }

// sup is the style of a superscript.
func (s style) sup() style { return style{max(s.level, 1) + 1, s.cramped}.capped() }

// sub is the style of a subscript: smaller and cramped.
func (s style) sub() style { return style{max(s.level, 1) + 1, true}.capped() }

// num is the style of a numerator.
func (s style) num() style { return style{s.level + 1, s.cramped}.capped() }

// den is the style of a denominator: a numerator's, cramped.
func (s style) den() style { return style{s.level + 1, true}.capped() }

func (s style) cramp() style { return style{s.level, true} }

func (s style) capped() style {
	s.level = min(s.level, 3)
	return s
}

// class is the part an atom plays, for the space around it.
type class int

const (
	ord class = iota
	op
	bin
	rel
	open
	close
	punct
	inner
	none // space: not an atom, takes no part in spacing
)

// spacing is TeX's table of the space between two atoms, by the left
// atom's class and the right one's: 0 none, 1 a thin space (3 mu), 2 a
// medium space (4 mu), 3 a thick space (5 mu); negative values apply
// only in display and text styles.
var spacing = [8][8]int{
	//        ord op bin rel open close punct inner
	ord:   {0, 1, -2, -3, 0, 0, 0, -1},
	op:    {1, 1, 0, -3, 0, 0, 0, -1},
	bin:   {-2, -2, 0, 0, -2, 0, 0, -2},
	rel:   {-3, -3, 0, 0, -3, 0, 0, -3},
	open:  {0, 0, 0, 0, 0, 0, 0, 0},
	close: {0, 1, -2, -3, 0, 0, 0, -1},
	punct: {-1, -1, 0, -1, -1, -1, -1, -1},
	inner: {-1, 1, -2, -3, -1, 0, -1, -1},
}

// box is a laid-out sub-formula.
type box struct {
	w, h, d  float64
	glyphs   []Glyph
	rules    []Rule
	italic   float64 // the italics correction of its last glyph
	accentX  float64 // where an accent over it is centred
	single   bool    // one glyph: scripts are not lowered or raised by its size
	cls      class
	limits   bool // a large operator or operator name whose scripts go above and below
	stretchy string
}

// put adds o's glyphs and rules to b, o's origin at x, y of b's.
func (b *box) put(o *box, x, y float64) {
	for _, g := range o.glyphs {
		g.X += x
		g.Y += y
		b.glyphs = append(b.glyphs, g)
	}
	for _, r := range o.rules {
		r.X += x
		r.Y += y
		b.rules = append(b.rules, r)
	}
	b.h = max(b.h, o.h+y)
	b.d = max(b.d, o.d-y)
}

type engine struct {
	f    *fonts.MathFont
	c    *fonts.MathConstants
	base float64 // the text size in points
	upem float64
}

// size returns the font size of a style.
func (e *engine) size(s style) float64 {
	switch s.level {
	case 2:
		return e.base * float64(e.c.ScriptPercentScaleDown) / 100
	case 3:
		return e.base * float64(e.c.ScriptScriptPercentScaleDown) / 100
	}
	return e.base
}

// u converts design units into points at the size of style s.
func (e *engine) u(s style, v int) float64 { return float64(v) / e.upem * e.size(s) }

// glyph returns a box of one glyph set at the size of s.
func (e *engine) glyph(g uint16, s style) *box {
	size := e.size(s)
	k := size / e.upem
	gb := e.f.Box(g)
	b := &box{
		w:      float64(e.f.Advance(g)) * k,
		h:      max(0, float64(gb.YMax)*k),
		d:      max(0, -float64(gb.YMin)*k),
		glyphs: []Glyph{{ID: g, Size: size}},
		single: true,
		italic: float64(e.f.Table.ItalicsCorrection[g]) * k,
	}
	if a, ok := e.f.Table.TopAccentAttachment[g]; ok {
		b.accentX = float64(a) * k
	} else {
		b.accentX = b.w / 2
	}
	return b
}

// runeGlyph returns the glyph of r, or of "?" when the face lacks it.
func (e *engine) runeGlyph(r rune) uint16 {
	if g, ok := e.f.Glyph(r); ok {
		return g
	}
	if g, ok := e.f.Glyph(fonts.PlainOf(r)); ok {
		return g
	}
	g, _ := e.f.Glyph('?')
	return g
}

// fallback returns a box of r set in the text face, which has it, or nil.
func (e *engine) fallback(r rune, s style) *box {
	if _, ok := e.f.Glyph(r); ok {
		return nil
	}
	if _, ok := e.f.Glyph(fonts.PlainOf(r)); ok {
		return nil
	}
	face, ok := fonts.Fallback(TextFamily, "", r)
	if !ok {
		return nil
	}
	size := e.size(s)
	return &box{
		w:       face.Width(string(r), size),
		h:       0.76 * size, // the ascender of the faces, accents and all
		d:       0.24 * size,
		glyphs:  []Glyph{{Text: r, Size: size}},
		single:  true,
		accentX: face.Width(string(r), size) / 2,
	}
}

// text sets a string glyph by glyph, side by side, without spacing.
func (e *engine) text(str string, s style) *box {
	b := &box{}
	n := 0
	for _, r := range str {
		g := e.fallback(r, s)
		if g == nil {
			g = e.glyph(e.runeGlyph(r), s)
		}
		b.put(g, b.w, 0)
		b.w += g.w
		b.italic = g.italic
		b.accentX = b.w - g.w + g.accentX
		n++
	}
	b.single = n == 1
	if n != 1 {
		b.accentX = b.w / 2
	}
	return b
}

// row lays out a list of nodes side by side with TeX's spacing. When lead
// is set, the list is spaced as if an ordinary atom came before it, as in
// the second column of aligned equations ("&= x").
func (e *engine) row(items []texmath.Node, s style, lead bool) *box {
	atoms := make([]*box, 0, len(items))
	for _, n := range items {
		atoms = append(atoms, e.node(n, s))
	}
	// Delimiters written with \middle grow to the height of the rest.
	e.stretchMiddles(atoms, s)
	// A binary operator with nothing to operate on is ordinary.
	prev := none
	if lead {
		prev = ord
	}
	for i, a := range atoms {
		if a.cls == none {
			continue
		}
		if a.cls == bin {
			next := none
			for _, b := range atoms[i+1:] {
				if b.cls != none {
					next = b.cls
					break
				}
			}
			switch {
			case prev == none || prev == bin || prev == op || prev == rel || prev == open || prev == punct,
				next == rel || next == close || next == punct || next == none:
				a.cls = ord
			}
		}
		prev = a.cls
	}
	out := &box{cls: ord}
	mu := e.size(s) / 18
	prev = none
	if lead {
		prev = ord
	}
	for _, a := range atoms {
		if a.cls != none && prev != none {
			sp := spacing[prev][a.cls]
			if sp < 0 {
				if s.level > 1 {
					sp = 0
				} else {
					sp = -sp
				}
			}
			out.w += []float64{0, 3, 4, 5}[sp] * mu
		}
		out.put(a, out.w, 0)
		out.w += a.w
		if a.cls != none {
			prev = a.cls
			out.italic = a.italic
		}
	}
	if len(atoms) == 1 {
		a := atoms[0]
		out.single, out.italic, out.accentX, out.cls, out.limits = a.single, a.italic, a.accentX, a.cls, a.limits
	} else {
		out.accentX = out.w / 2
	}
	return out
}

// node lays out one node of the tree.
func (e *engine) node(n texmath.Node, s style) *box {
	switch n := n.(type) {
	case *texmath.Row:
		b := e.row(n.Items, s, false)
		if len(n.Items) != 1 {
			b.cls = ord
		}
		return b
	case *texmath.Ident:
		v := n.Variant
		if v == texmath.VariantAuto {
			v = texmath.VariantNormal
			if utf8.RuneCountInString(n.Text) == 1 {
				v = texmath.VariantItalic
			}
		}
		b := e.text(texmath.Styled(n.Text, v), s)
		b.cls = ord
		return b
	case *texmath.Number:
		b := e.text(texmath.Styled(n.Text, n.Variant), s)
		b.cls = ord
		return b
	case *texmath.Symbol:
		b := e.text(n.Text, s)
		b.cls = classOf(n.Class)
		if n.Stretchy {
			b.stretchy = n.Text
		}
		return b
	case *texmath.Op:
		return e.op(n, s)
	case *texmath.Scripts:
		return e.scripts(n, s)
	case *texmath.Frac:
		return e.frac(n, s)
	case *texmath.Root:
		return e.root(n, s)
	case *texmath.Fenced:
		return e.fenced(n, s)
	case *texmath.Accent:
		return e.accent(n, s)
	case *texmath.Text:
		b := e.text(texmath.Styled(n.Text, n.Variant), s)
		b.cls = ord
		return b
	case *texmath.Space:
		return &box{w: n.Width * e.size(s), cls: none}
	case *texmath.Table:
		return e.table(n, s)
	}
	return &box{cls: ord}
}

// classOf converts the tree's class of a symbol.
func classOf(c texmath.Class) class {
	switch c {
	case texmath.Bin:
		return bin
	case texmath.Rel:
		return rel
	case texmath.Open:
		return open
	case texmath.Close:
		return close
	case texmath.Punct:
		return punct
	}
	return ord
}

// op lays out a large operator or an operator name. A large operator is
// set in a larger variant in display style and centred on the maths axis.
func (e *engine) op(n *texmath.Op, s style) *box {
	var b *box
	if n.Name {
		b = e.text(n.Text, s)
		b.italic = 0
	} else {
		r, _ := utf8.DecodeRuneInString(n.Text)
		g := e.runeGlyph(r)
		if s.display() {
			g = e.variantAtLeast(g, e.u(s, e.c.DisplayOperatorMinHeight), s)
		}
		b = e.glyph(g, s)
		e.centreOnAxis(b, s)
		// Moved onto the axis, it is a box of its own: its scripts go
		// by its height and depth, as TeX sets them.
		b.single = false
	}
	b.cls = op
	b.limits = n.Limits
	return b
}

// variantAtLeast returns the first vertical variant of g at least height
// points tall, or its largest.
func (e *engine) variantAtLeast(g uint16, height float64, s style) uint16 {
	c := e.f.Table.Vertical[g]
	if c == nil {
		return g
	}
	k := e.size(s) / e.upem
	for _, v := range c.Variants {
		g = v.Glyph
		if float64(v.Advance)*k >= height {
			break
		}
	}
	return g
}

// centreOnAxis moves a box up or down so that its middle is on the axis.
func (e *engine) centreOnAxis(b *box, s style) {
	dy := e.u(s, e.c.AxisHeight) - (b.h-b.d)/2
	for i := range b.glyphs {
		b.glyphs[i].Y += dy
	}
	for i := range b.rules {
		b.rules[i].Y += dy
	}
	b.h += dy
	b.d -= dy
}

// scripts lays out a base with a subscript, a superscript or both: beside
// it, or above and below a large operator in display style.
func (e *engine) scripts(n *texmath.Scripts, s style) *box {
	base := e.node(n.Base, s)
	if base.limits && s.display() {
		return e.limits(base, n, s)
	}
	c := e.c
	// A prime is a superscript drawn at the base's size, where the
	// glyph already sits high.
	if sym, ok := n.Sup.(*texmath.Symbol); ok && n.Sub == nil && (sym.Text == "′" || sym.Text == "″" || sym.Text == "‴") {
		p := e.text(sym.Text, s)
		out := &box{cls: base.cls}
		out.put(base, 0, 0)
		out.put(p, base.w+base.italic, 0)
		out.w = base.w + base.italic + p.w
		return out
	}
	var sup, sub *box
	var supShift, subShift float64
	if n.Sup != nil {
		sup = e.node(n.Sup, s.sup())
		supShift = e.u(s, c.SuperscriptShiftUp)
		if s.cramped {
			supShift = e.u(s, c.SuperscriptShiftUpCramped)
		}
		if !base.single {
			supShift = max(supShift, base.h-e.u(s.sup(), c.SuperscriptBaselineDropMax))
		}
		supShift = max(supShift, sup.d+e.u(s, c.SuperscriptBottomMin))
	}
	if n.Sub != nil {
		sub = e.node(n.Sub, s.sub())
		subShift = e.u(s, c.SubscriptShiftDown)
		if !base.single {
			subShift = max(subShift, base.d+e.u(s.sub(), c.SubscriptBaselineDropMin))
		}
		subShift = max(subShift, sub.h-e.u(s, c.SubscriptTopMax))
	}
	if sup != nil && sub != nil {
		gap := (supShift - sup.d) - (sub.h - subShift)
		if gapMin := e.u(s, c.SubSuperscriptGapMin); gap < gapMin {
			subShift += gapMin - gap
			if lift := e.u(s, c.SuperscriptBottomMaxWithSubscript) - (supShift - sup.d); lift > 0 {
				lift = min(lift, subShift-sub.h+e.u(s, c.SubscriptTopMax))
				if lift > 0 {
					supShift += lift
					subShift -= lift
				}
			}
		}
	}
	out := &box{cls: base.cls}
	out.put(base, 0, 0)
	end := base.w
	// A letter's superscript clears its slant by the italics correction;
	// a large operator's advance already spans its top, and its
	// subscript tucks in under it by the italics correction.
	bigOp := base.cls == op && !base.single
	if sup != nil {
		x := base.w + base.italic
		if bigOp {
			x = base.w
		}
		out.put(sup, x, supShift)
		end = max(end, x+sup.w)
	}
	if sub != nil {
		x := base.w
		if bigOp {
			x -= base.italic
		}
		out.put(sub, x, -subShift)
		end = max(end, x+sub.w)
	}
	out.w = end + e.u(s, c.SpaceAfterScript)
	return out
}

// limits sets scripts above and below a large operator, centred on it.
func (e *engine) limits(base *box, n *texmath.Scripts, s style) *box {
	c := e.c
	out := &box{cls: op}
	var sup, sub *box
	w := base.w
	if n.Sup != nil {
		sup = e.node(n.Sup, s.sup())
		w = max(w, sup.w)
	}
	if n.Sub != nil {
		sub = e.node(n.Sub, s.sub())
		w = max(w, sub.w)
	}
	out.put(base, (w-base.w)/2, 0)
	if sup != nil {
		rise := base.h + max(e.u(s, c.UpperLimitBaselineRiseMin), e.u(s, c.UpperLimitGapMin)+sup.d)
		out.put(sup, (w-sup.w)/2+base.italic/2, rise)
	}
	if sub != nil {
		drop := base.d + max(e.u(s, c.LowerLimitBaselineDropMin), e.u(s, c.LowerLimitGapMin)+sub.h)
		out.put(sub, (w-sub.w)/2-base.italic/2, -drop)
	}
	out.w = w
	return out
}

// frac sets a numerator over a denominator with a bar on the maths axis.
func (e *engine) frac(n *texmath.Frac, s style) *box {
	c := e.c
	switch n.Style {
	case texmath.FracDisplay:
		s = style{0, s.cramped}
	case texmath.FracText:
		s = style{max(s.level, 1), s.cramped}
	}
	num := e.node(n.Num, s.num())
	den := e.node(n.Den, s.den())
	axis := e.u(s, c.AxisHeight)
	t := e.u(s, c.FractionRuleThickness)
	numShift, denShift := e.u(s, c.FractionNumeratorShiftUp), e.u(s, c.FractionDenominatorShiftDown)
	numGap, denGap := e.u(s, c.FractionNumeratorGapMin), e.u(s, c.FractionDenominatorGapMin)
	if s.display() {
		numShift, denShift = e.u(s, c.FractionNumeratorDisplayStyleShiftUp), e.u(s, c.FractionDenominatorDisplayStyleShiftDown)
		numGap, denGap = e.u(s, c.FractionNumDisplayStyleGapMin), e.u(s, c.FractionDenomDisplayStyleGapMin)
	}
	numShift = max(numShift, axis+t/2+numGap+num.d)
	denShift = max(denShift, den.h+denGap-(axis-t/2))
	pad := 0.12 * e.size(s) // TeX's null delimiter space on each side
	w := max(num.w, den.w)
	out := &box{cls: inner}
	out.put(num, pad+(w-num.w)/2, numShift)
	out.put(den, pad+(w-den.w)/2, -denShift)
	out.rules = append(out.rules, Rule{X: pad, Y: axis - t/2, W: w, H: t})
	out.w = w + 2*pad
	out.cls = ord
	return out
}

// root sets a radical sign that grows to its body, with a bar over the
// body and the degree, if any, in the crook of the sign.
func (e *engine) root(n *texmath.Root, s style) *box {
	c := e.c
	body := e.node(n.Body, s.cramp())
	t := e.u(s, c.RadicalRuleThickness)
	gap := e.u(s, c.RadicalVerticalGap)
	if s.display() {
		gap = e.u(s, c.RadicalDisplayStyleVerticalGap)
	}
	target := body.h + body.d + gap + t
	rad := e.stretch('√', target, s)
	if extra := rad.h + rad.d - target; extra > 0 {
		gap += extra / 2
	}
	top := body.h + gap + t
	dy := top - rad.h
	out := &box{cls: ord}
	x := 0.0
	if n.Index != nil {
		idx := e.node(n.Index, style{level: 3})
		raise := float64(c.RadicalDegreeBottomRaisePercent) / 100 * (rad.h + rad.d)
		kb := e.u(s, c.RadicalKernBeforeDegree)
		out.put(idx, kb, dy-rad.d+raise+idx.d)
		x = max(0, kb+idx.w+e.u(s, c.RadicalKernAfterDegree))
	}
	out.put(rad, x, dy)
	x += rad.w
	out.put(body, x, 0)
	out.rules = append(out.rules, Rule{X: x, Y: top - t, W: body.w, H: t})
	out.w = x + body.w
	out.h = max(out.h, top+e.u(s, c.RadicalExtraAscender))
	return out
}

// stretch returns the glyph of r grown vertically to at least height
// points: the smallest variant that is tall enough, else an assembly of
// its parts, else its largest variant. The box keeps the glyph's own
// height and depth; an assembly stands on the baseline.
func (e *engine) stretch(r rune, height float64, s style) *box {
	g := e.runeGlyph(r)
	c := e.f.Table.Vertical[g]
	if c == nil {
		return e.glyph(g, s)
	}
	k := e.size(s) / e.upem
	for _, v := range c.Variants {
		if float64(v.Advance)*k >= height {
			return e.glyph(v.Glyph, s)
		}
	}
	if c.Assembly != nil && len(c.Assembly.Parts) > 0 {
		if b := e.assemble(c.Assembly, height, s); b != nil {
			return b
		}
	}
	if len(c.Variants) > 0 {
		return e.glyph(c.Variants[len(c.Variants)-1].Glyph, s)
	}
	return e.glyph(g, s)
}

// assemble builds a vertical glyph assembly at least height points tall:
// its extenders repeated as few times as that needs, the overlaps between
// parts shared out evenly, each no less than the table's minimum.
func (e *engine) assemble(a *fonts.GlyphAssembly, height float64, s style) *box {
	k := e.size(s) / e.upem
	minOverlap := float64(e.f.Table.MinConnectorOverlap) * k
	var parts []fonts.GlyphPart
	for reps := 1; reps <= 64; reps++ {
		parts = parts[:0]
		for _, p := range a.Parts {
			n := 1
			if p.Extender {
				n = reps
			}
			for range n {
				parts = append(parts, p)
			}
		}
		if len(parts) < 2 {
			break
		}
		full := 0.0
		for _, p := range parts {
			full += float64(p.FullAdvance) * k
		}
		joins := float64(len(parts) - 1)
		if full-joins*minOverlap >= height || reps == 64 {
			// The largest overlap each join allows.
			maxOverlap := -1.0
			for i := 1; i < len(parts); i++ {
				o := float64(min(parts[i-1].EndConnector, parts[i].StartConnector)) * k
				if maxOverlap < 0 || o < maxOverlap {
					maxOverlap = o
				}
			}
			overlap := min(max((full-height)/joins, minOverlap), max(maxOverlap, minOverlap))
			b := &box{single: false}
			y := 0.0
			for i, p := range parts {
				gb := e.f.Box(p.Glyph)
				g := e.glyph(p.Glyph, s)
				b.put(g, 0, y-float64(gb.YMin)*k)
				b.w = max(b.w, g.w)
				y += float64(p.FullAdvance) * k
				if i < len(parts)-1 {
					y -= overlap
				}
			}
			b.h, b.d = y, 0
			b.italic = float64(a.ItalicsCorrection) * k
			return b
		}
	}
	return nil
}

// delimiter returns the delimiter r grown to cover a formula reaching h
// above and d below the baseline, centred on the axis as TeX sets
// \left and \right. An empty r is the null delimiter: a little space.
func (e *engine) delimiter(r string, h, d float64, s style) *box {
	if r == "" || r == "." {
		return &box{w: 0.12 * e.size(s), cls: none}
	}
	axis := e.u(s, e.c.AxisHeight)
	delta := max(h-axis, d+axis)
	size := max(2*delta*0.901, 2*delta-0.5*e.size(s))
	ru, _ := utf8.DecodeRuneInString(r)
	b := e.stretch(ru, size, s)
	e.centreOnAxis(b, s)
	return b
}

// stretchMiddles grows the delimiters of a list written with \middle to
// the height of the rest of the list.
func (e *engine) stretchMiddles(atoms []*box, s style) {
	h, d, any := 0.0, 0.0, false
	for _, a := range atoms {
		if a.stretchy != "" {
			any = true
			continue
		}
		h, d = max(h, a.h), max(d, a.d)
	}
	if !any {
		return
	}
	for i, a := range atoms {
		if a.stretchy != "" {
			b := e.delimiter(a.stretchy, h, d, s)
			b.cls = a.cls
			atoms[i] = b
		}
	}
}

// fenced sets a group between delimiters grown to its height.
func (e *engine) fenced(n *texmath.Fenced, s style) *box {
	var body *box
	if n.Body != nil {
		body = e.row(n.Body.Items, s, false)
	} else {
		body = &box{}
	}
	return e.fence(n.Left, body, n.Right, s)
}

// fence puts delimiters grown to a body around it.
func (e *engine) fence(left string, body *box, right string, s style) *box {
	out := &box{cls: inner}
	l := e.delimiter(left, body.h, body.d, s)
	out.put(l, 0, 0)
	out.w = l.w
	out.put(body, out.w, 0)
	out.w += body.w
	if right != "" || left != "" {
		r := e.delimiter(right, body.h, body.d, s)
		out.put(r, out.w, 0)
		out.w += r.w
	}
	return out
}

// accentMarks are the combining characters that draw each accent.
var accentMarks = map[texmath.AccentKind]rune{
	texmath.AccentHat:   0x302,
	texmath.AccentBar:   0x304,
	texmath.AccentVec:   0x20D7,
	texmath.AccentDot:   0x307,
	texmath.AccentDDot:  0x308,
	texmath.AccentTilde: 0x303,
}

// accent sets an accent over its base, centred on the base's accent
// point and raised when the base is taller than the face's accent base
// height. A bar over more than one glyph is a rule.
func (e *engine) accent(n *texmath.Accent, s style) *box {
	c := e.c
	base := e.node(n.Base, s.cramp())
	out := &box{cls: ord}
	out.put(base, 0, 0)
	out.w = base.w
	out.italic = base.italic
	if n.Kind == texmath.AccentBar && !base.single {
		gap, t := e.u(s, c.OverbarVerticalGap), e.u(s, c.OverbarRuleThickness)
		out.rules = append(out.rules, Rule{X: 0, Y: base.h + gap, W: base.w, H: t})
		out.h = max(out.h, base.h+gap+t+e.u(s, c.OverbarExtraAscender))
		return out
	}
	g := e.runeGlyph(accentMarks[n.Kind])
	// Over a wide base, the widest variant that is not wider than it.
	k := e.size(s) / e.upem
	if h := e.f.Table.Horizontal[g]; h != nil {
		for _, v := range h.Variants {
			if float64(v.Advance)*k > base.w {
				break
			}
			g = v.Glyph
		}
	}
	mark := e.glyph(g, s)
	gb := e.f.Box(g)
	attach := float64(gb.XMin+gb.XMax) / 2 * k
	if a, ok := e.f.Table.TopAccentAttachment[g]; ok {
		attach = float64(a) * k
	}
	dy := max(0, base.h-e.u(s, c.AccentBaseHeight))
	mark.h = max(0, float64(gb.YMax)*k)
	out.put(mark, base.accentX-attach, dy)
	out.d = base.d
	out.single = false
	return out
}

// table sets a matrix, cases or aligned equations as rows of cells,
// centred on the maths axis, between delimiters grown to its height.
func (e *engine) table(n *texmath.Table, s style) *box {
	cell := style{level: max(s.level, 1)}
	if n.Kind == texmath.Aligned {
		cell = style{level: s.level}
	}
	size := e.size(s)
	var rows [][]*box
	var widths []float64
	for _, r := range n.Rows {
		var row []*box
		for j, c := range r {
			lead := n.Kind == texmath.Aligned && j%2 == 1
			b := e.row(c.Items, cell, lead)
			row = append(row, b)
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], b.w)
		}
		rows = append(rows, row)
	}
	gapAfter := func(j int) float64 {
		switch n.Kind {
		case texmath.Aligned:
			if j%2 == 1 {
				return 2 * size
			}
			return 0
		}
		return size
	}
	total := 0.0
	for j, w := range widths {
		total += w
		if j < len(widths)-1 {
			total += gapAfter(j)
		}
	}
	strutH, strutD := 0.84*size, 0.36*size
	if n.Kind == texmath.Aligned {
		strutD += 0.3 * size
	}
	heights := make([]float64, len(rows))
	depths := make([]float64, len(rows))
	all := 0.0
	for i, row := range rows {
		heights[i], depths[i] = strutH, strutD
		for _, b := range row {
			heights[i] = max(heights[i], b.h)
			depths[i] = max(depths[i], b.d)
		}
		all += heights[i] + depths[i]
	}
	body := &box{cls: inner}
	y := e.u(s, e.c.AxisHeight) + all/2
	for i, row := range rows {
		y -= heights[i]
		x := 0.0
		for j, w := range widths {
			if j < len(row) {
				b := row[j]
				dx := (w - b.w) / 2
				switch {
				case n.Kind == texmath.Cases:
					dx = 0
				case n.Kind == texmath.Aligned && j%2 == 0:
					dx = w - b.w
				case n.Kind == texmath.Aligned:
					dx = 0
				}
				body.put(b, x+dx, y)
			}
			x += w
			if j < len(widths)-1 {
				x += gapAfter(j)
			}
		}
		y -= depths[i]
	}
	body.w = total
	// The rows' struts, not only their ink, make the table's height.
	top := e.u(s, e.c.AxisHeight) + all/2
	body.h, body.d = max(body.h, top), max(body.d, all-top)
	left, right := n.Delims()
	if left == "" && right == "" {
		return body
	}
	return e.fence(left, body, right, s)
}
