package epub

import (
	"regexp"
	"strings"
	"testing"

	"studyguide/layouts"
)

// The e-book stylesheet must leave the reader's settings working: only
// relative lengths, no positioning, images and drawings that fit the
// screen, a new page for each section and tables that stack into cards on
// a narrow screen, with long words that break rather than widen them.
func TestStylesheetKeepsTheReadersSettings(t *testing.T) {
	css := string(layouts.Stylesheet())
	noComments := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(css, "")
	if m := regexp.MustCompile(`\d(px|pt|pc|cm|mm|in|q)\b`).FindString(noComments); m != "" {
		t.Errorf("stylesheet uses an absolute length: %q", m)
	}
	for _, banned := range []string{"position:", "float:", "align="} {
		if strings.Contains(strings.ReplaceAll(noComments, " ", ""), banned) {
			t.Errorf("stylesheet uses %s", banned)
		}
	}
	if regexp.MustCompile(`[^-]width:\s*[0-9.]+(em|ex|ch|rem)`).MatchString(noComments) {
		t.Error("stylesheet gives something a fixed width")
	}
	for _, want := range []string{
		"max-width: 100%",
		"page-break-before: always",
		"page-break-inside: avoid",
		"@media (max-width: 30em)",
		"attr(data-label)",
		"overflow-wrap: break-word",
		"overflow-wrap: anywhere",
		"white-space: nowrap",
		"max-height: 95vh",
		"table.aid td:first-child::before",
	} {
		if !strings.Contains(noComments, want) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
}

// The cards of a narrow screen are asked for twice, by the viewport's
// width (@media) and by the page's (@container, for reading engines whose
// frame holds a whole chapter's pages side by side): both must say the
// same, and a section must be the container that the second asks.
func TestNarrowCardsAskTheViewportAndThePage(t *testing.T) {
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(layouts.Stylesheet()), "")
	block := func(at string) string {
		i := strings.Index(css, at+" {")
		if i < 0 {
			t.Fatalf("stylesheet lacks %q", at)
		}
		depth := 0
		for j := i; j < len(css); j++ {
			switch css[j] {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					return css[i+len(at) : j+1]
				}
			}
		}
		t.Fatalf("%s is not closed", at)
		return ""
	}
	media, container := block("@media (max-width: 30em)"), block("@container (max-width: 30em)")
	if media != container {
		t.Errorf("the narrow rules differ:\n@media%s\n@container%s", media, container)
	}
	if !regexp.MustCompile(`(?s)\nbody > section \{[^}]*container-type: inline-size;`).MatchString(css) {
		t.Error("no section is a container of inline size")
	}
}

// TestPalaceHeadingIsRead checks that the heading of the palace's page,
// which the drawing's own title stands for on screen, is hidden from
// sight only: display: none would take it from screen readers, and with
// it the drawing's name.
func TestPalaceHeadingIsRead(t *testing.T) {
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(layouts.Stylesheet()), "")
	m := regexp.MustCompile(`(?s)section\.palace > h1[^{]*\{([^}]*)\}`).FindStringSubmatch(css)
	if m == nil {
		t.Fatal("no rule for the palace page's heading")
	}
	for _, banned := range []string{"display: none", "visibility: hidden", "display:none"} {
		if strings.Contains(m[1], banned) {
			t.Errorf("the palace page's heading has %s", banned)
		}
	}
	if !strings.Contains(m[1], "clip-path: inset(50%)") {
		t.Errorf("the palace page's heading is not clipped out of sight:%s", m[1])
	}
}
