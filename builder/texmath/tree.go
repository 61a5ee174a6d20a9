// Package texmath reads the TeX maths that notes write between dollars
// into a tree, once, for every writer to lay out: MathML in the EPUB,
// typeset glyphs in the PDF, a readable line of plain text where only
// text will do (see Linear).
//
// It reads a subset of TeX and LaTeX maths: letters, digits and Greek
// letters, scripts (^ and _), fractions (\frac, \dfrac, \tfrac), roots
// (\sqrt[n]{x}), fences that stretch (\left … \middle … \right), large
// operators and operator names with their limits, accents, font commands
// (\text, \mathrm, \mathbf, \mathit, \mathbb, \mathcal…), spacing, the
// usual relations, arrows and symbols, and the environments matrix,
// pmatrix, bmatrix, vmatrix, cases and aligned. Parse reports anything
// else as a Problem at its byte offset in the source; a formula with a
// problem is shown as its source by the writers.
//
// Every node records the byte offset in the source where it starts, so
// a problem, or a caller, can point back into the note.
package texmath

// Node is one node of a formula's tree. The set of kinds is closed: Row,
// Ident, Number, Symbol, Op, Scripts, Frac, Root, Fenced, Accent, Text,
// Space and Table. Writers switch on the concrete type.
type Node interface {
	// Position returns the byte offset in the formula's source where the
	// node starts.
	Position() int
	node()
}

// Row is a sequence of nodes set side by side: a whole formula, a group
// written in braces, the argument of a command or a cell of a table.
type Row struct {
	Pos   int
	Items []Node
}

// Variant is the style of a letter, digit or text: what MathML calls
// mathvariant and TeX a maths alphabet.
type Variant int

// The variants. VariantAuto is the default of maths: a single letter in
// italic, anything longer upright, as MathML's mi does.
const (
	VariantAuto         Variant = iota
	VariantNormal               // upright: \mathrm, \operatorname, capital Greek, \text
	VariantItalic               // \mathit
	VariantBold                 // \mathbf
	VariantBoldItalic           // \boldsymbol
	VariantDoubleStruck         // \mathbb
	VariantScript               // \mathcal (a calligraphic capital)
	VariantFraktur              // \mathfrak
	VariantSansSerif            // \mathsf
	VariantMonospace            // \mathtt
)

// Ident is an identifier: a letter, a Greek letter, or a run of upright
// letters such as "kg" written in \mathrm. Text is the plain letter
// ("v", "θ"), never a styled character: Variant says how to show it, and
// Styled gives the character of the Mathematical Alphanumeric Symbols
// block where one is wanted.
type Ident struct {
	Pos     int
	Text    string
	Variant Variant
}

// Number is a run of digits, perhaps with one decimal point ("9.81").
type Number struct {
	Pos     int
	Text    string
	Variant Variant
}

// Class is the part a symbol plays in a formula, as TeX classes atoms;
// it decides the space around it.
type Class int

// The classes of symbols.
const (
	Ord   Class = iota // an ordinary symbol: ∞, ∂, ∇, °, /, |
	Bin                // a binary operator: +, −, ±, ×, ·
	Rel                // a relation or arrow: =, ≤, ≈, ∈, →, ⇒
	Open               // an opening delimiter: (, [, {, ⟨
	Close              // a closing delimiter: ), ], }, ⟩, !
	Punct              // punctuation: , and ;
)

// Symbol is a symbol other than a letter or digit: an operator, a
// relation, an arrow, a delimiter or an ordinary symbol, as one Unicode
// character or a few (Text is "−" for a minus, "≤" for \le). Stretchy is
// set on a delimiter written with \middle, which grows with its Fenced.
type Symbol struct {
	Pos      int
	Text     string
	Class    Class
	Stretchy bool
}

// Op is a large operator (∑, ∏, ∫, ∮) or an operator name (sin, lim,
// \operatorname{grad}). Name is true for an operator name, which is
// written upright in the text face; false for a large symbol, which is
// drawn larger in display style. Limits is true when its scripts go
// below and above it in display style (∑, lim), false when they go to
// its right (∫, sin); \limits and \nolimits change it.
type Op struct {
	Pos    int
	Text   string
	Name   bool
	Limits bool
}

// Scripts is a base with a subscript, a superscript or both; Sub or Sup
// is nil when absent, never both. Base is never nil: a script written
// with nothing before it has an empty Row as its base. A prime (x′) is a
// superscript Symbol "′".
type Scripts struct {
	Pos  int
	Base Node
	Sub  Node
	Sup  Node
}

// FracStyle is the style a fraction asks for.
type FracStyle int

// The fraction styles: \frac follows the surrounding style, \dfrac is
// set in display style and \tfrac in text style.
const (
	FracAuto FracStyle = iota
	FracDisplay
	FracText
)

