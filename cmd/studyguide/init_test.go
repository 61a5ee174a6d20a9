package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInitThenStrictBuild writes the starter course and builds it with
// --strict: the build succeeds without a single warning and writes one
// book named after the folder.
func TestInitThenStrictBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	getenv := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1788000000" // 2026-08-29
		}
		return ""
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"init", dir}, &stdout, &stderr, getenv); code != exitOK {
		t.Fatalf("init: exit %d\n%s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("init printed on stderr:\n%s", stderr.String())
	}
	for _, name := range starterFiles {
		if !strings.Contains(stdout.String(), "wrote "+filepath.Join(dir, name)+"\n") {
			t.Errorf("init did not say it wrote %s:\n%s", name, stdout.String())
		}
	}
	course, err := os.ReadFile(filepath.Join(dir, "course.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(course), "\ndate: 2026-08-29 ") || strings.Contains(string(course), "{{") {
		t.Errorf("course.yaml does not date the course 2026-08-29:\n%s", course)
	}
	for _, note := range starterFiles[1:] {
		if !strings.Contains(string(course), "\n  - "+note+"\n") {
			t.Errorf("course.yaml does not list %s", note)
		}
	}

	out := filepath.Join(t.TempDir(), "out")
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"build", "--strict", "-o", out, dir}, &stdout, &stderr, getenv); code != exitOK {
		t.Fatalf("build --strict of the starter course: exit %d\n%s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("the starter course has warnings:\n%s", stderr.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	for _, e := range entries {
		written = append(written, e.Name())
	}
	if book := []string{"course.epub", "course.pdf"}; !slices.Equal(written, book) {
		t.Errorf("the build wrote %q; want one book, %q", written, book)
	}
}

// TestInitNeverOverwrites runs init where a file of the starter course
// is already there: it names the file, fails, and writes nothing.
func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "2-the-telegraph.md")
	if err := os.WriteFile(mine, []byte("# My own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"init", dir}, &stdout, &stderr, func(string) string { return "" })
	if code != exitBuild {
		t.Errorf("init over a note: exit %d, want %d", code, exitBuild)
	}
	want := "studyguide init: " + mine + " already exists; init never overwrites a file, so nothing was written\n"
	if stderr.String() != want {
		t.Errorf("stderr %q; want %q", stderr.String(), want)
	}
	if stdout.Len() > 0 {
		t.Errorf("a refused init printed %q", stdout.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a refused init left %d files; want only the note that was there", len(entries))
	}
	if text, _ := os.ReadFile(mine); string(text) != "# My own notes\n" {
		t.Errorf("init changed %s to %q", mine, text)
	}

	// A second init of a folder init wrote names every file.
	course := filepath.Join(t.TempDir(), "a", "b")
	if code := run(context.Background(), []string{"init", course}, &stdout, &stderr, func(string) string { return "" }); code != exitOK {
		t.Fatalf("init %s: exit %d", course, code)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"init", course}, &stdout, &stderr, func(string) string { return "" }); code != exitBuild {
		t.Errorf("a second init: exit %d, want %d", code, exitBuild)
	}
	for _, name := range starterFiles {
		if !strings.Contains(stderr.String(), filepath.Join(course, name)) {
			t.Errorf("a second init does not name %s: %q", name, stderr.String())
		}
	}
}

// TestInitFolders covers the folder init writes into: the current one by
// default, one that is a file (an error), more than one (a usage error),
// and one that already holds other notes (they are named, to be listed).
func TestInitFolders(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	noenv := func(string) string { return "" }
	if code := run(context.Background(), []string{"init"}, &bytes.Buffer{}, &bytes.Buffer{}, noenv); code != exitOK {
		t.Fatalf("init in the current folder: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "course.yaml")); err != nil {
		t.Errorf("init wrote no course.yaml in the current folder: %v", err)
	}

	file := filepath.Join(dir, "1-the-printing-press.md")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"init", file}, &bytes.Buffer{}, &stderr, noenv); code != exitBuild || !strings.Contains(stderr.String(), file+" is not a folder") {
		t.Errorf("init into a file: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"init", "a", "b"}, &bytes.Buffer{}, &stderr, noenv); code != exitUsage {
		t.Errorf("init a b: exit %d, %q; want %d", code, stderr.String(), exitUsage)
	}

	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "3-radio.md"), []byte("# Radio\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"init", other}, &bytes.Buffer{}, &stderr, noenv); code != exitOK || !strings.Contains(stderr.String(), "also holds 3-radio.md; list it under notes:") {
		t.Errorf("init beside another note: exit %d, %q", code, stderr.String())
	}
}
