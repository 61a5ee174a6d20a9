package enrich

import (
	"strings"
	"unicode"

	"studyguide/builder/guide"
)

// Key terms longer than maxTermWords words are bold emphasis of a whole
// phrase, not terms.
const maxTermWords = 8

// Extract finds the key points, key terms and dates of the notes and
// keeps them in g.Study, in reading order. It sets Strong.ID on the first
// use of each key term so that aids can link to where the term is
// explained. Problems that look like mistakes in the notes (a key point
// with nothing after its title, a term explained two different ways) are
// reported as warnings through g.Files.
//
// The notes' own mind-palace section is left out: its items are memory
// loci and its bold words are cues. Footnotes are left out too. Aids the
// build added earlier (sections or tables of a study-aid kind) are never
// read as notes.
func Extract(g *guide.Guide) {
	if g == nil {
		return
	}
	x := &extractor{g: g, ids: g.IDs(), reg: newRegistry()}
	x.blocks(g.Intro, "")
	for _, s := range g.Sections {
		x.section(s)
	}
	x.checkDefinitions()
	study := &guide.Study{KeyPoints: x.keyPoints}
	for _, e := range x.reg.entries {
		study.Terms = append(study.Terms, e.term)
	}
	countMentions(g, study.Terms)
	g.Study = study
}

// extractor holds the state of one Extract call.
type extractor struct {
	g         *guide.Guide
	ids       *guide.IDs
	reg       *registry
	keyPoints []*guide.KeyPointFacts
	// open are the key points whose bodies are being read, outermost
	// first: a term used inside a nested key point belongs to each.
	open  []*openKeyPoint
	sites []definitionSite
}

// openKeyPoint is a key point whose body is being read, with the terms it
// already lists.
type openKeyPoint struct {
	facts *guide.KeyPointFacts
	seen  map[*entry]bool
}

func (x *extractor) section(s *guide.Section) {
	if s.Kind != guide.FromNotes || isPalaceSection(s) {
		return
	}
	x.blocks(s.Blocks, s.ID)
	for _, c := range s.Sections {
		x.section(c)
	}
}

// blocks reads blocks that belong to the section with id sec ("" for the
// introduction).
func (x *extractor) blocks(blocks []guide.Block, sec string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *guide.Paragraph:
			if hasLead(b.Inlines) {
				lead := b.Inlines[0].(*guide.Strong)
				x.define(guide.PlainText(lead.Children), firstSentence(afterLead(b.Inlines).text), b.Pos, false)
			}
			x.text(flatten(b.Inlines), sec, "")
		case *guide.List:
			for _, it := range b.Items {
				x.item(it, sec)
			}
		case *guide.Table:
			if b.Kind != guide.FromNotes {
				continue
			}
			for _, row := range append([][]guide.Cell{b.Header}, b.Rows...) {
				for _, c := range row {
					x.text(flatten(c.Inlines), sec, "")
				}
			}
		case *guide.DefinitionList:
			x.definitionList(b, sec)
		default:
			// A block that holds blocks, such as a quote, is read
			// through them; one that holds no text has no children.
			for c := range guide.Children(b) {
				if cb, ok := c.(guide.Block); ok {
					x.blocks([]guide.Block{cb}, sec)
				}
			}
		}
	}
}

// text reads running text for key terms. explained, when not empty,
// stands for the sentence of every term in it.
func (x *extractor) text(f flat, sec, explained string) {
	var ends []int
	for _, s := range f.strongs {
		exp := explained
		if exp == "" {
			if ends == nil {
				ends = sentenceEnds(f.text)
			}
			exp = sentenceIn(f.text, ends, s.start)
		}
		x.use(s.node, exp, sec)
	}
}

// use records one use of strong text in running text: a key term, unless
// it is a date, a number or a long emphasised phrase.
func (x *extractor) use(st *guide.Strong, sentence, sec string) {
	written := guide.PlainText(st.Children)
	if !isTermText(written) {
		return
	}
	sp := newSpelling(written)
	if sp.full == "" {
		return
	}
	e := x.reg.find(sp)
	if e == nil {
		term := &guide.Term{
			Name:        sp.text,
			Explanation: strings.Join(strings.Fields(sentence), " "),
			SectionID:   sec,
			Pos:         st.Pos,
		}
		if st.ID == "" {
			base := slug(sp.base)
			if base == "" {
				base = "term"
			} else {
				base = "term-" + base
			}
			st.ID = x.ids.Claim(base)
		}
		term.ID = st.ID
		e = x.reg.add(nil, sp, term)
	} else {
		x.reg.add(e, sp, nil)
	}
	for _, kp := range x.open {
		if !kp.seen[e] {
			kp.seen[e] = true
			kp.facts.Terms = append(kp.facts.Terms, e.term.Name)
		}
	}
}

// isTermText reports whether bold text can be a key term: it has a
// letter, is not only a date or a number, and has at most maxTermWords
// words.
func isTermText(s string) bool {
	if !strings.ContainsFunc(s, unicode.IsLetter) || isDateText(s) {
		return false
	}
	return len(strings.Fields(s)) <= maxTermWords
}

// definitionList reads a definition list. A bold term that is the whole
// of an entry's term is explained by the first sentence of its first
// definition.
func (x *extractor) definitionList(l *guide.DefinitionList, sec string) {
	for _, it := range l.Items {
		meaning := ""
		if len(it.Definitions) > 0 {
			meaning = firstLineSentence(guide.BlocksText(it.Definitions[0]))
		}
		f := flatten(it.Term)
		whole := len(f.strongs) == 1 && strings.TrimSpace(f.text) == strings.TrimSpace(guide.PlainText(f.strongs[0].node.Children))
		if whole && meaning != "" {
			x.text(f, sec, meaning)
		} else {
			x.text(f, sec, "")
		}
		if meaning != "" {
			pos := l.Pos
			if len(it.Term) > 0 && it.Term[0].Position() >= 0 {
				pos = it.Term[0].Position()
			}
			x.define(f.text, meaning, pos, false)
		}
		for _, d := range it.Definitions {
			x.blocks(d, sec)
		}
	}
}

// firstLineSentence returns the first sentence of the first line of text
// that has words.
func firstLineSentence(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if s := firstSentence(line); s != "" {
			return s
		}
	}
	return ""
}
