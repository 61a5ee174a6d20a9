package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// Characters that no embedded font can print (emoji, scripts the fonts do
// not cover) are printed as a replacement mark and reported once for the
// whole PDF: which characters, and where the notes have them. A character
// met on the title page, in the contents and in running heads is still
// one character at one place.

// Most characters and places the warning names; it counts the rest.
const (
	maxMissingShown = 8
	maxPlacesShown  = 10
)

// missingChars collects the characters no font could print, each once in
// the order they were met, and the places of the text that holds them.
type missingChars struct {
	runes  []rune
	seen   map[rune]bool
	places []guide.Pos
	at     map[guide.Pos]bool
}

// add records the characters of text, set from pos, that chain c cannot
// print.
func (mc *missingChars) add(m *metrics, pos guide.Pos, text string, c chain) {
	if mc.seen == nil {
		mc.seen, mc.at = map[rune]bool{}, map[guide.Pos]bool{}
	}
	for _, r := range text {
		if ignorable(r) || mc.seen[r] || m.printable(r, c) {
			continue
		}
		mc.seen[r] = true
		mc.runes = append(mc.runes, r)
	}
	if pos >= 0 && !mc.at[pos] {
		mc.at[pos] = true
		mc.places = append(mc.places, pos)
	}
}

// merge adds what other collected after what mc collected: the
// characters mc has not met, in the order other met them, and the places
// mc does not hold.
func (mc *missingChars) merge(other *missingChars) {
	if len(other.runes) == 0 && len(other.places) == 0 {
		return
	}
	if mc.seen == nil {
		mc.seen, mc.at = map[rune]bool{}, map[guide.Pos]bool{}
	}
	for _, r := range other.runes {
		if !mc.seen[r] {
			mc.seen[r] = true
			mc.runes = append(mc.runes, r)
		}
	}
	for _, p := range other.places {
		if !mc.at[p] {
			mc.at[p] = true
			mc.places = append(mc.places, p)
		}
	}
}

// warning returns the one message about every missing character and the
// position it is reported at: the first place, or guide.NoPos.
func (mc *missingChars) warning(files *diag.FileSet) (guide.Pos, string, bool) {
	if len(mc.runes) == 0 {
		return guide.NoPos, "", false
	}
	slices.Sort(mc.places)
	var b strings.Builder
	b.WriteString("no embedded font can print some characters: ")
	for i, r := range mc.runes {
		if i == maxMissingShown {
			fmt.Fprintf(&b, " and %d more", len(mc.runes)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q (U+%04X)", string(r), r)
	}
	if files != nil && len(mc.places) > 0 {
		b.WriteString(", at ")
		for i, p := range mc.places {
			if i == maxPlacesShown {
				fmt.Fprintf(&b, " and %d more places", len(mc.places)-i)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(place(files, p, mc.places[0]))
		}
	}
	fmt.Fprintf(&b, "; the PDF shows them as %q (the EPUB keeps them)", string(replacement))
	pos := guide.NoPos
	if len(mc.places) > 0 {
		pos = mc.places[0]
	}
	return pos, b.String(), true
}

// place writes pos as line:col when it is in the same note as the place
// the warning is reported at, and as file:line:col when it is in another
// note of the guide.
func place(files *diag.FileSet, pos, at guide.Pos) string {
	p := files.Position(pos)
	if files.File(pos) != files.File(at) {
		return p.String()
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// printable reports whether chain c can print r, as shape decides it.
func (m *metrics) printable(r rune, c chain) bool {
	if r == utf8.RuneError {
		return false
	}
	if _, ok := m.advance(c.primary, r); ok {
		return true
	}
	_, ok := m.advance(c.fallback, r)
	return ok
}
