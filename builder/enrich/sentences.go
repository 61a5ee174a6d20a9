package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that end with a full stop without ending a
// sentence, in lower case and without the stop. Dotted abbreviations
// ("e.g.", "U.S.") and single letters ("J. F. Kennedy") are recognised by
// their form and need no entry.
var abbreviations = wordSet(
	"approx", "apr", "aug", "capt", "cf", "co", "col", "corp", "dec", "dept",
	"dr", "feb", "fig", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt",
	"ltd", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pp", "prof", "rep",
	"sen", "sep", "sept", "sgt", "sr", "st", "vol", "vs",
)

// closers are characters that may follow a sentence's final stop and
// still belong to the sentence.
const closers = `"'”’»)]}`

// sentenceEnds returns the byte offsets at which the sentences of text
// end. The last sentence ends at len(text).
//
// A sentence ends after ".", "!", "?" or "…" (with any closing quotes or
// brackets) followed by space and then a capital letter, a digit or an
// opening quote or bracket; after "。", "！" or "？" it ends at once. A
// full stop after an abbreviation, an initial or a dotted abbreviation
// such as "e.g." or "U.S." does not end a sentence, nor does one inside a
// number ("3.5").
func sentenceEnds(text string) []int {
	var ends []int
	for i := 0; i < len(text); {
		end, ok := nextSentenceEnd(text, i)
		if !ok {
			break
		}
		ends = append(ends, end)
		i = end
	}
	if len(ends) == 0 || ends[len(ends)-1] < len(text) {
		ends = append(ends, len(text))
	}
	return ends
}

// nextSentenceEnd returns where the first sentence of text to end after
// byte i ends (see sentenceEnds), and false when none does before the end
// of text.
func nextSentenceEnd(text string, i int) (int, bool) {
	for i < len(text) {
		var r rune
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			if c != '.' && c != '!' && c != '?' {
				// Most of a text is letters and spaces, none of which
				// can end a sentence.
				i++
				continue
			}
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		next := i + size
		switch r {
		case '。', '！', '？':
			return skipClosers(text, next), true
		case '.', '!', '?', '…':
			for next < len(text) && strings.ContainsRune(".!?…", rune(text[next])) {
				next++
			}
			end := skipClosers(text, next)
			if endsSentence(text, i, r, end) {
				return end, true
			}
		}
		i = next
	}
	return len(text), false
}

// skipClosers returns i moved past closing quotes and brackets.
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(closers, r) {
			break
		}
		i += size
	}
	return i
}

// endsSentence decides whether the mark r at stop, whose closers end at
// end, ends a sentence.
func endsSentence(text string, stop int, r rune, end int) bool {
	if end == len(text) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(after) {
		return false
	}
	rest := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
	if rest == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"'“‘«([`, first) && !unicode.Is(unicode.Lo, first) {
		return false
	}
	if r != '.' || end != stop+1 {
		return true
	}
	return !abbreviationBefore(text[:stop])
}

// abbreviationBefore reports whether the word that ends text (just before
// a full stop) is an abbreviation, an initial or a dotted abbreviation.
func abbreviationBefore(text string) bool {
	start := len(text)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		start -= size
	}
	word := text[start:]
	if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && (unicode.IsDigit(r) || r == '\'') {
		return false // "1960s.", "NATO's." end sentences
	}
	switch {
	case word == "":
		return false
	case strings.Contains(word, "."):
		return true // "e.g", "U.S", "i.e"
	case utf8.RuneCountInString(word) == 1:
		return true // an initial: "J."
	}
	return lookupLower(abbreviations, word)
}

// sentenceAt returns the sentence of text that holds byte offset off,
// without surrounding space.
func sentenceAt(text string, off int) string {
	return sentenceIn(text, sentenceEnds(text), off)
}

// sentenceBounds returns where the sentence of text that holds byte
// offset off starts and ends, without surrounding space, for a text whose
// sentence ends are known.
func sentenceBounds(text string, ends []int, off int) (start, end int) {
	end = len(text)
	for _, e := range ends {
		if off < e {
			end = e
			break
		}
		start = e
	}
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	return start, end
}

// isSpaceByte reports whether c is ASCII white space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// sentenceIn is sentenceAt for a text whose sentence ends are known.
func sentenceIn(text string, ends []int, off int) string {
	start := 0
	for _, end := range ends {
		if off < end {
			return strings.TrimSpace(text[start:end])
		}
		start = end
	}
	return strings.TrimSpace(text[start:])
}

// firstSentence returns the first sentence of text that has any words.
func firstSentence(text string) string {
	// The sentences of sentenceEnds, found one after the other until one
	// has words.
	start := 0
	for {
		end, ok := nextSentenceEnd(text, start)
		if s := strings.TrimSpace(text[start:end]); s != "" {
			return s
		}
		if !ok || end >= len(text) {
			return ""
		}
		start = end
	}
}
