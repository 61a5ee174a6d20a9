package checkers

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// StructTree reads a tagged PDF with qpdf and returns its structure tree
// in a normal form that does not depend on how the file numbers or orders
// its objects (see NormalStructTree): two PDFs tagged alike give the same
// text however their trees were written.
func StructTree(t testing.TB, path string) string {
	t.Helper()
	Require(t, "qpdf")
	out := cached(t, path, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=inline", path)
	s, err := NormalStructTree(out)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// NormalStructTree turns the output of `qpdf --json --json-key=pages
// --json-key=qpdf --json-stream-data=inline` into a text that says, one
// line each: every element of the structure tree in the order of the
// tree, indented by its depth, with its type, its attributes (all its
// entries but /P, /K, /Pg and /Type, references replaced by what they
// lead to), whether its /P is the element above it, and its kids: marked
// content by page (counted from 1) and MCID, link annotations by page and
// their place among that page's /Annots, with what they say. Then every
// page's /Tabs, what the parent tree gives each MCID of the page and each
// link annotation (as the path of an element: its index among its
// parent's kids, from the root down), the /IDTree's entries, the /RoleMap
// and how many keys the parent tree has, with a line for any key used
// other than once and for a /ParentTreeNextKey not above them all.
// Neither object numbers nor the keys of the parent tree appear.
func NormalStructTree(qpdfJSON []byte) (string, error) {
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(qpdfJSON, &doc); err != nil {
		return "", err
	}
	if len(doc.QPDF) < 2 {
		return "", fmt.Errorf("qpdf --json has no objects")
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		return "", err
	}
	isRef := func(v any) (string, bool) {
		s, ok := v.(string)
		return s, ok && strings.HasSuffix(s, " R")
	}
	deref := func(v any) any {
		for range 10 {
			ref, ok := isRef(v)
			if !ok {
				return v
			}
			o := objs["obj:"+ref]
			if o.Stream != nil {
				return o.Stream.Dict
			}
			v = o.Value
		}
		return v
	}
	dict := func(v any) map[string]any {
		d, _ := deref(v).(map[string]any)
		return d
	}
	var b strings.Builder
	trailer := dict(objs["trailer"].Value)
	catalog := dict(trailer["/Root"])
	if catalog == nil {
		return "", fmt.Errorf("no catalog")
	}
	rootRef, _ := isRef(catalog["/StructTreeRoot"])
	root := dict(catalog["/StructTreeRoot"])
	if root == nil {
		return "no structure tree\n", nil
	}
	pageOf := map[string]int{}     // page object → number from 1
	annotAt := map[string]string{} // annotation object → "page N link K"
	for i, p := range doc.Pages {
		pageOf[p.Object] = i + 1
		for k, a := range anySlice(dict(p.Object)["/Annots"]) {
			if ref, ok := isRef(a); ok {
				annotAt[ref] = fmt.Sprintf("page %d link %d", i+1, k+1)
			}
		}
	}
	pageName := func(v any) string {
		ref, _ := isRef(v)
		if n, ok := pageOf[ref]; ok {
			return "page " + strconv.Itoa(n)
		}
		return "page ?" + fmt.Sprint(v)
	}

	// The elements, numbered by their path.
	pathOf := map[string]string{} // element object → path
	var value func(v any, depth int) string
	value = func(v any, depth int) string {
		if ref, ok := isRef(v); ok {
			if p, ok := pathOf[ref]; ok {
				return "elem " + p
			}
			if n, ok := pageOf[ref]; ok {
				return "page " + strconv.Itoa(n)
			}
			if depth > 4 {
				return "ref"
			}
			v = deref(v)
		}
		switch v := v.(type) {
		case map[string]any:
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range v {
					if !yield(k) {
						return
					}
				}
			})
			var s []string
			for _, k := range keys {
				if k == "/StructParent" || k == "/StructParents" {
					// A key of the parent tree, which the
					// entries resolved stand for.
					continue
				}
				s = append(s, k+" "+value(v[k], depth+1))
			}
			return "<<" + strings.Join(s, " ") + ">>"
		case []any:
			var s []string
			for _, x := range v {
				s = append(s, value(x, depth+1))
			}
			return "[" + strings.Join(s, " ") + "]"
		default:
			return fmt.Sprint(v)
		}
	}
	type elem struct {
		ref, path string
		depth     int
		d         map[string]any
		parent    string
	}
	var elems []elem
	var walk func(ref, parent, path string, depth int)
	walk = func(ref, parent, path string, depth int) {
		if depth > 200 {
			return
		}
		pathOf[ref] = path
		d := dict(ref)
		elems = append(elems, elem{ref: ref, path: path, depth: depth, d: d, parent: parent})
		i := 0
		for _, k := range anySlice(d["/K"]) {
			if r, ok := isRef(k); ok {
				if kd := dict(r); kd != nil && kd["/Type"] != "/OBJR" && kd["/Type"] != "/MCR" {
					walk(r, ref, path+"."+strconv.Itoa(i), depth+1)
					i++
				}
			}
		}
	}
	for i, k := range anySlice(root["/K"]) {
		if r, ok := isRef(k); ok {
			walk(r, rootRef, strconv.Itoa(i), 0)
		}
	}
	for _, e := range elems {
		b.WriteString(strings.Repeat("  ", e.depth))
		b.WriteString(e.path + " " + fmt.Sprint(e.d["/S"]))
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range e.d {
				if !yield(k) {
					return
				}
			}
		})
		for _, k := range keys {
			switch k {
			case "/S", "/P", "/K", "/Pg", "/Type":
				continue
			}
			b.WriteString(" " + k + " " + value(e.d[k], 0))
		}
		if p, _ := isRef(e.d["/P"]); p != e.parent {
			b.WriteString(" /P-WRONG")
		}
		for _, k := range anySlice(e.d["/K"]) {
			b.WriteString(" |")
			switch k := k.(type) {
			case float64:
				b.WriteString(" " + pageName(e.d["/Pg"]) + " mcid " + fmt.Sprint(k))
			case string:
				if p, ok := pathOf[k]; ok {
					b.WriteString(" elem " + p)
					continue
				}
				kd := dict(k)
				b.WriteString(" " + kidText(kd, e.d, pageName, annotAt, value, isRef))
			case map[string]any:
				b.WriteString(" " + kidText(k, e.d, pageName, annotAt, value, isRef))
			default:
				b.WriteString(" ?" + fmt.Sprint(k))
			}
		}
		b.WriteByte('\n')
	}

	// The parent tree, flattened.
	parents := map[int]any{}
	var nums func(n map[string]any, depth int)
	nums = func(n map[string]any, depth int) {
		if depth > 50 {
			return
		}
		arr := anySlice(n["/Nums"])
		for i := 0; i+1 < len(arr); i += 2 {
			if k, ok := arr[i].(float64); ok {
				parents[int(k)] = arr[i+1]
			}
		}
		for _, k := range anySlice(n["/Kids"]) {
			if d := dict(k); d != nil {
				nums(d, depth+1)
			}
		}
	}
	nums(dict(root["/ParentTree"]), 0)
	used := map[int]int{}
	for i, p := range doc.Pages {
		pd := dict(p.Object)
		fmt.Fprintf(&b, "page %d /Tabs %v", i+1, pd["/Tabs"])
		sp, ok := pd["/StructParents"].(float64)
		if !ok {
			b.WriteString(" no /StructParents\n")
		} else {
			b.WriteByte('\n')
			used[int(sp)]++
			for m, e := range anySlice(deref(parents[int(sp)])) {
				fmt.Fprintf(&b, "  mcid %d %s\n", m, value(e, 0))
			}
		}
		for k, a := range anySlice(pd["/Annots"]) {
			ad := dict(a)
			fmt.Fprintf(&b, "  link %d", k+1)
			if sp, ok := ad["/StructParent"].(float64); ok {
				used[int(sp)]++
				fmt.Fprintf(&b, " %s", value(parents[int(sp)], 0))
			} else {
				b.WriteString(" no /StructParent")
			}
			b.WriteByte('\n')
		}
	}
	keys := slices.Sorted(func(yield func(int) bool) {
		for k := range parents {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		if used[k] != 1 {
			fmt.Fprintf(&b, "a key of the parent tree used %d times: %s\n", used[k], value(parents[k], 0))
		}
	}
	next, _ := root["/ParentTreeNextKey"].(float64)
	if len(keys) > 0 && int(next) <= keys[len(keys)-1] {
		b.WriteString("/ParentTreeNextKey is not above every key\n")
	}
	var names func(n map[string]any, depth int)
	names = func(n map[string]any, depth int) {
		if depth > 50 {
			return
		}
		arr := anySlice(n["/Names"])
		for i := 0; i+1 < len(arr); i += 2 {
			fmt.Fprintf(&b, "id %v %s\n", arr[i], value(arr[i+1], 0))
		}
		for _, k := range anySlice(n["/Kids"]) {
			if d := dict(k); d != nil {
				names(d, depth+1)
			}
		}
	}
	if id := dict(root["/IDTree"]); id != nil {
		names(id, 0)
	}
	fmt.Fprintf(&b, "/RoleMap %s\nkeys in the parent tree %d\n", value(root["/RoleMap"], 0), len(keys))
	return b.String(), nil
}

// kidText describes a kid of element e that is not an element: marked
// content by its page and MCID, a link annotation by its page and place
// with what it says.
func kidText(k, e map[string]any, pageName func(any) string, annotAt map[string]string,
	value func(any, int) string, isRef func(any) (string, bool)) string {
	switch k["/Type"] {
	case "/MCR":
		pg := k["/Pg"]
		if pg == nil {
			pg = e["/Pg"]
		}
		return "mcr " + pageName(pg) + " mcid " + fmt.Sprint(k["/MCID"])
	case "/OBJR":
		ref, _ := isRef(k["/Obj"])
		at, ok := annotAt[ref]
		if !ok {
			at = "an annotation on no page"
		}
		pg := k["/Pg"]
		if pg == nil {
			pg = e["/Pg"]
		}
		return "objr " + pageName(pg) + " (" + at + ") " + value(k["/Obj"], 0)
	}
	return "kid " + value(k, 0)
}

// anySlice returns v as a slice, nil when it is not one.
func anySlice(v any) []any {
	s, _ := v.([]any)
	return s
}
