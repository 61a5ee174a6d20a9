package enrich

import (
	"slices"
	"testing"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"in 1999", []string{"1999"}},
		{"until 2021", []string{"2021"}},
		{"In 2011, NATO led the operation", []string{"2011"}},
		{"during the 1990s", []string{"1990s"}},
		{"the 1990's saw change", []string{"1990s"}},
		{"from the 1990s to the 2000s", []string{"1990s", "2000s"}},
		{"the 1980s–1990s", []string{"1980s–1990s"}},
		{"2014–2021", []string{"2014–2021"}},
		{"2014-2021", []string{"2014–2021"}},
		{"2014 – 2021", []string{"2014–2021"}},
		{"from 2014 to 2021", []string{"2014–2021"}},
		{"between 1939 and 1945", []string{"1939–1945"}},
		{"1939–45", []string{"1939–45"}},
		{"1999 to stop ethnic cleansing", []string{"1999"}},
		{"12 April 1961", []string{"1961"}},
		{"April 12, 1961", []string{"1961"}},
		{"in 1200 BC", []string{"1200 BC"}},
		{"in 1999 and again in 1999", []string{"1999"}},
		{"after the 2005 earthquake", []string{"2005"}},
		{"1999", []string{"1999"}},

		// Numbers that name or count things.
		{"Resolution 1973", nil},
		{"UN Security Council Resolution 1973 (2011)", []string{"2011"}},
		{"Article 5", nil},
		{"Article 1999", nil},
		{"Chapter 7", nil},
		{"chapter 1200 of the code", nil},
		{"Apollo 11", nil},
		{"Flight 1549", nil},
		{"Vostok 1 flew on 12 April 1961", []string{"1961"}},
		{"No. 1999", nil},
		{"p. 1200", nil},
		{"#1999", nil},
		{"page 2001", nil},
		{"ISBN 1234", nil},
		{"108 minutes", nil},
		{"1973 km", nil},
		{"1500 troops", nil},
		{"from 1500 to 2000 troops", nil},
		{"$1500", nil},
		{"1500 %", nil},
		{"1,500 people", nil},
		{"1999.5", nil},
		{"3.1999", nil},
		{"12:1999", nil},
		{"555-1999", nil},
		{"2099 and 2100", []string{"2099"}},
		{"999 and 0999", nil},
		{"A320 and B1999", nil},
		{"2021–2014", []string{"2021", "2014"}},
	}
	for _, tt := range tests {
		if got := findDates(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("findDates(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestIsDateText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"1990s", true},
		{"the 1990s", true},
		{"1999", true},
		{"108", true},
		{"12 April 1961", true},
		{"2014–2021", true},
		{"21st", true},
		{"Apollo 11", false},
		{"Resolution 1973", false},
		{"KFOR", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isDateText(tt.text); got != tt.want {
			t.Errorf("isDateText(%q) = %t, want %t", tt.text, got, tt.want)
		}
	}
}
