package pdf

import (
	"slices"
	"strings"
	"unique"
	"unsafe"

	"studyguide/builder/guide"
	"studyguide/builder/mathbox"
)

// piece is text in one face, size and look, placed at x in its line.
//
// It is kept small, a long guide has millions: what it is printed in is
// its key, most of it one interned pieceStyle that the pieces of a guide
// share.
type piece struct {
	text string
	x, w float64 // millimetres
	// lead is the width of a space the text starts with, printed before
	// x: the space between two words that the piece before could not
	// carry. x and w are those of the text after it.
	lead float64
	key  pieceKey
}

// pieceKey is what a piece is printed in, which two pieces must share to
// be printed as one: a style with neither link nor page number, and the
// link and page number of its look, which take so many values that they
// are kept apart.
type pieceKey struct {
	// style is the zero handle for the zero pieceStyle.
	style unique.Handle[pieceStyle]
	link  linkRef
	page  int32
}

// pieceStyle is what a piece is printed in: its face, size and look, or
// the formula it is.
type pieceStyle struct {
	face faceRef
	size float64 // points
	look look
	// math, when set, is a formula: the piece has no text and is drawn
	// by the pen as the formula's glyphs and rules.
	math *mathbox.Box
}

// styleOf returns what p is printed in.
func (p *piece) styleOf() pieceStyle {
	var s pieceStyle
	if p.key.style != (unique.Handle[pieceStyle]{}) {
		s = p.key.style.Value()
	}
	s.look.link, s.look.page = p.key.link, p.key.page
	return s
}

// face returns the face p is printed in.
func (p *piece) face() faceRef { return p.styleOf().face }

// size returns the size p is printed in, in points.
func (p *piece) size() float64 { return p.styleOf().size }

// look returns the look p is printed in.
func (p *piece) look() look { return p.styleOf().look }

// lang returns the language of p's look, without copying the rest of
// its style.
func (p *piece) lang() string {
	if p.key.style == (unique.Handle[pieceStyle]{}) {
		return ""
	}
	return p.key.style.Value().look.lang
}

// math returns the formula p is, or nil.
func (p *piece) math() *mathbox.Box { return p.styleOf().math }

// styleCache makes the keys of pieces, remembering the last few styles
// it interned: the pieces typeset one after another mostly share theirs,
// or take turns with a few others (a term in bold, a link, a code span).
type styleCache struct {
	styles  [styleCacheSize]pieceStyle
	handles [styleCacheSize]unique.Handle[pieceStyle]
	next    int // the entry to fill next
}

// styleCacheSize is how many styles a styleCache remembers.
const styleCacheSize = 4

// key returns the key of a piece printed in s.
func (c *styleCache) key(s pieceStyle) pieceKey {
	k := pieceKey{link: s.look.link, page: s.look.page}
	s.look.link, s.look.page = 0, 0
	for i := range c.styles {
		if c.styles[i] == s && c.handles[i] != (unique.Handle[pieceStyle]{}) {
			k.style = c.handles[i]
			return k
		}
	}
	k.style = unique.Make(s)
	c.styles[c.next], c.handles[c.next] = s, k.style
	c.next = (c.next + 1) % styleCacheSize
	return k
}

// line is one typeset line of running text.
type line struct {
	pieces []piece
	w      float64
	// extra holds the footnotes, link targets and formulas of the line;
	// nil for the many lines that have none.
	extra *lineExtra
}

// lineExtra is what few lines refer to or carry.
type lineExtra struct {
	notes   []int // footnotes referenced in the line, as indexes
	anchors []int // links that point at the line: key terms in it
	// mathUp and mathDown are how far the formulas in the line reach
	// above and below its baseline, in millimetres; zero without one.
	mathUp, mathDown float64
}

// noLineExtra is what a line without extras has.
var noLineExtra lineExtra

// ext returns what the line carries, to read it.
func (ln *line) ext() *lineExtra {
	if ln.extra == nil {
		return &noLineExtra
	}
	return ln.extra
}

// notes returns the footnotes referenced in the line, as indexes.
func (ln *line) notes() []int { return ln.ext().notes }

// anchors returns the links that point at the line.
func (ln *line) anchors() []int { return ln.ext().anchors }

// word is text between two break opportunities, with the space before it.
type word struct {
	pieces []piece
	w      float64
	space  float64 // width of the space before the word
	// joins is set when the space before the word is set in the face, size
	// and look of the word's first piece, so that a line can print the
	// space and the piece as part of the piece before them.
	joins bool
	brk   bool // a hard line break comes before the word
	// glued is set on the part of a word broken at the end of a line:
	// no space stands between it and the part before.
	glued   bool
	notes   []int
	anchors []int
}

