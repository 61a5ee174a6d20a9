package driver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

// job is one output of a note made from its guide, with the outputs made
// from it once it is written (the imposed copies of the PDF).
type job struct {
	out     outputs.Output
	derived []outputs.Output
	// settings are the values of the outputs' settings, by name.
	settings map[string]string
}

// plan lists the jobs of a build from the checked output names: a job for
// each output made from the guide, in the order of outputs.All; an output
// made from another goes with that output's job, in the order of names.
func plan(names []string) []job {
	var jobs []job
	for _, o := range outputs.All() {
		if o.From == "" && slices.Contains(names, o.Name) {
			jobs = append(jobs, job{out: o})
		}
	}
	for _, n := range names {
		o, _ := outputs.Lookup(n)
		for i := range jobs {
			if o.From != "" && jobs[i].out.Name == o.From {
				jobs[i].derived = append(jobs[i].derived, o)
			}
		}
	}
	return jobs
}

// needsStudy reports whether an output of jobs reads the guide's study
// notes (outputs.Output.Study).
func needsStudy(jobs []job) bool {
	for _, j := range jobs {
		if j.out.Study || slices.ContainsFunc(j.derived, func(o outputs.Output) bool { return o.Study }) {
			return true
		}
	}
	return false
}

// writeAll stages the outputs of g and puts them in place at once; see
// stage. On failure no output of this note is touched.
func writeAll(ctx context.Context, g *guide.Guide, layout *layouts.Layout, base string, jobs []job) ([]string, error) {
	s, err := stage(ctx, g, layout, base, jobs)
	if err != nil {
		return nil, err
	}
	return s.commit()
}

// staged holds the outputs of one note, written to temporary files beside
// the outputs and not yet renamed into place.
type staged struct {
	temps *tempFiles
	// outs are the outputs in the order they are put in place, and
	// names the temporary file of each.
	outs, names []string
}

// commit renames every temporary file into place, in order, and returns
// the outputs written. When a rename fails, the temporary files left are
// removed and the outputs already renamed are returned with the error.
func (s *staged) commit() ([]string, error) {
	var written []string
	for k, out := range s.outs {
		if err := s.temps.rename(s.names[k], out); err != nil {
			s.temps.removeAll()
			return written, fmt.Errorf("write %s: %w", filepath.Base(out), err)
		}
		written = append(written, out)
	}
	return written, nil
}

// discard removes every temporary file: no output is put in place.
func (s *staged) discard() {
	s.temps.removeAll()
}

// stage runs the jobs concurrently on g, each into a temporary file
// beside its output, and returns the files once every job has succeeded,
// for the caller to commit or discard. On failure the temporary files are
// removed. When ctx is cancelled it returns at once: the temporary files
// are removed, and the writers still at work can make no more of them.
// The writers' warnings are added to the guide's diagnostics either way.
func stage(ctx context.Context, g *guide.Guide, layout *layouts.Layout, base string, jobs []job) (*staged, error) {
	type result struct {
		outs, temps []string
		err         error
		warnings    []warning
	}
	results := make([]result, len(jobs)) // one per job: no lock needed
	temps := &tempFiles{names: make(map[string]bool)}
	var wg sync.WaitGroup
	rel := newRelease(g, len(jobs))
	for i, j := range jobs {
		done, finished := rel.forOutput()
		if len(j.derived) > 0 {
			// The outputs made from this one get the guide too.
			done = nil
		}
		wg.Go(func() {
			defer finished()
			r := &results[i]
			in := outputs.Input{Guide: g, Layout: layout, Settings: j.settings, Done: done, Warn: func(pos guide.Pos, msg string) {
				r.warnings = append(r.warnings, warning{pos, msg})
			}}
			temp, err := temps.write(base+j.out.Suffix, func(f *outputs.File) error { return j.out.Write(in, f) })
			if err != nil {
				r.err = fmt.Errorf("write %s: %w", j.out.Name, err)
				return
			}
			r.outs, r.temps = append(r.outs, base+j.out.Suffix), append(r.temps, temp)
			if len(j.derived) > 0 {
				if in.From, err = os.ReadFile(temp); err != nil {
					r.err = fmt.Errorf("write %s: %w", j.derived[0].Name, err)
					return
				}
			}
			for _, d := range j.derived {
				temp, err := temps.write(base+d.Suffix, func(f *outputs.File) error { return d.Write(in, f) })
				if err != nil {
					r.err = fmt.Errorf("write %s: %w", d.Name, err)
					return
				}
				r.outs, r.temps = append(r.outs, base+d.Suffix), append(r.temps, temp)
			}
		})
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		temps.removeAll()
		return nil, ctx.Err()
	}
	perJob := make([][]warning, len(results))
	for i, r := range results {
		perJob[i] = r.warnings
	}
	reportWarnings(g, perJob)
	for _, r := range results {
		if r.err != nil {
			temps.removeAll()
			return nil, r.err
		}
	}
	if err := ctx.Err(); err != nil {
		temps.removeAll()
		return nil, err
	}
	s := &staged{temps: temps}
	for _, r := range results {
		s.outs = append(s.outs, r.outs...)
		s.names = append(s.names, r.temps...)
	}
	return s, nil
}

