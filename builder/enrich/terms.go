package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key terms longer than maxTermWords words are bold emphasis of a whole
// phrase, not terms.
const maxTermWords = 8

// isTermText reports whether bold text can be a key term: it has a
// letter, has at most maxTermWords words, and is not a date, a number, a
// symbol or a formula (see isFormula). Those are bold for emphasis: a
// reader looks for them in the text, not in a glossary.
func isTermText(s string) bool {
	if !strings.ContainsFunc(s, unicode.IsLetter) || isDateText(s) || isFormula(s) {
		return false
	}
	return countFields(s) <= maxTermWords
}

// isFormula reports whether bold text is a symbol, a quantity or a
// formula rather than a term:
//
//   - a single letter, maybe with primes, sub- or superscripts ("v", "α",
//     "x′", "v₀");
//   - anything with an equals sign, a mathematical operator or relation
//     other than "+" ("F = −kv²", "E=mc²", "a ≤ b", "4×", "√2"), an
//     underscore or caret ("v_max", "x^2"), or a superscript, subscript or
//     vulgar fraction ("m/s²", "½mv²", "H₂O");
//   - a number with a coefficient letter ("2x", "3.5t");
//   - a unit with a slash ("m/s", "km/h");
//   - a number with a unit ("3.5 m/s", "55 km", "9.81 m/s²").
//
// "C++", "TCP/IP", "G7", "5G", "3D printing" and "Apollo 11" stay terms.
func isFormula(s string) bool {
	s = strings.TrimSpace(s)
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case r == '=' || r == '_' || r == '^':
			return true
		case unicode.Is(unicode.Sm, r) && r != '+' && r != '|' && r != '~' && r != '¬':
			return true
		case unicode.Is(unicode.No, r):
			// ² ³ ₀ ½: written only in formulas and units.
			return true
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 1 && digits == 0 && !strings.ContainsAny(s, "+#") {
		return true // but "C++" and "C#" are names
	}
	first, fields, units := "", 0, true
	for f := range strings.FieldsSeq(s) {
		if fields == 0 {
			first = f
		} else {
			units = units && isUnit(f)
		}
		fields++
	}
	if fields == 1 {
		return isCoefficient(first) || isSlashUnit(first)
	}
	return isNumber(first) && units
}

// isNumber reports whether s is a number as written: digits with
// decimal points, commas or thin spaces, maybe signed.
func isNumber(s string) bool {
	s = strings.TrimLeft(s, "+-−±")
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',' || r == '\u202F' || r == '\'':
		default:
			return false
		}
	}
	return digits > 0
}

// isCoefficient reports whether s is a number followed by one or two
// lower-case letters, as a coefficient before a variable is written
// ("2x", "3.5t"). Ordinals ("1st", "2nd", "3rd", "4th") are not, though
// they are no terms either.
func isCoefficient(s string) bool {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsLower(r) {
			break
		}
		end -= size
	}
	tail := s[end:]
	if n := utf8.RuneCountInString(tail); n < 1 || n > 2 {
		return false
	}
	switch tail {
	case "st", "nd", "rd", "th":
		return false
	}
	return isNumber(s[:end])
}

// isSlashUnit reports whether w is a unit written with a slash between
// short lower-case parts ("m/s", "km/h"); "TCP/IP" is a name.
func isSlashUnit(w string) bool {
	parts := strings.Split(w, "/")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n < 1 || n > 3 || strings.ContainsFunc(p, func(r rune) bool { return !unicode.IsLower(r) }) {
			return false
		}
	}
	return true
}

// isUnit reports whether a word after a number is a unit of measure: a
// short word of letters ("m", "km", "kg", "mph"), one with a slash
// ("m/s", "km/h"), a degree or percent sign.
func isUnit(w string) bool {
	if strings.ContainsAny(w, "/°%‰µ") {
		return true
	}
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// copulas are the words that, written right after a term, say what it
// is: "**Osmosis** is the movement…". English first, then the languages
// of the strings catalogue.
var copulas = wordSet(
	"is", "are", "was", "were", "means", "meant", "refers", "denotes",
	"describes", "stands", "consists", "comprises",
	"est", "sont", "était", "désigne", "signifie", // French
	"ist", "sind", "war", "waren", "bezeichnet", "bedeutet", // German
	"es", "son", "era", "eran", "significa", // Spanish, Italian
	"è", "sono", "era", // Italian
	"é", "são", // Portuguese
	"zijn", "betekent", // Dutch
)

// namers are the words that, written right before a term, name it: "a
// process called **osmosis**".
var namers = []string{"called", "known as", "termed", "named", "dubbed", "defined as",
	"appelé", "appelée", "appelés", "appelées", "nommé", "nommée", "genannt", "llamado", "llamada", "chiamato", "chiamata", "chamado", "chamada", "genoemd"}

// namersLen is the length of the longest of namers.
var namersLen = func() int {
	n := 0
	for _, s := range namers {
		n = max(n, len(s))
	}
	return n
}()

// appositives are the words that, after a comma right after a term, open
// a phrase that says what it is: "**ρ**, the density of the air".
var appositives = wordSet("a", "an", "the", "which", "i.e.", "le", "la", "les", "un", "une", "der", "die", "das", "ein", "eine", "el", "los", "las", "una", "il", "lo", "o", "os", "um", "uma", "de", "het", "een")

// explainsTerm reports whether the sentence explains the term written in
// it from start to end, rather than only naming it: the term is followed
// by a colon or a dash ("**Osmosis**: the…", "**Osmosis** – the…"), by a
// copula ("**Osmosis** is…"), or by a comma and an appositive ("**ρ**,
// the density…"); or it is named ("a process called **osmosis**").
func explainsTerm(sentence string, start, end int) bool {
	after := strings.TrimLeftFunc(sentence[end:], unicode.IsSpace)
	spaced := len(after) < len(sentence)-end
	r, size := utf8.DecodeRuneInString(after)
	switch {
	case r == ':' || r == '：' || r == '—' || r == '–':
		return true
	case r == '-' && spaced && strings.HasPrefix(after[size:], " "):
		return true
	case r == ',' && lookupLower(appositives, firstWord(after[size:])):
		return true
	case spaced && lookupLower(copulas, firstWord(after)):
		return true
	}
	before := strings.TrimRight(strings.TrimRightFunc(sentence[:start], unicode.IsSpace), `"'“‘«`)
	// Only the end of what comes before can name the term: it is put in
	// lower case alone, from the start of a character far enough back
	// that no letter's change of size in lower case reaches a namer.
	if cut := len(before) - 3*namersLen - 8; cut > 0 {
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		before = before[cut:]
	}
	var room [128]byte
	low := appendLower(room[:0], before)
	for _, n := range namers {
		at := len(low) - len(n)
		if at >= 0 && string(low[at:]) == n && (at == 0 || !isWordByte(low[at-1]) && low[at-1] != '-') {
			return true
		}
	}
	return false
}

// firstWord returns the first word of s: its letters (and inner dots, as
// in "i.e.") after any space.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	if end < 0 {
		end = len(s)
	}
	return s[:end]
}

// isWordByte reports whether c, the byte before a word, joins it to a
// longer word.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// meaningText makes a sentence of the notes a glossary meaning: spaces
// collapsed, and the first letter a capital when the sentence starts in
// lower case, as a list item may. A first word with a capital or a digit
// inside ("iPhone", "pH", "mRNA") keeps its form.
func meaningText(sentence string) string {
	s := joinFields(sentence)
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	word, _, _ := strings.Cut(s, " ")
	if strings.ContainsFunc(word[size:], func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
