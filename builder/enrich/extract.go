package enrich

import (
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
)

// Extract finds the key points, key terms and dates of the notes and
// keeps them in g.Study, in reading order. It sets Strong.ID on the use
// of each key term whose sentence explains it (the first use when none
// does) so that aids can link to where the term is explained. Problems that look like mistakes in the notes (a key point
// with nothing after its title, a term explained two different ways) are
// reported as warnings through g.Files.
//
// The notes' own mind-palace section is left out: its items are memory
// loci and its bold words are cues. Footnotes are left out too. Aids the
// build added earlier (sections or tables of a study-aid kind) are never
// read as notes.
func Extract(g *guide.Guide) {
	extract(g, false)
}

// ExtractBook is Extract for a book whose top-level sections are its
// chapters (see guide.Join). It also gives each key term used in more
// than one chapter a place in each of them (Term.Chapters), so that the
// glossary can send the reader to every chapter that uses it.
func ExtractBook(g *guide.Guide) {
	extract(g, true)
}

func extract(g *guide.Guide, book bool) {
	if g == nil {
		return
	}
	// The introduction and each top-level section are read on their own,
	// side by side (see partReader); what they found is then put
	// together in reading order, as if one reader had read them all.
	// Each part is merged as soon as it and those before it are read;
	// the ids the guide holds are gathered meanwhile.
	ids := workers.Later(g.IDs)
	parts := make([]notesPart, len(g.Sections)+1)
	x := &extractor{g: g, reg: newRegistry()}
	workers.EachThen(len(parts), func(_, i int) {
		var r partReader
		if i == 0 {
			r.uses = make([]partUse, 0, countStrongs(g.Intro))
			r.blocks(g.Intro, "")
		} else {
			r.uses = make([]partUse, 0, countStrongs(g.Sections[i-1:i]))
			r.section(g.Sections[i-1])
		}
		parts[i] = r.notesPart
	}, func(i int) {
		x.merge(&parts[i])
		parts[i] = notesPart{}
	})
	x.ids = ids()
	x.explain()
	if book {
		x.chapterPlaces()
	}
	x.checkDefinitions()
	study := &guide.Study{KeyPoints: x.keyPoints}
	for _, e := range x.reg.entries {
		study.Terms = append(study.Terms, e.term)
	}
	countMentions(g, study.Terms)
	g.Study = study
}

// countStrongs counts the strong runs of nodes, of which a part's uses
// of key terms are some: room for its uses made at once rather than
// grown as they are found.
func countStrongs[N guide.Node](nodes []N) int {
	n := 0
	for _, node := range nodes {
		guide.Inspect(node, func(c guide.Node) bool {
			if _, ok := c.(*guide.Strong); ok {
				n++
			}
			return true
		})
	}
	return n
}

// extractor holds the state of one Extract call once the parts of the
// notes are read: the key terms, found by their spellings across every
// part, and the key points.
type extractor struct {
	g         *guide.Guide
	ids       *guide.IDs
	reg       *registry
	keyPoints []*guide.KeyPointFacts
	// open are the key points whose bodies are being merged, outermost
	// first: a term used inside a nested key point belongs to each.
	open  []*openPoint
	sites []definitionSite
	// sentences counts the sentences merged that hold key terms.
	sentences int
}

// openPoint is a key point whose body is being merged, with the terms
// it already lists.
type openPoint struct {
	facts *guide.KeyPointFacts
	seen  map[*entry]bool
}

// notesPart is what a partReader found in one part of the notes (the
// introduction or a top-level section), in reading order: its key
// points, with everything but their terms, the uses of bold text that
// may be key terms, the definitions, and the warnings. Its sentences are
// numbered from 1 within the part.
type notesPart struct {
	keyPoints []*guide.KeyPointFacts
	uses      []partUse
	// events are the steps of reading the part in order: the use of
	// uses[i] for each i from 0 up, openKeyPoint where the body of the
	// next of keyPoints starts and closeKeyPoint where the innermost
	// ends.
	events    []int32
	sites     []definitionSite
	sentences int
	warnings  []partWarning
}

