package enrich

import (
	"slices"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// register runs spellings through a registry in order and returns the
// resulting terms.
func register(spellings ...string) []*guide.Term {
	r := newRegistry()
	for _, s := range spellings {
		sp := newSpelling(s)
		if e := r.find(sp); e != nil {
			r.add(e, sp, nil)
		} else {
			r.add(nil, sp, &guide.Term{Name: sp.text})
		}
	}
	var out []*guide.Term
	for _, e := range r.entries {
		out = append(out, e.term)
	}
	return out
}

func TestTermIdentity(t *testing.T) {
	tests := []struct {
		name      string
		spellings []string
		want      []string // "Name [alias, alias]" per term
	}{
		{"acronym later", []string{"Kosovo Force (KFOR)", "KFOR"}, []string{"Kosovo Force (KFOR) [KFOR]"}},
		{"acronym first", []string{"KFOR", "Kosovo Force (KFOR)"}, []string{"KFOR [Kosovo Force]"}},
		{"long form later", []string{"Implementation Force (IFOR)", "implementation force"}, []string{"Implementation Force (IFOR) [IFOR]"}},
		{"long form first", []string{"Kosovo Force", "Kosovo Force (KFOR)", "KFOR"}, []string{"Kosovo Force [KFOR]"}},
		{"expansion in parentheses", []string{"NATO (North Atlantic Treaty Organization)", "NATO", "North Atlantic Treaty Organization"}, []string{"NATO (North Atlantic Treaty Organization) [NATO]"}},
		{"case and space", []string{"Dayton Peace Agreement", "dayton  peace\nagreement", "DAYTON PEACE AGREEMENT"}, []string{"Dayton Peace Agreement []"}},
		{"apostrophes", []string{"NATO’s Training Mission", "NATO's training mission"}, []string{"NATO’s Training Mission []"}},
		{"trailing colon", []string{"Peacebuilding:", "peacebuilding"}, []string{"Peacebuilding []"}},
		{"different partners", []string{"Kosovo Force (KFOR)", "Kill Force (KFOR)"}, []string{"Kosovo Force (KFOR) [KFOR]", "Kill Force (KFOR) [KFOR]"}},
		{"same name other acronym", []string{"Kosovo Force (KFOR)", "Kosovo Force (KF)"}, []string{"Kosovo Force (KFOR) [KFOR]", "Kosovo Force (KF) [KF]"}},
		{"not an acronym", []string{"Mercury (planet)", "Mercury"}, []string{"Mercury (planet) []", "Mercury []"}},
		{"different terms", []string{"humanitarian aid", "humanitarian roles"}, []string{"humanitarian aid []", "humanitarian roles []"}},
		{"plural acronym", []string{"non-governmental organizations (NGOs)", "NGOs"}, []string{"non-governmental organizations (NGOs) [NGOs]"}},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range register(tt.spellings...) {
			got = append(got, term.Name+" ["+strings.Join(term.Aliases, ", ")+"]")
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestIsAcronym(t *testing.T) {
	for s, want := range map[string]bool{
		"KFOR": true, "UN": true, "NGOs": true, "G7": true, "EADRCC": true,
		"Nato": false, "planet": false, "A": false, "VERYLONGACRONYM": false, "U N": false,
	} {
		if got := isAcronym(s); got != want {
			t.Errorf("isAcronym(%q) = %t, want %t", s, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kosovo Force", "kosovo-force"},
		{"NATO’s Training Mission in Iraq", "natos-training-mission-in-iraq"},
		{"Zürich Straße", "zurich-strasse"},
		{"Égalité", "egalite"},
		{"no-fly zone", "no-fly-zone"},
		{"Euro-Atlantic Disaster Response Coordination Centre", "euro-atlantic-disaster-response"},
		{"東京", ""},
		{"  --  ", ""},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoinFieldsIsStringsFieldsJoined(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\u00a0b", "a\nb c", "  ", "ab\u2003 cd", "a\xffb c",
	} {
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinFields(%q) = %q; want %q", s, got, want)
		}
	}
}
