package markdown

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// emphasisPieces are what the notes of TestPlainEmphasisSameTree are made
// of: words, runs of stars and underscores, and every character an inline
// parser starts at.
var emphasisPieces = []string{
	"a", "bc", "Word", "1990s", "é", "日本", "\u00a0", "x\uFFFDy", "\xff", "\x80", "é\x80",
	" ", " ", " ", "  ", "\t", "\n", "\n", "  \n", "\\\n",
	"*", "*", "*", "**", "**", "**", "***", "****", "_", "__", "~~",
	".", "..", "...", ",", ":", ";", "!", "?", "'", "\"", "-", "--", "---",
	"(", ")", "[", "]", "[a](#b)", "![i](p.png)", "[^1]", "`", "`c`", "<", ">", "<<", ">>",
	"<b>", "<!-- c -->", "&amp;", "&", "$", "$x$", "\\", "\\*", "\\_", "#", "|", "www.x.org", "a@b.c",
}

// emphasisNote makes a note of random paragraphs, list items, quotes and
// headings made of emphasisPieces; half of them without the addresses
// that make goldmark read a note with linkify, which plainEmphasis and
// plainLines leave alone.
func emphasisNote(r *rand.Rand) string {
	addresses := r.IntN(2) == 0
	var b strings.Builder
	for range 1 + r.IntN(4) {
		switch r.IntN(6) {
		case 0:
			b.WriteString("- ")
		case 1:
			b.WriteString("1. ")
		case 2:
			b.WriteString("> ")
		case 3:
			b.WriteString("## ")
		}
		for range 1 + r.IntN(24) {
			piece := emphasisPieces[r.IntN(len(emphasisPieces))]
			if !addresses && (piece == "www.x.org" || piece == "a@b.c") {
				continue
			}
			b.WriteString(piece)
		}
		b.WriteString("\n\n")
	}
	b.WriteString("[^1]: A note with **strong** text.\n")
	return b.String()
}

// TestPlainEmphasisSameTree parses random notes and every test note with
// and without plainEmphasis, and checks that goldmark's trees, and the
// guides made of them, are the same; and that the guides are the same
// with the typographer started at every character goldmark starts it at.
func TestPlainEmphasisSameTree(t *testing.T) {
	notes, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range notes {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, string(bigNote(20)),
		// Emphasis inside emphasis nested too deep to keep.
		"# Deep\n\n"+strings.Repeat("*a ", 20)+"**deep** and *deeper*"+strings.Repeat(" a*", 20)+"\n",
		// Stars that open or close by the characters on either side.
		"# Flanking\n\nA x*#y* z\n\nx *#y*\n\na*b*c\n\né*#a*\n\n日本*#a*\n\n*a*b\n\n*a *b*\n\n*#*\n\n#*a*\n\na#*b#* c\n",
		// Emphasis in an image's text, a link's and a span's.
		"# In\n\n![**alt** text](p.png), [**link** *text*](#in) and [**span**]{lang=fr}.\n")
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		texts = append(texts, emphasisNote(r))
	}
	for _, s := range texts {
		without, with := bothWays(&plainInline, func() string { return parseTree([]byte(s)) })
		if without != with {
			t.Fatalf("trees differ for %q:\nwithout plainEmphasis:\n%s\nwith it:\n%s", s, without, with)
		}
		without, with = bothWays(&plainInline, func() string { return readDump([]byte(s)) })
		if without != with {
			t.Fatalf("guides differ for %q:\nwithout plainEmphasis:\n%s\nwith it:\n%s", s, without, with)
		}
		without, with = bothWays(&leanTypographer, func() string { return readDump([]byte(s)) })
		if without != with {
			t.Fatalf("guides differ for %q:\nwith the typographer at all of goldmark's characters:\n%s\nat only some:\n%s", s, without, with)
		}
	}
}

// bothWays returns what dump makes with *on false, then with it true.
func bothWays(on *bool, dump func() string) (without, with string) {
	*on = false
	without = dump()
	*on = true
	return without, dump()
}

// parseTree parses src as Read does a short note and writes its tree out.
func parseTree(src []byte) string {
	book := &footnoteBook{}
	p := newParser(false, linkifyWhen(src), &footnoteAudit{book: book}, &paragraphSplitter{}, &langProblems{}, book, nil)
	doc := p.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var b strings.Builder
	writeTree(&b, doc, 0)
	return b.String()
}

