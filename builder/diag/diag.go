// Package diag holds the diagnostics that the build reports about the
// author's notes: warnings and errors, each pinned to a file, line and
// column. A diagnostic is a statement about the input, not a Go error; the
// driver collects them, sorts them and lets the command decide what they
// mean for the exit status.
package diag

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says how serious a diagnostic is.
type Severity int

const (
	// Warning marks something that looks wrong but still builds.
	Warning Severity = iota
	// Error marks something that stops the build of that note.
	Error
)

// String returns the word printed for the severity.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in a note. Line and Col are 1-based; Col
// counts characters, not bytes. A zero Line means the problem concerns the
// whole file.
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Message  string
}

// String formats the diagnostic as file:line:col: severity: message.
func (d Diagnostic) String() string {
	if d.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", d.File, d.Severity, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", d.File, d.Line, d.Col, d.Severity, d.Message)
}

// List is a collection of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Sort orders the list by file, line, column and message, so that output
// does not depend on the order in which stages ran.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// HasErrors reports whether any diagnostic in the list is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Error makes a List usable as a Go error when it holds errors; it lists
// the error diagnostics one per line.
func (l List) Error() string {
	var b strings.Builder
	for _, d := range l {
		if d.Severity != Error {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Pos is a position in a FileSet: the byte offset of a place in one of
// its files plus that file's Base. A position therefore names its file as
// well as the place in it. NoPos marks what has no place in any file.
type Pos int

// NoPos is the position of what was made by the build rather than read
// from a file.
const NoPos Pos = -1

// Position is a position in a file as a person reads it: the file's name,
// and the 1-based line and column (in characters). A zero Line means the
// whole file; an empty Filename, no file at all.
type Position struct {
	Filename  string
	Line, Col int
}

// String returns file:line:col, or the file alone for a zero Line, or ""
// when there is no file.
func (p Position) String() string {
	if p.Line == 0 {
		return p.Filename
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Col)
}

// FileSet is the set of source files of one build, as go/token's is. Each
// file takes its own range of positions, from its Base up to its Base plus
// its length, so a Pos alone says which file and where; the line and
// column are worked out only when a diagnostic is made. Diagnostics made
// through the set or its files go to the set's List.
//
// The methods that only look positions up (File, Files, Position) also
// take a nil set, which holds no file; Warnf and Errorf on a nil set
// report nothing. File and Files only read the set, so writers may call
// them side by side; Position, Warnf and Errorf build a file's line table
// and add diagnostics, so at most one goroutine at a time may call them.
type FileSet struct {
	files []*File
	next  int // the base of the next file
	list  *List
}

// NewFileSet returns an empty set whose diagnostics are appended to list;
// a nil list makes one of the set's own.
func NewFileSet(list *List) *FileSet {
	if list == nil {
		list = new(List)
	}
	return &FileSet{list: list}
}

// AddFile adds the named source text to the set and returns its File,
// whose positions follow those of every file added before it.
func (s *FileSet) AddFile(name string, text []byte) *File {
	f := &File{Name: name, Text: text, set: s, base: s.next}
	s.files = append(s.files, f)
	s.next += len(text) + 1 // the position just past the end is the file's too
	return f
}

// File returns the file that holds pos, or nil when none does.
func (s *FileSet) File(pos Pos) *File {
	if s == nil || pos < 0 {
		return nil
	}
	i := sort.Search(len(s.files), func(i int) bool { return s.files[i].base > int(pos) }) - 1
	if i < 0 {
		return nil
	}
	f := s.files[i]
	if int(pos) > f.base+len(f.Text) {
		return nil
	}
	return f
}

// Files returns the files of the set in the order they were added.
func (s *FileSet) Files() []*File {
	if s == nil {
		return nil
	}
	return s.files
}

// Position returns the file, line and column of pos. A position in no
// file of the set gives the zero Position.
func (s *FileSet) Position(pos Pos) Position {
	f := s.File(pos)
	if f == nil {
		return Position{}
	}
	line, col := f.Position(int(pos) - f.base)
	return Position{Filename: f.Name, Line: line, Col: col}
}

// Warnf records a warning at pos. A position in no file of the set, such
// as NoPos, is reported against the whole of the set's first file (the
// note, or the first file of a book of several), or not at all when the
// set is empty.
func (s *FileSet) Warnf(pos Pos, format string, args ...any) {
	s.add(pos, Warning, fmt.Sprintf(format, args...))
}

// Errorf records an error at pos, as Warnf records a warning.
func (s *FileSet) Errorf(pos Pos, format string, args ...any) {
	s.add(pos, Error, fmt.Sprintf(format, args...))
}

func (s *FileSet) add(pos Pos, sev Severity, msg string) {
	if s == nil {
		return
	}
	if f := s.File(pos); f != nil {
		f.add(int(pos)-f.base, sev, msg)
	} else if len(s.files) > 0 {
		s.files[0].add(-1, sev, msg)
	}
}

// File maps byte offsets in one source file to lines and columns and makes
// diagnostics that point into it. Lines are found only when a diagnostic is
// made, so a File costs nothing while the input is clean. A File belongs to
// one FileSet, where its positions start at its Base.
type File struct {
	Name string
	// Text is the file's content. It is replaced only through SetText,
	// which keeps the file's range in its set right.
	Text []byte

	set        *FileSet
	base       int
	lineStarts []int // byte offset of each line start, built on first use

	// The last position found: the next one on the same line, further on,
	// counts its column from there (when the last one is not inside a
	// character, where counting in two parts would differ). Diagnostics
	// mostly come in the order of the text, so many on one long line cost
	// the length of the line once rather than once each.
	lastLine, lastOff, lastCol int
}

// NewFile returns a File for the named source text, alone in a new
// FileSet whose diagnostics are appended to list. Its positions are its
// byte offsets.
func NewFile(name string, text []byte, list *List) *File {
	return NewFileSet(list).AddFile(name, text)
}

// Set returns the FileSet the file belongs to.
func (f *File) Set() *FileSet { return f.set }

// Base returns the position of the file's first byte in its set.
func (f *File) Base() Pos { return Pos(f.base) }

// Pos returns the position of byte offset off of the file; an offset
// below zero gives NoPos.
func (f *File) Pos(off int) Pos {
	if off < 0 {
		return NoPos
	}
	return Pos(f.base + off)
}

// Offset returns the byte offset in the file of pos, a position of the
// file, or -1 for NoPos.
func (f *File) Offset(pos Pos) int {
	if pos < 0 {
		return -1
	}
	return int(pos) - f.base
}

// SetText replaces the file's text, as a reader does that decodes a file
// to UTF-8. It must come before any diagnostic or position of the file is
// made, and only for the last file added to the set: the files after it
// would otherwise share its new positions. It panics on such a file.
func (f *File) SetText(text []byte) {
	if files := f.set.files; files[len(files)-1] != f {
		panic("diag: SetText on " + f.Name + ", which is not the last file of its set")
	}
	f.Text = text
	f.lineStarts = nil
	f.lastLine, f.lastOff, f.lastCol = 0, 0, 0
	f.set.next = f.base + len(text) + 1
}

// Position returns the 1-based line and column (in characters) of the byte
// offset off. An offset below zero gives line 0, meaning "the whole file".
func (f *File) Position(off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	if off > len(f.Text) {
		off = len(f.Text)
	}
	if f.lineStarts == nil {
		// Room for every line, counted first: a long note has hundreds
		// of thousands.
		f.lineStarts = make([]int, 1, bytes.Count(f.Text, newline)+1)
		for i, c := range f.Text {
			if c == '\n' {
				f.lineStarts = append(f.lineStarts, i+1)
			}
		}
	}
	i := sort.SearchInts(f.lineStarts, off+1) - 1
	if i+1 == f.lastLine && off >= f.lastOff && (f.lastOff == len(f.Text) || utf8.RuneStart(f.Text[f.lastOff])) {
		col = f.lastCol + utf8.RuneCount(f.Text[f.lastOff:off])
	} else {
		col = utf8.RuneCount(f.Text[f.lineStarts[i]:off]) + 1
	}
	f.lastLine, f.lastOff, f.lastCol = i+1, off, col
	return i + 1, col
}

var newline = []byte{'\n'}

// Warnf records a warning at byte offset off.
func (f *File) Warnf(off int, format string, args ...any) {
	f.add(off, Warning, fmt.Sprintf(format, args...))
}

// Errorf records an error at byte offset off.
func (f *File) Errorf(off int, format string, args ...any) {
	f.add(off, Error, fmt.Sprintf(format, args...))
}

func (f *File) add(off int, sev Severity, msg string) {
	line, col := f.Position(off)
	list := f.set.list
	*list = append(*list, Diagnostic{File: f.Name, Line: line, Col: col, Severity: sev, Message: msg})
}
