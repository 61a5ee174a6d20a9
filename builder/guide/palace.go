package guide

import (
	"strings"
	"unicode"
)

// palacePhrases are, for each language, the usual names of the memory
// technique that make a heading the notes' own mind-palace section. A
// heading counts when its words hold one of these phrases in any
// language (notes often keep the English name of the technique), the
// last word perhaps with a plural "s" or "x". A phrase of one word, a
// compound such as "Gedächtnispalast", also counts at the start of a
// longer compound ("Gedächtnispalastmethode"). Accents are not needed:
// "palais de la memoire" is "palais de la mémoire".
var palacePhrases = map[string][]string{
	"en": {
		"mind palace", "memory palace", "method of loci", "loci method",
		"journey method", "memory journey",
	},
	"fr": {
		"palais de la mémoire", "palais de mémoire", "palais mental", "palais mentaux",
		"palais mnémonique", "palais de l'esprit", "méthode des loci", "méthode des lieux",
		"méthode du voyage", "voyage mnémonique",
	},
	"de": {
		"gedächtnispalast", "gedächtnispaläste", "gedankenpalast", "erinnerungspalast",
		"gedächtnisreise", "loci-methode", "locimethode", "methode der orte", "routenmethode",
	},
	"es": {
		"palacio de la memoria", "palacio de memoria", "palacio mental", "palacios mentales",
		"método de loci", "método de los loci", "método de los lugares", "viaje de la memoria",
	},
	"it": {
		"palazzo della memoria", "palazzi della memoria", "palazzo mentale", "palazzi mentali",
		"metodo dei loci", "metodo dei luoghi", "viaggio della memoria",
	},
	"pt": {
		"palácio da memória", "palácio de memória", "palácio mental", "palácios mentais",
		"método de loci", "método dos loci", "método dos lugares", "viagem da memória",
	},
	"nl": {
		"geheugenpaleis", "geheugenpaleizen", "loci-methode", "locimethode",
		"methode van loci", "geheugenreis",
	},
}

// palaceLangs lists the languages of palacePhrases in a fixed order.
var palaceLangs = []string{"en", "fr", "de", "es", "it", "pt", "nl"}

// IsPalaceTitle reports whether a heading names a memory technique and so
// makes its section the notes' own mind-palace section: "Mind Palace
// Technique", "Mind-Palace Technique", "mind palace", "Memory palace: my
// flat", "The method of loci", "Palais de la mémoire" and
// "Gedächtnispalast" all do. The title is read as words, split at every
// character that is not a letter and compared without regard to case or
// accents, so punctuation between or around the words does not matter.
// Every stage that treats that section apart (the palace reads its
// stations, enrichment takes no key points or terms from it) asks this
// function, so that they agree on which section it is.
func IsPalaceTitle(title string) bool {
	words := titleWords(title)
	for _, phrase := range palacePhraseWords {
		if holdsPhrase(words, phrase) {
			return true
		}
	}
	return false
}

// palacePhraseWords are the phrases of palacePhrases as words (see
// titleWords), in the order of palaceLangs, made once: every section's
// title is compared with them.
var palacePhraseWords = func() [][]string {
	var out [][]string
	for _, lang := range palaceLangs {
		for _, phrase := range palacePhrases[lang] {
			out = append(out, titleWords(phrase))
		}
	}
	return out
}()

// titleWords returns the words of s in lower case without accents.
func titleWords(s string) []string {
	return strings.FieldsFunc(FoldAccents(strings.ToLower(s)), func(r rune) bool { return !unicode.IsLetter(r) })
}

// FoldAccents replaces the accented lower-case Latin letters of s by
// their base letter ("mémoire" becomes "memoire", "Gedächtnis"
// "Gedachtnis"), so that words written with or without accents compare
// equal. Other runes are kept.
func FoldAccents(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0xC0 {
			return r
		}
		for _, f := range accentFolds {
			if strings.ContainsRune(f.from, r) {
				return f.to
			}
		}
		return r
	}, s)
}

// accentFolds are the accented lower-case letters of the languages of
// palacePhrases with their base letter.
var accentFolds = []struct {
	from string
	to   rune
}{
	{"àáâãäå", 'a'}, {"ç", 'c'}, {"èéêë", 'e'}, {"ìíîï", 'i'},
	{"ñ", 'n'}, {"òóôõö", 'o'}, {"ùúûü", 'u'}, {"ýÿ", 'y'},
}

// pluralOf reports whether got is w with a plural "s" or "x".
func pluralOf(got, w string) bool {
	return len(got) == len(w)+1 && strings.HasPrefix(got, w) && (got[len(w)] == 's' || got[len(w)] == 'x')
}

// holdsPhrase reports whether words hold phrase as consecutive words; the
// phrase's last word may carry a plural "s" or "x" ("mind palaces"), and
// a phrase of one word may open a longer compound.
func holdsPhrase(words, phrase []string) bool {
	last := len(phrase) - 1
	if last < 0 {
		return false
	}
	for i := 0; i+last < len(words); i++ {
		match := true
		for j, w := range phrase {
			got := words[i+j]
			if got != w && !(j == last && pluralOf(got, w)) &&
				!(last == 0 && len(w) >= 8 && strings.HasPrefix(got, w)) {
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
