package epub

import (
	"strconv"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// Names of the files of the book. Pages and resources sit beside the
// package document in one folder, so that links between pages are bare
// file names.
const (
	rootDir     = "EPUB/"
	opfFile     = "package.opf"
	navFile     = "nav.xhtml"
	ncxFile     = "toc.ncx"
	cssFile     = "style.css"
	coverFile   = "cover.xhtml"
	coverImage  = "cover.png"
	titleFile   = "title.xhtml"
	licenceFile = "licence.xhtml"
	imageDir    = "images/"
	fontDir     = "fonts/"
)

// book is the plan of one EPUB: which page each part of the guide goes
// on, where every id of the guide can be found, and which images and
// footnotes each page carries. It is worked out before any page is
// written, so that a link can point forward to a page not yet written.
type book struct {
	g *guide.Guide
	// labels gives the words the writer adds, in the guide's language.
	labels *labels.Catalogue

	// sectionFiles holds the file of each top-level section, by index,
	// and files the files in reading order with the sections each holds.
	sectionFiles []string
	files        []sectionGroup
	// where maps every id of the guide to the file that holds it.
	where map[string]string
	// noteHome maps a footnote index to the file of its first reference;
	// a link to the footnote's id goes there.
	noteHome map[int]string
	// strays lists, per file, the footnotes that nothing references;
	// they are set at the end of the last page so their text is not lost.
	strays map[string][]int
	// noteIDs holds the id of each footnote's aside, by index.
	noteIDs []string
	// ids knows every id of the guide, so ids of the writer's own never
	// clash with them.
	ids *guide.IDs

	// fonts are the fonts the book embeds, fontNames their families as
	// a phrase ("Noto Serif, Noto Sans and Noto Sans Mono") and licences
	// the text of each licence they come under.
	fonts     []fontFile
	fontNames string
	licences  []string

	// svgFiles holds the files that draw a figure as inline SVG; their
	// manifest entries carry the "svg" property.
	svgFiles map[string]bool
	// mathFiles holds the pages that hold MathML; their manifest
	// entries say so.
	mathFiles map[string]bool
	// scenes are the drawings of the guide's figures, in order.
	scenes []*figure.Scene
	// figuresShown counts the figures of the guide, and figuresWithoutAlt
	// those of them with no text alternative.
	figuresShown, figuresWithoutAlt int

	// images are the loaded images the guide shows, in order of first use.
	images []*guide.ImageFile
	// imagesShown counts image placements that show a loaded image, and
	// imagesWithoutAlt those of them with no alternative text.
	imagesShown, imagesWithoutAlt int
	// otherLangs is set when the guide holds words or passages in
	// another language than its own, which the pages mark as such.
	otherLangs bool
	// hasCode is set when the guide has code, in a block or inline, and
	// hasMaths when it has a formula that its pages show as MathML: one
	// with a tree, in the text, in a heading or in the title.
	hasCode, hasMaths bool
	// symbols are the faces that tell which characters need the symbols
	// face. symbolText is set when a text of the guide's sections, intro or
	// footnotes has one, and textUnsure when one of them can only be
	// judged with the text around it (see scanner.textOf).
	symbols                symbolFaces
	symbolText, textUnsure bool
}

// sectionFile returns the file name of the i-th file of sections.
func sectionFile(i int) string {
	return "section-" + strconv.Itoa(i+1) + ".xhtml"
}

// maxSectionFiles is the most files the top-level sections are spread
// over. Each top-level section starts a file of its own, as a chapter
// starts a page, unless a guide has more sections than this: then runs
// of neighbouring sections share a file. A book of a hundred thousand
// files is one no reading system opens quickly (nor epubcheck checks).
const maxSectionFiles = 500

// sectionGroup is one file of top-level sections: those from first up to
// but not including end. When part is set, the file holds a part of one
// long section (see partsOf): its heading when head is set, then pieces of
// its blocks and whole subsections of it.
type sectionGroup struct {
	file       string
	first, end int

	part   bool
	head   bool
	blocks []guide.Block
	subs   []*guide.Section
}

// groupSections spreads the top-level sections over files: one a section,
// a long section cut into parts, or, past maxSectionFiles sections, runs
// of neighbouring sections sharing files as evenly as whole sections
// allow.
func (b *book) groupSections() []sectionGroup {
	n := len(b.g.Sections)
	per := 1
	if n > maxSectionFiles {
		per = (n + maxSectionFiles - 1) / maxSectionFiles
	}
	var groups []sectionGroup
	for first := 0; first < n; first += per {
		end := min(first+per, n)
		parts := []sectionGroup{{}}
		if end-first == 1 {
			if long := b.partsOf(b.g.Sections[first]); long != nil {
				parts = long
			}
		}
		for _, g := range parts {
			g.file, g.first, g.end = sectionFile(len(groups)), first, end
			groups = append(groups, g)
		}
	}
	return groups
}

// plan lays the guide out on pages.
func plan(g *guide.Guide) *book {
	b := &book{
		g:         g,
		labels:    labels.For(g.Meta.Lang),
		where:     make(map[string]string),
		noteHome:  make(map[int]string),
		strays:    make(map[string][]int),
		svgFiles:  make(map[string]bool),
		mathFiles: make(map[string]bool),
		symbols:   newSymbolFaces(),
	}
	s := &scanner{b: b, seenImage: make(map[*guide.ImageFile]bool)}
	s.inlinesMaths(g.Meta.TitleInlines)
	s.file = titleFile
	s.blocks(g.Intro)
	b.files = b.groupSections()
	for _, f := range b.files {
		s.file = f.file
		if f.part {
			sec := g.Sections[f.first]
			if f.head {
				b.sectionFiles = append(b.sectionFiles, f.file)
				s.id(sec.ID)
				s.textOf(sec)
				s.inlinesMaths(sec.Heading)
			}
			s.blocks(f.blocks)
			for _, c := range f.subs {
				s.section(c)
			}
			continue
		}
		for _, sec := range g.Sections[f.first:f.end] {
			b.sectionFiles = append(b.sectionFiles, f.file)
			s.section(sec)
		}
	}
	last := titleFile
	if n := len(b.files); n > 0 {
		last = b.files[n-1].file
	}
	s.file = last
	for i := range g.Footnotes {
		if _, ok := b.noteHome[i]; ok {
			continue
		}
		b.strays[last] = append(b.strays[last], i)
		s.note(i)
	}
	b.ids = guide.NewIDs(s.allIDs...)
	b.assignNoteIDs()
	return b
}
