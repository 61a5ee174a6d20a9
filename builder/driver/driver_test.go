package driver

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
)

const seedPath = "../../../shared/seed/nato-peacekeeping.md"

// sampleNotes returns the notes every integration test builds: the samples
// in source/ and, when present, the user's seed notes.
func sampleNotes(t *testing.T) []string {
	t.Helper()
	notes, err := findSampleNotes()
	if err != nil {
		t.Fatal(err)
	}
	return notes
}

// findSampleNotes is sampleNotes without a test.
func findSampleNotes() ([]string, error) {
	notes, err := FindNotes([]string{"../../source"})
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(seedPath); err == nil {
		notes = append(notes, seedPath)
	}
	return notes, nil
}

// built is one note built into a folder of its own.
type built struct {
	note       string
	dir        string
	guide      *guide.Guide
	epub, pdf  string
	diagnostic diag.List
}

// buildNote builds a note into outDir, afresh.
func buildNote(t *testing.T, note, outDir string) built {
	t.Helper()
	b, err := buildInto(note, outDir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSamplesPassTheCheckers builds every sample and the seed and holds the
// outputs to the output contract with the real tools.
func TestSamplesPassTheCheckers(t *testing.T) {
	for _, note := range sampleNotes(t) {
		t.Run(noteName(note), func(t *testing.T) {
			t.Parallel()
			b := buildOnce(t, note, Options{})

			t.Run("epubcheck", func(t *testing.T) {
				v := epubcheckVerdict(t, b.epub)
				if len(v.Errors)+len(v.Warnings) > 0 {
					t.Errorf("epubcheck: %d errors, %d warnings:\n%s", len(v.Errors), len(v.Warnings), strings.Join(v.Problems(), "\n"))
				}
			})
			t.Run("qpdf", func(t *testing.T) {
				if out := qpdfCheck(t, b.pdf); out != "" {
					t.Errorf("qpdf --check:\n%s", out)
				}
			})
			t.Run("fonts embedded", func(t *testing.T) {
				if bad := unembeddedFonts(t, b.pdf); len(bad) > 0 {
					t.Errorf("fonts not embedded:\n%s", strings.Join(bad, "\n"))
				}
			})
			want := b.guide.Text()
			inFormulas := formulaWords(b.guide)
			t.Run("words in pdf", func(t *testing.T) {
				have := strings.Join(pdfText(t, b.pdf), " ")
				if missing, total := missingWords(want, have); len(notIn(missing, inFormulas)) > 0 {
					t.Errorf("%d of %d words missing from the PDF text: %q", len(missing), total, missing)
				}
			})
			t.Run("words in epub", func(t *testing.T) {
				var have strings.Builder
				for name, data := range epubContents(t, b.epub) {
					if strings.HasSuffix(name, ".xhtml") {
						have.WriteString(xhtmlText(t, data))
					}
				}
				if missing, total := missingWords(want, have.String()); len(notIn(missing, inFormulas)) > 0 {
					t.Errorf("%d of %d words missing from the EPUB text: %q", len(missing), total, missing)
				}
			})
			var titles []string
			b.guide.WalkSections(func(s *guide.Section) bool {
				titles = append(titles, s.Title)
				return true
			})
			t.Run("sections in pdf outline", func(t *testing.T) {
				assertContainsInOrder(t, "PDF outline", pdfOutline(t, b.pdf), titles)
			})
			t.Run("sections in epub nav", func(t *testing.T) {
				files := epubContents(t, b.epub)
				var nav []byte
				for name, data := range files {
					if strings.HasSuffix(name, "nav.xhtml") {
						nav = data
					}
				}
				if nav == nil {
					t.Fatal("no nav.xhtml in the EPUB")
				}
				assertContainsInOrder(t, "EPUB nav", navTitles(t, nav), titles)
			})
		})
	}
}

// assertContainsInOrder checks that want appears in have as a subsequence:
// the list may hold more entries (a contents page, a cover), but every
// section must be there, in reading order, by its plain title.
func assertContainsInOrder(t *testing.T, what string, have, want []string) {
	t.Helper()
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("%s lacks %q (in order); it has %q", what, want[i], have)
	}
	for _, h := range have {
		if strings.Contains(h, "**") {
			t.Errorf("%s entry %q still has Markdown markers", what, h)
		}
	}
}

// TestRebuildIsByteIdentical builds every sample again and compares.
func TestRebuildIsByteIdentical(t *testing.T) {
	for _, note := range sampleNotes(t) {
		t.Run(noteName(note), func(t *testing.T) {
			t.Parallel()
			a := buildOnce(t, note, Options{})
			b := buildNote(t, note, t.TempDir())
			for _, pair := range [][2]string{{a.epub, b.epub}, {a.pdf, b.pdf}} {
				x, _ := os.ReadFile(pair[0])
				y, _ := os.ReadFile(pair[1])
				if len(x) == 0 || !bytes.Equal(x, y) {
					t.Errorf("%s: two builds differ (%d and %d bytes)", filepath.Base(pair[0]), len(x), len(y))
				}
			}
		})
	}
}

// TestSourceDateEpochWins checks that the date convention changes the
// output and that the same date gives the same bytes.
func TestSourceDateEpochWins(t *testing.T) {
	note := "../../source/space-race.md"
	build := func(date time.Time) []byte {
		dir := t.TempDir()
		if _, err := Build(context.Background(), Options{Paths: []string{note}, OutDir: dir, Outputs: []string{"epub"}, SourceDate: &date}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "space-race.epub"))
		return b
	}
	d1 := time.Date(2030, 5, 1, 0, 0, 0, 0, time.UTC)
	first := build(d1)
	if !bytes.Equal(first, build(d1)) {
		t.Error("same SOURCE_DATE_EPOCH gave different EPUBs")
	}
	if bytes.Equal(first, build(d1.Add(24*time.Hour))) {
		t.Error("a different SOURCE_DATE_EPOCH gave the same EPUB")
	}
}

