package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// start watches the tree dir for .md files, leaving out folders named
// "out", with a short quiet time.
func start(t *testing.T, dir string) *Watcher {
	t.Helper()
	w, err := New(Options{
		Trees:  []string{dir},
		Skip:   func(d string) bool { return filepath.Base(d) == "out" },
		Wanted: func(f string) bool { return strings.HasSuffix(f, ".md") },
		Quiet:  50 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next returns the files of the next batch, failing the test when none
// comes within a generous deadline.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		b, err := w.Next(ctx)
		if err != nil {
			t.Fatalf("no change reported: %v", err)
		}
		if len(b.Problems) > 0 {
			t.Errorf("problems: %v", b.Problems)
		}
		if len(b.Files) > 0 || b.Lost {
			return b.Files
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func want(t *testing.T, what string, got []string, files ...string) {
	t.Helper()
	if !slices.Equal(got, files) {
		t.Errorf("%s: reported %q; want %q", what, got, files)
	}
}

// TestSaves saves a note the ways editors do: in place, by writing a
// temporary file and renaming it over the note, and by renaming the note
// to a backup and writing it anew. Each save is one batch naming the note.
func TestSaves(t *testing.T) {
	dir := t.TempDir()
	note := filepath.Join(dir, "a.md")
	write(t, note, "# A\n")
	w := start(t, dir)

	write(t, note, "# A, in place\n")
	want(t, "a save in place", next(t, w), note)

	temp := filepath.Join(dir, ".a.md.swx")
	write(t, temp, "# A, renamed over\n")
	if err := os.Rename(temp, note); err != nil {
		t.Fatal(err)
	}
	want(t, "a save by rename", next(t, w), note)

	backup := note + "~"
	if err := os.Rename(note, backup); err != nil {
		t.Fatal(err)
	}
	write(t, note, "# A, after a backup\n")
	if err := os.Remove(backup); err != nil {
		t.Fatal(err)
	}
	want(t, "a save after a backup", next(t, w), note)

	// Several quick writes of two notes make one batch.
	other := filepath.Join(dir, "b.md")
	for i := range 5 {
		write(t, note, strings.Repeat("x", i))
		write(t, other, strings.Repeat("y", i))
	}
	want(t, "quick writes", next(t, w), note, other)
}

// TestFolders checks the folders of a tree: one made after the watch
// started is watched, with the notes already in it; a skipped or hidden
// folder is not; a tree removed and made again is watched again.
func TestFolders(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "notes")
	for _, d := range []string{"out", ".git"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w := start(t, dir)
	if got := w.Folders(); !slices.Equal(got, []string{dir}) {
		t.Errorf("watching %q; want only %q", got, dir)
	}

	sub := filepath.Join(dir, "part-2")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(sub, "b.md")
	write(t, b, "# B\n")
	want(t, "a note in a new folder", next(t, w), b)
	write(t, b, "# B again\n")
	want(t, "a note saved in a new folder", next(t, w), b)

	a := filepath.Join(dir, "a.md")
	write(t, filepath.Join(dir, "out", "c.md"), "# C\n")
	write(t, filepath.Join(dir, ".git", "d.md"), "# D\n")
	write(t, filepath.Join(dir, "e.txt"), "E\n")
	write(t, a, "# A\n")
	want(t, "a note beside skipped ones", next(t, w), a)

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	want(t, "the notes of a removed tree", next(t, w), a, b)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, a, "# A is back\n")
	want(t, "a note of a tree made again", next(t, w), a)
	write(t, a, "# A once more\n")
	want(t, "a note saved in a tree made again", next(t, w), a)
}

// TestStops checks that Next returns as soon as its context is done.
func TestStops(t *testing.T) {
	w := start(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	if _, err := w.Next(ctx); err != context.Canceled {
		t.Errorf("Next after cancel: %v", err)
	}
}
