package guide

// Block is a block-level node: a paragraph, list, quote, code block, table,
// rule, definition list or figure. The set of blocks is closed (see Node);
// writers switch on the concrete type and fail on a kind they do not know.
type Block interface {
	Node
	// Position returns where the block starts in the source.
	Position() Pos
	block()
}

// Paragraph is running text.
type Paragraph struct {
	Pos     Pos
	Inlines []Inline
}

// List is an ordered or unordered list.
type List struct {
	Pos     Pos
	Ordered bool
	Start   int // first number of an ordered list
	// Tight is true when the author wrote the items without blank lines
	// between them.
	Tight bool
	Items []*ListItem
}

// ListItem is one item of a list. Its blocks may include nested lists.
type ListItem struct {
	Pos    Pos
	Blocks []Block
	// Key is set when the item is a key point: it opens with strong text.
	Key *KeyPoint
}

// KeyPoint marks a list item that opens with strong text, as in
// "1. **Balkans Operations**: ...".
type KeyPoint struct {
	// Title is the strong text as plain text, trailing colon removed.
	Title string
	// TitleInlines is the strong text as the guides show it where they
	// name the key point (summary tables, the answer key), when it holds
	// a formula; nil otherwise (see Section.Heading).
	TitleInlines []Inline
	// ID is unique within the guide and safe as an XML id, so the item can
	// be linked to.
	ID string
}

// Quote is a block quote.
type Quote struct {
	Pos    Pos
	Blocks []Block
}

// Div is a passage of blocks in a language of its own, which Lang names
// (a BCP 47 tag such as "fr"): the author marks one with a fenced div,
// "::: {lang=fr}" up to a line of ":::". Writers tag what it holds with
// its language and show its blocks as if they stood on their own.
type Div struct {
	Pos    Pos
	Lang   string
	Blocks []Block
}

// CodeBlock is preformatted text, fenced or indented.
type CodeBlock struct {
	Pos  Pos
	Lang string
	Text string // with a final newline removed
}

// Rule is a thematic break.
type Rule struct {
	Pos Pos
}

// Align is the alignment of a table column.
type Align int

// Column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with one header row.
type Table struct {
	Pos Pos
	// Caption is empty for tables read from Markdown; study aids set it.
	Caption string
	// CaptionInlines is Caption with the formulas it holds, for the
	// writers to show them; nil when it holds none.
	CaptionInlines []Inline
	// ID is set when something links to the table.
	ID string
	// Kind is FromNotes for tables the author wrote, else the study aid.
	Kind   Kind
	Align  []Align
	Header []Cell
	Rows   [][]Cell
	// Roles says what each column of a study-aid table holds, one per
	// header cell; it is nil for tables the author wrote. Writers style
	// columns by role, never by the words of the header, which are in
	// the guide's language.
	Roles []ColumnRole
}

// ColumnRole is what a column of a study-aid table holds.
type ColumnRole string

// Column roles of the study-aid tables.
const (
	NoRole        ColumnRole = ""
	RoleKeyPoint  ColumnRole = "key-point"  // a key point's title, linked to it
	RoleTerms     ColumnRole = "terms"      // a key point's key terms
	RoleWhen      ColumnRole = "when"       // a key point's dates
	RoleGist      ColumnRole = "gist"       // a key point in one line
	RoleTerm      ColumnRole = "term"       // a key term's name
	RoleMeaning   ColumnRole = "meaning"    // the sentence that explains a term
	RoleSee       ColumnRole = "see"        // where a term is explained
	RoleSection   ColumnRole = "section"    // a section, linked to it
	RoleKeyPoints ColumnRole = "key-points" // a section's key points, one per line
)

// Role returns the role of column i, or NoRole.
func (t *Table) Role(i int) ColumnRole {
	if i < 0 || i >= len(t.Roles) {
		return NoRole
	}
	return t.Roles[i]
}

// Cell is one table cell.
type Cell struct {
	Inlines []Inline
}

// DefinitionList is a list of terms, each with one or more definitions.
type DefinitionList struct {
	Pos   Pos
	Items []*Definition
}

// Definition is one term of a definition list with its definitions.
type Definition struct {
	Term        []Inline
	Definitions [][]Block
}

func (b *Paragraph) Position() Pos      { return b.Pos }
func (b *List) Position() Pos           { return b.Pos }
func (b *Quote) Position() Pos          { return b.Pos }
func (b *CodeBlock) Position() Pos      { return b.Pos }
func (b *Rule) Position() Pos           { return b.Pos }
func (b *Table) Position() Pos          { return b.Pos }
func (b *DefinitionList) Position() Pos { return b.Pos }
func (b *Div) Position() Pos            { return b.Pos }

func (*Paragraph) block()      {}
func (*List) block()           {}
func (*Quote) block()          {}
func (*CodeBlock) block()      {}
func (*Rule) block()           {}
func (*Table) block()          {}
func (*DefinitionList) block() {}
func (*Div) block()            {}