// Frac is a fraction: Num over Den with a rule between them.
type Frac struct {
	Pos   int
	Num   Node
	Den   Node
	Style FracStyle
}

// Root is a square root, or a root of degree Index when Index is not nil
// (\sqrt[3]{x}).
type Root struct {
	Pos   int
	Index Node
	Body  Node
}

// Fenced is a group between delimiters that grow with it, written with
// \left and \right. Left and Right are the delimiters as characters ("(",
// "‖", "⟨"), empty for the invisible delimiter "." . Delimiters written
// with \middle are Symbols of Body with Stretchy set.
type Fenced struct {
	Pos   int
	Left  string
	Right string
	Body  *Row
}

// AccentKind names an accent placed over its base.
type AccentKind int

// The accents.
const (
	AccentHat   AccentKind = iota // \hat: x̂
	AccentBar                     // \bar and \overline: x̄
	AccentVec                     // \vec: an arrow over
	AccentDot                     // \dot: ẋ
	AccentDDot                    // \ddot: ẍ
	AccentTilde                   // \tilde: x̃
)

// Accent is a base with an accent over it.
type Accent struct {
	Pos  int
	Kind AccentKind
	Base Node
}

// Mark returns the character that draws the accent, as MathML writes it
// in an mo over the base: a spacing character, not a combining one. The
// bar is the overline (U+203E) rather than the macron (U+00AF): WebKit,
// the engine of Apple Books, draws no macron at all over a letter when
// the maths face has no wide forms of it, and an overline it draws.
func (a *Accent) Mark() string {
	switch a.Kind {
	case AccentHat:
		return "^"
	case AccentBar:
		return "‾"
	case AccentVec:
		return "→"
	case AccentDot:
		return "˙"
	case AccentDDot:
		return "¨"
	case AccentTilde:
		return "~"
	}
	return ""
}

// Text is text inside a formula, written with \text or \mbox: words set
// in the text face, spaces kept. Variant is VariantNormal unless a font
// command around it says otherwise.
type Text struct {
	Pos     int
	Text    string
	Variant Variant
}

// Space is horizontal space, Width in ems (a thin space \, is 3/18 em, a
// \quad 1 em; \! is a negative thin space).
type Space struct {
	Pos   int
	Width float64
}

// TableKind names the environment a Table was written with.
type TableKind int

// The environments.
const (
	Matrix   TableKind = iota // matrix: no delimiters
	PMatrix                   // pmatrix: ( )
	BMatrix                   // bmatrix: [ ]
	BBMatrix                  // Bmatrix: { }
	VMatrix                   // vmatrix: | |
	VVMatrix                  // Vmatrix: ‖ ‖
	Cases                     // cases: a brace on the left, cells left-aligned
	Aligned                   // aligned: columns aligned right, left, right, left…
)

// Table is an environment of rows and cells: a matrix, cases or aligned
// equations. Rows holds the cells of each row, each cell a Row; rows may
// have fewer cells than others.
type Table struct {
	Pos  int
	Kind TableKind
	Rows [][]*Row
}

// Delims returns the delimiters that surround the table, as characters;
// empty when it has none on that side.
func (t *Table) Delims() (left, right string) {
	switch t.Kind {
	case PMatrix:
		return "(", ")"
	case BMatrix:
		return "[", "]"
	case BBMatrix:
		return "{", "}"
	case VMatrix:
		return "|", "|"
	case VVMatrix:
		return "‖", "‖"
	case Cases:
		return "{", ""
	}
	return "", ""
}

func (n *Row) Position() int     { return n.Pos }
func (n *Ident) Position() int   { return n.Pos }
func (n *Number) Position() int  { return n.Pos }
func (n *Symbol) Position() int  { return n.Pos }
func (n *Op) Position() int      { return n.Pos }
func (n *Scripts) Position() int { return n.Pos }
func (n *Frac) Position() int    { return n.Pos }
func (n *Root) Position() int    { return n.Pos }
func (n *Fenced) Position() int  { return n.Pos }
func (n *Accent) Position() int  { return n.Pos }
func (n *Text) Position() int    { return n.Pos }
func (n *Space) Position() int   { return n.Pos }
func (n *Table) Position() int   { return n.Pos }

func (*Row) node()     {}
func (*Ident) node()   {}
func (*Number) node()  {}
func (*Symbol) node()  {}
func (*Op) node()      {}
func (*Scripts) node() {}
func (*Frac) node()    {}
func (*Root) node()    {}
func (*Fenced) node()  {}
func (*Accent) node()  {}
func (*Text) node()    {}
func (*Space) node()   {}
func (*Table) node()   {}
