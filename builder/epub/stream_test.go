package epub

import (
	"bytes"
	"fmt"
	"maps"
	"strings"
	"testing"
)

// longPage is a page of some megabytes, of lines of text with characters
// beyond ASCII, as the self-test of a long guide is.
func longPage(paragraphs int) pageSpec {
	return pageSpec{file: "long.xhtml", title: "Long", content: func(p *pageWriter) {
		for i := range paragraphs {
			p.start("p")
			p.text(fmt.Sprintf("Question %d: when did the Rhône (Ρόδανος) meet the Saône, and why – “%d”? ", i, i*7919%1000))
			p.end("p")
			p.nl()
		}
	}}
}

func TestLongPageIsStreamedAsTheWholePageWouldBeDeflated(t *testing.T) {
	b := plan(manySections(1, 0))
	spec := longPage(40_000)
	whole, err := b.document(spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 3*pageChunk {
		t.Fatalf("the page is %d bytes; want one of several pieces", len(whole))
	}
	want := &entry{name: rootDir + spec.file, data: whole, page: true}
	if _, err := want.deflate(nil); err != nil {
		t.Fatal(err)
	}
	wantRunes := map[rune]bool{}
	addRunes(wantRunes, whole)

	d := newDeflater()
	e := &entry{name: rootDir + spec.file, page: true}
	used := map[rune]bool{}
	if err := b.writePage(spec, e, d, used); err != nil {
		t.Fatal(err)
	}
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	if e.data != nil {
		t.Errorf("the long page was held whole (%d bytes)", len(e.data))
	}
	if !bytes.Equal(e.deflated, want.deflated) || e.crc != want.crc || e.size != want.size {
		t.Errorf("streamed: %d bytes deflated, crc %08x, size %d; whole: %d bytes, crc %08x, size %d",
			len(e.deflated), e.crc, e.size, len(want.deflated), want.crc, want.size)
	}
	if !maps.Equal(used, wantRunes) {
		t.Errorf("characters noted: %d; in the page: %d", len(used), len(wantRunes))
	}
}

func TestLongPageIsWrittenInPieces(t *testing.T) {
	b := plan(manySections(1, 0))
	d := newDeflater()
	defer d.finish()
	out := &pageOut{d: d, e: &entry{name: rootDir + "long.xhtml", page: true}, used: map[rune]bool{}}
	last, err := b.write(longPage(40_000), nil, out)
	if err != nil {
		t.Fatal(err)
	}
	if out.stream == nil || len(last) > pageChunk {
		t.Fatalf("the page was not streamed: its last piece is %d bytes", len(last))
	}
	out.stream.close(last)
}

func TestIllFormedLongPageIsAnErrorNamingThePage(t *testing.T) {
	b := plan(manySections(1, 0))
	spec := longPage(40_000)
	write := spec.content
	spec.content = func(p *pageWriter) {
		write(p)
		p.raw("<p>Tom & Jerry</p>")
	}
	whole, err := b.document(spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := checkXML(whole)
	if want == nil || !strings.HasPrefix(want.Error(), "line 40010: ") {
		t.Fatalf("checkXML of the whole page = %v; want an error on its line 40010", want)
	}
	d := newDeflater()
	if err := b.writePage(spec, &entry{name: rootDir + spec.file, page: true}, d, map[rune]bool{}); err != nil {
		t.Fatal(err)
	}
	err = d.finish()
	if err == nil || err.Error() != "page long.xhtml is not well-formed XML: "+want.Error() {
		t.Fatalf("err = %v; want the page named, then %v", err, want)
	}
}

func TestPageThatCannotBeWrittenStopsItsStream(t *testing.T) {
	b := plan(manySections(1, 0))
	spec := longPage(40_000)
	write := spec.content
	spec.content = func(p *pageWriter) {
		write(p)
		p.unknown(nil)
	}
	d := newDeflater()
	err := b.writePage(spec, &entry{name: rootDir + spec.file, page: true}, d, map[rune]bool{})
	if err == nil {
		t.Fatal("a page with a node the writer cannot write was written")
	}
	d.finish() // returns, since the stream was stopped
}
