package enrich

import (
	"strings"
	"testing"
)

func TestIsFormula(t *testing.T) {
	formulas := []string{
		"v", "m", "α", "ρ", "x′", "v₀", "F = −kv²", "E=mc²", "W = mg", "mg = kv²", "v = √(mg/k)",
		"E = ½mv²", "4×", "a ≤ b", "v_max", "x^2", "H₂O", "2x", "3.5t", "3.5 m/s", "55 m/s",
		"9.81 m/s²", "100 km", "20 °C", "−40 °", "5 %", "km/h", "m/s", "°C", "CO₂", "π",
	}
	for _, s := range formulas {
		if !isFormula(s) {
			t.Errorf("isFormula(%q) = false, want true", s)
		}
		if isTermText(s) {
			t.Errorf("isTermText(%q) = true, want false", s)
		}
	}
	terms := []string{
		"Gravity", "drag force", "C++", "TCP/IP", "G7", "5G", "3D printing", "Apollo 11",
		"UN Security Council Resolution 1973", "NATO (North Atlantic Treaty Organization)",
		"Euro-Atlantic Disaster Response Coordination Centre (EADRCC)", "Apollo–Soyuz",
		"100 Years' War", "messenger RNA", "ATP", "Vitamin C", "pH", "DNA", "α-helix", "100 m sprint",
		"Type 2 diabetes", "World War II", "E. coli", "x-ray",
	}
	for _, s := range terms {
		if isFormula(s) || !isTermText(s) {
			t.Errorf("%q: isFormula %v, isTermText %v; want a term", s, isFormula(s), isTermText(s))
		}
	}
}

func TestExplainsTerm(t *testing.T) {
	cases := []struct {
		sentence, term string
		want           bool
	}{
		{"Osmosis is the movement of water.", "Osmosis", true},
		{"Osmosis: the movement of water.", "Osmosis", true},
		{"Osmosis – the movement of water.", "Osmosis", true},
		{"It depends on ρ, the density of the air.", "ρ", true},
		{"Water moves by a process called osmosis.", "osmosis", true},
		{"Kinetic energy is the energy of motion, and potential energy is the energy of height.", "potential energy", true},
		{"La photosynthèse est la fabrication de sucres.", "photosynthèse", true},
		{"Die Zelle ist die kleinste Einheit.", "Zelle", true},
		{"Mitochondria release energy through cellular respiration.", "Mitochondria", false},
		{"Mitochondria release energy through cellular respiration.", "cellular respiration", false},
		{"Countries such as Australia, New Zealand, and Jordan sent troops.", "Australia", false},
		{"Countries such as Australia, New Zealand, and Jordan sent troops.", "New Zealand", false},
		{"The Euro-Atlantic partners met.", "Euro", false},
		{"Plants use chlorophyll.", "chlorophyll", false},
		{"A so-called aisle.", "aisle", false},
	}
	for _, c := range cases {
		start := strings.Index(c.sentence, c.term)
		if got := explainsTerm(c.sentence, start, start+len(c.term)); got != c.want {
			t.Errorf("explainsTerm(%q, %q) = %v, want %v", c.sentence, c.term, got, c.want)
		}
	}
}

