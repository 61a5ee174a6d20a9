package pdf

import (
	"fmt"
	"strings"
	"sync"

	"studyguide/builder/guide"
)

// linkRef names a link: from 1 to the number of internal links, the
// internal links in the order they were made; above that, URLs, in the
// order they were first met. Zero means "no link". A linkRef is only
// ever compared with another or looked up here: it is never written to
// the PDF, so the order in which layouts on several goroutines meet
// URLs changes nothing that is written.
type linkRef int32

// linkTable gives every link in the guide a small number, and every place
// a link can point to (a section, a key point, a footnote, a table) an
// internal link of the document made in a fixed order. It is safe for
// use from several goroutines.
type linkTable struct {
	doc  *document
	byID map[string]int // guide id -> internal link; not changed once made
	// first is the first internal link, and count how many there are:
	// first to first+count-1, numbered 1 to count.
	first, count int

	mu    sync.Mutex
	urls  []string // by linkRef - count - 1
	byURL map[string]linkRef
}

// newLinkTable makes an internal link for every id in the guide, in reading
// order: sections, key points, tables, figures, key terms (the Strong nodes
// that carry an id) and footnotes. Each one points at the first page until
// its target is placed.
func newLinkTable(doc *document, g *guide.Guide) *linkTable {
	lt := &linkTable{doc: doc, byURL: map[string]linkRef{}, byID: map[string]int{}}
	add := func(id string) {
		if _, dup := lt.byID[id]; dup {
			return
		}
		n := doc.AddLink()
		doc.SetLink(n, 0, 1)
		lt.byID[id] = n
		if lt.count == 0 {
			lt.first = n
		}
		lt.count++
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
	lt.mu.Lock()
	defer lt.mu.Unlock()
	if r, ok := lt.byURL[target]; ok {
		return r
	}
	lt.urls = append(lt.urls, asciiURL(target))
	r := linkRef(lt.count + len(lt.urls))
	lt.byURL[target] = r
	return r
}

// refInternal returns the number of a link to internal link n, or
// zero when n is zero or no internal link of the table.
func (lt *linkTable) refInternal(n int) linkRef {
	if n < lt.first || n >= lt.first+lt.count {
		return 0
	}
	return linkRef(n - lt.first + 1)
}

// place puts a clickable rectangle for link r on the current page of d
// and reports whether it did.
func (lt *linkTable) place(d *document, r linkRef, x, y, w, h float64) bool {
	if r <= 0 || w <= 0 || h <= 0 {
		return false
	}
	if int(r) <= lt.count {
		d.Link(x, y, w, h, lt.first+int(r)-1)
		return true
	}
	lt.mu.Lock()
	i := int(r) - lt.count - 1
	url := ""
	if i < len(lt.urls) {
		url = lt.urls[i]
	}
	lt.mu.Unlock()
	if url == "" {
		return false
	}
	d.LinkString(x, y, w, h, url)
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
