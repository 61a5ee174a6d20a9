package texmath

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxDepth is how deeply groups, fractions, scripts and other
// constructions may nest in a formula, counting each group and each
// command with an argument as a level (x^{\frac{a}{b}} is four levels
// deep). A formula nested more deeply is a problem: no note needs it,
// and the limit keeps the parser's and the writers' recursion bounded
// whatever the input. A tree is never more than MaxDepth+1 nodes deep.
const MaxDepth = 100

// maxProblems is how many problems Parse reports at most: the first of
// them is what an author needs.
const maxProblems = 20

// Problem is something in a formula's source that the subset does not
// hold, or that TeX would refuse: an unknown command, a brace or an
// environment left open. Pos is its byte offset in the source.
type Problem struct {
	Pos int
	// Command is the command or character at fault as written, such as
	// `\binom` or `}`; empty when the problem is not about one.
	Command string
	Message string
}

// Error returns the message with its byte offset.
func (p Problem) Error() string { return fmt.Sprintf("%d: %s", p.Pos, p.Message) }

// Parse reads the TeX source of one formula, without its delimiters, into
// a tree. It reports every problem it finds, in the order of the source;
// with problems the tree is still returned, but it is incomplete and
// callers show the source instead. Parse never panics.
func Parse(src string) (*Row, []Problem) {
	p := &parser{src: src}
	row := p.list(0, stops{})
	return row, p.problems
}

// stops says which tokens end the list being read where it is being read:
// a closing brace ends a group, \right a fenced group, a closing bracket
// the index of a root, and &, \\ and \end the cell of a table. A stop
// that is not expected is a problem, read past.
type stops struct {
	brace, right, bracket, table bool
}

// stop is the token that ended a list.
type stop int

const (
	stopEOF stop = iota
	stopBrace
	stopRight
	stopBracket
	stopAmp
	stopNewline
	stopEnd
)

type parser struct {
	src      string
	i        int
	depth    int
	fences   int // how many \left groups are open
	variant  Variant
	problems []Problem
	last     stop
	// unclosed holds the names of unknown environments that have no
	// \end in the rest of the source.
	unclosed map[string]bool
}

// problem records a problem at pos.
func (p *parser) problem(pos int, command, format string, args ...any) {
	if len(p.problems) >= maxProblems {
		return
	}
	p.problems = append(p.problems, Problem{Pos: pos, Command: command, Message: fmt.Sprintf(format, args...)})
}

// enter goes one level deeper and reports whether that is allowed. When
// it is not, the rest of the source is skipped, so that the parse ends.
func (p *parser) enter(pos int) bool {
	p.depth++
	if p.depth > MaxDepth {
		if p.i < len(p.src) {
			p.problem(pos, "", "the formula is nested more than %d levels deep", MaxDepth)
		}
		p.i = len(p.src)
		return false
	}
	return true
}

func (p *parser) leave() { p.depth-- }

// skipSpace skips white space, which maths ignores.
func (p *parser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r', '\f':
			p.i++
		default:
			return
		}
	}
}

// peekCommand returns the name of the command at the read position (the
// letters after a backslash, or the one character after it) without
// reading it; empty when no command is there.
func (p *parser) peekCommand() string {
	if p.i >= len(p.src) || p.src[p.i] != '\\' {
		return ""
	}
	j := p.i + 1
	for j < len(p.src) && isLetter(p.src[j]) {
		j++
	}
	if j == p.i+1 && j < len(p.src) {
		_, size := utf8.DecodeRuneInString(p.src[j:])
		j += size
	}
	return p.src[p.i+1 : j]
}

