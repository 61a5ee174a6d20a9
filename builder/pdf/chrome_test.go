package pdf

import (
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
	"studyguide/layouts"
)

// The layout says what the running head and foot show.
func TestHeaderAndFooterFollowTheLayout(t *testing.T) {
	checkers.Require(t, "pdftotext")
	a4, err := layouts.Load("a4")
	if err != nil {
		t.Fatal(err)
	}
	g := sampleGuide()
	for _, c := range []struct {
		header    layouts.Header
		footer    layouts.Footer
		title     bool   // the guide's title heads page 2
		foot, not string // page 2's foot, and what it must not be
	}{
		{layouts.HeaderTitleSection, layouts.FooterPageOfPages, true, "2 of ", ""},
		{layouts.HeaderTitle, layouts.FooterPage, true, "2", "2 of "},
		{layouts.HeaderNone, layouts.FooterNone, false, "", "2"},
	} {
		lay := *a4
		lay.Header, lay.Footer = c.header, c.footer
		path := writeFile(t, g, Options{Layout: &lay})
		page := checkers.Run(t, "pdftotext", "-f", "2", "-l", "2", "-layout", "-enc", "UTF-8", path, "-")
		lines := strings.Split(strings.TrimSpace(page), "\n")
		first := strings.TrimSpace(lines[0])
		last := strings.TrimSpace(lines[len(lines)-1])
		if got := strings.HasPrefix(first, g.Meta.Title); got != c.title {
			t.Errorf("%s/%s: page 2 starts %q", c.header, c.footer, first)
		}
		if c.foot != "" && !strings.HasPrefix(last, c.foot) {
			t.Errorf("%s/%s: page 2 ends %q; want %q", c.header, c.footer, last, c.foot)
		}
		if c.not != "" && strings.HasPrefix(last, c.not) {
			t.Errorf("%s/%s: page 2 ends %q", c.header, c.footer, last)
		}
	}
}