// typesetter turns runs into lines: a small line breaker for running
// text that mixes faces and sizes.
type typesetter struct {
	m    *metrics
	fs   *faceSet
	warn func(pos guide.Pos, msg string)
	// missing collects the characters no font can print, reported once
	// when the PDF is done.
	missing missingChars

	arena     arena[piece] // the pieces of lines
	lineArena arena[line]
	// textArena, when its chunks come from a pool, holds the text of
	// the lines whose pieces are in arena (see lineBuilder.text).
	textArena arena[byte]
	// lasting, while set, has lines typeset in lastArena and lastLines,
	// whose chunks are never filled again: lines typeset long before the
	// boxes that print them are made (a list's markers, a table's header
	// row, printed again on every page the table runs onto).
	lasting   bool
	lastArena arena[piece]
	lastLines arena[line]
	// markers holds the lines of the list markers typeset so far (see
	// layouter.marker).
	markers map[markerKey]line
	// The words of the last call to words and their pieces, and the
	// words kept for longer and theirs.
	wordBuf, keptWords     chunked[word]
	wordPieces, keptPieces chunked[piece]
	lineBuf                []line      // the lines being broken
	builder                lineBuilder // the line being built
	shaped                 []glyphRun
	styles                 styleCache
}

// words splits runs at spaces into words and measures them. The words and
// their pieces are reused by the next call.
func (ts *typesetter) words(runs []run) []word {
	ts.wordBuf.reset()
	ts.wordPieces.reset()
	return ts.split(runs, &ts.wordBuf, &ts.wordPieces)
}

// keep splits runs into words as words does, but the words and their
// pieces are never reused: they are for the cells of a table, which are
// broken into lines only once every cell is measured.
func (ts *typesetter) keep(runs []run) []word {
	return ts.split(runs, &ts.keptWords, &ts.keptPieces)
}

// release lets the words given by keep be reused: those of a table whose
// cells are all broken into lines.
func (ts *typesetter) release() {
	ts.keptWords.reset()
	ts.keptPieces.reset()
}

// split splits runs into words, the words and their pieces stored in out
// and pieces.
func (ts *typesetter) split(runs []run, out *chunked[word], pieces *chunked[piece]) []word {
	var (
		cur     word
		started bool // cur has a piece or a note
		pending bool // a space is waiting to go before the next word
		spaceW  float64
		spaceK  pieceKey
		brk     bool
		anchors []int // anchors waiting for the next word with text
	)
	out.begin()
	pieces.begin()
	finish := func() {
		if started {
			cur.pieces = pieces.end()
			out.push(cur)
		}
		cur, started = word{}, false
		pieces.begin()
	}
	open := func(first *piece) {
		if started {
			return
		}
		started = true
		if pending {
			cur.space = spaceW
			cur.joins = first != nil && spaceK == first.key
		}
		cur.brk = brk
		pending, brk = false, false
	}
	// The key of the last face a run's words were printed in, which the
	// next word of the run most likely shares.
	var (
		keyRun, spaceRun *run
		keyFace          faceRef
		key              pieceKey
	)
	appendText := func(r *run, text string) {
		if text == "" {
			return
		}
		c := ts.fs.chain(r.style.fam, r.style.bold, r.style.italic)
		var replaced bool
		ts.shaped, replaced = ts.m.shape(ts.shaped[:0], text, c)
		if replaced {
			ts.missing.add(ts.m, r.pos, text, c)
		}
		for _, g := range ts.shaped {
			if keyRun != r || keyFace != g.face {
				keyRun, keyFace = r, g.face
				key = ts.styles.key(pieceStyle{face: g.face, size: r.style.size, look: r.look})
			}
			p := piece{text: g.text, key: key}
			p.w = float64(g.units) * pt(r.style.size) / 1000
			open(&p)
			if len(anchors) > 0 {
				cur.anchors = append(cur.anchors, anchors...)
				anchors = anchors[:0]
			}
			if r.look.page != 0 {
				// The pen prints the real page number in the
				// placeholder's place: measure every figure now,
				// before any page exists.
				for d := '0'; d <= '9'; d++ {
					ts.m.advance(g.face, d)
				}
			}
			if last := pieces.last(); last != nil && last.key == p.key {
				last.text += p.text
				last.w += p.w
			} else {
				p.x = cur.w
				pieces.push(p)
			}
			cur.w += p.w
		}
	}
	appendMath := func(r *run) {
		p := piece{key: ts.styles.key(pieceStyle{size: r.style.size, look: r.look, math: r.math}), w: pt(r.math.Width)}
		open(&p)
		if len(anchors) > 0 {
			cur.anchors = append(cur.anchors, anchors...)
			anchors = anchors[:0]
		}
		p.x = cur.w
		pieces.push(p)
		cur.w += p.w
	}
	for i := range runs {
		r := &runs[i]
		if r.math != nil {
			if r.anchor != 0 {
				anchors = append(anchors, r.anchor)
			}
			appendMath(r)
			continue
		}
		if r.brk {
			finish()
			brk, pending = true, false
			continue
		}
		if r.anchor != 0 {
			anchors = append(anchors, r.anchor)
		}
		if r.note > 0 {
			open(nil)
			cur.notes = append(cur.notes, r.note-1)
		}
		text := r.text
		for text != "" {
			j := indexSpace(text)
			if j < 0 {
				appendText(r, text)
				break
			}
			appendText(r, text[:j])
			finish()
			if !pending {
				pending = true
				if spaceRun != r {
					// The same space for the whole run.
					spaceRun = r
					c := ts.fs.chain(r.style.fam, r.style.bold, r.style.italic)
					u, _ := ts.m.advance(c.primary, ' ')
					spaceW = float64(u) * pt(r.style.size) / 1000
					spaceK = ts.styles.key(pieceStyle{face: c.primary, size: r.style.size, look: r.look})
				}
			}
			text = text[j+1:]
		}
	}
	finish()
	words := out.end()
	if len(anchors) > 0 && len(words) > 0 {
		last := &words[len(words)-1]
		last.anchors = append(slices.Clip(last.anchors), anchors...)
	}
	return words
}

