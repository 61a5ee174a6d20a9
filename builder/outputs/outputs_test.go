package outputs

import (
	"bytes"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

func TestRegistry(t *testing.T) {
	names, suffixes := map[string]bool{}, map[string]bool{}
	for _, o := range All() {
		if o.Name == "" || o.Suffix == "" || o.Usage == "" || o.Write == nil {
			t.Errorf("output %q lacks a part", o.Name)
		}
		if names[o.Name] || suffixes[o.Suffix] {
			t.Errorf("output %q: its name or suffix %q is taken", o.Name, o.Suffix)
		}
		names[o.Name], suffixes[o.Suffix] = true, true
		if o.Name != strings.ToLower(strings.TrimSpace(o.Name)) || strings.Contains(o.Name, ",") {
			t.Errorf("output %q: a name is lower case, without spaces or commas", o.Name)
		}
		if o.From != "" {
			from, ok := Lookup(o.From)
			if !ok || from.From != "" || !names[o.From] {
				t.Errorf("output %q is made from %q, which is not an output made from the guide listed before it", o.Name, o.From)
			}
		}
		if got, ok := Lookup(o.Name); !ok || got.Name != o.Name {
			t.Errorf("Lookup(%q) = %q, %t", o.Name, got.Name, ok)
		}
	}
	if _, ok := Lookup("docx"); ok {
		t.Error("Lookup found docx")
	}
	for kind, want := range map[Kind]string{Format: "epub,pdf", Imposition: "2up,booklet", Extra: "recap,flashcards,anki"} {
		if got := strings.Join(Names(kind), ","); got != want {
			t.Errorf("Names(%s) = %s; want %s", kind, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		kind       Kind
		list, want string
	}{
		{Format, "PDF, epub,pdf", "pdf,epub"},
		{Imposition, "booklet,2up", "booklet,2up"},
		{Format, "docx", `unknown format "docx" (formats: epub, pdf)`},
		{Format, ",", `unknown format "" (formats: epub, pdf)`},
		{Imposition, "2up,pdf", `unknown imposition "pdf" (impositions: 2up, booklet)`},
	} {
		names, err := Parse(c.kind, c.list)
		got := strings.Join(names, ",")
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("Parse(%s, %q) = %s; want %s", c.kind, c.list, got, c.want)
		}
	}
}

func TestNeeds(t *testing.T) {
	o, _ := Lookup("2up")
	if got, want := o.Needs().Error(), "--imposition 2up imposes the PDF: add pdf to --format"; got != want {
		t.Errorf("Needs() = %q; want %q", got, want)
	}
}

// TestWriteEveryOutput writes every output of a small guide in memory,
// each made from what it says, and checks each gives a file of its kind.
func TestWriteEveryOutput(t *testing.T) {
	layout, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	g := &guide.Guide{
		Meta:     guide.Meta{Title: "Small", Lang: "en", Identifier: "urn:uuid:00000000-0000-0000-0000-000000000000"},
		Sections: []*guide.Section{{ID: "one", Title: "One", Level: 1, HeadingLevel: 1, Blocks: []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: "Text."}}}}}},
	}
	written := map[string][]byte{}
	for _, o := range All() { // an output comes after the one it is made from
		var b bytes.Buffer
		in := Input{Guide: g, Layout: layout, From: written[o.From], Warn: func(guide.Pos, string) {}}
		if err := o.Write(in, NewFile("", &b)); err != nil {
			t.Fatalf("write %s: %v", o.Name, err)
		}
		written[o.Name] = b.Bytes()
		magic := "%PDF-"
		if strings.HasSuffix(o.Suffix, ".epub") || strings.HasSuffix(o.Suffix, ".apkg") {
			magic = "PK"
		}
		if !bytes.HasPrefix(b.Bytes(), []byte(magic)) {
			t.Errorf("%s does not start with %q", o.Name, magic)
		}
	}
}
