package driver

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
	"studyguide/layouts"
)

// FuzzBuild runs the whole pipeline on arbitrary notes, in memory: read,
// the study aids, and both writers. It must never panic; a note the
// reader refuses must say why in an error diagnostic; and a note it
// accepts must give an EPUB whose every XML entry is well-formed and free
// of live content, and a PDF that starts with %PDF- and ends with %%EOF.
//
// The seeds are the reader's test notes, the hostile notes and the sample
// notes. Run it with
//
//	go test -run '^$' -fuzz FuzzBuild -fuzztime 5m ./builder/driver/
func FuzzBuild(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../markdown/testdata/*.md", "testdata/hostile/*", "../../source/*.md"} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, matches...)
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	pic, err := os.ReadFile("testdata/hostile/pic.png")
	if err != nil {
		f.Fatal(err)
	}
	dir := fstest.MapFS{
		"pic.png":     {Data: pic},
		"diagram.png": {Data: pic},
		"fake.png":    {Data: []byte("not a picture")},
		"bomb.png":    {Data: pngHeaderOnly(20_000, 20_000)},
		"cut.png":     {Data: pic[:len(pic)/2]},
		"chunky.png":  {Data: rgbPNG(true, nil)},
		"trns.png":    {Data: rgbPNG(false, []byte{0})},
	}
	layout, err := layouts.Load(layouts.Default)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, note []byte) {
		var list diag.List
		g, err := markdown.Read(diag.NewFile("fuzz.md", note, &list), markdown.Options{Dir: dir, Switches: aids.Keys()})
		if err != nil {
			if !errors.Is(err, markdown.ErrNothingToRead) || !list.HasErrors() {
				t.Fatalf("the reader failed without an error diagnostic: %v\n%v", err, list)
			}
			return
		}
		if list.HasErrors() {
			return // the driver stops here too
		}
		g.Meta.Modified = guide.FixedDate()
		aids.Run(g, nil)

		var book bytes.Buffer
		if err := writeOutput("epub", layout, &book, g); err != nil {
			t.Fatalf("write epub: %v", err)
		}
		checkBookInMemory(t, book.Bytes())

		var doc bytes.Buffer
		if err := writeOutput("pdf", layout, &doc, g); err != nil {
			t.Fatalf("write pdf: %v", err)
		}
		if !bytes.HasPrefix(doc.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(doc.Bytes(), "\r\n"), []byte("%%EOF")) {
			t.Fatalf("the PDF does not start with %%PDF- and end with %%%%EOF (%d bytes)", doc.Len())
		}
	})
}

// checkBookInMemory opens an EPUB held in memory and checks every XML
// entry with unsafeXML.
func checkBookInMemory(t *testing.T, book []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatalf("the EPUB is not a ZIP archive: %v", err)
	}
	for _, f := range zr.File {
		ext := strings.ToLower(filepath.Ext(f.Name))
		if ext != ".xhtml" && ext != ".opf" && ext != ".ncx" && ext != ".svg" && ext != ".xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, problem := range unsafeXML(data) {
			t.Errorf("%s: %s", f.Name, problem)
		}
	}
}
