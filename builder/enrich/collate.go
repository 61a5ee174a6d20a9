package enrich

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"studyguide/builder/guide"
)

// sortTerms returns the terms sorted by name in the order of the language
// tagged lang (English when the tag is not understood): accents sort with
// their letters, case only breaks ties, numbers sort by value. Names that
// collate equal keep their order of first use.
func sortTerms(terms []*guide.Term, lang string) []*guide.Term {
	tag, err := language.Parse(lang)
	if err != nil || tag == language.Und {
		tag = language.English
	}
	c := collate.New(tag, collate.Numeric)
	var buf collate.Buffer
	keys := make(map[*guide.Term][]byte, len(terms))
	for _, t := range terms {
		keys[t] = slices.Clone(c.KeyFromString(&buf, sortName(t.Name)))
		buf.Reset()
	}
	out := slices.Clone(terms)
	slices.SortStableFunc(out, func(a, b *guide.Term) int {
		return bytes.Compare(keys[a], keys[b])
	})
	return out
}

// sortName is the part of a name that decides its place: without a
// leading article-like quote or bracket.
func sortName(name string) string {
	return strings.TrimLeft(name, `"'“‘«([¿¡`)
}
