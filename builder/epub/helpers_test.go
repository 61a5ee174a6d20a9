package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
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
	data, err := write(g)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	b, err := openBook(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sample is the book of sampleGuide, written once for the package.
var sample struct {
	once sync.Once
	b    *built
	err  error
}

// sampleBook returns the book of sampleGuide, written once for all the
// tests of the package, which must only read it.
func sampleBook(t *testing.T) *built {
	t.Helper()
	b, err := sampleBookOnce()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sampleBookOnce is sampleBook without a test.
func sampleBookOnce() (*built, error) {
	sample.once.Do(func() {
		data, err := write(sampleGuide())
		if err != nil {
			sample.err = fmt.Errorf("Write: %v", err)
			return
		}
		sample.b, sample.err = openBook(data)
	})
	return sample.b, sample.err
}

// openBook opens a book held in memory and reads its entries.
func openBook(data []byte) (*built, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open zip: %v", err)
	}
	b := &built{data: data, zr: zr, files: make(map[string][]byte)}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		b.names = append(b.names, f.Name)
		b.files[f.Name] = data
	}
	return b, nil
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

// checkedBooks are the books this package's tests hold to EPUBCheck, all
// checked in one run: the first test that asks for a verdict writes them
// and runs EPUBCheck, the others read its verdicts.
var checkedBooks = map[string]func() ([]byte, error){
	"sample.epub": func() ([]byte, error) {
		b, err := sampleBookOnce()
		if err != nil {
			return nil, err
		}
		return b.data, nil
	},
	// No sections, no footnotes, no images, no authors, no dates: the
	// book still needs a table of contents and a valid package.
	// Formulas of every construction, as MathML.
	"maths.epub": func() ([]byte, error) { return write(mathsGuide()) },
	"bare.epub":  func() ([]byte, error) { return write(&guide.Guide{Meta: guide.Meta{Title: "Empty", Lang: "de"}}) },
	// The sample with its nav cut short, which EPUBCheck must refuse.
	"broken.epub": func() ([]byte, error) {
		b, err := sampleBookOnce()
		if err != nil {
			return nil, err
		}
		return rewriteEntry(b.data, rootDir+"nav.xhtml", func(nav []byte) []byte {
			return bytes.Replace(nav, []byte("</nav>"), nil, 1)
		})
	},
}

// checked holds EPUBCheck's verdicts on checkedBooks, by name.
var checked struct {
	once     sync.Once
	verdicts map[string]checkers.Verdict
	err      error
}

// epubcheck returns EPUBCheck's verdict on the book of checkedBooks with
// the name. It skips when EPUBCheck is not installed, as checkers.Require
// does.
func epubcheck(t *testing.T, name string) checkers.Verdict {
	t.Helper()
	checkers.Require(t, "epubcheck")
	checkAllBooks()
	if checked.err != nil {
		t.Fatal(checked.err)
	}
	v, ok := checked.verdicts[name]
	if !ok {
		t.Fatalf("%s is not among the books EPUBCheck checks", name)
	}
	return v
}

// checkAllBooks checks checkedBooks, once.
func checkAllBooks() {
	checked.once.Do(func() { checked.verdicts, checked.err = checkBooks() })
}

// TestMain runs the tests. When all of them run, it starts checking
// checkedBooks at once, beside the tests, so that the tests that need a
// verdict do not hold the slots of parallel tests while EPUBCheck runs.
func TestMain(m *testing.M) {
	var checking sync.WaitGroup
	if checkers.WholeRun() && checkers.Missing("epubcheck") == nil {
		checking.Go(checkAllBooks)
	}
	code := m.Run()
	checking.Wait()
	os.Exit(code)
}

// checkBooks writes checkedBooks into a temporary folder and checks them
// all in one run of EPUBCheck.
func checkBooks() (map[string]checkers.Verdict, error) {
	dir, err := os.MkdirTemp("", "epub-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	names := slices.Sorted(maps.Keys(checkedBooks))
	var paths []string
	for _, name := range names {
		data, err := checkedBooks[name]()
		if err != nil {
			return nil, fmt.Errorf("write %s: %v", name, err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	verdicts, err := checkers.RunEpubcheck(paths...)
	if err != nil {
		return nil, err
	}
	byName := map[string]checkers.Verdict{}
	for i, v := range verdicts {
		byName[names[i]] = v
	}
	return byName, nil
}

// write writes g as a book in memory.
func write(g *guide.Guide) ([]byte, error) {
	var buf bytes.Buffer
	err := Write(&buf, g, Options{})
	return buf.Bytes(), err
}

// rewriteEntry returns a copy of a book with one entry changed by edit.
func rewriteEntry(book []byte, name string, edit func([]byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == name {
			data, found = edit(data), true
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, fmt.Errorf("the book has no %s", name)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
