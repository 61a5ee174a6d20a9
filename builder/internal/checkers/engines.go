package checkers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The reading engines are foliate-js and epub.js, the engines of many web
// and desktop reading apps, run in headless Chromium by the harness in
// tools/engines (engines.mjs): it opens a book paginated as a reader
// would, goes to the pages of the study aids and measures what is shown
// there. It needs node, the harness's npm packages (npm ci in that
// folder) and Chromium.

// EnginesDir returns the folder of the reading-engines harness.
func EnginesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "tools", "engines")
}

// chromium returns the browser the harness runs: CHROMIUM when set, else
// Debian's /usr/bin/chromium, else chromium on the PATH.
func chromium() (string, error) {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	return exec.LookPath("chromium")
}

// missingEngines says what the harness lacks, or returns nil.
func missingEngines() error {
	if _, err := exec.LookPath("node"); err != nil {
		return err
	}
	if _, err := chromium(); err != nil {
		return err
	}
	for _, pkg := range []string{"puppeteer-core", "foliate-js", "epubjs"} {
		if _, err := os.Stat(filepath.Join(EnginesDir(), "node_modules", pkg, "package.json")); err != nil {
			return fmt.Errorf("the npm package %s is not installed (npm ci in %s): %v", pkg, EnginesDir(), err)
		}
	}
	return nil
}

// Box is a rectangle in CSS pixels of the reader's window, from its top
// left corner.
type Box struct{ X, Y, W, H float64 }

// Bottom returns the box's lower edge, Right its right edge.
func (b Box) Bottom() float64 { return b.Y + b.H }

// Right returns the box's right edge.
func (b Box) Right() float64 { return b.X + b.W }

// Cell is a table cell's box and the start of its text.
type Cell struct {
	Box
	Text string
}

// Pixels says what a screenshot, or part of one, looks like: the share
// of near-white pixels, the share that differ clearly from the page (ink)
// and the mean relative luminance, 0 (black) to 1 (white).
type Pixels struct {
	NearWhite, Ink, MeanLuminance float64
}

// EngineView is what the harness saw on the page of one study aid of a
// book, in one engine, window size and theme.
type EngineView struct {
	Book, Engine  string
	Width, Height int
	Theme         string // "light" or "dark"
	// Target is the study aid ("summary", "glossary", "palace",
	// "selftest") and Href the place the engine was sent to, empty when
	// the book has no such aid.
	Target, Href string
	// Page is the box one page is shown in, Column the width of the text
	// column the engine set.
	Page   Box
	Column float64
	// TargetOnPage says whether the aid's element is on the page shown.
	TargetOnPage bool
	// Overflow is how far any box on the page reaches past the page's
	// right or left edge.
	Overflow struct{ Right, Left float64 }
	// RowsOnPage counts the rows of the aid's table wholly on the page,
	// and Row holds the shown cells of the first of them.
	RowsOnPage int
	Row        []Cell
	// Figure, SVG and Caption are the boxes of the palace figure, its
	// drawing and its caption on the page (one each when not split).
	Figure, SVG, Caption []Box
	// TextLuminance is the luminance of the fill of each text of the
	// drawing, or -1 where it is not a plain colour.
	TextLuminance []float64
	// TextColour is the luminance of the page's text colour.
	TextColour float64
	// Screen describes the whole window, Pixels the drawing's part of it.
	Screen Pixels
	Pixels *Pixels
	// Shot is the screenshot's file, when one was asked for.
	Shot string
	// Errors are the script errors the page raised.
	Errors []string
}

// Engines opens every book in both engines in each view, one run of the
// browser for all, and returns what the harness measured, a view's
// targets in order. A view is "SIZE:THEME:TARGET+TARGET", such as
// "400x700:dark:summary+palace". It skips or fails the test as Require
// does when the harness cannot run, and fails it when the harness does.
func Engines(t testing.TB, views []string, books ...string) []EngineView {
	t.Helper()
	Require(t, "engines")
	out, err := RunEngines(views, "", books...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// RunEngines is Engines without a test; with shots set, the harness also
// saves a screenshot of every page into that folder.
func RunEngines(views []string, shots string, books ...string) ([]EngineView, error) {
	if err := missingEngines(); err != nil {
		return nil, err
	}
	browser, _ := chromium()
	args := []string{"engines.mjs"}
	if shots != "" {
		args = append(args, "--shots", shots)
	}
	for _, v := range views {
		args = append(args, "--view", v)
	}
	for _, b := range books {
		abs, err := filepath.Abs(b)
		if err != nil {
			return nil, err
		}
		args = append(args, abs)
	}
	cmd := exec.Command("node", args...)
	cmd.Dir = EnginesDir()
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	var seen []EngineView
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v EngineView
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("engines harness: %v in %s", err, sc.Bytes())
		}
		seen = append(seen, v)
	}
	return seen, sc.Err()
}
