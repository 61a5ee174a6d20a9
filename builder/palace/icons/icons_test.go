package icons

import (
	"strings"
	"testing"
)

func TestTheSet(t *testing.T) {
	all := All()
	if n := len(all); n < 100 || n > 250 {
		t.Errorf("%d icons; the set is meant to hold 100 to 250", n)
	}
	seen := map[string]bool{}
	for _, ic := range all {
		if seen[ic.Name] {
			t.Errorf("%s twice", ic.Name)
		}
		seen[ic.Name] = true
		if strings.HasPrefix(ic.Name, "brand") || len(ic.Paths) == 0 || len(ic.Tags) == 0 {
			t.Errorf("%s: %d paths, %d tags", ic.Name, len(ic.Paths), len(ic.Tags))
		}
		for _, tag := range ic.Tags {
			if tag != strings.ToLower(strings.TrimSpace(tag)) || tag == "" {
				t.Errorf("%s: tag %q", ic.Name, tag)
			}
		}
		if got, ok := Lookup(ic.Name); !ok || got.Name != ic.Name {
			t.Errorf("Lookup(%s) = %v, %v", ic.Name, got.Name, ok)
		}
	}
	if Default().Name != DefaultName || len(Neutral()) != len(neutralNames) {
		t.Errorf("default %q, %d neutral icons", Default().Name, len(Neutral()))
	}
	if !strings.Contains(Licence(), "ISC License") || !strings.HasPrefix(Source(), "lucide-static ") {
		t.Errorf("licence or source missing: %q", Source())
	}
	if _, ok := Lookup("no-such-icon"); ok {
		t.Error("Lookup found an icon that is not there")
	}
}

func TestRank(t *testing.T) {
	for _, tc := range []struct{ name, cue, want string }{
		{"Balkans Operations", "Peacekeepers securing the streets, preventing ethnic violence.", "shield"},
		{"Afghanistan", "NATO personnel helping rebuild schools and training local security forces.", "school"},
		{"Libya", "Jets enforcing a no-fly zone, ensuring civilian protection.", "plane"},
		{"Disaster Relief", "NATO delivering humanitarian aid to communities hit by disasters.", "heart-handshake"},
		{"Training Missions", "Soldiers training local forces, ensuring long-term stability.", "graduation-cap"},
		{"Sputnik", "A silver ball beeping on the doormat.", "satellite"},
		{"Apollo and the Moon", "Grey dust on the kitchen floor.", "moon"},
		{"Cooperation", "Two astronauts shaking hands through the back door.", "handshake"},
		{"Photosynthesis", "A leaf drinking sunlight.", "leaf"},
		{"The Nile", "A crocodile at the front door.", "door-open"}, // "front" names no picture
	} {
		r := Rank(tc.name, tc.cue)
		if len(r) == 0 || r[0].Icon.Name != tc.want {
			var got []string
			for i := 0; i < len(r) && i < 3; i++ {
				got = append(got, r[i].Icon.Name)
			}
			t.Errorf("Rank(%q) = %v, want %s first", tc.name, got, tc.want)
		}
	}
	if r := Rank("Xyzzy", "Plugh."); len(r) != 0 {
		t.Errorf("nonsense matched %s", r[0].Icon.Name)
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"NATO’s Peacekeepers, the cities!": "nato peacekeeper city",
		"no-fly zone":                      "fly zone",
		"boxes classes houses crisis gas":  "box class house crisis gas",
		"Space Station":                    "space station",
	} {
		if got := strings.Join(Words(in), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
