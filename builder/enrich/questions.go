package enrich

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
)

// The rules of the questions. A good question asks one fact, gives
// enough context to be answered, and never shows its own answer.
const (
	// minContextWords is how many words a cloze question must keep
	// around its blanks: a shorter sentence gives too little context.
	minContextWords = 6
	// maxSentenceWords is the longest sentence a cloze question is made
	// from: a longer one is a paragraph to decipher, not a question.
	maxSentenceWords = 50
	// minAnswerLetters is the fewest letters or digits a blank may hide.
	minAnswerLetters = 3
)

// Questions makes the questions of the self-test from the notes and the
// facts Extract found, and keeps them in g.Study.Questions, grouped by
// section in reading order:
//
//   - for each sentence that explains key terms, a cloze question with
//     the most important of them blanked wherever the sentence writes it;
//   - for each sentence that holds a date, a cloze question with the date
//     blanked and a hint such as "(year)";
//   - for each key point, a short-answer question: "What did NATO do in
//     Libya in 2011?" when its first sentence tells what someone did
//     where or when (in English notes), else "Explain: …";
//   - for each room of the mind palace that stands for a part of the
//     notes, "Which fact lives in room 3, Libya?".
//
// A blank never hides fewer than three letters or a stop word, a cloze
// question is not made when its answer would stay visible in the prompt
// or its section's title, nor from a sentence that leaves fewer than six
// words around the blanks. A blank that several words could fill (one of
// a list, a single common word) gets the first letter of each word of
// its answer as a hint.
//
// Questions changes nothing else in the guide, and does nothing when
// Extract has not run. It runs after the palace, whose rooms it asks
// about, and whether or not the guides show the self-test.
func Questions(g *guide.Guide) {
	if g == nil || g.Study == nil {
		return
	}
	m := newQuizMaker(g)
	m.blocks(g.Intro, "", nil)
	m.sections(g.Sections)
	m.palace()
	g.Study.Questions = groupBySection(g, m.out)
}

// sections makes the questions of the top-level sections secs as m.section
// would, one after the other, but with the sections shared out between
// the cores. Each section starts its questions afresh (a key point or a
// paragraph opens every unit of questions), so a section depends on the
// ones before it only through the question ids and short-answer prompts
// they took: each is first made on its own, noting which it looked up,
// and is made again, in turn, after the ones before it when one of those
// was taken before it. The questions are the same, in the same order, as
// one core would make them.
func (m *quizMaker) sections(secs []*guide.Section) {
	if workers.Count(len(secs)) < 2 {
		for _, s := range secs {
			m.section(s)
		}
		return
	}
	// Each section is made from m as it is now, whatever m has taken
	// by the time its turn comes; it is merged as soon as it and those
	// before it are made.
	base := m.alone()
	parts := make([]*quizMaker, len(secs))
	scratch := make([]*quizScratch, workers.Count(len(secs)))
	workers.EachThen(len(secs), func(w, i int) {
		part := base.alone()
		if scratch[w] == nil {
			scratch[w] = &quizScratch{}
		}
		part.quizScratch = scratch[w]
		// The section starts a unit of its own.
		part.newUnit()
		if part.partSeen.nums == nil {
			part.partSeen = newIDSet()
		}
		part.partSeen.clear()
		part.seen = part.partSeen
		part.section(secs[i])
		// The room goes on to the worker's next section rather than
		// wait for the merge, which looks at the ids the section took
		// in its questions.
		part.quizScratch = nil
		part.seen = idSet{}
		parts[i] = part
	}, func(i int) {
		part := parts[i]
		parts[i] = nil
		if m.dependsOn(part) {
			m.newUnit()
			m.section(secs[i])
			return
		}
		for _, q := range part.out {
			m.seen.add(q.ID)
		}
		for p := range part.prompts {
			m.prompts[p] = true
		}
		if need := len(m.out) + len(part.out); need > cap(m.out) {
			// The questions of a long note's thousands of sections
			// are gathered in room that doubles, rather than grows by
			// a quarter as append makes it grow.
			m.out = slices.Grow(m.out, max(need, 2*cap(m.out))-len(m.out))
		}
		m.out = append(m.out, part.out...)
	})
}

// alone returns a quizMaker that shares m's view of the guide but has
// taken no prompt yet, and notes the question ids and prompts it looks
// up. The caller gives it an empty set of the question ids it takes, and
// room of its own (quizScratch).
func (m *quizMaker) alone() *quizMaker {
	part := *m
	part.seen, part.prompts = idSet{}, map[string]bool{}
	part.out = nil
	part.quizScratch = nil
	part.looked = &lookups{}
	return &part
}

// lookups are the prompts a quizMaker made alone looked up (see
// quizMaker.alone). The question ids it looked up are those of the
// questions it made: it looks an id up only to keep its question when no
// question it made has the id.
type lookups struct {
	prompts []string
}

// dependsOn reports whether part, made alone, looked up a question id or
// a prompt that m has taken: then it might have made other questions
// after m's.
func (m *quizMaker) dependsOn(part *quizMaker) bool {
	for _, q := range part.out {
		if m.seen.has(q.ID) {
			return true
		}
	}
	for _, p := range part.looked.prompts {
		if m.prompts[p] {
			return true
		}
	}
	return false
}

// quizMaker holds the state of one Questions call.
type quizMaker struct {
	g     *guide.Guide
	words *labels.Catalogue
	// english is set for notes in English, whose grammar the prompts of
	// key points may rely on.
	english bool
	stop    map[string]bool
	// mine holds the prompt of the question fits last looked at, which
	// add keeps with it in its unit.
	mine    wordText
	paths   map[string][]string
	titles  map[string]string               // section id -> title
	anchors map[string]*guide.Term          // term anchor id -> term
	rank    map[*guide.Term]int             // 0 for the most important
	points  map[string]*guide.KeyPointFacts // key point id -> facts
	// names holds the capitalised words the notes write in the middle of
	// a sentence and never in lower case, outside bold terms: names, which
	// keep their capital when a title is written as a sentence writes it.
	names map[string]bool
	// termNames maps each key term's name, and each other spelling, in
	// lower case to the term's name as the notes write it; termWords is
	// how many words the longest has.
	termNames map[string]string
	termWords int
	// termStarts holds, for the first word of each name of termNames
	// that starts with a word, how many words (at most termWords) the
	// longest such name has.
	termStarts map[string]int
	seen       idSet           // question ids
	prompts    map[string]bool // short-answer prompts
	out        []*guide.Question
	// looked, when set, notes the ids and prompts looked up (see
	// quizMaker.alone).
	looked *lookups
	// The room is kept apart, so that the quizMaker of each section
	// made alone is small.
	*quizScratch
}

// unitQuestion is a question of the unit being read, with its prompt in
// lower case once fits has needed it.
type unitQuestion struct {
	q *guide.Question
	// prompt is the prompt in lower case (see promptText); its low is
	// nil until fits needs it.
	prompt wordText
}

// wordText is a text in lower case that showsIn looks in, and its content
// words (see appendStems) once showsIn has needed them.
type wordText struct {
	low   []byte
	words [][]byte
	split bool
}