// The steps of notesPart.events that are not uses.
const (
	openKeyPoint  = -1
	closeKeyPoint = -2
)

// partUse is the use of a possible key term, with its spelling.
type partUse struct {
	termUse
	sp spelling
}

// partWarning is a warning about a part, given when the part is merged.
type partWarning struct {
	pos guide.Pos
	msg string
}

// partReader reads one part of the notes for Extract. It shares nothing
// with the readers of the other parts and changes nothing in the guide.
type partReader struct {
	notesPart
	// depth is how many key points' bodies are being read.
	depth int
}

// merge adds what a part holds to what the parts before it held: its
// sentences are numbered after theirs, its term uses go to the terms
// they spell (a new term for a spelling not seen before), and its key
// points list the terms used in them.
func (x *extractor) merge(p *notesPart) {
	points, uses := p.keyPoints, p.uses
	for _, ev := range p.events {
		switch ev {
		case openKeyPoint:
			x.open = append(x.open, &openPoint{facts: points[0], seen: map[*entry]bool{}})
			points = points[1:]
		case closeKeyPoint:
			x.open = x.open[:len(x.open)-1]
		default:
			u := &uses[ev]
			u.sentenceID += x.sentences
			x.use(u.termUse, u.sp)
		}
	}
	x.sentences += p.sentences
	x.keyPoints = append(x.keyPoints, p.keyPoints...)
	x.sites = append(x.sites, p.sites...)
	for _, w := range p.warnings {
		warnf(x.g, w.pos, "%s", w.msg)
	}
}

