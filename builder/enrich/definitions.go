package enrich

import (
	"strings"

	"studyguide/builder/guide"
)

// A term is explained two different ways when two of its definitions say
// different things. A definition is a place where a phrase stands as the
// lead of a "phrase: meaning" construct:
//
//   - a paragraph that opens with bold text followed by a colon or a dash
//     and more text ("**Peacekeeping**: the use of neutral forces…");
//   - a key point whose bold title is followed, in the same paragraph, by
//     text ("1. **Peacekeeping**: the use of…"); a title followed only by
//     sub-points heads a group and explains nothing by itself;
//   - an entry of a definition list (its first definition).
//
// The meaning compared is the first sentence after the lead, without
// regard to case, spacing, quote forms or the final stop. A key point's
// title counts only when it names a key term of the notes (bold in their
// body somewhere) or a phrase that a paragraph or a definition list
// defines, since titles such as "Advantages" may well head different
// points in different sections. For the same reason a definition in the
// body of a key point ("- **Advantages**: cheap." under a key point)
// counts only when a paragraph or a definition list outside key points
// defines the same phrase. Using a term again in ordinary sentences
// never counts: a term is expected to come back.
//
// The warning is given at each later definition that differs from the
// first, and names the line of the first.

// definitionSite is one place where a phrase is defined.
type definitionSite struct {
	sp       spelling
	meaning  string
	pos      guide.Pos
	keyPoint bool
	// subItem marks a definition in the body of a key point, such as a
	// sub-item "- **Advantages**: cheap." under a key point.
	subItem bool
}

// define records a definition of phrase.
func (x *partReader) define(phrase, meaning string, pos guide.Pos, keyPoint bool) {
	sp := newSpelling(phrase)
	if sp.full == "" || strings.TrimSpace(meaning) == "" || !keyPoint && isFormula(sp.text) {
		return
	}
	x.sites = append(x.sites, definitionSite{sp: sp, meaning: meaning, pos: pos, keyPoint: keyPoint, subItem: !keyPoint && x.depth > 0})
}

// checkDefinitions warns about terms defined in two different ways. It
// runs after every term is known.
func (x *extractor) checkDefinitions() {
	// key identifies what a site defines: the key term it names, else the
	// phrase itself.
	key := func(s definitionSite) (any, string) {
		if e := x.reg.find(s.sp); e != nil {
			return e, e.term.Name
		}
		return s.sp.full, s.sp.text
	}
	defined := map[any]bool{}
	for _, s := range x.sites {
		if !s.keyPoint && !s.subItem {
			k, _ := key(s)
			defined[k] = true
		}
	}
	first := map[any]definitionSite{}
	for _, s := range x.sites {
		k, name := key(s)
		if _, term := k.(*entry); s.keyPoint && !term && !defined[k] || s.subItem && !defined[k] {
			continue
		}
		f, seen := first[k]
		if !seen {
			first[k] = s
			continue
		}
		if meaningKey(f.meaning) == meaningKey(s.meaning) {
			continue
		}
		if where := placeOf(x.g, f.pos, s.pos); where != "" {
			warnf(x.g, s.pos, "term %q is explained two different ways: here and %s", name, where)
		} else {
			warnf(x.g, s.pos, "term %q is explained two different ways", name)
		}
	}
}

// meaningKey reduces a definition to what is compared.
func meaningKey(s string) string {
	return termKey(strings.TrimRight(strings.TrimSpace(s), ".!?;:…"))
}