// quizScratch is the room a quizMaker reuses from one question to the
// next, and a worker of sections from one section to the next: nothing in
// it changes the questions made. Each part serves one question, sentence,
// paragraph or unit of questions (a section starts a unit of its own),
// or, as the stem cache does, holds what would be found again.
type quizScratch struct {
	// sentenceLow holds the sentence being read in lower case (see
	// quizMaker.lowerText), and strongs the strong runs that start in it.
	sentenceLow []byte
	strongs     []strongSpan
	// draft is the cloze question being made, and draftPrompt the room
	// of its prompt (see cloze).
	draft       guide.Question
	draftPrompt []guide.Piece
	// caseTitle holds a key point's title as running text writes it
	// (see sentenceCase); caseLow and caseWord hold a title, or a word of
	// it, in lower case (see termCase).
	caseTitle, caseLow, caseWord []byte
	// spellings holds the spellings of the key term a cloze question is
	// tried for (see termSpellings).
	spellings []string
	// flatStrongs holds the strong runs of the paragraph being read.
	flatStrongs []strongSpan
	// stemCache holds the words showsIn looks for of the answers lately
	// asked about (see answerStems).
	stemCache map[string][]string
	// low holds the text around a cloze question's blanks in lower case
	// and lowWords its content words (see appendStems).
	low      []byte
	lowWords [][]byte
	// spans holds the spans of a cloze question's blanks.
	spans [][2]int
	// unit holds the questions asked about the key point, or outside key
	// points the paragraph, being read (see fits).
	unit []unitQuestion
	// unitText and unitWords hold the prompts of the unit's questions
	// in lower case and their content words (see promptText and
	// showsIn): each question's are parts of them, which a question
	// added later never changes, as it only appends.
	unitText  []byte
	unitWords [][]byte
	// partSeen is the set of question ids of a section made alone (see
	// quizMaker.sections), emptied for each.
	partSeen idSet
}

func newQuizMaker(g *guide.Guide) *quizMaker {
	lang := strings.ToLower(g.Meta.Lang)
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	// The maps of the terms and key points are made at their size: a
	// long note has tens of thousands.
	terms := len(g.Study.Terms)
	m := &quizMaker{
		g: g, words: labels.For(g.Meta.Lang),
		english: primary == "" || primary == "en",
		stop:    stopWordsFor(primary),
		paths:   sectionPaths(g),
		titles:  sectionTitles(g),
		anchors: make(map[string]*guide.Term, terms),
		rank:    make(map[*guide.Term]int, terms),
		points:  make(map[string]*guide.KeyPointFacts, len(g.Study.KeyPoints)),
		names:   properNames(g),
		seen:    newIDSet(),
		prompts: map[string]bool{},

		quizScratch: &quizScratch{},
	}
	m.termNames, m.termStarts = make(map[string]string, terms), make(map[string]int, terms)
	for _, t := range g.Study.Terms {
		if t.ID != "" {
			m.anchors[t.ID] = t
		}
		for n := range termSpellings(t) {
			low := strings.ToLower(n)
			if _, ok := m.termNames[low]; !ok {
				m.termNames[low] = n
			}
			words := len(strings.FieldsFunc(n, func(r rune) bool { return !isWordRune(r) }))
			m.termWords = min(max(m.termWords, words), 8)
			if end := strings.IndexFunc(low, func(r rune) bool { return !isWordRune(r) }); end != 0 {
				if end < 0 {
					end = len(low)
				}
				m.termStarts[low[:end]] = min(max(m.termStarts[low[:end]], words), 8)
			}
		}
	}
	for i, t := range g.Study.RankedTerms() {
		m.rank[t] = i
	}
	for _, kp := range g.Study.KeyPoints {
		m.points[kp.ID] = kp
	}
	return m
}

// properNames returns the capitalised words that the running text of the
// notes writes in the middle of a sentence, outside bold terms, and never
// in lower case: names such as "Libya" or "NATO".
func properNames(g *guide.Guide) map[string]bool {
	// The introduction, each top-level section and the footnotes are
	// read side by side, each worker keeping the words it met in sets of
	// its own.
	type wordSets struct{ capital, lower map[string]bool }
	parts := len(g.Sections) + 2
	sets := make([]wordSets, workers.Count(parts))
	for i := range sets {
		sets[i] = wordSets{map[string]bool{}, map[string]bool{}}
	}
	workers.EachOn(parts, func(w, part int) {
		capital, lower := sets[w].capital, sets[w].lower
		visit := func(n guide.Node) bool {
			switch n := n.(type) {
			case *guide.Section:
				return n.Kind == guide.FromNotes
			case *guide.Table:
				return n.Kind == guide.FromNotes
			case *guide.Strong:
				return false
			case *guide.Text:
				prev := 'x'
				for w := range fields(n.Text) {
					for part := range wordsOf(w) {
						r, _ := utf8.DecodeRuneInString(part)
						switch {
						case unicode.IsLower(r):
							if !lookupLower(lower, part) {
								lower[strings.ToLower(part)] = true
							}
						case unicode.IsUpper(r) && !strings.ContainsRune(".!?:", prev):
							if !lookupLower(capital, part) {
								capital[strings.ToLower(part)] = true
							}
						}
					}
					prev, _ = utf8.DecodeLastRuneInString(w)
				}
			}
			return true
		}
		switch {
		case part == 0:
			for _, b := range g.Intro {
				guide.Inspect(b, visit)
			}
		case part <= len(g.Sections):
			guide.Inspect(g.Sections[part-1], visit)
		default:
			for _, f := range g.Footnotes {
				guide.Inspect(f, visit)
			}
		}
	})
	names := map[string]bool{}
	for _, s := range sets {
		for w := range s.capital {
			names[w] = true
		}
	}
	for _, s := range sets {
		for w := range s.lower {
			delete(names, w)
		}
	}
	return names
}

// add keeps q unless it does not fit beside the questions of its unit
// (see fits) or a question with its id is already kept. A q without an id
// is given guide.QuestionID of its kind, section, source and idAnswer once
// it fits: the id of a question that does not fit is never needed. When
// q is the draft of a cloze question (see cloze), the question kept is a
// copy of it.
func (m *quizMaker) add(q *guide.Question, idAnswer string) bool {
	if q == nil || !m.fits(q) {
		return false
	}
	if q.ID == "" {
		q.ID = guide.QuestionID(q.Kind, q.Section, q.Source, idAnswer)
	}
	if m.seen.has(q.ID) {
		return false
	}
	m.seen.add(q.ID)
	if q == &m.draft {
		q = keptCopy(q)
	}
	m.out = append(m.out, q)
	m.unit = append(m.unit, unitQuestion{q: q, prompt: m.mine})
	return true
}

// keptCopy returns a copy of the question d with a prompt of its own, as
// long as d's.
func keptCopy(d *guide.Question) *guide.Question {
	q := new(guide.Question)
	*q = *d
	q.Prompt = slices.Clone(d.Prompt)
	return q
}

// fits reports whether q can stand beside the questions already asked
// about the same key point (or paragraph, outside key points), which a
// student reads together: none of their prompts may show the answer of a
// cloze question q, and the prompt of q may show none of theirs. Of two
// questions that would, the first asked is kept.
func (m *quizMaker) fits(q *guide.Question) bool {
	m.mine = wordText{}
	if len(m.unit) == 0 {
		return true
	}
	m.mine = m.promptText(q)
	for i := range m.unit {
		o := &m.unit[i]
		if q.Kind == guide.Cloze {
			if o.prompt.low == nil {
				o.prompt = m.promptText(o.q)
			}
			if m.showsIn(&o.prompt, &m.unitWords, q.Answer) {
				return false
			}
		}
		if o.q.Kind == guide.Cloze && m.showsIn(&m.mine, &m.unitWords, o.q.Answer) {
			return false
		}
	}
	return true
}

