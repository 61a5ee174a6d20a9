// Package outputs is the registry of what a build writes for a note: the
// EPUB and the PDF, the imposed copies of the PDF, and the outputs asked
// for by a flag of their own. Each output is one entry of All, with its
// name, the suffix of its file, what it is made from and the function
// that writes it. The command's flags and help and the driver's plan come
// from All; the driver alone handles temporary files, renaming them into
// place and stopping.
package outputs

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"studyguide/builder/anki"
	"studyguide/builder/cards"
	"studyguide/builder/epub"
	"studyguide/builder/guide"
	"studyguide/builder/impose"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

// Kind says how the command asks for an output.
type Kind int

const (
	// Format is the guide in a medium of its own. --format picks formats;
	// every format is written when it does not.
	Format Kind = iota
	// Imposition is another output laid out again for printing.
	// --imposition picks impositions.
	Imposition
	// Extra is written when its own flag, --NAME, asks for it.
	Extra
)

// String returns the kind's name as messages use it: "format".
func (k Kind) String() string {
	switch k {
	case Format:
		return "format"
	case Imposition:
		return "imposition"
	case Extra:
		return "extra"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Input is what an output is written from.
type Input struct {
	// Guide is the finished guide, with its study aids; it is shared by
	// the outputs written at the same time and must not be changed.
	Guide *guide.Guide
	// Layout is the page layout of the build.
	Layout *layouts.Layout
	// From holds the bytes of the output this one is made from (see
	// Output.From); nil when it is made from the guide.
	From []byte
	// Warn reports a problem met in the notes (a character no font can
	// draw) at a position in the note, or at -1 for none.
	Warn func(pos guide.Pos, msg string)
	// Settings holds the value of each setting of the output (see
	// Output.Settings), by name; a setting missing from it has its
	// default.
	Settings map[string]string
	// Done, when set, is for a writer to say that it has no more use for
	// the blocks of a top-level section and its subsections: the build
	// lets go of them once every output is done with them, which for a
	// long guide frees tens of megabytes while the last output is still
	// being written. A writer that never calls it is taken to be done
	// with every section once it returns.
	Done func(s *guide.Section)
}

// Setting returns the value of the output's setting named name: the one
// given in Settings, else the setting's default.
func (in Input) Setting(o Output, name string) string {
	if v, ok := in.Settings[name]; ok {
		return v
	}
	for _, s := range o.Settings {
		if s.Name == name {
			return s.Values[0]
		}
	}
	return ""
}

// Setting is a choice an output takes from a flag of its own, as the
// cards take --cards-flip short-edge.
type Setting struct {
	// Name names the setting and its flag, --NAME.
	Name string
	// Arg names the flag's value in the command's help: "EDGE".
	Arg string
	// Values are the values the setting takes; the first is its default.
	Values []string
	// Usage says what the setting chooses, for the command's help.
	Usage string
}

// File is the file an output is written to: a temporary file that the
// driver renames into place once every output of the note is written. An
// output writes through the File as an io.Writer, or, when its library
// wants a file name (an SQLite database), opens Path itself; it never
// does both.
type File struct {
	path string
	w    io.Writer
}

// NewFile returns the File at path that is written through w. Writing
// to w must end up at path.
func NewFile(path string, w io.Writer) *File {
	return &File{path: path, w: w}
}

// Path returns the name of the file.
func (f *File) Path() string { return f.path }

// Write writes p to the file.
func (f *File) Write(p []byte) (int, error) { return f.w.Write(p) }

// Output is one thing a build writes for a note.
type Output struct {
	// Name names the output in flags and messages: "pdf", "2up".
	Name string
	// Suffix follows the note's name in the output's file name: ".pdf",
	// "-2up.pdf".
	Suffix string
	// Kind says how the command asks for the output.
	Kind Kind
	// From names the output this one is made from, which must be written
	// too; empty when it is made from the guide.
	From string
	// Usage says what the output holds, for the command's help. Each line
	// after the first is a line of its own in the help.
	Usage string
	// Settings are the choices the output takes from flags of its own;
	// most outputs take none.
	Settings []Setting
	// Study is set for an output that reads the guide's study notes
	// (guide.Study: the key terms, key points and questions the study
	// aids found), not only the sections the aids made of them: a build
	// that writes no such output lets go of the notes before its writers
	// start, since for a long guide they are tens of megabytes.
	Study bool
	// Prepare, when set, starts in the background what the output needs
	// of the guide that the study aids do not change (the EPUB's cover),
	// once the note is read: the build calls it before it adds the aids,
	// which leave a core idle, and Write takes what it made.
	Prepare func(g *guide.Guide)
	// Write writes the output.
	Write func(in Input, out *File) error
}

// All returns the outputs in the order they are written: the outputs made
// from the guide in this order, each followed by those made from it in
// the order they were asked for. Each call returns a new slice.
func All() []Output {
	return []Output{
		{
			Name: "epub", Suffix: ".epub", Kind: Format,
			Usage:   "an EPUB 3 for e-readers",
			Prepare: epub.Prepare,
			Write: func(in Input, out *File) error {
				return epub.Write(out, in.Guide, epub.Options{})
			},
		},
		{
			Name: "pdf", Suffix: ".pdf", Kind: Format,
			Usage: "a printable PDF",
			Write: func(in Input, out *File) error {
				return pdf.Write(out, in.Guide, pdf.Options{Layout: in.Layout, Warn: in.Warn, Done: in.Done})
			},
		},
		{
			Name: "2up", Suffix: "-2up.pdf", Kind: Imposition, From: "pdf",
			Usage: "two pages side by side on each\nlandscape sheet (A5 on A4, half-letter on Letter)",
			Write: imposed(impose.TwoUp),
		},
		{
			Name: "booklet", Suffix: "-booklet.pdf", Kind: Imposition, From: "pdf",
			Usage: "sheets to print on both sides\n(flip on the short edge), stack and fold",
			Write: imposed(impose.Booklet),
		},
		{
			Name: "recap", Suffix: "-recap.pdf", Kind: Extra,
			Study: true,
			Usage: "a one-page recap sheet",
			Write: func(in Input, out *File) error {
				return pdf.WriteRecap(out, in.Guide, pdf.Options{Layout: in.Layout})
			},
		},
		flashcards(),
		{
			Name: "anki", Suffix: ".apkg", Kind: Extra,
			Study: true,
			Usage: "an Anki deck of the self-test's questions",
			Write: func(in Input, out *File) error {
				return anki.Write(out, in.Guide, anki.Options{Warn: in.Warn})
			},
		},
	}
}

// flashcards is the output of printable flashcards: eight cards a sheet,
// fronts and backs on pages that follow each other, the backs laid out
// for the edge the printer flips the sheet on.
func flashcards() Output {
	o := Output{
		Name: "flashcards", Suffix: "-cards.pdf", Kind: Extra,
		Study: true,
		Usage: "cards to print on both sides\nand cut: one per key term and per key point",
		Settings: []Setting{{
			Name: "cards-flip", Arg: "EDGE", Values: []string{"long-edge", "short-edge"},
			Usage: "the edge the printer turns the sheet on for the\ncards' backs: long-edge (default) or short-edge",
		}},
	}
	o.Write = func(in Input, out *File) error {
		return pdf.WriteCards(out, in.Guide, cards.Deck(in.Guide), pdf.CardOptions{
			Layout:    in.Layout,
			ShortEdge: in.Setting(o, "cards-flip") == "short-edge",
		})
	}
	return o
}

// imposed returns the writer of the PDF imposed in mode on the layout's
// sheet.
func imposed(mode impose.Mode) func(Input, *File) error {
	return func(in Input, out *File) error {
		width, height := in.Layout.SheetSize()
		return impose.Impose(out, in.From, mode, impose.Sheet{Width: width * ptPerMM, Height: height * ptPerMM})
	}
}

// ptPerMM converts millimetres to PDF points.
const ptPerMM = 72 / 25.4

// Lookup returns the output named name.
func Lookup(name string) (Output, bool) {
	for _, o := range All() {
		if o.Name == name {
			return o, true
		}
	}
	return Output{}, false
}

// Names returns the names of the outputs of a kind, in the order of All.
func Names(kind Kind) []string {
	var names []string
	for _, o := range All() {
		if o.Kind == kind {
			names = append(names, o.Name)
		}
	}
	return names
}

// Parse reads a comma-separated list of outputs of a kind, as --format
// and --imposition take it: names in any case, with spaces around them.
// It returns the names in the order given, each once, or an error naming
// the first that is not an output of the kind.
func Parse(kind Kind, list string) ([]string, error) {
	var names []string
	for _, n := range strings.Split(list, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if o, ok := Lookup(n); !ok || o.Kind != kind {
			return nil, fmt.Errorf("unknown %s %q (%ss: %s)", kind, n, kind, strings.Join(Names(kind), ", "))
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names, nil
}

// CheckSetting returns the error that says why value is not a value of
// the setting named name of any output, or nil when it is one. It also
// returns the output the setting belongs to.
func CheckSetting(name, value string) (Output, error) {
	for _, o := range All() {
		for _, s := range o.Settings {
			if s.Name != name {
				continue
			}
			if !slices.Contains(s.Values, value) {
				return o, fmt.Errorf("--%s %q: the values are %s", name, value, strings.Join(s.Values, ", "))
			}
			return o, nil
		}
	}
	return Output{}, fmt.Errorf("no output has a setting --%s", name)
}

// Flag returns how the command asks for the output: "--format pdf",
// "--imposition 2up", "--recap".
func (o Output) Flag() string {
	switch o.Kind {
	case Format:
		return "--format " + o.Name
	case Imposition:
		return "--imposition " + o.Name
	}
	return "--" + o.Name
}

// Needs returns the error that says the output cannot be written without
// the output it is made from.
func (o Output) Needs() error {
	verb := "is made from"
	if o.Kind == Imposition {
		verb = "imposes"
	}
	from, _ := Lookup(o.From)
	add := "add " + from.Name + " to --format"
	if from.Kind != Format {
		add = "add " + from.Flag()
	}
	return fmt.Errorf("%s %s the %s: %s", o.Flag(), verb, strings.ToUpper(o.From), add)
}
