package guide

import "testing"

func TestIsPalaceTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"Mind Palace Technique":            true,
		"Mind-Palace Technique":            true,
		"mind palace":                      true,
		"MIND  PALACE":                     true,
		"Memory palace: my flat":           true,
		"Mind palaces for revision":        true,
		"The Method of Loci":               true,
		"A journey method":                 true,
		"My memory journey, room by room":  true,
		"Mind\u00a0palace":                 true,
		"**Mind** _palace_":                true,
		"Palace of the mind":               false,
		"Mastermind palace":                false,
		"Mind the palace":                  false,
		"Memory":                           false,
		"Palais de la mémoire":             true,
		"Le palais mental":                 true,
		"Palais de la memoire : ma maison": true,
		"Gedächtnispalast":                 true,
		"Die Gedächtnispalast-Methode":     true,
		"Gedächtnispalastmethode":          true,
		"Gedächtnisreise durch die Zelle":  true,
		"Loci-Methode":                     true,
		"Palacio de la memoria":            true,
		"Método de los loci":               true,
		"Palazzo della memoria":            true,
		"Palácio da memória":               true,
		"Geheugenpaleis":                   true,
		"Palais":                           false,
		"Gedächtnis":                       false,
		"Palacio real":                     false,
		"Methode":                          false,
		"Memory palace of my flat":         true,
		"":                                 false,
	} {
		if got := IsPalaceTitle(title); got != want {
			t.Errorf("IsPalaceTitle(%q) = %v, want %v", title, got, want)
		}
	}
}
