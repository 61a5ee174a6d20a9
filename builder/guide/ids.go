package guide

import "strconv"

// EachID calls fn with every id in the guide that a link can point at, in
// reading order: the introduction's, then each section's own id before
// the ids in its blocks, then each footnote's id before the ids in its
// text. The ids are those of sections, key points, tables, figures,
// key-term anchors (Strong.ID) and footnotes; empty ids are skipped, and
// an id the guide repeats is passed each time it stands.
//
// It walks the tree as Inspect does, but by hand, with no call for a node
// that holds no id and none below it: every stage that claims ids walks
// the whole guide this way, and most of a guide is running text.
func (g *Guide) EachID(fn func(id string)) {
	if g == nil {
		return
	}
	eachIDOfBlocks(g.Intro, fn)
	for _, s := range g.Sections {
		eachIDOfSection(s, fn)
	}
	for _, f := range g.Footnotes {
		if f != nil {
			yieldID(f.ID, fn)
			eachIDOfBlocks(f.Blocks, fn)
		}
	}
}

func yieldID(id string, fn func(id string)) {
	if id != "" {
		fn(id)
	}
}

func eachIDOfSection(s *Section, fn func(id string)) {
	if s == nil {
		return
	}
	yieldID(s.ID, fn)
	eachIDOfBlocks(s.Blocks, fn)
	for _, c := range s.Sections {
		eachIDOfSection(c, fn)
	}
}

func eachIDOfBlocks(bs []Block, fn func(id string)) {
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			eachIDOfInlines(b.Inlines, fn)
		case *List:
			for _, it := range b.Items {
				if it == nil {
					continue
				}
				if it.Key != nil {
					yieldID(it.Key.ID, fn)
				}
				eachIDOfBlocks(it.Blocks, fn)
			}
		case *Quote:
			eachIDOfBlocks(b.Blocks, fn)
		case *Div:
			eachIDOfBlocks(b.Blocks, fn)
		case *Table:
			yieldID(b.ID, fn)
			for _, c := range b.Header {
				eachIDOfInlines(c.Inlines, fn)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					eachIDOfInlines(c.Inlines, fn)
				}
			}
		case *DefinitionList:
			for _, d := range b.Items {
				if d == nil {
					continue
				}
				eachIDOfInlines(d.Term, fn)
				for _, def := range d.Definitions {
					eachIDOfBlocks(def, fn)
				}
			}
		case *Figure:
			yieldID(b.ID, fn)
		}
	}
}

func eachIDOfInlines(ins []Inline, fn func(id string)) {
	for _, in := range ins {
		switch in := in.(type) {
		case *Text:
		case *Strong:
			yieldID(in.ID, fn)
			eachIDOfInlines(in.Children, fn)
		case *Emph:
			eachIDOfInlines(in.Children, fn)
		case *Strike:
			eachIDOfInlines(in.Children, fn)
		case *Link:
			eachIDOfInlines(in.Children, fn)
		case *Ref:
			eachIDOfInlines(in.Children, fn)
		case *Span:
			eachIDOfInlines(in.Children, fn)
		}
	}
}

// IDs hands out ids that are unique within one guide. Every stage that
// adds ids (the reader for sections, key points and footnotes, enrichment
// for its tables and anchors, the palace for its pages, a writer for ids
// of its own) claims them from an IDs that already holds the guide's, so
// that no two elements share one. The zero value is not ready to use;
// make one with NewIDs or Guide.IDs.
type IDs struct {
	// taken holds every id handed out or taken; its values are empty,
	// so that each of the many ids of a long guide costs only its key.
	taken map[string]struct{}
	// next is, for a base that Claim numbered, the number to try first
	// next time: every lower one is taken, since an id is never given
	// back. Many equal titles then cost one step each.
	next map[string]int
}

// NewIDs returns an allocator that holds the ids given as taken.
func NewIDs(taken ...string) *IDs {
	return NewIDsFor(0, taken...)
}

// NewIDsFor is NewIDs for an allocator that will hold about n ids more,
// so that its set is made at that size once rather than grown id by id.
func NewIDsFor(n int, taken ...string) *IDs {
	s := &IDs{taken: make(map[string]struct{}, len(taken)+n), next: make(map[string]int)}
	for _, id := range taken {
		s.taken[id] = struct{}{}
	}
	return s
}

// IDs returns an allocator that holds every id of the guide that EachID
// lists as taken, and every id of its Book when it is a chapter seen
// alone.
func (g *Guide) IDs() *IDs {
	// The ids are counted first, so that the set is made at its size
	// once rather than grown id by id, and without a list of them.
	n := 0
	g.eachIDWithBook(func(string) { n++ })
	s := NewIDsFor(n)
	g.eachIDWithBook(func(id string) { s.taken[id] = struct{}{} })
	return s
}

// eachIDWithBook calls fn with every id EachID lists, then with those of
// the guide's Book.
func (g *Guide) eachIDWithBook(fn func(id string)) {
	g.EachID(fn)
	if g.Book != nil {
		g.Book.EachID(fn)
	}
}

// Claim returns base, or base with the lowest free number appended
// ("introduction-2", "introduction-3"…) when base is taken, and marks the
// result as taken.
func (s *IDs) Claim(base string) string {
	if s.Take(base) {
		return base
	}
	n := max(s.next[base], 2)
	for s.Taken(base + "-" + strconv.Itoa(n)) {
		n++
	}
	s.next[base] = n + 1
	id := base + "-" + strconv.Itoa(n)
	s.taken[id] = struct{}{}
	return id
}

// Take marks id as taken and reports whether it was free.
func (s *IDs) Take(id string) bool {
	if s.Taken(id) {
		return false
	}
	s.taken[id] = struct{}{}
	return true
}

// Taken reports whether id is taken.
func (s *IDs) Taken(id string) bool {
	_, ok := s.taken[id]
	return ok
}
