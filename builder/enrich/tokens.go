package enrich

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// tokenKind says what a token of running text is.
type tokenKind int

const (
	wordToken   tokenKind = iota // letters, maybe with digits: "Apollo", "1990s", "A320"
	numberToken                  // digits only: "1999", "108"
	spaceToken                   // a run of white space
	punctToken                   // any other single character: ".", "–", "#", "%"
)

// token is one piece of running text with its byte span in the text.
type token struct {
	kind       tokenKind
	text       string
	start, end int
}

// tokenize splits text into words, numbers, runs of space and single
// punctuation characters. Letters and digits written together make one
// token, so "1990s" and "A320" are words and "1999" is a number.
func tokenize(text string) []token {
	return appendTokens(nil, text)
}

// appendTokens appends the tokens of text (see tokenize) to toks. ASCII,
// most of any note, is read a byte at a time; other characters a rune at
// a time.
func appendTokens(toks []token, text string) []token {
	for i := 0; i < len(text); {
		start := i
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			digits := true
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					if !asciiWord[c] {
						break
					}
					digits = digits && c <= '9'
					i++
					continue
				}
				r, size = utf8.DecodeRuneInString(text[i:])
				if !isWordRuneOutsideASCII(r) {
					break
				}
				if !unicode.IsDigit(r) {
					digits = false
				}
				i += size
			}
			kind := wordToken
			if digits {
				kind = numberToken
			}
			toks = append(toks, token{kind: kind, text: text[start:i], start: start, end: i})
		case isSpace(r):
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					if !asciiSpace[c] {
						break
					}
					i++
					continue
				}
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += size
			}
			toks = append(toks, token{kind: spaceToken, text: text[start:i], start: start, end: i})
		default:
			i += size
			toks = append(toks, token{kind: punctToken, text: text[start:i], start: start, end: i})
		}
	}
	return toks
}

// isSpace is unicode.IsSpace, with ASCII looked up in a table.
func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether r belongs inside a word or number token.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneOutsideASCII(r)
}

// asciiWord marks the letters and digits of ASCII, which has no marks.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRuneOutsideASCII is isWordRune for a rune that is not ASCII.
func isWordRuneOutsideASCII(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenBuffers keeps the token slices of texts already scanned, to be
// filled again: a scan of every sentence of a long note would otherwise
// grow a new slice for each.
var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// withTokens calls f with the tokens of text, in a slice that is reused
// once f returns: f must keep neither the slice nor its tokens, only the
// texts they hold.
func withTokens[T any](text string, f func(toks []token) T) T {
	buf := tokenBuffers.Get().(*[]token)
	*buf = appendTokens((*buf)[:0], text)
	out := f(*buf)
	clear(*buf)
	tokenBuffers.Put(buf)
	return out
}
