package guide_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
)

// nodeKinds parses the guide package and returns the name of every type
// that is a node: every type with a node, block or inline method.
func nodeKinds(t *testing.T) (kinds []string, files map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg := pkgs["guide"]
	if pkg == nil {
		t.Fatal("no package guide in the folder")
	}
	seen := map[string]bool{}
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			switch fn.Name.Name {
			case "node", "block", "inline":
			default:
				continue
			}
			name := typeName(fn.Recv.List[0].Type)
			if name != "" && !seen[name] {
				seen[name] = true
				kinds = append(kinds, name)
			}
		}
	}
	slices.Sort(kinds)
	if len(kinds) == 0 {
		t.Fatal("found no node kinds in the package")
	}
	return kinds, pkg.Files
}

// typeName returns the name of a receiver type such as *Paragraph.
func typeName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// TestEveryKindHasChildren fails when a kind of node is missing from the
// type switch that gives each kind's children, so that no kind is
// walked past without a decision about what is below it.
func TestEveryKindHasChildren(t *testing.T) {
	kinds, files := nodeKinds(t)
	cased := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || fn.Name.Name != "eachChild" {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if cc, ok := n.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						cased[typeName(e)] = true
					}
				}
				return true
			})
		}
	}
	if len(cased) == 0 {
		t.Fatal("found no eachChild type switch")
	}
	for _, k := range kinds {
		if !cased[k] {
			t.Errorf("node kind %s has no case in eachChild (node.go)", k)
		}
	}
	for k := range cased {
		if k != "nil" && !slices.Contains(kinds, k) {
			t.Errorf("eachChild has a case for %s, which is not a node kind", k)
		}
	}
}

// TestFixtureHasEveryKind fails when the guide of every kind lacks a node
// of some kind, so that the writers' tests, which build it, cover every
// kind.
func TestFixtureHasEveryKind(t *testing.T) {
	kinds, _ := nodeKinds(t)
	found := map[string]bool{}
	guide.Inspect(allkinds.Guide(), func(n guide.Node) bool {
		if n != nil {
			found[reflect.TypeOf(n).Elem().Name()] = true
		}
		return true
	})
	for _, k := range kinds {
		if !found[k] {
			t.Errorf("allkinds.Guide has no node of kind %s", k)
		}
	}
}

// TestInspectOrder checks the reading order of Inspect and that it calls
// fn(nil) once after the children of each node it went into.
func TestInspectOrder(t *testing.T) {
	g := allkinds.Guide()
	var order []string
	depth, maxDepth := 0, 0
	guide.Inspect(g, func(n guide.Node) bool {
		if n == nil {
			depth--
			return true
		}
		depth++
		maxDepth = max(maxDepth, depth)
		switch n := n.(type) {
		case *guide.Text:
			order = append(order, n.Text)
		case *guide.Section:
			order = append(order, "section "+n.ID)
		case *guide.Footnote:
			order = append(order, "footnote "+n.ID)
		case *guide.CodeBlock:
			order = append(order, n.Text)
		case *guide.Figure:
			// Its scene is not part of the guide's tree.
			order = append(order, n.Alt)
		}
		return true
	})
	if depth != 0 {
		t.Errorf("depth after the walk = %d, want 0: fn(nil) is not called once per node", depth)
	}
	if maxDepth < 5 {
		t.Errorf("deepest nesting = %d, want at least 5", maxDepth)
	}
	got := strings.Join(order, "|")
	for _, want := range []string{
		"intro text|section blocks|paragraph text |strong text|emph text",
		"blank text | |span text| formula text |Key point",
		"Key point|: list item text|plain item text|quote text|div text|code block text|header cell|second header|row cell|second cell|figure alt|definition term|definition text|footnote blocks",
	} {
		want = strings.Replace(want, "footnote blocks", "footnote fn-1|footnote text", 1)
		if !strings.Contains(got, want) {
			t.Errorf("Inspect order:\n%s\nwant it to hold\n%s", got, want)
		}
	}
}

