package driver

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"studyguide/builder/course"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// mmToPt converts millimetres, the unit of layouts, to points.
const mmToPt = 72 / 25.4

// breakNotes returns the notes the page breaks are tried on beyond the
// samples: notes in other styles and languages (long paragraphs of prose,
// many short sections, heavy tables, long lists and code).
func breakNotes(t *testing.T) []string {
	t.Helper()
	notes, err := filepath.Glob("testdata/breaks/*.md")
	if err != nil || len(notes) == 0 {
		t.Fatalf("no notes in testdata/breaks: %v", err)
	}
	return notes
}

// TestPagesBreakWell holds the PDF of every sample, of the seed and of the
// notes in testdata/breaks, in every built-in layout, to the page-break
// checker: no page but the title page and the last holds three lines or
// fewer, none ends with a heading or a table's caption, and no paragraph
// leaves a line alone at the foot or the top of a page. It reuses the
// builds other tests make where it can.
func TestPagesBreakWell(t *testing.T) {
	notes := append(sampleNotes(t), breakNotes(t)...)
	for _, name := range layouts.Names() {
		layout, err := layouts.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		top := layout.MarginTop * mmToPt
		bottom := (layout.PageHeight - layout.MarginBottom) * mmToPt
		for _, note := range notes {
			t.Run(name+"/"+noteName(note), func(t *testing.T) {
				t.Parallel()
				var b built
				switch {
				case note == seedPath:
					b = seedPrint(t, name)
				case name == layouts.Default && !strings.HasPrefix(note, "testdata"):
					b = buildOnce(t, note, Options{})
				default:
					b = buildOnce(t, note, Options{Outputs: []string{"pdf"}, Layout: name})
				}
				headings := headingsOf(t, note)
				pages := checkers.PDFLines(t, b.pdf)
				problems := checkers.BreakProblems(pages, top, bottom, headings)
				problems = append(problems, checkers.LoneLines(pages, top, bottom, headings)...)
				if len(problems) > 0 {
					t.Errorf("%s in %s breaks pages badly:\n%s", noteName(note), name, strings.Join(problems, "\n"))
				}
			})
		}
	}
}

// headed holds the headings of each note, read once.
var headed struct {
	sync.Mutex
	m map[string]*headings
}

// headings are the titles and captions of a note's guide.
type headings struct {
	once sync.Once
	list []string
	err  error
}

// headingsOf returns the titles of the sections of a note's guide, study
// aids included, and the captions of its tables: what the PDF sets as
// headings. A folder is read as a course.
func headingsOf(t *testing.T, note string) []string {
	t.Helper()
	headed.Lock()
	if headed.m == nil {
		headed.m = map[string]*headings{}
	}
	h := headed.m[note]
	if h == nil {
		h = &headings{}
		headed.m[note] = h
	}
	headed.Unlock()
	h.once.Do(func() {
		var diags diag.List
		var g *guide.Guide
		if course.Is(note) {
			var c *course.Course
			if c, h.err = course.Read(note, &diags); h.err == nil {
				g, h.err = prepareCourse(context.Background(), c, &diags, Options{}, nil)
			}
		} else {
			g, h.err = prepare(context.Background(), note, &diags, Options{}, nil)
		}
		if h.err != nil {
			return
		}
		g.WalkSections(func(s *guide.Section) bool {
			h.list = append(h.list, s.Title)
			for _, b := range s.Blocks {
				guide.Inspect(b, func(n guide.Node) bool {
					if tb, ok := n.(*guide.Table); ok && tb.Caption != "" {
						h.list = append(h.list, tb.Caption)
					}
					return true
				})
			}
			return true
		})
	})
	if h.err != nil {
		t.Fatal(h.err)
	}
	return h.list
}
