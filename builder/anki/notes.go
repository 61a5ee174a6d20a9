package anki

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"studyguide/builder/guide"
)

// fieldSeparator joins the fields of a note in notes.flds.
const fieldSeparator = "\x1f"

// note is one note of the deck before it is written: the question it asks,
// its note type and its fields as HTML.
type note struct {
	// GUID is the note's global id, which Anki knows the note again by.
	GUID   string
	Model  int64
	Fields []string
	// Tags are the note's tags, without spaces.
	Tags []string
}

// notes returns a note for each question of g, in the guide's order: a
// cloze note for a question with blanks, a basic note for the others.
// Every note's guid derives from key and the question's stable id alone.
func notes(g *guide.Guide, key string) []note {
	if g.Study == nil {
		return nil
	}
	var out []note
	seen := map[string]bool{}
	for _, q := range g.Study.Questions {
		n := note{GUID: uniqueGUID(key, q.ID, seen), Tags: sectionTags(q.Section)}
		where := strings.Join(q.Section, " › ")
		if where == "" {
			where = g.Meta.Title
		}
		if q.Blanks() > 0 {
			n.Model = clozeModelID
			n.Fields = []string{clozeText(q), escape(where)}
		} else {
			n.Model = basicModelID
			n.Fields = []string{promptHTML(q), answerHTML(q), escape(where)}
		}
		out = append(out, n)
	}
	return out
}

// clozeText returns the prompt of a question with blanks as the Text field
// of a cloze note: every blank becomes the deletion {{c1::answer::hint}},
// all with the same number, so that the note makes one card that blanks
// them all.
func clozeText(q *guide.Question) string {
	hint := strings.TrimSpace(q.Hint)
	if strings.HasPrefix(hint, "(") && strings.HasSuffix(hint, ")") {
		hint = strings.TrimSpace(hint[1 : len(hint)-1]) // Anki shows a hint in brackets itself
	}
	var b strings.Builder
	for _, p := range q.Prompt {
		if p.Formula != nil {
			b.WriteString(braceEscaper.Replace(formulaHTML(p.Formula)))
			continue
		}
		if !p.Blank {
			b.WriteString(braceEscaper.Replace(escape(p.Text)))
			continue
		}
		b.WriteString("{{c1::")
		b.WriteString(escapeDeletion(p.Text))
		if hint != "" {
			b.WriteString("::")
			b.WriteString(escapeDeletion(hint))
		}
		b.WriteString("}}")
	}
	return b.String()
}

// formulaHTML returns a formula as the HTML of a field: its TeX between
// \( and \), which Anki typesets with the MathJax it carries on every
// device, or, for a formula the notes' maths subset could not read, its
// linear text.
func formulaHTML(f *guide.Formula) string {
	if f.Tree == nil {
		return escape(f.Text())
	}
	return `\(` + escape(f.TeX) + `\)`
}

// promptHTML returns the prompt of a question without blanks as the HTML
// of a field, its formulas typeset (see formulaHTML).
func promptHTML(q *guide.Question) string {
	var b strings.Builder
	for _, p := range q.Prompt {
		if p.Formula != nil {
			b.WriteString(formulaHTML(p.Formula))
		} else {
			b.WriteString(escape(p.Text))
		}
	}
	return b.String()
}

// answerHTML returns the answer of a question as the HTML of a field,
// the formulas it holds typeset (see formulaHTML).
func answerHTML(q *guide.Question) string {
	if q.AnswerInlines == nil {
		return escape(q.Answer)
	}
	var b strings.Builder
	var write func(ins []guide.Inline)
	write = func(ins []guide.Inline) {
		for _, in := range ins {
			switch n := in.(type) {
			case *guide.Formula:
				b.WriteString(formulaHTML(n))
			case *guide.Text:
				b.WriteString(escape(n.Text))
			case *guide.Code:
				b.WriteString(escape(n.Text))
			default:
				var kids []guide.Inline
				for c := range guide.Children(n) {
					if k, ok := c.(guide.Inline); ok {
						kids = append(kids, k)
					}
				}
				write(kids)
			}
		}
	}
	write(q.AnswerInlines)
	return b.String()
}

