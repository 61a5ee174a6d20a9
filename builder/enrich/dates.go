package enrich

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rule table for dates. A four-digit number from 1000 to 2099, or a
// decade such as "1990s", is a date unless the words around it show that
// it names or counts something:
//
//   - namedBy: a word just before it makes it a name or a number of
//     something ("Resolution 1973", "Article 5", "Apollo 11", "page 1200");
//   - namedByAbbrev: the same for abbreviations written with a full stop
//     ("No. 1999", "p. 1200");
//   - namedByMark: a sign just before it ("#1999", "§ 1200", "$1500");
//   - countedBy: a unit or counted noun just after it ("1973 km", "1500
//     troops", "2000 years");
//   - countedByMark: a sign just after it ("1500 %");
//   - glued: it is part of a longer number or code ("1,500", "1999.5",
//     "12:1999", "555-1999").
//
// Ranges are kept whole: two dates joined by a dash ("2014–2021",
// "1939-45"), "A to B", "from A until B" or "between A and B". A range
// whose end counts something ("from 1500 to 2000 troops") is no date at
// all. An era after a year is kept with it ("1200 BC"). A date inside a
// day ("12 April 1961") is its year.
var (
	namedBy = wordSet(
		"act", "acts", "amendment", "annex", "apollo", "appendix", "article",
		"articles", "batch", "bill", "bus", "case", "chapter", "chapters",
		"class", "clause", "code", "convention", "decree", "directive",
		"exercise", "figure", "flight", "form", "gate", "gemini", "grade",
		"highway", "isbn", "iso", "issn", "issue", "item", "law", "level",
		"line", "lot", "mercury", "model", "number", "numbers", "page",
		"pages", "paragraph", "platform", "protocol", "regulation",
		"resolution", "resolutions", "rfc", "room", "route", "rule", "rules",
		"section", "sections", "series", "soyuz", "sputnik", "step", "table",
		"type", "unit", "verse", "version", "volume", "voskhod", "vostok",
	)
	namedByAbbrev = wordSet(
		"art", "cat", "ch", "fig", "no", "nos", "nr", "op", "p", "para", "pp",
		"sec", "ver", "vol",
	)
	namedByMark = "#№§$€£¥"
	countedBy   = wordSet(
		"acres", "aircraft", "calories", "casualties", "centimetres",
		"centimeters", "civilians", "cm", "days", "dead", "deaths",
		"degrees", "dollars", "employees", "euros", "feet", "ft", "g",
		"grams", "ha", "hectares", "hours", "hrs", "inches", "kg",
		"kilograms", "kilometres", "kilometers", "km", "knots", "kw", "l",
		"lb", "lbs", "litres", "liters", "m", "members", "meters", "metres",
		"mi", "miles", "min", "mins", "minutes", "ml", "mm", "months", "mph",
		"mw", "people", "percent", "personnel", "persons", "pounds",
		"pupils", "refugees", "seconds", "ships", "soldiers", "staff",
		"students", "tanks", "tonnes", "tons", "troops", "vehicles",
		"victims", "weeks", "words", "workers", "yards", "years",
	)
	countedByMark = "%‰°"
	gluedBy       = ".,:/-"
	rangeDashes   = "-–—"
	rangeWords    = wordSet("to", "until", "till", "through", "thru")
	eraWords      = map[string]bool{"BC": true, "BCE": true, "AD": true, "CE": true}
	monthWords    = wordSet(
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "jan",
		"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec",
	)
	// dateFiller are the words that may stand in a bold date besides
	// numbers and months: "**the 1990s**", "**from 2014 to 2021**".
	dateFiller = wordSet("the", "from", "to", "until", "and", "between", "in", "of", "since", "mid", "early", "late")
)

// wordSet makes a set of lower-case words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// dateSpan is one date found in a text: its normal form and where it was
// written.
type dateSpan struct {
	text       string
	start, end int
}

// findDates returns the dates in text in the order written, each once, in
// their normal form: "1999", "1990s", "2014–2021", "1200 BC".
func findDates(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range scanDates(text) {
		if !seen[d.text] {
			seen[d.text] = true
			out = append(out, d.text)
		}
	}
	return out
}

// scanDates returns every date of text with its span.
func scanDates(text string) []dateSpan {
	if !mayHoldYear(text) {
		return nil
	}
	return withTokens(text, func(toks []token) []dateSpan {
		s := dateScanner{toks: toks}
		return s.dates(nil, -1)
	})
}

