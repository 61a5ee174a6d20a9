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
	type keyed struct {
		key  []byte
		term *guide.Term
	}
	// The keys are made into one buffer, which each sort key is a part
	// of, and sorted beside their terms.
	sorted := make([]keyed, len(terms))
	var all []byte
	ends := make([]int, len(terms))
	for i, t := range terms {
		all = append(all, c.KeyFromString(&buf, sortName(t.Name))...)
		ends[i] = len(all)
		buf.Reset()
	}
	start := 0
	for i, t := range terms {
		sorted[i] = keyed{all[start:ends[i]:ends[i]], t}
		start = ends[i]
	}
	slices.SortStableFunc(sorted, func(a, b keyed) int {
		return bytes.Compare(a.key, b.key)
	})
	out := make([]*guide.Term, len(terms))
	for i, k := range sorted {
		out[i] = k.term
	}
	return out
}

// sortName is the part of a name that decides its place: without a
// leading article-like quote or bracket.
func sortName(name string) string {
	return strings.TrimLeft(name, `"'“‘«([¿¡`)
}
