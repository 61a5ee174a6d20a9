package fonts

import (
	"encoding/binary"
	"slices"
	"testing"
)

// words encodes 16-bit words big-endian.
func words(w ...int) []byte {
	b := make([]byte, 2*len(w))
	for i, v := range w {
		binary.BigEndian.PutUint16(b[2*i:], uint16(v))
	}
	return b
}

// gsubOf returns a GSUB table whose lookup list holds one lookup for each
// subtable, of the given type.
func gsubOf(lookups ...[]byte) []byte {
	list := words(len(lookups))
	at := 2 + 2*len(lookups)
	var body []byte
	for _, l := range lookups {
		list = append(list, words(at+len(body))...)
		body = append(body, l...)
	}
	return slices.Concat(words(1, 0, 0, 0, 10), list, body)
}

// lookupOf returns a lookup of one subtable.
func lookupOf(kind int, subtable []byte) []byte {
	return append(words(kind, 0, 1, 8), subtable...)
}

// syntheticGSUB chains the lookup types that the embedded fonts do not
// use: 5 → 6 7 (multiple, coverage format 2), 7 → 9 (single format 2
// behind an extension), 9 → 11 (reverse chaining), and a ligature of 20
// and 21 into 22. The lookups are listed against the order they apply in.
func syntheticGSUB() []byte {
	return gsubOf(
		lookupOf(8, words(1, 12, 0, 0, 1, 11, 1, 1, 9)),
		lookupOf(4, words(1, 18, 1, 8, 1, 4, 22, 2, 21, 1, 1, 20)),
		lookupOf(7, append(words(1, 1, 0, 8), words(2, 8, 1, 9, 1, 1, 7)...)),
		lookupOf(2, words(1, 14, 1, 8, 2, 6, 7, 2, 1, 5, 5, 0)),
	)
}

func TestAddSubstitutesFollowsEveryLookupType(t *testing.T) {
	for _, tc := range []struct {
		start, want []int
	}{
		{[]int{5}, []int{5, 6, 7, 9, 11}},
		{[]int{20}, []int{20}},
		{[]int{21}, []int{21}},
		{[]int{20, 21}, []int{20, 21, 22}},
	} {
		keep := make([]bool, 30)
		for _, g := range tc.start {
			keep[g] = true
		}
		if err := addSubstitutes(syntheticGSUB(), keep); err != nil {
			t.Fatal(err)
		}
		var got []int
		for g, k := range keep {
			if k {
				got = append(got, g)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("from %v: kept %v, want %v", tc.start, got, tc.want)
		}
	}
}

func TestAddSubstitutesRejectsCutTables(t *testing.T) {
	gsub := syntheticGSUB()
	for n := range len(gsub) {
		keep := make([]bool, 30)
		keep[5] = true
		if err := addSubstitutes(gsub[:n], keep); err == nil {
			t.Errorf("a GSUB table cut at %d of %d bytes was accepted", n, len(gsub))
		}
	}
}

func FuzzAddSubstitutes(f *testing.F) {
	f.Add(syntheticGSUB())
	file, err := parseSFNT(mustRead(f, "noto/NotoSerif-Regular.ttf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file.table("GSUB"))
	f.Fuzz(func(t *testing.T, gsub []byte) {
		keep := make([]bool, 4000)
		for g := range keep {
			keep[g] = g%7 == 0
		}
		addSubstitutes(gsub, keep)
	})
}

func TestAddSubstitutesBoundsHostileTables(t *testing.T) {
	// One lookup lists the same subtable 40 times; the subtable maps every
	// glyph id of a full-range coverage table.
	const n = 40
	lookup := words(1, 0, n)
	for range n {
		lookup = append(lookup, words(6+2*n)...)
	}
	lookup = append(lookup, words(1, 6, 1, 2, 1, 0, 0xFFFF, 0)...)
	keep := make([]bool, 0x10000)
	keep[1] = true
	if err := addSubstitutes(gsubOf(lookup), keep); err == nil {
		t.Error("a GSUB table of 2.6 million substitutions was accepted")
	}
}