// promptText returns q's prompt in lower case (see appendPromptLower),
// kept until the unit ends.
func (m *quizMaker) promptText(q *guide.Question) wordText {
	from := len(m.unitText)
	m.unitText = appendPromptLower(m.unitText, q)
	return wordText{low: m.unitText[from:len(m.unitText):len(m.unitText)]}
}

// newUnit starts a unit of questions (see fits).
func (m *quizMaker) newUnit() {
	m.unit = m.unit[:0]
	// Only the unit's questions use the words: their room is free
	// again.
	m.unitText, m.unitWords = m.unitText[:0], m.unitWords[:0]
}

// appendPromptLower appends the text of q's prompt, a space for each
// blank (as q.PromptText(" ") writes it), to b in lower case.
func appendPromptLower(b []byte, q *guide.Question) []byte {
	for _, p := range q.Prompt {
		if p.Blank {
			b = append(b, ' ')
		} else {
			b = appendLower(b, p.Text)
		}
	}
	return b
}

// section makes the questions of a section the author wrote and of its
// subsections. The notes' mind-palace section holds cues, not facts.
func (m *quizMaker) section(s *guide.Section) {
	if s.Kind != guide.FromNotes || isPalaceSection(s) {
		return
	}
	m.blocks(s.Blocks, s.ID, nil)
	for _, c := range s.Sections {
		m.section(c)
	}
}

// blocks makes the questions of blocks of the section sec, inside the
// key point kp (nil for none).
func (m *quizMaker) blocks(blocks []guide.Block, sec string, kp *guide.KeyPointFacts) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *guide.Paragraph:
			m.paragraph(b, sec, kp)
		case *guide.List:
			for _, it := range b.Items {
				inner := kp
				if it.Key != nil && m.points[it.Key.ID] != nil {
					inner = m.points[it.Key.ID]
				}
				if inner != kp {
					m.newUnit()
					m.add(m.keyPointQuestion(it, inner), "")
				}
				m.blocks(it.Blocks, sec, inner)
			}
		case *guide.Quote:
			m.blocks(b.Blocks, sec, kp)
		case *guide.Div:
			m.blocks(b.Blocks, sec, kp)
		}
	}
}

// sentence is one sentence of running text with what the questions need
// to know about it.
type sentence struct {
	text string
	// strongs are the strong runs that start in it, with their spans
	// made relative to it.
	strongs []strongSpan
	// formulas are where its formulas stand, relative to it.
	formulas []formulaSpan
	sec      string
	kp       *guide.KeyPointFacts
	pos      guide.Pos
	// lower is text in lower case (see termSpans) once lowered is set,
	// in the room of the quizMaker that reads the sentence.
	lower   []byte
	lowered bool
}

// lowerText returns the sentence s in lower case, as strings.ToLower
// writes it, made once in m's room for it (quizScratch.sentenceLow):
// it is valid until m reads the next sentence.
func (m *quizMaker) lowerText(s *sentence) []byte {
	if !s.lowered {
		m.sentenceLow = appendLower(m.sentenceLow[:0], s.text)
		s.lower, s.lowered = m.sentenceLow, true
	}
	return s.lower
}

// paragraph makes the cloze questions of each sentence of a paragraph.
func (m *quizMaker) paragraph(p *guide.Paragraph, sec string, kp *guide.KeyPointFacts) {
	if kp == nil {
		m.newUnit()
	}
	f := flattenInto(m.flatStrongs, p.Inlines)
	if cap(f.strongs) > cap(m.flatStrongs) {
		// The next paragraph's strong runs take the room of these,
		// which no question keeps.
		m.flatStrongs = f.strongs
	}
	ends := sentenceEnds(f.text)
	from := 0
	for _, end := range ends {
		start, stop := sentenceBounds(f.text, ends, from)
		from = end
		if start >= stop {
			continue
		}
		s := sentence{text: f.text[start:stop], sec: sec, kp: kp, pos: p.Pos, strongs: m.strongs[:0]}
		if kp != nil && s.text == kp.Gist {
			// The questions of the sentence keep the text of the key
			// point's gist rather than that of the paragraph.
			s.text = kp.Gist
		}
		for _, sp := range f.strongs {
			if sp.start >= start && sp.start < stop {
				s.strongs = append(s.strongs, strongSpan{node: sp.node, start: sp.start - start, end: min(sp.end, stop) - start})
			}
		}
		// The next sentence fills the same room.
		m.strongs = s.strongs
		for _, fs := range f.formulas {
			if fs.start >= start && fs.end <= stop {
				s.formulas = append(s.formulas, formulaSpan{node: fs.node, start: fs.start - start, end: fs.end - start})
			}
		}
		m.dateCloze(&s)
		m.termCloze(&s)
	}
}

// termCloze adds the cloze question of the most important key term that
// the sentence explains (the term's anchor is in it) and that makes a
// good blank; none when no term does.
func (m *quizMaker) termCloze(s *sentence) {
	var terms []*guide.Term
	for _, sp := range s.strongs {
		if t := m.anchors[sp.node.ID]; t != nil && sp.node.ID != "" && t.Explanation != "" && !slices.Contains(terms, t) {
			terms = append(terms, t)
		}
	}
	slices.SortStableFunc(terms, func(a, b *guide.Term) int { return m.rank[a] - m.rank[b] })
	for _, t := range terms {
		m.spellings = slices.AppendSeq(m.spellings[:0], termSpellings(t))
		if q := m.cloze(s, m.spellings, "", t.ID); q != nil {
			q.Term = t.Name
			if m.add(q, t.Name) {
				return
			}
		}
	}
}

// termSpellings yields the name of a key term, then each other spelling
// of it.
func termSpellings(t *guide.Term) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !yield(t.Name) {
			return
		}
		for _, a := range t.Aliases {
			if !yield(a) {
				return
			}
		}
	}
}

// dateCloze adds the cloze question of the first date of the sentence,
// with a hint that says what kind of date it is.
func (m *quizMaker) dateCloze(s *sentence) {
	d, ok := firstDate(s.text)
	if !ok {
		return
	}
	written := s.text[d.start:d.end]
	target := s.sec
	for _, sp := range s.strongs {
		if sp.node.ID != "" {
			target = sp.node.ID
			break
		}
	}
	if target == s.sec && s.kp != nil {
		target = s.kp.ID
	}
	if target == "" {
		return
	}
	hint := m.words.Text("quiz.year")
	switch {
	case strings.ContainsAny(d.text, "-–— ") && !strings.HasSuffix(d.text, "BC") && !strings.HasSuffix(d.text, "AD") &&
		!strings.HasSuffix(d.text, "BCE") && !strings.HasSuffix(d.text, "CE"):
		hint = m.words.Text("quiz.years")
	case strings.HasSuffix(d.text, "s"):
		hint = m.words.Text("quiz.decade")
	}
	if q := m.cloze(s, []string{written}, hint, target); q != nil {
		m.add(q, d.text)
	}
}

