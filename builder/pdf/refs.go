package pdf

import (
	"slices"
	"strconv"
	"strings"

	"studyguide/builder/guide"
)

// A reference (guide.Ref) is printed as the number of the page its target
// is on, after a short word for "page" ("p. 12"), and is a link to the
// target. Pages are known only after pagination, so the layout sets a
// placeholder of refDigits zeros, as wide as any number of that many
// digits in the embedded faces (their figures share one width), and the
// pen prints the real number in its place. The line is ragged right, so a
// shorter number only moves the rest of the line a little to the left.
// The digits are guessed from the length of the guide and checked after
// pagination: a guide with more pages is laid out again.

// pageFill is the share of a page's lines that running text fills on
// average, headings, lists, tables and the space between them taking the
// rest; estimatePages leans towards too many pages with it.
const pageFill = 0.5

// estimatePages guesses how many pages the guide will take from the length
// of its text, so that references can be given room for enough digits
// before the layout knows. A guess that falls short costs a second layout;
// one that is too long leaves a little space after some page numbers.
func (w *writer) estimatePages() int {
	em := pt(w.lay.BodySize)
	perLine := w.textW / (0.5 * em)
	lines := w.textH / w.bodyLead
	chars := float64(textLength(w.g))
	return 3 + int(chars/(perLine*lines*pageFill))
}

// ref adds the runs of a reference: "p." and a non-breaking space in the
// text's style, then the page number placeholder, both linked to the
// target. A reference to an id the guide does not have shows its own
// text, with a warning.
func (rb *runBuilder) ref(n *guide.Ref, st textStyle, lk look) {
	target := rb.links.internal(n.Target)
	if target == 0 {
		if rb.warn != nil {
			rb.warn(n.Pos, "reference to "+strconv.Quote(n.Target)+", which is not in the guide; its text is shown without a page number")
		}
		rb.walk(n.Children, st, lk)
		return
	}
	rb.pageNumber(target, st, lk, "")
}

// pageNumber adds the runs of a page number: lead, "p." and a
// non-breaking space, then the placeholder, all linked to link target.
func (rb *runBuilder) pageNumber(target int, st textStyle, lk look, lead string) {
	l := lk
	l.link = rb.links.refInternal(target)
	l.color = colorLink
	l.strike = false
	rb.add(run{text: lead + rb.pageWord + "\u00a0", style: st, look: l})
	l.page = int32(target)
	rb.add(run{text: strings.Repeat("0", max(rb.refDigits, 1)), style: st, look: l})
}

// digits returns how many decimal digits n has.
func digits(n int) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

// resolve returns l with its page numbers filled in: each placeholder
// replaced by the number of the page its target is on, and the pieces
// after it moved by the difference in width. A line without references
// is returned as it is; another is filled in in buffers of the pen's,
// which the next call fills again: the line returned is printed before
// the next is resolved.
func (p *pen) resolve(l *line) *line {
	if !slices.ContainsFunc(l.pieces, func(pc piece) bool { return pc.key.page != 0 }) {
		return l
	}
	// l may be the line the last call returned.
	p.resolved = append(p.resolved[:0], l.pieces...)
	p.resolvedLine = *l
	out := &p.resolvedLine
	out.pieces = p.resolved
	shift := 0.0
	for i := range out.pieces {
		pc := &out.pieces[i]
		pc.x += shift
		st := pc.styleOf()
		if st.look.page == 0 {
			continue
		}
		n := 0
		if st.look.page > 0 {
			n = p.pageOf(int(st.look.page))
		}
		if n == 0 && p.late != nil {
			// Not known yet: the placeholder stays, and the line
			// prints a form in its room.
			continue
		}
		s := strconv.Itoa(max(n, 1))
		w := p.m.width(st.face, st.size, s)
		shift += w - pc.w
		// The spaces the placeholder carries stay with the number.
		if pc.lead > 0 {
			s = " " + s
		}
		if strings.HasSuffix(pc.text, " ") {
			s += " "
		}
		pc.text, pc.w = s, w
		pc.key.page = 0
	}
	out.w += shift
	return out
}

// totalPages is the page of a placeholder that stands for the number of
// pages, which a long guide's footers print before it is known.
const totalPages = -1

