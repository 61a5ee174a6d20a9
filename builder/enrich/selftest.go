package enrich

import (
	"strings"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
)

// SelfTest adds the questions of g.Study.Questions (see Questions) to the
// guide as two sections: "Test yourself", before the glossary, with the
// questions numbered and grouped under the titles of the sections they
// come from, each blank a guide.Blank, and "Answers", the answer key at
// the back of the guide, with each answer numbered as its question and a
// reference to where the guide explains it (a link in the EPUB, a page
// number in the PDF).
//
// SelfTest does nothing when there are no questions, and adds nothing
// twice.
func SelfTest(g *guide.Guide) {
	if g == nil || g.Study == nil || len(g.Study.Questions) == 0 {
		return
	}
	for _, s := range g.Sections {
		if s.Kind == guide.SelfTest {
			return
		}
	}
	ids := workers.Later(g.IDs)
	words := labels.For(g.Meta.Lang)
	level := topHeadingLevel(g)
	heads := sectionHeadings(g)
	if isBook(g) {
		r := newQuizRenderer(words, heads)
		used := ids()
		test, answers := newSelfTest(used, words, level)
		selfTestByChapter(g, used, r, level, test, answers)
		placeSelfTest(g, test, answers)
		return
	}
	// The questions of each section are written out on their own, side
	// by side, each worker with a renderer of its own; the sections of
	// the test are then made and given their ids in reading order. The
	// items of the questions, and those of the answers, are made into one
	// slice each, in the order of the questions, each section's list of
	// questions a part of the first and the answer key the second.
	qs := g.Study.Questions
	groups := sectionGroups(qs)
	prompts, keys := make([]*guide.ListItem, len(qs)), make([]*guide.ListItem, len(qs))
	renderers := make([]*quizRenderer, workers.Count(len(groups)))
	workers.EachOn(len(groups), func(w, i int) {
		r := renderers[w]
		if r == nil {
			r = newQuizRenderer(words, heads)
			renderers[w] = r
		}
		gr := groups[i]
		for k, q := range qs[gr.from:gr.to] {
			prompts[gr.from+k] = r.items.one().of(r.prompt(q))
			keys[gr.from+k] = r.items.one().of(r.answer(q))
		}
	})
	used := ids()
	test, answers := newSelfTest(used, words, level)
	key := &guide.List{Pos: guide.NoPos, Ordered: true, Start: 1, Items: keys}
	test.Sections = make([]*guide.Section, 0, len(groups))
	for _, gr := range groups {
		q := qs[gr.from]
		title := words.Text("quiz.introduction")
		if p := q.Section; len(p) > 0 {
			title = p[len(p)-1]
		}
		base := "test-introduction"
		if q.SectionID != "" {
			base = "test-" + q.SectionID
		}
		test.Sections = append(test.Sections, &guide.Section{
			ID: used.Claim(base), Title: title, Heading: heads[q.SectionID], Level: 2, HeadingLevel: min(level+1, 6),
			Pos: guide.NoPos, Kind: guide.SelfTest,
			Blocks: []guide.Block{&guide.List{Pos: guide.NoPos, Ordered: true, Start: gr.from + 1, Items: prompts[gr.from:gr.to:gr.to]}},
		})
	}
	answers.Blocks = append(answers.Blocks, key)
	placeSelfTest(g, test, answers)
}

// questionGroup is the questions qs[from:to] of one section (see
// sectionGroups).
type questionGroup struct{ from, to int }

// sectionGroups returns the runs of questions of qs that come from one
// section, in order.
func sectionGroups(qs []*guide.Question) []questionGroup {
	n := 0
	for i, q := range qs {
		if i == 0 || q.SectionID != qs[i-1].SectionID {
			n++
		}
	}
	groups := make([]questionGroup, 0, n)
	for i := 0; i < len(qs); {
		j := i + 1
		for j < len(qs) && qs[j].SectionID == qs[i].SectionID {
			j++
		}
		groups = append(groups, questionGroup{from: i, to: j})
		i = j
	}
	return groups
}