// readCommand reads the command at the read position and returns its name.
func (p *parser) readCommand() string {
	name := p.peekCommand()
	p.i += 1 + len(name)
	if name == "operatorname" && p.i < len(p.src) && p.src[p.i] == '*' {
		p.i++
		name += "*"
	}
	return name
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// list reads nodes up to the end of the source or a stop token, which is
// left unread; the stop is in p.last. Stops that the place does not
// expect are problems, read past.
func (p *parser) list(pos int, want stops) *Row {
	row := &Row{Pos: pos}
	if !p.enter(pos) {
		p.last = stopEOF
		return row
	}
	defer p.leave()
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			p.last = stopEOF
			return row
		}
		start := p.i
		if st, ok := p.stopAt(); ok {
			expected := st == stopBrace && want.brace || st == stopRight && want.right ||
				st == stopBracket && want.bracket || (st == stopAmp || st == stopNewline || st == stopEnd) && want.table
			if expected {
				p.last = st
				return row
			}
			if st != stopBracket {
				p.unexpected(st)
				continue
			}
		}
		c := p.src[p.i]
		switch {
		case c == '^' || c == '_' || c == '\'':
			var base Node = &Row{Pos: start}
			if n := len(row.Items); n > 0 {
				base = row.Items[n-1]
				row.Items = row.Items[:n-1]
			}
			row.Items = append(row.Items, p.scripts(base))
		default:
			n := p.atom(false)
			if n == nil {
				continue
			}
			if o, ok := n.(*Op); ok {
				p.limits(o)
			}
			if p.scriptNext() {
				n = p.scripts(n)
			}
			row.Items = append(row.Items, n)
		}
	}
}

// stopAt reports the stop token at the read position, if any.
func (p *parser) stopAt() (stop, bool) {
	switch p.src[p.i] {
	case '}':
		return stopBrace, true
	case ']':
		return stopBracket, true
	case '&':
		return stopAmp, true
	case '\\':
		switch p.peekCommand() {
		case "\\":
			return stopNewline, true
		case "right":
			return stopRight, true
		case "end":
			return stopEnd, true
		}
	}
	return 0, false
}

// unexpected reports and reads past a stop token out of its place.
func (p *parser) unexpected(st stop) {
	pos := p.i
	switch st {
	case stopBrace:
		p.i++
		p.problem(pos, "}", "a closing brace } has no opening brace")
	case stopAmp:
		p.i++
		p.problem(pos, "&", "& is only allowed in a matrix, cases or aligned environment")
	case stopNewline:
		p.i += 2
		p.problem(pos, `\\`, `\\ is only allowed in a matrix, cases or aligned environment`)
	case stopRight:
		p.readCommand()
		p.delimiter(pos, "right")
		p.problem(pos, `\right`, `\right has no \left before it`)
	case stopEnd:
		p.readCommand()
		name := p.envName()
		p.problem(pos, `\end`, `\end{%s} has no \begin{%s} before it`, name, name)
	}
}

// scriptNext reports whether a script follows, after white space.
func (p *parser) scriptNext() bool {
	p.skipSpace()
	return p.i < len(p.src) && (p.src[p.i] == '^' || p.src[p.i] == '_' || p.src[p.i] == '\'')
}

// limits reads \limits or \nolimits after a large operator.
func (p *parser) limits(o *Op) {
	for {
		p.skipSpace()
		switch p.peekCommand() {
		case "limits":
			o.Limits = true
		case "nolimits":
			o.Limits = false
		default:
			return
		}
		p.readCommand()
	}
}

// scripts reads the subscript, superscript and primes that follow base.
func (p *parser) scripts(base Node) Node {
	s := &Scripts{Pos: base.Position(), Base: base}
	primes := ""
	for p.scriptNext() {
		pos := p.i
		switch c := p.src[p.i]; c {
		case '\'':
			p.i++
			primes += "′"
		case '^', '_':
			p.i++
			arg := p.argument(pos)
			target := &s.Sup
			if c == '_' {
				target = &s.Sub
			}
			if *target != nil {
				which := "superscript"
				if c == '_' {
					which = "subscript"
				}
				p.problem(pos, string(c), "a double %s: group it with braces", which)
				continue
			}
			if c == '^' && primes != "" {
				arg = &Row{Pos: pos, Items: []Node{&Symbol{Pos: pos, Text: primes, Class: Ord}, arg}}
				primes = ""
			}
			*target = arg
		}
	}
	if primes != "" {
		if s.Sup != nil {
			p.problem(s.Pos, "'", "a prime after a superscript: group it with braces")
		} else {
			s.Sup = &Symbol{Pos: s.Pos, Text: primes, Class: Ord}
		}
	}
	return s
}

