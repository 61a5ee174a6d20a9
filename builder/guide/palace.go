package guide

import (
	"strings"
	"unicode"
)

// palacePhrases are, for each language, the phrases that make a heading
// the notes' own mind-palace section, each as its lower-case words. A
// heading counts when its words hold one of these phrases, the last word
// perhaps with a plural "s", in any language: notes often keep the
// English name of the technique.
var palacePhrases = map[string][][]string{
	"en": {
		{"mind", "palace"},
		{"memory", "palace"},
		{"method", "of", "loci"},
		{"journey", "method"},
		{"memory", "journey"},
	},
}

// palaceLangs lists the languages of palacePhrases in a fixed order.
var palaceLangs = []string{"en"}

// IsPalaceTitle reports whether a heading names a memory technique and so
// makes its section the notes' own mind-palace section: "Mind Palace
// Technique", "Mind-Palace Technique", "mind palace", "Memory palace: my
// flat" and "The method of loci" all do. The title is read as words,
// split at every character that is not a letter and compared without
// regard to case, so punctuation between or around the words does not
// matter. Every stage that treats that section apart (the palace reads
// its stations, enrichment takes no key points or terms from it) asks
// this function, so that they agree on which section it is.
func IsPalaceTitle(title string) bool {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, lang := range palaceLangs {
		for _, phrase := range palacePhrases[lang] {
			if holdsPhrase(words, phrase) {
				return true
			}
		}
	}
	return false
}

// holdsPhrase reports whether words hold phrase as consecutive words; the
// phrase's last word may carry a plural "s" ("mind palaces").
func holdsPhrase(words, phrase []string) bool {
	last := len(phrase) - 1
	for i := 0; i+last < len(words); i++ {
		match := true
		for j, w := range phrase {
			got := words[i+j]
			if got != w && !(j == last && got == w+"s") {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
