package guide

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A script is a writing system whose runs of text carry a language of
// their own when the language around them is written in another one.
// Latin letters are not one of them: a word of Latin letters stays in the
// language around it.
type script uint8

const (
	noScript    script = iota // spaces, punctuation, digits, symbols
	otherScript               // letters of any script below that is not listed
	greek
	cyrillic
	hebrew
	arabic
	cjk // Han, hiragana and katakana: one run, Japanese when it holds kana
	hangul
	devanagari
)

// scriptLang is the language a run of each script is taken to be in when
// the author says nothing else.
var scriptLang = [...]string{
	greek:      "el",
	cyrillic:   "ru",
	hebrew:     "he",
	arabic:     "ar",
	cjk:        "zh",
	hangul:     "ko",
	devanagari: "hi",
}

// langScripts are the scripts a language is written in, by the primary
// subtag of its tag: runs of these scripts inside text of the language
// stay in it. Languages not listed are written in Latin letters, or in a
// script of their own that is not tagged.
var langScripts = map[string][]script{
	"el": {greek},
	"ru": {cyrillic}, "uk": {cyrillic}, "be": {cyrillic}, "bg": {cyrillic},
	"sr": {cyrillic}, "mk": {cyrillic}, "kk": {cyrillic}, "ky": {cyrillic},
	"mn": {cyrillic}, "tg": {cyrillic}, "tt": {cyrillic}, "ba": {cyrillic},
	"he": {hebrew}, "yi": {hebrew},
	"ar": {arabic}, "fa": {arabic}, "ur": {arabic}, "ps": {arabic},
	"zh": {cjk}, "ja": {cjk},
	"ko": {hangul, cjk},
	"hi": {devanagari}, "mr": {devanagari}, "ne": {devanagari}, "sa": {devanagari},
}

// scriptOf returns the script of r, noScript for a character that takes
// the script of the text around it.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return otherScript
		}
		return noScript
	case unicode.Is(unicode.Greek, r):
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return greek
		}
	case unicode.Is(unicode.Cyrillic, r):
		return cyrillic
	case unicode.Is(unicode.Hebrew, r):
		return hebrew
	case unicode.Is(unicode.Arabic, r):
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return arabic
		}
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return cjk
	case unicode.Is(unicode.Hangul, r):
		return hangul
	case unicode.Is(unicode.Devanagari, r):
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return devanagari
		}
	case unicode.IsLetter(r):
		return otherScript
	}
	return noScript
}

