// Package course reads course.yaml, the file that makes a folder of notes
// one book: the book's metadata and its notes in chapter order. Errors name
// the file and the line ("course.yaml:7: ..."), as errors in a layout file
// do; a note of the folder that the list leaves out is a warning.
package course

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"studyguide/builder/diag"
	"studyguide/builder/yamlfile"
)

// FileName is the name of the file that makes a folder a course.
const FileName = "course.yaml"

// NoteExtensions are the file name endings taken as notes when an entry
// of the list names a folder, and when the folder is searched for notes
// the list leaves out.
var NoteExtensions = []string{".md", ".markdown", ".txt"}

// Course is a folder of notes read as one book.
type Course struct {
	// Dir is the course's folder, as the caller named it.
	Dir string
	// File is the path of its course.yaml.
	File string

	Title       string
	Subtitle    string
	Authors     []string
	Lang        string
	Date        time.Time
	Identifier  string
	Description string

	// Notes are the chapters' notes in order, each once.
	Notes []Note
}

// Note is one note of a course: its path (Dir joined with the entry)
// and the line of course.yaml that lists it.
type Note struct {
	Path string
	Line int
}

// Name is the course's name: its folder's name, which its outputs take.
func (c *Course) Name() string {
	abs, err := filepath.Abs(c.Dir)
	if err != nil {
		abs = c.Dir
	}
	return filepath.Base(abs)
}

// Is reports whether dir is a course folder: it holds a course.yaml.
func Is(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, FileName))
	return err == nil && info.Mode().IsRegular()
}

// maxFileSize is the largest course.yaml read.
const maxFileSize = 1 << 20

// file is the layout of course.yaml, decoded strictly.
type file struct {
	Title       string       `yaml:"title"`
	Subtitle    string       `yaml:"subtitle"`
	Author      string       `yaml:"author"`
	Authors     yamlfile.Any `yaml:"authors"`
	Lang        string       `yaml:"lang"`
	Date        yamlfile.Any `yaml:"date"`
	Identifier  string       `yaml:"identifier"`
	Description string       `yaml:"description"`
	Notes       []string     `yaml:"notes"`
}

// Read reads the course.yaml of dir and finds its notes. A note of the
// folder that the list leaves out is reported to diags as a warning at
// the line of the notes key; anything wrong in the file itself, or a
// listed note that is missing, is an error naming the file and line.
func Read(dir string, diags *diag.List) (*Course, error) {
	name := filepath.Join(dir, FileName)
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s: more than the %d KiB a course file may have", name, maxFileSize>>10)
	}
	c, notesLine, entries, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	c.Dir = dir
	if err := c.findNotes(entries); err != nil {
		return nil, err
	}
	c.warnUnlisted(data, notesLine, diags)
	return c, nil
}

// entry is one item of the notes list and its line.
type entry struct {
	value string
	line  int
}

