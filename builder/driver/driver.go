// Package driver runs the build: it finds the notes, reads each into a
// guide, sets the build date, and runs the writers side by side on the
// finished guide. Every error it returns names the phase that failed
// ("read", "write epub", "write pdf") and the note it concerned.
package driver

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

// DefaultSourceDir is the folder built when no path is given.
const DefaultSourceDir = "source"

// DefaultOutDir is the folder outputs go to when none is given.
const DefaultOutDir = "out"

// Options says what to build and where.
type Options struct {
	// Paths are notes or folders of notes; empty means DefaultSourceDir.
	Paths []string
	// OutDir is the output folder; empty means DefaultOutDir.
	OutDir string
	// Outputs names the outputs to write (outputs.All); empty means
	// every format. An output made from another needs that one too.
	Outputs []string
	// Layout is a built-in layout name or a layout file path; empty means
	// layouts.Default.
	Layout string
	// SourceDate, when set, is the build date of every guide (from the
	// SOURCE_DATE_EPOCH convention). It wins over the notes' own dates.
	SourceDate *time.Time
	// LeaveOut names study aids (aids.Names) to leave out, whatever the
	// notes' front matter says.
	LeaveOut []string
	// MaxInputSize is the largest note, in bytes, that is read; a larger
	// one is an error. Zero means DefaultMaxInputSize.
	MaxInputSize int64
	// Resources are further folders images may be read from, as pandoc's
	// --resource-path names them (see markdown.Options.Resources): an
	// image not in its note's folder is looked for in each, and one whose
	// path leaves the note's folder ("../images/x.png") is read when the
	// path leads into one of them. Each is read through an os.Root, so no
	// symbolic link in it leads out of it.
	Resources []string
	// Settings holds the values of the outputs' settings
	// (outputs.Output.Settings) by name, as --cards-flip short-edge gives
	// them; a setting missing from it has its default.
	Settings map[string]string
	// Chapters makes a course (a folder with a course.yaml) also write
	// each of its notes as a guide of its own, beside the course's book.
	Chapters bool
	// Progress, when set, is called once the notes are found and then
	// each time a book is built, with the
	// number of notes built so far and the number of all the notes of
	// the build (a course counts each of its notes). It is called from
	// the goroutine that called Build, in the order of the books.
	Progress func(done, total int)
	// workers is how many books are built at once; zero means
	// GOMAXPROCS. Benchmarks set it to 1 to measure a build of one book
	// after the other.
	workers int
	// read, when set, is called with each book's guide once it is read,
	// before the study aids are added: Build starts there what the
	// outputs prepare ahead (outputs.Output.Prepare).
	read func(g *guide.Guide)
	// Strict makes a warning fail the build. A strict build puts its
	// outputs in place only once every note is built without a warning,
	// so a build that fails leaves the output folder as it was.
	Strict bool
}

// WarningsError is the error of a strict build (Options.Strict) whose
// notes have warnings. Nothing was written.
type WarningsError struct {
	// Warnings is the number of warnings.
	Warnings int
}

func (e *WarningsError) Error() string {
	return CountWarnings(e.Warnings) + " in a strict build; nothing was written"
}

// CountWarnings writes a number of warnings the way it is read: "1
// warning", "2 warnings".
func CountWarnings(n int) string {
	if n == 1 {
		return "1 warning"
	}
	return fmt.Sprintf("%d warnings", n)
}

// DefaultMaxInputSize is the largest note read when Options does not say:
// 32 MiB, some ten thousand printed pages.
const DefaultMaxInputSize = 32 << 20

// Result reports what a build did.
type Result struct {
	// Outputs are the files written, in the order they were finished.
	Outputs []string
	// Diagnostics are the problems found in the notes, sorted.
	Diagnostics diag.List
}