func (x *partReader) section(s *guide.Section) {
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
func (x *partReader) blocks(blocks []guide.Block, sec string) {
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
// stands for the sentence of every term in it, and explains each.
func (x *partReader) text(f flat, sec, explained string) {
	var ends []int
	ids := map[int]int{} // the start of a sentence of f, and its number
	for _, s := range f.strongs {
		u := termUse{strong: s.node, sec: sec}
		if explained != "" {
			x.sentences++
			u.sentence, u.sentenceID, u.explains = explained, x.sentences, true
		} else {
			if ends == nil {
				ends = sentenceEnds(f.text)
			}
			start, end := sentenceBounds(f.text, ends, s.start)
			id, ok := ids[start]
			if !ok {
				x.sentences++
				id = x.sentences
				ids[start] = id
			}
			u.sentence, u.sentenceID = f.text[start:end], id
			if len(f.formulas) > 0 {
				u.from = &f
			}
			// A strong run may start in the space before its sentence
			// or end in the next one.
			from := min(max(s.start-start, 0), end-start)
			to := min(max(s.end-start, from), end-start)
			u.explains = explainsTerm(f.text[start:end], from, to)
		}
		x.use(u)
	}
}

// termUse is one use of a key term in running text: the strong run, the
// section it is in, and the sentence that holds it (numbered in reading
// order), with whether that sentence explains the term (see
// explainsTerm).
type termUse struct {
	strong     *guide.Strong
	sec        string
	sentence   string
	sentenceID int
	explains   bool
	// from is the text the sentence was taken from, which knows where
	// its formulas stand; nil when it holds none.
	from *flat
}

// use records one use of strong text in running text: a key term, unless
// it is a date, a number, a symbol, a formula or a long emphasised
// phrase. Which term it is, and the term's meaning and anchor, are
// chosen once every part is read (see extractor.use and explain).
func (x *partReader) use(u termUse) {
	written := guide.PlainText(u.strong.Children)
	if !isTermText(written) || holdsFormula(u.strong) {
		return
	}
	sp := newSpelling(written)
	if sp.full == "" {
		return
	}
	x.events = append(x.events, int32(len(x.uses)))
	x.uses = append(x.uses, partUse{u, sp})
}

// use records one use of the key term spelt sp, whose sentence is
// numbered among every part's.
func (x *extractor) use(u termUse, sp spelling) {
	e := x.reg.find(sp)
	if e == nil {
		e = x.reg.add(nil, sp, &guide.Term{Name: sp.text})
	} else {
		x.reg.add(e, sp, nil)
	}
	e.uses = append(e.uses, u)
	for _, kp := range x.open {
		if !kp.seen[e] {
			kp.seen[e] = true
			kp.facts.Terms = append(kp.facts.Terms, e.term.Name)
		}
	}
}

// explain gives every key term its meaning and its anchor, once every use
// is known. The meaning is the sentence of the term's first use, unless
// another term is first used and explained in that sentence (see
// explainsTerm) and this one is not: two terms share a sentence only when
// it explains both, or singles out neither, as a sentence that names
// several terms in passing does. The meaning is then the first sentence
// that explains the term, else the first that explains no other term at
// its first use, else none. The anchor is set on the strong run of the
// use chosen, or of the first use when none is.
func (x *extractor) explain() {
	// claimed counts, by sentence, the terms first used and explained
	// there.
	claimed := map[int]int{}
	for _, e := range x.reg.entries {
		if e.uses[0].explains {
			claimed[e.uses[0].sentenceID]++
		}
	}
	free := func(u termUse) bool { return u.explains || claimed[u.sentenceID] == 0 }
	for _, e := range x.reg.entries {
		chosen := -1
		if free(e.uses[0]) {
			chosen = 0
		}
		for i, u := range e.uses {
			if chosen < 0 && u.explains {
				chosen = i
			}
		}
		for i, u := range e.uses {
			if chosen < 0 && free(u) {
				chosen = i
			}
		}
		at := e.uses[0]
		if chosen >= 0 {
			at = e.uses[chosen]
			// A copy of the sentence alone is kept, rather than the text
			// of the paragraph it is a part of.
			e.term.Explanation = strings.Clone(meaningText(at.sentence))
			if at.from != nil {
				e.term.Meaning = at.from.rich(e.term.Explanation)
			}
		}
		e.term.SectionID, e.term.Pos = at.sec, at.strong.Pos
		if at.strong.ID == "" {
			base := slug(newSpelling(guide.PlainText(at.strong.Children)).base)
			if base == "" {
				base = "term"
			} else {
				base = "term-" + base
			}
			at.strong.ID = x.ids.Claim(base)
		}
		e.term.ID = at.strong.ID
	}
}

// definitionList reads a definition list. A bold term that is the whole
// of an entry's term is explained by the first sentence of its first
// definition.
func (x *partReader) definitionList(l *guide.DefinitionList, sec string) {
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
	for line := range strings.SplitSeq(text, "\n") {
		if s := firstSentence(line); s != "" {
			return s
		}
	}
	return ""
}

// chapterPlaces sets Term.Chapters for every key term used in more than
// one chapter (top-level section): in each such chapter, the use whose
// sentence explains the term, else its first use there, given an anchor
// when it has none.
func (x *extractor) chapterPlaces() {
	top := map[string]string{}
	for _, s := range x.g.Sections {
		s.Walk(func(c *guide.Section) bool {
			top[c.ID] = s.ID
			return true
		})
	}
	for _, e := range x.reg.entries {
		var order []string
		chosen := map[string]termUse{}
		for _, u := range e.uses {
			ch := top[u.sec]
			prev, seen := chosen[ch]
			switch {
			case !seen:
				order = append(order, ch)
				chosen[ch] = u
			case !prev.explains && u.explains:
				chosen[ch] = u
			}
		}
		if len(order) < 2 {
			continue
		}
		for _, ch := range order {
			u := chosen[ch]
			if top[e.term.SectionID] == ch {
				e.term.Chapters = append(e.term.Chapters, guide.TermPlace{ID: e.term.ID, SectionID: e.term.SectionID})
				continue
			}
			if u.strong.ID == "" {
				base := slug(newSpelling(guide.PlainText(u.strong.Children)).base)
				if base == "" {
					base = "term"
				} else {
					base = "term-" + base
				}
				u.strong.ID = x.ids.Claim(base)
			}
			e.term.Chapters = append(e.term.Chapters, guide.TermPlace{ID: u.strong.ID, SectionID: u.sec})
		}
	}
}
