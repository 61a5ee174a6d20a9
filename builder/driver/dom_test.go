package driver

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is an element of a parsed XHTML page, enough to ask the questions a
// reader would: which tables, which rows, which links.
type node struct {
	name     string
	attr     map[string]string
	children []*node
	text     string // for text nodes only (name == "")
}

func parsePage(t *testing.T, page []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	root := &node{name: "#document"}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page is not well-formed: %v", err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.children = append(top.children, &node{text: string(tok)})
		}
	}
	return root
}

// all returns the elements below n, in document order, that match.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.children {
			if c.name != "" && match(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func named(name string) func(*node) bool { return func(n *node) bool { return n.name == name } }

func hasClass(class string) func(*node) bool {
	return func(n *node) bool {
		for _, c := range strings.Fields(n.attr["class"]) {
			if c == class {
				return true
			}
		}
		return false
	}
}

// textOf returns the text inside n with white space folded.
func (n *node) textOf() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		if m.name == "" {
			b.WriteString(m.text)
		}
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// bodyRows returns the rows of a table's body as cell texts.
func bodyRows(table *node) [][]string {
	var rows [][]string
	for _, tbody := range table.all(named("tbody")) {
		for _, tr := range tbody.all(named("tr")) {
			var cells []string
			for _, c := range tr.children {
				if c.name == "td" || c.name == "th" {
					cells = append(cells, c.textOf())
				}
			}
			rows = append(rows, cells)
		}
	}
	return rows
}

// headerCells returns a table's column headers.
func headerCells(table *node) []string {
	var cells []string
	for _, thead := range table.all(named("thead")) {
		for _, th := range thead.all(named("th")) {
			cells = append(cells, th.textOf())
		}
	}
	return cells
}
