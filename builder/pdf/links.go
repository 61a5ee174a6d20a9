package pdf

import (
	"fmt"
	"strings"

	"studyguide/builder/guide"
)

// linkRef indexes linkTable.targets; zero means "no link".
type linkRef int32

// linkTarget is where a link goes: an internal link (a place in this
// document) or a URL.
type linkTarget struct {
	internal int
	url      string
}

// linkTable gives every link in the guide a small number, and every place
// a link can point to (a section, a key point, a footnote, a table) an
// internal link of the document made in a fixed order.
type linkTable struct {
	doc     *document
	targets []linkTarget
	byURL   map[string]linkRef
	byLink  map[int]linkRef
	byID    map[string]int // guide id -> internal link
}

// newLinkTable makes an internal link for every id in the guide, in reading
// order: sections, key points, tables, figures, key terms (the Strong nodes
// that carry an id) and footnotes. Each one points at the first page until
// its target is placed.
func newLinkTable(doc *document, g *guide.Guide) *linkTable {
	lt := &linkTable{doc: doc, targets: []linkTarget{{}}, byURL: map[string]linkRef{}, byLink: map[int]linkRef{}, byID: map[string]int{}}
	add := func(id string) {
		if _, dup := lt.byID[id]; dup {
			return
		}
		n := doc.AddLink()
		doc.SetLink(n, 0, 1)
		lt.byID[id] = n
	}
	g.EachID(add)
	return lt
}

// internal returns the internal link of a guide id, or zero.
func (lt *linkTable) internal(id string) int {
	return lt.byID[id]
}

// ref returns the number of a link written in the guide: "#id" for a
// place in the guide, anything else for a URL. It returns zero for a link
// to an id the guide does not have or a URL that is empty.
func (lt *linkTable) ref(target string) linkRef {
	if id, ok := strings.CutPrefix(target, "#"); ok {
		return lt.refInternal(lt.byID[id])
	}
	if target == "" {
		return 0
	}
	if r, ok := lt.byURL[target]; ok {
		return r
	}
	r := lt.add(linkTarget{url: asciiURL(target)})
	lt.byURL[target] = r
	return r
}

// refInternal returns the number of a link to internal link n, or
// zero when n is zero.
func (lt *linkTable) refInternal(n int) linkRef {
	if n == 0 {
		return 0
	}
	if r, ok := lt.byLink[n]; ok {
		return r
	}
	r := lt.add(linkTarget{internal: n})
	lt.byLink[n] = r
	return r
}

// add numbers a new target.
func (lt *linkTable) add(t linkTarget) linkRef {
	lt.targets = append(lt.targets, t)
	return linkRef(len(lt.targets) - 1)
}

// place puts a clickable rectangle for link r on the current page and
// reports whether it did.
func (lt *linkTable) place(r linkRef, x, y, w, h float64) bool {
	if r <= 0 || int(r) >= len(lt.targets) || w <= 0 || h <= 0 {
		return false
	}
	t := lt.targets[r]
	switch {
	case t.internal != 0:
		lt.doc.Link(x, y, w, h, t.internal)
	case t.url != "":
		lt.doc.LinkString(x, y, w, h, t.url)
	default:
		return false
	}
	return true
}

// asciiURL escapes the characters of a URL that a URI action's string
// should not carry: everything outside printable ASCII.
func asciiURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
