package pdf

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/labels"
	"studyguide/layouts"
)

// The recap sheet is one page in the layout's size that a teacher hands
// out after a lesson: the guide's title, the at-a-glance table, the mind
// palace drawn small, the most important key terms with what they mean
// and, when the guide has its self-test, five questions on the most
// important terms of all (which the list of terms then leaves out, since
// it would give their answers) with the answers in small type under
// them. It never runs onto a second page. When its parts do not fit at
// the layout's sizes, every size shrinks in steps down to recapMinScale of
// the layout (and never below recapMinBody points of body text); when
// they still do not fit, the lowest-ranked terms go (and questions, when
// fewer than recapMinTerms terms would be left), then the drawing, then
// the last rows of the table, with a line saying that the full guide
// has the rest.
const (
	recapMinScale = 0.7
	recapMinBody  = 7.0
	recapScaleBy  = 0.05 // the step the sizes shrink by
	// recapMaxTerms is the most terms a recap lists, however much room is
	// left: a recap is a short list.
	recapMaxTerms = 16
	// recapGistWords is how many words of a term's explanation are shown.
	recapGistWords = 18
	// recapDrawingPart is the share of the text width the drawing takes
	// when it stands beside the terms.
	recapDrawingPart = 0.42
	// recapMinDrawing is the smallest the drawing may be, as a share of
	// the width it is given.
	recapMinDrawing = 0.6
	// recapQuestions is how many questions the recap asks.
	recapQuestions = 5
	// recapMinTerms is the fewest terms the recap keeps before it asks
	// fewer questions to make room for more.
	recapMinTerms = 3
)

// recapParts are the pieces of the guide the recap shows.
type recapParts struct {
	glance *guide.Table
	palace *guide.Figure
	terms  []*guide.Term // ranked, most important first
	// questions ask for the most important terms, most important first;
	// terms then leaves out the terms they ask for and those whose
	// explanation would give an answer away.
	questions []*guide.Question
	// ranked are all the terms, most important first, and asked the
	// questions the self-test has for them, from which questions and
	// terms are chosen (see ask).
	ranked []*guide.Term
	asked  []*guide.Question
}

// ask returns the parts with the questions of the n most important terms
// that have one (at most recapQuestions), and the terms that do not give
// their answers away.
func (rp recapParts) ask(n int) recapParts {
	rp.questions, rp.terms = termQuestions(rp.asked, rp.ranked, min(n, recapQuestions))
	if len(rp.terms) > recapMaxTerms {
		rp.terms = rp.terms[:recapMaxTerms]
	}
	return rp
}

// findRecapParts picks the recap's pieces out of a guide that went through
// the study-aid stages. Any of them may be missing: a guide with its
// summaries turned off has no at-a-glance table.
func findRecapParts(g *guide.Guide) recapParts {
	var rp recapParts
	g.WalkSections(func(s *guide.Section) bool {
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *guide.Table:
				if b.Kind == guide.Glance && rp.glance == nil {
					rp.glance = b
				}
			case *guide.Figure:
				if s.Kind == guide.Palace && rp.palace == nil && drawable(b) {
					rp.palace = b
				}
			}
		}
		return true
	})
	if g.Study != nil {
		rp.ranked = g.Study.RankedTerms()
		if hasSelfTest(g) {
			rp.asked = g.Study.Questions
		}
	}
	return rp.ask(recapQuestions)
}

// hasSelfTest reports whether the guide shows its self-test: the notes or
// the command may leave it out, and the recap then asks nothing either.
func hasSelfTest(g *guide.Guide) bool {
	for _, s := range g.Sections {
		if s.Kind == guide.SelfTest {
			return true
		}
	}
	return false
}

