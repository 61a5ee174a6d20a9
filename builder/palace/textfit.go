package palace

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/fonts"
)

// Line metrics of the scene's sans face, as fractions of the type size:
// how far a line's ink reaches above and below its baseline, and the
// distance from one baseline to the next.
const (
	ascent  = 0.8
	descent = 0.26
	leading = 1.22
)

// ellipsis ends text that was cut.
const ellipsis = "…"

// rect is an axis-aligned box in scene points.
type rect struct{ X, Y, W, H float64 }

func (r rect) right() float64  { return r.X + r.W }
func (r rect) bottom() float64 { return r.Y + r.H }

// inset returns r shrunk by d on every side.
func (r rect) inset(d float64) rect { return rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// measure returns the width of s in the sans face of a style at size.
func measure(style string, size float64, s string) float64 {
	f, _ := fonts.Lookup("sans", style)
	return f.Width(s, size)
}

// line is one placed line of text.
type line struct {
	X, Baseline float64
	Text        string
	Size        float64
	Style       string // "", "B" or "I"
	Width       float64
	Avail       float64 // the width the line could have taken
}

// box returns the line's ink box.
func (l line) box() rect {
	return rect{l.X, l.Baseline - ascent*l.Size, l.Width, (ascent + descent) * l.Size}
}

// flow places lines of text down a box, top to bottom. Lines whose box
// meets the keep-out rectangle (a pictogram's tile) are set beside it,
// on the side away from it.
type flow struct {
	box     rect
	keepOut rect    // zero when there is none
	gap     float64 // between the keep-out rectangle and text beside it
	vgap    float64 // between the keep-out rectangle and text under it
	cursor  float64 // top of the next line
}

// slot returns where a line of a size would go: its x and width, and
// whether it still fits in the box.
func (f *flow) slot(size float64) (x, width float64, ok bool) {
	top := f.cursor
	bottom := top + (ascent+descent)*size
	if bottom > f.box.bottom()+0.01 {
		return 0, 0, false
	}
	x, width = f.box.X, f.box.W
	k := f.keepOut
	if k.W > 0 && top < k.bottom()+f.vgap && bottom > k.Y-f.vgap {
		if k.X-f.box.X > f.box.right()-k.right() {
			width = k.X - f.gap - f.box.X // the tile is on the right
		} else {
			x = k.right() + f.gap
			width = f.box.right() - x
		}
	}
	return x, width, true
}

// skipKeepOut moves the cursor below the keep-out rectangle.
func (f *flow) skipKeepOut() bool {
	if f.keepOut.W == 0 || f.cursor >= f.keepOut.bottom()+f.vgap {
		return false
	}
	f.cursor = f.keepOut.bottom() + f.vgap
	return true
}

// fill sets as many of the words as fit in at most maxLines lines (0: no
// limit) and returns the lines and the words left over. A word wider than
// a whole line is broken between characters.
func (f *flow) fill(words []string, style string, size float64, maxLines int) ([]line, []string) {
	var out []line
	for len(words) > 0 && (maxLines == 0 || len(out) < maxLines) {
		x, width, ok := f.slot(size)
		if !ok {
			break
		}
		n, text := 0, ""
		for n < len(words) {
			try := words[n]
			if n > 0 {
				try = text + " " + words[n]
			}
			if measure(style, size, try) > width {
				break
			}
			text, n = try, n+1
		}
		if n == 0 {
			// Not even one word fits: go below the tile if the line is
			// beside it, else break the word.
			if f.skipKeepOut() {
				continue
			}
			head, tail := breakWord(words[0], style, size, width)
			if head == "" {
				break
			}
			text, words = head, append([]string{tail}, words[1:]...)
		} else {
			words = words[n:]
		}
		out = append(out, line{X: x, Baseline: f.cursor + ascent*size, Text: text, Size: size, Style: style, Width: measure(style, size, text), Avail: width})
		f.cursor += leading * size
	}
	return out, words
}

// breakWord splits a word so that its head fits width.
func breakWord(w, style string, size, width float64) (head, tail string) {
	runes := []rune(w)
	n := len(runes) - 1
	for n > 0 && measure(style, size, string(runes[:n])) > width {
		n--
	}
	if n == 0 {
		return "", w
	}
	return string(runes[:n]), string(runes[n:])
}

// endWithEllipsis makes a line end in an ellipsis that fits the width it
// was set in, dropping words from its end as needed.
func endWithEllipsis(l *line) {
	width := l.Avail
	words := strings.Fields(l.Text)
	for {
		text := strings.TrimRight(strings.Join(words, " "), ",;:.–—-") + ellipsis
		if len(words) == 0 || measure(l.Style, l.Size, text) <= width {
			l.Text = text
			l.Width = measure(l.Style, l.Size, text)
			return
		}
		words = words[:len(words)-1]
	}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