// indexSpace returns the index of the first breaking space in s (a space,
// tab or line end), or -1.
func indexSpace(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			return i
		}
	}
	return -1
}

// lines breaks words into lines no wider than width: as many words on a
// line as fit, ragged right. A word wider than a whole line is broken
// between characters.
func (ts *typesetter) lines(words []word, width float64) []line {
	out := ts.lineBuf[:0]
	cur := &ts.builder
	cur.reset()
	cur.m = ts.m
	pieces, lines, texts := &ts.arena, &ts.lineArena, &ts.textArena
	if ts.lasting {
		pieces, lines, texts = &ts.lastArena, &ts.lastLines, nil
	}
	flush := func() {
		out = append(out, cur.line(pieces, texts))
		cur.reset()
	}
	for i := range words {
		w := &words[i]
		if cur.started && (w.brk || cur.w+w.space+w.w > width+1e-6) {
			// The space between two words on two lines ends the first
			// line, unseen, so that the text of the lines reads on.
			lead := false
			if !w.glued && (w.space > 0 || w.brk) {
				lead = !cur.endSpace()
			}
			flush()
			cur.lead = lead
		}
		for !cur.started && w.w > width+1e-6 && splittable(*w) {
			head, tail := ts.splitWord(*w, width)
			cur.add(&head, false)
			flush()
			w = &tail
		}
		cur.add(w, cur.started)
	}
	if cur.started {
		flush()
	}
	kept := lines.copy(out)
	clear(out) // let go of what the lines point to
	ts.lineBuf = out[:0]
	return kept
}

// lineBuilder collects the pieces of one line. The text of all pieces goes
// into one buffer, so that a finished line costs one string however many
// words were folded into its pieces.
//
// The spaces between words are part of the text printed, for those who
// read it other than by looking, and where a line wraps it ends with the
// space. A space between two pieces ends the piece before, unseen in the
// gap, since each piece is placed where it starts; when that piece cannot
// carry it (a formula, or a face with no space) or its space is wider than
// the gap, it starts the piece after, printed a space's width before its
// place.
type lineBuilder struct {
	m       *metrics
	pieces  []piece
	starts  []int // where each piece's text starts in buf
	buf     []byte
	w       float64
	notes   []int
	anchors []int
	started bool
	// lead asks for a space before the line's first piece: the line
	// before could not end with it.
	lead bool
}

// reset empties the builder for the next line, keeping its buffers.
func (l *lineBuilder) reset() {
	l.pieces, l.starts, l.buf = l.pieces[:0], l.starts[:0], l.buf[:0]
	l.w, l.notes, l.anchors, l.started, l.lead = 0, nil, nil, false, false
}

// spaceWidth returns the width of a space in p's face and size, or 0 when
// p cannot carry a space: a formula, or a face with no space.
func (l *lineBuilder) spaceWidth(p *piece) float64 {
	return spaceWidth(l.m, p)
}