// termQuestions picks from qs the questions of the n most important terms
// of ranked that have one, and returns them with the other terms, in rank
// order, less those whose explanation would give an answer away.
func termQuestions(qs []*guide.Question, ranked []*guide.Term, n int) (picked []*guide.Question, rest []*guide.Term) {
	byTerm := map[string]*guide.Question{}
	for _, q := range qs {
		if q.Kind == guide.Cloze && q.Term != "" && byTerm[q.Term] == nil {
			byTerm[q.Term] = q
		}
	}
	var others []*guide.Term
	for _, t := range ranked {
		if q := byTerm[t.Name]; q != nil && len(picked) < n {
			picked = append(picked, q)
			continue
		}
		others = append(others, t)
	}
	for _, t := range others {
		gives := false
		for _, q := range picked {
			gives = gives || strings.Contains(strings.ToLower(t.Explanation), strings.ToLower(q.Answer))
		}
		if !gives {
			rest = append(rest, t)
		}
	}
	return picked, rest
}

// WriteRecap writes the recap sheet of g to w as a one-page PDF in the
// layout's page size. Warnings about the notes are the full guide's to
// give (Write gives them), so the recap gives none; opts.Warn is not
// called.
func WriteRecap(w io.Writer, g *guide.Guide, opts Options) error {
	lay := opts.Layout
	if lay == nil {
		var err error
		if lay, err = layouts.Load(layouts.Default); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	parts := findRecapParts(g)
	wr, boxes, err := fitRecap(g, lay, parts)
	if err != nil {
		return fmt.Errorf("pdf: recap: %w", err)
	}
	wr.doc.begin(w)
	defer wr.doc.end()
	wr.drawRecap(boxes)
	if wr.doc.Err() {
		return fmt.Errorf("pdf: recap: %w", wr.doc.Error())
	}
	if err := wr.finish(); err != nil {
		return fmt.Errorf("pdf: recap: %w", err)
	}
	return nil
}

// fitRecap finds the largest sizes, and then the most terms, at which the
// recap fits its page, and returns the writer set up for them with the
// boxes to draw. The sizes are searched by halving the range between the
// smallest scale and the layout's own, since the height of the page's
// content only grows with its type.
func fitRecap(g *guide.Guide, lay *layouts.Layout, parts recapParts) (*writer, []*box, error) {
	wr, err := newRecapWriter(g, lay)
	if err != nil {
		return nil, nil, err
	}
	try := func(scale float64, p recapParts) ([]*box, bool) {
		wr.setLayout(scaleLayout(lay, scale))
		boxes, drawn := wr.recapBoxes(p)
		return boxes, stackHeight(boxes) <= wr.textH && drawn
	}
	if boxes, ok := try(1, parts); ok {
		return wr, boxes, nil
	}
	minScale := max(recapMinScale, recapMinBody/lay.BodySize)
	if _, ok := try(minScale, parts); ok {
		// Between a scale that fits and one that does not, in steps.
		steps := int(math.Ceil((1 - minScale) / recapScaleBy))
		lo, hi := 0, steps // lo fits; hi does not
		scale := func(i int) float64 { return minScale + float64(i)*(1-minScale)/float64(steps) }
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if _, ok := try(scale(mid), parts); ok {
				lo = mid
			} else {
				hi = mid
			}
		}
		boxes, _ := try(scale(lo), parts)
		return wr, boxes, nil
	}
	// At the smallest sizes: keep as many of the top terms as fit, with
	// fewer questions when that leaves too few terms, and none at last.
	var p recapParts
	for n := len(parts.questions); n >= 0; n-- {
		all := parts.ask(n)
		p = all
		lo, hi := 0, len(all.terms) // lo terms fit, unless lo is 0
		for lo < hi {
			mid := (lo + hi + 1) / 2
			p.terms = all.terms[:mid]
			if _, ok := try(minScale, p); ok {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		p.terms = all.terms[:lo]
		if lo >= min(recapMinTerms, len(all.terms)) {
			if _, ok := try(minScale, p); ok {
				break
			}
		}
	}
	boxes, ok := try(minScale, p)
	if !ok && p.palace != nil {
		p.palace = nil
		boxes, ok = try(minScale, p)
	}
	if !ok {
		boxes = wr.cutToPage(boxes)
	}
	return wr, boxes, nil
}

// scaleLayout returns a copy of lay with every type size times scale.
func scaleLayout(lay *layouts.Layout, scale float64) *layouts.Layout {
	l := *lay
	l.BodySize *= scale
	l.CodeSize *= scale
	l.SmallSize *= scale
	l.TableSize *= scale
	l.TitleSize *= scale
	l.HeadingSize = make([]float64, len(lay.HeadingSize))
	for i, s := range lay.HeadingSize {
		l.HeadingSize[i] = s * scale
	}
	l.Mirrored = false
	return &l
}

// newRecapWriter makes a writer for the recap page. Its link table is
// empty: the recap has none of the guide's places to link to, so
// references and links into the guide print as plain text.
func newRecapWriter(g *guide.Guide, lay *layouts.Layout) (*writer, error) {
	wr, err := newWriter(g, lay, nil)
	if err != nil {
		return nil, err
	}
	wr.links = newLinkTable(wr.doc, &guide.Guide{})
	wr.rb.links = wr.links
	return wr, nil
}

// recapBoxes lays out the parts of the recap from the top of the page,
// and reports whether the drawing, if any, kept the size it needs: it is
// left out, rather than drawn too small, when the page has no room for it.
func (w *writer) recapBoxes(p recapParts) ([]*box, bool) {
	l := &layouter{w: w}
	fr := w.bodyFrame()

	// The title, and under it what the page is.
	title := textStyle{fam: headFam, bold: true, size: w.lay.TitleSize * 0.8, color: colorHeading}
	tf := fr
	tf.style, tf.lead = title, pt(title.size)*1.15
	heading := plain(guide.NoPos, w.g.Meta.Title)
	if w.g.Meta.TitleInlines != nil {
		heading = w.g.Meta.TitleInlines
	}
	l.in("H1", func(*structElem) { l.lines(w.typeset(heading, title, fr.width), tf) })
	sub := w.labels.Text("recap.title")
	if w.g.Meta.Subtitle != "" {
		sub = w.labels.Format("recap.subtitle", "recap", sub, "subtitle", w.g.Meta.Subtitle)
	}
	sf := fr
	sf.style = textStyle{fam: headFam, size: w.lay.BodySize, color: colorMuted}
	l.space(0.2 * fr.lead)
	l.in("P", func(*structElem) { l.lines(w.typeset(plain(guide.NoPos, sub), sf.style, fr.width), sf) })
	l.space(0.5 * fr.lead)
	l.push(&box{h: 0.6 * mmPerPt, paint: func(pn *pen, x, y float64) {
		pn.rule(x, y, x+w.textW, y, 0.6*mmPerPt, colorHeadRule)
	}}, &fr)

	if p.glance != nil {
		l.table(p.glance, fr)
	}
	drawn := p.palace == nil
	var quiz []*box
	if len(p.questions) > 0 {
		quiz = w.recapQuiz(p.questions)
	}
	if p.palace != nil || len(p.terms) > 0 {
		l.space(1.2 * fr.lead)
		room := w.textH - stackHeight(l.out) - l.pending - stackHeight(quiz) - 1.2*fr.lead
		band, ok := w.recapBand(p, room)
		drawn = ok
		l.push(band, &fr)
	}
	if len(quiz) > 0 {
		quiz[0].before = 1.2 * fr.lead
		l.out = append(l.out, quiz...)
	}
	return l.out, drawn
}

// recapQuiz lays out the recap's questions, numbered, each blank a rule
// and each hint in brackets, and under them their answers in one line of
// small type.
func (w *writer) recapQuiz(qs []*guide.Question) []*box {
	l := &layouter{w: w}
	fr := w.bodyFrame()
	l.heading(plain(guide.NoPos, w.labels.Text("quiz.title")), 3, 2, fr, nil, 0)
	l.out[0].before = 0
	small := fr
	small.style.size = w.lay.BodySize * 0.92
	small.lead = pt(small.style.size) * w.lay.Leading
	var answers []guide.Inline
	for i, q := range qs {
		if i > 0 {
			l.space(0.3 * small.lead)
		}
		ins := []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: strconv.Itoa(i+1) + ". "}}
		for _, pc := range q.Prompt {
			if pc.Blank {
				ins = append(ins, &guide.Blank{Pos: guide.NoPos, Width: max(utf8.RuneCountInString(pc.Text), 8)})
			} else if pc.Formula != nil {
				ins = append(ins, pc.Formula)
			} else {
				ins = append(ins, &guide.Text{Pos: guide.NoPos, Text: pc.Text})
			}
		}
		if q.Hint != "" {
			ins = append(ins, &guide.Text{Pos: guide.NoPos, Text: " "}, &guide.Emph{Pos: guide.NoPos, Children: []guide.Inline{
				&guide.Text{Pos: guide.NoPos, Text: w.labels.Format("quiz.hint", "hint", q.Hint)},
			}})
		}
		l.para(ins, small)
		sep := ""
		if i > 0 {
			sep = " · "
		}
		answers = append(answers, &guide.Text{Pos: guide.NoPos, Text: sep + strconv.Itoa(i+1) + ". "})
		if q.AnswerInlines != nil {
			answers = append(answers, q.AnswerInlines...)
		} else {
			answers = append(answers, &guide.Text{Pos: guide.NoPos, Text: q.Answer})
		}
	}
	key := small
	key.style.size = w.lay.SmallSize
	key.style.color = colorMuted
	key.lead = pt(key.style.size) * w.lay.Leading
	l.space(0.6 * small.lead)
	l.para(fillPair(w.labels.Pieces("pair"), w.labels.Text("quiz.answers-title"), answers), key)
	return l.out
}