// TestInspectPrunes checks that a false from fn skips the node's children
// and its fn(nil).
func TestInspectPrunes(t *testing.T) {
	g := allkinds.Guide()
	var texts, nils int
	guide.Inspect(g, func(n guide.Node) bool {
		switch n.(type) {
		case nil:
			nils++
		case *guide.Section, *guide.Footnote:
			return false
		case *guide.Text:
			texts++
		}
		return true
	})
	if texts != 1 {
		t.Errorf("met %d texts outside sections and footnotes, want 1 (the introduction's)", texts)
	}
	// The guide, the introduction's paragraph and its text.
	if nils != 3 {
		t.Errorf("fn(nil) called %d times, want 3", nils)
	}
}

// TestChildrenStops checks that Children stops when the loop over it
// breaks, and that nil and leaves have none.
func TestChildrenStops(t *testing.T) {
	g := allkinds.Guide()
	var got []guide.Node
	for c := range guide.Children(g.Sections[0]) {
		got = append(got, c)
		if len(got) == 2 {
			break
		}
	}
	if len(got) != 2 {
		t.Fatalf("got %d children before the break, want 2", len(got))
	}
	if _, ok := got[1].(*guide.List); !ok {
		t.Errorf("second child of the section is %T, want *guide.List", got[1])
	}
	for _, leaf := range []guide.Node{nil, &guide.Text{}, &guide.Rule{}, &guide.Figure{}, (*guide.Section)(nil)} {
		for c := range guide.Children(leaf) {
			t.Errorf("%T has a child %T", leaf, c)
		}
	}
	guide.Inspect((*guide.Guide)(nil), func(guide.Node) bool {
		t.Error("Inspect called fn for a nil guide")
		return true
	})
}

// TestDumpEveryKind checks that Dump writes every kind of block and
// inline of the fixture, each with its own words.
func TestDumpEveryKind(t *testing.T) {
	var b strings.Builder
	if err := guide.Dump(&b, allkinds.Guide()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"intro text", "**strong text**", "*emph text*", "~~strike text~~", "`code text`",
		"[link text](https://example.org/)", "[ref text](ref:kinds-table)", "![image alt](missing.png)", "[^0]", `\n`,
		"list ordered", "item key=", "plain item text", "quote", "code lang=\"go\"", "rule",
		"table kind=", "header \"header cell\"", "row \"row cell\"", "figure id=kinds-figure", "deflist", "term \"definition term\"",
		"definition", "footnote 0 id=fn-1",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Dump lacks %q:\n%s", want, b.String())
		}
	}
}

// newBlock and newInline are kinds of node that Dump does not know, as a
// kind added to the model and not yet to Dump would be.
type (
	newBlock  struct{ *guide.Rule }
	newInline struct{ *guide.Code }
)

// TestDumpUnknownKindIsAnError checks that Dump fails with an error that
// names a kind it does not know, for a block and for an inline.
func TestDumpUnknownKindIsAnError(t *testing.T) {
	for name, add := range map[string]func(g *guide.Guide){
		"newBlock": func(g *guide.Guide) {
			s := g.Sections[0]
			s.Blocks = append(s.Blocks, newBlock{&guide.Rule{Pos: guide.NoPos}})
		},
		"newInline": func(g *guide.Guide) {
			p := g.Intro[0].(*guide.Paragraph)
			p.Inlines = append(p.Inlines, newInline{&guide.Code{Pos: guide.NoPos, Text: "x"}})
		},
	} {
		g := allkinds.Guide()
		add(g)
		err := guide.Dump(io.Discard, g)
		if err == nil || !strings.Contains(err.Error(), "guide_test."+name) {
			t.Errorf("Dump of a guide with a %s: error = %v, want one naming the kind", name, err)
		}
	}
}
