// Package layouts holds the page and style presets that the writers use:
// one YAML file per printed layout (a4, letter, a5) and the e-book
// stylesheet. They are embedded in the binary; a user can name a layout
// file of their own by path.
package layouts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed *.yaml epub.css
var files embed.FS

// Default is the name of the layout used when none is asked for.
const Default = "a4"

// Layout describes a printed page: its size, margins and type sizes.
// Lengths are in millimetres, type sizes in points.
type Layout struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`

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

	BodySize float64 `yaml:"body_size"`
	// Leading is the line height as a multiple of the type size.
	Leading     float64   `yaml:"leading"`
	CodeSize    float64   `yaml:"code_size"`
	SmallSize   float64   `yaml:"small_size"` // footnotes, captions, header, footer
	TitleSize   float64   `yaml:"title_size"`
	HeadingSize []float64 `yaml:"heading_size"` // for section levels 1, 2, 3...
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

// Load returns a layout by built-in name, or by the path of a YAML file when
// the name contains a slash or ends in .yaml.
func Load(name string) (*Layout, error) {
	if strings.ContainsRune(name, '/') || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("layout: %w", err)
		}
		return parse(name, data)
	}
	data, err := files.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("layout %q: unknown (built-in layouts: %s)", name, strings.Join(Names(), ", "))
	}
	return parse(path.Join("layouts", name+".yaml"), data)
}

// parse decodes a layout strictly: an unknown key is an error naming the
// file and line.
func parse(file string, data []byte) (*Layout, error) {
	var l Layout
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%s: %s", file, strings.Join(te.Errors, "; "))
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := l.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &l, nil
}

func (l *Layout) check() error {
	switch {
	case l.Name == "":
		return errors.New("name is missing")
	case l.PageWidth < 50 || l.PageHeight < 50 || l.PageWidth > 2000 || l.PageHeight > 2000:
		return fmt.Errorf("page size %gx%g mm is out of range (50 to 2000 mm)", l.PageWidth, l.PageHeight)
	case l.MarginInner+l.MarginOuter >= l.PageWidth/2 || l.MarginTop+l.MarginBottom >= l.PageHeight/2:
		return errors.New("margins leave less than half the page for text")
	case l.BodySize < 5 || l.BodySize > 40:
		return fmt.Errorf("body_size %g pt is out of range (5 to 40)", l.BodySize)
	case l.Leading < 1 || l.Leading > 3:
		return fmt.Errorf("leading %g is out of range (1 to 3)", l.Leading)
	case l.CodeSize <= 0 || l.SmallSize <= 0 || l.TitleSize <= 0:
		return errors.New("code_size, small_size and title_size must be positive")
	case len(l.HeadingSize) == 0:
		return errors.New("heading_size needs at least one size")
	}
	return nil
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