// argument reads the argument of a command or script: a group in
// braces, or one character or command.
func (p *parser) argument(at int) Node {
	p.skipSpace()
	if p.i >= len(p.src) {
		p.problem(at, "", "something is missing at the end of the formula")
		return &Row{Pos: p.i}
	}
	if st, ok := p.stopAt(); ok && st != stopBracket {
		p.problem(p.i, "", "an argument is missing before %s", p.stopText(st))
		return &Row{Pos: p.i}
	}
	if n := p.atom(true); n != nil {
		return n
	}
	return &Row{Pos: p.i}
}

// stopText names a stop token in a message.
func (p *parser) stopText(st stop) string {
	switch st {
	case stopBrace:
		return "}"
	case stopAmp:
		return "&"
	case stopNewline:
		return `\\`
	case stopRight:
		return `\right`
	case stopEnd:
		return `\end`
	}
	return "the end"
}

// group reads a group in braces; the read position is on the brace.
func (p *parser) group() *Row {
	pos := p.i
	p.i++
	row := p.list(pos, stops{brace: true})
	if p.last == stopBrace {
		p.i++
	} else if p.depth < MaxDepth {
		p.problem(pos, "{", "an opening brace { is never closed")
	}
	return row
}

// atom reads one node: a group, a number (one digit only when single is
// true, as in \frac12), a letter, a symbol or a command with its
// arguments. It returns nil for something that draws nothing.
func (p *parser) atom(single bool) Node {
	pos := p.i
	if !p.enter(pos) {
		return nil
	}
	defer p.leave()
	c := p.src[p.i]
	switch {
	case c == '{':
		return p.group()
	case isDigit(c) || c == '.' && p.i+1 < len(p.src) && isDigit(p.src[p.i+1]) && !single:
		p.i++
		if !single {
			dot := c == '.'
			for p.i < len(p.src) {
				d := p.src[p.i]
				if isDigit(d) || d == '.' && !dot && p.i+1 < len(p.src) && isDigit(p.src[p.i+1]) {
					dot = dot || d == '.'
					p.i++
					continue
				}
				break
			}
		}
		return &Number{Pos: pos, Text: p.src[pos:p.i], Variant: p.digitVariant()}
	case isLetter(c):
		p.i++
		return &Ident{Pos: pos, Text: string(c), Variant: p.variant}
	case c == '\\':
		return p.command()
	case c == '~':
		p.i++
		return &Space{Pos: pos, Width: 1.0 / 3}
	case c == '#' || c == '^' || c == '_' || c == '&' || c == '}':
		p.i++
		p.problem(pos, string(c), "%c is out of place here", c)
		return nil
	case c < utf8.RuneSelf:
		p.i++
		if s, ok := asciiSymbols[c]; ok {
			return &Symbol{Pos: pos, Text: s.text, Class: s.class}
		}
		if c < ' ' || c == 0x7f {
			return nil
		}
		return &Symbol{Pos: pos, Text: string(c), Class: Ord}
	}
	r, size := utf8.DecodeRuneInString(p.src[p.i:])
	p.i += size
	switch {
	case r == utf8.RuneError && size == 1:
		return &Symbol{Pos: pos, Text: "\uFFFD", Class: Ord}
	case unicode.IsLetter(r):
		return &Ident{Pos: pos, Text: string(r), Variant: p.variant}
	case unicode.IsDigit(r):
		return &Number{Pos: pos, Text: string(r), Variant: p.digitVariant()}
	case unicode.IsSpace(r):
		return nil
	}
	return &Symbol{Pos: pos, Text: string(r), Class: unicodeClass(r)}
}

// digitVariant returns the variant digits take in the current font:
// \mathit and \boldsymbol leave digits upright (bold for the latter).
func (p *parser) digitVariant() Variant {
	switch p.variant {
	case VariantItalic:
		return VariantAuto
	case VariantBoldItalic:
		return VariantBold
	}
	return p.variant
}