// lateNumber prints the page number of placeholder pc, whose text without
// its leading space is text, as a form painted at x on baseline y: the
// number goes where align says in the placeholder's room, with the space
// the placeholder ends with, if any.
func (p *pen) lateNumber(m tagMark, pc *piece, text string, x, y float64) {
	st := pc.styleOf()
	what := lateWhat{link: st.look.page}
	if st.look.page == totalPages {
		what = lateWhat{total: true}
	}
	k := lateKey{what: what, face: st.face, size: st.size, color: st.look.color, room: pc.w, align: p.align}
	k.after = strings.HasSuffix(text, " ")
	p.texts = append(p.texts, pendingText{x: x, y: y, mark: m, form: p.late.form(k)})
}

// annotCount returns how many link annotations the structure tree has.
func (p *pen) annotCount() int {
	if p.tags == nil {
		return 0
	}
	return p.tags.annotCount()
}

// lateAnnot makes the link annotation the tree was given last, if it has
// one more than count, say the text of pieces once their page numbers are
// known, when some are not yet.
func (p *pen) lateAnnot(count int, pieces []piece) {
	if p.late == nil || p.annotCount() != count+1 || !slices.ContainsFunc(pieces, func(pc piece) bool { return pc.look().page != 0 }) {
		return
	}
	// Only the words are kept, not the pieces, whose text is that of
	// their whole line; they are gathered in buffers of the pen's, which
	// annot copies.
	lt := lateText{text: p.lateWords[:0], pages: p.latePages[:0]}
	for i := range pieces {
		pc := &pieces[i]
		page := pc.look().page
		if page <= 0 {
			lt.text = append(lt.text, pc.text...)
			continue
		}
		// The number as resolve prints it, with the spaces the
		// placeholder carries.
		lt.pages = append(lt.pages, latePage{at: int32(len(lt.text)), page: page,
			before: strings.HasPrefix(pc.text, " "), after: strings.HasSuffix(pc.text, " ")})
	}
	p.lateWords, p.latePages = lt.text, lt.pages
	// The words are made after the last page, when every number is
	// known.
	p.late.annot(count, lt)
}

// lateText is what a link says whose words hold page numbers not yet
// known: its words without them, and where each goes.
type lateText struct {
	text  []byte
	pages []latePage
}

// latePage is a page number in a lateText: where it goes in the text,
// the internal link whose page it is, and whether a space goes before or
// after it.
type latePage struct {
	at            int32
	page          int32
	before, after bool
}

// say returns the words, each number the page pageOf gives its link.
func (lt lateText) say(pageOf func(link int) int) string {
	var b strings.Builder
	at := 0
	for _, pg := range lt.pages {
		b.Write(lt.text[at:pg.at])
		at = int(pg.at)
		if pg.before {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(max(pageOf(int(pg.page)), 1)))
		if pg.after {
			b.WriteByte(' ')
		}
	}
	b.Write(lt.text[at:])
	return strings.TrimSpace(b.String())
}

// lateTexts holds what links whose words wait for page numbers say, one
// link after the other, in lists with no pointers: a long guide keeps
// tens of thousands till its end.
type lateTexts struct {
	words []byte
	pages []latePage
	ends  []lateEnd
}

// lateEnd is where the words and the numbers of a link end in lateTexts.
type lateEnd struct {
	words, pages uint32
}

// add appends a copy of lt.
func (l *lateTexts) add(lt lateText) {
	l.words = append(l.words, lt.text...)
	l.pages = append(l.pages, lt.pages...)
	l.ends = append(l.ends, lateEnd{uint32(len(l.words)), uint32(len(l.pages))})
}

// len returns how many links l holds.
func (l *lateTexts) len() int { return len(l.ends) }

// at returns what link i says, in l's lists.
func (l *lateTexts) at(i int) lateText {
	var start lateEnd
	if i > 0 {
		start = l.ends[i-1]
	}
	end := l.ends[i]
	return lateText{text: l.words[start.words:end.words:end.words], pages: l.pages[start.pages:end.pages:end.pages]}
}

// reset empties l, keeping its lists to fill again.
func (l *lateTexts) reset() {
	l.words, l.pages, l.ends = l.words[:0], l.pages[:0], l.ends[:0]
}
