package palace

import (
	"strings"
	"unicode"

	"studyguide/builder/guide"
)

// maxNameWords is the most words a locus name has; a list item whose
// text before its separator runs longer is a sentence, not a station.
const maxNameWords = 6

// separators join a locus to its cue in a list item or a heading:
// "Front door: a sugar cube", "Front door — a sugar cube", "Front door –
// a sugar cube", "Front door - a sugar cube", "Front door—a sugar cube".
var separators = []string{":", " — ", " – ", " - ", "—"}

// cutLocus splits text at its first separator into a locus name and a
// cue. It reports false when text has no separator, or when what comes
// before it is empty or too long to be a name.
func cutLocus(text string) (name, cue string, ok bool) {
	at, sep := -1, ""
	for _, s := range separators {
		if i := strings.Index(text, s); i >= 0 && (at < 0 || i < at) {
			at, sep = i, s
		}
	}
	if at < 0 {
		return "", "", false
	}
	name = strings.TrimSpace(text[:at])
	if name == "" || len(strings.Fields(name)) > maxNameWords {
		return "", "", false
	}
	return name, strings.TrimSpace(text[at+len(sep):]), true
}

// stationOf reads one list item as a station, or returns nil when the item
// names no locus. The locus is the item's opening bold text ("**Front
// door** a sugar cube", "**Front door**: a sugar cube") or, when it opens
// with plain text, the text before its first separator ("Front door — a
// sugar cube"). The cue is the rest of the item's first paragraph, or,
// when that is empty, the first sentence of what follows it ("**Front
// door**" over a nested list of cues).
func stationOf(it *guide.ListItem) *station {
	if len(it.Blocks) == 0 {
		return nil
	}
	para, ok := it.Blocks[0].(*guide.Paragraph)
	if !ok {
		return nil
	}
	inlines := para.Inlines
	for len(inlines) > 0 {
		if t, ok := inlines[0].(*guide.Text); ok && strings.TrimSpace(t.Text) == "" {
			inlines = inlines[1:]
			continue
		}
		break
	}
	var name, cue string
	var rich []guide.Inline
	if len(inlines) > 0 {
		if st, ok := inlines[0].(*guide.Strong); ok {
			name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(guide.PlainText(st.Children)), ":"))
			cue = trimCue(guide.PlainText(inlines[1:]))
			rich = richCue(inlines[1:], cue)
			if cue == "" {
				// "**Front door: a sugar cube**", all in bold.
				if n, c, ok := cutLocus(name); ok {
					name, cue = n, c
				}
			}
		}
	}
	if name == "" {
		var ok bool
		if name, cue, ok = cutLocus(strings.TrimSpace(guide.PlainText(inlines))); !ok {
			return nil
		}
	}
	if cue == "" && len(it.Blocks) > 1 {
		cue = firstSentence(strings.TrimSpace(guide.BlocksText(it.Blocks[1:])))
	}
	return &station{Name: name, Cue: cue, CueInlines: rich, Pos: it.Pos}
}

// listStations returns the stations of the lists of a mind-palace
// section, in order, and those of its tables of two columns or more: one
// station a row, the locus in the first cell and the cue in the others.
func listStations(s *guide.Section) []*station {
	var out []*station
	for _, b := range blocksOf(s) {
		switch b := b.(type) {
		case *guide.List:
			for _, it := range b.Items {
				if st := stationOf(it); st != nil {
					out = append(out, st)
				}
			}
		case *guide.Table:
			if b.Kind != guide.FromNotes || len(b.Header) < 2 {
				continue
			}
			for _, row := range b.Rows {
				if len(row) < 2 {
					continue
				}
				name := strings.TrimSpace(guide.PlainText(row[0].Inlines))
				if name == "" || len(strings.Fields(name)) > maxNameWords {
					continue
				}
				var cue []string
				for _, c := range row[1:] {
					if t := strings.TrimSpace(guide.PlainText(c.Inlines)); t != "" {
						cue = append(cue, t)
					}
				}
				out = append(out, &station{Name: name, Cue: strings.Join(cue, " — "), Pos: b.Pos})
			}
		}
	}
	return out
}

