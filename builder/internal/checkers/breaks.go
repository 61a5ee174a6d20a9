package checkers

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Line is a line of text pdftotext -bbox-layout finds on a page, with its
// box in points from the top left of the page.
type Line struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Height is the height of the line's box, which grows with its type size.
func (l Line) Height() float64 { return l.YMax - l.YMin }

var (
	layoutPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	layoutLine = regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>`)
	layoutWord = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
	listMarker = regexp.MustCompile(`^(\d+\.|[•–◦]) `)
)

// PDFLines returns the lines of every page of a PDF, from page 1, each
// page's lines from the top down, reading pdftotext -bbox-layout once for
// the whole PDF.
func PDFLines(t testing.TB, path string) [][]Line {
	t.Helper()
	out := string(cached(t, path, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-"))
	var pages [][]Line
	starts := layoutPage.FindAllStringIndex(out, -1)
	for i, s := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		var lines []Line
		for _, m := range layoutLine.FindAllStringSubmatch(out[s[1]:end], -1) {
			var v [4]float64
			for j := range v {
				v[j], _ = strconv.ParseFloat(m[j+1], 64)
			}
			var words []string
			for _, w := range layoutWord.FindAllStringSubmatch(m[5], -1) {
				words = append(words, html.UnescapeString(w[1]))
			}
			lines = append(lines, Line{Text: strings.Join(words, " "), XMin: v[0], YMin: v[1], XMax: v[2], YMax: v[3]})
		}
		sort.SliceStable(lines, func(a, b int) bool { return lines[a].YMin < lines[b].YMin })
		pages = append(pages, lines)
	}
	return pages
}

// BreakProblems returns what reads badly in the page breaks of a PDF whose
// pages have lines: a page, the first (the title page) and the last aside,
// whose body holds three lines or fewer, and a page whose body ends with a
// heading. The body of a page lies between top and bottom, in points from
// the top of the page; the running head and the folio lie outside it. A
// line is in the body when its middle is. Lines at the same height, such
// as a table's cells, count as one line. A heading is a line that stands
// alone at its height, at the left of the text, and is one of headings
// (the titles of the guide's sections and the captions of its tables), or
// the first or last line of one broken over lines; a page whose body holds nothing but a picture counts no
// lines and is let be.
func BreakProblems(pages [][]Line, top, bottom float64, headings []string) []string {
	titles := map[string]bool{}
	for _, h := range headings {
		titles[strings.Join(strings.Fields(h), " ")] = true
	}
	var problems []string
	for i := 1; i < len(pages)-1; i++ {
		var body []Line
		alone := true // the last line of body stands alone at its height
		for _, l := range pages[i] {
			if mid := (l.YMin + l.YMax) / 2; mid < top || mid > bottom {
				continue
			}
			if n := len(body); n > 0 && math.Abs(body[n-1].YMin-l.YMin) < 1 {
				alone = false
				continue
			}
			body = append(body, l)
			alone = true
		}
		n := len(body)
		if n > 0 && n <= 3 {
			problems = append(problems, fmt.Sprintf("page %d holds %d line(s): %s", i+1, n, quote(body)))
		}
		if n > 0 && alone && isHeading(body, titles) {
			problems = append(problems, fmt.Sprintf("page %d ends with a heading: %q", i+1, body[n-1].Text))
		}
	}
	return problems
}

// isHeading reports whether the last of lines is a heading: it starts at
// the left of the text, as far left as any line, and it is one of titles,
// or the first line of one broken over lines, or the last line of one
// whose line before it holds the title's other words.
func isHeading(lines []Line, titles map[string]bool) bool {
	last := lines[len(lines)-1]
	for _, l := range lines {
		if l.XMin < last.XMin-2 {
			return false
		}
	}
	text := strings.Join(strings.Fields(last.Text), " ")
	if text == "" {
		return false
	}
	if titles[text] {
		return true
	}
	prev := ""
	if len(lines) > 1 {
		prev = strings.Join(strings.Fields(lines[len(lines)-2].Text), " ")
	}
	for t := range titles {
		if strings.HasPrefix(t, text+" ") || prev != "" && (t == prev+" "+text || strings.HasSuffix(t, " "+prev+" "+text)) {
			return true
		}
	}
	return false
}

// quote gives the text of lines, each quoted, for a message.
func quote(lines []Line) string {
	var qs []string
	for _, l := range lines {
		qs = append(qs, strconv.Quote(l.Text))
	}
	return strings.Join(qs, " ")
}

// LoneLines returns where a paragraph leaves one line alone at a page
// break: a page whose last line opens a paragraph that runs on to the next
// page, or whose first line closes a paragraph begun on the page before.
// Body lines are as BreakProblems reads them; only lines that stand alone
// at their height count (a table's row does not). A line opens a
// paragraph when more space than a line's stands above it, closes one
// when more space stands below it, and runs on when it reaches within a
// sixth of the text's width of the page's longest line; the next page's
// first line goes on from it when it starts as far left, or further in by
// no more than a list's text from its marker, and the last line is not a
// list item's first line level with it. Headings (see BreakProblems) are
// no paragraphs.
func LoneLines(pages [][]Line, top, bottom float64, headings []string) []string {
	titles := map[string]bool{}
	for _, h := range headings {
		titles[strings.Join(strings.Fields(h), " ")] = true
	}
	type bodyLine struct {
		Line
		alone bool
	}
	bodies := make([][]bodyLine, len(pages))
	for i, p := range pages {
		var body []bodyLine
		for _, l := range p {
			if mid := (l.YMin + l.YMax) / 2; mid < top || mid > bottom {
				continue
			}
			if n := len(body); n > 0 && math.Abs(body[n-1].YMin-l.YMin) < 1 {
				body[n-1].alone = false
				continue
			}
			body = append(body, bodyLine{l, true})
		}
		bodies[i] = body
	}
	// spaced reports whether more space than a line's stands between a
	// and the line b below it.
	spaced := func(a, b Line) bool {
		return b.YMin-a.YMin > 1.4*a.Height()
	}
	isTitle := func(l Line) bool { return titles[strings.Join(strings.Fields(l.Text), " ")] }
	var problems []string
	for i := 1; i+1 < len(bodies); i++ {
		a, b := bodies[i], bodies[i+1]
		if len(a) < 2 || len(b) == 0 {
			continue
		}
		left, right := a[0].XMin, a[0].XMax
		for _, l := range a {
			left, right = min(left, l.XMin), max(right, l.XMax)
		}
		last, first := a[len(a)-1], b[0]
		runsOn := last.XMax >= right-(right-left)/6
		// The next page's first line goes on from the last line where it
		// starts as far left, or no further in than a list's text from
		// its marker; a line level with a list marker is the next item.
		indent := first.XMin - last.XMin
		same := last.alone && first.alone && math.Abs(last.Height()-first.Height()) < 0.5 &&
			indent >= -1 && indent <= 2*last.Height() && !(indent < 1 && listMarker.MatchString(last.Text)) &&
			!isTitle(last.Line) && !isTitle(first.Line)
		if !same || !runsOn {
			continue
		}
		if spaced(a[len(a)-2].Line, last.Line) {
			problems = append(problems, fmt.Sprintf("page %d ends with a paragraph's first line alone: %q", i+1, last.Text))
		}
		if len(b) == 1 || spaced(first.Line, b[1].Line) {
			if !spaced(a[len(a)-2].Line, last.Line) {
				problems = append(problems, fmt.Sprintf("page %d starts with a paragraph's last line alone: %q", i+2, first.Text))
			}
		}
	}
	return problems
}
