package palace

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/palace/icons"
)

// candidate is a place a station can stand for: a section or a key point
// of the notes.
type candidate struct {
	ID, Title string
	KeyPoint  bool
	Pos       guide.Pos
	// Section is the section itself, or the innermost section that holds
	// the key point; Item is the key point's list item.
	Section *guide.Section
	Item    *guide.ListItem
	words   map[string]bool
	// cueWords are the significant words of the title, as a cue's are
	// compared with them (see significantWords); termWords those of the
	// key terms explained in it, when enrichment has run.
	cueWords, termWords map[string]bool
}

// candidates lists the sections and key points written in the notes, in
// reading order, leaving out the subtree of skip (the mind-palace section,
// whose items are the stations themselves) and every section the build
// added.
func candidates(g *guide.Guide, skip *guide.Section) []*candidate {
	var out []*candidate
	// Section children are its blocks, then its subsections, so the
	// section entered last is the innermost one that holds a block.
	var current *guide.Section
	for _, top := range g.Sections {
		guide.Inspect(top, func(n guide.Node) bool {
			switch n := n.(type) {
			case *guide.Section:
				if n == skip || n.Kind != guide.FromNotes {
					return false
				}
				current = n
				out = append(out, &candidate{ID: n.ID, Title: n.Title, Pos: n.Pos, Section: n})
			case *guide.ListItem:
				if n.Key != nil && n.Key.ID != "" {
					out = append(out, &candidate{ID: n.Key.ID, Title: n.Key.Title, KeyPoint: true, Pos: n.Pos, Section: current, Item: n})
				}
			case *guide.List, *guide.Quote, *guide.Div:
			default:
				// Key points are the items of lists, also in quotes
				// and in other lists.
				return false
			}
			return true
		})
	}
	terms := map[string][]string{}
	if g.Study != nil {
		for _, k := range g.Study.KeyPoints {
			terms[k.ID] = append(terms[k.ID], k.Terms...)
		}
		for _, t := range g.Study.Terms {
			terms[t.SectionID] = append(terms[t.SectionID], t.Name)
		}
	}
	for _, c := range out {
		c.words = wordSet(c.Title)
		c.cueWords, c.termWords = map[string]bool{}, map[string]bool{}
		for _, w := range significantWords(c.Title) {
			c.cueWords[w] = true
		}
		for _, w := range significantWords(strings.Join(terms[c.ID], " ")) {
			c.termWords[w] = true
		}
	}
	return out
}

// wordSet returns the words of a title that can match: lower case,
// without punctuation, stop words or plural endings.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range icons.Words(s) {
		m[w] = true
	}
	return m
}

// overlap scores how many of a station's words a title has: 1 for the
// same word, else 1/2 for each title word of four letters or more inside
// it or around it, up to 1 ("Spacewalk" holds "space" and, once "walking"
// loses its ending, "walk").
func overlap(station []string, title map[string]bool) float64 {
	score := 0.0
	for _, w := range station {
		if title[w] {
			score++
			continue
		}
		part := 0.0
		for t := range title {
			if contains(w, t) {
				part += 0.5
			}
		}
		score += min(part, 1)
	}
	return score
}

// contains reports whether one of two words, or the stem of t, holds the
// other, counting only stems of four letters or more.
func contains(w, t string) bool {
	for _, v := range []string{t, strings.TrimSuffix(t, "ing"), strings.TrimSuffix(t, "ed")} {
		if len(v) >= 4 && len(w) >= 4 && (strings.Contains(w, v) || strings.Contains(v, w)) {
			return true
		}
	}
	return false
}

// match returns the candidate whose title best matches a station's name,
// or nil when no title shares a word with it. The best match covers most
// of the name's words; among equals a key point beats a section (a key
// point is the narrower place), then the title with fewer other words
// (the more specific one), then the earlier one.
func match(name string, cands []*candidate) *candidate {
	c, _ := matchName(name, cands)
	return c
}

// matchName is match that also reports how much of the name's words the
// title covers, from 0 to 1.
func matchName(name string, cands []*candidate) (*candidate, float64) {
	var words []string
	seen := map[string]bool{}
	for _, w := range icons.Words(name) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil, 0
	}
	var best *candidate
	bestCover, bestSpec := 0.0, 0.0
	for _, c := range cands {
		o := overlap(words, c.words)
		if o == 0 {
			continue
		}
		cover := o / float64(len(words))
		spec := o / float64(max(len(c.words), 1))
		better := best == nil || cover > bestCover ||
			cover == bestCover && c.KeyPoint && !best.KeyPoint ||
			cover == bestCover && c.KeyPoint == best.KeyPoint && spec > bestSpec
		if better {
			best, bestCover, bestSpec = c, cover, spec
		}
	}
	return best, bestCover
}

