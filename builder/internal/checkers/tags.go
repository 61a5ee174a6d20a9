package checkers

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Tagging is what TaggedPDF finds in a tagged PDF.
type Tagging struct {
	// Problems are the ways the PDF falls short of a tagged PDF: content
	// painted outside marked content, an MCID the structure tree does not
	// reference or a reference to one no page has, a parent tree that
	// disagrees with the tree, a link annotation outside the tree, and
	// entries of the catalog, the pages or the metadata that PDF/UA-1
	// asks for and that are missing.
	Problems []string
	// Figures holds the /Alt of every Figure element, in tree order.
	Figures []string
	// MCIDs counts the marked-content sequences of the pages that belong
	// to the tree.
	MCIDs int
	// Langs counts the elements of the tree by the /Lang they carry.
	Langs map[string]int
}

// maxProblems is the most problems TaggedPDF lists; it counts the rest.
const maxProblems = 30

// TaggedPDF reads a PDF with qpdf (once per file and test binary, the
// streams decompressed) and checks its tagging: it walks the content of
// every page and fails what is painted (text, paths, images, shadings)
// outside marked content, and matches the MCIDs of the pages against the
// structure tree both ways.
func TaggedPDF(t testing.TB, path string) Tagging {
	t.Helper()
	Require(t, "qpdf")
	out := cached(t, path, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=inline", path)
	var doc struct {
		Pages []struct {
			Object   string   `json:"object"`
			Contents []string `json:"contents"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	if len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json %s has no objects", path)
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
			Data []byte         `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	c := &tagCheck{}
	dict := func(v any) map[string]any {
		if ref, ok := v.(string); ok && strings.HasSuffix(ref, " R") {
			o := objs["obj:"+ref]
			if o.Stream != nil {
				return o.Stream.Dict
			}
			v = o.Value
		}
		d, _ := v.(map[string]any)
		return d
	}
	trailer := dict(objs["trailer"].Value)
	catalog := dict(trailer["/Root"])
	if catalog == nil {
		t.Fatalf("%s has no catalog", path)
	}

	if mi := dict(catalog["/MarkInfo"]); mi == nil || mi["/Marked"] != true {
		c.fail("the catalog has no /MarkInfo <</Marked true>>")
	}
	if lang, _ := catalog["/Lang"].(string); lang == "" {
		c.fail("the catalog has no /Lang")
	}
	if vp := dict(catalog["/ViewerPreferences"]); vp == nil || vp["/DisplayDocTitle"] != true {
		c.fail("the catalog has no /ViewerPreferences <</DisplayDocTitle true>>")
	}
	if ref, _ := catalog["/Metadata"].(string); ref == "" || objs["obj:"+ref].Stream == nil {
		c.fail("the catalog has no metadata stream")
	} else if xmp := string(objs["obj:"+ref].Stream.Data); !strings.Contains(xmp, "<pdfuaid:part>1</pdfuaid:part>") || !strings.Contains(xmp, "<dc:title>") {
		c.fail("the metadata names no title or not PDF/UA-1")
	}
	root := dict(catalog["/StructTreeRoot"])
	if root == nil {
		c.fail("the catalog has no /StructTreeRoot")
		return c.result()
	}

	// The tree: which element holds each MCID of each page, and each
	// annotation.
	type mcr struct {
		page string
		mcid int
	}
	owner := map[mcr]string{}
	annotOwner := map[string]string{}
	var walk func(ref string, e map[string]any, depth int)
	var kid func(ref string, e map[string]any, k any, depth int)
	kid = func(ref string, e map[string]any, k any, depth int) {
		pg, _ := e["/Pg"].(string)
		switch k := k.(type) {
		case float64:
			if pg == "" {
				c.fail(fmt.Sprintf("element %s has MCID %v and no /Pg", ref, k))
				return
			}
			m := mcr{pg, int(k)}
			if _, dup := owner[m]; dup {
				c.fail(fmt.Sprintf("MCID %d of page %s is in the tree twice", m.mcid, pg))
			}
			owner[m] = ref
		case []any:
			for _, x := range k {
				kid(ref, e, x, depth)
			}
		case string:
			d := dict(k)
			if d == nil {
				c.fail(fmt.Sprintf("element %s has a kid %s that is not there", ref, k))
				return
			}
			walk(k, d, depth+1)
		case map[string]any:
			switch k["/Type"] {
			case "/MCR":
				if p, ok := k["/Pg"].(string); ok {
					pg = p
				}
				n, _ := k["/MCID"].(float64)
				m := mcr{pg, int(n)}
				if _, dup := owner[m]; dup {
					c.fail(fmt.Sprintf("MCID %d of page %s is in the tree twice", m.mcid, pg))
				}
				owner[m] = ref
			case "/OBJR":
				obj, _ := k["/Obj"].(string)
				annotOwner[obj] = ref
			default:
				c.fail(fmt.Sprintf("element %s has a kid that is neither an element, an MCR nor an OBJR", ref))
			}
		}
	}
	walk = func(ref string, e map[string]any, depth int) {
		if depth > 200 {
			c.fail("the structure tree is more than 200 deep: a cycle?")
			return
		}
		s, _ := e["/S"].(string)
		if lang, ok := e["/Lang"].(string); ok {
			if c.langs == nil {
				c.langs = map[string]int{}
			}
			c.langs[strings.TrimPrefix(lang, "u:")]++
		}
		if s == "/Figure" {
			alt, _ := e["/Alt"].(string)
			alt = strings.TrimPrefix(alt, "u:")
			if alt == "" {
				c.fail(fmt.Sprintf("Figure %s has no /Alt", ref))
			}
			c.figures = append(c.figures, alt)
		}
		if s == "/TH" {
			if a := dict(e["/A"]); a == nil || a["/Scope"] == nil {
				c.fail(fmt.Sprintf("TH %s has no /Scope", ref))
			}
		}
		kid(ref, e, e["/K"], depth)
	}
	kid("StructTreeRoot", map[string]any{}, root["/K"], 0)

	// The parent tree, flattened.
	parents := map[int]any{}
	var nums func(n map[string]any)
	nums = func(n map[string]any) {
		if arr, ok := n["/Nums"].([]any); ok {
			for i := 0; i+1 < len(arr); i += 2 {
				if k, ok := arr[i].(float64); ok {
					parents[int(k)] = arr[i+1]
				}
			}
		}
		if ks, ok := n["/Kids"].([]any); ok {
			for _, k := range ks {
				if d := dict(k); d != nil {
					nums(d)
				}
			}
		}
	}
	if pt := dict(root["/ParentTree"]); pt != nil {
		nums(pt)
	} else {
		c.fail("the structure tree has no /ParentTree")
	}

	// The pages.
	used := map[mcr]bool{}
	for i, p := range doc.Pages {
		n := i + 1
		page := dict(p.Object)
		if page["/Tabs"] != "/S" {
			c.fail(fmt.Sprintf("page %d has no /Tabs /S", n))
		}
		var content []byte
		for _, ref := range p.Contents {
			if s := objs["obj:"+ref].Stream; s != nil {
				content = append(append(content, s.Data...), '\n')
			}
		}
		mcids, problems := walkContent(content)
		for _, pr := range problems {
			c.fail(fmt.Sprintf("page %d: %s", n, pr))
		}
		sp, hasSP := page["/StructParents"].(float64)
		var arr []any
		if hasSP {
			v := parents[int(sp)]
			if ref, ok := v.(string); ok {
				v = objs["obj:"+ref].Value
			}
			arr, _ = v.([]any)
		} else if len(mcids) > 0 {
			c.fail(fmt.Sprintf("page %d has MCIDs and no /StructParents", n))
		}
		for _, id := range mcids {
			m := mcr{p.Object, id}
			used[m] = true
			c.mcids++
			el, ok := owner[m]
			if !ok {
				c.fail(fmt.Sprintf("page %d: MCID %d is not in the structure tree", n, id))
				continue
			}
			if hasSP && (id >= len(arr) || arr[id] != el) {
				c.fail(fmt.Sprintf("page %d: the parent tree does not give MCID %d its element %s", n, id, el))
			}
		}
		annots, _ := page["/Annots"].([]any)
		for _, a := range annots {
			ref, _ := a.(string)
			d := dict(a)
			if d == nil || d["/Subtype"] != "/Link" {
				continue
			}
			el, ok := annotOwner[ref]
			if !ok {
				c.fail(fmt.Sprintf("page %d: link %v is not in the structure tree", n, a))
				continue
			}
			if sp, ok := d["/StructParent"].(float64); !ok || parents[int(sp)] != el {
				c.fail(fmt.Sprintf("page %d: link %s has no /StructParent that gives its element %s", n, ref, el))
			}
			if s, _ := d["/Contents"].(string); strings.TrimPrefix(s, "u:") == "" {
				c.fail(fmt.Sprintf("page %d: link %s has no /Contents", n, ref))
			}
		}
	}
	var orphans []mcr
	for m := range owner {
		if !used[m] {
			orphans = append(orphans, m)
		}
	}
	slices.SortFunc(orphans, func(a, b mcr) int {
		if a.page != b.page {
			return strings.Compare(a.page, b.page)
		}
		return a.mcid - b.mcid
	})
	for _, m := range orphans {
		c.fail(fmt.Sprintf("the tree references MCID %d of page %s, which the page does not have", m.mcid, m.page))
	}
	return c.result()
}

// tagCheck collects what TaggedPDF finds.
type tagCheck struct {
	problems []string
	more     int
	figures  []string
	mcids    int
	langs    map[string]int
}

func (c *tagCheck) fail(msg string) {
	if len(c.problems) < maxProblems {
		c.problems = append(c.problems, msg)
	} else {
		c.more++
	}
}

func (c *tagCheck) result() Tagging {
	ps := c.problems
	if c.more > 0 {
		ps = append(ps, fmt.Sprintf("and %d more", c.more))
	}
	return Tagging{Problems: ps, Figures: c.figures, MCIDs: c.mcids, Langs: c.langs}
}

// painting holds the operators that paint: text, paths, images and
// shadings (EI ends an inline image).
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true,
	"S": true, "s": true, "f": true, "F": true, "f*": true,
	"B": true, "B*": true, "b": true, "b*": true,
	"sh": true, "Do": true, "EI": true,
}

// walkContent reads a page's content and returns the MCIDs of its marked
// content in order, and what is wrong with its marking: an operator that
// paints outside marked content, marked content with an MCID inside an
// artifact or another such sequence, an MCID used twice, sequences that
// do not nest with text objects, and sequences left open or closed that
// were never opened.
func walkContent(b []byte) (mcids []int, problems []string) {
	type seq struct {
		artifact bool
		mcid     int // -1 for none
		inText   bool
	}
	var (
		stack    []seq
		operands []string
		inText   bool
		seen     = map[int]bool{}
		outside  = map[string]int{}
	)
	fail := func(msg string) {
		if len(problems) < maxProblems {
			problems = append(problems, msg)
		}
	}
	for pos := 0; pos < len(b); {
		tok, next := contentToken(b, pos)
		pos = next
		if tok == "" {
			continue
		}
		switch c := tok[0]; {
		case c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '>' ||
			c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9':
			operands = append(operands, tok)
			continue
		}
		op := tok
		switch op {
		case "BT":
			inText = true
		case "ET":
			inText = false
		case "BMC", "BDC":
			s := seq{mcid: -1, inText: inText}
			tag := ""
			if len(operands) > 0 {
				i := 0
				if op == "BDC" {
					i = indexTag(operands)
				}
				if i >= 0 && i < len(operands) {
					tag = operands[i]
				}
			}
			s.artifact = tag == "/Artifact"
			if op == "BDC" {
				s.mcid = mcidOf(operands)
			}
			if s.mcid >= 0 {
				for _, o := range stack {
					if o.artifact {
						fail(fmt.Sprintf("MCID %d inside an artifact", s.mcid))
					} else if o.mcid >= 0 {
						fail(fmt.Sprintf("MCID %d inside MCID %d", s.mcid, o.mcid))
					}
				}
				if seen[s.mcid] {
					fail(fmt.Sprintf("MCID %d is used twice", s.mcid))
				}
				seen[s.mcid] = true
				mcids = append(mcids, s.mcid)
			}
			stack = append(stack, s)
		case "EMC":
			if len(stack) == 0 {
				fail("EMC with no marked content open")
				break
			}
			if top := stack[len(stack)-1]; top.inText != inText {
				fail("marked content that starts and ends on different sides of BT or ET")
			}
			stack = stack[:len(stack)-1]
		case "ID":
			// Inline image data runs to EI after white space.
			end := strings.Index(string(b[pos:]), "EI")
			for end >= 0 && pos+end > 0 && !isContentSpace(b[pos+end-1]) {
				e := strings.Index(string(b[pos+end+2:]), "EI")
				if e < 0 {
					end = -1
					break
				}
				end += 2 + e
			}
			if end < 0 {
				fail("an inline image with no end")
				pos = len(b)
			} else {
				pos += end
			}
		default:
			if painting[op] && len(stack) == 0 {
				outside[op]++
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		fail(fmt.Sprintf("%d marked-content sequences left open", len(stack)))
	}
	ops := make([]string, 0, len(outside))
	for op := range outside {
		ops = append(ops, op)
	}
	slices.Sort(ops)
	for _, op := range ops {
		fail(fmt.Sprintf("%d %s outside marked content", outside[op], op))
	}
	return mcids, problems
}

// indexTag returns the index of the tag operand of a BDC: the name before
// its properties.
func indexTag(operands []string) int {
	for i, o := range operands {
		if strings.HasPrefix(o, "/") {
			return i
		}
	}
	return -1
}

// mcidOf returns the MCID among the operands of a BDC, whose properties
// are a dictionary given as tokens, or -1.
func mcidOf(operands []string) int {
	for i, o := range operands {
		if o == "/MCID" && i+1 < len(operands) {
			if n, err := strconv.Atoi(operands[i+1]); err == nil {
				return n
			}
		}
	}
	return -1
}

// isContentSpace reports whether c is white space in PDF syntax.
func isContentSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

// isContentDelim reports whether c ends a regular token in PDF syntax.
func isContentDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return isContentSpace(c)
}

// contentToken returns the token at pos in content, and where the next
// starts: "" for white space and comments, a string or hex string whole,
// "<<", ">>", "[", "]", a name with its slash, or a number or operator.
func contentToken(b []byte, pos int) (string, int) {
	c := b[pos]
	switch {
	case isContentSpace(c):
		return "", pos + 1
	case c == '%':
		for pos < len(b) && b[pos] != '\n' && b[pos] != '\r' {
			pos++
		}
		return "", pos
	case c == '(':
		start, depth := pos, 0
	str:
		for pos < len(b) {
			switch b[pos] {
			case '\\':
				pos++
			case '(':
				depth++
			case ')':
				depth--
			}
			pos++
			if depth == 0 {
				break str
			}
		}
		return string(b[start:min(pos, len(b))]), pos
	case c == '<' && pos+1 < len(b) && b[pos+1] == '<':
		return "<<", pos + 2
	case c == '>' && pos+1 < len(b) && b[pos+1] == '>':
		return ">>", pos + 2
	case c == '<':
		start := pos
		for pos < len(b) && b[pos] != '>' {
			pos++
		}
		return string(b[start:min(pos+1, len(b))]), pos + 1
	case c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>':
		return string(c), pos + 1
	}
	start := pos
	pos++
	for pos < len(b) && !isContentDelim(b[pos]) {
		pos++
	}
	return string(b[start:pos]), pos
}

// StructElem is an element of a PDF's structure tree as pdfinfo
// -struct-text shows it.
type StructElem struct {
	Type  string   // "H1", "Table", "TH", …; "" for the root
	Attrs []string // its attributes, such as "/Scope /Column"
	Text  string   // the text of its own marked content
	Kids  []*StructElem
}

// PDFStructure reads the structure tree of a tagged PDF back with pdfinfo,
// once per file and test binary, and returns its root, whose kids are the
// tree's top elements. With text, pdfinfo -struct-text gives each
// element's text too; Poppler finds it by reading the page once for each
// marked-content sequence, which takes seconds for a PDF of a few dozen
// pages, so a long PDF is better read without.
func PDFStructure(t testing.TB, path string, text bool) *StructElem {
	t.Helper()
	opt := "-struct"
	if text {
		opt = "-struct-text"
	}
	return parseStructText(string(cached(t, path, "pdfinfo", opt, path)))
}

// parseStructText reads the indented outline pdfinfo -struct-text prints:
// an element's type (with ":" when attribute lines follow, and "(block)"
// or "(inline)"), its attributes, its text in quotes, its kids indented
// two spaces more, and "Object n g" for an annotation.
func parseStructText(out string) *StructElem {
	root := &StructElem{}
	type open struct {
		indent int
		e      *StructElem
	}
	stack := []open{{-1, root}}
	for _, line := range strings.Split(out, "\n") {
		content := strings.TrimLeft(line, " ")
		if content == "" {
			continue
		}
		indent := len(line) - len(content)
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1].e
		switch {
		case strings.HasPrefix(content, "\""):
			// pdfinfo quotes the text as it is, quotes inside it too.
			s := content[1:]
			if strings.HasSuffix(s, "\"") {
				s = s[:len(s)-1]
			}
			top.Text += s
		case strings.HasPrefix(content, "/"):
			top.Attrs = append(top.Attrs, content)
		case strings.HasPrefix(content, "Object "):
		default:
			typ, _, _ := strings.Cut(content, " ")
			e := &StructElem{Type: strings.TrimSuffix(typ, ":")}
			top.Kids = append(top.Kids, e)
			stack = append(stack, open{indent, e})
		}
	}
	return root
}

// All returns the elements of type typ under e, in reading order.
func (e *StructElem) All(typ string) []*StructElem {
	var out []*StructElem
	var walk func(*StructElem)
	walk = func(x *StructElem) {
		for _, k := range x.Kids {
			if k.Type == typ {
				out = append(out, k)
			}
			walk(k)
		}
	}
	walk(e)
	return out
}

// AllText returns the text of e and of everything under it, in reading
// order.
func (e *StructElem) AllText() string {
	var b strings.Builder
	var walk func(*StructElem)
	walk = func(x *StructElem) {
		b.WriteString(x.Text)
		for _, k := range x.Kids {
			walk(k)
		}
	}
	walk(e)
	return b.String()
}
