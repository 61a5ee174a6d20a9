package enrich

import (
	"strings"
	"unicode"
)

// Gist lengths, in words: a sentence up to gistSlack words is kept whole;
// a longer one is cut after at most gistWords words, at a clause end if
// one falls in the last quarter, else after the last word that is not a
// small joining word.
const (
	gistWords = 25
	gistSlack = 28
)

// joiningWords are words a cut sentence should not end on.
var joiningWords = wordSet(
	"a", "an", "and", "as", "at", "between", "but", "by", "for", "from", "in",
	"into", "its", "nor", "of", "on", "or", "the", "their", "to", "under",
	"with", "which", "that", "who", "whose",
)

// cutGist shortens a sentence to about gistWords words, cutting on a word
// boundary and marking the cut with "…". Space inside the result is
// single.
func cutGist(sentence string) string {
	if n, single := singleSpaced(sentence); single && n <= gistSlack {
		// Most sentences are short and spaced as the gist is: they are
		// their own gist.
		return sentence
	}
	words := strings.Fields(sentence)
	if len(words) <= gistSlack {
		return strings.Join(words, " ")
	}
	n := gistWords
	for i := gistWords; i > gistWords*3/4; i-- {
		if strings.ContainsAny(words[i-1][len(words[i-1])-1:], ",;:") {
			n = i
			break
		}
	}
	if n == gistWords {
		for n > gistWords/2 && joiningWords[strings.ToLower(strings.Trim(words[n-1], `"'“”‘’()`))] {
			n--
		}
	}
	out := strings.Join(words[:n], " ")
	out = strings.TrimRight(out, ",;:–—-([\"'“‘ ")
	return out + "…"
}

// singleSpaced returns the number of words of s (see strings.Fields) and
// whether a single space stands between each two of them and none before
// the first or after the last: then s is its words joined by spaces.
func singleSpaced(s string) (words int, single bool) {
	space := true
	for _, r := range s {
		if r == ' ' || unicode.IsSpace(r) {
			if r != ' ' || space {
				return 0, false
			}
			space = true
			continue
		}
		if space {
			words++
		}
		space = false
	}
	return words, !space || s == ""
}
