package driver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/diag"
)

// courseDir is a course of three lessons whose notes folder lists them in
// natural order (1, 2, 10), and which holds one note its list leaves out.
const courseDir = "testdata/revolution"

// sampleCourseDir is the course among the samples that make run builds.
const sampleCourseDir = "../../source/water-cycle"

// courseChapters are the chapters of courseDir, in the listed order.
var courseChapters = []string{"The Crisis of the Old Regime", "The Year 1789", "The Republic and the Terror"}

// TestCourseIsOneBook builds a course folder: it writes one EPUB and one
// PDF named after the folder, whose contents and outline list the
// chapters in order, each with its own palace, one at-a-glance table and
// one glossary, where a term of two chapters links into both. EPUBCheck
// finds nothing wrong.
func TestCourseIsOneBook(t *testing.T) {
	b := buildOnce(t, courseDir, Options{})
	files, err := os.ReadDir(b.dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if !slices.Equal(names, []string{"revolution.epub", "revolution.pdf"}) {
		t.Errorf("the course wrote %v, want revolution.epub and revolution.pdf", names)
	}

	epub := epubContents(t, b.epub)
	nav := navTitles(t, epub["EPUB/nav.xhtml"])
	want := []string{"At a glance"}
	for i, ch := range courseChapters {
		want = append(want, ch, "Mind Palace", "Mind palace: "+[]string{"old château", "royal palace", "town square"}[i], "Walking the palace")
	}
	// One self-test and one answer key, grouped by chapter: the outline
	// leads into each group, while the contents list the two without
	// their groups, which would list the chapters a second and third time.
	contents := append(slices.Clone(want), "Test yourself", "Glossary", "Answers")
	want = append(want, "Test yourself")
	want = append(want, courseChapters...)
	want = append(want, "Glossary", "Answers")
	want = append(want, courseChapters...)
	assertContainsInOrder(t, "the EPUB's contents", nav, contents)
	assertContainsInOrder(t, "the PDF's outline", pdfOutline(t, b.pdf), want)
	for _, title := range append([]string{"At a glance", "Glossary", "Test yourself", "Answers"}, courseChapters...) {
		if n := count(nav, title); n != 1 {
			t.Errorf("the contents list %q %d times, want once", title, n)
		}
	}

	// The Estates-General is explained in the first chapter and named in
	// the second: one row, a link into each chapter's page.
	var glossary string
	for _, page := range epub {
		if strings.Contains(string(page), `id="glossary"`) {
			glossary = string(page)
		}
	}
	var estates string
	for _, r := range regexp.MustCompile(`(?s)<tr>.*?</tr>`).FindAllString(glossary, -1) {
		if strings.Contains(r, ">Estates-General<") {
			estates = r
		}
	}
	links := regexp.MustCompile(`href="(section-\d+)\.xhtml#([^"]+)"`).FindAllStringSubmatch(estates, -1)
	if len(links) != 2 || links[0][1] == links[1][1] {
		t.Fatalf("the glossary's row of the Estates-General links to %v, want a page of each of two chapters:\n%s", links, estates)
	}
	for _, l := range links {
		if !strings.Contains(string(epub["EPUB/"+l[1]+".xhtml"]), `id="`+l[2]+`"`) {
			t.Errorf("the glossary links to %s#%s, which is not there", l[1], l[2])
		}
	}

	// On paper the row gives the pages of both chapters.
	text := strings.Join(pdfText(t, b.pdf, true), "\f")
	if !regexp.MustCompile(`Estates-General[^\n]*p\. \d+\n[^\n]*p\. \d+`).MatchString(text) {
		t.Errorf("the PDF's glossary does not give two pages for the Estates-General")
	}

	v := epubcheckVerdict(t, b.epub)
	if len(v.Errors) > 0 || len(v.Warnings) > 0 {
		t.Errorf("epubcheck: %s", strings.Join(v.Problems(), "\n"))
	}
	if out := qpdfCheck(t, b.pdf); out != "" {
		t.Errorf("qpdf --check: %s", out)
	}
}

// count returns how many times s is in list.
func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// TestCourseWarnsOfUnlistedNotes: the note the course leaves out is a
// warning at the line of notes in course.yaml.
func TestCourseWarnsOfUnlistedNotes(t *testing.T) {
	b := buildOnce(t, courseDir, Options{})
	want := filepath.Join(courseDir, "course.yaml") + ":7:1: warning: notes-to-self.md is in the course's folder but not in its notes list"
	found := false
	for _, d := range b.diagnostic {
		found = found || strings.HasPrefix(d.String(), want)
	}
	if !found {
		t.Errorf("the diagnostics do not warn of the unlisted note:\n%v\nwant %s", b.diagnostic, want)
	}
}

// writeCourse writes a course of the given files into a new folder named
// name, and returns the folder.
func writeCourse(t *testing.T, name string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	for path, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCourseFileErrors: a course.yaml with a mistake fails the build with
// a message naming the file and line, and writes nothing.
func TestCourseFileErrors(t *testing.T) {
	note := "# A\n\nText with a **term** in it.\n"
	cases := []struct {
		name, yaml, want string
	}{
		{"missing note", "title: T\nnotes:\n  - a.md\n  - b.md\n", "course.yaml:4: b.md: no such note"},
		{"unknown key", "title: T\nchapters: 3\nnotes:\n  - a.md\n", "course.yaml:2: unknown key chapters"},
		{"wrong type", "title: T\nnotes: a.md\n", "course.yaml:2: notes is one value; give it as a list"},
		{"title a list", "title: [a, b]\nnotes: [a.md]\n", "course.yaml:1: title is a list; give it as one line of text"},
		{"item a list", "title: T\nnotes:\n  - [a.md]\n", "course.yaml:3: an item of notes is a list"},
		{"outside", "title: T\nnotes:\n  - a.md\n  - ../other.md\n", "course.yaml:4: ../other.md is outside the course's folder"},
		{"absolute", "title: T\nnotes:\n  - /etc/passwd\n", "course.yaml:3: /etc/passwd is outside the course's folder"},
		{"twice", "title: T\nnotes:\n  - a.md\n  - ./a.md\n", "course.yaml:4: a.md is listed already on line 3"},
		{"no notes", "title: T\n", "course.yaml:1: notes is missing"},
		{"bad date", "date: 5 May\nnotes:\n  - a.md\n", "course.yaml:1: date \"5 May\" is not a day"},
		{"both authors", "author: A\nauthors: [B]\nnotes:\n  - a.md\n", "course.yaml:2: give author or authors, not both"},
		{"not a mapping", "- a.md\n", "course.yaml:1: a course file is a mapping"},
		{"not a note", "title: T\nnotes:\n  - a.md\n  - course.yaml\n", "course.yaml:4: course.yaml is not a note"},
		{"link outside", "title: T\nnotes:\n  - link.md\n", "course.yaml:3: link.md: leads outside the course's folder"},
		{"empty entry", "title: T\nnotes:\n  - a.md\n  - \n", "course.yaml:4: an empty entry in notes"},
		{"bad yaml", "title: [T\nnotes:\n  - a.md\n", "course.yaml:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeCourse(t, "course", map[string]string{"course.yaml": c.yaml, "a.md": note})
			outside := filepath.Join(filepath.Dir(dir), "outside.md")
			if err := os.WriteFile(outside, []byte(note), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, "link.md")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out")
			_, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: out})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, c.want)) {
				t.Errorf("the error is\n%v\nwant it to hold %s", err, filepath.Join(dir, c.want))
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build made the output folder")
			}
		})
	}
}