// headingStations returns one station per subsection of a mind-palace
// section: the heading is the locus ("Front door", "1. Front door") and
// the first paragraph below it the cue. A heading that holds a separator
// ("Front door: a sugar cube") gives the cue itself. A subsection that
// lists two stations or more ("### Ground floor" over its rooms) gives
// those instead.
func headingStations(s *guide.Section) []*station {
	var out []*station
	for _, c := range s.Sections {
		if c.Kind != guide.FromNotes {
			continue
		}
		if floor := listStations(c); len(floor) >= 2 {
			// "### Ground floor" over a list of its rooms.
			out = append(out, floor...)
			continue
		}
		name := strings.TrimSpace(strings.TrimLeftFunc(c.Title, func(r rune) bool {
			return unicode.IsDigit(r) || unicode.IsSpace(r) || r == '.' || r == ')'
		}))
		cue := ""
		if n, c, ok := cutLocus(name); ok && c != "" {
			name, cue = n, c
			if numbered(n) {
				// "Station 1: Front door" over the cue.
				name, cue = c, ""
				if n, c, ok := cutLocus(name); ok && c != "" {
					name, cue = n, c
				}
			}
		}
		if name == "" {
			continue
		}
		excerpt := cue == ""
		if excerpt {
			cue = headingCue(c)
		}
		out = append(out, &station{Name: name, Cue: cue, Pos: c.Pos, excerpt: excerpt})
	}
	return out
}

