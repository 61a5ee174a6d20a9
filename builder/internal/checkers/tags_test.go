package checkers

import (
	"slices"
	"strings"
	"testing"
)

// TestWalkContent holds the content walker to what it must catch: text or
// a path painted outside marked content, an MCID inside an artifact or
// used twice, a sequence that crosses a text object, one left open.
func TestWalkContent(t *testing.T) {
	cases := []struct {
		name, content string
		mcids         []int
		problem       string // a problem the walker must report; "" for none
	}{
		{"marked", "/P <</MCID 0>> BDC\nBT (a) Tj ET\nEMC\n/Artifact BMC\n0 0 m 1 1 l S\nEMC\n/H1 <</MCID 1>> BDC BT [(b) 2 (c)] TJ ET EMC", []int{0, 1}, ""},
		{"strings hide operators", "/P <</MCID 0>> BDC BT (EMC \\) Tj \\(BDC) Tj <454D43> Tj ET EMC", []int{0}, ""},
		{"text outside", "/P <</MCID 0>> BDC BT (a) Tj ET EMC\nBT (b) Tj ET", []int{0}, "1 Tj outside marked content"},
		{"path outside", "0 0 m 1 1 l S\n10 10 20 20 re f", nil, "1 S outside marked content"},
		{"image outside", "q 1 0 0 1 0 0 cm /I1 Do Q", nil, "1 Do outside marked content"},
		{"mcid in artifact", "/Artifact BMC /P <</MCID 3>> BDC BT (a) Tj ET EMC EMC", []int{3}, "MCID 3 inside an artifact"},
		{"mcid twice", "/P <</MCID 2>> BDC BT (a) Tj ET EMC /P <</MCID 2>> BDC BT (b) Tj ET EMC", []int{2, 2}, "MCID 2 is used twice"},
		{"crosses a text object", "BT /P <</MCID 0>> BDC (a) Tj ET EMC", []int{0}, "different sides of BT or ET"},
		{"left open", "/P <</MCID 0>> BDC BT (a) Tj ET", []int{0}, "left open"},
		{"closed twice", "/P <</MCID 0>> BDC BT (a) Tj ET EMC EMC", []int{0}, "EMC with no marked content open"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mcids, problems := walkContent([]byte(c.content))
			if !slices.Equal(mcids, c.mcids) {
				t.Errorf("MCIDs %v, want %v", mcids, c.mcids)
			}
			all := strings.Join(problems, "\n")
			switch {
			case c.problem == "" && len(problems) > 0:
				t.Errorf("problems in good content:\n%s", all)
			case c.problem != "" && !strings.Contains(all, c.problem):
				t.Errorf("problems %q, want one saying %q", problems, c.problem)
			}
		})
	}
}

// TestParseStructText reads an outline as pdfinfo -struct-text prints it.
func TestParseStructText(t *testing.T) {
	out := `Document
  H1 (block)
    "Title on"
    "two lines"
  Table (block)
    TR
      TH:
         /Scope /Column
        "Year"
      TD
        Link (inline)
          "1999"
          Object 12 0
  Figure
    Link (inline)
      Object 13 0
`
	root := parseStructText(out)
	if len(root.Kids) != 1 || root.Kids[0].Type != "Document" {
		t.Fatalf("root kids %+v", root.Kids)
	}
	if h := root.All("H1"); len(h) != 1 || h[0].Text != "Title ontwo lines" {
		t.Errorf("H1 %+v", h)
	}
	th := root.All("TH")
	if len(th) != 1 || th[0].Text != "Year" || !slices.Equal(th[0].Attrs, []string{"/Scope /Column"}) {
		t.Errorf("TH %+v", th)
	}
	if td := root.All("TD"); len(td) != 1 || td[0].AllText() != "1999" {
		t.Errorf("TD %+v", td)
	}
	if f := root.All("Figure"); len(f) != 1 || len(f[0].Kids) != 1 || f[0].Kids[0].Type != "Link" {
		t.Errorf("Figure %+v", f)
	}
}