// TestCourseChapterSwitches: a note's front matter still switches its
// own chapter's aids; --chapters also writes each note's own guide; a
// folder entry takes its notes in natural order.
func TestCourseChapterSwitches(t *testing.T) {
	lesson := func(title, extra string) string {
		return extra + "# " + title + "\n\n## Facts\n\n1. **First Fact**:\n   - The **" + title + " term** and the **shared idea** met in 1901.\n2. **Second Fact**:\n   - More of the **shared idea** in 1902.\n"
	}
	dir := writeCourse(t, "mini", map[string]string{
		"course.yaml":   "title: Mini\nnotes:\n  - parts\n",
		"parts/10-c.md": lesson("Gamma", ""),
		"parts/2-b.md":  lesson("Beta", "---\npalace: false\n---\n") + "\n![A map](missing.png)\n",
		"parts/1-a.md":  lesson("Alpha", ""),
	})
	out := t.TempDir()
	res, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: out, Outputs: []string{"epub"}, Chapters: true})
	if err != nil {
		t.Fatal(err, res.Diagnostics)
	}
	var names []string
	for _, o := range res.Outputs {
		names = append(names, filepath.Base(o))
	}
	if !slices.Equal(names, []string{"mini.epub", "1-a.epub", "2-b.epub", "10-c.epub"}) {
		t.Errorf("the build wrote %v", names)
	}
	nav := navTitles(t, epubContents(t, filepath.Join(out, "mini.epub"))["EPUB/nav.xhtml"])
	assertContainsInOrder(t, "the contents", nav, []string{"At a glance", "Alpha", "Mind palace: Alpha", "Beta", "Gamma", "Mind palace: Gamma", "Glossary"})
	if n := count(nav, "Walking the palace"); n != 2 {
		t.Errorf("the contents list %d walk-throughs, want 2 (Beta's front matter says palace: false):\n%v", n, nav)
	}
	// The missing picture is reported once, though the note is built
	// twice: in the book, and as a guide of its own.
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].String(), "missing.png") {
		t.Errorf("the build reports\n%v\nwant the missing picture once", res.Diagnostics)
	}
}