// spaceWidth returns the width of a space in p's face and size, or 0 when
// p cannot carry a space: a formula, or a face with no space.
func spaceWidth(m *metrics, p *piece) float64 {
	if p.text == "" || m == nil {
		return 0
	}
	s := p.styleOf()
	if s.math != nil {
		return 0
	}
	u, ok := m.advance(s.face, ' ')
	if !ok || u <= 0 {
		return 0
	}
	return float64(u) * pt(s.size) / 1000
}

// endWithSpace ends a finished line with a space after its last piece,
// where it is not seen, and reports whether it could: for a line that
// something else follows on the page, such as a page number.
func (ts *typesetter) endWithSpace(l *line) bool {
	if len(l.pieces) == 0 {
		return false
	}
	last := &l.pieces[len(l.pieces)-1]
	if spaceWidth(ts.m, last) == 0 || strings.HasSuffix(last.text, " ") {
		return false
	}
	last.text += " "
	return true
}

// endSpace ends the line's last piece with a space, and reports whether
// it could.
func (l *lineBuilder) endSpace() bool {
	if len(l.pieces) == 0 || l.spaceWidth(&l.pieces[len(l.pieces)-1]) == 0 {
		return false
	}
	l.buf = append(l.buf, ' ')
	return true
}

// add appends a word to the line, after its space when spaced.
func (l *lineBuilder) add(w *word, spaced bool) {
	l.started = true
	x := l.w
	if spaced {
		x += w.space
	}
	// A space goes in the text before the word's first piece.
	space := spaced && w.space > 0 || l.lead && len(l.pieces) == 0
	for i, p := range w.pieces {
		lead := false
		if i == 0 && space {
			last := len(l.pieces) - 1
			switch {
			case last >= 0 && w.joins && l.pieces[last].key == p.key:
				l.buf = append(l.buf, ' ')
				l.buf = append(l.buf, p.text...)
				l.pieces[last].w = x + p.w - l.pieces[last].x
				x += p.w
				continue
			default:
				// The space goes where it fits in the gap, else where
				// it can: it is never seen.
				before, after := 0.0, l.spaceWidth(&p)
				if last >= 0 {
					before = l.spaceWidth(&l.pieces[last])
				}
				gap := x - l.w
				if len(l.pieces) == 0 {
					gap = after // before the margin, at a line's start
				}
				fits := func(sw float64) bool { return sw > 0 && sw <= gap+1e-6 }
				switch {
				case fits(before), before > 0 && !fits(after):
					l.buf = append(l.buf, ' ')
				case after > 0:
					p.lead, lead = after, true
				}
			}
		}
		p.x = x
		l.pieces = append(l.pieces, p)
		l.starts = append(l.starts, len(l.buf))
		if lead {
			l.buf = append(l.buf, ' ')
		}
		l.buf = append(l.buf, p.text...)
		x += p.w
	}
	l.w = x
	l.notes = append(l.notes, w.notes...)
	l.anchors = append(l.anchors, w.anchors...)
}

// text returns the text of the line's pieces. When texts takes its chunks
// from a pool, the text is carved from them, and changes once its chunk
// is filled again: it may then be read only through pieces copied into an
// arena whose chunks go back to the pool with those of texts (see
// recycler), and no longer than them. What keeps words of a line for
// later, such as the words a link annotation says, copies them. When
// texts has chunks of a set size but no pool (the body of a guide whose
// boxes are kept until its pages are drawn), the text is carved from
// chunks never filled again, one allocation for many lines. Otherwise
// the text is a string of its own.
func (l *lineBuilder) text(texts *arena[byte]) string {
	if texts == nil || texts.pool == nil && texts.items == 0 || len(l.buf) == 0 {
		return string(l.buf)
	}
	b := texts.copy(l.buf)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// line returns the finished line, its pieces copied into a and its text
// into texts (see text).
func (l *lineBuilder) line(a *arena[piece], texts *arena[byte]) line {
	text := l.text(texts)
	ps := a.copy(l.pieces)
	for i := range ps {
		end := len(text)
		if i+1 < len(ps) {
			end = l.starts[i+1]
		}
		ps[i].text = text[l.starts[i]:end]
	}
	var up, down float64
	for i := range ps {
		if s := ps[i].styleOf(); s.math != nil {
			up = max(up, pt(s.math.Ascent)+s.look.rise)
			down = max(down, pt(s.math.Descent)-s.look.rise)
		}
	}
	ln := line{pieces: ps, w: l.w}
	if len(l.notes) > 0 || len(l.anchors) > 0 || up != 0 || down != 0 {
		ln.extra = &lineExtra{notes: l.notes, anchors: l.anchors, mathUp: up, mathDown: down}
	}
	return ln
}