// newSelfTest returns the two sections of the self-test, "Test
// yourself" and "Answers", each with its introduction, their ids claimed
// from ids.
func newSelfTest(ids *guide.IDs, words *labels.Catalogue, level int) (test, answers *guide.Section) {
	test = &guide.Section{
		ID: ids.Claim("test-yourself"), Title: words.Text("quiz.title"),
		Level: 1, HeadingLevel: level, Pos: guide.NoPos, Kind: guide.SelfTest,
	}
	answers = &guide.Section{
		ID: ids.Claim("answers"), Title: words.Text("quiz.answers-title"),
		Level: 1, HeadingLevel: level, Pos: guide.NoPos, Kind: guide.Answers,
	}
	test.Blocks = append(test.Blocks, para(fill(words.Pieces("quiz.intro"), map[string]guide.Inline{
		"answers": linkTo(answers.ID, words.Text("quiz.answers")),
	})...))
	answers.Blocks = append(answers.Blocks, para(fill(words.Pieces("quiz.answers-intro"), map[string]guide.Inline{
		"test": linkTo(test.ID, words.Text("quiz.test")),
	})...))
	return test, answers
}

// placeSelfTest puts the test before the glossary and the key after
// everything.
func placeSelfTest(g *guide.Guide, test, answers *guide.Section) {
	at := len(g.Sections)
	if at > 0 && g.Sections[at-1].Kind == guide.Glossary {
		at--
	}
	g.Sections = append(g.Sections[:at], append([]*guide.Section{test}, g.Sections[at:]...)...)
	g.Sections = append(g.Sections, answers)
}

// minBlank is the fewest characters of room a blank gives, so that a short
// answer can be written in by hand.
const minBlank = 8

// quizRenderer writes the questions and answers of a self-test as the
// guides show them. The texts every question shares (the brackets around
// where the guide explains an answer, the words of a hint) are nodes made
// once and shared by every question: a long guide asks tens of thousands.
type quizRenderer struct {
	words *labels.Catalogue
	heads map[string][]guide.Inline
	// see is what follows an answer to say where it is explained: the
	// words around that place in brackets, each run of text one node,
	// with nil where the place goes. space is the space before a hint.
	see   []guide.Inline
	space *guide.Text
	// hints holds the emphasised hint of each hint text met so far,
	// blanks the blank of each width and bold the bold answer of each
	// cloze answer: questions that share one share its node.
	hints  map[string]*guide.Emph
	blanks map[int]*guide.Blank
	bold   map[string]*guide.Strong
	// short holds the text node of each short text met so far (see
	// maxSharedText), which every question that writes it shares.
	short map[string]*guide.Text
	// The other nodes of the questions and answers are made from slabs.
	texts   slab[guide.Text]
	inlines slab[guide.Inline]
	items   slab[paraItem]
	refs    slab[guide.Ref]
	// ref is the reference of the last answer, which the next answer
	// shares when it points to the same place under the same name, as
	// the answers of one key point or section mostly do.
	ref                        *guide.Ref
	refTarget, refHead, refFor string
}

func newQuizRenderer(words *labels.Catalogue, heads map[string][]guide.Inline) *quizRenderer {
	r := &quizRenderer{
		words: words, heads: heads,
		space: text(" "),
		hints: map[string]*guide.Emph{}, blanks: map[int]*guide.Blank{},
		bold: map[string]*guide.Strong{}, short: map[string]*guide.Text{},
	}
	run := " ("
	for _, p := range words.Pieces("quiz.see") {
		if p.Slot != "where" {
			run += p.Text
			continue
		}
		if run != "" {
			r.see = append(r.see, text(run))
		}
		r.see, run = append(r.see, nil), ""
	}
	r.see = append(r.see, text(run+")"))
	return r
}

// prompt returns a question as the test shows it: its text with a
// blank for each gap, then its hint in brackets.
func (r *quizRenderer) prompt(q *guide.Question) []guide.Inline {
	size := len(q.Prompt)
	if q.Hint != "" {
		size += 2
	}
	out := r.inlines.slice(size)
	for _, p := range q.Prompt {
		if p.Blank {
			out = append(out, r.blank(max(utf8.RuneCountInString(p.Text), minBlank)))
			continue
		}
		if p.Formula != nil {
			out = append(out, p.Formula)
			continue
		}
		out = append(out, r.text(p.Text))
	}
	if q.Hint != "" {
		hint := r.hints[q.Hint]
		if hint == nil {
			hint = &guide.Emph{Pos: guide.NoPos, Children: []guide.Inline{
				text(r.words.Format("quiz.hint", "hint", q.Hint)),
			}}
			r.hints[q.Hint] = hint
		}
		out = append(out, r.space, hint)
	}
	return out
}

