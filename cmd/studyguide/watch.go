package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"studyguide/builder/course"
	"studyguide/builder/driver"
	"studyguide/builder/watch"
	"studyguide/layouts"
)

// imageExtensions are the endings of the image files a note may show: a
// change to one rebuilds every guide.
var imageExtensions = []string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}

// runWatch builds what the flags and paths of build name, then rebuilds
// what a saved file changes until ctx is done, which ends it with exitOK.
func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	opts, code := buildOptions("watch", args, stderr, getenv)
	if code != exitOK {
		return code
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{driver.DefaultSourceDir}
	}
	if opts.OutDir == "" {
		opts.OutDir = driver.DefaultOutDir
	}
	wt, err := newWatcher(opts, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "studyguide watch: %v\n", err)
		return exitBuild
	}
	defer wt.w.Close()

	units := wt.everything()
	if err := sameNames(units); err != nil {
		fmt.Fprintf(stderr, "studyguide watch: %v\n", err)
		return exitBuild
	}
	if !wt.round(ctx, "built", units) {
		return wt.stopped()
	}
	fmt.Fprintf(stdout, "watching %s for changes; Ctrl-C stops\n", joinNames(wt.watchedNames()))
	for {
		b, err := wt.w.Next(ctx)
		if ctx.Err() != nil {
			return wt.stopped()
		}
		if err != nil {
			fmt.Fprintf(stderr, "studyguide watch: %v\n", err)
			return exitBuild
		}
		for _, p := range b.Problems {
			fmt.Fprintf(stderr, "studyguide watch: %v\n", p)
		}
		units := wt.plan(b)
		if len(units) == 0 {
			continue
		}
		if !wt.round(ctx, "rebuilt", units) {
			return wt.stopped()
		}
	}
}

// watcher rebuilds the guides of a watch.
type watcher struct {
	opts           driver.Options
	stdout, stderr io.Writer
	w              *watch.Watcher
	// targets are the paths given, in order.
	targets []target
	// outDir is the output folder, absolute: nothing in it is watched.
	outDir string
	// layoutFile is the layout file, absolute, when the layout is one.
	layoutFile string
}

// target is a path given to watch: a note, or a folder of notes, which
// is a course when it holds course.yaml.
type target struct {
	arg, abs string
	dir      bool
}

// newWatcher starts watching the folders of opts' notes (with their
// sub-folders, where images live), of its resources and of its layout
// file.
func newWatcher(opts driver.Options, stdout, stderr io.Writer) (*watcher, error) {
	wt := &watcher{opts: opts, stdout: stdout, stderr: stderr}
	var err error
	if wt.outDir, err = filepath.Abs(opts.OutDir); err != nil {
		return nil, err
	}
	var trees, folders []string
	for _, p := range opts.Paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, err
		}
		wt.targets = append(wt.targets, target{arg: p, abs: abs, dir: info.IsDir()})
		if info.IsDir() {
			trees = append(trees, abs)
		} else {
			trees = append(trees, filepath.Dir(abs))
		}
	}
	trees = append(trees, opts.Resources...)
	if layouts.IsFile(opts.Layout) {
		if wt.layoutFile, err = filepath.Abs(opts.Layout); err != nil {
			return nil, err
		}
		folders = append(folders, filepath.Dir(wt.layoutFile))
	}
	wt.w, err = watch.New(watch.Options{
		Trees:   trees,
		Folders: folders,
		Skip:    func(dir string) bool { return within(dir, wt.outDir) },
		Wanted:  wt.wanted,
	})
	if err != nil {
		return nil, err
	}
	return wt, nil
}

