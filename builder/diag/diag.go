// Package diag holds the diagnostics that the build reports about the
// author's notes: warnings and errors, each pinned to a file, line and
// column. A diagnostic is a statement about the input, not a Go error; the
// driver collects them, sorts them and lets the command decide what they
// mean for the exit status.
package diag

import (
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

// File maps byte offsets in one source file to lines and columns and makes
// diagnostics that point into it. Lines are found only when a diagnostic is
// made, so a File costs nothing while the input is clean.
type File struct {
	Name string
	Text []byte

	lineStarts []int // byte offset of each line start, built on first use
	list       *List

	// The last position found: the next one on the same line, further on,
	// counts its column from there (when the last one is not inside a
	// character, where counting in two parts would differ). Diagnostics mostly come in the order
	// of the text, so many on one long line cost the length of the line
	// once rather than once each.
	lastLine, lastOff, lastCol int
}

// NewFile returns a File for the named source text that appends its
// diagnostics to list.
func NewFile(name string, text []byte, list *List) *File {
	return &File{Name: name, Text: text, list: list}
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
		f.lineStarts = []int{0}
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
	if f.list == nil {
		f.list = new(List)
	}
	*f.list = append(*f.list, Diagnostic{File: f.Name, Line: line, Col: col, Severity: sev, Message: msg})
}