// firstDate returns the first date of text (see scanDates), and false
// when it has none.
func firstDate(text string) (dateSpan, bool) {
	if !mayHoldYear(text) {
		return dateSpan{}, false
	}
	// The date is returned as a value, so that the room it is found in
	// stays on the stack.
	type first struct {
		date  dateSpan
		found bool
	}
	f := withTokens(text, func(toks []token) first {
		var room [1]dateSpan
		s := dateScanner{toks: toks}
		if found := s.dates(room[:0], 1); len(found) > 0 {
			return first{found[0], true}
		}
		return first{}
	})
	return f.date, f.found
}

// mayHoldYear reports whether text holds four ASCII digits in a row, the
// first a 1 or a 2: every date (see isYear) is written with them, so a
// text without them has none.
func mayHoldYear(text string) bool {
	for i := 0; i+3 < len(text); i++ {
		if (text[i] == '1' || text[i] == '2') && isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) {
			return true
		}
	}
	return false
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool {
	return c >= '0' && c <= '9'
}

// dates appends the dates of the scanner's tokens with their spans to
// out, and returns it once it holds most of them (any number when most is
// negative).
func (s *dateScanner) dates(out []dateSpan, most int) []dateSpan {
	for i := 0; i < len(s.toks) && len(out) != most; i++ {
		first, ok := s.moment(i)
		if !ok {
			continue
		}
		if last, ok, counted := s.rangeFrom(i, first); counted {
			i = last
			continue
		} else if ok {
			end := s.era(last)
			out = append(out, dateSpan{
				text:  first.text + "–" + s.toks[last].text + s.eraText(last, end),
				start: s.toks[i].start, end: s.toks[end].end,
			})
			i = end
			continue
		}
		if s.counted(first.last) {
			continue
		}
		end := s.era(first.last)
		out = append(out, dateSpan{
			text:  first.text + s.eraText(first.last, end),
			start: s.toks[i].start, end: s.toks[end].end,
		})
		i = end
	}
	return out
}

// dateScanner looks at the tokens around a number.
type dateScanner struct {
	toks []token
}

// moment is a year or decade written at some tokens: its normal text and
// the index of its last token.
type moment struct {
	text string
	last int
	year int
}

// moment reports whether the token at i starts a year or decade that is
// not a name: the rules before it (namedBy, glued) are checked here; the
// rules after it (countedBy) depend on whether a range follows.
func (s *dateScanner) moment(i int) (moment, bool) {
	t := s.toks[i]
	var m moment
	switch {
	case t.kind == numberToken && isYear(t.text):
		m = moment{text: t.text, last: i}
		// "1990's" is a decade written with an apostrophe.
		if s.is(i+1, punctToken, "'", "’") && s.is(i+2, wordToken, "s") && strings.HasSuffix(t.text, "0") {
			m = moment{text: t.text + "s", last: i + 2}
		}
	case t.kind == wordToken && len(t.text) == 5 && t.text[4] == 's' && isYear(t.text[:4]) && t.text[3] == '0':
		m = moment{text: t.text, last: i}
	default:
		return moment{}, false
	}
	m.year, _ = strconv.Atoi(m.text[:4])
	if s.named(i) || s.gluedBefore(i) || s.gluedAfter(m.last) {
		return moment{}, false
	}
	return m, true
}

// isYear reports whether s is four ASCII digits from 1000 to 2099.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s >= "1000" && s <= "2099"
}

// is reports whether the token at i has the kind and one of the texts
// (any text when none is given; words compare without case).
func (s *dateScanner) is(i int, kind tokenKind, texts ...string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != kind {
		return false
	}
	if len(texts) == 0 {
		return true
	}
	for _, t := range texts {
		if strings.EqualFold(s.toks[i].text, t) {
			return true
		}
	}
	return false
}

// skipSpace returns i moved by step past one run of space.
func (s *dateScanner) skipSpace(i, step int) int {
	if s.is(i, spaceToken) {
		return i + step
	}
	return i
}

// named applies the rules namedBy, namedByAbbrev and namedByMark to the
// number at i.
func (s *dateScanner) named(i int) bool {
	j := s.skipSpace(i-1, -1)
	if j < 0 {
		return false
	}
	t := s.toks[j]
	switch {
	case t.kind == punctToken && strings.Contains(namedByMark, t.text):
		return true
	case t.kind == wordToken:
		return lookupLower(namedBy, t.text)
	case t.kind == punctToken && t.text == "." && s.is(j-1, wordToken):
		return lookupLower(namedByAbbrev, s.toks[j-1].text)
	}
	return false
}

// gluedBefore reports whether the number at i continues a number written
// just before it, with no space: "1,999", "12:1999", "555-1999".
func (s *dateScanner) gluedBefore(i int) bool {
	return s.is(i-1, punctToken) && strings.Contains(gluedBy, s.toks[i-1].text) && s.is(i-2, numberToken)
}