// TestCourseStrictWarnings: under Strict, an unlisted note fails the
// build and nothing is written.
func TestCourseStrictWarnings(t *testing.T) {
	dir := writeCourse(t, "strict", map[string]string{
		"course.yaml": "title: S\nnotes:\n  - a.md\n",
		"a.md":        "# A\n\nSome **text**.\n",
		"b.md":        "# B\n\nMore **text**.\n",
	})
	out := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: out, Strict: true})
	var warned *WarningsError
	if err == nil || !errors.As(err, &warned) || warned.Warnings != 1 {
		t.Fatalf("a strict build with an unlisted note returned %v, %v", err, res.Diagnostics)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed strict build made the output folder")
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Severity != diag.Warning {
		t.Errorf("diagnostics %v, want the one warning", res.Diagnostics)
	}
}

// TestParallelBuildIsStable builds a folder of notes with warnings and a
// course, one book after the other and on all cores: the outputs are the
// same files in the same order, with the same bytes, and the messages
// are the same in the same order. A note that cannot be built stops both
// builds at the same place: the books before it are written, no other
// file is left.
func TestParallelBuildIsStable(t *testing.T) {
	notes := map[string]string{}
	for i := range 9 {
		notes[string(rune('a'+i))+".md"] = "# Note " + string(rune('A'+i)) + "\n\n![A diagram](missing" + string(rune('a'+i)) + ".png) and a **term " + string(rune('a'+i)) + "** in it.\n"
	}
	dir := writeCourse(t, "notes", notes)
	for name, text := range map[string]string{"course.yaml": "title: C\nnotes:\n  - x.md\n  - y.md\n", "x.md": "# X\n\nThe **shared term** here.\n", "y.md": "# Y\n\nThe **shared term** again, and ![gone](gone.png).\n"} {
		p := filepath.Join(dir, "course", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func(workers int) (*Result, map[string][]byte, error) {
		out := t.TempDir()
		res, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: out, Outputs: []string{"epub"}, workers: workers})
		return res, folderFiles(t, out), err
	}
	serial, serialFiles, err := build(1)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		par, parFiles, err := build(0)
		if err != nil {
			t.Fatal(err)
		}
		if len(par.Outputs) != len(serial.Outputs) || len(par.Outputs) != 10 {
			t.Fatalf("the parallel build wrote %d outputs, the serial one %d, want 10", len(par.Outputs), len(serial.Outputs))
		}
		for i := range par.Outputs {
			if filepath.Base(par.Outputs[i]) != filepath.Base(serial.Outputs[i]) {
				t.Errorf("output %d: %s in parallel, %s in series", i, par.Outputs[i], serial.Outputs[i])
			}
		}
		if par.Diagnostics.Error() != serial.Diagnostics.Error() || len(par.Diagnostics) != 10 {
			t.Errorf("the messages differ:\n%v\nin series:\n%v", par.Diagnostics, serial.Diagnostics)
		}
		for name, data := range serialFiles {
			if string(parFiles[name]) != string(data) {
				t.Errorf("%s differs", name)
			}
		}
	}

	// A note too large to read fails the build at its turn.
	if err := os.WriteFile(filepath.Join(dir, "e.md"), []byte("# E\n\n"+strings.Repeat("Text. ", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 0} {
		out := t.TempDir()
		_, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: out, Outputs: []string{"epub"}, MaxInputSize: 100, workers: workers})
		if err == nil || !strings.Contains(err.Error(), "e.md") {
			t.Fatalf("a note over the size limit gave %v, want an error about e.md", err)
		}
		files := folderFiles(t, out)
		var names []string
		for name := range files {
			names = append(names, name)
		}
		slices.Sort(names)
		if strings.Join(names, " ") != "a.epub b.epub c.epub d.epub" {
			t.Errorf("workers %d: the failed build left %v, want the outputs of the notes before the failing one", workers, names)
		}
	}
}

