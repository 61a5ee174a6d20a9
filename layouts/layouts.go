// Package layouts holds the page and style presets that the writers use:
// one YAML file per printed layout (a4, letter, a5, half-letter,
// large-print) and the e-book stylesheet. They are embedded in the binary.
//
// A user names a layout file of their own by path. Such a file has the
// same keys as the built-in ones; with "extends" it names a layout to
// start from (a built-in name, or a path relative to the file) and sets
// only what it changes. Every file is decoded strictly: an unknown key or
// a value out of range is an error naming the file and the line.
package layouts

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

//go:embed *.yaml epub.css
var files embed.FS

// Default is the name of the layout used when none is asked for.
const Default = "a4"

// Layout describes a printed page: its size, margins, typefaces, type
// sizes, running head and foot, and the sheet it is imposed on. Lengths
// are in millimetres, type sizes in points.
type Layout struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	// Extends names the layout this one starts from. It is read when the
	// file is loaded and is empty in a loaded Layout.
	Extends string `yaml:"extends"`

	PageWidth  float64 `yaml:"page_width"`
	PageHeight float64 `yaml:"page_height"`

	MarginTop    float64 `yaml:"margin_top"`
	MarginBottom float64 `yaml:"margin_bottom"`
	// MarginInner is the margin at the spine; on a single-sided layout it
	// is the left margin.
	MarginInner float64 `yaml:"margin_inner"`
	MarginOuter float64 `yaml:"margin_outer"`
	// Mirrored swaps inner and outer margins on even pages, for duplex
	// printing.
	Mirrored bool `yaml:"mirrored"`

	Fonts Fonts `yaml:"fonts"`

	BodySize float64 `yaml:"body_size"`
	// Leading is the line height as a multiple of the type size.
	Leading     float64   `yaml:"leading"`
	CodeSize    float64   `yaml:"code_size"`
	TableSize   float64   `yaml:"table_size"` // tables, study tables among them
	SmallSize   float64   `yaml:"small_size"` // footnotes, captions, header, footer
	TitleSize   float64   `yaml:"title_size"`
	HeadingSize []float64 `yaml:"heading_size"` // for section levels 1, 2, 3...

	// BreakBeforeSections starts each top-level section of the notes on
	// a new page, the first aside: the introduction flows on into it.
	// By default sections follow on where the one before ends.
	BreakBeforeSections bool `yaml:"break_before_sections"`

	// Header is what the running head shows; Footer what the running
	// foot shows.
	Header Header `yaml:"header"`
	Footer Footer `yaml:"footer"`

	// Sheet is the paper that imposed copies (two pages a side, or a
	// folded booklet) are printed on, in landscape.
	Sheet Paper `yaml:"sheet"`
}

// Fonts names the embedded family each part of the page is set in:
// "serif", "sans" or "mono".
type Fonts struct {
	Body     string `yaml:"body"`     // running text, tables, footnotes
	Headings string `yaml:"headings"` // titles, headings, running head
	Code     string `yaml:"code"`     // code spans and blocks
}

// Families are the family names a layout may give in Fonts.
var Families = []string{"serif", "sans", "mono"}

// Header is what the running head at the top of a page shows.
type Header string

// The running heads a layout may ask for.
const (
	// HeaderTitleSection shows the guide's title and the section's; on a
	// mirrored layout the title on even pages and the section on odd ones.
	HeaderTitleSection Header = "title-and-section"
	HeaderTitle        Header = "title"
	HeaderNone         Header = "none"
)

// Footer is what the running foot at the bottom of a page shows.
type Footer string

// The running feet a layout may ask for.
const (
	FooterPageOfPages Footer = "page-of-pages" // "3 of 12"
	FooterPage        Footer = "page"          // "3"
	FooterNone        Footer = "none"
)

// Paper is the name of a paper size a sheet can be: a3, a4, letter,
// legal or tabloid.
type Paper string

// papers holds the portrait size of each paper, in millimetres.
var papers = map[Paper][2]float64{
	"a3":      {297, 420},
	"a4":      {210, 297},
	"letter":  {215.9, 279.4},
	"legal":   {215.9, 355.6},
	"tabloid": {279.4, 431.8},
}

// SheetSize returns the width and height, in millimetres, of the sheet in
// landscape.
func (l *Layout) SheetSize() (width, height float64) {
	p := papers[l.Sheet]
	return p[1], p[0]
}

// Names lists the built-in layouts in alphabetical order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// IsFile reports whether Load reads name as the path of a layout file
// rather than the name of a built-in layout.
func IsFile(name string) bool {
	return strings.ContainsRune(name, '/') || strings.ContainsRune(name, filepath.Separator) ||
		strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// Load returns a layout by built-in name, or by the path of a YAML file when
// IsFile says name is one.
func Load(name string) (*Layout, error) {
	l, err := load(name, "", nil)
	if err != nil {
		return nil, err
	}
	l.Extends = ""
	return l, nil
}

// load reads the layout name, named from the file dir (empty for the
// command line or a built-in file). chain holds the files that extend it,
// the one that named it last.
func load(name, dir string, chain []string) (*Layout, error) {
	file := path.Join("layouts", name+".yaml")
	var data []byte
	var err error
	if IsFile(name) {
		file = name
		if dir != "" && !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		dir = filepath.Dir(file)
		data, err = os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("layout: %w", err)
		}
	} else if data, err = files.ReadFile(name + ".yaml"); err != nil {
		return nil, fmt.Errorf("layout %q: unknown (built-in layouts: %s)", name, strings.Join(Names(), ", "))
	}
	if abs, err := filepath.Abs(file); err == nil && IsFile(name) {
		file = abs
	}
	if slices.Contains(chain, file) {
		return nil, loopError(append(chain, file))
	}
	return decode(file, data, dir, append(chain, file))
}

// loopError is a chain of layouts that extend each other in a circle.
type loopError []string

func (e loopError) Error() string {
	return "layouts extend each other in a loop: " + strings.Join(e, " extends ")
}

// HeadingSizeFor returns the heading type size for a section level (1 for a
// top-level section); levels deeper than the list use its last size.
func (l *Layout) HeadingSizeFor(level int) float64 {
	if level < 1 {
		level = 1
	}
	if level > len(l.HeadingSize) {
		level = len(l.HeadingSize)
	}
	return l.HeadingSize[level-1]
}

// Stylesheet returns the e-book stylesheet.
func Stylesheet() []byte {
	b, _ := files.ReadFile("epub.css")
	return b
}