// cloze returns the cloze question of sentence s with every use of names
// blanked, or nil when that makes a poor question (see Questions). hint,
// when not empty, is the question's hint; else one is chosen when the
// blank is ambiguous. target is the id the answer key links to. The
// question is a draft in m's room, valid until the next call: add keeps
// a copy of it, so that the many questions that are made but do not fit
// are not kept at all.
func (m *quizMaker) cloze(s *sentence, names []string, hint, target string) *guide.Question {
	text := s.text
	if n := countFields(text); n > maxSentenceWords {
		return nil
	}
	var long, short []string
	for _, n := range names {
		if letterCount(n) >= minAnswerLetters {
			long = append(long, n)
		} else {
			short = append(short, n)
		}
	}
	lower := m.lowerText(s)
	spans := termSpans(m.spans[:0], lower, text, long)
	m.spans = spans
	if len(spans) == 0 || len(short) > 0 && len(termSpans(nil, lower, text, short)) > 0 {
		// A spelling too short to blank would give the answer away.
		return nil
	}
	in := flat{text: text, formulas: s.formulas}
	for _, sp := range spans {
		if in.cutsFormula(sp[0], sp[1]) || in.holdsFormula(sp[0], sp[1]) {
			// A blank never cuts or hides a formula.
			return nil
		}
	}
	answer := text[spans[0][0]:spans[0][1]]
	m.low = appendLower(m.low[:0], answer)
	if m.stop[string(m.low)] {
		return nil
	}
	// What the student sees beside the blanks, in lower case: the rest of
	// the sentence, then its context, the guide's title and the section's.
	low := m.low[:0]
	at := 0
	for _, sp := range spans {
		if sp[0] > at {
			low = appendLower(low, text[at:sp[0]])
		}
		low = append(low, ' ')
		at = sp[1]
	}
	if at < len(text) {
		low = appendLower(low, text[at:])
	}
	m.low = low
	if !hasWords(low, minContextWords) {
		return nil
	}
	section := m.paths[s.sec]
	context := m.context(s)
	low = appendLower(append(low, ' '), context)
	low = appendLower(append(low, ' '), m.g.Meta.Title)
	if len(section) > 0 {
		low = appendLower(append(low, ' '), section[len(section)-1])
	}
	m.low = low
	seen := wordText{low: low}
	m.lowWords = m.lowWords[:0]
	if m.showsIn(&seen, &m.lowWords, answer) {
		return nil
	}
	for _, n := range names {
		if letterCount(n) >= minAnswerLetters && !sameLower(n, answer) && m.showsIn(&seen, &m.lowWords, n) {
			return nil
		}
	}
	q := &m.draft
	*q = guide.Question{
		Kind: guide.Cloze, Section: section, SectionID: s.sec,
		Answer: answer, Hint: hint, Target: target, Source: text, Pos: s.pos,
		Prompt: m.draftPrompt[:0],
	}
	if q.SectionID != "" && q.Section == nil {
		q.SectionID = ""
	}
	at = 0
	for _, sp := range spans {
		if sp[0] > at {
			q.Prompt = in.appendPieces(q.Prompt, at, sp[0])
		}
		q.Prompt = append(q.Prompt, guide.Piece{Text: text[sp[0]:sp[1]], Blank: true})
		at = sp[1]
	}
	if at < len(text) {
		q.Prompt = in.appendPieces(q.Prompt, at, len(text))
	}
	m.draftPrompt = q.Prompt
	if context != "" {
		q.Prompt = m.withContext(context, q.Prompt)
	}
	if q.Hint == "" && m.ambiguous(q.Prompt, answer) {
		q.Hint = initials(answer, m.stop)
	}
	q.TargetTitle = m.whereTitle(s)
	return q
}

// whereTitle is the title of the place where the sentence s stands: its
// key point, else its section.
func (m *quizMaker) whereTitle(s *sentence) string {
	if s.kp != nil {
		return s.kp.Title
	}
	if t := m.titles[s.sec]; t != "" {
		return t
	}
	return m.words.Text("quiz.introduction")
}

// context returns the title of the key point a sentence belongs to when
// the sentence opens with a word that points back (such as "This" or
// "These") or speaks of "this" or "these" something, which would make
// no sense alone; else "".
func (m *quizMaker) context(s *sentence) string {
	if s.kp == nil {
		return ""
	}
	low := m.lowerText(s)
	// Most sentences neither open with such a word nor write "this" or
	// "these": only the first word is looked at then.
	check := bytes.Contains(low, []byte("this")) || bytes.Contains(low, []byte("these"))
	i, pointing := 0, false
	for w := range bytes.FieldsSeq(low) {
		// "this approach", "these missions": a noun that points back.
		if pointing && !m.stop[string(w)] {
			return s.kp.Title
		}
		bare := bytes.TrimFunc(w, func(r rune) bool { return !isWordRune(r) })
		if i == 0 && pointsBack[string(bare)] {
			return s.kp.Title
		}
		if !check {
			return ""
		}
		pointing = (string(bare) == "this" || string(bare) == "these") && len(bare) == len(w)
		i++
	}
	return ""
}

// pointsBack are words that open a sentence by pointing back at the one
// before, in the languages of the catalogue.
var pointsBack = wordSet(
	"this", "these", "that", "those", "it", "they", "such", "he", "she",
	"ce", "cela", "ceci", "ces", "il", "elle", "ils", "elles",
	"dies", "diese", "dieser", "dieses", "es", "er", "sie",
	"esto", "esta", "este", "estos", "estas", "ello",
	"questo", "questa", "questi", "queste", "ciò",
	"dit", "deze", "het", "zij", "hij",
	"isto", "isso", "esse", "essa", "estes",
)

// withContext puts the context before the pieces of a prompt, as the
// catalogue joins a context and a text.
func (m *quizMaker) withContext(context string, pieces []guide.Piece) []guide.Piece {
	var out []guide.Piece
	for _, p := range m.words.Pieces("quiz.context") {
		switch p.Slot {
		case "context":
			out = append(out, guide.Piece{Text: context})
		case "text":
			out = append(out, pieces...)
		default:
			out = append(out, guide.Piece{Text: p.Text})
		}
	}
	return mergePieces(out)
}

