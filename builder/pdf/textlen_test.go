package pdf

import (
	"testing"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/builder/internal/testnotes"
)

func TestTextLengthCountsTheGuideText(t *testing.T) {
	for name, g := range map[string]*guide.Guide{
		"sample":   sampleGuide(),
		"study":    studyGuide(3),
		"figures":  figureGuide(),
		"long":     longGuide(5),
		"enriched": testnotes.EnrichedReader(t, 4),
	} {
		if got, want := textLength(g), utf8.RuneCountInString(g.Text()); got != want {
			t.Errorf("%s: textLength = %d, the text has %d characters", name, got, want)
		}
	}
}
