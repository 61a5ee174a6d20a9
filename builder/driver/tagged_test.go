package driver

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/testnotes"
)

// longNote is a generated note of many sections, written once per test
// binary, for the tests that must see a guide of many pages.
var longNote = struct {
	once sync.Once
	path string
	err  error
}{}

// longNotePath returns the path of the long generated note.
func longNotePath(t *testing.T) string {
	t.Helper()
	longNote.once.Do(func() {
		dir, err := scratchDir("long")
		if err != nil {
			longNote.err = err
			return
		}
		longNote.path = filepath.Join(dir, "long-reader.md")
		longNote.err = os.WriteFile(longNote.path, testnotes.CourseReader(60), 0o644)
	})
	if longNote.err != nil {
		t.Fatal(longNote.err)
	}
	return longNote.path
}

// TestPDFIsTagged holds the PDF of every sample, of the seed and of a long
// generated note to the tagged-PDF contract: pdfinfo calls it tagged;
// everything painted on every page is marked content that the structure
// tree references, or an artifact; and the tree, read back with pdfinfo,
// has the guide's headings in reading order at the levels of its
// sections, its tables with their header cells, and its drawings as
// figures with their text alternatives.
func TestPDFIsTagged(t *testing.T) {
	wordsChecked := map[string]bool{"nato-peacekeeping": true, "physics-formulas": true, "words-abroad": true}
	long := longNotePath(t)
	notes := append(sampleNotes(t), long, "testdata/scripts/words-abroad.md")
	for _, note := range notes {
		t.Run(noteName(note), func(t *testing.T) {
			t.Parallel()
			b := buildOnce(t, note, Options{})
			checkers.Require(t, "pdfinfo", "qpdf")
			if info := checkers.PDFInfo(t, b.pdf); !strings.Contains(info, "\nTagged:          yes") {
				t.Errorf("pdfinfo does not call the PDF tagged:\n%s", info)
			}
			tags := checkers.TaggedPDF(t, b.pdf)
			if len(tags.Problems) > 0 {
				t.Errorf("tagging problems:\n%s", strings.Join(tags.Problems, "\n"))
			}
			if tags.MCIDs == 0 {
				t.Error("no marked content belongs to the structure tree")
			}
			// Poppler is slow to find the text of each element (seconds
			// of processor time a small guide): the tree's words are
			// read for the seed, the formulas and the scripts, the
			// other trees without them.
			text := wordsChecked[noteName(note)]
			tree := checkers.PDFStructure(t, b.pdf, text)
			// The guide as the build made it, study aids and all.
			var diags diag.List
			g, err := readNote(note, &diags)
			if err != nil {
				t.Fatal(err)
			}
			aids.Run(g, nil)
			guide.MarkScripts(g)

			// Headings: the title page's, the contents', then every
			// section's but those whose drawing carries the title, each
			// read from the tags with the spaces between its words.
			flat := wordsText
			if !text {
				flat = func(string) string { return "" }
			}
			want := []string{"H1 " + flat(g.Meta.Title)}
			if len(g.Sections) > 0 {
				want = append(want, "H1 "+flat(tocTitle(tree)))
			}
			g.WalkSections(func(s *guide.Section) bool {
				if !drawnTitle(s) {
					want = append(want, "H"+strconv.Itoa(min(s.Level, 6))+" "+flat(s.Title))
				}
				return true
			})
			var have []string
			walkHeadings(tree, func(e *checkers.StructElem) {
				have = append(have, e.Type+" "+flat(e.AllText()))
			})
			if !slices.Equal(have, want) {
				t.Errorf("headings in the structure tree:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
			}

			// Words: every paragraph the tags hold reads with the spaces
			// of the notes between its words ("in peacekeeping", not
			// "inpeacekeeping"), however its words are styled and
			// wherever its lines wrap. A paragraph is found by its text
			// without spaces: one printed otherwise (a formula in
			// symbols, a reference as its page number) is not held to
			// its notes' text.
			if text {
				tagged := map[string][]string{}
				for _, typ := range []string{"P", "LBody"} {
					for _, e := range tree.All(typ) {
						s := pageRef.ReplaceAllString(e.AllText(), "")
						tagged[flatText(s)] = append(tagged[flatText(s)], wordsText(s))
					}
				}
				inspectGuide(g, func(n guide.Node) {
					p, ok := n.(*guide.Paragraph)
					if !ok || printedOtherwise(p) {
						return
					}
					want := wordsText(guide.PlainText(p.Inlines))
					if want == "" {
						return
					}
					have := tagged[flatText(want)]
					switch {
					case len(have) == 0:
						t.Errorf("a paragraph is not in the tags:\n%s", want)
					case !slices.Contains(have, want):
						t.Errorf("a paragraph reads in the tags:\n%s\nwant:\n%s", have[0], want)
					}
				})
				// Each entry of the contents reads as its title, then
				// its page number.
				for _, e := range tree.All("TOCI") {
					words := wordsText(e.AllText())
					i := strings.LastIndexByte(words, ' ')
					if _, err := strconv.Atoi(words[i+1:]); err != nil || i <= 0 {
						t.Errorf("entry of the contents %q does not end with a page number after a space", words)
					}
				}
			}

			// A link that runs onto more lines is one Link element, with
			// an annotation for each line: the first cell of a study
			// table's row, a link to the place it sums up, holds one.
			for _, tr := range tree.All("TR") {
				if len(tr.Kids) == 0 || tr.Kids[0].Type != "TD" {
					continue
				}
				links := 0
				for _, k := range tr.Kids[0].Kids {
					if k.Type != "Link" {
						links = 0
						break
					}
					links++
				}
				if links > 1 {
					t.Errorf("the link of cell %q is %d Link elements, not one", wordsText(tr.Kids[0].AllText()), links)
				}
			}

			// Tables: each table of the guide with a header row, in
			// order, has those header cells as TH cells scoped to their
			// column.
			var wantTH, haveTH []string
			inspectGuide(g, func(n guide.Node) {
				if tb, ok := n.(*guide.Table); ok && len(tb.Header) > 0 {
					var cells []string
					for _, c := range tb.Header {
						cells = append(cells, flat(guide.PlainText(c.Inlines)))
					}
					wantTH = append(wantTH, strings.Join(cells, " | "))
				}
			})
			for _, tb := range tree.All("Table") {
				var cells []string
				for _, th := range tb.All("TH") {
					if !slices.Contains(th.Attrs, "/Scope /Column") {
						t.Errorf("header cell %q has no column scope: %v", th.AllText(), th.Attrs)
					}
					cells = append(cells, flat(th.AllText()))
				}
				if len(cells) > 0 {
					haveTH = append(haveTH, strings.Join(cells, " | "))
				}
			}
			if !slices.Equal(haveTH, wantTH) {
				t.Errorf("table headers in the structure tree:\n%s\nwant:\n%s", strings.Join(haveTH, "\n"), strings.Join(wantTH, "\n"))
			}

			// Languages: every word or passage in another language that
			// the PDF prints, marked by the notes or found by its
			// script, is a Span with its /Lang.
			if text {
				printed := flatText(strings.Join(checkers.PDFText(t, b.pdf), " "))
				spans := map[string]bool{}
				for _, e := range tree.All("Span") {
					spans[flatText(e.AllText())] = true
				}
				seen := map[string]bool{}
				inspectGuide(g, func(n guide.Node) {
					s, ok := n.(*guide.Span)
					if !ok || s.Lang == "" {
						return
					}
					words := flatText(guide.PlainText(s.Children))
					if words == "" || seen[words] || !strings.Contains(printed, words) {
						return
					}
					seen[words] = true
					if !spans[words] {
						t.Errorf("%q (%s) is printed but is no Span of the structure tree", words, s.Lang)
					}
					if tags.Langs[s.Lang] == 0 {
						t.Errorf("no element of the PDF has /Lang (%s), the language of %q", s.Lang, words)
					}
				})
			}

			// Figures: every drawing is a Figure whose /Alt is its text
			// alternative, the palace's walking its rooms in order.
			var wantAlt []string
			inspectGuide(g, func(n guide.Node) {
				if f, ok := n.(*guide.Figure); ok && f.Scene != nil && len(f.Scene.Items) > 0 {
					wantAlt = append(wantAlt, f.Alt)
				}
			})
			if len(tree.All("Figure")) != len(tags.Figures) {
				t.Errorf("pdfinfo shows %d figures, the tree has %d", len(tree.All("Figure")), len(tags.Figures))
			}
			if !isSubsequence(tags.Figures, wantAlt) {
				t.Errorf("figures' /Alt in the PDF:\n%s\nwant among them, in order:\n%s", strings.Join(tags.Figures, "\n"), strings.Join(wantAlt, "\n"))
			}
		})
	}
}

// pageRef matches the page number the PDF prints after a link to a place
// in the guide ("p. 12"), the word and the number a no-break space apart,
// with the space before it.
var pageRef = regexp.MustCompile(`\s*[^\s\x{a0}]+\x{a0}[0-9]+`)

// printedOtherwise reports whether the PDF prints a paragraph's text
// otherwise than its notes write it: with the gap of a question (a rule),
// a footnote's number, a reference's page number, a formula in symbols or
// an image that stands alone.
func printedOtherwise(p *guide.Paragraph) bool {
	found := false
	for _, in := range p.Inlines {
		guide.Inspect(in, func(n guide.Node) bool {
			switch n.(type) {
			case *guide.Blank, *guide.FootnoteRef, *guide.Ref, *guide.Formula, *guide.Image:
				found = true
			}
			return !found
		})
	}
	return found
}

// wordsText is s with its words one space apart.
func wordsText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// flatText removes white space.
func flatText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), "")
}

