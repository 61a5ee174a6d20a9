package guide_test

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// runsString writes runs as text with each tagged run in brackets after
// its language: "the word <el:λόγος> means".
func runsString(runs []guide.Run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Lang == "" {
			b.WriteString(r.Text)
		} else {
			fmt.Fprintf(&b, "<%s:%s>", r.Lang, r.Text)
		}
	}
	return b.String()
}

// TestScriptRuns checks which runs of text take the language of their
// script, and where a run starts and ends.
func TestScriptRuns(t *testing.T) {
	for _, c := range []struct {
		lang, in, want string
	}{
		{"en", "plain ASCII text", "plain ASCII text"},
		{"en", "café au lait", "café au lait"},
		{"en", "The word λόγος means reason.", "The word <el:λόγος> means reason."},
		{"en", "Russian мир и дружба, twice.", "Russian <ru:мир и дружба>, twice."},
		// Punctuation between runs of one script stays in the run; around
		// a run it stays outside.
		{"en", "«Ελλάς, Αθήνα» and (Москва)", "«<el:Ελλάς, Αθήνα>» and (<ru:Москва>)"},
		{"en", "λόγος мир", "<el:λόγος> <ru:мир>"},
		// A Latin word between two runs of a script breaks them.
		{"en", "мир and мир", "<ru:мир> and <ru:мир>"},
		// Digits between runs of one script stay in the run.
		{"en", "Αθήνα 2004 Ολυμπιάδα", "<el:Αθήνα 2004 Ολυμπιάδα>"},
		// A lone Greek letter is a symbol.
		{"en", "the α-helix and π ≈ 3.14", "the α-helix and π ≈ 3.14"},
		{"en", "Δx", "Δx"},
		// Text in the script of the language around it stays in it.
		{"el", "Η λέξη λόγος and English", "Η λέξη λόγος and English"},
		{"ru", "Слово мир", "Слово мир"},
		{"uk", "Слово мир", "Слово мир"},
		{"el", "Слово", "<ru:Слово>"},
		{"fr", "le mot ελπίδα", "le mot <el:ελπίδα>"},
		{"pt-BR", "a palavra Москва", "a palavra <ru:Москва>"},
		// The other scripts.
		{"en", "shalom שלום here", "shalom <he:שלום> here"},
		{"en", "salam سلام here", "salam <ar:سلام> here"},
		{"en", "water 水 and 日本語", "water <zh:水> and <zh:日本語>"},
		{"en", "kana ひらがな and 漢字かな", "kana <ja:ひらがな> and <ja:漢字かな>"},
		{"ja", "日本語のテキスト", "日本語のテキスト"},
		{"zh", "中文 and カタカナ", "中文 and <ja:カタカナ>"},
		{"ko", "한국어 韓國", "한국어 韓國"},
		{"en", "Korean 한국어", "Korean <ko:한국어>"},
		{"en", "Hindi हिन्दी text", "Hindi <hi:हिन्दी> text"},
		{"hi", "हिन्दी", "हिन्दी"},
		// A combining mark stays with its letter.
		{"en", "αά\u0301 и\u0306", "<el:αά\u0301> <ru:и\u0306>"},
		{"en", "", ""},
	} {
		runs := guide.ScriptRuns(c.in, c.lang)
		if got := runsString(runs); got != c.want {
			t.Errorf("ScriptRuns(%q, %q) = %s, want %s", c.in, c.lang, got, c.want)
		}
		var all strings.Builder
		for _, r := range runs {
			all.WriteString(r.Text)
		}
		if all.String() != c.in {
			t.Errorf("ScriptRuns(%q, %q) runs make %q, not the text", c.in, c.lang, all.String())
		}
	}
}

// TestMarkScripts checks that the runs of the guide's text are put in
// spans, inside the language of the div or span around them, that code
// is left alone, and that a second marking changes nothing.
func TestMarkScripts(t *testing.T) {
	text := func(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }
	para := func(ins ...guide.Inline) *guide.Paragraph { return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins} }
	g := &guide.Guide{
		Meta: guide.Meta{Title: "Scripts", Lang: "en"},
		Intro: []guide.Block{
			para(text("The word λόγος and "), &guide.Strong{Pos: guide.NoPos, Children: []guide.Inline{text("мир")}},
				text(" and "), &guide.Code{Pos: guide.NoPos, Text: "λόγος"}),
			para(&guide.Span{Pos: guide.NoPos, Lang: "uk", Children: []guide.Inline{text("слово and λόγος")}}),
			&guide.Div{Pos: guide.NoPos, Lang: "el", Blocks: []guide.Block{para(text("Ελλάδα and мир"))}},
			&guide.Table{Pos: guide.NoPos, Header: []guide.Cell{{Inlines: []guide.Inline{text("Москва")}}}},
		},
	}
	want := `intro
  para "The word [λόγος]{lang=el} and **[мир]{lang=ru}** and ` + "`λόγος`" + `"
  para "[слово and [λόγος]{lang=el}]{lang=uk}"
  div lang=el
    para "Ελλάδα and [мир]{lang=ru}"
  table caption="" align=[]
    header "[Москва]{lang=ru}"
`
	for i := range 2 {
		guide.MarkScripts(g)
		var b strings.Builder
		if err := guide.Dump(&b, g); err != nil {
			t.Fatal(err)
		}
		got := b.String()
		got = got[strings.Index(got, "intro"):]
		if got != want {
			t.Errorf("after marking %d times:\n%s\nwant\n%s", i+1, got, want)
		}
	}
}

// TestMarkScriptsOfTextInTheGuidesScriptAllocatesNothingPerText holds
// marking a long guide in one script to a few allocations in all, not
// some for each of its hundreds of thousands of texts.
func TestMarkScriptsOfTextInTheGuidesScriptAllocatesNothingPerText(t *testing.T) {
	g := &guide.Guide{Meta: guide.Meta{Lang: "fr"}}
	for i := range 200 {
		s := &guide.Section{ID: fmt.Sprint("s", i), Title: "Partie", Level: 1}
		s.Blocks = []guide.Block{
			&guide.Paragraph{Inlines: []guide.Inline{
				&guide.Text{Text: "Le traité fut signé en 1648, "},
				&guide.Strong{Children: []guide.Inline{&guide.Text{Text: "à Münster"}}},
				&guide.Text{Text: " et à Osnabrück : la paix de Westphalie."},
			}},
		}
		g.Sections = append(g.Sections, s)
	}
	guide.MarkScripts(g)
	if allocs := testing.AllocsPerRun(5, func() { guide.MarkScripts(g) }); allocs > 4 {
		t.Errorf("marking 600 texts in the guide's own script took %.0f allocations", allocs)
	}
}