// TestCourseMessagesNameTheirNote: the notes of a course are read side by
// side and joined into one book, yet a problem found while reading a note
// and one found in the book afterwards both name the note and the line.
func TestCourseMessagesNameTheirNote(t *testing.T) {
	dir := writeCourse(t, "lines", map[string]string{
		"course.yaml": "title: Lines\nnotes:\n  - a.md\n  - b.md\n  - c.md\n",
		"a.md":        "# A\n\nThe **core idea** is explained here.\n",
		"b.md":        "# B\n\nSome text.\n\n![A plan](plan.png)\n",
		"c.md":        "# C\n\nMore text.\n\n## Points\n\n1. **Empty Point**\n2. **Full Point**: with words.\n\nThe **core idea** is explained here in another way entirely.\n",
	})
	for _, workers := range []int{1, 0} {
		res, err := Build(context.Background(), Options{Paths: []string{dir}, OutDir: t.TempDir(), Outputs: []string{"epub"}, workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics {
			rel, _ := filepath.Rel(dir, d.File)
			got = append(got, rel+":"+strconv.Itoa(d.Line))
		}
		want := []string{"b.md:5", "c.md:7"}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("workers %d: the messages are at %v, want one at %s:\n%v", workers, got, w, res.Diagnostics)
			}
		}
	}
}

// TestCourseChaptersAreTheNotesOwnGuides: with Chapters, each note's own
// guide beside the book has the bytes of the note built alone.
func TestCourseChaptersAreTheNotesOwnGuides(t *testing.T) {
	withChapters, alone := t.TempDir(), t.TempDir()
	if _, err := Build(context.Background(), Options{Paths: []string{sampleCourseDir}, OutDir: withChapters, Outputs: []string{"epub"}, Chapters: true}); err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(sampleCourseDir, "2-clouds-and-rain.md")
	if _, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: alone, Outputs: []string{"epub"}}); err != nil {
		t.Fatal(err)
	}
	a, err := os.ReadFile(filepath.Join(withChapters, "2-clouds-and-rain.epub"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(alone, "2-clouds-and-rain.epub"))
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("the chapter's own guide differs from the note built alone")
	}
	if _, err := os.Stat(filepath.Join(withChapters, "water-cycle.epub")); err != nil {
		t.Error(err)
	}
}