// writeTree writes n and the nodes below it, with what the converter reads
// of each. A plainEmph is written as the Emphasis and Text it stands for,
// a plainLine as its pieces, and Texts that follow one another in the
// note, all but the last without a line break, as one.
func writeTree(b *strings.Builder, n ast.Node, depth int) {
	fmt.Fprintf(b, "%s%s pos=%d", strings.Repeat("  ", depth), n.Kind(), n.Pos())
	switch n := n.(type) {
	case *ast.Text:
		fmt.Fprintf(b, " %+v soft=%t hard=%t raw=%t", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
	case *ast.String:
		fmt.Fprintf(b, " %q code=%t raw=%t", n.Value, n.IsCode(), n.IsRaw())
	case *ast.Emphasis:
		fmt.Fprintf(b, " level=%d", n.Level)
	case *ast.Link:
		fmt.Fprintf(b, " %q %q", n.Destination, n.Title)
	case *extast.FootnoteLink:
		fmt.Fprintf(b, " index=%d", n.Index)
	}
	if n.Type() == ast.TypeBlock {
		lines := n.Lines()
		for i := range lines.Len() {
			fmt.Fprintf(b, " %+v", lines.At(i))
		}
	}
	b.WriteByte('\n')
	for _, c := range plainChildren(n) {
		writeTree(b, c, depth+1)
	}
}

// plainChildren returns the children of n as goldmark would make them
// without plainEmphasis and plainLines, with Texts joined (see
// writeTree).
func plainChildren(n ast.Node) []ast.Node {
	var out []ast.Node
	emphasis := func(start, level int, seg text.Segment) ast.Node {
		em := ast.NewEmphasis(level)
		em.SetPos(start)
		em.AppendChild(em, ast.NewTextSegment(seg))
		return em
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *plainEmph:
			out = append(out, emphasis(c.Pos(), c.level, c.text))
		case *plainLine:
			for _, p := range c.pieces {
				if p.level == 0 {
					out = append(out, ast.NewTextSegment(p.text()))
				} else {
					out = append(out, emphasis(int(p.start), int(p.level), p.text()))
				}
			}
			if c.soft || c.hard {
				t := ast.NewTextSegment(text.NewSegment(int(c.end), int(c.end)))
				t.SetSoftLineBreak(c.soft)
				t.SetHardLineBreak(c.hard)
				out = append(out, t)
			}
		default:
			out = append(out, c)
		}
	}
	var joined []ast.Node
	for _, c := range out {
		t, ok := c.(*ast.Text)
		if ok && len(joined) > 0 {
			last, ok := joined[len(joined)-1].(*ast.Text)
			if ok && !t.IsRaw() && !last.IsRaw() && !last.SoftLineBreak() && !last.HardLineBreak() && last.Segment.Stop == t.Segment.Start {
				merged := ast.NewTextSegment(text.NewSegment(last.Segment.Start, t.Segment.Stop))
				merged.SetSoftLineBreak(t.SoftLineBreak())
				merged.SetHardLineBreak(t.HardLineBreak())
				joined[len(joined)-1] = merged
				continue
			}
		}
		joined = append(joined, c)
	}
	return joined
}

// readDump reads src and writes out the guide, the position of every
// node and the diagnostics.
func readDump(src []byte) string {
	var list diag.List
	g, err := Read(diag.NewFile("note.md", src, &list), Options{})
	var b strings.Builder
	if err == nil {
		guide.Dump(&b, g)
		guide.Inspect(g, func(n guide.Node) bool {
			if p, ok := n.(interface{ Position() guide.Pos }); ok {
				fmt.Fprintf(&b, "%T %d\n", n, p.Position())
			}
			return true
		})
	}
	for _, d := range list {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestPlainByteTriggers checks that plainByte takes no character at which
// an inline parser of a note may start for plain text, but those it knows
// the parser makes nothing of.
func TestPlainByteTriggers(t *testing.T) {
	parsers := []parser.InlineParser{
		&spanParser{}, &footnoteRefs{}, &mathParser{},
		extension.NewStrikethroughParser(),
		extension.NewTypographerParser(extension.WithTypographicSubstitutions(typography)),
	}
	for _, p := range parser.DefaultInlineParsers() {
		parsers = append(parsers, p.Value.(parser.InlineParser))
	}
	// The typographer starts at these, and makes nothing of them unless
	// the same character follows.
	nothingAlone := map[byte]bool{'.': true, '-': true, ',': true, '*': true, '[': true}
	for _, p := range parsers {
		for _, c := range p.Trigger() {
			if c == '*' {
				continue // ends the text plainEmphasis reads
			}
			if plainByte([]byte{c}, 0) && !nothingAlone[c] {
				t.Errorf("%T starts at %q, which plainByte takes for plain text", p, c)
			}
		}
	}
}