// TestFailedBuildKeepsEarlierOutputs checks the promise that a failing
// build leaves what was there before untouched and no temporary files.
func TestFailedBuildKeepsEarlierOutputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(t.TempDir(), "notes.md")
	os.WriteFile(good, []byte("# Notes\n\nSome text.\n"), 0o644)
	if _, err := Build(context.Background(), Options{Paths: []string{good}, OutDir: dir}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	// The same note, now with front matter the reader refuses.
	os.WriteFile(good, []byte("---\ntitle: [unclosed\n---\n# Notes\n"), 0o644)
	if _, err := Build(context.Background(), Options{Paths: []string{good}, OutDir: dir}); err == nil {
		t.Fatal("build of broken front matter succeeded")
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Fatalf("files before %v, after %v", keys(before), keys(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
}

// TestCancelledBuildWritesNothing checks that an interrupted build leaves
// no output and no temporary file.
func TestCancelledBuildWritesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, Options{Paths: []string{"../../source"}, OutDir: dir}); err == nil {
		t.Fatal("cancelled build reported success")
	}
	if files := snapshot(t, dir); len(files) > 0 {
		t.Errorf("cancelled build left %v", keys(files))
	}
}

// TestStoppedMidWriteLeavesNothing stops a build while its writers are
// filling their temporary files: Build returns the cancellation at once,
// with no file left, and the writers still at work make none afterwards.
// Earlier outputs of the note are untouched.
func TestStoppedMidWriteLeavesNothing(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	note := filepath.Join(dir, "reader.md")
	if err := os.WriteFile(note, testnotes.CourseReader(1500), 0o644); err != nil {
		t.Fatal(err)
	}
	earlier := filepath.Join(out, "reader.pdf")
	if err := os.WriteFile(earlier, []byte("an earlier build"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// Stop as soon as a temporary file shows.
		for ctx.Err() == nil {
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					cancel()
				}
			}
			time.Sleep(time.Millisecond)
		}
	}()
	_, err := Build(ctx, Options{Paths: []string{note}, OutDir: out})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped build returned %v, want the cancellation", err)
	}
	check := func(when string) {
		t.Helper()
		files := snapshot(t, out)
		if len(files) != 1 || string(files["reader.pdf"]) != "an earlier build" {
			t.Errorf("%s, the output folder holds %v", when, keys(files))
		}
	}
	check("when Build returned")
	// The writers run on; give them time to finish what they were doing.
	time.Sleep(time.Second)
	check("a second later")
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		m[e.Name()] = b
	}
	return m
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestFindNotes(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.txt", "c.markdown", "image.png"} {
		os.WriteFile(filepath.Join(dir, name), []byte("# x\n"), 0o644)
	}
	notes, err := FindNotes([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range notes {
		names = append(names, filepath.Base(n))
	}
	if got := strings.Join(names, ","); got != "a.txt,b.md,c.markdown" {
		t.Errorf("FindNotes = %s", got)
	}
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# x\n"), 0o644)
	if _, err := FindNotes([]string{dir}); err == nil || !strings.Contains(err.Error(), "both write") {
		t.Errorf("a.md and a.txt together: err = %v", err)
	}
	if _, err := FindNotes([]string{t.TempDir()}); err == nil {
		t.Error("an empty folder gave no error")
	}
}

// TestContentsPageNumbers reads the PDF's contents page of every sample and
// checks that each entry's page number is the page its heading is on.
func TestContentsPageNumbers(t *testing.T) {
	leader := regexp.MustCompile(`^\s*(\.\s?)*\s*(\d+)`)
	for _, note := range sampleNotes(t) {
		t.Run(noteName(note), func(t *testing.T) {
			t.Parallel()
			b := buildOnce(t, note, Options{})
			flatten := func(pages []string) []string {
				out := make([]string, len(pages))
				for i, p := range pages {
					out[i] = strings.Join(strings.Fields(p), " ")
				}
				return out
			}
			raw := pdfText(t, b.pdf, true)
			laidOut := flatten(raw)
			// The contents is the run of pages, from page 2, whose text has
			// dot leaders.
			lastContents := 1
			for lastContents < len(laidOut) && strings.Contains(laidOut[lastContents], ". . .") {
				lastContents++
			}
			contents := strings.Join(laidOut[1:lastContents], " ")
			// headingPage is the first page after the contents where the
			// title stands alone on its line, or on two lines when it wraps:
			// a table cell or the running header shares its line with more.
			headingPage := func(title string) int {
				for i := lastContents; i < len(raw); i++ {
					lines := strings.Split(raw[i], "\n")
					for j, l := range lines {
						l = strings.Join(strings.Fields(l), " ")
						if l == title {
							return i + 1
						}
						if j+1 < len(lines) && l != "" && strings.HasPrefix(title, l+" ") &&
							strings.Join(strings.Fields(lines[j+1]), " ") == strings.TrimPrefix(title, l+" ") {
							return i + 1
						}
					}
				}
				return 0
			}
			b.guide.WalkSections(func(s *guide.Section) bool {
				if s.Level > 3 || s.Kind == guide.Palace {
					return true // a palace page is a drawing: its title is drawn, not set
				}
				title := strings.Join(strings.Fields(s.Title), " ")
				at := strings.Index(contents, title)
				if at < 0 {
					t.Errorf("%q is not in the contents", title)
					return true
				}
				m := leader.FindStringSubmatch(contents[at+len(title):])
				if m == nil {
					t.Errorf("%q has no page number in the contents", title)
					return true
				}
				want, _ := strconv.Atoi(m[2])
				got := headingPage(title)
				if got != want {
					t.Errorf("contents gives %q page %d; it is on page %d", title, want, got)
				}
				return true
			})
		})
	}
}
