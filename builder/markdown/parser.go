package markdown

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// typography maps the punctuation that goldmark's typographer recognises
// to UTF-8 characters. Its defaults are HTML named entities, which are not
// text and are not valid in XHTML.
var typography = map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote:  "‘",
	extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote:  "“",
	extension.RightDoubleQuote: "”",
	extension.EnDash:           "–",
	extension.EmDash:           "—",
	extension.Ellipsis:         "…",
	extension.LeftAngleQuote:   "«",
	extension.RightAngleQuote:  "»",
	extension.Apostrophe:       "’",
}

// newParser returns a goldmark parser for study notes. Front matter is
// recognised only when frontMatter is true, that is when the note opens
// with a delimiter line that is closed further down. audit collects
// footnote definitions that goldmark would drop without a word; split
// cuts paragraphs too long to parse quickly. Paragraph transformers run
// in increasing order of priority: the split by lines comes before
// goldmark's search for link reference definitions (100), the guard on
// table sizes before the table transformer (200), the split by bytes after
// it.
//
// A parser of one part of a note read in parts (part not nil) looks link
// references and footnotes up among all parts, and leaves footnotes to be
// numbered and checked once all are read: it has no audit and no footnote
// transformer.
//
// Bare web addresses and e-mail addresses are made links only when
// linkify is set: a text that holds no address need not be looked at, at
// every space, for one (see mayLinkify).
func newParser(frontMatter, linkify bool, audit *footnoteAudit, split *paragraphSplitter, lp *langProblems, book *footnoteBook, part *part) parser.Parser {
	defs := footnoteDefs{extension.NewFootnoteBlockParser(), book}
	transformers := []util.PrioritizedValue{
		util.Prioritized(audit, 500),
		util.Prioritized(extension.NewFootnoteASTTransformer(), 999),
	}
	if part != nil {
		transformers = nil
	}
	opts := []parser.Option{
		// Bracketed spans come before goldmark's links (200), after
		// footnote references; fenced divs before paragraphs.
		parser.WithInlineParsers(util.Prioritized(&spanParser{lp}, 150)),
		parser.WithBlockParsers(util.Prioritized(&divParser{lp}, 650)),
		// The footnote extension, with goldmark's parsers of definitions
		// and its transformer, but a faster parser of references.
		parser.WithBlockParsers(util.Prioritized(defs, 999), util.Prioritized(mathBlockParser{}, 750)),
		parser.WithInlineParsers(util.Prioritized(&footnoteRefs{part: part, book: book}, 101), util.Prioritized(&mathParser{}, 150)),
		// goldmark's typographer, as its extension adds it.
		parser.WithInlineParsers(util.Prioritized(typographer{extension.NewTypographerParser(extension.WithTypographicSubstitutions(typography))}, 9999)),
		parser.WithASTTransformers(transformers...),
		parser.WithParagraphTransformers(
			util.Prioritized(split.byLines(), 50),
			util.Prioritized(split.tables(), 150),
			util.Prioritized(split.byBytes(), 1000),
		),
	}
	if !linkify && plainInline {
		// Before goldmark's emphasis parser (500), which reads what it
		// leaves; linkify starts at spaces inside emphasis, which
		// plainEmphasis does not look for, and at the spaces plainLines
		// starts at.
		opts = append(opts, parser.WithInlineParsers(
			util.Prioritized(plainEmphasis{}, 499),
			util.Prioritized(&plainLines{}, 499),
		))
	}
	if frontMatter {
		gate := &frontMatterGate{Parser: &frontmatter.Parser{Formats: []frontmatter.Format{
			validUTF8(frontmatter.TOML), validUTF8(frontmatter.YAML),
		}}}
		opts = append(opts, parser.WithBlockParsers(util.Prioritized(gate, 0)))
	}
	extensions := []goldmark.Extender{
		// The table alignment method matters only to goldmark's own
		// HTML renderer, which is never used; style attributes are the
		// choice that stays valid XHTML should it ever be.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)),
		extension.Strikethrough,
	}
	if linkify {
		extensions = append(extensions, extension.Linkify)
	}
	extensions = append(extensions, extension.DefinitionList)
	md := goldmark.New(
		// goldmark's parser, with its search for link reference
		// definitions run only on paragraphs that may open with one.
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(util.Prioritized(linkReferences{}, 100)),
		)),
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(opts...),
	)
	return md.Parser()
}

// linkReferences is goldmark's search for link reference definitions at
// the start of a paragraph, run only when the paragraph's first character
// that is not a space is "[", as a definition's is: the search makes a
// reader for every paragraph it is given.
type linkReferences struct{}

// Transform implements parser.ParagraphTransformer.
func (linkReferences) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			if !util.IsSpace(c) {
				if c == '[' {
					parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
				}
				return
			}
		}
	}
}

// typographer is goldmark's typographer, started only at the characters
// it makes something of, and whose count of the quotes left
// open is reset at the end of each block, as goldmark means it to be: its
// own reset is never called, as its CloseBlock method does not have the
// signature of parser.CloseBlocker, and a quote left open anywhere in a
// note would turn a straight quote in any later paragraph into a closing
// one.
type typographer struct {
	parser.InlineParser
}