// decode reads the text of a course file.
func decode(name string, data []byte) (*Course, int, []entry, error) {
	root, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, 0, nil, err
	}
	if root.Kind != yamlfile.Mapping {
		return nil, 0, nil, fmt.Errorf("%s:%d: a course file is a mapping of keys to values (title, authors, notes…)", name, root.Line)
	}
	if err := checkShapes(name, root); err != nil {
		return nil, 0, nil, err
	}
	var raw file
	if err := yamlfile.Decode(name, data, &raw, courseWords); err != nil {
		return nil, 0, nil, err
	}
	line := func(key string) int {
		if k, _ := root.Get(key); k != nil {
			return k.Line
		}
		return 1
	}
	c := &Course{File: name, Title: strings.TrimSpace(raw.Title), Subtitle: strings.TrimSpace(raw.Subtitle),
		Lang: strings.TrimSpace(raw.Lang), Identifier: strings.TrimSpace(raw.Identifier),
		Description: strings.TrimSpace(raw.Description)}
	_, authorsNode := root.Get("authors")
	if raw.Author != "" && authorsNode != nil {
		return nil, 0, nil, fmt.Errorf("%s:%d: give author or authors, not both", name, line("authors"))
	}
	if a := strings.TrimSpace(raw.Author); a != "" {
		c.Authors = []string{a}
	}
	authors := []*yamlfile.Node{authorsNode}
	if authorsNode != nil && authorsNode.Kind == yamlfile.List {
		authors = authorsNode.Items
	}
	for _, n := range authors {
		if n == nil {
			continue
		}
		if a := strings.TrimSpace(n.Value); a != "" {
			c.Authors = append(c.Authors, a)
		}
	}
	if c.Lang != "" && !langTag().MatchString(c.Lang) {
		return nil, 0, nil, fmt.Errorf("%s:%d: lang %q is not a language tag such as en, fr or pt-BR", name, line("lang"), c.Lang)
	}
	if _, date := root.Get("date"); date != nil {
		if date.Kind != yamlfile.Scalar {
			return nil, 0, nil, fmt.Errorf("%s:%d: date is a day written YYYY-MM-DD", name, date.Line)
		}
		d, err := time.Parse("2006-01-02", strings.TrimSpace(date.Value))
		if err != nil {
			return nil, 0, nil, fmt.Errorf("%s:%d: date %q is not a day written YYYY-MM-DD", name, date.Line, date.Value)
		}
		c.Date = d
	}
	var entries []entry
	notesLine := 0
	if k, v := root.Get("notes"); k != nil {
		notesLine = k.Line
		for _, n := range v.Items {
			entries = append(entries, entry{strings.TrimSpace(n.Value), n.Line})
		}
	}
	if notesLine == 0 || len(entries) == 0 {
		return nil, 0, nil, fmt.Errorf("%s:%d: notes is missing: list the notes in chapter order under notes:", name, max(notesLine, 1))
	}
	return c, notesLine, entries, nil
}

// checkShapes checks that each key of the file has a value of its kind:
// one line of text, or for authors and notes a list of them (authors may
// also be one name).
func checkShapes(name string, root *yamlfile.Node) error {
	for i, k := range root.Keys {
		v := root.Values[i]
		switch k.Value {
		case "title", "subtitle", "author", "lang", "date", "identifier", "description":
			if v.Kind != yamlfile.Scalar {
				return fmt.Errorf("%s:%d: %s is %s; give it as one line of text", name, k.Line, k.Value, v.Kind)
			}
		case "authors", "notes":
			if v.Kind == yamlfile.Scalar && k.Value == "authors" {
				continue
			}
			if v.Kind != yamlfile.List {
				return fmt.Errorf("%s:%d: %s is %s; give it as a list, one item a line starting with \"- \"", name, k.Line, k.Value, v.Kind)
			}
			for _, item := range v.Items {
				if item.Kind != yamlfile.Scalar {
					return fmt.Errorf("%s:%d: an item of %s is %s; each item is one line of text", name, item.Line, k.Value, item.Kind)
				}
			}
		}
	}
	return nil
}

