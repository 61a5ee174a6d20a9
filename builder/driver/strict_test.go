package driver

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A clean note and a note with two warnings (an image that is missing and
// a link to a section that does not exist).
const (
	cleanNote = `# Clean

Plain text with a **key term** in it.
`
	warnedNote = `# Warned

![A diagram](missing.png) and a [link](#nowhere).
`
)

// folderFiles returns every file below dir with its bytes, by path
// relative to dir.
func folderFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func writeNotes(t *testing.T, dir string, notes map[string]string) {
	t.Helper()
	for name, text := range notes {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStrictFailureLeavesTheFolder builds two notes once, changes them so
// that one warns, and builds again with Strict: the build fails with the
// number of warnings, and the output folder holds the same files with the
// same bytes as before, and nothing more.
func TestStrictFailureLeavesTheFolder(t *testing.T) {
	notes, out := t.TempDir(), t.TempDir()
	writeNotes(t, notes, map[string]string{"a.md": cleanNote, "b.md": cleanNote})
	if _, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	before := folderFiles(t, out)
	if len(before) != 4 {
		t.Fatalf("the first build wrote %d files, want 4", len(before))
	}

	// a.md still builds cleanly but says something else; b.md warns.
	writeNotes(t, notes, map[string]string{"a.md": cleanNote + "\nMore text.\n", "b.md": warnedNote})
	res, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out, Strict: true})
	var warned *WarningsError
	if !errors.As(err, &warned) {
		t.Fatalf("a strict build with warnings returned %v, want a *WarningsError", err)
	}
	if warned.Warnings != 2 || len(res.Diagnostics) != 2 {
		t.Errorf("the error counts %d warnings and the result has %d diagnostics, want 2 and 2:\n%v", warned.Warnings, len(res.Diagnostics), res.Diagnostics)
	}
	if len(res.Outputs) != 0 {
		t.Errorf("a failed strict build reports outputs %v", res.Outputs)
	}
	after := folderFiles(t, out)
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("a failed strict build left %s", name)
		}
	}

	// Without Strict the same notes build, with their warnings.
	if _, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	if got := folderFiles(t, out); bytes.Equal(got["a.epub"], before["a.epub"]) {
		t.Error("the build without Strict did not write a.epub again")
	}
}

// TestStrictFailureMakesNoFolder checks that a strict build that fails
// removes the output folders it had to make.
func TestStrictFailureMakesNoFolder(t *testing.T) {
	notes, parent := t.TempDir(), t.TempDir()
	writeNotes(t, notes, map[string]string{"b.md": warnedNote})
	out := filepath.Join(parent, "new", "out")
	_, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out, Strict: true})
	var warned *WarningsError
	if !errors.As(err, &warned) {
		t.Fatalf("got %v, want a *WarningsError", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("a failed strict build left %s in the parent folder", entries[0].Name())
	}
}

// TestStrictCleanBuildWrites checks that a strict build of clean notes
// writes every output.
func TestStrictCleanBuildWrites(t *testing.T) {
	notes, out := t.TempDir(), t.TempDir()
	writeNotes(t, notes, map[string]string{"a.md": cleanNote, "b.md": cleanNote})
	res, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out, Strict: true})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	if len(res.Outputs) != 4 || len(folderFiles(t, out)) != 4 {
		t.Errorf("a clean strict build wrote %v", res.Outputs)
	}
}

func TestCountWarnings(t *testing.T) {
	for n, want := range map[int]string{1: "1 warning", 2: "2 warnings", 0: "0 warnings", 11: "11 warnings"} {
		if got := CountWarnings(n); got != want {
			t.Errorf("CountWarnings(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestStrictWriterWarning checks that a warning only a writer finds (a
// character no embedded font can print, found by the PDF writer) fails a
// strict build too, and leaves nothing behind.
func TestStrictWriterWarning(t *testing.T) {
	notes, out := t.TempDir(), t.TempDir()
	writeNotes(t, notes, map[string]string{"a.md": cleanNote, "b.md": "# Rocket\n\nA rocket 🚀 in the text.\n"})
	res, err := Build(context.Background(), Options{Paths: []string{notes}, OutDir: out, Strict: true})
	var warned *WarningsError
	if !errors.As(err, &warned) || warned.Warnings != 1 {
		t.Fatalf("got %v (%v), want a *WarningsError of 1 warning", err, res.Diagnostics)
	}
	if files := folderFiles(t, out); len(files) != 0 {
		t.Errorf("a failed strict build left %d files", len(files))
	}
}
