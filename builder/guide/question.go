package guide

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuestionKind says how a question of the self-test asks for its fact.
type QuestionKind string

// Kinds of questions.
const (
	// Cloze is a sentence of the notes with a key term or a date blanked
	// out wherever the sentence writes it: the answer fills the blanks.
	Cloze QuestionKind = "cloze"
	// Short asks for a key point in a few words: "What did NATO do in
	// Libya in 2011?" or "Explain: …".
	Short QuestionKind = "short"
	// PalaceRecall asks which fact a room of the mind palace holds.
	PalaceRecall QuestionKind = "palace"
)

// Question is one question of the self-test, made from the notes by the
// self-test stage and kept in Study.Questions. It knows nothing of any
// medium: the guides, the cards and the Anki deck each show it their way.
type Question struct {
	// ID is stable across rebuilds: it is derived from where the
	// question's content stands (its kind, its section path and the
	// sentence, key point or station it is made from, with the answer),
	// never from a counter, so an edit elsewhere in the notes keeps it.
	// It is "q-" followed by twelve lower-case hex digits, safe as an XML
	// id, but it is not claimed from the guide's IDs: a writer that needs
	// an anchor for the question claims one of its own.
	ID   string
	Kind QuestionKind
	// Section is the path of titles from the top-level section down to
	// the innermost section that holds the question's source, such as
	// ["Key NATO Peacekeeping and Humanitarian Missions"]; empty for a
	// question from the guide's introduction. SectionID is that innermost
	// section's id ("" for the introduction).
	Section   []string
	SectionID string
	// Prompt is what the student reads, in order: plain text and, for a
	// cloze question, the blanks. It never shows the answer outside a
	// blank.
	Prompt []Piece
	// Answer is what fills every blank of a cloze question (the key term
	// or the date as the notes write it first in the sentence), or the
	// expected answer of a short-answer or palace question.
	Answer string
	// AnswerInlines is Answer with the formulas it holds, for the writers
	// to show them; nil when it holds none.
	AnswerInlines []Inline
	// Hint helps where the blank alone is ambiguous: "(year)", "(decade)"
	// or the answer's first letter ("N…"); empty when none is needed.
	Hint string
	// Target is the id of the element where the answer is explained (a
	// key-term anchor, a key point or a section), so the answer key can
	// link there. Writers check nothing: the stage only sets ids that
	// exist in the guide.
	Target string
	// TargetTitle names that place for a reader: the title of the key
	// point or section that explains the answer.
	TargetTitle string
	// Term is the key term the question asks for, as Study.Terms names
	// it; empty when it asks for a date or a key point.
	Term string
	// Source is the whole sentence, key point or station the question is
	// made from, as plain text: for a cloze question, the prompt with its
	// blanks filled in.
	Source string
	// Pos is where the source stands in the notes; NoPos when unknown.
	Pos Pos
}

// Piece is a part of a question's prompt: plain text, or, when Blank is
// set, a blank whose answer is Text (as the sentence writes it there,
// which may differ in case from Question.Answer), or, when Formula is
// set, a formula of the sentence, whose linear form is Text. A blank
// never hides a formula.
type Piece struct {
	Text    string
	Blank   bool
	Formula *Formula
}

// PromptText returns the prompt as plain text with each blank written
// as blank ("_____" for a printed sheet, or "" to drop them).
func (q *Question) PromptText(blank string) string {
	var b strings.Builder
	for _, p := range q.Prompt {
		if p.Blank {
			b.WriteString(blank)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// Blanks returns how many blanks the prompt has.
func (q *Question) Blanks() int {
	n := 0
	for _, p := range q.Prompt {
		if p.Blank {
			n++
		}
	}
	return n
}

// QuestionID returns the stable id of a question of kind made from
// source in the section at path, asking for answer: "q-" followed by the
// first twelve hex digits of a SHA-256 of all four. Case and runs of white
// space are ignored, so that reflowing a sentence keeps its questions.
func QuestionID(kind QuestionKind, path []string, source, answer string) string {
	var stack [512]byte
	b := append(stack[:0], kind...)
	for _, p := range path {
		b = appendNormal(append(b, 0), p)
	}
	b = appendNormal(append(b, 1), source)
	b = appendNormal(append(b, 1), answer)
	sum := sha256.Sum256(b)
	return "q-" + hex.EncodeToString(sum[:6])
}

// appendNormal appends s to b as QuestionID hashes it: in lower case,
// its words joined by single spaces.
func appendNormal(b []byte, s string) []byte {
	// The words are those of strings.Fields, each written straight into
	// b in lower case.
	first, start := true, -1
	for i, r := range s {
		space := r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r)
		switch {
		case space && start >= 0:
			b, start = AppendLower(b, s[start:i]), -1
		case !space && start < 0:
			if !first {
				b = append(b, ' ')
			}
			first, start = false, i
		}
	}
	if start >= 0 {
		b = AppendLower(b, s[start:])
	}
	return b
}

// AppendLower appends s to b in lower case, as strings.ToLower writes it:
// an ASCII letter by a comparison, any other rune by unicode.ToLower.
func AppendLower(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// asciiSpace marks the white space of ASCII, as unicode.IsSpace tells it.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Station is one room of the mind palace as the palace stage laid it
// out, kept in Study.Stations for the stages after it.
type Station struct {
	// Number is the room's number in the drawing, from 1.
	Number int
	// Name is the locus ("Libya"); Cue is the image that stands for it.
	Name, Cue string
	// Target is the id of the section or key point the station stands
	// for and TargetTitle its title; both empty when it stands for
	// itself.
	Target, TargetTitle string
	// Gist is the first sentence of what the station stands for, as the
	// walk-through tells it; empty when there is none.
	Gist string
	// GistInlines is Gist with the formulas it holds, for the writers to
	// show them; nil when it holds none.
	GistInlines []Inline
	// SectionID is the id of the notes' mind-palace section the station
	// is read from, else of the palace section the build drew: in a book,
	// each chapter has its own palace.
	SectionID string
	Pos       Pos
}

// SectionPath returns the titles of the sections from the top level down
// to the section with the given id, and nil when no section has it.
func (g *Guide) SectionPath(id string) []string {
	var path []string
	var find func(ss []*Section) bool
	find = func(ss []*Section) bool {
		for _, s := range ss {
			path = append(path, s.Title)
			if s.ID == id || find(s.Sections) {
				return true
			}
			path = path[:len(path)-1]
		}
		return false
	}
	if id == "" || !find(g.Sections) {
		return nil
	}
	return path
}
