package pdf

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"studyguide/builder/guide"
)

// TestOddGuidesStillMakeValidPDFs writes guides at the edges of the model:
// empty, untitled, with characters beyond U+FFFF in titles and
// metadata, with empty blocks and links to nowhere.
func TestOddGuidesStillMakeValidPDFs(t *testing.T) {
	odd := map[string]*guide.Guide{
		"empty":      {},
		"intro only": {Meta: guide.Meta{Title: "Intro"}, Intro: []guide.Block{para(txt("Just an introduction."))}},
		"awkward text": {
			Meta: guide.Meta{Title: "Rain 🌧 and \xff bytes", Authors: []string{"A (B) \\ C"}, Lang: "en\"); evil", Description: "tab\there"},
			Sections: []*guide.Section{{ID: "s", Title: "Storms 🌩 (and) \\ more", Level: 1, HeadingLevel: 1, Blocks: []guide.Block{
				para(),
				&guide.List{},
				&guide.List{Items: []*guide.ListItem{{}}},
				&guide.Quote{},
				&guide.CodeBlock{},
				&guide.Table{},
				&guide.Table{Header: []guide.Cell{cell()}, Rows: [][]guide.Cell{{}, {cell(txt("x")), cell(txt("extra cell"))}}},
				&guide.DefinitionList{Items: []*guide.Definition{{}}},
				para(link("#nowhere", txt("a link to nowhere")), txt(" "), link("", txt("empty")), &guide.FootnoteRef{Index: 5}),
				para(txt("(parentheses) and \\backslashes\\ and \r returns")),
			}}},
		},
	}
	for name, g := range odd {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, g, Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			if _, err := toolOn(t, "qpdf", b.Bytes(), "--check"); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestEachWarningOnce(t *testing.T) {
	g := longGuide(30)
	g.Meta.Title = "Reader 🌧"
	var warns []string
	if err := Write(io.Discard, g, Options{Warn: func(_ guide.Pos, m string) { warns = append(warns, m) }}); err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 {
		t.Errorf("got %d warnings, want 1: %q", len(warns), warns)
	}
}

// TestConcurrentWrites runs writers side by side, as the driver does with
// the EPUB and PDF writers; run it with -race.
func TestConcurrentWrites(t *testing.T) {
	g := sampleGuide()
	var wg sync.WaitGroup
	outs := make([][]byte, 3)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := Write(&b, g, Options{}); err != nil {
				t.Error(err)
			}
			outs[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i := range outs {
		if !bytes.Equal(outs[i], outs[0]) {
			t.Errorf("write %d differs from the first", i)
		}
	}
}
