package anki

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// The note types of every deck this package writes. Their ids, names,
// fields and templates never change: Anki knows a note type again by its
// id, and merges an incoming one into the one it has only when the names
// of their fields and templates are the same, so a deck built tomorrow
// updates the notes of a deck built today instead of making a second
// note type. The ids of fields and templates let Anki 23.10 and later
// match them too.
const (
	basicModelID int64 = 1733097600101
	clozeModelID int64 = 1733097600102

	// noteTypeModified is when the note types last changed, in seconds
	// (their mod). Anki takes an incoming note type's templates and
	// styling only when it is newer than its own: raise it with every
	// change to them.
	noteTypeModified int64 = 1764892800 // 2025-12-05
)

// Names of the note types; each is unique to this program, so that a
// student's own "Basic" and "Cloze" are never touched.
const (
	basicModelName = "Study guide: question (studyguide)"
	clozeModelName = "Study guide: cloze (studyguide)"
)

// Fields of the note types, in order.
var (
	basicFields = []string{"Front", "Back", "Source"}
	clozeFields = []string{"Text", "Back Extra"}
)

// fieldIDs and templateIDs are the fixed ids of the fields and templates
// of each note type, in order.
var (
	fieldIDs = map[int64][]int64{
		basicModelID: {1733097600201, 1733097600202, 1733097600203},
		clozeModelID: {1733097600211, 1733097600212},
	}
	templateIDs = map[int64]int64{
		basicModelID: 1733097600301,
		clozeModelID: 1733097600311,
	}
)

// The templates of the note types. A basic card shows the section its
// question comes from above the question, which gives context without
// the answer; a cloze card shows it below the answer.
const (
	basicFront = `{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
<div class="prompt" dir="auto">{{Front}}</div>`
	basicBack = `{{FrontSide}}

<hr id="answer">

<div class="answer" dir="auto">{{Back}}</div>`
	clozeFront = `<div class="prompt" dir="auto">{{cloze:Text}}</div>`
	clozeBack  = `<div class="prompt" dir="auto">{{cloze:Text}}</div>
{{#Back Extra}}<div class="source">{{Back Extra}}</div>{{/Back Extra}}`

	// css is the styling of both note types. Colours are left to Anki's
	// own theme, so that its night mode keeps working, except for the
	// blank of a cloze card and the quiet line naming the section.
	css = `.card {
  font-family: Georgia, "Noto Serif", serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  max-width: 34em;
  margin: 0 auto;
}
.prompt, .answer { margin: 0.5em 0; }
.source {
  font-family: "Noto Sans", Arial, sans-serif;
  font-size: 0.7em;
  opacity: 0.7;
  margin: 0.5em 0;
}
.cloze { font-weight: bold; color: #1f5fa6; }
.nightMode .cloze, .night_mode .cloze { color: #8ab4f8; }
`

	latexPre  = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"
	latexPost = "\\end{document}"
)

// noteType is a note type as a schema-11 collection keeps it in
// col.models, with the keys Anki's reader requires (id, name, type, mod,
// usn, sortf, did, tmpls, flds, css) and the optional ones it writes.
type noteType struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Type      int        `json:"type"` // 0 standard, 1 cloze
	Mod       int64      `json:"mod"`
	USN       int        `json:"usn"`
	SortField int        `json:"sortf"`
	Deck      *int64     `json:"did"`
	Templates []template `json:"tmpls"`
	Fields    []field    `json:"flds"`
	CSS       string     `json:"css"`
	LatexPre  string     `json:"latexPre"`
	LatexPost string     `json:"latexPost"`
	LatexSVG  bool       `json:"latexsvg"`
	Req       [][]any    `json:"req"`
}

// field is a field of a note type.
type field struct {
	Name              string `json:"name"`
	Ord               int    `json:"ord"`
	Sticky            bool   `json:"sticky"`
	RTL               bool   `json:"rtl"`
	Font              string `json:"font"`
	Size              int    `json:"size"`
	Description       string `json:"description"`
	PlainText         bool   `json:"plainText"`
	Collapsed         bool   `json:"collapsed"`
	ExcludeFromSearch bool   `json:"excludeFromSearch"`
	ID                int64  `json:"id"`
	Tag               *int   `json:"tag"`
	PreventDeletion   bool   `json:"preventDeletion"`
}