// langTag is the shape of a BCP 47 language tag, compiled when a course
// is first read.
var langTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`) })

// findNotes turns the entries of the notes list into note paths: a note
// is taken as it is, a folder gives its notes in natural order. An entry
// that leads outside the course's folder, or to nothing, is an error at
// its line.
func (c *Course) findNotes(entries []entry) error {
	seen := map[string]int{}
	root, err := os.OpenRoot(c.Dir)
	if err != nil {
		return fmt.Errorf("course: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	add := func(rel string, line int) error {
		if first, dup := seen[rel]; dup {
			return fmt.Errorf("%s:%d: %s is listed already on line %d", c.File, line, rel, first)
		}
		seen[rel] = line
		c.Notes = append(c.Notes, Note{Path: filepath.Join(c.Dir, filepath.FromSlash(rel)), Line: line})
		return nil
	}
	for _, e := range entries {
		if e.value == "" {
			return fmt.Errorf("%s:%d: an empty entry in notes", c.File, e.line)
		}
		rel := path.Clean(filepath.ToSlash(e.value))
		if path.IsAbs(rel) || filepath.IsAbs(e.value) || rel == ".." || strings.HasPrefix(rel, "../") || !fs.ValidPath(rel) {
			return fmt.Errorf("%s:%d: %s is outside the course's folder; a course's notes are in its folder", c.File, e.line, e.value)
		}
		info, err := fs.Stat(fsys, rel)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s:%d: %s: no such note", c.File, e.line, e.value)
			}
			return fmt.Errorf("%s:%d: %s: %s", c.File, e.line, e.value, plainError(err))
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				return fmt.Errorf("%s:%d: %s is not a regular file", c.File, e.line, e.value)
			}
			if !IsNote(rel) {
				return fmt.Errorf("%s:%d: %s is not a note (%s)", c.File, e.line, e.value, strings.Join(NoteExtensions, ", "))
			}
			if err := add(rel, e.line); err != nil {
				return err
			}
			continue
		}
		names, err := notesIn(fsys, rel)
		if err != nil {
			return fmt.Errorf("%s:%d: %s: %s", c.File, e.line, e.value, plainError(err))
		}
		if len(names) == 0 {
			return fmt.Errorf("%s:%d: %s holds no notes (%s)", c.File, e.line, e.value, strings.Join(NoteExtensions, ", "))
		}
		for _, n := range names {
			if err := add(path.Join(rel, n), e.line); err != nil {
				return err
			}
		}
	}
	return nil
}

// plainError is the message of err without the path an os.Root puts in it.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if strings.Contains(pe.Err.Error(), "escapes") {
			return "leads outside the course's folder"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// notesIn returns the names of the notes in the folder dir of fsys, in
// natural order.
func notesIn(fsys fs.FS, dir string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && IsNote(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.SortFunc(names, NaturalCompare)
	return names, nil
}

// IsNote reports whether a file name ends like a note.
func IsNote(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(NoteExtensions, ext)
}

// warnUnlisted reports, at the line of the notes key, each note of the
// course's folder that the list leaves out.
func (c *Course) warnUnlisted(data []byte, notesLine int, diags *diag.List) {
	names, err := notesIn(os.DirFS(c.Dir), ".")
	if err != nil {
		return
	}
	listed := map[string]bool{}
	for _, n := range c.Notes {
		listed[filepath.Clean(n.Path)] = true
	}
	var file *diag.File
	for _, n := range names {
		if listed[filepath.Clean(filepath.Join(c.Dir, n))] {
			continue
		}
		if file == nil {
			file = diag.NewFile(c.File, data, diags)
		}
		file.Warnf(lineOffset(data, notesLine), "%s is in the course's folder but not in its notes list, so the book leaves it out", n)
	}
}

// lineOffset is the byte offset where line n (from 1) starts.
func lineOffset(data []byte, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data[off:], '\n')
		if j < 0 {
			return off
		}
		off += j + 1
	}
	return off
}

// NaturalCompare orders names as people count: a run of digits compares
// by its value, so "2-x.md" comes before "10-y.md"; letters compare
// without regard to case, and names that still tie compare byte by byte.
func NaturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			x := strings.TrimLeft(a[si:i], "0")
			y := strings.TrimLeft(b[sj:j], "0")
			if len(x) != len(y) {
				return cmpInt(len(x), len(y))
			}
			if x != y {
				return strings.Compare(x, y)
			}
			continue
		}
		ra, rb := unicode.ToLower(rune(a[i])), unicode.ToLower(rune(b[j]))
		if ra != rb {
			return cmpInt(int(ra), int(rb))
		}
		i++
		j++
	}
	if c := cmpInt(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// courseWords names the types of a course file's values as its author
// knows them.
var courseWords = yamlfile.Words{
	Values: map[string]string{"string": "a line of text", "[]string": "a list"},
	UnknownKey: map[string]string{
		"course.file": "unknown key %s (keys: title, subtitle, author, authors, lang, date, identifier, description, notes)",
	},
}
