package epub

import "testing"

func TestXMLID(t *testing.T) {
	for in, want := range map[string]string{
		"":          "",
		"sources":   "sources",
		"kp-1_a.b":  "kp-1_a.b",
		"1999":      "x-1999",
		"-lead":     "x--lead",
		"a b<c>":    "a-b-c-",
		"ünïcode":   "x--n--code",
		"_private":  "_private",
		"&amp;here": "x-amp-here",
	} {
		if got := xmlID(in); got != want {
			t.Errorf("xmlID(%q) = %q; want %q", in, got, want)
		}
	}
}
