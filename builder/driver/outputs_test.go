package driver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"studyguide/builder/course"
	"studyguide/builder/diag"
	"studyguide/builder/internal/checkers"
)

// Building a note and checking a book with EPUBCheck are the costly parts
// of these tests. Each note is built once per set of options for all the
// tests of the package (buildOnce), and every book the tests hold to
// EPUBCheck is checked in one run (epubcheckVerdict). What they build
// lives in a folder that TestMain removes when the tests are done.

// TestMain runs the tests and removes their shared outputs. When all the
// tests run, it starts checking the books at once, beside the tests, so
// that the tests that need a verdict do not hold the slots of parallel
// tests while EPUBCheck and Ace run; it waits for those checks before it
// removes the outputs.
func TestMain(m *testing.M) {
	var checking sync.WaitGroup
	if checkers.WholeRun() && checkers.Missing("epubcheck") == nil {
		checking.Go(checkAllBooks)
	}
	if checkers.WholeRun() && checkers.Missing(checkers.AceCommand) == nil {
		checking.Go(checkAceBooks)
	}
	code := m.Run()
	checking.Wait()
	scratch.once.Do(func() {}) // orders the read of scratch.dir after the Do that set it
	if scratch.dir != "" {
		os.RemoveAll(scratch.dir)
	}
	os.Exit(code)
}

// scratch is the folder of the package's shared outputs.
var scratch struct {
	once sync.Once
	dir  string
	err  error
}

// scratchDir makes a new folder for one build among the shared outputs.
func scratchDir(name string) (string, error) {
	scratch.once.Do(func() { scratch.dir, scratch.err = os.MkdirTemp("", "driver-test-") })
	if scratch.err != nil {
		return "", scratch.err
	}
	return os.MkdirTemp(scratch.dir, name+"-")
}

// builds are the notes built so far, by note and options.
var builds = struct {
	sync.Mutex
	m map[string]*buildMemo
}{m: map[string]*buildMemo{}}

// buildMemo is one note built with one set of options.
type buildMemo struct {
	once sync.Once
	b    built
	err  error
}

// buildOnce builds note with opts (its Paths and OutDir aside) into a
// folder of its own, once for all the tests of the package, and returns
// what the build made. The tests must only read it. Options that differ
// only in a pointer are built twice.
func buildOnce(t testing.TB, note string, opts Options) built {
	t.Helper()
	b, err := buildMemoised(note, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildMemoised is buildOnce without a test.
func buildMemoised(note string, opts Options) (built, error) {
	opts.Paths, opts.OutDir = nil, ""
	key := fmt.Sprintf("%s\x00%#v", note, opts)
	builds.Lock()
	m := builds.m[key]
	if m == nil {
		m = &buildMemo{}
		builds.m[key] = m
	}
	builds.Unlock()
	m.once.Do(func() {
		dir, err := scratchDir(noteName(note))
		if err != nil {
			m.err = err
			return
		}
		m.b, m.err = buildInto(note, dir, opts)
	})
	return m.b, m.err
}

// buildInto builds note with opts into dir, and reads the note again for
// its guide.
func buildInto(note, dir string, opts Options) (built, error) {
	opts.Paths, opts.OutDir = []string{note}, dir
	res, err := Build(context.Background(), opts)
	if err != nil {
		var diags diag.List
		if res != nil {
			diags = res.Diagnostics
		}
		return built{}, fmt.Errorf("build %s: %v\n%v", note, err, diags)
	}
	if course.Is(note) {
		base := filepath.Join(dir, filepath.Base(note))
		return built{note: note, dir: dir, epub: base + ".epub", pdf: base + ".pdf", diagnostic: res.Diagnostics}, nil
	}
	var diags diag.List
	g, err := readNote(note, &diags)
	if err != nil {
		return built{}, err
	}
	base := outputBase(dir, note)
	return built{note: note, dir: dir, guide: g, epub: base + ".epub", pdf: base + ".pdf", diagnostic: res.Diagnostics}, nil
}

// seedPrint builds the seed for print in a layout, once for the package:
// the PDF, its recap sheet, and both impositions.
func seedPrint(t *testing.T, layout string) built {
	t.Helper()
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("the seed notes are not beside the checkout")
	}
	return buildOnce(t, seedPath, Options{
		Outputs: []string{"pdf", "recap", "booklet", "2up"}, Layout: layout,
	})
}

// epubchecked holds EPUBCheck's verdicts on booksToCheck, by path.
var epubchecked struct {
	once     sync.Once
	verdicts map[string]checkers.Verdict
	err      error
}

// epubcheckVerdict returns EPUBCheck's verdict on book, which must be one
// of booksToCheck. The first test to ask builds all of them and checks
// them in one run of EPUBCheck; the others wait for it.
func epubcheckVerdict(t *testing.T, book string) checkers.Verdict {
	t.Helper()
	checkers.Require(t, "epubcheck")
	checkAllBooks()
	if epubchecked.err != nil {
		t.Fatal(epubchecked.err)
	}
	v, ok := epubchecked.verdicts[book]
	if !ok {
		t.Fatalf("%s is not among the books EPUBCheck checks", book)
	}
	return v
}

// checkAllBooks builds the books of booksToCheck and checks them, once.
func checkAllBooks() {
	epubchecked.once.Do(func() {
		books, err := booksToCheck()
		if err != nil {
			epubchecked.err = err
			return
		}
		verdicts, err := checkers.RunEpubcheck(books...)
		if err != nil {
			epubchecked.err = err
			return
		}
		epubchecked.verdicts = map[string]checkers.Verdict{}
		for _, v := range verdicts {
			epubchecked.verdicts[v.Book] = v
		}
	})
}

// checkedBuilds are the builds of notes besides the samples whose books
// the tests hold to EPUBCheck.
var checkedBuilds = []struct {
	note string
	opts Options
}{
	{physicsNote, physicsOptions},
	{mathsNote, mathsOptions},
	{manualNote, manualWithResources},
	{manualNote, Options{}},
	{courseDir, Options{}},
	{sampleCourseDir, Options{}},
	{scriptsNote, Options{}},
}

// booksToCheck builds, a few at a time, the books the tests hold to
// EPUBCheck: every sample, checkedBuilds, and the hostile notes that ask
// for it (all that build, when STUDYGUIDE_HOSTILE_EPUBCHECK=all). A
// hostile note that does not build is left out; its own test reports it.
func booksToCheck() ([]string, error) {
	samples, err := findSampleNotes()
	if err != nil {
		return nil, err
	}
	var notes []string
	var opts []Options
	for _, note := range samples {
		notes, opts = append(notes, note), append(opts, Options{})
	}
	for _, c := range checkedBuilds {
		notes, opts = append(notes, c.note), append(opts, c.opts)
	}
	var cases []hostileCase
	for _, c := range hostileCases {
		if !c.fails && c.sharable() && (c.epubcheck || allHostileEpubcheck()) {
			cases = append(cases, c)
		}
	}
	books := make([]string, len(notes)+len(cases))
	errs := make([]error, len(books))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range books {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if i < len(notes) {
				b, err := buildMemoised(notes[i], opts[i])
				books[i], errs[i] = b.epub, err
				return
			}
			r := hostileOnce(cases[i-len(notes)])
			if r.setupErr == nil && r.err == nil {
				books[i] = filepath.Join(r.outDir, r.name+".epub")
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []string
	for _, b := range books {
		if b != "" {
			out = append(out, b)
		}
	}
	return out, nil
}
