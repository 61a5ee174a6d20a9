package epub

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/fonts"
)

// symbolFaces are the faces that decide whether a character needs the
// symbols face: one the serif text face lacks and the symbols face has.
type symbolFaces struct {
	serif, symbols fonts.Face
	ok             bool // the symbols face is embedded
}

func newSymbolFaces() symbolFaces {
	serif, _ := fonts.Lookup("serif", "")
	symbols, ok := fonts.Lookup("symbols", "")
	return symbolFaces{serif: serif, symbols: symbols, ok: ok}
}

// needed reports whether text has a character that needs the symbols
// face.
func (f symbolFaces) needed(text string) bool {
	if !f.ok {
		return false
	}
	for _, r := range text {
		if r > 0x7f && !f.serif.Covers(r) && f.symbols.Covers(r) {
			return true
		}
	}
	return false
}

// needsSymbols reports whether the guide's text (what g.Text returns),
// its authors or its drawings have a character that the serif text face
// lacks and the symbols face has.
//
// The text of the guide's sections, intro and footnotes was looked at
// piece by piece as the book was planned (see scanner.textOf): a
// character is one in the whole text if it is one in a piece of UTF-8.
// Only when a piece was not UTF-8 is the text looked at again as below.
//
// The guide's text is not made into one string: the parts of it that are
// plain ASCII, most of an English guide, cannot have such a character and
// are skipped, and each other paragraph, cell or block is looked at on its
// own. g.Text sets the parts of its text apart with line feeds or " | ",
// so each part reads alone as it would in the whole.
func (b *book) needsSymbols() bool {
	needs := b.symbols.needed
	g := b.g
	found := b.symbolText || needs(g.Meta.Title) || needs(g.Meta.Subtitle) ||
		needs(strings.Join(g.Meta.Authors, " ")+b.sceneText())
	if found || !b.textUnsure {
		return found
	}
	found = blocksNeed(g.Intro, needs)
	g.WalkSections(func(s *guide.Section) bool {
		found = found || needs(s.Title) || blocksNeed(s.Blocks, needs)
		return !found
	})
	for _, f := range g.Footnotes {
		found = found || blocksNeed(f.Blocks, needs)
	}
	return found
}

// blocksNeed reports whether needs holds for the plain text of blocks, as
// guide.BlocksText gives it, where it is not plain ASCII. A kind of block
// it does not know is looked at through guide.BlocksText.
func blocksNeed(blocks []guide.Block, needs func(string) bool) bool {
	found := false
	visit := func(n guide.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case nil, *guide.List, *guide.ListItem, *guide.Quote, *guide.Div, *guide.Rule, *guide.DefinitionList:
		case *guide.Paragraph:
			found = inlinesNeed(n.Inlines, needs)
			return false
		case *guide.CodeBlock:
			found = needs(n.Text)
		case *guide.Table:
			found = needs(n.Caption)
		case *guide.Cell:
			found = inlinesNeed(n.Inlines, needs)
			return false
		case *guide.Figure:
			found = needs(n.Alt)
		case *guide.Definition:
			// The term; its inlines are not visited again below.
			found = inlinesNeed(n.Term, needs)
		case guide.Inline:
			return false
		case guide.Block:
			found = needs(guide.BlocksText([]guide.Block{n}))
			return false
		}
		return !found
	}
	for _, bl := range blocks {
		guide.Inspect(bl, visit)
		if found {
			return true
		}
	}
	return false
}

// inlinesNeed reports whether needs holds for the plain text of inlines,
// as guide.PlainText gives it, unless that is plain ASCII.
func inlinesNeed(inlines []guide.Inline, needs func(string) bool) bool {
	if plainASCII(inlines) {
		return false
	}
	return needs(guide.PlainText(inlines))
}

// plainASCII reports whether the plain text of inlines is known to be
// ASCII; it is not known for a kind of inline it does not know.
func plainASCII(inlines []guide.Inline) bool {
	ok := true
	visit := func(n guide.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *guide.Text:
			ok = isASCII(n.Text)
		case *guide.Code:
			ok = isASCII(n.Text)
		case *guide.Image:
			ok = isASCII(n.Alt)
		case *guide.Formula:
			ok = isASCII(n.Text())
		case nil, *guide.Strong, *guide.Emph, *guide.Strike, *guide.Link, *guide.Ref, *guide.Span,
			*guide.FootnoteRef, *guide.Break, *guide.Blank:
		default:
			ok = false
		}
		return ok
	}
	for _, n := range inlines {
		guide.Inspect(n, visit)
		if !ok {
			return false
		}
	}
	return true
}

// isASCII reports whether s is all ASCII. It looks at eight bytes at a
// time while it can.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
