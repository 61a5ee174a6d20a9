// Package watch reports the files saved in a set of folders, a batch at a
// time once they have been quiet for a moment. It is the one door to the
// file system notification library.
//
// Folders are watched, not files: an editor that saves by writing a
// temporary file and renaming it over the old one, or by renaming the old
// one to a backup and writing a new one, replaces the file a watch on the
// file would follow, but the folder sees the new file under its name. A
// folder made inside a watched tree is watched from then on, and a
// watched folder that is removed or renamed away is watched again once it
// is back.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Default timings of a Watcher.
const (
	// DefaultQuiet is how long the files must stay quiet before a batch
	// is reported: long enough for an editor's writes, renames and
	// attribute changes of one save to make one batch.
	DefaultQuiet = 200 * time.Millisecond
	// DefaultMaxWait is the longest a change waits to be reported while
	// other changes keep coming.
	DefaultMaxWait = time.Second
	// retryEvery is how often a watched folder that has gone is looked
	// for again.
	retryEvery = 250 * time.Millisecond
	// maxFolders is the most folders one tree adds to the watch, so that
	// a tree as large as a home folder cannot exhaust the system's
	// watches.
	maxFolders = 1000
)

// Options says what to watch.
type Options struct {
	// Trees are folders watched with every sub-folder in them.
	Trees []string
	// Folders are folders watched without their sub-folders.
	Folders []string
	// Skip reports whether a folder inside a tree is left out, with
	// everything in it. Hidden folders (".git") are always left out.
	Skip func(dir string) bool
	// Wanted reports whether a change to a file is reported; nil means
	// every file. The file may no longer exist.
	Wanted func(file string) bool
	// Quiet and MaxWait are DefaultQuiet and DefaultMaxWait when zero.
	Quiet, MaxWait time.Duration
}

// Batch is the changes one call of Watcher.Next reports.
type Batch struct {
	// Files are the wanted files written, made, removed or renamed,
	// sorted, each once, as absolute paths.
	Files []string
	// Lost says the system dropped changes (its queue overflowed):
	// anything in the watched folders may have changed.
	Lost bool
	// Problems are what went wrong while watching: a folder that could not
	// be watched, a tree cut short. Watching goes on.
	Problems []error
}

// Watcher watches folders for saved files.
type Watcher struct {
	w    *fsnotify.Watcher
	opts Options
	// roots are the folders asked for, absolute, each with whether it is
	// a tree.
	roots []root
	// problems are those met outside Next, reported by the next batch.
	problems []error
}

// root is a folder the caller asked to watch.
type root struct {
	dir  string
	tree bool
}

// New starts watching the folders opts names. A folder that does not
// exist yet is watched once it does.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = DefaultMaxWait
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{w: fw, opts: opts}
	add := func(dir string, tree bool) error {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		if !slices.Contains(w.roots, root{abs, tree}) {
			w.roots = append(w.roots, root{abs, tree})
		}
		return nil
	}
	for _, d := range opts.Trees {
		if err := add(d, true); err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
	}
	for _, d := range opts.Folders {
		if err := add(d, false); err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
	}
	for _, r := range w.roots {
		if err := w.addRoot(r, nil); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
	}
	return w, nil
}

// Folders returns the folders being watched, sorted.
func (w *Watcher) Folders() []string {
	list := w.w.WatchList()
	slices.Sort(list)
	return list
}

// Close stops watching.
func (w *Watcher) Close() error {
	return w.w.Close()
}

// Next waits for wanted files to change and returns them once no further
// change has come for the quiet time, or once the first of them has waited
// the longest wait. Problems met while starting or re-adding a folder
// outside Next come in a batch of their own. It returns ctx's error as
// soon as ctx is done.
func (w *Watcher) Next(ctx context.Context) (Batch, error) {
	var b Batch
	if len(w.problems) > 0 {
		b.Problems, w.problems = w.problems, nil
		return b, nil
	}
	changed := map[string]bool{}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	defer quiet.Stop()
	var first time.Time
	note := func() {
		if len(changed) == 0 && !b.Lost {
			return
		}
		if first.IsZero() {
			first = time.Now()
		}
		wait := min(w.opts.Quiet, w.opts.MaxWait-time.Since(first))
		quiet.Reset(max(wait, 0))
	}
	retry := time.NewTicker(retryEvery)
	defer retry.Stop()
	for {
		select {
		case <-ctx.Done():
			return Batch{}, ctx.Err()
		case ev, ok := <-w.w.Events:
			if !ok {
				return Batch{}, errors.New("watch: the watcher was closed")
			}
			w.handle(ev, changed, &b)
			note()
		case err, ok := <-w.w.Errors:
			if !ok {
				return Batch{}, errors.New("watch: the watcher was closed")
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				b.Lost = true
			} else {
				b.Problems = append(b.Problems, fmt.Errorf("watch: %w", err))
			}
			note()
		case <-retry.C:
			w.rewatch(changed, &b)
			note()
		case <-quiet.C:
			for f := range changed {
				b.Files = append(b.Files, f)
			}
			slices.Sort(b.Files)
			return b, nil
		}
	}
}

