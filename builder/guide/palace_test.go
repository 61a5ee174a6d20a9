package guide

import "testing"

func TestIsPalaceTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"Mind Palace Technique":           true,
		"Mind-Palace Technique":           true,
		"mind palace":                     true,
		"MIND  PALACE":                    true,
		"Memory palace: my flat":          true,
		"Mind palaces for revision":       true,
		"The Method of Loci":              true,
		"A journey method":                true,
		"My memory journey, room by room": true,
		"Mind\u00a0palace":                true,
		"**Mind** _palace_":               true,
		"Palace of the mind":              false,
		"Mastermind palace":               false,
		"Mind the palace":                 false,
		"Memory":                          false,
		"Palais de la mémoire":            false,
		"":                                false,
	} {
		if got := IsPalaceTitle(title); got != want {
			t.Errorf("IsPalaceTitle(%q) = %v, want %v", title, got, want)
		}
	}
}