// mergePieces joins neighbouring text pieces.
func mergePieces(ps []guide.Piece) []guide.Piece {
	var out []guide.Piece
	for _, p := range ps {
		if n := len(out); n > 0 && !p.Blank && !out[n-1].Blank && p.Formula == nil && out[n-1].Formula == nil {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// showsIn reports whether the text t shows answer: the words of answer
// (without a final bracket such as "(KFOR)", stop words and numbers)
// stand in it in order, each perhaps with a plural or possessive ending.
// The content words of t are split, into the room *words, only when each
// of answer's stands somewhere in its text.
func (m *quizMaker) showsIn(t *wordText, words *[][]byte, answer string) bool {
	stems := m.answerStems(answer)
	k := len(stems)
	if k == 0 {
		return false
	}
	if !t.split {
		// A word of t has a stem of answer only where the stem stands
		// in its text.
		for _, st := range stems {
			if !bytes.Contains(t.low, []byte(st)) {
				return false
			}
		}
		from := len(*words)
		*words = m.appendStems(*words, t.low)
		t.words, t.split = (*words)[from:len(*words):len(*words)], true
	}
	for i := 0; i+k <= len(t.words); i++ {
		match := true
		for j, st := range stems {
			if string(t.words[i+j]) != st {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// appendStems appends the content words of low, a text in lower case,
// to words: its words (see bytesWordsOf) that are not stop words, each
// without a plural ending (see stem). They are parts of low.
func (m *quizMaker) appendStems(words [][]byte, low []byte) [][]byte {
	for w := range bytesWordsOf(low) {
		if m.stop[string(w)] || string(w) == "s" {
			continue
		}
		words = append(words, stemBytes(w))
	}
	return words
}

// answerStems returns the words showsIn looks for when it looks for
// answer: the content words of answer in lower
// case, without a final bracket, each without a plural ending; the
// numbers among them only when they are all numbers. The words of the
// last few answers asked about are kept, since the answer of a question
// is asked about once for each question beside it; the caller must not
// change them.
func (m *quizMaker) answerStems(answer string) []string {
	if stems, ok := m.stemCache[answer]; ok {
		return stems
	}
	core := answer
	if name, _, ok := trailingParen(answer); ok && name != "" {
		core = name
	}
	var want []string
	for w := range wordsOf(strings.ToLower(core)) {
		if !m.stop[w] && w != "s" {
			want = append(want, w)
		}
	}
	// A numbered name shows when its name does: "Sputnik" gives away
	// "Sputnik 1".
	named := 0
	for _, w := range want {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			named++
		}
	}
	var stems []string
	for _, w := range want {
		if named == 0 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			stems = append(stems, stem(w))
		}
	}
	switch {
	case m.stemCache == nil:
		m.stemCache = make(map[string][]string, stemCacheSize)
	case len(m.stemCache) >= stemCacheSize:
		// The words handed out before stay as they are: only the
		// map's room is used again.
		clear(m.stemCache)
	}
	m.stemCache[answer] = stems
	return stems
}

// stemCacheSize is how many answers' words a quizMaker keeps.
const stemCacheSize = 16

// sameLower reports whether a and b are the same text in lower case, as
// strings.ToLower writes it.
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// appendLower appends s to b in lower case, as strings.ToLower writes it.
func appendLower(b []byte, s string) []byte {
	// ASCII, most of any text, is written a byte at a time into room
	// made once.
	b = slices.Grow(b, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return guide.AppendLower(b, s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// bytesWordsOf is wordsOf for text in a byte slice, which must be valid
// UTF-8: it yields parts of b, valid until b changes.
func bytesWordsOf(b []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i < len(b); {
			r, size := rune(b[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(b[i:])
			}
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				if !yield(b[start:i]) {
					return
				}
				start = -1
			}
			i += size
		}
		if start >= 0 {
			yield(b[start:])
		}
	}
}

// hasWords reports whether b has at least n words (see bytesWordsOf).
func hasWords(b []byte, n int) bool {
	if n <= 0 {
		return true
	}
	for range bytesWordsOf(b) {
		if n--; n == 0 {
			return true
		}
	}
	return false
}

// wordsOf yields the words of s: its runs of letters, digits and marks
// (isWordRune), as strings.FieldsFunc would split them.
func wordsOf(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// fields yields the fields of s, as strings.FieldsSeq does: its runs of
// runes that are not white space.
func fields(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r) {
				if start >= 0 {
					if !yield(s[start:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += size
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// asciiSpace marks the white space of ASCII, as unicode.IsSpace tells it.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// countWords returns the number of words of s (see wordsOf).
func countWords(s string) int {
	n := 0
	for range wordsOf(s) {
		n++
	}
	return n
}

// countFields returns the number of fields strings.Fields would split s
// into, without making them.
func countFields(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// stem is a word without a plural ending, so that "conflict" and
// "conflicts" compare equal.
func stem(w string) string {
	if utf8.RuneCountInString(w) > 4 {
		if s, ok := strings.CutSuffix(w, "es"); ok && strings.HasSuffix(s, "s") {
			return s
		}
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// stemBytes is stem for a word in a byte slice.
func stemBytes(w []byte) []byte {
	if utf8.RuneCount(w) > 4 {
		if s, ok := bytes.CutSuffix(w, []byte("es")); ok && bytes.HasSuffix(s, []byte("s")) {
			return s
		}
		return bytes.TrimSuffix(w, []byte("s"))
	}
	return w
}

// ambiguous reports whether the blanks of a prompt could be filled by
// several answers: the answer is one of a list (a comma, "and" or "or"
// or "such as" next to the blank), or it is a single common word.
func (m *quizMaker) ambiguous(prompt []guide.Piece, answer string) bool {
	if !strings.ContainsFunc(answer, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if r, _ := utf8.DecodeRuneInString(answer); unicode.IsLower(r) {
			return true
		}
	}
	for i, p := range prompt {
		if !p.Blank {
			continue
		}
		if i > 0 {
			before := strings.ToLower(strings.TrimRightFunc(prompt[i-1].Text, unicode.IsSpace))
			words := strings.Fields(before)
			if len(words) > 0 && listWords[words[len(words)-1]] {
				return true
			}
		}
		if i+1 < len(prompt) && listFollows(prompt[i+1].Text) {
			return true
		}
	}
	return false
}

// listFollows reports whether the text after a blank goes on with more
// items of a list: "and X", "or X", ", and X" or ", X, …" with a short X.
func listFollows(after string) bool {
	after = strings.ToLower(strings.TrimLeftFunc(after, unicode.IsSpace))
	word, _, _ := strings.Cut(after, " ")
	if listWords[word] && word != "as" && word != "like" && word != "including" {
		return true
	}
	rest, ok := strings.CutPrefix(after, ",")
	if !ok {
		return false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	word, _, _ = strings.Cut(rest, " ")
	if listWords[word] && word != "as" && word != "like" && word != "including" {
		return true
	}
	item, _, more := strings.Cut(rest, ",")
	return more && len(strings.Fields(item)) <= 4
}

// listWords join the items of a list, in the languages of the catalogue.
var listWords = wordSet(
	"and", "or", "as", "like", "including", "et", "ou", "comme", "und",
	"oder", "wie", "y", "o", "como", "e", "come", "en", "of", "zoals",
)

// initials returns the hint of an answer: the first letter of each of
// its words followed by an ellipsis, stop words written whole ("B… and
// H…"); a bracket at the end ("(KFOR)") is left out.
func initials(answer string, stop map[string]bool) string {
	if name, _, ok := trailingParen(answer); ok && name != "" {
		answer = name
	}
	var parts []string
	for _, w := range strings.Fields(answer) {
		r, _ := utf8.DecodeRuneInString(w)
		if lookupLower(stop, w) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			parts = append(parts, w)
			continue
		}
		parts = append(parts, string(r)+"…")
	}
	return strings.Join(parts, " ")
}

// letterCount counts the letters and digits of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// keyPointQuestion returns the short-answer question of a key point: its
// prompt (see keyPointPrompt) and, as its answer, the first sentence of
// its body.
func (m *quizMaker) keyPointQuestion(it *guide.ListItem, kp *guide.KeyPointFacts) *guide.Question {
	answer, rich := keyPointAnswer(it, kp.Gist)
	if answer == "" {
		answer, rich = kp.Gist, kp.GistInlines
	}
	if answer == "" {
		return nil
	}
	prompt := m.keyPointPrompt(kp, answer)
	if m.looked != nil {
		m.looked.prompts = append(m.looked.prompts, prompt)
	}
	if m.prompts[prompt] {
		prompt = m.explain(kp.Title)
	}
	m.prompts[prompt] = true
	path := m.paths[kp.SectionID]
	q := &guide.Question{
		Kind: guide.Short, Section: path, SectionID: kp.SectionID,
		Prompt: formulaPieces(prompt, kp.TitleInlines),
		Answer: answer, AnswerInlines: rich, Target: kp.ID, TargetTitle: kp.Title, Source: kp.Title, Pos: kp.Pos,
	}
	if path == nil {
		q.SectionID = ""
	}
	q.ID = guide.QuestionID(q.Kind, path, kp.Title, "")
	return q
}

// formulaPieces returns a prompt as the pieces of a question: its text,
// with each formula of title (a key point's title with its formulas; see
// guide.KeyPointFacts.TitleInlines) that the prompt writes in its linear
// form as a formula piece, so that the guides typeset it.
func formulaPieces(prompt string, title []guide.Inline) []guide.Piece {
	var out []guide.Piece
	rest := prompt
	for _, in := range title {
		f, ok := in.(*guide.Formula)
		if !ok {
			continue
		}
		linear := f.Text()
		i := strings.Index(rest, linear)
		if linear == "" || i < 0 {
			continue
		}
		if i > 0 {
			out = append(out, guide.Piece{Text: rest[:i]})
		}
		out = append(out, guide.Piece{Text: linear, Formula: f})
		rest = rest[i+len(linear):]
	}
	if rest != "" || len(out) == 0 {
		out = append(out, guide.Piece{Text: rest})
	}
	return out
}

// keyPointAnswer returns the first sentence of a key point's body: of
// the text after its bold title, else of its first sub-item; and that
// sentence with its formulas (nil when it holds none). gist is the key
// point's gist (guide.KeyPointFacts.Gist), whose text the answer shares
// when they are the same, as they mostly are.
func keyPointAnswer(it *guide.ListItem, gist string) (string, []guide.Inline) {
	if len(it.Blocks) == 0 {
		return "", nil
	}
	more := it.Blocks[1:]
	if p, ok := it.Blocks[0].(*guide.Paragraph); ok {
		f := afterLead(p.Inlines)
		if s := meaningText(firstSentence(f.text)); s != "" {
			return keptSentence(s, f.text, gist), f.rich(s)
		}
	} else {
		more = it.Blocks
	}
	first, text := firstBlocksSentence(more)
	s := meaningText(first)
	return keptSentence(s, text, gist), flattenFirst(more).rich(s)
}

// firstBlocksSentence returns firstLineSentence(guide.BlocksText(blocks))
// and the text of the block it is found in, without writing out the text
// of the blocks after it. The text of blocks is that of each block in
// turn, each ending a line, and the text of a list, a quote or a div that
// of the blocks in it.
func firstBlocksSentence(blocks []guide.Block) (sentence, text string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *guide.List:
			for _, it := range b.Items {
				if sentence, text = firstBlocksSentence(it.Blocks); sentence != "" {
					break
				}
			}
		case *guide.Quote:
			sentence, text = firstBlocksSentence(b.Blocks)
		case *guide.Div:
			sentence, text = firstBlocksSentence(b.Blocks)
		default:
			text = guide.BlocksText([]guide.Block{b})
			sentence = firstLineSentence(text)
		}
		if sentence != "" {
			return sentence, text
		}
	}
	return "", ""
}

// keptSentence returns s, a sentence of text, as the answer of a
// question keeps it: the gist when it says the same, else a copy of the
// sentence alone rather than the text of the whole body it is a part of.
func keptSentence(s, text, gist string) string {
	switch {
	case s == gist:
		return gist
	case len(s) < len(text):
		return strings.Clone(s)
	}
	return s
}

// explain returns the "Explain: …" prompt of a key point's title.
func (m *quizMaker) explain(title string) string {
	return m.words.Format("quiz.explain", "topic", m.sentenceCase(strings.TrimRight(title, ".:;")))
}

// termCase writes the key terms in s as the notes name them ("Project
// Mercury", "peacebuilding"), with a capital at the start of s.
func (m *quizMaker) termCase(s string) string {
	var room [16][2]int
	words := room[:0] // the byte spans of the words of s
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		words = append(words, [2]int{i, j})
		i = j
	}
	// s in lower case, when each letter keeps its size in bytes: a
	// stretch of s is then the same stretch of it in lower case. Else
	// each stretch is lowered on its own. Either is written in m's room
	// and looked up in the maps without a string of its own.
	same := lowerKeepsSize(s)
	if same {
		m.caseLow = appendLower(m.caseLow[:0], s)
	}
	lower := func(from, to int) []byte {
		if same {
			return m.caseLow[from:to]
		}
		m.caseWord = appendLower(m.caseWord[:0], s[from:to])
		return m.caseWord
	}
	var b []byte // s with the names put in, once one is
	at := 0
	for i := 0; i < len(words); i++ {
		// Only a name that starts with the word can stand here.
		most := m.termStarts[string(lower(words[i][0], words[i][1]))]
		for n := min(most, len(words)-i); n > 0; n-- {
			from, to := words[i][0], words[i+n-1][1]
			name, ok := m.termNames[string(lower(from, to))]
			if !ok || len(name) != to-from {
				continue
			}
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(append(b, s[at:from]...), name...)
			at = to
			i += n - 1
			break
		}
	}
	if b != nil {
		s = string(append(b, s[at:]...))
	}
	return capitalizeFirst(s)
}

// lowerKeepsSize reports whether each rune of s keeps its size in bytes
// in lower case, as strings.ToLower writes it.
func lowerKeepsSize(s string) bool {
	for _, r := range s {
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) != utf8.RuneLen(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// sentenceCase writes a title as running text writes it: every word but
// the first loses its capital, each part of a hyphenated word on its own
// ("Post-Conflict" becomes "Post-conflict"), except acronyms, the
// names the notes write with a capital (see properNames) and the key
// terms, which keep the case the notes give them.
func (m *quizMaker) sentenceCase(title string) string {
	b := m.caseTitle[:0]
	first := true
	for i := 0; i < len(title); {
		r, size := utf8.DecodeRuneInString(title[i:])
		if !isWordRune(r) {
			b = utf8.AppendRune(b, r)
			i += size
			continue
		}
		j := i
		for j < len(title) {
			r, size := utf8.DecodeRuneInString(title[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		w := title[i:j]
		if first || isUpperWord(w) && utf8.RuneCountInString(w) > 1 || lookupLower(m.names, w) {
			b = append(b, w...)
		} else {
			b = appendLower(b, w)
		}
		first = false
		i = j
	}
	m.caseTitle = b
	return m.termCase(string(b))
}

// isUpperWord reports whether w, a word of valid UTF-8, is written as
// strings.ToUpper would write it: none of its letters has a capital of
// its own.
func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// keyPointPrompt returns the prompt of a key point: "What did NATO do in
// Libya in 2011?" when, in English notes, the first sentence of its body
// tells what someone did (a name, perhaps possessive, then a verb in the
// past) and where (a place its title names) or when (a date); else
// "Explain: " and its title.
func (m *quizMaker) keyPointPrompt(kp *guide.KeyPointFacts, first string) string {
	if !m.english {
		return m.explain(kp.Title)
	}
	if verb := definingVerb(first, kp.Title); verb != "" {
		return m.words.Format(whatIs[verb], "topic", m.termCase(kp.Title))
	}
	actor, ok := pastActor(first)
	if !ok || !m.isName(actor) {
		return m.explain(kp.Title)
	}
	var context []string
	if where := placePhrase(first, kp.Title); where != "" {
		context = append(context, where)
	}
	if when := datePhrase(first); when != "" {
		context = append(context, when)
	}
	if len(context) == 0 {
		return m.explain(kp.Title)
	}
	return m.words.Format("quiz.what-did", "actor", actor, "context", strings.Join(context, " "))
}

// isName reports whether words name someone or something: an acronym, a
// key term written with a capital, or words the notes write with a
// capital in the middle of sentences (see properNames).
func (m *quizMaker) isName(words string) bool {
	words = strings.TrimPrefix(words, "the ")
	if utf8.RuneCountInString(words) > 1 && strings.ToUpper(words) == words {
		return true
	}
	if name := lookupLower(m.termNames, words); name != "" {
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) {
			return true
		}
	}
	for _, w := range strings.Fields(words) {
		if !lookupLower(m.names, w) {
			return false
		}
	}
	return true
}

// whatIs names, for each verb definingVerb finds, the catalogue's
// question that asks what the title is.
var whatIs = map[string]string{
	"is": "quiz.what-is", "are": "quiz.what-are", "was": "quiz.what-was", "were": "quiz.what-were",
}

// definingVerb returns "is", "are", "was" or "were" when an English
// sentence opens by saying what the title is ("Skylab was the first US
// space station"), else "".
func definingVerb(s, title string) string {
	title = strings.TrimRight(title, ".:;")
	rest, ok := cutWords(s, title)
	if !ok {
		if after, the := strings.CutPrefix(s, "The "); the {
			rest, ok = cutWords(after, title)
		}
	}
	if !ok {
		return ""
	}
	verb, _, _ := strings.Cut(rest, " ")
	switch verb {
	case "is", "are", "was", "were":
		return verb
	}
	return ""
}

// openers are the words that open a phrase before a sentence's subject
// ("In 2011, NATO led…").
var openers = wordSet("in", "during", "after", "before", "by", "from", "since", "on", "at",
	"following", "between", "throughout", "until", "when", "while", "under", "as")

// pastVerbs are common verbs in the past that do not end in "ed".
var pastVerbs = wordSet("led", "took", "began", "became", "built", "fought", "made", "sent", "won",
	"gave", "set", "ran", "held", "brought", "saw", "found", "left", "lost", "met", "put", "rose",
	"sought", "spent", "stood", "struck", "taught", "told", "thought", "went", "wrote", "drew",
	"grew", "kept", "laid", "paid", "said", "sold", "split", "spread", "swept", "undertook",
	"oversaw", "overthrew", "withdrew", "broke", "chose", "drove", "fell", "flew", "forbade",
	"froze", "hid", "knew", "meant", "rode", "shook", "sank", "sang", "spoke", "stole", "threw",
	"woke", "wore", "bore", "bought", "caught", "dealt", "fled", "fed", "felt", "heard", "hit",
	"let", "lit", "quit", "read", "shot", "shut", "slid", "struck", "swore", "tore", "understood", "won")

// cutWords returns what follows the words w and a space at the start of
// s, and whether s starts with them, as strings.CutPrefix(s, w+" ") does
// without making w+" ".
func cutWords(s, w string) (string, bool) {
	if len(s) <= len(w) || s[len(w)] != ' ' || !strings.HasPrefix(s, w) {
		return s, false
	}
	return s[len(w)+1:], true
}

// pastActor finds who acts in an English sentence: after an opening
// phrase that ends with a comma, a name (capitalised words, perhaps
// possessive: "NATO’s first operations") followed, within a few words,
// by a verb in the past. It returns the name.
func pastActor(s string) (actor string, ok bool) {
	text := s
	first, _, _ := strings.Cut(text, " ")
	if lookupLower(openers, first) {
		if rest, ok := afterDateOpening(text); ok {
			text = rest
		} else {
			before, after, found := strings.Cut(text, ",")
			if !found || countFields(before) > 8 {
				return "", false
			}
			text = strings.TrimSpace(after)
		}
	}
	// Room on the stack for the words of most sentences.
	var room [48]string
	words := appendFields(room[:0], text)
	n := 0
	the := false
	if len(words) > 0 && words[0] == "the" || len(words) > 0 && words[0] == "The" {
		the, n = true, 1
	}
	// The name is words[from:n], its last word written last.
	from, last := n, ""
	possessive := false
	for ; n < len(words); n++ {
		w := words[n]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		if base, ok := cutPossessive(w); ok {
			last = base
			possessive = true
			n++
			break
		}
		if strings.ContainsAny(w, ",;:") {
			return "", false
		}
		last = w
	}
	if n == from {
		return "", false
	}
	limit := n + 1
	if possessive {
		limit = n + 5
	}
	for i := n; i < len(words) && i < limit; i++ {
		w := strings.ToLower(strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) }))
		if pastVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			actor = joinWords(words[from:n-1], last)
			if the {
				actor = "the " + actor
			}
			return actor, true
		}
		if strings.ContainsAny(words[i], ",;:") {
			break
		}
	}
	return "", false
}

// joinWords returns words, then last, each two with a space between them.
func joinWords(words []string, last string) string {
	if len(words) == 0 {
		return last
	}
	size := len(last)
	for _, w := range words {
		size += len(w) + 1
	}
	var b strings.Builder
	b.Grow(size)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	b.WriteString(last)
	return b.String()
}

// appendFields appends the fields of s (see fields) to words.
func appendFields(words []string, s string) []string {
	for w := range fields(s) {
		words = append(words, w)
	}
	return words
}

// afterDateOpening returns the text after an opening date written with
// no comma, such as "On 4 October 1957 " or "In July 1969 ", and
// whether the text opens with one. The text is the rest of s as it is
// written there.
func afterDateOpening(s string) (string, bool) {
	// The date ends at the fifth word at the latest: the words up to it,
	// and where each ends.
	var words [5]string
	var ends [5]int
	n, at := 0, 0
	for n < len(words) {
		start, end := nextField(s, at)
		if start == end {
			break
		}
		words[n], ends[n] = s[start:end], end
		n++
		at = end
	}
	i := 1
	for i < n && i < 4 {
		w := strings.ToLower(strings.TrimRight(words[i], ","))
		if monthWords[w] || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 && len(w) <= 2 {
			i++
			continue
		}
		break
	}
	if i >= n || !isYear(strings.TrimRight(words[i], ",")) {
		return "", false
	}
	return strings.TrimLeftFunc(s[ends[i]:], unicode.IsSpace), true
}

// nextField returns where the first field of s (see fields) that starts
// at from or after it starts and ends; both are len(s) when there is
// none.
func nextField(s string, from int) (start, end int) {
	start = len(s)
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if start < len(s) {
				return start, i
			}
		} else if start == len(s) {
			start = i
		}
		i += size
	}
	return start, len(s)
}

// cutPossessive returns a word without its possessive ending ("NATO’s").
func cutPossessive(w string) (string, bool) {
	for _, end := range []string{"’s", "'s", "’", "'"} {
		if base, ok := strings.CutSuffix(w, end); ok && base != "" {
			return base, true
		}
	}
	return w, false
}

// placePhrase returns the phrase of the sentence that says where, such as
// "in Libya" or "in the Balkans": a preposition of place, perhaps "the",
// then capitalised words of which one is in the key point's title.
func placePhrase(s, title string) string {
	titleWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !isWordRune(r) }) {
		titleWords[w] = true
	}
	words := strings.Fields(s)
	for i := 0; i+1 < len(words); i++ {
		prep := strings.ToLower(words[i])
		if prep != "in" && prep != "across" && prep != "throughout" && prep != "to" {
			continue
		}
		j := i + 1
		phrase := []string{prep}
		if words[j] == "the" && j+1 < len(words) {
			phrase = append(phrase, "the")
			j++
		}
		var place []string
		for ; j < len(words); j++ {
			w := words[j]
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				break
			}
			clean := strings.TrimRightFunc(w, func(r rune) bool { return !isWordRune(r) })
			place = append(place, clean)
			if clean != w {
				break
			}
		}
		if len(place) == 0 || len(place) > 4 {
			continue
		}
		hit := false
		for _, p := range place {
			hit = hit || lookupLower(titleWords, p)
		}
		if hit && !isYear(place[0]) {
			return strings.Join(append(phrase, place...), " ")
		}
	}
	return ""
}

// datePhrase returns the phrase of the sentence that says when, such as
// "in 2011" or "during the 1990s": its first date with the preposition
// (and "the") written before it.
func datePhrase(s string) string {
	d, ok := firstDate(s)
	if !ok {
		return ""
	}
	before := strings.Fields(s[:d.start])
	var lead, day []string
	if n := len(before); n > 0 && strings.ToLower(before[n-1]) == "the" {
		lead = []string{"the"}
		before = before[:n-1]
	}
	// A day and a month before the year: "on 4 October 1957".
	for len(lead) == 0 && len(before) > 1 {
		w := strings.ToLower(before[len(before)-1])
		if !monthWords[w] && (len(w) > 2 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0) {
			break
		}
		day = append([]string{before[len(before)-1]}, day...)
		before = before[:len(before)-1]
	}
	lead = append(lead, day...)
	n := len(before)
	if n == 0 {
		return ""
	}
	prep := strings.ToLower(before[n-1])
	switch prep {
	case "in", "during", "since", "until", "by", "after", "before", "from", "between", "around", "throughout", "on":
	default:
		return ""
	}
	return strings.Join(append(append([]string{prep}, lead...), strings.TrimRight(s[d.start:d.end], ",.;:")), " ")
}

// palace adds a question for each room of the mind palace that stands for
// a part of the notes, grouped under its palace: the notes' own
// mind-palace section, else the palace the build drew (see
// guide.Station.SectionID).
func (m *quizMaker) palace() {
	if len(m.g.Study.Stations) == 0 {
		return
	}
	m.newUnit()
	heads := sectionHeadings(m.g)
	for _, st := range m.g.Study.Stations {
		if st.Target == "" {
			continue
		}
		path, sec := m.paths[st.SectionID], st.SectionID
		if path == nil {
			sec = ""
		}
		answer, rich := st.TargetTitle, heads[st.Target]
		if st.Gist != "" && !strings.EqualFold(st.Gist, st.TargetTitle) {
			answer = m.words.Format("quiz.context", "context", st.TargetTitle, "text", capitalizeFirst(st.Gist))
			if rich != nil || st.GistInlines != nil {
				gist := st.GistInlines
				if gist == nil {
					gist = []guide.Inline{text(st.Gist)}
				}
				rich = fillInlines(m.words.Pieces("quiz.context"), map[string][]guide.Inline{
					"context": titleInlines(heads, st.Target, st.TargetTitle),
					"text":    capitalizeInlines(gist),
				})
			}
		}
		q := &guide.Question{
			Kind: guide.PalaceRecall, Section: path, SectionID: sec,
			Prompt: []guide.Piece{{Text: m.words.Format("quiz.room", "n", st.Number, "name", st.Name)}},
			Answer: answer, AnswerInlines: rich, Target: st.Target, TargetTitle: st.TargetTitle,
			Source: st.Name, Pos: st.Pos,
		}
		q.ID = guide.QuestionID(q.Kind, path, st.Name, "")
		m.add(q, "")
	}
}

// capitalizeInlines returns inlines with the first letter of the text
// they open with in upper case, as capitalizeFirst does for a string.
func capitalizeInlines(ins []guide.Inline) []guide.Inline {
	if len(ins) == 0 {
		return ins
	}
	t, ok := ins[0].(*guide.Text)
	if !ok {
		return ins
	}
	return append([]guide.Inline{text(capitalizeFirst(t.Text))}, ins[1:]...)
}

// capitalizeFirst returns s with its first letter in upper case.
func capitalizeFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	up := unicode.ToUpper(r)
	if up == r && r != utf8.RuneError {
		// Already a capital, or a letter that has none: s as it is.
		return s
	}
	return string(up) + s[size:]
}

// sectionPaths maps each section id of g to the titles from the top level
// down to that section.
func sectionPaths(g *guide.Guide) map[string][]string {
	paths := map[string][]string{}
	var walk func(ss []*guide.Section, above []string)
	walk = func(ss []*guide.Section, above []string) {
		for _, s := range ss {
			p := append(append([]string(nil), above...), s.Title)
			paths[s.ID] = p
			walk(s.Sections, p)
		}
	}
	walk(g.Sections, nil)
	return paths
}

// groupBySection orders questions by the reading order of their sections
// (the introduction's first), keeping their order within a section.
func groupBySection(g *guide.Guide, qs []*guide.Question) []*guide.Question {
	order := map[string]int{"": 0}
	n := 1
	g.WalkSections(func(s *guide.Section) bool {
		order[s.ID] = n
		n++
		return true
	})
	// A stable sort by section, in two passes: how many questions each
	// section has, then each question at its place.
	at := make([]int, n+1)
	bucket := make([]int32, len(qs))
	for i, q := range qs {
		b := order[q.SectionID]
		bucket[i] = int32(b)
		at[b+1]++
	}
	for b := 1; b <= n; b++ {
		at[b] += at[b-1]
	}
	var out []*guide.Question
	if len(qs) > 0 {
		out = make([]*guide.Question, len(qs))
	}
	for i, q := range qs {
		out[at[bucket[i]]] = q
		at[bucket[i]]++
	}
	return out
}

// termSpans appends to spans the byte spans of sentence that write one of
// names, compared without regard to case, each starting and ending at a
// word boundary, in order and not overlapping; a longer name wins where
// two start at the same place. lower is the sentence in lower case
// (strings.ToLower).
func termSpans(spans [][2]int, lower []byte, sentence string, names []string) [][2]int {
	if len(names) == 0 {
		return spans
	}
	if len(lower) != len(sentence) {
		// Case folding changed the length of some letter: compare the
		// sentence as written.
		lower = []byte(sentence)
	}
	// Every place a name stands between word boundaries, by where it
	// starts and, at one place, the longest first; then, from the start
	// of the sentence, the first that starts after the one taken before.
	var room [16][2]int
	found := room[:0]
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		name := []byte(n)
		for at := 0; at < len(lower); {
			i := bytes.Index(lower[at:], name)
			if i < 0 {
				break
			}
			i += at
			if wordStart(lower, i) && wordEnd(lower, i+len(n)) {
				found = append(found, [2]int{i, i + len(n)})
			}
			at = i + 1
		}
	}
	if len(names) > 1 {
		slices.SortFunc(found, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return b[1] - a[1]
		})
	}
	at := 0
	for _, f := range found {
		if f[0] >= at {
			spans = append(spans, f)
			at = f[1]
		}
	}
	return spans
}

// wordStart reports whether a word may start at byte i of s.
func wordStart(s []byte, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(s[:i])
	return !isWordRune(r)
}

// wordEnd reports whether a word may end at byte i of s.
func wordEnd(s []byte, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRune(s[i:])
	return !isWordRune(r)
}