// recapBand lays out the bottom of the recap as one box: the palace
// drawing on the left and the key terms beside it, or the terms across
// the page when there is no drawing. The drawing is made smaller to fit
// the room left on the page, and left out when that would make it
// smaller than recapMinDrawing; the second result is false then.
func (w *writer) recapBand(p recapParts, room float64) (*box, bool) {
	gap := 2 * w.bodyLead
	termsX, termsW := 0.0, w.textW
	var drawingH, scale float64
	var sc *figure.Scene
	var texts [][]line
	if p.palace != nil {
		sc = p.palace.Scene
		drawW := recapDrawingPart * w.textW
		scale = min(drawW/pt(sc.Width), room/pt(sc.Height))
		drawingH = pt(sc.Height) * scale
		prep := &scenePrep{w: w, scale: scale, pos: p.palace.Pos}
		figure.Draw(sc, prep)
		texts = prep.lines
		termsX, termsW = drawW+gap, w.textW-drawW-gap
		if pt(sc.Width)*scale < recapMinDrawing*drawW {
			sc, drawingH, termsX, termsW = nil, 0, 0, w.textW
		}
	}

	l := &layouter{w: w}
	fr := w.bodyFrame()
	fr.indent, fr.width = termsX, termsW
	if len(p.terms) > 0 {
		l.heading(plain(guide.NoPos, w.labels.Text("recap.key-terms")), 3, 2, fr, nil, 0)
		l.out[0].before = 0
		small := fr
		small.style.size = w.lay.BodySize * 0.92
		small.lead = pt(small.style.size) * w.lay.Leading
		for i, t := range p.terms {
			if i > 0 {
				l.space(0.3 * small.lead)
			}
			l.para(termInlines(w.labels, t), small)
		}
	}
	termBoxes := l.out
	h := max(drawingH, stackHeight(termBoxes))
	var fig *structElem
	if sc != nil {
		fig = w.tags.elem("Figure", nil)
		if fig != nil {
			fig.more().alt = p.palace.Alt
		}
	}
	return &box{h: h, paint: func(pn *pen, x, y float64) {
		if sc != nil {
			pn.tag(fig)
			figure.Draw(sc, &pdfCanvas{p: pn, x: x, y: y, k: pt(scale), texts: texts})
		}
		paintStack(pn, termBoxes, x, y)
	}}, sc != nil || p.palace == nil
}

