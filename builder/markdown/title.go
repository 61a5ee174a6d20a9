package markdown

import (
	"path/filepath"
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
	return &guide.KeyPoint{Title: title}
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