// Build builds every note named by opts. It stops at the first note that
// cannot be built; outputs of earlier notes stay written, and the failed
// note's earlier outputs stay as they were.
//
// A strict build (Options.Strict) keeps every output in a temporary file
// until the last note is built, and puts them in place only when no note
// had a warning; otherwise it removes them and returns a *WarningsError,
// and the output folder is left as it was (one the build had to make is
// removed again). Once a note has warnings, the notes after it are still
// read, so that their warnings are reported too, but no longer written.
func Build(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{}
	defer res.Diagnostics.Sort()

	names, err := CheckOutputs(opts.Outputs)
	if err != nil {
		return res, err
	}
	if err := aids.Check(opts.LeaveOut); err != nil {
		return res, err
	}
	layout, err := layouts.Load(orDefault(opts.Layout, layouts.Default))
	if err != nil {
		return res, err
	}
	for name, value := range opts.Settings {
		if _, err := outputs.CheckSetting(name, value); err != nil {
			return res, err
		}
	}
	jobs := plan(names)
	for i := range jobs {
		jobs[i].settings = opts.Settings
	}
	opts.read = func(g *guide.Guide) {
		for _, j := range jobs {
			if j.out.Prepare != nil {
				j.out.Prepare(g)
			}
		}
	}
	var found diag.List
	units, err := findUnits(orDefaultPaths(opts.Paths), opts.Chapters, &found)
	res.Diagnostics = append(res.Diagnostics, found...)
	if err != nil {
		return res, err
	}
	warnings := 0
	if opts.Strict {
		warnings = countWarnings(found)
	}
	resources, err := openResources(opts.Resources)
	if err != nil {
		return res, err
	}
	defer func() {
		for _, r := range resources {
			r.root.Close()
		}
	}()
	outDir := orDefault(opts.OutDir, DefaultOutDir)
	made, err := MakeFolders(outDir)
	if err != nil {
		return res, fmt.Errorf("output folder: %w", err)
	}
	// pending are the staged outputs of a strict build, put in place
	// only at its end.
	var pending []*staged
	discard := func() {
		for _, s := range pending {
			s.discard()
		}
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i]) // only an empty folder goes
		}
	}
	// The books are built side by side, as many at once as Go runs
	// threads (GOMAXPROCS), each into temporary files; their outcomes
	// are taken in the order of units, so that the outputs are put in
	// place, and the problems reported, as a build of one book after
	// the other would.
	work, cancel := context.WithCancel(ctx)
	defer cancel()
	built := buildUnits(work, units, opts, resources, layout, outDir, jobs)
	// drop waits for the books after the i-th and removes what they
	// staged.
	drop := func(i int) {
		cancel()
		for _, ch := range built[i+1:] {
			if b := <-ch; b.staged != nil {
				b.staged.discard()
			}
		}
	}
	total, done := 0, 0
	for _, u := range units {
		total += u.weight()
	}
	if opts.Progress != nil {
		opts.Progress(0, total)
	}
	for i, u := range units {
		var b unitBuild
		select {
		case b = <-built[i]:
		case <-ctx.Done():
			drop(i - 1)
			discard()
			return res, ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			if b.staged != nil {
				b.staged.discard()
			}
			drop(i)
			discard()
			return res, err
		}
		done += u.weight()
		if opts.Progress != nil {
			opts.Progress(done, total)
		}
		if u.chapter {
			b.diags = newDiagnostics(res.Diagnostics, b.diags)
		}
		res.Diagnostics = append(res.Diagnostics, b.diags...)
		if b.err != nil {
			drop(i)
			discard()
			return res, b.err
		}
		if opts.Strict && (warnings > 0 || countWarnings(b.diags) > 0) {
			// The build has failed: the book was read for its warnings
			// only.
			warnings += countWarnings(b.diags)
			if b.staged != nil {
				b.staged.discard()
			}
			continue
		}
		if opts.Strict {
			pending = append(pending, b.staged)
			continue
		}
		written, err := b.staged.commit()
		res.Outputs = append(res.Outputs, written...)
		if err != nil {
			drop(i)
			return res, fmt.Errorf("%s: %w", u.source(), err)
		}
	}
	if warnings > 0 {
		discard()
		return res, &WarningsError{Warnings: warnings}
	}
	for _, s := range pending {
		written, err := s.commit()
		res.Outputs = append(res.Outputs, written...)
		if err != nil {
			discard()
			return res, err
		}
	}
	return res, nil
}