// wanted reports whether a change to file may change a guide: a note,
// course.yaml or a layout file (any YAML file), or an image; not a
// hidden file, an editor's backup ("note.md~") or anything in the output
// folder.
func (wt *watcher) wanted(file string) bool {
	if file == wt.layoutFile {
		return true
	}
	base := filepath.Base(file)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || within(file, wt.outDir) {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	return slices.Contains(driver.NoteExtensions, ext) || ext == ".yaml" || ext == ".yml" || slices.Contains(imageExtensions, ext)
}

// plan returns what a batch of changes rebuilds, as paths for the driver,
// and says which files changed: a saved note rebuilds its own guide, or
// its course when it is a chapter; course.yaml rebuilds its course; an
// image or a layout file may be in any guide, and rebuilds them all. A
// note that no path given names changes nothing.
func (wt *watcher) plan(b watch.Batch) []string {
	if b.Lost {
		fmt.Fprintln(wt.stdout, "changed: too many files to tell which")
		return wt.everything()
	}
	var units, used []string
	add := func(u, f string) {
		if !slices.Contains(units, u) {
			units = append(units, u)
		}
		if !slices.Contains(used, f) {
			used = append(used, f)
		}
	}
	all := false
	for _, f := range b.Files {
		base := filepath.Base(f)
		isNote := slices.Contains(driver.NoteExtensions, strings.ToLower(filepath.Ext(base)))
		if !isNote && base != course.FileName {
			all = true
			used = append(used, f)
			continue
		}
		if c, ok := wt.courseOf(f); ok {
			add(c, f)
			continue
		}
		for _, t := range wt.targets {
			switch {
			case !t.dir:
				if f == t.abs {
					add(t.arg, f)
				}
			case filepath.Dir(f) != t.abs:
			case base == course.FileName:
				// The folder is a course no more: its notes are
				// built one by one.
				add(t.arg, f)
			default:
				if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() {
					add(filepath.Join(t.arg, base), f)
				}
			}
		}
	}
	if len(used) == 0 {
		return nil
	}
	var shown []string
	for _, f := range used {
		shown = append(shown, wt.display(f))
	}
	if len(shown) > 5 {
		shown = append(shown[:4], fmt.Sprintf("%d more", len(shown)-4))
	}
	fmt.Fprintf(wt.stdout, "changed: %s\n", strings.Join(shown, ", "))
	if all {
		return wt.everything()
	}
	return units
}

// courseOf returns the course that file is in, as a path for the driver:
// a course folder given, or a course in a sub-folder of a folder given.
func (wt *watcher) courseOf(file string) (string, bool) {
	for _, t := range wt.targets {
		if !t.dir || !within(file, t.abs) {
			continue
		}
		if course.Is(t.abs) {
			return t.arg, true
		}
		rel, err := filepath.Rel(t.abs, file)
		if err != nil {
			continue
		}
		if first, _, ok := strings.Cut(rel, string(filepath.Separator)); ok && course.Is(filepath.Join(t.abs, first)) {
			return filepath.Join(t.arg, first), true
		}
	}
	return "", false
}

// everything returns every book to build, as paths for the driver: each
// note given, each course given, and of a folder given that is not a
// course, each of its notes and each course in its sub-folders, so that a
// note that fails does not keep the others from building.
func (wt *watcher) everything() []string {
	var units []string
	add := func(u string) {
		if !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	for _, t := range wt.targets {
		if !t.dir || course.Is(t.abs) {
			add(t.arg)
			continue
		}
		before := len(units)
		notes, _ := driver.FindNotes([]string{t.arg})
		for _, n := range notes {
			add(n)
		}
		entries, _ := os.ReadDir(t.abs)
		for _, e := range entries {
			if e.IsDir() && course.Is(filepath.Join(t.abs, e.Name())) {
				add(filepath.Join(t.arg, e.Name()))
			}
		}
		if len(units) == before {
			add(t.arg) // its build says what is wrong
		}
	}
	return units
}

// sameNames returns an error when two of units would write the same
// outputs: two notes of one name in different folders, or a note and a
// course folder of that name.
func sameNames(units []string) error {
	seen := map[string]string{}
	for _, u := range units {
		abs, err := filepath.Abs(u)
		if err != nil {
			return err
		}
		name := filepath.Base(abs)
		if !course.Is(abs) {
			name = strings.TrimSuffix(name, filepath.Ext(name))
		}
		if other, ok := seen[name]; ok {
			return fmt.Errorf("%s and %s would both write %s.*", other, u, name)
		}
		seen[name] = u
	}
	return nil
}

// round builds each of units in turn, prints what each wrote and its
// problems, then how long the round took. A unit that fails keeps its
// last good outputs. It returns false when ctx was done before the round
// was.
func (wt *watcher) round(ctx context.Context, verb string, units []string) bool {
	start := time.Now()
	failed := 0
	if _, err := layouts.Load(wt.opts.Layout); err != nil {
		fmt.Fprintf(wt.stderr, "studyguide watch: %v\n", err)
		failed = len(units)
		units = nil
	}
	for _, u := range units {
		opts := wt.opts
		opts.Paths = []string{u}
		prog := newProgress(wt.stderr)
		if prog != nil {
			opts.Progress = prog.update
		}
		res, err := driver.Build(ctx, opts)
		prog.end()
		if ctx.Err() != nil {
			return false
		}
		for _, d := range res.Diagnostics {
			fmt.Fprintln(wt.stderr, d)
		}
		for _, out := range res.Outputs {
			fmt.Fprintf(wt.stdout, "wrote %s\n", out)
		}
		if err != nil {
			failed++
			var warned *driver.WarningsError
			if errors.As(err, &warned) {
				fmt.Fprintf(wt.stderr, "studyguide watch: %s: %s with --strict; nothing was written\n", u, driver.CountWarnings(warned.Warnings))
			} else {
				fmt.Fprintf(wt.stderr, "studyguide watch: %v\n", err)
			}
		}
	}
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case failed == 0:
		fmt.Fprintf(wt.stdout, "%s in %s\n", verb, took)
	case failed == 1 && len(units) <= 1:
		fmt.Fprintf(wt.stdout, "build failed after %s; the last good outputs are kept\n", took)
	default:
		fmt.Fprintf(wt.stdout, "%s in %s; %d of %d builds failed and keep their last good outputs\n", verb, took, failed, max(len(units), failed))
	}
	return true
}

// stopped reports that the watch was stopped, and returns its exit status.
func (wt *watcher) stopped() int {
	fmt.Fprintln(wt.stderr, "studyguide watch: stopped")
	return exitOK
}

// watchedNames returns the folders watched as the user named them, as
// far as they can be told.
func (wt *watcher) watchedNames() []string {
	var names []string
	for _, f := range wt.w.Folders() {
		names = append(names, wt.display(f))
	}
	if len(names) > 5 {
		names = append(names[:4], fmt.Sprintf("%d more folders", len(names)-4))
	}
	return names
}

// display returns an absolute path relative to the current folder when it
// is inside it.
func (wt *watcher) display(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && within(p, wd) {
			return rel
		}
	}
	return p
}

// within reports whether p is dir or inside it; both are absolute.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
