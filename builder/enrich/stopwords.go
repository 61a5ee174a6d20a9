package enrich

// stopWords are, for each language of the catalogue, the short words that
// carry no fact of their own: a blank never hides one, and they do not
// count when a question checks whether its answer shows elsewhere.
var stopWords = map[string]map[string]bool{
	"en": wordSet("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
		"for", "with", "by", "from", "as", "into", "onto", "over", "under", "about", "after",
		"before", "between", "through", "during", "without", "within", "is", "are", "was",
		"were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "it", "its",
		"this", "that", "these", "those", "which", "who", "whom", "whose", "what", "there",
		"their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your", "not",
		"no", "so", "such", "than", "then", "also", "can", "could", "may", "might", "will",
		"would", "should", "must", "all", "any", "some", "each", "other", "more", "most", "very"),
	"fr": wordSet("le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "en",
		"au", "aux", "à", "dans", "sur", "sous", "par", "pour", "avec", "sans", "ce", "cet",
		"cette", "ces", "qui", "que", "quoi", "dont", "où", "est", "sont", "était", "été",
		"être", "a", "ont", "avait", "il", "elle", "ils", "elles", "son", "sa", "ses", "leur",
		"leurs", "ne", "pas", "plus", "aussi", "comme", "entre", "vers", "chez"),
	"de": wordSet("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines",
		"einem", "einen", "und", "oder", "aber", "in", "im", "an", "am", "auf", "aus", "bei",
		"mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "durch",
		"ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben",
		"hatte", "es", "er", "sie", "sein", "seine", "ihr", "ihre", "dieser", "diese", "dieses",
		"nicht", "auch", "als", "wie", "dass"),
	"es": wordSet("el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "pero", "de",
		"del", "en", "a", "al", "con", "sin", "por", "para", "sobre", "entre", "desde", "hasta",
		"es", "son", "era", "eran", "fue", "fueron", "ha", "han", "que", "quien", "cual", "su",
		"sus", "se", "lo", "le", "les", "este", "esta", "estos", "estas", "no", "más", "como",
		"también"),
	"it": wordSet("il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "e", "o", "ma", "di",
		"del", "della", "dei", "delle", "a", "al", "alla", "in", "nel", "nella", "con", "su",
		"sul", "per", "tra", "fra", "da", "dal", "è", "sono", "era", "erano", "fu", "ha",
		"hanno", "che", "chi", "cui", "suo", "sua", "suoi", "sue", "questo", "questa", "non",
		"più", "come", "anche"),
	"nl": wordSet("de", "het", "een", "en", "of", "maar", "van", "in", "op", "aan", "met",
		"voor", "door", "naar", "bij", "uit", "over", "onder", "tussen", "is", "zijn", "was",
		"waren", "wordt", "werd", "werden", "heeft", "hebben", "had", "die", "dat", "deze",
		"dit", "wie", "wat", "zijn", "haar", "hun", "niet", "ook", "als", "om", "te"),
	"pt": wordSet("o", "a", "os", "as", "um", "uma", "uns", "umas", "e", "ou", "mas", "de",
		"do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "ao", "à", "com", "sem",
		"por", "para", "sobre", "entre", "é", "são", "era", "eram", "foi", "foram", "tem",
		"têm", "que", "quem", "qual", "seu", "sua", "seus", "suas", "se", "este", "esta",
		"não", "mais", "como", "também"),
}

// stopWordsFor returns the stop words of a language, given as its primary
// subtag ("en"), with the English ones for a language the table lacks,
// since notes often quote English names.
func stopWordsFor(lang string) map[string]bool {
	words := map[string]bool{}
	for w := range stopWords["en"] {
		words[w] = true
	}
	for w := range stopWords[lang] {
		words[w] = true
	}
	return words
}

// lookupLower returns m[strings.ToLower(w)] without making the lower-case
// string: a word's case is folded in room on the stack.
func lookupLower[V any](m map[string]V, w string) V {
	var room [64]byte
	return m[string(appendLower(room[:0], w))]
}