// answer returns an answer as the key shows it: the answer (in bold
// for a blank's) with its formulas, then where the guide explains it,
// named by the heading of a section with its formulas (see
// sectionHeadings).
func (r *quizRenderer) answer(q *guide.Question) []guide.Inline {
	size := len(q.AnswerInlines)
	if q.AnswerInlines == nil || q.Kind == guide.Cloze {
		size = 1
	}
	if q.Target != "" {
		size += len(r.see)
	}
	out := r.inlines.slice(size)
	switch {
	case q.Kind == guide.Cloze:
		out = append(out, r.boldAnswer(q))
	case q.AnswerInlines != nil:
		out = append(out, q.AnswerInlines...)
	default:
		out = append(out, r.text(q.Answer))
	}
	if q.Target == "" {
		return out
	}
	where, target := q.TargetTitle, q.Target
	if where == "" {
		where, target = strings.Join(q.Section, " › "), ""
	}
	if r.ref == nil || r.refTarget != q.Target || r.refHead != target || r.refFor != where {
		r.ref = r.refs.one()
		*r.ref = guide.Ref{Pos: guide.NoPos, Target: q.Target, Children: r.titleInlines(target, where)}
		r.refTarget, r.refHead, r.refFor = q.Target, target, where
	}
	for _, in := range r.see {
		if in == nil {
			in = r.ref
		}
		out = append(out, in)
	}
	return out
}

// titleInlines returns a section's title as titleInlines does, with the
// nodes of a title without a heading of its own made from the renderer's
// slabs.
func (r *quizRenderer) titleInlines(id, title string) []guide.Inline {
	if h := r.heads[id]; h != nil {
		return h
	}
	return append(r.inlines.slice(1), r.text(title))
}

func text(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }

// maxSharedText is the longest text the renderer makes one node of for
// every question that writes it: short texts ("In ", "1990s", " agreed.")
// are written again and again, and looking up a long one costs more
// than it saves.
const maxSharedText = 24

// text returns a text node of s: the one made for s before when s is
// short, else a new one from the renderer's slab.
func (r *quizRenderer) text(s string) *guide.Text {
	if len(s) <= maxSharedText {
		if t := r.short[s]; t != nil {
			return t
		}
	}
	t := r.texts.one()
	*t = guide.Text{Pos: guide.NoPos, Text: s}
	if len(s) <= maxSharedText {
		r.short[s] = t
	}
	return t
}

// blank returns a blank of the given width.
func (r *quizRenderer) blank(width int) *guide.Blank {
	b := r.blanks[width]
	if b == nil {
		b = &guide.Blank{Pos: guide.NoPos, Width: width}
		r.blanks[width] = b
	}
	return b
}

// boldAnswer returns the answer of a cloze question in bold: with its
// formulas, else the one node of its text for every question with that
// answer.
func (r *quizRenderer) boldAnswer(q *guide.Question) *guide.Strong {
	if q.AnswerInlines != nil {
		return &guide.Strong{Pos: guide.NoPos, Children: q.AnswerInlines}
	}
	b := r.bold[q.Answer]
	if b == nil {
		b = &guide.Strong{Pos: guide.NoPos, Children: append(r.inlines.slice(1), r.text(q.Answer))}
		r.bold[q.Answer] = b
	}
	return b
}

// paraItem is a list item that holds one paragraph, with its list of
// blocks, in one piece of memory.
type paraItem struct {
	item   guide.ListItem
	blocks [1]guide.Block
	para   guide.Paragraph
}

// of fills the item with a paragraph of ins and returns it.
func (p *paraItem) of(ins []guide.Inline) *guide.ListItem {
	p.para = guide.Paragraph{Pos: guide.NoPos, Inlines: ins}
	p.blocks[0] = &p.para
	p.item = guide.ListItem{Pos: guide.NoPos, Blocks: p.blocks[:]}
	return &p.item
}

