package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"studyguide/builder/watch"
)

// syncBuffer is a buffer a running program writes to while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// watchNote is a short note that names marker in its title and in a key
// term.
func watchNote(marker string) string {
	return "# " + marker + " notes\n\nThe **" + marker + " treaty** was signed in 1999 and is still in force.\n"
}

// epubSays reports whether a page of the EPUB at path holds text. A file
// that is missing or not a whole EPUB holds nothing.
func epubSays(path, text string) bool {
	r, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer r.Close()
	for _, f := range r.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		page, err := io.ReadAll(rc)
		rc.Close()
		if err == nil && bytes.Contains(page, []byte(text)) {
			return true
		}
	}
	return false
}

// TestWatchRebuilds runs "studyguide watch" on a folder of notes and on a
// course, and saves a note the ways editors do: each save is rebuilt, a
// saved chapter rebuilds its course's book, a broken note keeps the last
// good outputs, and an interrupt stops the watch with exit status 0 and
// no temporary file left.
func TestWatchRebuilds(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	notes, out := filepath.Join(dir, "notes"), filepath.Join(dir, "out")
	if err := os.Mkdir(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(notes, "a.md")
	save := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(note, watchNote("Alpha"))
	course := filepath.Join(dir, "course")
	if code := run(context.Background(), []string{"init", course}, io.Discard, io.Discard, func(string) string { return "" }); code != exitOK {
		t.Fatalf("init: exit %d", code)
	}

	cmd := exec.Command(bin, "watch", "-o", out, notes, course)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1788000000")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
	}()

	epub, pdf := filepath.Join(out, "a.epub"), filepath.Join(out, "a.pdf")
	read := func(path string) []byte {
		data, _ := os.ReadFile(path)
		return data
	}
	waitFor := func(what string, done func() bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !done() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not done after 20 s\nstdout:\n%s\nstderr:\n%s", what, stdout.String(), stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	// rebuilt waits for the outputs of a save of the note naming marker.
	rebuilt := func(what, marker string) {
		t.Helper()
		before := read(pdf)
		waitFor(what, func() bool { return epubSays(epub, marker) && !bytes.Equal(read(pdf), before) })
	}

	waitFor("the first build", func() bool { return epubSays(epub, "Alpha") && len(read(pdf)) > 0 })

	save(note, watchNote("Bravo"))
	rebuilt("a save in place", "Bravo")

	temp := filepath.Join(notes, ".a.md.tmp")
	save(temp, watchNote("Charlie"))
	if err := os.Rename(temp, note); err != nil {
		t.Fatal(err)
	}
	rebuilt("a save by rename", "Charlie")

	backup := note + "~"
	if err := os.Rename(note, backup); err != nil {
		t.Fatal(err)
	}
	save(note, watchNote("Delta"))
	if err := os.Remove(backup); err != nil {
		t.Fatal(err)
	}
	rebuilt("a save after a backup", "Delta")

	// A chapter of a course rebuilds the course's book.
	book := filepath.Join(out, "course.epub")
	chapter := filepath.Join(course, "2-the-telegraph.md")
	text, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	save(chapter, string(text)+"\nThe **Foxtrot cable** of 1858 failed within weeks.\n")
	waitFor("a save of a chapter", func() bool { return epubSays(book, "Foxtrot") })

	goodEPUB, goodPDF := read(epub), read(pdf)
	save(note, "# Broken\n\x00\x00\x00")
	// The error goes to stderr before the verdict goes to stdout, but the
	// two pipes are read by goroutines of their own: wait for both.
	waitFor("the broken note's build, its error on stderr", func() bool {
		return strings.Contains(stdout.String(), "the last good outputs are kept") &&
			strings.Contains(stderr.String(), "NUL bytes")
	})
	if !bytes.Equal(read(epub), goodEPUB) || !bytes.Equal(read(pdf), goodPDF) {
		t.Error("a broken note changed the last good outputs")
	}
	for _, want := range []string{"built in ", "changed: ", "rebuilt in ", "wrote " + epub} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}

	// An interrupt while a save waits out the quiet time or is being
	// built stops the watch at once.
	save(note, watchNote("Echo"))
	time.Sleep(watch.DefaultQuiet + 20*time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after an interrupt: %v; want exit status 0\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10 s after an interrupt\nstdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	for _, d := range []struct {
		dir   string
		files []string
	}{{out, []string{"a.epub", "a.pdf", "course.epub", "course.pdf"}}, {notes, []string{"a.md"}}} {
		entries, err := os.ReadDir(d.dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if !slices.Equal(names, d.files) {
			t.Errorf("%s holds %q after the interrupt; want %q", d.dir, names, d.files)
		}
	}
	if !epubSays(epub, "Delta") && !epubSays(epub, "Echo") {
		t.Error("after the interrupt, the EPUB is not a whole book of the last saves")
	}
}

// TestWatchPlan checks what each saved file rebuilds: a note given alone
// its guide, a note of a folder its own guide, a chapter or course.yaml
// of a course the course (given, or in a sub-folder of a folder given),
// an image every guide; a note no path names, nothing.
func TestWatchPlan(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	files := map[string]string{
		"single/alone.md":        "# Alone\n",
		"single/other.md":        "# Other\n",
		"plain/a.md":             "# A\n",
		"plain/b.md":             "# B\n",
		"plain/sub/c.md":         "# C\n",
		"course/course.yaml":     "title: A course\n",
		"course/1-one.md":        "# One\n",
		"course/part/2-two.md":   "# Two\n",
		"course/images/map.png":  "",
		"plain/term/course.yaml": "title: A term\n",
		"plain/term/week-1.md":   "# Week 1\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wt := &watcher{stdout: io.Discard, outDir: filepath.Join(root, "out")}
	for _, arg := range []string{"single/alone.md", "plain", "course"} {
		info, _ := os.Stat(arg)
		wt.targets = append(wt.targets, target{arg: arg, abs: filepath.Join(root, arg), dir: info.IsDir()})
	}
	everything := []string{"single/alone.md", "plain/a.md", "plain/b.md", "plain/term", "course"}
	for _, c := range []struct {
		saved []string
		want  []string
	}{
		{[]string{"single/alone.md"}, []string{"single/alone.md"}},
		{[]string{"single/other.md"}, nil},
		{[]string{"plain/b.md", "plain/a.md"}, []string{"plain/b.md", "plain/a.md"}},
		{[]string{"plain/sub/c.md"}, nil},
		{[]string{"plain/gone.md"}, nil},
		{[]string{"plain/term/week-1.md", "plain/a.md"}, []string{"plain/term", "plain/a.md"}},
		{[]string{"course/part/2-two.md"}, []string{"course"}},
		{[]string{"course/course.yaml", "course/1-one.md"}, []string{"course"}},
		{[]string{"course/images/map.png"}, everything},
		{[]string{"plain/a.md", "layout.yaml"}, everything},
	} {
		var b watch.Batch
		for _, f := range c.saved {
			b.Files = append(b.Files, filepath.Join(root, f))
		}
		if got := wt.plan(b); !slices.Equal(got, c.want) {
			t.Errorf("saving %q rebuilds %q; want %q", c.saved, got, c.want)
		}
	}
	if got := wt.plan(watch.Batch{Lost: true}); !slices.Equal(got, everything) {
		t.Errorf("lost changes rebuild %q; want %q", got, everything)
	}
	for file, want := range map[string]bool{
		"plain/a.md": true, "course/course.yaml": true, "course/images/map.png": true, "my.yml": true,
		"plain/.a.md.swp": false, "plain/a.md~": false, "plain/4913": false, "out/a.md": false, "plain/a.pdf": false,
	} {
		if got := wt.wanted(filepath.Join(root, file)); got != want {
			t.Errorf("wanted(%s) = %v; want %v", file, got, want)
		}
	}
}

// TestWatchNeedsNotes checks that watch fails at once, as build does,
// when a path is missing.
func TestWatchNeedsNotes(t *testing.T) {
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"watch", filepath.Join(t.TempDir(), "no-such-notes")}, io.Discard, &stderr, func(string) string { return "" })
	if code != exitBuild || !strings.Contains(stderr.String(), "no-such-notes") {
		t.Errorf("watch of a missing folder: exit %d, %q; want %d naming the folder", code, stderr.String(), exitBuild)
	}
}