// gluedAfter reports whether a longer number goes on after the token at
// i, with no space: "1999.5", "1999,5", "1999:12", "1999/2000". A dash
// is left to the range rule.
func (s *dateScanner) gluedAfter(i int) bool {
	return s.is(i+1, punctToken) && strings.Contains(".,:/", s.toks[i+1].text) && (s.is(i+2, numberToken) || s.is(i+2, wordToken) && startsWithDigit(s.toks[i+2].text))
}

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// counted applies the rules countedBy and countedByMark to the date that
// ends at token i.
func (s *dateScanner) counted(i int) bool {
	j := s.skipSpace(i+1, 1)
	if j >= len(s.toks) {
		return false
	}
	t := s.toks[j]
	switch t.kind {
	case punctToken:
		return strings.Contains(countedByMark, t.text)
	case wordToken:
		return lookupLower(countedBy, t.text)
	}
	return false
}

// rangeFrom looks for the end of a range that starts with first at token
// i. It returns the index of the end's last token and whether a range was
// found; counted is true when the end counts something, which makes the
// whole range a count.
func (s *dateScanner) rangeFrom(i int, first moment) (last int, ok, counted bool) {
	j := s.skipSpace(first.last+1, 1)
	if j >= len(s.toks) {
		return 0, false, false
	}
	t := s.toks[j]
	switch {
	case t.kind == punctToken && strings.Contains(rangeDashes, t.text):
	case t.kind == wordToken && lookupLower(rangeWords, t.text):
	case t.kind == wordToken && strings.EqualFold(t.text, "and") && s.before(i, "between"):
	default:
		return 0, false, false
	}
	k := s.skipSpace(j+1, 1)
	if k >= len(s.toks) {
		return 0, false, false
	}
	end := s.toks[k]
	switch {
	case end.kind == numberToken && isYear(end.text):
		n, _ := strconv.Atoi(end.text)
		if n <= first.year {
			return 0, false, false
		}
	case end.kind == wordToken && len(end.text) == 5 && end.text[4] == 's' && isYear(end.text[:4]):
	case end.kind == numberToken && len(end.text) == 2 && t.kind == punctToken && j == first.last+1 && k == j+1:
		// "1939–45": a short end only right after a dash.
		n, _ := strconv.Atoi(end.text)
		if n <= first.year%100 {
			return 0, false, false
		}
	default:
		return 0, false, false
	}
	if s.gluedAfter(k) {
		return 0, false, false
	}
	if s.counted(k) {
		return k, false, true
	}
	return k, true, false
}

// before reports whether the word just before token i (past one space)
// is word.
func (s *dateScanner) before(i int, word string) bool {
	return s.is(s.skipSpace(i-1, -1), wordToken, word)
}

// era returns the index of the last token of a date ending at i,
// extended by an era written after it ("1200 BC").
func (s *dateScanner) era(i int) int {
	j := s.skipSpace(i+1, 1)
	if j < len(s.toks) && s.toks[j].kind == wordToken && eraWords[s.toks[j].text] {
		return j
	}
	return i
}

// eraText returns " BC" and the like when era extended the date from i to
// end.
func (s *dateScanner) eraText(i, end int) string {
	if end == i {
		return ""
	}
	return " " + s.toks[end].text
}

// isDateText reports whether text says nothing but a date or a number:
// "1990s", "the 1990s", "12 April 1961", "2014–2021", "108". Bold text
// like this marks a time, not a key term.
func isDateText(text string) bool {
	// Each of them holds a digit, which may be outside ASCII; most bold
	// text holds none and is no date.
	digit := false
	for i := 0; i < len(text) && !digit; i++ {
		c := text[i]
		digit = '0' <= c && c <= '9' || c >= utf8.RuneSelf
	}
	return digit && withTokens(text, onlyDate)
}

// onlyDate reports whether the tokens say nothing but a date or a number
// (see isDateText).
func onlyDate(toks []token) bool {
	numbers := 0
	for _, t := range toks {
		switch t.kind {
		case numberToken:
			numbers++
		case wordToken:
			w := strings.ToLower(t.text)
			switch {
			case len(w) == 5 && w[4] == 's' && isYear(w[:4]):
				numbers++
			case isOrdinal(w):
				numbers++
			case monthWords[w], dateFiller[w], eraWords[t.text]:
			default:
				return false
			}
		}
	}
	return numbers > 0
}

// isOrdinal reports whether w is a number with an English ordinal ending:
// "1st", "12th".
func isOrdinal(w string) bool {
	if len(w) < 3 {
		return false
	}
	suffix := w[len(w)-2:]
	if suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" {
		return false
	}
	for _, c := range w[:len(w)-2] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