func para(ins ...guide.Inline) *guide.Paragraph {
	return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins}
}

func item(blocks ...guide.Block) *guide.ListItem {
	return &guide.ListItem{Pos: guide.NoPos, Blocks: blocks}
}

// fill turns the pieces of a text from the catalogue into inlines: plain
// text, and for each placeholder the inline given for it.
func fill(pieces []labels.Piece, slots map[string]guide.Inline) []guide.Inline {
	out := make([]guide.Inline, 0, len(pieces))
	for _, p := range pieces {
		if in, ok := slots[p.Slot]; ok && p.Slot != "" {
			out = append(out, in)
			continue
		}
		out = append(out, text(p.Text))
	}
	return out
}

// fillInlines turns the pieces of a text from the catalogue into
// inlines, as fill does, with any number of inlines for each
// placeholder.
func fillInlines(pieces []labels.Piece, slots map[string][]guide.Inline) []guide.Inline {
	return labels.Fill(pieces, slots, func(s string) guide.Inline { return text(s) })
}

// isBook reports whether g is a book of several notes: its top-level
// sections are chapters (see guide.Join).
func isBook(g *guide.Guide) bool {
	for _, s := range g.Sections {
		if s.Chapter {
			return true
		}
	}
	return false
}

// selfTestByChapter fills the test and the answer key of a book: under
// each chapter's title, the questions of the chapter's introduction, then
// those of each of its sections under the section's title; and the
// answers under each chapter's title, numbered as their questions.
func selfTestByChapter(g *guide.Guide, ids *guide.IDs, r *quizRenderer, level int, test, answers *guide.Section) {
	words, heads := r.words, r.heads
	chapterOf := map[string]*guide.Section{}
	for _, ch := range g.Sections {
		ch.Walk(func(c *guide.Section) bool {
			chapterOf[c.ID] = ch
			return true
		})
	}
	qs := g.Study.Questions
	var testCh, keyCh *guide.Section
	var key *guide.List
	var current *guide.Section
	for i := 0; i < len(qs); {
		j := i + 1
		for j < len(qs) && qs[j].SectionID == qs[i].SectionID {
			j++
		}
		ch := chapterOf[qs[i].SectionID]
		if testCh == nil || ch != current {
			current = ch
			title, base := g.Meta.Title, "introduction"
			var head []guide.Inline
			if ch != nil {
				title, base, head = ch.Title, ch.ID, ch.Heading
			}
			testCh = &guide.Section{
				ID: ids.Claim("test-" + base), Title: title, Heading: head, Level: 2, HeadingLevel: min(level+1, 6),
				Pos: guide.NoPos, Kind: guide.SelfTest,
			}
			test.Sections = append(test.Sections, testCh)
			keyCh = &guide.Section{
				ID: ids.Claim("answers-" + base), Title: title, Heading: head, Level: 2, HeadingLevel: min(level+1, 6),
				Pos: guide.NoPos, Kind: guide.Answers,
			}
			key = &guide.List{Pos: guide.NoPos, Ordered: true, Start: i + 1}
			keyCh.Blocks = []guide.Block{key}
			answers.Sections = append(answers.Sections, keyCh)
		}
		list := &guide.List{Pos: guide.NoPos, Ordered: true, Start: i + 1}
		for _, q := range qs[i:j] {
			list.Items = append(list.Items, item(para(r.prompt(q)...)))
			key.Items = append(key.Items, item(para(r.answer(q)...)))
		}
		if ch != nil && qs[i].SectionID == ch.ID && len(testCh.Sections) == 0 {
			testCh.Blocks = append(testCh.Blocks, list)
		} else {
			title := words.Text("quiz.introduction")
			if p := qs[i].Section; len(p) > 0 {
				title = p[len(p)-1]
			}
			testCh.Sections = append(testCh.Sections, &guide.Section{
				ID: ids.Claim("test-" + qs[i].SectionID), Title: title, Heading: heads[qs[i].SectionID], Level: 3, HeadingLevel: min(level+2, 6),
				Pos: guide.NoPos, Kind: guide.SelfTest, Blocks: []guide.Block{list},
			})
		}
		i = j
	}
}