// tocTitle is the text of the heading that stands before the TOC element.
func tocTitle(tree *checkers.StructElem) string {
	for _, doc := range tree.Kids {
		for i, k := range doc.Kids {
			if k.Type == "TOC" && i > 0 {
				return doc.Kids[i-1].AllText()
			}
		}
	}
	return ""
}

// drawnTitle reports whether a section's heading is not printed because
// its first block is a drawing of a page of its own, which carries it.
func drawnTitle(s *guide.Section) bool {
	if len(s.Blocks) == 0 {
		return false
	}
	f, ok := s.Blocks[0].(*guide.Figure)
	return ok && (f.FullPage || f.Kind == guide.Palace) && f.Scene != nil && f.Scene.Width > 0 && f.Scene.Height > 0
}

// walkHeadings calls fn for every H1 to H6 of the tree in reading order.
func walkHeadings(e *checkers.StructElem, fn func(*checkers.StructElem)) {
	for _, k := range e.Kids {
		if len(k.Type) == 2 && k.Type[0] == 'H' && k.Type[1] >= '1' && k.Type[1] <= '6' {
			fn(k)
			continue
		}
		walkHeadings(k, fn)
	}
}

// inspectGuide calls fn for every node of the guide's introduction and
// sections, in reading order.
func inspectGuide(g *guide.Guide, fn func(guide.Node)) {
	visit := func(n guide.Node) bool {
		fn(n)
		return true
	}
	for _, b := range g.Intro {
		guide.Inspect(b, visit)
	}
	for _, s := range g.Sections {
		guide.Inspect(s, visit)
	}
}

// isSubsequence reports whether want appears in have in order.
func isSubsequence(have, want []string) bool {
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	return i == len(want)
}
