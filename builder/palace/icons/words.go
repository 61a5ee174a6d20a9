package icons

import (
	"strings"
	"unicode"
)

// stopWords are words too common to say anything about a picture.
var stopWords = map[string]bool{
	"a": true, "about": true, "after": true, "against": true, "all": true, "also": true, "an": true,
	"and": true, "any": true, "are": true, "as": true, "at": true, "be": true, "been": true,
	"before": true, "being": true, "between": true, "both": true, "but": true, "by": true,
	"can": true, "could": true, "did": true, "do": true, "does": true, "down": true, "during": true,
	"each": true, "every": true, "few": true, "for": true, "from": true, "had": true, "has": true,
	"have": true, "he": true, "her": true, "here": true, "him": true, "his": true, "how": true,
	"i": true, "if": true, "in": true, "into": true, "is": true, "it": true, "its": true,
	"just": true, "may": true, "more": true, "most": true, "much": true, "must": true, "my": true,
	"no": true, "not": true, "of": true, "off": true, "on": true, "one": true, "only": true,
	"or": true, "other": true, "our": true, "out": true, "over": true, "own": true, "same": true,
	"she": true, "should": true, "so": true, "some": true, "such": true, "than": true, "that": true,
	"the": true, "their": true, "them": true, "then": true, "there": true, "these": true,
	"they": true, "this": true, "those": true, "through": true, "to": true, "too": true,
	"under": true, "until": true, "up": true, "very": true, "was": true, "we": true, "were": true,
	"what": true, "when": true, "where": true, "which": true, "while": true, "who": true,
	"will": true, "with": true, "would": true, "you": true, "your": true,
	// Every locus is a room or a place in one: the word names no picture.
	"room": true, "place": true, "spot": true, "corner": true,
	// Words that say how, not what.
	"ensuring": true, "long": true, "term": true, "local": true, "single": true, "big": true,
	"small": true, "large": true, "great": true, "first": true, "second": true, "new": true,
	"old": true,
}

// Words returns the words of text that can name a picture: lower case,
// split at anything that is not a letter or digit, stop words left out,
// and each plural made singular ("forces" is "force", "cities" is
// "city"). A possessive "'s" is dropped.
func Words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		f = strings.Trim(f, "'’")
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		if f == "" || stopWords[f] {
			continue
		}
		w := Singular(f)
		if stopWords[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Singular returns a lower-case English word without a plural ending:
// "ies" becomes "y", "sses", "xes", "ches" and "shes" lose "es", and a
// final "s" goes unless the word ends in "ss", "us" or "is" or is short.
func Singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") &&
		!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
