package markdown

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// plainTitle returns inlines as a title: plain text on one line, without
// a trailing colon ("**Mind Palace Technique**:" gives "Mind Palace
// Technique").
func plainTitle(inl []guide.Inline) string {
	s := collapseSpace(guide.PlainText(inl))
	for {
		t := strings.TrimRight(s, ":：")
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// headingInlines returns a heading's inlines as the guides show them
// (guide.Section.Heading) when they hold a formula, else nil: text,
// emphasis, strike-through, code and spans as written, a link as its
// text, an image as its alt text, breaks as spaces, footnote references
// left out, a displayed formula shown in the line, runs of white space as
// one space and a trailing colon dropped, as in the title.
func headingInlines(inl []guide.Inline) []guide.Inline {
	found := false
	for _, n := range inl {
		guide.Inspect(n, func(c guide.Node) bool {
			if _, ok := c.(*guide.Formula); ok {
				found = true
			}
			return !found
		})
	}
	if !found {
		return nil
	}
	out := headingCopy(inl)
	// Trim the space at both ends and the trailing colon, as plainTitle
	// does.
	for len(out) > 0 {
		t, ok := out[0].(*guide.Text)
		if !ok {
			break
		}
		if t.Text = strings.TrimLeft(t.Text, " "); t.Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		t, ok := out[len(out)-1].(*guide.Text)
		if !ok {
			break
		}
		if t.Text = strings.TrimRight(t.Text, " :："); t.Text != "" {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

// headingCopy copies inlines for headingInlines.
func headingCopy(inl []guide.Inline) []guide.Inline {
	out := make([]guide.Inline, 0, len(inl))
	text := func(pos guide.Pos, s string) {
		s = spaceRun.ReplaceAllString(s, " ")
		if n := len(out); n > 0 {
			if t, ok := out[n-1].(*guide.Text); ok {
				t.Text = spaceRun.ReplaceAllString(t.Text+s, " ")
				return
			}
		}
		if s != "" {
			out = append(out, &guide.Text{Pos: pos, Text: s})
		}
	}
	for _, n := range inl {
		switch n := n.(type) {
		case *guide.Text:
			text(n.Pos, n.Text)
		case *guide.Break:
			text(n.Pos, " ")
		case *guide.Image:
			text(n.Pos, n.Alt)
		case *guide.Link, *guide.Ref:
			var kids []guide.Inline
			if l, ok := n.(*guide.Link); ok {
				kids = l.Children
			} else {
				kids = n.(*guide.Ref).Children
			}
			for _, k := range headingCopy(kids) {
				if t, ok := k.(*guide.Text); ok {
					text(t.Pos, t.Text)
				} else {
					out = append(out, k)
				}
			}
		case *guide.Strong:
			out = append(out, &guide.Strong{Pos: n.Pos, Children: headingCopy(n.Children)})
		case *guide.Emph:
			out = append(out, &guide.Emph{Pos: n.Pos, Children: headingCopy(n.Children)})
		case *guide.Strike:
			out = append(out, &guide.Strike{Pos: n.Pos, Children: headingCopy(n.Children)})
		case *guide.Span:
			out = append(out, &guide.Span{Pos: n.Pos, Lang: n.Lang, Children: headingCopy(n.Children)})
		case *guide.Formula:
			if n.Display {
				f := *n
				f.Display = false
				n = &f
			}
			out = append(out, n)
		case *guide.Code:
			out = append(out, n)
		}
	}
	return out
}

// spaceRun matches a run of white space.
var spaceRun = regexp.MustCompile(`\s+`)

// keyPoint recognises a key point: a list item whose first block is a
// paragraph that opens with strong text. The title is that strong text.
// The converter asks only for items that are not sub-items of a key
// point.
func keyPoint(blocks []guide.Block) *guide.KeyPoint {
	if len(blocks) == 0 {
		return nil
	}
	p, ok := blocks[0].(*guide.Paragraph)
	if !ok || len(p.Inlines) == 0 {
		return nil
	}
	s, ok := p.Inlines[0].(*guide.Strong)
	if !ok {
		return nil
	}
	title := plainTitle(s.Children)
	if title == "" {
		return nil
	}
	return &guide.KeyPoint{Title: title, TitleInlines: headingInlines(s.Children)}
}

// titleKey reduces a title to what matters when two titles are compared:
// letters and digits, in lower case. "NATO's Involvement" and
// "**NATO’s involvement**" have the same key.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// sameTitle reports whether a and b are the same non-empty title.
func sameTitle(a, b string) bool {
	k := titleKey(a)
	return k != "" && k == titleKey(b)
}

// fileTitle makes a title from the note's file name: the base name without
// its extension, with underscores and hyphens read as spaces. A name
// written all in lower case gets a capital first letter. A name that
// leaves nothing gives untitled, the guide language's word for a guide
// with no title.
func fileTitle(name, untitled string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.NewReplacer("_", " ", "-", " ").Replace(base)
	base = collapseSpace(cleanText(base))
	if base == "" || base == "." || base == string(filepath.Separator) {
		return untitled
	}
	if strings.ToLower(base) == base {
		r, size := utf8.DecodeRuneInString(base)
		base = string(unicode.ToUpper(r)) + base[size:]
	}
	return base
}

// maxTitleRunes is the longest title, in characters, that a section, key
// point or guide keeps. Titles are repeated in tables of contents, running
// headers, bookmarks, summaries and the palace, where a longer one is of
// no use; the whole text stays in the body.
const maxTitleRunes = 200

// shortTitle returns s cut to at most maxTitleRunes characters, at a word
// boundary when one is near, with an ellipsis. long is the length of s in
// characters when it was cut, else zero.
func shortTitle(s string) (title string, long int) {
	n := utf8.RuneCountInString(s)
	if n <= maxTitleRunes {
		return s, 0
	}
	r := []rune(s)[:maxTitleRunes-1]
	end := len(r)
	for i := len(r) - 1; i > len(r)/2; i-- {
		if unicode.IsSpace(r[i]) {
			end = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:end]), unicode.IsSpace) + "…", n
}