func TestMeaningText(t *testing.T) {
	for in, want := range map[string]string{
		"flows east to the  Black Sea.": "Flows east to the Black Sea.",
		"Gravity pulls.":                "Gravity pulls.",
		"pH measures acidity.":          "pH measures acidity.",
		"mRNA carries the code.":        "mRNA carries the code.",
		"élan vital is old.":            "Élan vital is old.",
		"":                              "",
	} {
		if got := meaningText(in); got != want {
			t.Errorf("meaningText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeyTermsThatAreTerms reads a physics note and a biology note as
// teachers write them: bold variables, numbers and formulas are no key
// terms; a bold word opening a sub-item of a key point is a term of that
// point, not a key point; every meaning is a whole sentence that starts
// with a capital; and a sentence that explains one term is not the
// meaning of another it only names.
func TestKeyTermsThatAreTerms(t *testing.T) {
	note := `# Motion

A falling body speeds up until the **drag force** balances its weight. We write the
speed as **v**, the mass as **m** and the drag constant as **k**.

## Forces

1. **Weight**: The weight **W = mg** pulls the body down.
   - **Gravity** gives every body the same acceleration **g**, about **9.81 m/s²**.
2. **Drag**: The drag **F = −kv²** grows with the square of the speed.
   - At **2x** the speed the drag is **4×** as strong; **ρ** is the density of the air.
3. **Terminal velocity** is reached when **mg = kv²**, at about **55 m/s**.

## Cells

1. **Mitochondria: Power Plants**:
   - **Mitochondria** release energy from food through **cellular respiration**.
2. **Ribosomes** read **messenger RNA** and build proteins.
3. **Photosynthesis**: The **chloroplast** makes sugar, a process called **photosynthesis**, with **chlorophyll**.
   - **Chlorophyll** absorbs the light.

## Energy

**Kinetic energy** is the energy of motion, **E = ½mv²**, and **potential energy** is the
energy of height. Einstein's **E=mc²** links mass and energy. The **Joule** is the unit
of **work**. In SI units, **α** is an angle and **3.5 m/s** a speed.
`
	g, _ := readNote(t, "motion.md", []byte(note))
	enrichAll(g)
	meanings := map[string]string{}
	var names []string
	for _, term := range g.Study.Terms {
		names = append(names, term.Name)
		meanings[term.Name] = term.Explanation
	}
	want := map[string]string{
		"drag force":           "A falling body speeds up until the drag force balances its weight.",
		"Gravity":              "Gravity gives every body the same acceleration g, about 9.81 m/s².",
		"Mitochondria":         "Mitochondria release energy from food through cellular respiration.",
		"cellular respiration": "Mitochondria release energy from food through cellular respiration.",
		"messenger RNA":        "Ribosomes read messenger RNA and build proteins.",
		// The sentence explains photosynthesis, and names the others.
		"photosynthesis": "The chloroplast makes sugar, a process called photosynthesis, with chlorophyll.",
		"chloroplast":    "",
		"chlorophyll":    "Chlorophyll absorbs the light.",
		// One sentence that explains both.
		"Kinetic energy":   "Kinetic energy is the energy of motion, E = ½mv², and potential energy is the energy of height.",
		"potential energy": "Kinetic energy is the energy of motion, E = ½mv², and potential energy is the energy of height.",
		"Joule":            "The Joule is the unit of work.",
		"work":             "",
	}
	if len(names) != len(want) {
		t.Errorf("terms %q, want the %d of the table", names, len(want))
	}
	for name, meaning := range want {
		got, ok := meanings[name]
		switch {
		case !ok:
			t.Errorf("no key term %q", name)
		case got != meaning:
			t.Errorf("%q means %q, want %q", name, got, meaning)
		}
	}
	var titles []string
	for _, kp := range g.Study.KeyPoints {
		titles = append(titles, kp.Title)
	}
	if got := strings.Join(titles, "|"); got != "Weight|Drag|Terminal velocity|Mitochondria: Power Plants|Ribosomes|Photosynthesis" {
		t.Errorf("key points %q", titles)
	}
	for _, kp := range g.Study.KeyPoints {
		switch kp.Title {
		case "Weight":
			if strings.Join(kp.Terms, "|") != "Gravity" {
				t.Errorf("Weight lists the terms %q, want Gravity", kp.Terms)
			}
		case "Mitochondria: Power Plants":
			if strings.Join(kp.Terms, "|") != "Mitochondria|cellular respiration" {
				t.Errorf("Mitochondria lists the terms %q", kp.Terms)
			}
		case "Terminal velocity":
			if len(kp.Terms) != 0 {
				t.Errorf("Terminal velocity lists the terms %q", kp.Terms)
			}
		}
	}
}

// TestSubItemLeadsAreNotRivalDefinitions checks that the same bold lead
// opening sub-items of two key points ("Advantages") is no term explained
// two different ways, while a sub-item that contradicts a definition
// outside key points still is.
func TestSubItemLeadsAreNotRivalDefinitions(t *testing.T) {
	note := `# Energy

**Biomass**: Fuel made from plants.

1. **Solar power**:
   - **Advantages**: cheap to run.
   - **Drawbacks**: no power at night.
2. **Wind power**:
   - **Advantages**: the fuel is free.
   - **Biomass**: Something else entirely.
`
	g, list := readNote(t, "energy.md", []byte(note))
	enrichAll(g)
	var said []string
	for _, d := range *list {
		said = append(said, d.String())
	}
	if len(said) != 1 || !strings.Contains(said[0], `energy.md:10:6: warning: term "Biomass" is explained two different ways: here and on line 3`) {
		t.Errorf("diagnostics:\n%s", strings.Join(said, "\n"))
	}
}
