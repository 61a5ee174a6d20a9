package texmath

import (
	"strings"
	"unicode/utf8"
)

// Linear returns a formula as one line of readable plain text, for the
// places that hold only text: a navigation entry, a PDF bookmark, a
// flashcard field, alternative text. Symbols are Unicode characters,
// short scripts are superscript and subscript characters (mv², v₀) and
// longer ones are written x^(n+1); a fraction is a/b, with parentheses
// around a numerator or denominator of more than one part; a root is
// √x or √(…); spaces stand around relations and binary operators. A nil
// node gives "".
func Linear(n Node) string {
	var w linearWriter
	w.node(n)
	return strings.Join(strings.Fields(w.b.String()), " ")
}

type linearWriter struct {
	b strings.Builder
	// word is set after an operator name, so that a letter after it is
	// kept apart: "sin θ", not "sinθ".
	word bool
}

func (w *linearWriter) write(s string) {
	if w.word && s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		if isWordRune(r) {
			w.b.WriteByte(' ')
		}
	}
	w.word = false
	w.b.WriteString(s)
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x370 && r < 0x400 || r > 0x1D400
}

func (w *linearWriter) node(n Node) {
	switch n := n.(type) {
	case nil:
	case *Row:
		w.row(n.Items)
	case *Ident:
		w.write(styledText(n.Text, n.Variant))
	case *Number:
		w.write(n.Text)
	case *Symbol:
		w.write(n.Text)
	case *Op:
		w.write(n.Text)
		w.word = n.Name
	case *Scripts:
		w.node(n.Base)
		word := w.word
		w.word = false
		for _, sc := range []struct {
			n     Node
			table map[rune]rune
			mark  string
		}{{n.Sub, subscripts, "_"}, {n.Sup, superscripts, "^"}} {
			if sc.n == nil {
				continue
			}
			s := script(strings.ReplaceAll(Linear(sc.n), " ", ""), sc.table, sc.mark)
			w.b.WriteString(s)
			// A script written after its mark is kept apart from what
			// follows: ∫₀^T v, not ∫₀^Tv.
			word = word || strings.HasPrefix(s, sc.mark)
		}
		w.word = word
	case *Frac:
		w.write(operand(n.Num) + "/" + operand(n.Den))
	case *Root:
		sign := "√"
		if n.Index != nil {
			switch idx := Linear(n.Index); idx {
			case "3":
				sign = "∛"
			case "4":
				sign = "∜"
			default:
				sign = script(idx, superscripts, "^") + "√"
			}
		}
		w.write(sign + operand(n.Body))
	case *Fenced:
		w.write(n.Left)
		w.row(n.Body.Items)
		w.write(n.Right)
	case *Accent:
		w.write(Linear(n.Base) + accentMarks[n.Kind])
	case *Text:
		w.write(n.Text)
	case *Space:
		if n.Width >= 3.0/18 {
			w.b.WriteByte(' ')
		}
	case *Table:
		left, right := n.Delims()
		var rows []string
		for _, r := range n.Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, Linear(c))
			}
			sep := " "
			if n.Kind == Aligned {
				sep = ""
			}
			rows = append(rows, strings.Join(cells, sep))
		}
		w.write(left + strings.Join(rows, "; ") + right)
	}
}

// row writes the items of a row, with spaces around relations and binary
// operators; a binary operator with nothing to its left (−x, a = −b) is
// a sign and gets none.
func (w *linearWriter) row(items []Node) {
	prev := Class(-1) // nothing yet
	for _, it := range items {
		s, ok := it.(*Symbol)
		if !ok {
			w.node(it)
			prev = Ord
			continue
		}
		switch {
		case s.Class == Rel:
			w.write(" " + s.Text + " ")
		case s.Class == Bin && prev != -1 && prev != Rel && prev != Bin && prev != Open && prev != Punct:
			w.write(" " + s.Text + " ")
		case s.Class == Punct:
			w.write(s.Text + " ")
		default:
			w.write(s.Text)
		}
		prev = s.Class
	}
}

// operand returns the linear form of a fraction's or root's part, in
// parentheses when it has more than one part.
func operand(n Node) string {
	s := Linear(n)
	for {
		r, ok := n.(*Row)
		if !ok || len(r.Items) != 1 {
			break
		}
		n = r.Items[0]
	}
	switch n := n.(type) {
	case *Row:
		// A product of letters and digits (mg) needs no parentheses;
		// a sum, a fraction or anything with a space in it does.
		for _, it := range n.Items {
			switch it := it.(type) {
			case *Symbol:
				if it.Class != Ord {
					return "(" + s + ")"
				}
			case *Frac, *Space, *Text, *Op:
				return "(" + s + ")"
			}
		}
	case *Frac:
		return "(" + s + ")"
	}
	return s
}

// script returns s as superscript or subscript characters when each of
// its characters has one, else written after mark, in parentheses when
// it is longer than one character.
func script(s string, table map[rune]rune, mark string) string {
	var b strings.Builder
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			if utf8.RuneCountInString(s) == 1 || s == "′" || s == "″" {
				if s == "′" || s == "″" {
					return s
				}
				return mark + s
			}
			return mark + "(" + s + ")"
		}
		b.WriteRune(m)
	}
	return b.String()
}

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
	'+': '⁺', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
	'+': '₊', '−': '₋', '=': '₌', '(': '₍', ')': '₎', 'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ', 'x': 'ₓ',
	'h': 'ₕ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ', 'n': 'ₙ', 'p': 'ₚ', 's': 'ₛ', 't': 'ₜ', 'i': 'ᵢ',
	'j': 'ⱼ', 'r': 'ᵣ', 'u': 'ᵤ', 'v': 'ᵥ',
}

// accentMarks are the combining characters that put each accent on the
// letter before them.
var accentMarks = map[AccentKind]string{
	AccentHat: "\u0302", AccentBar: "\u0304", AccentVec: "\u20d7",
	AccentDot: "\u0307", AccentDDot: "\u0308", AccentTilde: "\u0303",
}

// styledText returns the letters of s in the double-struck, script and
// fraktur alphabets, whose plain letters would lose their meaning (ℝ is
// not R); other variants are left to the face of the text around it.
func styledText(s string, v Variant) string {
	if v != VariantDoubleStruck && v != VariantScript && v != VariantFraktur {
		return s
	}
	return Styled(s, v)
}