// classes gives the class of a symbol typed as its Unicode character.
var classes = func() map[string]Class {
	m := map[string]Class{}
	for _, s := range symbols {
		if _, ok := m[s.text]; !ok {
			m[s.text] = s.class
		}
	}
	m["−"], m["·"], m["→"] = Bin, Bin, Rel
	return m
}()

// unicodeClass returns the class of a symbol typed as itself (×, ≤, →).
func unicodeClass(r rune) Class {
	if c, ok := classes[string(r)]; ok {
		return c
	}
	return Ord
}

// command reads a command and its arguments; the read position is on the
// backslash.
func (p *parser) command() Node {
	pos := p.i
	name := p.readCommand()
	if name == "" {
		p.problem(pos, `\`, `a lone \ ends the formula`)
		return nil
	}
	if len(name) == 1 && !isLetter(name[0]) {
		if w, ok := spaces[name]; ok {
			return &Space{Pos: pos, Width: w}
		}
		if s, ok := escapes[name[0]]; ok {
			return &Symbol{Pos: pos, Text: s.text, Class: s.class}
		}
		p.problem(pos, `\`+name, `\%s is not a command of the maths studyguide reads`, name)
		return nil
	}
	if g, ok := greek[name]; ok {
		v := p.variant
		if v == VariantAuto && name[0] >= 'A' && name[0] <= 'Z' {
			v = VariantNormal
		}
		return &Ident{Pos: pos, Text: g, Variant: v}
	}
	if l, ok := letterlike[name]; ok {
		return &Ident{Pos: pos, Text: l, Variant: p.variant}
	}
	if s, ok := symbols[name]; ok {
		return &Symbol{Pos: pos, Text: s.text, Class: s.class}
	}
	if w, ok := spaces[name]; ok {
		return &Space{Pos: pos, Width: w}
	}
	if o, ok := largeOps[name]; ok {
		return &Op{Pos: pos, Text: o.text, Limits: o.limits}
	}
	if limits, ok := opNames[name]; ok {
		return &Op{Pos: pos, Text: name, Name: true, Limits: limits}
	}
	if k, ok := accents[name]; ok {
		return &Accent{Pos: pos, Kind: k, Base: p.argument(pos)}
	}
	if v, ok := fonts[name]; ok {
		return p.font(pos, v)
	}
	if v, ok := textCommands[name]; ok {
		return p.text(pos, name, v)
	}
	switch name {
	case "frac", "dfrac", "tfrac", "cfrac":
		style := map[string]FracStyle{"frac": FracAuto, "dfrac": FracDisplay, "tfrac": FracText, "cfrac": FracDisplay}[name]
		if !p.enter(pos) {
			return nil
		}
		defer p.leave()
		num := p.argument(pos)
		den := p.argument(pos)
		return &Frac{Pos: pos, Num: num, Den: den, Style: style}
	case "sqrt":
		if !p.enter(pos) {
			return nil
		}
		defer p.leave()
		var index Node
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == '[' {
			open := p.i
			p.i++
			index = p.list(open, stops{bracket: true})
			if p.last == stopBracket {
				p.i++
			} else {
				p.problem(open, "[", "the degree of the root opened with [ is never closed with ]")
			}
		}
		return &Root{Pos: pos, Index: index, Body: p.argument(pos)}
	case "left":
		return p.fenced(pos)
	case "middle":
		d, ok := p.delimiter(pos, "middle")
		if p.fences == 0 {
			p.problem(pos, `\middle`, `\middle is only allowed between \left and \right`)
		}
		if !ok {
			return nil
		}
		return &Symbol{Pos: pos, Text: d, Class: Rel, Stretchy: true}
	case "operatorname", "operatorname*":
		return p.operatorName(pos, name == "operatorname*")
	case "begin":
		return p.environment(pos)
	case "not":
		return p.not(pos)
	case "displaystyle", "textstyle", "limits", "nolimits":
		// Style switches change sizes only; where they stand alone they
		// draw nothing, as in TeX.
		return nil
	}
	p.problem(pos, `\`+name, `\%s is not a command of the maths studyguide reads`, name)
	return nil
}

// not reads \not before a relation and returns the relation struck
// through: \not= is ≠, \not\in is ∉.
func (p *parser) not(pos int) Node {
	p.skipSpace()
	if p.i >= len(p.src) {
		p.problem(pos, `\not`, `\not must come before a relation`)
		return nil
	}
	n := p.atom(true)
	s, ok := n.(*Symbol)
	if !ok {
		p.problem(pos, `\not`, `\not must come before a relation`)
		return n
	}
	negated := map[string]string{"=": "≠", "∈": "∉", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱",
		"≡": "≢", "⊂": "⊄", "⊆": "⊈", "∼": "≁", "≈": "≉", "∣": "∤", "∥": "∦"}
	if t, ok := negated[s.Text]; ok {
		return &Symbol{Pos: pos, Text: t, Class: s.Class}
	}
	return &Symbol{Pos: pos, Text: s.Text + "\u0338", Class: s.Class}
}

// font reads the argument of a font command such as \mathbf in its
// variant. Upright letters side by side (\mathrm{kg}) make one
// identifier.
func (p *parser) font(pos int, v Variant) Node {
	saved := p.variant
	p.variant = v
	arg := p.argument(pos)
	p.variant = saved
	if v != VariantNormal {
		return arg
	}
	row, ok := arg.(*Row)
	if !ok {
		return arg
	}
	var items []Node
	for _, n := range row.Items {
		id, ok := n.(*Ident)
		if ok && len(items) > 0 {
			if prev, ok := items[len(items)-1].(*Ident); ok && prev.Variant == VariantNormal && id.Variant == VariantNormal {
				items[len(items)-1] = &Ident{Pos: prev.Pos, Text: prev.Text + id.Text, Variant: VariantNormal}
				continue
			}
		}
		items = append(items, n)
	}
	row.Items = items
	return row
}

// text reads the argument of \text and its kin as text: spaces kept,
// braces grouping, a few escaped characters.
func (p *parser) text(pos int, name string, v Variant) Node {
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != '{' {
		p.problem(pos, `\`+name, `\%s must be followed by text in braces`, name)
		return nil
	}
	open := p.i
	p.i++
	var b strings.Builder
	depth := 0
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '{':
			depth++
			p.i++
		case c == '}':
			if depth == 0 {
				p.i++
				return &Text{Pos: pos, Text: b.String(), Variant: v}
			}
			depth--
			p.i++
		case c == '\\':
			at := p.i
			cmd := p.readCommand()
			switch {
			case cmd == " " || cmd == "," || cmd == ";" || cmd == "quad":
				b.WriteByte(' ')
			case len(cmd) == 1 && strings.Contains(`{}$%&#_\`, cmd):
				b.WriteString(cmd)
			case cmd == "textendash":
				b.WriteString("–")
			default:
				p.problem(at, `\`+cmd, `\%s is not a command studyguide reads inside \%s`, cmd, name)
			}
		case c == '~':
			b.WriteString("\u00a0")
			p.i++
		case c == '\n' || c == '\r' || c == '\t':
			b.WriteByte(' ')
			p.i++
		case c == '$':
			p.problem(p.i, "$", `maths inside \%s is not supported`, name)
			p.i++
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	p.problem(open, "{", "an opening brace { is never closed")
	return &Text{Pos: pos, Text: b.String(), Variant: v}
}

// operatorName reads \operatorname{name}: an operator name of the
// author's own, with its limits below it when starred.
func (p *parser) operatorName(pos int, limits bool) Node {
	saved := p.variant
	p.variant = VariantNormal
	arg := p.argument(pos)
	p.variant = saved
	return &Op{Pos: pos, Text: Linear(arg), Name: true, Limits: limits}
}

// delimiter reads the delimiter after \left, \middle or \right.
func (p *parser) delimiter(pos int, cmd string) (string, bool) {
	p.skipSpace()
	if p.i >= len(p.src) {
		p.problem(pos, `\`+cmd, `\%s must be followed by a delimiter`, cmd)
		return "", false
	}
	key := p.src[p.i : p.i+1]
	if p.src[p.i] == '\\' {
		key = `\` + p.peekCommand()
	} else if p.src[p.i] >= utf8.RuneSelf {
		_, size := utf8.DecodeRuneInString(p.src[p.i:])
		key = p.src[p.i : p.i+size]
	}
	d, ok := fences[key]
	if !ok {
		if r, _ := utf8.DecodeRuneInString(key); r >= utf8.RuneSelf && unicodeClass(r) != Ord {
			d, ok = key, true
		}
	}
	if !ok {
		p.problem(p.i, key, `%s cannot follow \%s: use a delimiter such as ( [ \{ | or .`, key, cmd)
		return "", false
	}
	p.i += len(key)
	return d, true
}

// fenced reads \left, the group and \right.
func (p *parser) fenced(pos int) Node {
	left, _ := p.delimiter(pos, "left")
	if !p.enter(pos) {
		return nil
	}
	defer p.leave()
	p.fences++
	body := p.list(p.i, stops{right: true})
	p.fences--
	f := &Fenced{Pos: pos, Left: left, Body: body}
	if p.last != stopRight {
		if p.depth < MaxDepth {
			p.problem(pos, `\left`, `\left has no \right after it`)
		}
		return f
	}
	at := p.i
	p.readCommand()
	f.Right, _ = p.delimiter(at, "right")
	return f
}

// envName reads the {name} after \begin or \end.
func (p *parser) envName() string {
	p.skipSpace()
	if p.i >= len(p.src) || p.src[p.i] != '{' {
		return ""
	}
	end := strings.IndexByte(p.src[p.i:], '}')
	if end < 0 {
		p.i = len(p.src)
		return ""
	}
	name := strings.TrimSpace(p.src[p.i+1 : p.i+end])
	p.i += end + 1
	return name
}

// environment reads \begin{name} … \end{name}.
func (p *parser) environment(pos int) Node {
	name := p.envName()
	kind, ok := environments[name]
	if !ok {
		p.problem(pos, `\begin{`+name+`}`, `the %s environment is not one studyguide reads: use matrix, pmatrix, bmatrix, vmatrix, cases or aligned`, name)
		// Read past its body, so that its cells are not taken for
		// problems of their own.
		if name != "" && !p.unclosed[name] {
			if end := strings.Index(p.src[p.i:], `\end{`+name+`}`); end >= 0 {
				p.i += end + len(`\end{`+name+`}`)
			} else {
				// Remembered, so that many such environments do not
				// each search the rest of the source.
				if p.unclosed == nil {
					p.unclosed = map[string]bool{}
				}
				p.unclosed[name] = true
			}
		}
		return nil
	}
	if !p.enter(pos) {
		return nil
	}
	defer p.leave()
	t := &Table{Pos: pos, Kind: kind}
	var row []*Row
	for {
		cell := p.list(p.i, stops{table: true})
		row = append(row, cell)
		switch p.last {
		case stopAmp:
			p.i++
			continue
		case stopNewline:
			p.i += 2
			p.skipOptional()
			t.Rows = append(t.Rows, row)
			row = nil
			continue
		case stopEnd:
			at := p.i
			p.readCommand()
			if end := p.envName(); end != name {
				p.problem(at, `\end{`+end+`}`, `\begin{%s} is ended by \end{%s}`, name, end)
			}
		default:
			if p.depth < MaxDepth {
				p.problem(pos, `\begin{`+name+`}`, `\begin{%s} has no \end{%s}`, name, name)
			}
		}
		break
	}
	// A row that only ends the one before it (\\ before \end) is no row.
	if len(row) > 1 || len(row) == 1 && len(row[0].Items) > 0 {
		t.Rows = append(t.Rows, row)
	}
	return t
}

// skipOptional skips the optional space after \\ in a table, as in
// \\[2pt].
func (p *parser) skipOptional() {
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '[' {
		if end := strings.IndexByte(p.src[p.i:], ']'); end >= 0 {
			p.i += end + 1
		}
	}
}
