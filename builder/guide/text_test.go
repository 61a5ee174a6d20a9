package guide

import "testing"

func TestBlocksText(t *testing.T) {
	text := func(s string) *Text { return &Text{Text: s} }
	blocks := []Block{
		&Paragraph{Inlines: []Inline{text("A "), &Strong{Children: []Inline{text("key")}}, text(" term"), &Break{}, &Code{Text: "x := 1"}, &Blank{Width: 8}}},
		&List{Items: []*ListItem{
			{Blocks: []Block{&Paragraph{Inlines: []Inline{text("first")}}}},
			{Blocks: []Block{&Paragraph{Inlines: []Inline{&Emph{Children: []Inline{text("second")}}}}, &CodeBlock{Text: "code"}}},
		}},
		&Table{Caption: "Caption", Header: []Cell{{Inlines: []Inline{text("h1")}}, {Inlines: []Inline{text("h"), text("2")}}}, Rows: [][]Cell{{{Inlines: []Inline{text("a")}}, {}}}},
		&DefinitionList{Items: []*Definition{{Term: []Inline{text("term"), &Image{Alt: " (image)"}}, Definitions: [][]Block{{&Paragraph{Inlines: []Inline{text("meaning")}}}}}}},
		&Figure{Alt: "A drawing"},
		&Rule{},
	}
	want := "A key term x := 1_____\nfirst\nsecond\ncode\nCaption\nh1 | h2\na | \nterm (image)\nmeaning\nA drawing\n"
	got := BlocksText(blocks)
	if got != want {
		t.Errorf("BlocksText:\n got %q\nwant %q", got, want)
	}
	var size byteCount
	writeBlocksText(&size, blocks)
	if int(size) != len(want) {
		t.Errorf("measured %d bytes, want %d", size, len(want))
	}
}