// matchStation returns what a station stands for: the candidate its whole
// name matches ("Libya"); else the one its cue matches, since a locus
// such as "Front door" may share a word with a title ("Front-line
// troops") by chance; else the one part of its name matches; else nil.
func matchStation(st *station, cands []*candidate) *candidate {
	byName, cover := matchName(st.Name, cands)
	if byName != nil && cover >= 1 {
		return byName
	}
	if byCue := matchCue(st.Cue, cands); byCue != nil {
		return byCue
	}
	return byName
}

// matchCue returns the candidate whose title shares the most significant
// words with a station's cue ("a sugar cube split in two: glycolysis"
// and "Glycolysis"), or nil when none shares one. A word counts for less
// the more titles hold it, so that the word that tells sections apart
// decides; a word among the key terms explained in a candidate counts
// half as much as one of its title ("Robespierre" for "The Committee of
// Public Safety"). Among equals a key point beats a section, then the
// title with fewer other words, then the earlier one.
func matchCue(cue string, cands []*candidate) *candidate {
	words := significantWords(cue)
	if len(words) == 0 {
		return nil
	}
	// inTitles and inTerms count the candidates that hold each word.
	inTitles, inTerms := map[string]int{}, map[string]int{}
	for _, c := range cands {
		for _, w := range words {
			if holdsWord(c.cueWords, w) {
				inTitles[w]++
			} else if holdsWord(c.termWords, w) {
				inTerms[w]++
			}
		}
	}
	var best *candidate
	bestScore, bestSpec := 0.0, 0.0
	for _, c := range cands {
		score, shared := 0.0, 0
		for _, w := range words {
			switch {
			case holdsWord(c.cueWords, w):
				score += 1 / float64(inTitles[w])
				shared++
			case holdsWord(c.termWords, w):
				score += 0.5 / float64(inTerms[w])
			}
		}
		if score == 0 {
			continue
		}
		spec := float64(shared) / float64(max(len(c.cueWords), 1))
		better := best == nil || score > bestScore ||
			score == bestScore && c.KeyPoint && !best.KeyPoint ||
			score == bestScore && c.KeyPoint == best.KeyPoint && spec > bestSpec
		if better {
			best, bestScore, bestSpec = c, score, spec
		}
	}
	return best
}

// holdsWord reports whether title holds w, or a word that w opens or
// that opens w when the shorter has five letters or more ("split" and
// "splitting", "glycolysis" and "glycolysis").
func holdsWord(title map[string]bool, w string) bool {
	if title[w] {
		return true
	}
	for t := range title {
		short, long := t, w
		if len(short) > len(long) {
			short, long = long, short
		}
		if utf8.RuneCountInString(short) >= 5 && strings.HasPrefix(long, short) {
			return true
		}
	}
	return false
}

// significantWords returns the words of s that can tell one section from
// another: lower case, without accents or plural ending, each once; a
// word of four letters or more that is no common word of the notes'
// languages, or an abbreviation in capitals ("ATP", "UN").
func significantWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		n := utf8.RuneCountInString(f)
		upper := n >= 2 && strings.ToUpper(f) == f && strings.ToLower(f) != f
		w := guide.FoldAccents(strings.ToLower(f))
		if !upper && (n < 4 || commonWords[w]) {
			continue
		}
		if !upper {
			w = icons.Singular(w)
		}
		if commonWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// commonWords are words of four letters or more, without accents, that
// say nothing about what a cue stands for, in the notes' languages.
var commonWords = setOf(`about above after again against also among another because been before being below
between both could does doing down during each every from further have having here into itself just like look
looks made make more most much must near only other over same should some such than that their them then there
these they this those through under until very were what when where which while with within would your yours
imagine picture think giant huge tiny little whole next first last
dans avec pour sont leur leurs cette mais comme sous vers chez elle elles nous vous tout tous toute toutes tres
plus etre fait font deux trois entre ensuite puis enfin votre notre imaginez imagine grand grande petit petite
eine einen einem einer eines nicht sich sind wird werden auch noch uber unter neben durch dein deine mein meine
diese dieser dieses dann wenn weil oder aber zwei drei steht liegt stell stellen stellt dort grosse grosser kleine
para como pero sobre entre este esta estos estas unos unas donde cuando esta estan tiene imagina luego despues
della delle dello degli nella nelle nello negli sulla sulle sono questo questa quando dove anche molto ogni poi
isso isto onde tambem muito cada pela pelo pelas pelos numa depois
zijn wordt worden deze voor naar over onder door maar waar wanneer elke twee drie staat ligt heeft hebben stel`)

// topics returns a function that reports whether a phrase names a topic
// of the notes: the title of a section or key point, or a key term, with
// the same significant words (see significantWords).
func topics(g *guide.Guide, cands []*candidate) func(string) bool {
	key := func(s string) string { return strings.Join(significantWords(s), " ") }
	set := map[string]bool{}
	for _, c := range cands {
		set[key(c.Title)] = true
	}
	if g.Study != nil {
		for _, t := range g.Study.Terms {
			set[key(t.Name)] = true
			for _, a := range t.Aliases {
				set[key(a)] = true
			}
		}
	}
	delete(set, "")
	return func(phrase string) bool { return set[key(phrase)] }
}
