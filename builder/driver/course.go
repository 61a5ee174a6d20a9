package driver

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"studyguide/builder/aids"
	"studyguide/builder/course"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/layouts"
)

// unit is one book a build writes: a single note, or a course folder
// whose notes are the chapters of one book.
type unit struct {
	note   string
	course *course.Course
	// chapter is set on the note of a course built as a guide of its
	// own (Options.Chapters): its problems were reported with the
	// course's, and only those the course's book did not meet are new.
	chapter bool
}

// name is the name the unit's outputs take: the note's file name without
// its extension, or the course folder's name.
func (u unit) name() string {
	if u.course != nil {
		return u.course.Name()
	}
	return noteName(u.note)
}

// weight is the number of notes the unit reads.
func (u unit) weight() int {
	if u.course != nil {
		return len(u.course.Notes)
	}
	return 1
}

// source is the note or the course folder the unit is built from.
func (u unit) source() string {
	if u.course != nil {
		return u.course.Dir
	}
	return u.note
}

// unitBuild is the outcome of building one unit: its problems, and its
// outputs staged in temporary files, or the error that stopped it.
type unitBuild struct {
	diags  diag.List
	staged *staged
	err    error
}

// buildUnits builds the units side by side, at most GOMAXPROCS at once
// (or opts.workers when set),
// and returns a channel per unit on which its outcome comes, once. Under
// Strict, a unit with warnings is read only, not written. When ctx is
// cancelled, the units not yet started come out with ctx's error.
func buildUnits(ctx context.Context, units []unit, opts Options, resources []resource, layout *layouts.Layout, outDir string, jobs []job) []chan unitBuild {
	out := make([]chan unitBuild, len(units))
	for i := range out {
		out[i] = make(chan unitBuild, 1)
	}
	workers := opts.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sem := make(chan struct{}, max(workers, 1))
	go func() {
		for i, u := range units {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				out[i] <- unitBuild{err: ctx.Err()}
				continue
			}
			go func() {
				defer func() { <-sem }()
				out[i] <- buildUnit(ctx, u, opts, resources, layout, outDir, jobs)
			}()
		}
	}()
	return out
}

// buildUnit reads one unit, adds its study aids and stages its outputs.
// The unit's problems are kept apart until its build is over: a stopped
// build returns before the reader or the writers do.
func buildUnit(ctx context.Context, u unit, opts Options, resources []resource, layout *layouts.Layout, outDir string, jobs []job) unitBuild {
	var diags diag.List
	var g *guide.Guide
	var err error
	base := outputBase(outDir, u.note)
	if u.course != nil {
		base = courseBase(outDir, u.course)
		g, err = prepareCourse(ctx, u.course, &diags, opts, resources)
	} else {
		g, err = prepare(ctx, u.note, &diags, opts, resources)
	}
	if err != nil {
		if ctx.Err() != nil {
			return unitBuild{err: ctx.Err()}
		}
		return unitBuild{diags: diags, err: err}
	}
	if opts.Strict && countWarnings(diags) > 0 {
		return unitBuild{diags: diags}
	}
	if !needsStudy(jobs) {
		// The study aids are in the guide's sections now; their notes
		// are let go of while the writers work, unless one reads them.
		g.Study = nil
	}
	s, err := stage(ctx, g, layout, base, jobs)
	if ctx.Err() != nil {
		if s != nil {
			s.discard()
		}
		return unitBuild{err: ctx.Err()}
	}
	if err != nil {
		return unitBuild{diags: diags, err: fmt.Errorf("%s: %w", u.source(), err)}
	}
	return unitBuild{diags: diags, staged: s}
}