// handle records one event: a wanted file that changed, or a folder made
// inside a tree, which is watched and whose files count as changed.
func (w *Watcher) handle(ev fsnotify.Event, changed map[string]bool, b *Batch) {
	name := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(name); err == nil && info.IsDir() {
			if w.inTree(name) && !w.skip(name) {
				b.Problems = append(b.Problems, w.addTree(name, changed)...)
			}
			return
		}
	}
	if w.watched(name) {
		// A watched folder was removed or renamed away: it is looked
		// for again until it is back.
		return
	}
	if w.wanted(name) {
		changed[name] = true
	}
}

// rewatch watches again each root folder that is back after it was
// removed or renamed away; everything in it counts as changed.
func (w *Watcher) rewatch(changed map[string]bool, b *Batch) {
	for _, r := range w.roots {
		if w.watched(r.dir) {
			continue
		}
		if info, err := os.Stat(r.dir); err != nil || !info.IsDir() {
			continue
		}
		if err := w.addRoot(r, changed); err != nil {
			b.Problems = append(b.Problems, fmt.Errorf("watch: %w", err))
		}
	}
}

// addRoot watches a root folder. When changed is not nil, the wanted
// files in it are recorded there as changed.
func (w *Watcher) addRoot(r root, changed map[string]bool) error {
	if r.tree {
		problems := w.addTree(r.dir, changed)
		if len(problems) > 0 {
			w.problems = append(w.problems, problems[1:]...)
			return problems[0]
		}
		return nil
	}
	if err := w.w.Add(r.dir); err != nil {
		return err
	}
	if changed != nil {
		entries, _ := os.ReadDir(r.dir)
		for _, e := range entries {
			if p := filepath.Join(r.dir, e.Name()); e.Type().IsRegular() && w.wanted(p) {
				changed[p] = true
			}
		}
	}
	return nil
}

// addTree watches dir and every folder in it that is not skipped, up to
// maxFolders. When changed is not nil, the wanted files found are
// recorded there as changed: they may have been written before their
// folder was watched.
func (w *Watcher) addTree(dir string, changed map[string]bool) []error {
	var problems []error
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			problems = append(problems, err)
			return nil
		}
		if !d.IsDir() {
			if changed != nil && d.Type().IsRegular() && w.wanted(p) {
				changed[p] = true
			}
			return nil
		}
		if p != dir && w.skip(p) {
			return filepath.SkipDir
		}
		if n == maxFolders {
			problems = append(problems, fmt.Errorf("%s holds more than %d folders; only the first %d are watched", dir, maxFolders, maxFolders))
			return filepath.SkipAll
		}
		if err := w.w.Add(p); err != nil {
			if p == dir {
				return err
			}
			problems = append(problems, err)
			return filepath.SkipDir
		}
		n++
		return nil
	})
	if err != nil {
		problems = append([]error{err}, problems...)
	}
	return problems
}

// watched reports whether dir is a folder being watched.
func (w *Watcher) watched(dir string) bool {
	return slices.Contains(w.w.WatchList(), dir)
}

// inTree reports whether p is inside one of the trees watched.
func (w *Watcher) inTree(p string) bool {
	for _, r := range w.roots {
		if r.tree && within(p, r.dir) {
			return true
		}
	}
	return false
}

// skip reports whether the folder dir is left out.
func (w *Watcher) skip(dir string) bool {
	return strings.HasPrefix(filepath.Base(dir), ".") || w.opts.Skip != nil && w.opts.Skip(dir)
}

// wanted reports whether a change to file is reported.
func (w *Watcher) wanted(file string) bool {
	return w.opts.Wanted == nil || w.opts.Wanted(file)
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
