package palace

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// maxTerms is how many key terms the walk-through lists for a station.
const maxTerms = 6

// maxGistWords is how long a first sentence may run before it is cut.
const maxGistWords = 30

// facts are what the walk-through tells about a station's target.
type facts struct {
	Gist string // one sentence
	// GistInlines is Gist with the formulas it holds; nil when it holds
	// none.
	GistInlines []guide.Inline
	Terms       []string // key terms
	Dates       []string
	KeyPoints   []string // for a section: the titles of its key points
	// KeyPointInlines are those titles with the formulas they hold, one
	// for each title (nil for one that holds none); nil when no title
	// holds a formula.
	KeyPointInlines [][]guide.Inline
}

// factsOf gathers the facts of a station's target: for a key point its
// gist, terms and dates from the study facts, else the first sentence of
// its body; for a section the first sentence of its text, its key points
// and its key terms.
func factsOf(g *guide.Guide, c *candidate, idx *factIndex) facts {
	if c == nil {
		return facts{}
	}
	if c.KeyPoint {
		if f := idx.byID[c.ID]; f != nil {
			return facts{Gist: f.Gist, GistInlines: f.GistInlines, Terms: limit(f.Terms, maxTerms), Dates: f.Dates}
		}
		body := guide.BlocksText(c.Item.Blocks)
		body = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(body), c.Title))
		body = strings.TrimSpace(strings.TrimLeft(body, ":–—- \n"))
		return facts{Gist: firstSentence(body)}
	}
	var f facts
	c.Section.Walk(func(s *guide.Section) bool {
		for _, b := range blocksOf(s) {
			if p, ok := b.(*guide.Paragraph); ok {
				f.Gist = firstSentence(guide.PlainText(p.Inlines))
				f.GistInlines = sentenceInlines(p.Inlines, f.Gist)
				return false
			}
		}
		return true
	})
	if g.Study != nil {
		// The key points and terms of the section and its subsections,
		// in the order of the study facts.
		ids := map[string]bool{}
		var points, terms []int
		c.Section.Walk(func(s *guide.Section) bool {
			if !ids[s.ID] {
				ids[s.ID] = true
				points = append(points, idx.points[s.ID]...)
				terms = append(terms, idx.terms[s.ID]...)
			}
			return true
		})
		slices.Sort(points)
		slices.Sort(terms)
		for _, i := range points {
			k := g.Study.KeyPoints[i]
			f.KeyPoints = append(f.KeyPoints, k.Title)
			if k.TitleInlines != nil && f.KeyPointInlines == nil {
				f.KeyPointInlines = make([][]guide.Inline, len(f.KeyPoints)-1, len(f.KeyPoints))
			}
			if f.KeyPointInlines != nil {
				f.KeyPointInlines = append(f.KeyPointInlines, k.TitleInlines)
			}
		}
		for _, i := range terms[:min(len(terms), maxTerms)] {
			f.Terms = append(f.Terms, g.Study.Terms[i].Name)
		}
	}
	return f
}

// factIndex finds the study facts of a station: the key points' facts by
// id, and the indexes of the key points and of the key terms in the study
// facts by the id of their section, so that a section's are found without
// going through those of every other section.
type factIndex struct {
	byID          map[string]*guide.KeyPointFacts
	points, terms map[string][]int
}

// indexFacts returns the factIndex of g's study facts; it finds nothing
// when enrichment has not run.
func indexFacts(g *guide.Guide) *factIndex {
	idx := &factIndex{byID: studyFacts(g), points: map[string][]int{}, terms: map[string][]int{}}
	if g.Study != nil {
		for i, k := range g.Study.KeyPoints {
			idx.points[k.SectionID] = append(idx.points[k.SectionID], i)
		}
		for i, t := range g.Study.Terms {
			idx.terms[t.SectionID] = append(idx.terms[t.SectionID], i)
		}
	}
	return idx
}

func limit(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// sentenceInlines returns sentence, the first sentence of the plain text
// of inlines as firstSentence gives it, as inlines with the formulas it
// holds; nil when it holds none, or was cut short.
func sentenceInlines(inlines []guide.Inline, sentence string) []guide.Inline {
	if strings.HasSuffix(sentence, "…") {
		return nil
	}
	collapse := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var out []guide.Inline
	var raw strings.Builder
	formulas := false
	for _, n := range inlines {
		before := collapse(raw.String())
		raw.WriteString(guide.PlainText([]guide.Inline{n}))
		now := collapse(raw.String())
		if len(now) <= len(sentence) && strings.HasPrefix(sentence, now) {
			if _, ok := n.(*guide.Formula); ok {
				formulas = true
			}
			out = append(out, n)
			continue
		}
		if _, ok := n.(*guide.Formula); ok || !strings.HasPrefix(sentence, before) {
			break
		}
		// The sentence ends inside this text: keep what of it the
		// sentence holds.
		rest := strings.TrimSpace(sentence[len(before):])
		if rest != "" {
			if before != "" {
				rest = " " + rest
			}
			out = append(out, &guide.Text{Pos: guide.NoPos, Text: rest})
		}
		break
	}
	if !formulas || collapse(guide.PlainText(out)) != sentence {
		return nil
	}
	return out
}

// firstSentence returns the first sentence of text, cut on a word
// boundary with an ellipsis when it runs longer than maxGistWords words.
func firstSentence(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if i := sentenceEnd(text); i > 0 {
		text = text[:i]
	}
	words := strings.Fields(text)
	if len(words) > maxGistWords {
		text = strings.TrimRight(strings.Join(words[:maxGistWords-5], " "), ",;:") + "…"
	}
	return text
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"st": true, "vs": true, "no": true, "approx": true, "ca": true, "cf": true,
}

// sentenceEnd returns the byte index just after the punctuation that ends
// the first sentence of text: a full stop, question or exclamation mark
// followed by a space and a capital letter, digit or quote, and not
// ending an abbreviation or an initial. It returns 0 when the first
// sentence is the whole text.
func sentenceEnd(text string) int {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')') {
			j++
		}
		if j+1 >= len(text) || text[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[j+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '“' && next != '"' {
			continue
		}
		if c == '.' {
			start := strings.LastIndexByte(text[:i], ' ') + 1
			word := strings.ToLower(text[start:i])
			if abbreviations[word] || utf8.RuneCountInString(word) == 1 {
				continue
			}
		}
		return j
	}
	return 0
}