// findUnits expands paths into the books to build: a folder with a
// course.yaml is one course (and, when chapters is set, each of its notes
// as a book of its own too); any other folder or file gives its notes as
// FindNotes does. Warnings about a course file go to diags. Two books
// that would write the same output names are an error.
func findUnits(paths []string, chapters bool, diags *diag.List) ([]unit, error) {
	var units []unit
	var plain []string
	flush := func() error {
		if len(plain) == 0 {
			return nil
		}
		notes, err := FindNotes(plain)
		if err != nil {
			return err
		}
		for _, n := range notes {
			units = append(units, unit{note: n})
		}
		plain = nil
		return nil
	}
	addCourse := func(dir string) error {
		c, err := course.Read(dir, diags)
		if err != nil {
			return err
		}
		units = append(units, unit{course: c})
		if chapters {
			for _, n := range c.Notes {
				units = append(units, unit{note: n.Path, chapter: true})
			}
		}
		return nil
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			plain = append(plain, p)
			continue
		}
		if !course.Is(p) {
			// A folder of notes gives its notes, then the courses in
			// its sub-folders, in name order.
			subs := courseFolders(p)
			if len(subs) == 0 {
				plain = append(plain, p)
				continue
			}
			if hasNotes(p) {
				plain = append(plain, p)
			}
			if err := flush(); err != nil {
				return nil, err
			}
			for _, sub := range subs {
				if err := addCourse(sub); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if err := addCourse(p); err != nil {
			return nil, err
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	seen := map[string]string{}
	for _, u := range units {
		what := u.note
		if u.course != nil {
			what = u.course.Dir
		}
		if other, ok := seen[u.name()]; ok {
			return nil, fmt.Errorf("find notes: %s and %s would both write %s.*", other, what, u.name())
		}
		seen[u.name()] = what
	}
	return units, nil
}

// courseFolders returns the sub-folders of dir that are courses, in name
// order.
func courseFolders(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if sub := filepath.Join(dir, e.Name()); e.IsDir() && course.Is(sub) {
			out = append(out, sub)
		}
	}
	return out
}

// hasNotes reports whether the folder dir holds a note.
func hasNotes(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isNote(e.Name()) {
			return true
		}
	}
	return false
}

// prepareCourse reads the notes of a course into one book (guide.Join),
// one after the other into one file set, and adds the study aids that
// are on: each chapter's own as its front matter says, the book's once.
// It returns as soon as ctx is cancelled, writing nothing but diags.
func prepareCourse(ctx context.Context, c *course.Course, diags *diag.List, opts Options, resources []resource) (*guide.Guide, error) {
	type prepared struct {
		g   *guide.Guide
		err error
	}
	ready := make(chan prepared, 1)
	go func() {
		g, err := readCourse(c, diags, opts, resources)
		ready <- prepared{g, err}
	}()
	select {
	case p := <-ready:
		return p.g, p.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readCourse reads and enriches the book of a course. Its notes are read
// side by side, each on its own (at most GOMAXPROCS at once, or
// opts.workers), then added in order to the book's file set, so that the
// book and its messages are those of reading one note after the other.
func readCourse(c *course.Course, diags *diag.List, opts Options, resources []resource) (*guide.Guide, error) {
	type read struct {
		g     *guide.Guide
		diags diag.List
		err   error
	}
	reads := make([]read, len(c.Notes))
	workers := opts.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sem := make(chan struct{}, max(workers, 1))
	var wg sync.WaitGroup
	for i, n := range c.Notes {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			r := &reads[i]
			r.g, r.err = readNoteWithin(n.Path, &r.diags, opts.MaxInputSize, resources)
		})
	}
	wg.Wait()
	set := diag.NewFileSet(diags)
	var chapters []*guide.Guide
	var metas []guide.Meta
	sum := sha256.New()
	for _, r := range reads {
		*diags = append(*diags, r.diags...)
		if r.err != nil {
			return nil, r.err
		}
		note := r.g.Files.Files()[0]
		guide.MoveTo(r.g, set.AddFile(note.Name, note.Text))
		chapters = append(chapters, r.g)
		metas = append(metas, r.g.Meta)
		fmt.Fprintf(sum, "%s\n", r.g.Meta.Identifier)
	}
	first := metas[0]
	meta := guide.Meta{
		Title:       c.Title,
		Subtitle:    c.Subtitle,
		Authors:     c.Authors,
		Lang:        c.Lang,
		Date:        c.Date,
		Description: c.Description,
		Identifier:  c.Identifier,
	}
	if meta.Title == "" {
		meta.Title = c.Name()
	}
	if meta.Lang == "" {
		meta.Lang = first.Lang
	}
	if len(meta.Authors) == 0 {
		meta.Authors = first.Authors
	}
	if meta.Identifier == "" {
		u := sum.Sum(nil)[:16]
		u[6] = u[6]&0x0f | 0x50
		u[8] = u[8]&0x3f | 0x80
		meta.Identifier = fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	}
	// A chapter whose note names another language than the book's is
	// marked as being in it, before the study aids add to it in the
	// book's language.
	langs := make([]string, len(chapters))
	for i, ch := range chapters {
		if ch.Meta.LangGiven && !sameLanguage(ch.Meta.Lang, meta.Lang) {
			langs[i] = ch.Meta.Lang
			markLang(ch, langs[i])
		}
	}
	book := guide.Join(meta, chapters)
	for i, s := range book.Sections {
		if i < len(langs) && langs[i] != "" {
			s.TitleLang = langs[i]
		}
	}
	book.Meta.Modified = buildDate(book, opts.SourceDate)
	if opts.read != nil {
		opts.read(book)
	}
	aids.RunBook(book, metas, opts.LeaveOut)
	guide.MarkScripts(book)
	return book, nil
}

// sameLanguage reports whether two language tags name the same
// language: their primary subtags are the same.
func sameLanguage(a, b string) bool {
	pa, _, _ := strings.Cut(a, "-")
	pb, _, _ := strings.Cut(b, "-")
	return strings.EqualFold(pa, pb)
}

// markLang marks what a chapter's note wrote as being in lang: the
// blocks of its introduction, of each section and of each footnote in a
// Div, and the title of each section.
func markLang(ch *guide.Guide, lang string) {
	wrap := func(bs []guide.Block) []guide.Block {
		if len(bs) == 0 {
			return bs
		}
		return []guide.Block{&guide.Div{Pos: bs[0].Position(), Lang: lang, Blocks: bs}}
	}
	ch.Intro = wrap(ch.Intro)
	ch.WalkSections(func(s *guide.Section) bool {
		s.Blocks = wrap(s.Blocks)
		if s.TitleLang == "" {
			s.TitleLang = lang
		}
		return true
	})
	for _, f := range ch.Footnotes {
		f.Blocks = wrap(f.Blocks)
	}
}

// courseBase is the output path without extension of a course's book.
func courseBase(outDir string, c *course.Course) string {
	return filepath.Join(outDir, c.Name())
}
