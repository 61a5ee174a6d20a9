package driver

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/impose"
	"studyguide/builder/internal/checkers"
)

// pdfInfo returns the page count and the size, in points, of the first
// page, as pdfinfo reads them.
func pdfInfo(t *testing.T, file string) (pages int, width, height float64) {
	t.Helper()
	out := checkers.PDFInfo(t, file)
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(out); m != nil {
		pages, _ = strconv.Atoi(m[1])
	}
	if m := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(out); m != nil {
		width, _ = strconv.ParseFloat(m[1], 64)
		height, _ = strconv.ParseFloat(m[2], 64)
	}
	return pages, width, height
}

// halfText returns the text pdftotext finds on one half of a sheet side.
// pdftotext reads each half of all the sides of a file once.
func halfText(t *testing.T, file string, page int, right bool, width, height float64) string {
	t.Helper()
	x := 0
	if right {
		x = int(width / 2)
	}
	sides := checkers.PDFText(t, file, "-r", "72",
		"-x", strconv.Itoa(x), "-y", "0", "-W", strconv.Itoa(int(width/2)), "-H", strconv.Itoa(int(height)))
	if page < 1 || page > len(sides) {
		t.Fatalf("%s has %d sides, not a side %d", file, len(sides), page)
	}
	return sides[page-1]
}

// checkPrintable holds a PDF to what a print shop needs: qpdf finds
// nothing wrong and every font is embedded.
func checkPrintable(t *testing.T, file string) {
	t.Helper()
	if out := qpdfCheck(t, file); out != "" {
		t.Errorf("qpdf --check %s:\n%s", filepath.Base(file), out)
	}
	if bad := unembeddedFonts(t, file); len(bad) > 0 {
		t.Errorf("%s has fonts not embedded: %v", filepath.Base(file), bad)
	}
}

// TestSeedBookletAndTwoUp builds the seed as an A5 guide with both
// impositions and checks every sheet side: its size, and that the page
// number printed at the foot of each A5 page sits on the half of the side
// where saddle stitching (or two-up order) puts that page.
func TestSeedBookletAndTwoUp(t *testing.T) {
	out := seedPrint(t, "a5").dir
	reading := filepath.Join(out, "nato-peacekeeping.pdf")
	n, pw, ph := pdfInfo(t, reading)
	if n < 4 || math.Round(pw) != 420 || math.Round(ph) != 595 {
		t.Fatalf("the A5 guide has %d pages of %gx%g pt", n, pw, ph)
	}
	for _, c := range []struct {
		name  string
		mode  impose.Mode
		sides int
	}{
		{"booklet", impose.Booklet, (n + 3) / 4 * 2},
		{"2up", impose.TwoUp, (n + 1) / 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(out, "nato-peacekeeping-"+c.name+".pdf")
			sides, w, h := pdfInfo(t, file)
			if sides != c.sides {
				t.Errorf("%d sheet sides for %d pages, want %d", sides, n, c.sides)
			}
			if math.Round(w) != 842 || math.Round(h) != 595 {
				t.Errorf("sheet sides are %gx%g pt, want A4 landscape", w, h)
			}
			checkPrintable(t, file)
			order := impose.Order(n, c.mode)
			for i, side := range order {
				for _, half := range []struct {
					page  int
					right bool
				}{{side.Left, false}, {side.Right, true}} {
					text := halfText(t, file, i+1, half.right, w, h)
					if half.page == 0 || half.page > n {
						if strings.TrimSpace(text) != "" {
							t.Errorf("side %d, right %v should be blank: %q", i+1, half.right, text)
						}
						continue
					}
					if half.page == 1 {
						continue // the title page has no page number
					}
					foot := fmt.Sprintf("%d of %d", half.page, n)
					if !strings.Contains(text, foot) {
						t.Errorf("side %d, right %v: no %q; page %d belongs there", i+1, half.right, foot, half.page)
					}
				}
			}
		})
	}
	checkPrintable(t, reading)
}

// TestSeedRecapAndLargePrint builds the recap sheet in every built-in
// layout and the large-print guide.
func TestSeedRecapAndLargePrint(t *testing.T) {
	for _, layout := range []string{"a4", "a5", "letter", "half-letter", "large-print"} {
		t.Run(layout, func(t *testing.T) {
			out := seedPrint(t, layout).dir
			recap := filepath.Join(out, "nato-peacekeeping-recap.pdf")
			pages, _, _ := pdfInfo(t, recap)
			if pages != 1 {
				t.Fatalf("the recap has %d pages", pages)
			}
			checkPrintable(t, recap)
			text := strings.Join(strings.Fields(pdfText(t, recap)[0]), " ")
			for _, want := range []string{
				"NATO’s Involvement in Peacekeeping", // title
				"Operation Unified Protector: Libya", // at a glance
				"Rescue force",                       // the palace drawing's theme
				"Key terms",
				"NATO (North Atlantic Treaty Organization)", // the top-ranked term
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the recap lacks %q", want)
				}
			}
		})
	}
}

// TestLargePrintHasMorePagesAndBiggerType compares the seed in large print
// with the default A4 build.
func TestLargePrintHasMorePagesAndBiggerType(t *testing.T) {
	count := map[string]int{}
	for _, layout := range []string{"a4", "large-print"} {
		file := seedPrint(t, layout).pdf
		count[layout], _, _ = pdfInfo(t, file)
		checkPrintable(t, file)
		if layout == "large-print" {
			if size := bodyTypeSize(t, file); size < 14 {
				t.Errorf("large print sets most text at %g pt", size)
			}
		}
	}
	if count["large-print"] <= count["a4"] {
		t.Errorf("large print has %d pages, A4 %d", count["large-print"], count["a4"])
	}
}

// bodyTypeSize returns the type size most of the text of a PDF is set in:
// the size of the Tf operator that sets the most characters, read from
// the uncompressed content streams.
func bodyTypeSize(t *testing.T, file string) float64 {
	t.Helper()
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	checkers.Run(t, "qpdf", "--qdf", "--object-streams=disable", file, plain)
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	// Text objects set a font and size, then show strings: count the
	// bytes shown after each Tf.
	re := regexp.MustCompile(`/F\w+ ([\d.]+) Tf|<([0-9A-Fa-f]+)>|\(((?:[^()\\]|\\.)*)\)`)
	chars := map[float64]int{}
	size := 0.0
	for _, m := range re.FindAllSubmatch(data, -1) {
		switch {
		case m[1] != nil:
			size, _ = strconv.ParseFloat(string(m[1]), 64)
		case m[2] != nil:
			chars[size] += len(m[2]) / 4 // two bytes a glyph, two hex digits a byte
		default:
			chars[size] += len(m[3]) / 2
		}
	}
	best, most := 0.0, 0
	for s, n := range chars {
		if n > most || n == most && s > best {
			best, most = s, n
		}
	}
	return best
}
