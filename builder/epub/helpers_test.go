package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// built is a book written in memory and opened again.
type built struct {
	data  []byte
	zr    *zip.Reader
	names []string          // entries in container order
	files map[string][]byte // entry contents by name
}

// build writes g and opens the result.
func build(t *testing.T, g *guide.Guide) *built {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("open zip: %v", err)
	}
	b := &built{data: buf.Bytes(), zr: zr, files: make(map[string][]byte)}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.names = append(b.names, f.Name)
		b.files[f.Name] = data
	}
	return b
}

// pages returns the names of the XHTML pages in container order.
func (b *built) pages() []string {
	var out []string
	for _, n := range b.names {
		if strings.HasSuffix(n, ".xhtml") {
			out = append(out, n)
		}
	}
	return out
}

// page returns the page with the given file name inside the book folder.
func (b *built) page(t *testing.T, file string) []byte {
	t.Helper()
	data, ok := b.files[rootDir+file]
	if !ok {
		t.Fatalf("no %s in the book; have %v", file, b.names)
	}
	return data
}

// node is an element of a parsed XML document, enough to check links,
// ids and text.
type node struct {
	name     xml.Name
	attrs    map[string]string // by local name, or "prefix:local" for epub: and xml:
	children []*node
	text     string // character data directly inside, in order
}

// parseXML parses a document into a tree.
func parseXML(t *testing.T, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				key := a.Name.Local
				switch a.Name.Space {
				case nsOPS:
					key = "epub:" + key
				case "xml", "http://www.w3.org/XML/1998/namespace":
					key = "xml:" + key
				}
				n.attrs[key] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
	return root.children[0]
}

// walk calls fn for n and every element below it.
func (n *node) walk(fn func(*node)) {
	fn(n)
	for _, c := range n.children {
		c.walk(fn)
	}
}

// all returns every element below n (and n) with the local name.
func (n *node) all(local string) []*node {
	var out []*node
	n.walk(func(x *node) {
		if x.name.Local == local {
			out = append(out, x)
		}
	})
	return out
}

// allText returns the character data of n and everything below it, plus
// every alt attribute, separated by spaces.
func (n *node) allText() string {
	var b strings.Builder
	n.walk(func(x *node) {
		b.WriteString(x.text)
		b.WriteByte(' ')
		if alt, ok := x.attrs["alt"]; ok {
			b.WriteString(alt)
			b.WriteByte(' ')
		}
	})
	return b.String()
}

// wordRE matches a word: letters and digits, with inner apostrophes.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`)

// words returns the words of s.
func words(s string) []string {
	return wordRE.FindAllString(s, -1)
}

// epubcheck runs EPUBCheck on data and fails the test unless it reports
// no errors and no warnings. It skips when EPUBCheck is not installed.
func epubcheck(t *testing.T, name string, data []byte) {
	t.Helper()
	const jar = "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err != nil {
		t.Skip("epubcheck is not installed")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java is not installed")
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", jar, path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("0 fatals / 0 errors / 0 warnings")) {
		t.Fatalf("epubcheck %s: %v\n%s", name, err, out)
	}
}