// isKana reports whether r is hiragana or katakana, which make a run of
// CJK text Japanese.
func isKana(r rune) bool {
	return unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// Run is a piece of text with its language: Lang is "" for text in the
// language around it.
type Run struct {
	Text string
	Lang string
}

// ScriptRuns cuts s into runs by script for text whose language is lang
// (a BCP 47 tag), so that each run of a script lang is not written in
// carries the usual language of that script: Greek el, Cyrillic ru,
// Hebrew he, Arabic ar, Han zh (ja when the run holds kana), Hangul ko,
// Devanagari hi. Spaces, punctuation and digits between two runs of the
// same script stay in the run; those around a run stay outside it. A
// lone Greek letter (α, π, Δ) is a symbol, not a word, and stays in lang.
// The runs, in order, make up s; a string with nothing to tag is one run
// with Lang "".
func ScriptRuns(s, lang string) []Run {
	return AppendScriptRuns(nil, s, lang)
}

// AppendScriptRuns appends the runs of ScriptRuns(s, lang) to runs and
// returns the result, for a caller that reuses one slice.
func AppendScriptRuns(runs []Run, s, lang string) []Run {
	if isPlainASCII(s) {
		return append(runs, Run{Text: s})
	}
	own := langScripts[primaryTag(lang)]
	first := len(runs)
	plain := 0 // where the text not yet in runs starts
	cur, start, end := noScript, 0, 0
	letters, kana := 0, false
	flush := func() {
		l := runLang(cur, kana, own, lang)
		if l == "" || cur == greek && letters < 2 {
			return
		}
		if start > plain {
			runs = append(runs, Run{Text: s[plain:start]})
		}
		runs = append(runs, Run{Text: s[start:end], Lang: l})
		plain = end
	}
	for i, r := range s {
		sc := scriptOf(r)
		size := utf8.RuneLen(r)
		if sc == noScript {
			if cur != noScript && unicode.IsMark(r) && end == i {
				end = i + size
			}
			continue
		}
		if sc != cur {
			flush()
			cur, start, letters, kana = sc, i, 0, false
		}
		end = i + size
		if unicode.IsLetter(r) {
			letters++
		}
		kana = kana || isKana(r)
	}
	flush()
	if plain < len(s) || len(runs) == first {
		runs = append(runs, Run{Text: s[plain:]})
	}
	return runs
}

// runLang returns the language of a run of script sc inside text of
// language lang, which is written in the scripts own, or "" when the run
// is in lang. kana says whether a CJK run holds kana: it is Japanese then,
// else Chinese, except in Japanese or Korean text, which write Han
// characters too.
func runLang(sc script, kana bool, own []script, lang string) string {
	switch {
	case sc == noScript || sc == otherScript:
		return ""
	case sc == cjk:
		p := primaryTag(lang)
		if kana && p != "ja" {
			return "ja"
		}
		if !kana && p != "zh" && p != "ja" && p != "ko" {
			return "zh"
		}
		return ""
	case containsScript(own, sc):
		return ""
	}
	return scriptLang[sc]
}

// isPlainASCII reports whether s is ASCII, which holds no run to tag.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// primaryTag returns the primary language subtag of a BCP 47 tag, in
// lower case: "pt" for "pt-BR".
func primaryTag(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	p, _, _ = strings.Cut(p, "_")
	return strings.ToLower(p)
}

func containsScript(ss []script, s script) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// MarkScripts puts each run of text of the guide that is in another
// script than the language around it into a Span of that script's
// language (see ScriptRuns). The language around a text is the guide's
// (Meta.Lang), or that of the Div or Span that holds it. Code is not
// tagged, and neither are the plain strings of the model (titles,
// captions, alternative texts): writers cut those with ScriptRuns where
// they can tag them. MarkScripts runs after the study aids, so their
// tables and glossary are tagged too; marking a guide twice changes
// nothing the second time.
func MarkScripts(g *Guide) {
	m := &scriptMarker{}
	m.markBlocks(g.Intro, g.Meta.Lang)
	g.WalkSections(func(s *Section) bool {
		m.markBlocks(s.Blocks, g.Meta.Lang)
		return true
	})
	for _, f := range g.Footnotes {
		m.markBlocks(f.Blocks, g.Meta.Lang)
	}
}

// scriptMarker walks the tree for MarkScripts. A node reached twice
// (the model may share one) is marked again without change, since its
// runs are already in spans of their language. runs is room for the runs
// of one text, reused from text to text: most texts are a single run of
// the guide's language, and a long guide has hundreds of thousands.
type scriptMarker struct {
	runs []Run
}

// markBlocks marks the text of bs, in language lang.
func (m *scriptMarker) markBlocks(bs []Block, lang string) {
	for _, b := range bs {
		m.markBlock(b, lang)
	}
}

func (m *scriptMarker) markBlock(b Block, lang string) {
	switch b := b.(type) {
	case *Paragraph:
		b.Inlines = m.markInlines(b.Inlines, lang)
	case *List:
		for _, it := range b.Items {
			m.markBlocks(it.Blocks, lang)
		}
	case *Quote:
		m.markBlocks(b.Blocks, lang)
	case *Div:
		m.markBlocks(b.Blocks, b.Lang)
	case *Table:
		for i := range b.Header {
			b.Header[i].Inlines = m.markInlines(b.Header[i].Inlines, lang)
		}
		for _, row := range b.Rows {
			for i := range row {
				row[i].Inlines = m.markInlines(row[i].Inlines, lang)
			}
		}
	case *DefinitionList:
		for _, d := range b.Items {
			d.Term = m.markInlines(d.Term, lang)
			for _, bs := range d.Definitions {
				m.markBlocks(bs, lang)
			}
		}
	}
}

// markInlines returns ins with the runs of its text marked. It returns a new
// slice when anything changed, so that a slice that shares its array with
// another is left as it was.
func (m *scriptMarker) markInlines(ins []Inline, lang string) []Inline {
	var out []Inline
	for i, n := range ins {
		var rep []Inline
		switch n := n.(type) {
		case *Text:
			runs := AppendScriptRuns(m.runs[:0], n.Text, lang)
			m.runs = runs
			if len(runs) == 1 && runs[0].Lang == "" {
				break
			}
			rep = make([]Inline, 0, len(runs))
			for _, r := range runs {
				t := &Text{Pos: n.Pos, Text: r.Text}
				if r.Lang == "" {
					rep = append(rep, t)
				} else {
					rep = append(rep, &Span{Pos: n.Pos, Lang: r.Lang, Children: []Inline{t}})
				}
			}
		case *Strong:
			n.Children = m.markInlines(n.Children, lang)
		case *Emph:
			n.Children = m.markInlines(n.Children, lang)
		case *Strike:
			n.Children = m.markInlines(n.Children, lang)
		case *Link:
			n.Children = m.markInlines(n.Children, lang)
		case *Ref:
			n.Children = m.markInlines(n.Children, lang)
		case *Span:
			n.Children = m.markInlines(n.Children, n.Lang)
		}
		if rep != nil && out == nil {
			out = make([]Inline, 0, len(ins)+len(rep))
			out = append(out, ins[:i]...)
		}
		switch {
		case rep != nil:
			out = append(out, rep...)
		case out != nil:
			out = append(out, n)
		}
	}
	if out == nil {
		return ins
	}
	return out
}
