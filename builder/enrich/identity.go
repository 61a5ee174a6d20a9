package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// spelling is one way a key term is written, with the keys it is compared
// by. Two spellings with the same full key are the same term: case, inner
// space and the form of apostrophes and quotes do not count. A spelling
// with a trailing parenthesis that pairs a name with its acronym
// ("Kosovo Force (KFOR)", "NATO (North Atlantic Treaty Organization)")
// also has a long key and an acronym key, so that "Kosovo Force" and
// "KFOR" written alone are the same term too.
type spelling struct {
	text    string // as written, space collapsed, outer punctuation trimmed
	full    string // key of the whole text
	long    string // key of the long form, "" when there is no acronym pair
	acronym string // key of the acronym, "" when there is no acronym pair
	// aside is the acronym as written, when there is an acronym pair:
	// "KFOR" for "Kosovo Force (KFOR)", "NATO" for "NATO (North Atlantic
	// Treaty Organization)". It is an alias of the term.
	aside string
	// longText is the long form as written, when there is an acronym pair.
	longText string
	// base is the text before a trailing parenthesis, or the whole text.
	base string
}

// newSpelling reads a term as written.
func newSpelling(written string) spelling {
	text := joinFields(written)
	text = strings.TrimRight(text, ":;,.!?")
	text = strings.TrimSpace(text)
	sp := spelling{text: text, full: termKey(text), base: text}
	name, inner, ok := trailingParen(text)
	if !ok {
		return sp
	}
	sp.base = name
	switch {
	case isAcronym(inner):
		sp.long, sp.acronym, sp.aside, sp.longText = termKey(name), termKey(inner), inner, name
	case isAcronym(name):
		sp.long, sp.acronym, sp.aside, sp.longText = termKey(inner), termKey(name), name, inner
	}
	return sp
}

// trailingParen splits "Name (inner)" into its two parts.
func trailingParen(text string) (name, inner string, ok bool) {
	if !strings.HasSuffix(text, ")") {
		return "", "", false
	}
	open := strings.LastIndexByte(text, '(')
	if open <= 0 {
		return "", "", false
	}
	name = strings.TrimSpace(text[:open])
	inner = strings.TrimSpace(text[open+1 : len(text)-1])
	if name == "" || inner == "" {
		return "", "", false
	}
	return name, inner, true
}

// isAcronym reports whether s looks like an acronym: one word of two to
// ten capitals and digits, at least one of them a capital ("KFOR", "G7"),
// maybe with a plural "s" ("NGOs").
func isAcronym(s string) bool {
	s = strings.TrimSuffix(s, "s")
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 10 {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r), r == '-', r == '&':
		default:
			return false
		}
	}
	return upper >= 1
}

// termKey reduces a term to what identifies it: lower case, single
// spaces, straight apostrophes and quotes.
func termKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ', '`', '´', '′':
			return '\''
		case '“', '”', '„', '″':
			return '"'
		}
		return unicode.ToLower(r)
	}, s)
	return joinFields(s)
}

// entry is one registered term with the keys that find it.
type entry struct {
	term *guide.Term
	// uses are the term's uses in reading order.
	uses    []termUse
	full    map[string]bool // full keys of every spelling seen
	long    string
	acronym string
}

// registry holds the key terms found so far, in order of first use, and
// finds the term a new spelling belongs to.
type registry struct {
	entries []*entry
	byFull  map[string]*entry
	byLong  map[string]*entry
	byAcro  map[string]*entry
}

func newRegistry() *registry {
	return &registry{byFull: map[string]*entry{}, byLong: map[string]*entry{}, byAcro: map[string]*entry{}}
}

// find returns the registered term that sp spells, or nil. A spelling
// matches a term written the same way; a name with its acronym also
// matches the name alone or the acronym alone; and a name alone or an
// acronym alone matches a term written with both. An acronym pair never
// matches a term paired with a different partner.
func (r *registry) find(sp spelling) *entry {
	if e := r.byFull[sp.full]; e != nil {
		return e
	}
	if sp.acronym != "" {
		if e := r.byFull[sp.long]; e != nil && (e.acronym == "" || e.acronym == sp.acronym) {
			return e
		}
		if e := r.byFull[sp.acronym]; e != nil && (e.long == "" || e.long == sp.long) {
			return e
		}
		return nil
	}
	if e := r.byAcro[sp.full]; e != nil {
		return e
	}
	return r.byLong[sp.full]
}

// add registers sp as a spelling of e (a new entry for term when e is
// nil) and returns the entry. A spelling that differs from every one seen
// becomes an alias, except that an acronym pair adds only the part the
// term does not show yet: "Kosovo Force (KFOR)" has the alias "KFOR", and
// "Kosovo Force" followed by "Kosovo Force (KFOR)" gains the alias
// "KFOR".
func (r *registry) add(e *entry, sp spelling, term *guide.Term) *entry {
	alias := func(text, key string) {
		if !e.full[key] {
			e.term.Aliases = append(e.term.Aliases, text)
			e.full[key] = true
		}
	}
	switch {
	case e == nil:
		e = &entry{term: term, full: map[string]bool{sp.full: true}}
		r.entries = append(r.entries, e)
		if sp.acronym != "" {
			e.full[sp.long] = true
			alias(sp.aside, sp.acronym)
		}
	case sp.acronym != "":
		alias(sp.longText, sp.long)
		alias(sp.aside, sp.acronym)
		e.full[sp.full] = true
	default:
		alias(sp.text, sp.full)
	}
	if r.byFull[sp.full] == nil {
		r.byFull[sp.full] = e
	}
	if sp.acronym != "" && e.acronym == "" {
		e.long, e.acronym = sp.long, sp.acronym
		if r.byLong[sp.long] == nil {
			r.byLong[sp.long] = e
		}
		if r.byAcro[sp.acronym] == nil {
			r.byAcro[sp.acronym] = e
		}
	}
	return e
}

// joinFields returns s with its words (as strings.Fields splits them)
// joined by single spaces: s itself when it is written so already.
func joinFields(s string) string {
	prevSpace := true // no space may open s
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