// termInlines is a term as the recap lists it: its name in bold, then
// the start of its explanation, joined as the guide's language joins a
// name and what it says.
func termInlines(words *labels.Catalogue, t *guide.Term) []guide.Inline {
	name := t.Name
	if len(t.Aliases) > 0 && !strings.Contains(name, t.Aliases[0]) {
		name += " (" + t.Aliases[0] + ")"
	}
	strong := &guide.Strong{Children: []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: name}}}
	gist := cutWords(t.Explanation, recapGistWords)
	if gist == "" {
		return []guide.Inline{strong}
	}
	text := []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: gist}}
	if t.Meaning != nil {
		text = cutInlines(t.Meaning, recapGistWords)
	}
	var out []guide.Inline
	for _, p := range words.Pieces("pair") {
		switch p.Slot {
		case "name":
			out = append(out, strong)
		case "text":
			out = append(out, text...)
		default:
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: p.Text})
		}
	}
	return out
}

// cutInlines returns the first n words of inlines of text and formulas,
// a formula counting as one word and never cut, with an ellipsis when it
// cut.
func cutInlines(ins []guide.Inline, n int) []guide.Inline {
	var out []guide.Inline
	count := 0
	for _, in := range ins {
		t, ok := in.(*guide.Text)
		if !ok {
			if count >= n {
				return append(out, &guide.Text{Pos: guide.NoPos, Text: "…"})
			}
			out = append(out, in)
			count++
			continue
		}
		words := strings.Fields(t.Text)
		if count+len(words) <= n {
			out = append(out, t)
			count += len(words)
			continue
		}
		kept := strings.Join(words[:n-count], " ")
		if kept != "" && strings.HasPrefix(t.Text, " ") {
			kept = " " + kept
		}
		return append(out, &guide.Text{Pos: guide.NoPos, Text: strings.TrimRight(kept, ",;:") + "…"})
	}
	return out
}

