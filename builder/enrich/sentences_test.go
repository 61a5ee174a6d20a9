package enrich

import (
	"strings"
	"testing"
)

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"One. Two.", "One."},
		{"No stop at all", "No stop at all"},
		{"Aid came from the U.S. and Canada. Then more.", "Aid came from the U.S. and Canada."},
		{"Allies, e.g. France, helped. Then more.", "Allies, e.g. France, helped."},
		{"Allies, e.g. Canada and i.e. Norway, helped. Then.", "Allies, e.g. Canada and i.e. Norway, helped."},
		{"Growth was 3.5 percent. Then more.", "Growth was 3.5 percent."},
		{"J. F. Kennedy spoke. Then more.", "J. F. Kennedy spoke."},
		{"Dr. Smith arrived. Then more.", "Dr. Smith arrived."},
		{"It ended in 2014. In 2021 it stopped.", "It ended in 2014."},
		{"Was it? Yes.", "Was it?"},
		{"Stop! Go.", "Stop!"},
		{`He said "stop." Then left.`, `He said "stop."`},
		{"Wait... Then more.", "Wait..."},
		{"Lower case after a stop. and on.", "Lower case after a stop. and on."},
		{"Tools, etc. Then more.", "Tools, etc."},
		{"During the 1950s and 1960s. It ran on.", "During the 1950s and 1960s."},
		{"It was NATO's. Then more.", "It was NATO's."},
		{"  Leading space. Next.", "Leading space."},
		{"会议结束了。下一句。", "会议结束了。"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.text); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSentenceAt(t *testing.T) {
	text := "In Kosovo, NATO acted in 1999. Afterward, the Kosovo Force (KFOR) was set up. KFOR still operates."
	tests := []struct {
		at, want string
	}{
		{"Kosovo,", "In Kosovo, NATO acted in 1999."},
		{"Kosovo Force", "Afterward, the Kosovo Force (KFOR) was set up."},
		{"KFOR still", "KFOR still operates."},
	}
	for _, tt := range tests {
		off := strings.Index(text, tt.at)
		if got := sentenceAt(text, off); got != tt.want {
			t.Errorf("sentenceAt(%q) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestCutGist(t *testing.T) {
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = "w" + strings.Repeat("x", i%3)
		}
		return strings.Join(w, " ")
	}
	tests := []struct {
		name, in, want string
	}{
		{"short", "A short sentence.", "A short sentence."},
		{"spaces", "A  short\n sentence.", "A short sentence."},
		{"slack", words(28) + ".", words(28) + "."},
		{"long", words(40), words(25) + "…"},
		{
			"word boundary",
			"NATO's Comprehensive Approach combines military operations with efforts to provide security for humanitarian organizations, ensuring that they can deliver aid and support to affected populations during and after conflicts.",
			"NATO's Comprehensive Approach combines military operations with efforts to provide security for humanitarian organizations, ensuring that they can deliver aid and support to affected populations…",
		},
		{
			"clause",
			"The mission trained local forces and built national institutions so that the countries it served could stand on their own, and then it handed over control to the government of the day.",
			"The mission trained local forces and built national institutions so that the countries it served could stand on their own…",
		},
		{
			"joining word",
			"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree the and more words after the cut here",
			"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree…",
		},
	}
	for _, tt := range tests {
		if got := cutGist(tt.in); got != tt.want {
			t.Errorf("%s: cutGist = %q, want %q", tt.name, got, tt.want)
		}
	}
}