// Trigger implements parser.InlineParser: goldmark's typographer starts
// at ',' '*' and '[' as well, and makes nothing of them. Every character
// a parser starts at cuts the text there, and the piece after the last
// cut of a line is a node of its own.
func (t typographer) Trigger() []byte {
	if !leanTypographer {
		return t.InlineParser.Trigger()
	}
	return []byte{'\'', '"', '-', '.', '<', '>'}
}

// leanTypographer starts the typographer only at the characters it makes
// something of; tests turn it off to compare the guides made with and
// without it.
var leanTypographer = true

// CloseBlock implements parser.CloseBlocker.
func (t typographer) CloseBlock(parent ast.Node, _ text.Reader, pc parser.Context) {
	if c, ok := t.InlineParser.(interface {
		CloseBlock(ast.Node, parser.Context)
	}); ok {
		c.CloseBlock(parent, pc)
	}
}

// mayLinkify reports whether text may hold a bare web or e-mail address
// that goldmark's linkify extension makes a link of: one that starts with
// http:, https:, ftp: or www., or holds an @.
//
// It also reports true for a text with a line that ends in white space
// goldmark keeps in part when it looks at every space, as it does for
// linkify, and drops whole when it does not (see spaceBeforeBreak): the
// text is then read as it always was.
func mayLinkify(text []byte) bool {
	for _, s := range linkifyMarks {
		if bytes.Contains(text, s) {
			return true
		}
	}
	return spaceBeforeBreak(text)
}

// spaceBeforeBreak reports whether a line of text ends in two or more
// spaces or tabs that are not the two spaces of a hard line break. At the
// end of a line goldmark trims the white space after the last place it
// stopped at: every space, when a parser of inline text starts at spaces,
// which keeps all but the last of such a run.
func spaceBeforeBreak(text []byte) bool {
	for len(text) > 0 {
		line, rest, newline := text, []byte(nil), false
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, rest, newline = text[:i], text[i+1:], true
			line = bytes.TrimSuffix(line, []byte{'\r'})
		}
		text = rest
		n := len(line) - len(bytes.TrimRight(line, " \t"))
		if newline && n >= 2 && line[len(line)-1] == ' ' && line[len(line)-2] == ' ' {
			n -= 2 // a hard line break
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// plainInline reads plain emphasis and plain lines before goldmark does
// (see plainEmphasis and plainLines); tests turn it off to compare the
// trees made with and without it.
var plainInline = true

// linkifyWhen decides whether a text is read with linkify; tests make it
// read every text so.
var linkifyWhen = mayLinkify

var linkifyMarks = [][]byte{[]byte("http"), []byte("ftp:"), []byte("www."), []byte("@")}

// validUTF8 returns the front matter format f, decoding text in which
// bytes that are not UTF-8 are replaced by U+FFFD, as they are in the rest
// of the note (where they are reported). The decoders refuse such bytes
// outright, which would make one stray Latin-1 letter in a title an
// error.
func validUTF8(f frontmatter.Format) frontmatter.Format {
	decode := f.Unmarshal
	f.Unmarshal = func(data []byte, v any) error {
		return decode(bytes.ToValidUTF8(data, []byte("\uFFFD")), v)
	}
	return f
}

// frontMatterGate lets the front matter parser open only on the first line
// of the note. On its own it also opens on the second line, which turns a
// heading followed by a thematic break into front matter.
type frontMatterGate struct {
	*frontmatter.Parser
}

// Open starts a front matter block when the reader is on the first line.
func (g *frontMatterGate) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.Position(); line != 0 {
		return nil, parser.NoChildren
	}
	return g.Parser.Open(parent, reader, pc)
}

// footnoteAudit is an AST transformer that runs before goldmark's footnote
// transformer, which silently removes definitions that nothing refers to.
// It records them, and second definitions of a label, as problems.
type footnoteAudit struct {
	book     *footnoteBook
	problems []auditProblem
}

// auditProblem is a warning found by footnoteAudit at a byte offset of
// the parsed text.
type auditProblem struct {
	pos     int
	message string
}

// Transform implements parser.ASTTransformer.
func (a *footnoteAudit) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	list := a.book.listIn(doc)
	if list == nil {
		return
	}
	seen := make(map[string]bool)
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*extast.Footnote)
		if !ok {
			continue
		}
		label := string(fn.Ref)
		switch {
		case seen[label]:
			a.problems = append(a.problems, auditProblem{fn.Pos(),
				"footnote [^" + label + "] is defined more than once; only the first definition is used"})
		case fn.Index < 0:
			a.problems = append(a.problems, auditProblem{fn.Pos(),
				"footnote [^" + label + "] is never referenced and is left out"})
		}
		seen[label] = true
	}
	reverseByIndex(list)
}

// reverseByIndex puts the definitions of list in decreasing order of their
// number. goldmark's footnote transformer then sorts them into increasing
// order with an insertion sort that puts each definition at the front of
// those already sorted: linear time for this order, where the order of
// the note (mostly increasing already) would take time that grows with
// the square of the number of footnotes.
func reverseByIndex(list *extast.FootnoteList) {
	var notes []*extast.Footnote
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*extast.Footnote)
		if !ok {
			return
		}
		notes = append(notes, fn)
	}
	slices.SortStableFunc(notes, func(a, b *extast.Footnote) int { return cmp.Compare(b.Index, a.Index) })
	list.RemoveChildren(list)
	for _, fn := range notes {
		list.AppendChild(list, fn)
	}
}
