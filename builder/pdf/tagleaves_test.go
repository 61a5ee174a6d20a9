package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
)

// TestLongTreesAreSplitIntoLeaves writes a guide with more footnotes than
// a leaf of the /IDTree holds and more links than a batch of annotations,
// and checks the trees a reader looks things up in: the ids in leaves of
// at most idsPerLeaf, in order, each with the right /Limits, every id
// there once; the annotations' entries of the parent tree in leaves of
// at most annotsPerBatch, after the pages'; and the tagging whole.
func TestLongTreesAreSplitIntoLeaves(t *testing.T) {
	checkers.Require(t, "qpdf")
	const notes = idsPerLeaf + idsPerLeaf/2
	g := &guide.Guide{Meta: guide.Meta{Title: "Many notes", Lang: "en", Identifier: "urn:test:many-notes"}}
	sec := &guide.Section{ID: "s", Title: "Notes", Level: 1, Heading: []guide.Inline{txt("Notes")}}
	for i := range notes {
		// Ids that sort otherwise as text than as numbers.
		g.Footnotes = append(g.Footnotes, &guide.Footnote{ID: fmt.Sprintf("fn-%d", i), Label: fmt.Sprint(i),
			Blocks: []guide.Block{para(txt(fmt.Sprintf("Note %d.", i)))}})
		sec.Blocks = append(sec.Blocks, para(txt(fmt.Sprintf("Paragraph %d", i)), &guide.FootnoteRef{Index: i},
			txt(", "), link("#s", txt("back to the top")), txt(".")))
	}
	g.Sections = []*guide.Section{sec}
	var b bytes.Buffer
	if err := Write(&b, g, Options{}); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/notes.pdf"
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if tg := checkers.TaggedPDF(t, path); len(tg.Problems) > 0 {
		t.Errorf("tagging: %s", strings.Join(tg.Problems, "\n"))
	}

	out := checkers.Run(t, "qpdf", "--json", "--json-key=qpdf", path)
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	// deref follows a reference to the dictionary it leads to.
	deref := func(v any) map[string]any {
		if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
			v = objs["obj:"+s].Value
		}
		d, _ := v.(map[string]any)
		return d
	}
	root := deref(deref(deref(objs["trailer"].Value)["/Root"])["/StructTreeRoot"])
	if root == nil {
		t.Fatal("no StructTreeRoot")
	}

	idTree := deref(root["/IDTree"])
	kids, _ := idTree["/Kids"].([]any)
	if want := (notes + idsPerLeaf - 1) / idsPerLeaf; len(kids) != want {
		t.Fatalf("the /IDTree has %d leaves, want %d", len(kids), want)
	}
	var ids []string
	for i, k := range kids {
		leaf := deref(k)
		names, _ := leaf["/Names"].([]any)
		limits, _ := leaf["/Limits"].([]any)
		if len(names) == 0 || len(names) > 2*idsPerLeaf || len(limits) != 2 {
			t.Fatalf("leaf %d of the /IDTree: %d names, limits %v", i, len(names)/2, limits)
		}
		if limits[0] != names[0] || limits[1] != names[len(names)-2] {
			t.Errorf("leaf %d of the /IDTree: limits %v, names from %v to %v", i, limits, names[0], names[len(names)-2])
		}
		for j := 0; j < len(names); j += 2 {
			id, _ := names[j].(string)
			ids = append(ids, strings.TrimPrefix(id, "u:"))
			if deref(names[j+1]) == nil {
				t.Errorf("id %v names no element", names[j])
			}
		}
	}
	if len(ids) != notes {
		t.Errorf("%d ids in the /IDTree, want %d", len(ids), notes)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("the /IDTree's ids out of order: %q before %q", ids[i-1], ids[i])
		}
	}

	// The parent tree: the pages' leaves, then the annotations' in
	// batches, the keys rising throughout.
	leaves, _ := deref(root["/ParentTree"])["/Kids"].([]any)
	last, annotLeaves := -1.0, 0
	for i, k := range leaves {
		leaf := deref(k)
		nums, _ := leaf["/Nums"].([]any)
		limits, _ := leaf["/Limits"].([]any)
		if len(nums) == 0 || len(limits) != 2 || limits[0] != nums[0] || limits[1] != nums[len(nums)-2] {
			t.Fatalf("leaf %d of the parent tree: limits %v, %d entries", i, limits, len(nums)/2)
		}
		if first := nums[0].(float64); first != last+1 {
			t.Errorf("leaf %d of the parent tree starts at key %v, after %v", i, first, last)
		}
		last = limits[1].(float64)
		if _, many := nums[1].([]any); !many {
			// An annotation's entry is its Link element alone.
			annotLeaves++
			if len(nums)/2 > annotsPerBatch {
				t.Errorf("leaf %d of the parent tree holds %d annotations", i, len(nums)/2)
			}
		}
	}
	if annotLeaves < 2 {
		t.Errorf("the annotations' entries of the parent tree are in %d leaves", annotLeaves)
	}
	if next, _ := root["/ParentTreeNextKey"].(float64); next != last+1 {
		t.Errorf("/ParentTreeNextKey %v after a last key of %v", next, last)
	}
}
