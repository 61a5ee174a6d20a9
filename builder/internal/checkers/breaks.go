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
// line is in the body when its middle is.
// Lines at the same height, such as a table's cells, count as one line. A
// heading is a line taller than the document's most common line, the
// running text; a page whose body holds nothing but a picture counts no
// lines and is let be.
func BreakProblems(pages [][]Line, top, bottom float64) []string {
	body := make([][]Line, len(pages))
	heights := map[int]int{}
	for i, p := range pages {
		for _, l := range p {
			if mid := (l.YMin + l.YMax) / 2; mid < top || mid > bottom {
				continue
			}
			if n := len(body[i]); n > 0 && math.Abs(body[i][n-1].YMin-l.YMin) < 1 {
				if l.Height() > body[i][n-1].Height() {
					body[i][n-1] = l
				}
				continue
			}
			body[i] = append(body[i], l)
			heights[int(math.Round(l.Height()*4))]++
		}
	}
	text, most := 0, 0
	for h, n := range heights {
		if n > most || n == most && h < text {
			text, most = h, n
		}
	}
	textHeight := float64(text) / 4
	var problems []string
	for i := 1; i < len(body)-1; i++ {
		lines := body[i]
		if n := len(lines); n > 0 && n <= 3 {
			problems = append(problems, fmt.Sprintf("page %d holds %d line(s): %s", i+1, n, quote(lines)))
		}
		if n := len(lines); n > 0 && lines[n-1].Height() > textHeight*1.03 {
			problems = append(problems, fmt.Sprintf("page %d ends with a heading: %q", i+1, lines[n-1].Text))
		}
	}
	return problems
}

// quote gives the text of lines, each quoted, for a message.
func quote(lines []Line) string {
	var qs []string
	for _, l := range lines {
		qs = append(qs, strconv.Quote(l.Text))
	}
	return strings.Join(qs, " ")
}