// newDiagnostics returns the diagnostics of l that are not in reported.
func newDiagnostics(reported, l diag.List) diag.List {
	seen := map[string]bool{}
	for _, d := range reported {
		seen[d.String()] = true
	}
	var out diag.List
	for _, d := range l {
		if !seen[d.String()] {
			out = append(out, d)
		}
	}
	return out
}

// countWarnings returns the number of warnings in l.
func countWarnings(l diag.List) int {
	n := 0
	for _, d := range l {
		if d.Severity == diag.Warning {
			n++
		}
	}
	return n
}

// MakeFolders makes the folder dir and any missing parent, and returns the
// folders it made, outermost first, so that a build or a command that
// fails can remove what it made and no more.
func MakeFolders(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(missing)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, nil
}

// prepare reads a note into a guide, adds the study aids that are on and
// marks the runs of text in other scripts with their language (last, so
// that the aids' tables are marked too), reporting problems to diags. It returns as soon as ctx is cancelled,
// leaving the reader to finish on its own: it writes nothing but diags.
func prepare(ctx context.Context, note string, diags *diag.List, opts Options, resources []resource) (*guide.Guide, error) {
	type prepared struct {
		g   *guide.Guide
		err error
	}
	ready := make(chan prepared, 1)
	go func() {
		g, err := readNoteWithin(note, diags, opts.MaxInputSize, resources)
		if err == nil {
			g.Meta.Modified = buildDate(g, opts.SourceDate)
			if opts.read != nil {
				opts.read(g)
			}
			aids.Run(g, opts.LeaveOut)
			guide.MarkScripts(g)
		}
		ready <- prepared{g, err}
	}()
	select {
	case p := <-ready:
		return p.g, p.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readNote reads one note file into a guide, within the default size.
func readNote(path string, diags *diag.List) (*guide.Guide, error) {
	return readNoteWithin(path, diags, 0, nil)
}

// resource is a folder images may be read from, open as an os.Root.
type resource struct {
	path string
	root *os.Root
}

// openResources opens the resource folders named by paths.
func openResources(paths []string) ([]resource, error) {
	var out []resource
	fail := func(err error) ([]resource, error) {
		for _, r := range out {
			r.root.Close()
		}
		return nil, fmt.Errorf("resources: %w", err)
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fail(err)
		}
		info, err := os.Stat(abs)
		if err != nil {
			return fail(err)
		}
		if !info.IsDir() {
			return fail(fmt.Errorf("%s is not a folder", p))
		}
		root, err := os.OpenRoot(abs)
		if err != nil {
			return fail(err)
		}
		out = append(out, resource{path: abs, root: root})
	}
	return out, nil
}

// readNoteWithin reads one note file of at most limit bytes (zero means
// DefaultMaxInputSize) into a guide. The size is checked before the note
// is read, and the note must be a regular file: a pipe or a device would
// never end. Images are read through an os.Root on the note's folder and
// on each resource folder, so that neither a path nor a symbolic link can
// reach outside them.
func readNoteWithin(path string, diags *diag.List, limit int64, resources []resource) (*guide.Guide, error) {
	return readNoteInto(nil, path, diags, limit, resources)
}

// readNoteInto is readNoteWithin for a note added to set, the file set of
// a book of several notes; a nil set means a set of its own.
func readNoteInto(set *diag.FileSet, path string, diags *diag.List, limit int64, resources []resource) (*guide.Guide, error) {
	if limit <= 0 {
		limit = DefaultMaxInputSize
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: not a regular file", path)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("read %s: the note is %s, more than the %s a note may have (--max-size raises the limit)", path, sizeText(info.Size()), sizeText(limit))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	// Room for the size the note has, so that a long note is read
	// without growing the buffer step by step.
	buf := bytes.NewBuffer(make([]byte, 0, min(info.Size(), limit)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	text := buf.Bytes()
	if int64(len(text)) > limit {
		return nil, fmt.Errorf("read %s: the note is more than the %s a note may have (--max-size raises the limit)", path, sizeText(limit))
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	defer root.Close()
	ropts := markdown.Options{Dir: root.FS(), DirPath: dir, Switches: aids.Keys()}
	for _, r := range resources {
		ropts.Resources = append(ropts.Resources, markdown.Resource{Path: r.path, FS: r.root.FS()})
	}
	var file *diag.File
	if set == nil {
		file = diag.NewFile(path, text, diags)
	} else {
		file = set.AddFile(path, text)
	}
	g, err := markdown.Read(file, ropts)
	if diags.HasErrors() {
		return nil, fmt.Errorf("read %s: the note has errors", path)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return g, nil
}

// sizeText writes a size in bytes the way people read it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// buildDate picks the guide's build date: SOURCE_DATE_EPOCH, else the
// note's own date, else guide.FixedDate. It never reads the clock.
func buildDate(g *guide.Guide, sourceDate *time.Time) time.Time {
	switch {
	case sourceDate != nil:
		return sourceDate.UTC()
	case !g.Meta.Date.IsZero():
		return g.Meta.Date.UTC()
	default:
		return guide.FixedDate()
	}
}

// NoteExtensions are the file name endings read as Markdown notes.
var NoteExtensions = []string{".md", ".markdown", ".txt"}

// FindNotes expands paths into note files: a file is taken as it is, a
// folder gives its notes (not those of its sub-folders) in name order. Two
// notes that would write the same output names are an error.
func FindNotes(paths []string) ([]string, error) {
	var notes []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("find notes: %w", err)
		}
		if !info.IsDir() {
			notes = append(notes, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("find notes: %w", err)
		}
		found := 0
		for _, e := range entries {
			if e.Type().IsRegular() && isNote(e.Name()) {
				notes = append(notes, filepath.Join(p, e.Name()))
				found++
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("find notes: %s holds no notes (%s)", p, strings.Join(NoteExtensions, ", "))
		}
	}
	seen := map[string]string{}
	for _, n := range notes {
		base := noteName(n)
		if other, ok := seen[base]; ok {
			return nil, fmt.Errorf("find notes: %s and %s would both write %s.*", other, n, base)
		}
		seen[base] = n
	}
	return notes, nil
}

func isNote(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range NoteExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// noteName is the note's file name without its extension: NAME in NAME.md.
func noteName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// outputBase is the output path without extension for a note.
func outputBase(outDir, note string) string {
	return filepath.Join(outDir, noteName(note))
}

// CheckOutputs checks a list of output names (outputs.All) and returns
// it lower-cased, each name once, in the order given; an empty list means
// every format. It is an error to name an output that does not exist, or
// one made from another that the list does not name.
func CheckOutputs(names []string) ([]string, error) {
	if len(names) == 0 {
		return outputs.Names(outputs.Format), nil
	}
	var out []string
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if _, ok := outputs.Lookup(n); !ok {
			return nil, fmt.Errorf("unknown output %q (outputs: %s)", n, strings.Join(allNames(), ", "))
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, n := range out {
		if o, _ := outputs.Lookup(n); o.From != "" && !slices.Contains(out, o.From) {
			return nil, o.Needs()
		}
	}
	return out, nil
}

// allNames returns the names of every output, in the order of outputs.All.
func allNames() []string {
	var names []string
	for _, o := range outputs.All() {
		names = append(names, o.Name)
	}
	return names
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDefaultPaths(p []string) []string {
	if len(p) == 0 {
		return []string{DefaultSourceDir}
	}
	return p
}
