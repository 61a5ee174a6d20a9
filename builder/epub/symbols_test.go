package epub

import (
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
	"studyguide/fonts"
)

// needsSymbolsWhole is needsSymbols over the guide's whole text as one
// string, which needsSymbols must agree with.
func needsSymbolsWhole(b *book) bool {
	serif, _ := fonts.Lookup("serif", "")
	symbols, _ := fonts.Lookup("symbols", "")
	for _, r := range b.g.Text() + strings.Join(b.g.Meta.Authors, " ") + b.sceneText() {
		if r > 0x7f && !serif.Covers(r) && symbols.Covers(r) {
			return true
		}
	}
	return false
}

func TestNeedsSymbolsLooksAtAllTheText(t *testing.T) {
	serif, _ := fonts.Lookup("serif", "")
	symbols, ok := fonts.Lookup("symbols", "")
	if !ok {
		t.Skip("no symbols face")
	}
	symbol := ""
	for r := rune(0x2190); r < 0x2800; r++ {
		if !serif.Covers(r) && symbols.Covers(r) {
			symbol = string(r)
			break
		}
	}
	if symbol == "" {
		t.Fatal("found no character that only the symbols face has")
	}
	// Each variant puts the symbol in one place of the text.
	variants := map[string]func(g *guide.Guide){
		"none":     func(g *guide.Guide) {},
		"title":    func(g *guide.Guide) { g.Meta.Title += symbol },
		"subtitle": func(g *guide.Guide) { g.Meta.Subtitle = symbol },
		"author":   func(g *guide.Guide) { g.Meta.Authors = append(g.Meta.Authors, "A "+symbol) },
		"intro":    func(g *guide.Guide) { g.Intro = append(g.Intro, para(txt(symbol))) },
		"section":  func(g *guide.Guide) { g.Sections[len(g.Sections)-1].Title += symbol },
		"cell": func(g *guide.Guide) {
			g.Sections[len(g.Sections)-1].Blocks = append(g.Sections[len(g.Sections)-1].Blocks,
				&guide.Table{Header: cells("Term"), Rows: [][]guide.Cell{{cell(txt("x " + symbol))}}})
		},
		"code": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.CodeBlock{Text: symbol})
		},
		"figure": func(g *guide.Guide) { g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.Figure{Alt: symbol}) },
		"footnote": func(g *guide.Guide) {
			g.Footnotes = append(g.Footnotes, &guide.Footnote{Blocks: []guide.Block{para(txt(symbol))}})
		},
		"link url": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, para(&guide.Link{URL: "https://example.org/" + symbol, Children: []guide.Inline{txt("site")}}))
		},
		"split": func(g *guide.Guide) { g.Meta.Authors = append(g.Meta.Authors, symbol[:1]) },
		"strong in a list": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.List{Items: []*guide.ListItem{
				item(para(txt("é "), strong(txt("a"), emph(txt(symbol))))),
			}})
		},
		"split across inlines": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, para(txt("a"+symbol[:1]), strong(txt(symbol[1:]))))
		},
		"quote": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.Quote{Blocks: []guide.Block{para(txt(symbol))}})
		},
		"definition": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, &guide.DefinitionList{Items: []*guide.Definition{
				{Term: []guide.Inline{txt("term")}, Definitions: [][]guide.Block{{para(txt(symbol))}}},
			}})
		},
		"image alt": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, para(&guide.Image{Src: "x.png", Alt: symbol}))
		},
		"ref": func(g *guide.Guide) {
			g.Sections[0].Blocks = append(g.Sections[0].Blocks, para(&guide.Ref{Target: "x", Children: []guide.Inline{txt(symbol)}}))
		},
	}
	for name, change := range variants {
		g := testnotes.EnrichedReader(t, 3) // with drawings, tables and a glossary
		change(g)
		b := plan(g)
		if b.textUnsure && !strings.HasPrefix(name, "split") {
			t.Errorf("%s: the text was left to needsSymbols to look at again", name)
		}
		want := needsSymbolsWhole(b)
		if got := b.needsSymbols(); got != want {
			t.Errorf("%s: needsSymbols = %v; want %v", name, got, want)
		}
		if inText := name != "none" && name != "link url" && name != "split"; want != inText {
			t.Errorf("%s: the whole text needs symbols: %v; want %v", name, want, inText)
		}
	}
}

func TestIsASCII(t *testing.T) {
	for _, s := range []string{"", "a", "plain text of seventeen", "é", "1234567é", "12345678é", "é12345678", "abcdefgh\x80", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"} {
		want := true
		for i := 0; i < len(s); i++ {
			want = want && s[i] < 0x80
		}
		if got := isASCII(s); got != want {
			t.Errorf("isASCII(%q) = %v; want %v", s, got, want)
		}
	}
}