// template is a card template of a note type.
type template struct {
	Name      string `json:"name"`
	Ord       int    `json:"ord"`
	Question  string `json:"qfmt"`
	Answer    string `json:"afmt"`
	BQuestion string `json:"bqfmt"`
	BAnswer   string `json:"bafmt"`
	Deck      *int64 `json:"did"`
	BFont     string `json:"bfont"`
	BSize     int    `json:"bsize"`
	ID        int64  `json:"id"`
}

// noteTypes returns the two note types: the basic one and the cloze one.
func noteTypes() []noteType {
	return []noteType{
		makeNoteType(basicModelID, basicModelName, 0, basicFields, "Card 1", basicFront, basicBack,
			[][]any{{0, "any", []int{0}}}),
		makeNoteType(clozeModelID, clozeModelName, 1, clozeFields, "Cloze", clozeFront, clozeBack,
			[][]any{}),
	}
}

// makeNoteType returns a note type with one template.
func makeNoteType(id int64, name string, kind int, fields []string, tmplName, front, back string, req [][]any) noteType {
	nt := noteType{
		ID: id, Name: name, Type: kind, Mod: noteTypeModified, USN: 0, SortField: 0,
		Templates: []template{{Name: tmplName, Ord: 0, Question: front, Answer: back, ID: templateIDs[id]}},
		CSS:       css, LatexPre: latexPre, LatexPost: latexPost, Req: req,
	}
	for i, name := range fields {
		nt.Fields = append(nt.Fields, field{Name: name, Ord: i, Font: "Arial", Size: 20, ID: fieldIDs[id][i]})
	}
	return nt
}

// deckJSON is a deck as a schema-11 collection keeps it in col.decks, with
// the keys Anki's reader requires (id, name, usn, the four day counters,
// collapsed, dyn and conf) and the optional ones it writes.
type deckJSON struct {
	ID               int64  `json:"id"`
	Mod              int64  `json:"mod"`
	Name             string `json:"name"`
	USN              int    `json:"usn"`
	LrnToday         [2]int `json:"lrnToday"`
	RevToday         [2]int `json:"revToday"`
	NewToday         [2]int `json:"newToday"`
	TimeToday        [2]int `json:"timeToday"`
	Collapsed        bool   `json:"collapsed"`
	BrowserCollapsed bool   `json:"browserCollapsed"`
	Desc             string `json:"desc"`
	Dyn              int    `json:"dyn"`
	Conf             int64  `json:"conf"`
	ExtendNew        int    `json:"extendNew"`
	ExtendRev        int    `json:"extendRev"`
}

// defaultDeckID is the id of the deck every collection has, "Default".
const defaultDeckID = 1

// decks returns the decks of the collection: Anki's "Default" and the
// guide's own.
func decks(id int64, name, desc string, mod int64) []deckJSON {
	mk := func(id int64, name, desc string) deckJSON {
		return deckJSON{ID: id, Mod: mod, Name: name, Desc: desc, Conf: defaultConfID}
	}
	return []deckJSON{mk(defaultDeckID, "Default", ""), mk(id, name, desc)}
}

// defaultConfID is the id of the deck options every deck of the package
// uses: Anki's own defaults, which a collection that has options of that
// id keeps.
const defaultConfID = 1

// deckConf is Anki's default deck options as schema 11 keeps them in
// col.dconf, with every key its reader requires.
func deckConf(mod int64) map[string]any {
	return map[string]any{
		"id": defaultConfID, "mod": mod, "name": "Default", "usn": 0,
		"maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
		"new": map[string]any{
			"bury": false, "delays": []float64{1, 10}, "initialFactor": 2500,
			"ints": []int{1, 4, 0}, "order": 1, "perDay": 20, "separate": true,
		},
		"rev": map[string]any{
			"bury": false, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "perDay": 200,
			"hardFactor": 1.2, "fuzz": 0.05, "minSpace": 1,
		},
		"lapse": map[string]any{
			"delays": []float64{10}, "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0,
		},
	}
}

// byID returns the JSON object that maps each element's id, as a string,
// to the element: the shape of col.models, col.decks and col.dconf. The
// keys come out sorted, so the same elements give the same text.
func byID[T any](elems []T, id func(T) int64) (string, error) {
	m := make(map[string]T, len(elems))
	for _, e := range elems {
		m[strconv.FormatInt(id(e), 10)] = e
	}
	return marshal(m)
}

// marshal returns v as compact JSON, with <, > and & written as they are.
func marshal(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}
