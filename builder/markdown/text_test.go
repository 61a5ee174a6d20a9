package markdown

import (
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `plain`},
		{`\*stars\* and \_under\_`, `*stars* and _under_`},
		{`\a stays`, `\a stays`},
		{`&amp; &copy; &#233; &#x4E2D; &#X41;`, `& © é 中 A`},
		{`&bogus; & &#; &#x; &#12345678;`, `&bogus; & &#; &#x; &#12345678;`},
		{`&#0; &#xD800;`, "\uFFFD \uFFFD"},
		{"nul\x00", "nul\uFFFD"},
	}
	for _, tt := range tests {
		if got := unescape([]byte(tt.in)); got != tt.want {
			t.Errorf("unescape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fine\ttext\n", "fine\ttext\n"},
		{"bell\x07 and \x1b", "bell and "},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\uFFFE\uFFFF", ""},
		{"emoji 🙂", "emoji 🙂"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsLanguageTag(t *testing.T) {
	for _, s := range []string{"en", "pt-BR", "zh-Hant-TW", "el", "sr-Latn", "es-419"} {
		if !isLanguageTag(s) {
			t.Errorf("%q should be a language tag", s)
		}
	}
	for _, s := range []string{"", "e", "english please", "en_GB", "en-", "1en", "toolongtag"} {
		if isLanguageTag(s) {
			t.Errorf("%q should not be a language tag", s)
		}
	}
}

// TestQuotesPairWithinBlocks reads a quote left open in one paragraph and
// straight quotes in the next: the open quote pairs with nothing outside
// its paragraph, so the later ones are not taken for closing quotes.
func TestQuotesPairWithinBlocks(t *testing.T) {
	for _, c := range []struct{ note, want string }{
		{"# T\n\nShe said \"wait.\n\nA 12\" record.\n", "A 12\" record."},
		{"# T\n\nHe said \"go\" and 'stay' there.\n", "He said “go” and ‘stay’ there."},
	} {
		var list diag.List
		g, err := Read(diag.NewFile("q.md", []byte(c.note), &list), Options{})
		if err != nil {
			t.Fatal(err)
		}
		blocks := g.Sections[0].Blocks
		got := guide.PlainText(blocks[len(blocks)-1].(*guide.Paragraph).Inlines)
		if got != c.want {
			t.Errorf("%q: last paragraph reads %q, want %q", c.note, got, c.want)
		}
	}
}
