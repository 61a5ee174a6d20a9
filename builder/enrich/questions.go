package enrich

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// Questions makes the questions of the self-test from the facts Extract
// found (and the palace's stations, when that stage has run) and keeps
// them in g.Study.Questions, grouped by section in reading order:
//
//   - a cloze question for each key term whose sentence explains it, with
//     the term blanked wherever the sentence writes it;
//   - a short-answer question for each key point;
//   - a question for each room of the mind palace that stands for
//     something of the notes.
//
// Questions changes nothing else in the guide, and does nothing when
// Extract has not run.
func Questions(g *guide.Guide) {
	if g == nil || g.Study == nil {
		return
	}
	paths := sectionPaths(g)
	var qs []*guide.Question
	seen := map[string]bool{}
	add := func(q *guide.Question) {
		if q == nil || seen[q.ID] {
			return
		}
		seen[q.ID] = true
		qs = append(qs, q)
	}
	for _, t := range g.Study.Terms {
		add(termQuestion(t, paths[t.SectionID]))
	}
	for _, kp := range g.Study.KeyPoints {
		add(keyPointQuestion(kp, paths[kp.SectionID]))
	}
	for _, st := range g.Study.Stations {
		add(stationQuestion(g, st, paths))
	}
	g.Study.Questions = groupBySection(g, qs)
}

// sectionPaths maps each section id of g to the titles from the top level
// down to that section.
func sectionPaths(g *guide.Guide) map[string][]string {
	paths := map[string][]string{}
	var walk func(ss []*guide.Section, above []string)
	walk = func(ss []*guide.Section, above []string) {
		for _, s := range ss {
			p := append(append([]string(nil), above...), s.Title)
			paths[s.ID] = p
			walk(s.Sections, p)
		}
	}
	walk(g.Sections, nil)
	return paths
}

// groupBySection orders questions by the reading order of their sections
// (the introduction's first), keeping their order within a section.
func groupBySection(g *guide.Guide, qs []*guide.Question) []*guide.Question {
	order := map[string]int{"": 0}
	n := 1
	g.WalkSections(func(s *guide.Section) bool {
		order[s.ID] = n
		n++
		return true
	})
	buckets := make([][]*guide.Question, n)
	for _, q := range qs {
		i, ok := order[q.SectionID]
		if !ok {
			i = 0
		}
		buckets[i] = append(buckets[i], q)
	}
	var out []*guide.Question
	for _, b := range buckets {
		out = append(out, b...)
	}
	return out
}

// termQuestion returns the cloze question of a key term: its explaining
// sentence with every use of the term blanked, or nil when the term has
// no sentence of its own.
func termQuestion(t *guide.Term, path []string) *guide.Question {
	sentence := t.Explanation
	if sentence == "" {
		return nil
	}
	spans := termSpans(sentence, append([]string{t.Name}, t.Aliases...))
	if len(spans) == 0 {
		return nil
	}
	q := &guide.Question{
		Kind: guide.Cloze, Section: path, SectionID: sectionOf(path, t.SectionID),
		Answer: sentence[spans[0][0]:spans[0][1]], Target: t.ID, Term: t.Name,
		Source: sentence, Pos: t.Pos,
	}
	at := 0
	for _, sp := range spans {
		if sp[0] > at {
			q.Prompt = append(q.Prompt, guide.Piece{Text: sentence[at:sp[0]]})
		}
		q.Prompt = append(q.Prompt, guide.Piece{Text: sentence[sp[0]:sp[1]], Blank: true})
		at = sp[1]
	}
	if at < len(sentence) {
		q.Prompt = append(q.Prompt, guide.Piece{Text: sentence[at:]})
	}
	q.ID = guide.QuestionID(q.Kind, path, sentence, t.Name)
	return q
}

// sectionOf returns id when the section has a path, else "".
func sectionOf(path []string, id string) string {
	if len(path) == 0 {
		return ""
	}
	return id
}

// termSpans returns the byte spans of sentence that write one of names,
// compared without regard to case, each starting and ending at a word
// boundary, in order and not overlapping; a longer name wins where two
// start at the same place.
func termSpans(sentence string, names []string) [][2]int {
	lower := strings.ToLower(sentence)
	var spans [][2]int
	for i := 0; i < len(lower); {
		best := 0
		if wordStart(lower, i) {
			for _, n := range names {
				n = strings.ToLower(strings.TrimSpace(n))
				if n != "" && len(n) > best && strings.HasPrefix(lower[i:], n) && wordEnd(lower, i+len(n)) {
					best = len(n)
				}
			}
		}
		if best > 0 {
			spans = append(spans, [2]int{i, i + best})
			i += best
			continue
		}
		_, size := utf8.DecodeRuneInString(lower[i:])
		i += size
	}
	return spans
}

// wordStart reports whether a word may start at byte i of s.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

// wordEnd reports whether a word may end at byte i of s.
func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

// keyPointQuestion returns the short-answer question of a key point.
func keyPointQuestion(kp *guide.KeyPointFacts, path []string) *guide.Question {
	if kp.Gist == "" {
		return nil
	}
	q := &guide.Question{
		Kind: guide.Short, Section: path, SectionID: sectionOf(path, kp.SectionID),
		Prompt: []guide.Piece{{Text: "Explain: " + kp.Title}},
		Answer: kp.Gist, Target: kp.ID, Source: kp.Title, Pos: kp.Pos,
	}
	q.ID = guide.QuestionID(q.Kind, path, kp.Title, "")
	return q
}

// stationQuestion returns the question of a room of the palace that
// stands for something of the notes.
func stationQuestion(g *guide.Guide, st *guide.Station, paths map[string][]string) *guide.Question {
	if st.Target == "" {
		return nil
	}
	answer := st.TargetTitle
	if st.Gist != "" {
		answer += ": " + st.Gist
	}
	q := &guide.Question{
		Kind:   guide.PalaceRecall,
		Prompt: []guide.Piece{{Text: fmt.Sprintf("Which fact lives in room %d, %s?", st.Number, st.Name)}},
		Answer: answer, Target: st.Target, Source: st.Name + ": " + st.Cue, Pos: st.Pos,
	}
	q.ID = guide.QuestionID(q.Kind, nil, st.Name, st.Cue)
	return q
}