// cutWords returns the first n words of s, with an ellipsis when it cut.
func cutWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",;:") + "…"
}

// stackHeight is the height of boxes set one under the other, the space
// above the first one dropped as at the top of a page.
func stackHeight(boxes []*box) float64 {
	h := 0.0
	for i, b := range boxes {
		if i > 0 {
			h += b.before
		}
		h += b.h
	}
	return h
}

// paintStack paints boxes one under the other from (x, y).
func paintStack(p *pen, boxes []*box, x, y float64) {
	for i, b := range boxes {
		if i > 0 {
			y += b.before
		}
		if b.paint != nil {
			p.tag(b.tag)
			b.paint(p, x, y)
		}
		y += b.h
	}
}

// cutToPage keeps the boxes that fit the page and ends with a line saying
// that the full guide has the rest. It is the last resort of fitRecap,
// for a table too long for any page.
func (w *writer) cutToPage(boxes []*box) []*box {
	fr := w.bodyFrame()
	fr.style.italic, fr.style.color = true, colorMuted
	l := &layouter{w: w}
	l.para(plain(guide.NoPos, w.labels.Text("recap.more")), fr)
	more := l.out
	room := w.textH - stackHeight(more) - fr.skip
	for len(boxes) > 0 && stackHeight(boxes) > room {
		boxes = boxes[:len(boxes)-1]
	}
	if len(more) > 0 {
		more[0].before = fr.skip
	}
	return append(boxes, more...)
}

// drawRecap draws the recap's one page.
func (w *writer) drawRecap(boxes []*box) {
	p := &pen{doc: w.doc, m: w.m, fs: w.fs, links: w.links, out: newTextOut(w.doc), pageOf: func(int) int { return 1 }, tags: w.tags, mathAlt: w.rb.mathAlt}
	w.doc.AddPage()
	p.newPage()
	paintStack(p, boxes, w.lay.MarginInner, w.lay.MarginTop)
	p.endPage()
}

// fillPair fills the catalogue's "pair" pattern (a name, then its text)
// with name as text and text as inlines, so that an answer's formulas
// are typeset.
func fillPair(pieces []labels.Piece, name string, text []guide.Inline) []guide.Inline {
	var out []guide.Inline
	for _, p := range pieces {
		switch p.Slot {
		case "name":
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: name})
		case "text":
			out = append(out, text...)
		default:
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: p.Text})
		}
	}
	return out
}
