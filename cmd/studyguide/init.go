package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"studyguide/builder/driver"
)

// starter holds the files of the starter course that init writes.
//
//go:embed starter
var starter embed.FS

// starterFiles are the files of the starter course, in the order init
// writes them: course.yaml, then the notes in the order it lists them.
var starterFiles = []string{"course.yaml", "1-the-printing-press.md", "2-the-telegraph.md"}

// runInit writes the starter course into the folder named by args (the
// current folder when there is none). It writes nothing when any of its
// files is already there.
func runInit(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "studyguide init: %v\n\n%s", err, usage())
		return exitUsage
	}
	dir := "."
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		fmt.Fprintf(stderr, "studyguide init: one folder at most, not %d\n\n%s", fs.NArg(), usage())
		return exitUsage
	}
	date := time.Now()
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		secs, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "studyguide init: SOURCE_DATE_EPOCH=%q is not a number of seconds\n", s)
			return exitUsage
		}
		date = time.Unix(secs, 0).UTC()
	}
	written, err := writeStarter(dir, date)
	if err != nil {
		fmt.Fprintf(stderr, "studyguide init: %v\n", err)
		return exitBuild
	}
	for _, f := range written {
		fmt.Fprintf(stdout, "wrote %s\n", f)
	}
	if others := unlistedNotes(dir); len(others) > 0 {
		fmt.Fprintf(stderr, "studyguide init: %s also holds %s; list %s under notes: in course.yaml to make %s chapters of the book\n",
			dir, strings.Join(others, ", "), them(len(others)), them(len(others)))
	}
	fmt.Fprintf(stdout, "build the course with: studyguide build %s\nor rebuild it on every save with: studyguide watch %s\n", quoteArg(dir), quoteArg(dir))
	return exitOK
}

// them is "it" or "them", for n notes.
func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// writeStarter writes the starter course into dir, making the folder
// when it is missing, with date as the course's date. It never
// overwrites a file: when one of the course's files is already there, or
// when writing fails, it returns an error and leaves dir as it was.
func writeStarter(dir string, date time.Time) ([]string, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	var there []string
	for _, name := range starterFiles {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			there = append(there, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if len(there) > 0 {
		verb := "exists"
		if len(there) > 1 {
			verb = "exist"
		}
		return nil, fmt.Errorf("%s already %s; init never overwrites a file, so nothing was written", joinNames(there), verb)
	}
	made, err := driver.MakeFolders(dir)
	if err != nil {
		return nil, err
	}
	var written []string
	undo := func() {
		for _, p := range written {
			os.Remove(p)
		}
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i]) // only an empty folder goes
		}
	}
	for _, name := range starterFiles {
		text, err := starter.ReadFile("starter/" + name)
		if err != nil {
			undo()
			return nil, err
		}
		text = []byte(strings.ReplaceAll(string(text), "{{date}}", date.Format(time.DateOnly)))
		p := filepath.Join(dir, name)
		if err := writeNew(p, text); err != nil {
			undo()
			if errors.Is(err, fs.ErrExist) {
				return nil, fmt.Errorf("%s already exists; init never overwrites a file, so nothing was written", p)
			}
			return nil, fmt.Errorf("%w; nothing was written", err)
		}
		written = append(written, p)
	}
	return written, nil
}

// writeNew writes a file that must not exist yet: a file made in the
// meantime is not overwritten.
func writeNew(path string, text []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// unlistedNotes returns the names of the notes in dir that the starter
// course does not list.
func unlistedNotes(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var others []string
	for _, e := range entries {
		name := e.Name()
		if slices.Contains(starterFiles, name) || !e.Type().IsRegular() {
			continue
		}
		if slices.Contains(driver.NoteExtensions, strings.ToLower(filepath.Ext(name))) {
			others = append(others, name)
		}
	}
	return others
}

// joinNames writes a list of names as it is read: "a", "a and b", "a, b
// and c".
func joinNames(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// quoteArg quotes a path for a shell when it holds anything but letters,
// digits and the punctuation of ordinary paths.
func quoteArg(s string) string {
	safe := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@", r))
	}) < 0
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
