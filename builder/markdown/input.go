package markdown

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"studyguide/builder/diag"
)

// Byte order marks. A UTF-32 mark must be tested before the UTF-16 one it
// starts with.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0x00, 0x00}
	bomUTF32BE = []byte{0x00, 0x00, 0xFE, 0xFF}
)

// binarySample is how much of the start of a note is looked at to tell
// text from binary content; binaryShare is the share of control bytes in
// it above which the note is taken for binary.
const (
	binarySample = 8 << 10
	binaryShare  = 0.10
)

// problem is a diagnostic found before it can be reported, at a byte
// offset of the note's text.
type problem struct {
	off int
	msg string
}

// decodeInput makes file.Text UTF-8 text that can be read, or reports why
// it cannot. A note in UTF-16 (with a byte order mark, or without one when
// the pattern of zero bytes gives it away) is decoded to UTF-8 and
// file.Text is replaced by the decoded text, without its mark; lines that
// end in a lone carriage return (old Mac files) are given line feeds.
// Diagnostics then count lines and characters of the decoded text, which
// are the lines and characters an editor shows for the UTF-16 file.
//
// It returns false, after recording an error, when the note is binary (it
// holds NUL bytes or mostly control characters), is UTF-32, or holds
// nothing but white space. file must not have had a diagnostic yet, since
// its line table is built from the text on first use.
func decodeInput(file *diag.File) bool {
	text := file.Text
	var problems []problem
	switch {
	case bytes.HasPrefix(text, bomUTF32LE), bytes.HasPrefix(text, bomUTF32BE):
		file.Errorf(0, "the note is UTF-32 text, which cannot be read; save it as UTF-8")
		return false
	case bytes.HasPrefix(text, bomUTF16LE):
		text, problems = decodeUTF16(text[len(bomUTF16LE):], false)
	case bytes.HasPrefix(text, bomUTF16BE):
		text, problems = decodeUTF16(text[len(bomUTF16BE):], true)
	default:
		if bigEndian, ok := looksUTF16(text); ok {
			text, problems = decodeUTF16(text, bigEndian)
			order := "little-endian"
			if bigEndian {
				order = "big-endian"
			}
			problems = append([]problem{{0, "the note has no byte order mark but looks like UTF-16 (" + order + "); it is read as such"}}, problems...)
		}
	}
	text = loneReturns(text)
	file.SetText(text)
	for _, p := range problems {
		file.Warnf(p.off, "%s", p.msg)
	}

	if i := bytes.IndexByte(text, 0); i >= 0 {
		file.Errorf(i, "the note holds NUL bytes: it is a binary file (an image, a PDF, a word-processor document?), not Markdown text")
		return false
	}
	if first, share := controlShare(text); share > binaryShare {
		file.Errorf(first, "the note is mostly control characters: it is a binary file, not Markdown text")
		return false
	}
	if isBlank(bytes.TrimPrefix(text, bomUTF8)) {
		if len(text) == 0 {
			file.Errorf(0, "nothing to build: the note is empty")
		} else {
			file.Errorf(0, "nothing to build: the note holds only blank lines")
		}
		return false
	}
	return true
}

// decodeUTF16 decodes UTF-16 text to UTF-8. Unpaired surrogates become
// U+FFFD, and a last odd byte is dropped; each is reported once.
func decodeUTF16(b []byte, bigEndian bool) ([]byte, []problem) {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	var problems []problem
	broken := false
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		switch {
		case utf16.IsSurrogate(r) && i+1 < len(units) && r < 0xDC00:
			if pair := utf16.DecodeRune(r, rune(units[i+1])); pair != utf8.RuneError {
				r = pair
				i++
				break
			}
			fallthrough
		case utf16.IsSurrogate(r):
			if !broken {
				problems = append(problems, problem{len(out), "the note's UTF-16 text is broken here; the broken character is shown as \uFFFD"})
				broken = true
			}
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		problems = append(problems, problem{len(out), "the note's UTF-16 text ends in half a character, which is left out"})
	}
	return out, problems
}

// looksUTF16 reports whether text without a byte order mark is UTF-16:
// in text that is mostly ASCII, every other byte is zero. bigEndian says
// which bytes are.
func looksUTF16(text []byte) (bigEndian, ok bool) {
	n := min(len(text), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var evenZeros, oddZeros int
	for i := 0; i < n; i += 2 {
		if text[i] == 0 {
			evenZeros++
		}
		if text[i+1] == 0 {
			oddZeros++
		}
	}
	pairs := n / 2
	switch {
	case oddZeros*10 >= pairs*4 && evenZeros*20 <= pairs:
		return false, true
	case evenZeros*10 >= pairs*4 && oddZeros*20 <= pairs:
		return true, true
	}
	return false, false
}

// loneReturns returns text with every carriage return that is not
// followed by a line feed turned into a line feed. The length stays the
// same, so offsets do not move; text is copied only when it changes.
func loneReturns(text []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(text, '\r'); i >= 0; {
		if i+1 >= len(text) || text[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(text)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(text[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return text
	}
	return out
}

// controlShare returns the offset of the first control character that
// plain text never holds, and the share of such characters in the first
// binarySample bytes of text.
func controlShare(text []byte) (first int, share float64) {
	sample := text[:min(len(text), binarySample)]
	first = -1
	count := 0
	for i, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if first < 0 {
				first = i
			}
			count++
		}
	}
	if len(sample) == 0 {
		return first, 0
	}
	return first, float64(count) / float64(len(sample))
}

// isBlank reports whether text holds only white space.
func isBlank(text []byte) bool {
	for _, c := range text {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}