// numbered reports whether a heading's label is a number with at most one
// word before it, such as "Station 1" or "Room 3", rather than a locus.
func numbered(label string) bool {
	ws := strings.Fields(label)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, r := range ws[len(ws)-1] {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// headingCue returns the cue under a locus heading: its first paragraph,
// or the first item of its first list, cut to its first sentences.
func headingCue(s *guide.Section) string {
	for _, b := range blocksOf(s) {
		switch b := b.(type) {
		case *guide.Paragraph:
			return cueSentences(guide.PlainText(b.Inlines))
		case *guide.List:
			if len(b.Items) > 0 {
				return cueSentences(guide.BlocksText(b.Items[0].Blocks))
			}
		}
	}
	return ""
}

// maxCueWords is about how many words a cue read from prose keeps: whole
// sentences while they stay within it, and at least the first one.
const maxCueWords = 24

// cueSentences returns the first sentences of text that stay within
// maxCueWords words, at least the first sentence (cut as firstSentence
// cuts it).
func cueSentences(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	out := ""
	for text != "" {
		end := sentenceEnd(text)
		if end == 0 {
			end = len(text)
		}
		next := strings.TrimSpace(out + " " + text[:end])
		if out != "" && len(strings.Fields(next)) > maxCueWords {
			break
		}
		out = next
		text = strings.TrimSpace(text[end:])
	}
	if len(strings.Fields(out)) > maxGistWords {
		return firstSentence(out)
	}
	return out
}

// flatText is a paragraph as plain text with where its bold phrases are.
type flatText struct {
	text   string
	strong [][2]int // byte ranges of text, in order
	// posAt holds where each bold phrase is in the notes, by the start
	// of its range.
	posAt map[int]guide.Pos
}

// flatten returns the plain text of inlines and the ranges of their
// outermost strong inlines.
func flatten(inlines []guide.Inline) flatText {
	f := flatText{posAt: map[int]guide.Pos{}}
	var b strings.Builder
	for _, in := range inlines {
		guide.Inspect(in, func(n guide.Node) bool {
			switch n := n.(type) {
			case *guide.Strong:
				start := b.Len()
				b.WriteString(guide.PlainText(n.Children))
				f.strong = append(f.strong, [2]int{start, b.Len()})
				f.posAt[start] = n.Pos
				return false
			case *guide.Text:
				b.WriteString(n.Text)
			case *guide.Code:
				b.WriteString(n.Text)
			case *guide.Formula:
				b.WriteString(n.Text())
			case *guide.Image:
				b.WriteString(n.Alt)
			case *guide.Break:
				b.WriteByte(' ')
			}
			return true
		})
	}
	f.text = b.String()
	return f
}

// sentence is one sentence of a flatText: its byte range and the ranges
// of the bold phrases inside it.
type sentence struct {
	start, end int
	strong     [][2]int
}

// sentencesOf splits a flatText into sentences (see sentenceEnd).
func sentencesOf(f flatText) []sentence {
	var out []sentence
	at := 0
	for at < len(f.text) {
		end := len(f.text)
		if i := sentenceEnd(f.text[at:]); i > 0 {
			end = at + i
		}
		s := sentence{start: at, end: end}
		for _, r := range f.strong {
			if r[0] >= at && r[0] < end {
				s.strong = append(s.strong, r)
			}
		}
		out = append(out, s)
		at = end
	}
	return out
}

// proseRules are what a walk in prose is read with besides its text.
type proseRules struct {
	// topic reports whether a phrase names a topic of the notes; nil
	// means none does.
	topic func(string) bool
	// articleA is set for notes in English, where "a" is an article.
	articleA bool
}

// proseStations reads the stations of a mind-palace section written as
// a walk in prose: "At the **front door** a sugar cube splits in two. In
// the **hallway** …". Each sentence that names a place in bold starts a
// station: the place is its locus, and what the sentence says after it,
// with the sentences up to the next place in the same paragraph, is its
// cue. A bold phrase counts as a place when it opens its sentence, after
// articles perhaps, or follows a word that leads to a place ("at the",
// "in the", "dans la", "im", "then the"; see leadsToPlace); only when
// fewer than two sentences name a place so is each sentence's first bold
// phrase taken. A bold phrase that topic reports as a topic of the notes
// (a key term, the title of a section: "**Glycolysis** happens here.")
// is no place unless fewer than two places are left without such
// phrases. The first sentence of the section
// is its lead rather than a station when it ends with a colon or its bold
// phrase follows "as" ("Picture the cell as a **factory**."; see
// isThemeSentence), or when its bold phrase is no place and the walk has
// two places without it ("My flat is a **power station**."); its bold
// phrase is then the theme.
func proseStations(s *guide.Section, rules proseRules) (stations []*station, theme, lead string) {
	type found struct {
		para  flatText
		sents []sentence
	}
	var paras []found
	for _, b := range blocksOf(s) {
		if p, ok := b.(*guide.Paragraph); ok {
			f := flatten(p.Inlines)
			paras = append(paras, found{f, sentencesOf(f)})
		}
	}
	// themed is a first sentence whose bold phrase is no place ("My flat
	// is a **power station**."): it names the theme when the walk has
	// places enough without it.
	themed := false
	var themeText, themeLead string
	if len(paras) > 0 && len(paras[0].sents) > 0 {
		f, first := paras[0].para, paras[0].sents[0]
		text := strings.TrimSpace(f.text[first.start:first.end])
		if len(first.strong) > 0 {
			r := first.strong[0]
			before := f.text[first.start:r[0]]
			themeText, themeLead = strings.TrimSpace(f.text[r[0]:r[1]]), leadSentence(text)
			if isThemeSentence(text, before) {
				theme, lead = themeText, themeLead
				paras[0].sents = paras[0].sents[1:]
			} else if ok, _ := leadsToPlace(before, rules.articleA); !ok {
				themed = true
			}
		}
	}
	pick := func(strict, noTopics bool) []*station {
		var out []*station
		for _, p := range paras {
			var cur *station
			var cue []string
			done := func() {
				if cur != nil {
					cur.Cue = cueSentences(strings.Join(cue, " "))
					out = append(out, cur)
				}
				cur, cue = nil, nil
			}
			for _, sn := range p.sents {
				place, prep := -1, false
				for i, r := range sn.strong {
					ok, isPrep := leadsToPlace(p.para.text[sn.start:r[0]], rules.articleA)
					if noTopics && rules.topic != nil && rules.topic(p.para.text[r[0]:r[1]]) {
						continue
					}
					if ok || !strict {
						place, prep = i, isPrep
						break
					}
				}
				text := strings.TrimSpace(p.para.text[sn.start:sn.end])
				if place < 0 {
					if cur != nil {
						cue = append(cue, text)
					}
					continue
				}
				done()
				r := sn.strong[place]
				name := strings.TrimSpace(strings.TrimRight(p.para.text[r[0]:r[1]], ":"))
				if name == "" || len(strings.Fields(name)) > maxNameWords {
					continue
				}
				cur = &station{Name: capitalize(name), Pos: p.para.posAt[r[0]], excerpt: true}
				// A bold phrase may run past the end of its sentence.
				after := strings.TrimSpace(p.para.text[min(r[1], sn.end):sn.end])
				rest := strings.TrimLeftFunc(after, func(r rune) bool {
					return unicode.IsSpace(r) || strings.ContainsRune(",;:.—–-", r)
				})
				// "At the **front door**, a sugar cube splits.", "In
				// the **hall** a robot spins." and "**Front door**: a
				// sugar cube." picture what follows the place; "The
				// **porch** is hot.", "A cube blocks the **door**.",
				// "On the **stairs** lies a globe." and "At the
				// **door**, where …" are pictures as a whole.
				var lead rune
				if after != "" {
					lead = []rune(after)[0]
				}
				first, _, _ := strings.Cut(strings.ToLower(rest), " ")
				sep := strings.ContainsRune(":—–-", lead)
				useRest := sep && rest != "" ||
					prep && (strings.ContainsRune(",;", lead) || determiners[strings.TrimRight(first, ",;")]) && len(strings.Fields(rest)) >= 3
				if !useRest || relatives[first] {
					rest = text
				}
				cue = []string{capitalize(rest)}
			}
			done()
		}
		return out
	}
	for _, pass := range []struct{ strict, noTopics bool }{{true, true}, {true, false}, {false, false}} {
		if stations = pick(pass.strict, pass.noTopics); len(stations) >= 2 {
			if themed && pass.strict && theme == "" {
				theme, lead = themeText, themeLead
			}
			break
		}
	}
	return stations, theme, lead
}

// notLetter reports whether r is neither a letter nor a digit.
func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// afterWord reports whether text, the words before a bold phrase, ends
// with one of words, perhaps followed by up to two articles or
// possessives ("as a").
func afterWord(text string, words map[string]bool) bool {
	ws := strings.FieldsFunc(strings.ToLower(text), notLetter)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-3; i-- {
		if words[ws[i]] {
			return true
		}
		if !determiners[ws[i]] {
			return false
		}
	}
	return false
}

// leadsToPlace reports whether text, the words of a sentence before a
// bold phrase, lead to a place: nothing but articles or possessives ("The
// **porch**"), or a preposition of place ("At the **front door**", "Dans
// l'**entrée**") or a word that moves on ("Finally the **garage**") and up
// to two articles or possessives. prep says whether a preposition did.
// With articleA set, as in English, "a" is an article and never the
// preposition of French, Spanish, Italian or Portuguese.
func leadsToPlace(text string, articleA bool) (ok, prep bool) {
	ws := strings.FieldsFunc(strings.ToLower(text), notLetter)
	for i := len(ws) - 1; i >= 0; i-- {
		switch {
		case prepositions[ws[i]] && !(articleA && ws[i] == "a"):
			return true, true
		case movers[ws[i]]:
			return true, false
		case !determiners[ws[i]] || i < len(ws)-2:
			return false, false
		}
	}
	return true, false
}

// isThemeSentence reports whether the first sentence of a walk in prose,
// whose words before its first bold phrase are before, names the theme
// rather than the first place: it ends with a colon ("Walk through the
// **cell factory**:"), its bold phrase follows "as" ("Picture the flat as
// a **power station**."), or it opens with a verb such as "imagine" and
// no preposition leads to the bold phrase ("Imagine a **cell factory**.",
// but not "Imagine you stand at the **front door** …").
func isThemeSentence(text, before string) bool {
	if strings.HasSuffix(text, ":") || afterWord(before, themeWords) {
		return true
	}
	ws := strings.FieldsFunc(strings.ToLower(before), notLetter)
	if len(ws) == 0 || !themeVerbs[ws[0]] {
		return false
	}
	for _, w := range ws[1:] {
		if prepositions[w] && w != "a" {
			return false
		}
	}
	return true
}

// themeVerbs open a sentence that pictures the palace as a whole.
var themeVerbs = setOf(`imagine picture visualise visualize think
imaginez imaginons représentez figurez stell stellen stelle imagina imaginad immagina immaginate imaginem stel visualiseer`)

// themeWords lead to the theme a palace is pictured as: "imagine the cell
// as a **factory**".
var themeWords = setOf("as like comme als wie como come zoals")

// prepositions lead to a place in a walk through a palace, in the
// languages of the notes.
var prepositions = setOf(`at in into inside on onto by beside behind near past through to towards toward under
above below along across from
à a au aux dans sur sous devant derrière vers près chez par entre contre jusqu
an am auf im ins vor hinter neben zum zur unter über bei beim durch
en al junto sobre bajo delante detrás hacia frente
nel nello nella nei negli nelle sul sullo sulla davanti dietro sopra sotto presso accanto vicino
em no na nos nas ao aos às sob diante atrás perto
op aan naast voor achter onder boven naar langs`)

// movers move a walk on to its next place: "Then the **kitchen**".
var movers = setOf(`then next finally first last enter reach reaches
ensuite puis enfin abord dann danach schließlich zuerst zuletzt
luego después finalmente primero poi infine depois dan daarna eerst`)

// relatives open a clause that tells about the place before them: a cue
// that starts with one reads as the whole sentence ("at the **door**,
// where a cat sleeps").
var relatives = setOf(`where which who whose that où qui que dont wo welche welcher donde cuyo dove che cui onde waar wiens`)

// determiners may stand between a place word and the place: articles,
// possessives and demonstratives.
var determiners = setOf(`the a an my your our his her their this that
le la les l un une des du de d mon ma mes ton ta tes notre votre son sa ses cette ce cet
der die das den dem des ein eine einen einem einer meine meinem meiner meinen deine deinem deiner unserem unserer
el la los las un una unos unas mi mis tu tus su sus este esta
il lo la i gli le un uno una l mio mia tuo tua suo sua
o a os as um uma meu minha teu tua seu sua
de het een mijn je jouw ons onze`)

// setOf returns the set of the words of s, split at spaces.
func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