// errStopped is what a writer meets that would start a temporary file
// after the build was stopped.
var errStopped = errors.New("the build was stopped")

// tempFiles holds the temporary files of one note's outputs until they
// are renamed into place, so that a stopped build can remove every one at
// once, even while writers are still filling them.
type tempFiles struct {
	mu      sync.Mutex
	names   map[string]bool
	stopped bool
}

// write writes one output with write into a new temporary file in the
// output's folder and returns its name. The file is closed on success and
// removed on failure.
func (t *tempFiles) write(out string, write func(*outputs.File) error) (name string, err error) {
	f, err := t.create(out)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			t.remove(f.Name())
			name = ""
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(outputs.NewFile(f.Name(), bw)); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	if err := f.Chmod(0o644); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// create makes a temporary file beside out and records it, unless the
// build was stopped.
func (t *tempFiles) create(out string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, errStopped
	}
	f, err := os.CreateTemp(filepath.Dir(out), tempPattern(filepath.Base(out)))
	if err != nil {
		return nil, err
	}
	t.names[f.Name()] = true
	return f, nil
}

// remove removes one temporary file.
func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	os.Remove(name)
	delete(t.names, name)
}

// rename puts a finished temporary file in the place of out.
func (t *tempFiles) rename(name, out string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := os.Rename(name, out); err != nil {
		return err
	}
	delete(t.names, name)
	return nil
}

// removeAll removes every temporary file left and refuses new ones.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for name := range t.names {
		os.Remove(name)
	}
	clear(t.names)
}

// warning is a problem a writer met in the notes.
type warning struct {
	pos guide.Pos
	msg string
}

// reportWarnings adds the writers' warnings to the note's diagnostics,
// dropping a message that two writers both reported at the same place,
// and one without a place that is also reported at a place: text the
// study aids repeat from the notes (a key term in the glossary) has no
// place of its own, and the warning at the notes says it all.
func reportWarnings(g *guide.Guide, perWriter [][]warning) {
	placed := map[string]bool{}
	for _, ws := range perWriter {
		for _, w := range ws {
			if w.pos >= 0 {
				placed[w.msg] = true
			}
		}
	}
	seen := map[warning]bool{}
	for _, ws := range perWriter {
		for _, w := range ws {
			if seen[w] || g.Files == nil || w.pos < 0 && placed[w.msg] {
				continue
			}
			seen[w] = true
			g.Files.Warnf(w.pos, "%s", w.msg)
		}
	}
}

// maxTempStem is the most bytes of the output's name a temporary file's
// name repeats: with the dot before it and the random number and ".tmp"
// after it, the name stays within the 255 bytes file systems allow, even
// for an output whose own name is near that.
const maxTempStem = 200

// tempPattern is the os.CreateTemp pattern for a temporary file of the
// output named base: hidden, and named after the output, cut to
// maxTempStem bytes on a character boundary.
func tempPattern(base string) string {
	if len(base) > maxTempStem {
		cut := maxTempStem
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".*.tmp"
}
