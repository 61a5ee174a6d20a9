// Studyguide turns Markdown study notes into two study guides at once: an
// EPUB 3 for e-readers and a printable PDF for handouts.
//
// Usage:
//
//	studyguide build [-o DIR] [--format epub,pdf] [--layout NAME] [--strict]
//	                 [--chapters] [--imposition 2up,booklet] [--recap]
//	                 [--flashcards] [--anki]
//	                 [--cards-flip long-edge|short-edge]
//	                 [--no-summaries] [--no-palace] [--no-glossary]
//	                 [--resources DIR]... [--max-size SIZE] [PATH...]
//	studyguide watch [-o DIR] [flags of build] [PATH...]
//	studyguide init [DIR]
//	studyguide layouts
//	studyguide version
//	studyguide help
//
// The build command reads each note (.md, .markdown or .txt) and writes
// DIR/NAME.epub and DIR/NAME.pdf for a note NAME.md. A PATH may be a note or
// a folder of notes; with no PATH it builds every note in ./source. DIR
// defaults to ./out. Each output is written to a temporary file and renamed
// into place, so a build that fails leaves earlier outputs whole.
//
// A folder that holds a course.yaml is a course: the notes that file lists
// are the chapters of one book, written as DIR/FOLDER.epub and
// DIR/FOLDER.pdf (and every extra output named the same way), with one
// contents, one at-a-glance table and one glossary for the whole course.
//
// Flags of build:
//
//	-o, --out DIR      the output folder (default out)
//	--format LIST      formats to write, comma-separated: epub, pdf (default both)
//	--layout NAME      a built-in page layout (a4, letter, a5, half-letter,
//	                   large-print; "studyguide layouts" lists them) or the
//	                   path of a layout file (default a4)
//	--imposition LIST  also write the PDF imposed for printing, comma-separated:
//	                   2up writes NAME-2up.pdf, two pages side by side on each
//	                   landscape sheet; booklet writes NAME-booklet.pdf, sheets
//	                   to print on both sides (flip on the short edge), stack
//	                   and fold. The sheet is the layout's: A4 for a5, Letter
//	                   for half-letter. Needs the pdf format.
//	--recap            also write NAME-recap.pdf: one page with the title, the
//	                   at-a-glance table, the mind palace drawn small and the
//	                   most important key terms
//	--flashcards       also write NAME-cards.pdf: a card per key term and
//	                   per key point, eight to a sheet of the layout's
//	                   paper, a page of fronts followed by the page of
//	                   their backs, to print on both sides and cut
//	--cards-flip EDGE  the edge the printer turns the sheet on when it
//	                   prints the backs of the flashcards: long-edge (the
//	                   default; the backs reverse their columns) or
//	                   short-edge (the backs reverse their rows)
//	--chapters         with a course, also write each of its notes as a
//	                   guide of its own beside the course's book
//	--anki             also write NAME.apkg: the self-test's questions as an
//	                   Anki deck, one note each, that Anki 2.1.50 and later
//	                   import with File > Import. Importing a rebuilt deck
//	                   adds new questions and keeps the notes Anki has, with
//	                   their reviews; it deletes none
//	--strict           treat warnings as errors: when a note has a warning,
//	                   nothing is written and the output folder stays as
//	                   it was
//	--no-summaries     leave out the summary tables and the at-a-glance table
//	--no-palace        leave out the mind-palace pages
//	--no-glossary      leave out the glossary
//	--resources DIR    also read images from DIR, as pandoc's --resource-path
//	                   does; may be given more than once. An image is read
//	                   from the note's folder, else from each DIR in turn;
//	                   one whose path leaves the note's folder
//	                   ("../images/x.png") is read when the path leads
//	                   into a DIR. No other file outside the note's folder
//	                   is read: such an image is a warning, and its alt
//	                   text is shown.
//	--max-size SIZE    the largest note read, in bytes or with a unit:
//	                   KiB, MiB, GiB (or KB, MB, GB in powers of 1000);
//	                   default 32MiB. A larger note is an error.
//
// A layout file is YAML with the keys of the built-in layouts (see the
// layouts folder of the source): page size and margins in millimetres,
// fonts (serif, sans or mono for body, headings and code), type sizes in
// points, header (title-and-section, title or none), footer
// (page-of-pages, page or none) and sheet (the paper imposed copies are
// printed on), and break_before_sections (true starts each top-level
// section but the first on a new page). "extends: NAME" starts from a
// built-in layout, or from another file given by a path relative to this
// one, so a file need only say what it changes:
//
//	extends: a4
//	body_size: 12
//	fonts:
//	  body: sans
//
// An unknown key or a value out of range is an error naming the file and
// the line.
//
// Problems in the notes are printed on standard error as
// file:line:col: warning|error: message. The build date written into the
// outputs comes from SOURCE_DATE_EPOCH when it is set, else from the note's
// front-matter date, else a fixed date, so rebuilding the same notes gives
// byte-identical files.
//
// The build lets its heap grow to five times what its last collection of
// garbage kept, up to about 256 MiB or a quarter again what it keeps,
// whichever is more, so even a note of the largest size read fits a small
// machine. GOGC and GOMEMLIMIT, when set, take the place of those figures.
//
// The watch command takes the flags and paths of build. It builds, then
// watches the folders of the notes (with their sub-folders), of the
// resources and of the layout file, and rebuilds once a saved file has
// been quiet for a fifth of a second: a note rebuilds its own guide, or its
// course when it is a chapter of one; course.yaml rebuilds its course; an
// image or a layout file rebuilds every guide. Editors that save by
// renaming a new file over the old one are seen as well as those that
// write in place. Each build prints its problems, the outputs it wrote
// and the time it took; a build that fails keeps the last good outputs.
// Ctrl-C (SIGINT) or SIGTERM stops the watch at once, even in the middle
// of a build, with exit status 0 and no temporary file left.
//
// The init command writes a starter course into DIR (the current folder
// when there is none), making the folder when it is missing: course.yaml,
// which names the course and lists its notes in chapter order, and two
// short notes whose comments show how key points, key terms, dates and a
// mind-palace section are written. "studyguide build --strict DIR" builds
// it without a warning. Init never overwrites a file: when any of the
// three is already there it names it, writes nothing and exits 1.
//
// The version command prints the module version of the binary, or for a
// build from a git checkout the revision it was built from, whether the
// tree had changes not yet committed ("modified") and the time of the
// revision; then the Go release that built it.
//
// Exit status: 0 when everything was built, 1 when a build failed, 2 when
// the command was used wrongly.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	preferHugePages(os.Getenv)
	paceGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
