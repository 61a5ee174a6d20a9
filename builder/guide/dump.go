package guide

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Dump writes a stable, indented text form of the guide: metadata, then
// every section with its blocks. Inline markup is shown in a compact
// Markdown-like form (**strong**, *emph*, `code`, [^n]). Golden tests of
// readers and enrichment compare against this form; it changes only when
// the model does.
func Dump(w io.Writer, g *Guide) error {
	d := &dumper{w: w}
	m := g.Meta
	d.line(0, "title %q", m.Title)
	if m.Subtitle != "" {
		d.line(0, "subtitle %q", m.Subtitle)
	}
	for _, a := range m.Authors {
		d.line(0, "author %q", a)
	}
	d.line(0, "lang %s", m.Lang)
	if !m.Date.IsZero() {
		d.line(0, "date %s", m.Date.UTC().Format("2006-01-02"))
	}
	if m.Description != "" {
		d.line(0, "description %q", m.Description)
	}
	d.line(0, "identifier %s", m.Identifier)
	for _, k := range slices.Sorted(maps.Keys(m.Switches)) {
		d.line(0, "switch %s=%t", k, m.Switches[k])
	}
	if len(g.Intro) > 0 {
		d.line(0, "intro")
		d.blocks(1, g.Intro)
	}
	for _, s := range g.Sections {
		d.section(0, s)
	}
	for i, f := range g.Footnotes {
		d.line(0, "footnote %d id=%s label=%q", i, f.ID, f.Label)
		d.blocks(1, f.Blocks)
	}
	return d.err
}

// DumpSections writes only the section tree: one line per section with its
// level, id and title. It is the compact form used for the golden files of
// the sample notes.
func DumpSections(w io.Writer, g *Guide) error {
	d := &dumper{w: w}
	d.line(0, "title %q", g.Meta.Title)
	g.WalkSections(func(s *Section) bool {
		d.line(s.Level-1, "h%d %s %q", s.HeadingLevel, s.ID, s.Title)
		return true
	})
	return d.err
}

type dumper struct {
	w   io.Writer
	err error
}

func (d *dumper) line(depth int, format string, args ...any) {
	if d.err != nil {
		return
	}
	_, d.err = fmt.Fprintf(d.w, "%s%s\n", strings.Repeat("  ", depth), fmt.Sprintf(format, args...))
}

func (d *dumper) section(depth int, s *Section) {
	if s.Kind != FromNotes {
		d.line(depth, "section h%d level=%d id=%s kind=%s %q", s.HeadingLevel, s.Level, s.ID, s.Kind, s.Title)
	} else {
		if s.TitleLang != "" {
			d.line(depth, "section h%d level=%d id=%s lang=%s %q", s.HeadingLevel, s.Level, s.ID, s.TitleLang, s.Title)
		} else {
			d.line(depth, "section h%d level=%d id=%s %q", s.HeadingLevel, s.Level, s.ID, s.Title)
		}
	}
	d.blocks(depth+1, s.Blocks)
	for _, c := range s.Sections {
		d.section(depth+1, c)
	}
}

func (d *dumper) blocks(depth int, blocks []Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			d.line(depth, "para %q", d.markup(b.Inlines))
		case *List:
			if b.Ordered {
				d.line(depth, "list ordered start=%d tight=%t", b.Start, b.Tight)
			} else {
				d.line(depth, "list bullet tight=%t", b.Tight)
			}
			for _, it := range b.Items {
				if it.Key != nil {
					d.line(depth+1, "item key=%q id=%s", it.Key.Title, it.Key.ID)
				} else {
					d.line(depth+1, "item")
				}
				d.blocks(depth+2, it.Blocks)
			}
		case *Quote:
			d.line(depth, "quote")
			d.blocks(depth+1, b.Blocks)
		case *Div:
			d.line(depth, "div lang=%s", b.Lang)
			d.blocks(depth+1, b.Blocks)
		case *CodeBlock:
			d.line(depth, "code lang=%q %q", b.Lang, b.Text)
		case *Rule:
			d.line(depth, "rule")
		case *Table:
			if b.Kind != FromNotes || b.ID != "" {
				d.line(depth, "table kind=%s id=%s caption=%q align=%v", b.Kind, b.ID, b.Caption, b.Align)
			} else {
				d.line(depth, "table caption=%q align=%v", b.Caption, b.Align)
			}
			d.line(depth+1, "header %s", d.cells(b.Header))
			if b.Roles != nil {
				d.line(depth+1, "roles %v", b.Roles)
			}
			for _, r := range b.Rows {
				d.line(depth+1, "row %s", d.cells(r))
			}
		case *Figure:
			d.line(depth, "figure id=%s kind=%s fullpage=%t items=%d alt=%q", b.ID, b.Kind, b.FullPage, len(b.Scene.Items), b.Alt)
		case *DefinitionList:
			d.line(depth, "deflist")
			for _, it := range b.Items {
				d.line(depth+1, "term %q", d.markup(it.Term))
				for _, def := range it.Definitions {
					d.line(depth+2, "definition")
					d.blocks(depth+3, def)
				}
			}
		default:
			d.unknown(b)
		}
	}
}

// unknown records that n is of a kind Dump cannot write, unless an error
// came first.
func (d *dumper) unknown(n Node) {
	if d.err == nil {
		d.err = fmt.Errorf("guide: Dump cannot write a node of kind %T", n)
	}
}

func (d *dumper) cells(cs []Cell) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%q", d.markup(c.Inlines))
	}
	return strings.Join(parts, " | ")
}

// markup renders inlines in the compact form used by Dump.
func (d *dumper) markup(inlines []Inline) string {
	var b strings.Builder
	d.writeMarkup(&b, inlines)
	return b.String()
}

func (d *dumper) writeMarkup(b *strings.Builder, inlines []Inline) {
	for _, n := range inlines {
		switch n := n.(type) {
		case *Text:
			b.WriteString(n.Text)
		case *Code:
			b.WriteString("`" + n.Text + "`")
		case *Strong:
			if n.ID != "" {
				b.WriteString("{#" + n.ID + "}")
			}
			b.WriteString("**")
			d.writeMarkup(b, n.Children)
			b.WriteString("**")
		case *Emph:
			b.WriteString("*")
			d.writeMarkup(b, n.Children)
			b.WriteString("*")
		case *Strike:
			b.WriteString("~~")
			d.writeMarkup(b, n.Children)
			b.WriteString("~~")
		case *Link:
			b.WriteString("[")
			d.writeMarkup(b, n.Children)
			b.WriteString("](" + n.URL + ")")
		case *Ref:
			b.WriteString("[")
			d.writeMarkup(b, n.Children)
			b.WriteString("](ref:" + n.Target + ")")
		case *Span:
			b.WriteString("[")
			d.writeMarkup(b, n.Children)
			b.WriteString("]{lang=" + n.Lang + "}")
		case *Image:
			b.WriteString("![" + n.Alt + "](" + n.Src + ")")
		case *FootnoteRef:
			fmt.Fprintf(b, "[^%d]", n.Index)
		case *Break:
			if n.Hard {
				b.WriteString("\\n")
			} else {
				b.WriteString(" ")
			}
		case *Blank:
			fmt.Fprintf(b, "[___%d]", n.Width)
		case *Formula:
			// A formula the reader could not parse is marked "(TeX)":
			// it is shown as its source.
			delim := "$"
			if n.Display {
				delim = "$$"
			}
			b.WriteString(delim + n.TeX + delim)
			if n.Tree == nil {
				b.WriteString("(TeX)")
			}
		default:
			d.unknown(n)
		}
	}
}