// escape returns s as the HTML of a field: the characters that HTML
// reads as markup written as references, and control characters (among
// them the field separator) left out, as Anki leaves them out of fields.
func escape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Anki's cloze parser reads "{{c1::" as the start of a deletion, "::"
// inside it as the start of the hint and "}}" as its end, in the HTML of
// the field. Text that holds them is written with character references,
// which Anki shows as the characters: braces everywhere, so that no text
// opens or closes a deletion, and colons too inside a deletion, where one
// next to the hint's "::" would move it.
var (
	braceEscaper    = strings.NewReplacer("{", "&#123;", "}", "&#125;")
	deletionEscaper = strings.NewReplacer(":", "&#58;", "{", "&#123;", "}", "&#125;")
)

// escapeDeletion returns s as the HTML of the answer or the hint of a
// cloze deletion.
func escapeDeletion(s string) string {
	return deletionEscaper.Replace(escape(s))
}

// sectionTags returns the tag of a section path: the titles joined by
// "::", Anki's separator of tag levels, each title with its spaces made
// underscores and the characters a tag cannot hold left out. The
// introduction, with an empty path, has no tag.
func sectionTags(path []string) []string {
	var parts []string
	for _, title := range path {
		if p := tagPart(title); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{strings.Join(parts, "::")}
}

// tagPart returns one level of a tag made from a title.
func tagPart(title string) string {
	title = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || r == '"':
			return -1
		case r == ' ' || r == '\u3000' || r == '\u00a0':
			return '_'
		}
		return r
	}, strings.Join(strings.Fields(title), " "))
	for strings.Contains(title, "::") {
		title = strings.ReplaceAll(title, "::", ":")
	}
	return strings.Trim(title, ":_")
}

// tagsColumn returns tags as notes.tags holds them: separated by spaces,
// with a space before the first and after the last; "" for none.
func tagsColumn(tags []string) string {
	if len(tags) == 0 {
		return ""
	}
	return " " + strings.Join(tags, " ") + " "
}

// deckKey returns what the deck's note guids derive from besides each
// question's id: the identifier the notes give, or, when the reader
// derived the identifier from the text (which changes with every edit),
// the title, in lower case with its spaces evened out.
func deckKey(m guide.Meta) string {
	if m.Identifier != "" && !m.IdentifierFromText {
		return "id:" + m.Identifier
	}
	return "title:" + strings.ToLower(strings.Join(strings.Fields(m.Title), " "))
}

// uniqueGUID returns the guid of the question with the given id in the
// deck with the given key, one not in seen, and records it there. Two
// questions have the same id only when they are the same question; the
// second then gets the guid of the id with a number added.
func uniqueGUID(key, id string, seen map[string]bool) string {
	g := guid(key, id)
	for i := 2; seen[g]; i++ {
		g = guid(key, id+"#"+strconv.Itoa(i))
	}
	seen[g] = true
	return g
}

// guid returns the guid of the question with the given id in the deck
// with the given key: 64 bits of a SHA-256 of both, in base 62 (letters
// and digits, as many as Anki's own guids have).
func guid(key, id string) string {
	sum := sha256.Sum256([]byte(key + "\x00" + id))
	return base62(binary.BigEndian.Uint64(sum[:8]))
}

// deckID returns the id of the deck with the given key: a positive number
// below 2^53, so that JavaScript reads it exactly, and never 1, the id of
// the "Default" deck.
func deckID(key string) int64 {
	sum := sha256.Sum256([]byte("deck\x00" + key))
	return 1<<52 | int64(binary.BigEndian.Uint64(sum[:8])>>12)
}

const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62 writes n in base 62, in 11 digits.
func base62(n uint64) string {
	var b [11]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = base62Digits[n%62]
		n /= 62
	}
	return string(b[:])
}

// sortField returns a field as Anki sorts and searches it (notes.sfld): its
// HTML with the tags taken out and, when it holds an ampersand, the
// character references read and no-break spaces made spaces.
func sortField(field string) string {
	s := htmlTag().ReplaceAllString(field, "")
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
}

// htmlTag matches an HTML tag or comment; it is compiled when first used,
// by a build that writes a deck.
var htmlTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`) })

// checksum returns the checksum Anki keeps of a note's first field
// (notes.csum), which finds duplicates: the first 32 bits of the SHA-1 of
// the field as sortField gives it.
func checksum(field string) int64 {
	sum := sha1.Sum([]byte(sortField(field)))
	return int64(binary.BigEndian.Uint32(sum[:4]))
}
