package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"studyguide/builder/aids"
	"studyguide/builder/driver"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

// Exit statuses.
const (
	exitOK    = 0
	exitBuild = 1
	exitUsage = 2
)

// usage is the command's help. What comes from the registries of outputs
// and study aids (the formats, the impositions, a --NAME flag per extra
// output and a --no-NAME flag per study aid) is written in by makeUsage
// when the help is first shown.
var usage = sync.OnceValue(func() string { return makeUsage(usageTemplate) })

// usageTemplate is the help with a {{...}} mark wherever makeUsage
// writes in a part that comes from a registry.
const usageTemplate = `studyguide turns Markdown study notes into an EPUB 3 and a printable PDF.

Usage:
  studyguide build [-o DIR] [--format {{formats}}] [--layout NAME] [--strict]
                   [--imposition {{impositions}}]{{extras}}
                   {{aids}}
                   [--chapters] [--resources DIR]... [--max-size SIZE] [PATH...]
  studyguide watch [-o DIR] [flags of build] [PATH...]
  studyguide init [DIR]  write a starter course into DIR (default .)
  studyguide layouts     list the built-in page layouts
  studyguide version     print the version and the revision it was built from
  studyguide help        print this help

build reads each note (.md, .markdown, .txt) and writes DIR/NAME.epub and
DIR/NAME.pdf. A PATH is a note or a folder of notes (default: source).
A folder with a course.yaml is a course: its notes, in the order the file
lists them, are the chapters of one book, DIR/FOLDER.epub and DIR/FOLDER.pdf.

Flags of build:
  -o, --out DIR     output folder (default out)
  --format LIST     formats to write, comma-separated: {{formats}} (default {{every format}})
  --layout NAME     page layout: a built-in name or a layout file (default a4)
  --imposition LIST also write the PDF imposed for printing, comma-separated:
{{imposition lines}}{{extra flags}}  --strict          treat warnings as errors; write nothing if there are any
  --chapters        with a course, also write each of its notes as a guide
                    of its own
{{aid flags}}  --resources DIR   also read images from DIR, for notes whose images are
                    in another folder ("../images/x.png"); repeatable
  --max-size SIZE   largest note read, in bytes or with KiB, MiB, GiB
                    (default 32MiB)

watch builds as build does, then rebuilds what a saved note, course.yaml,
image or layout file changes, printing the problems and the time each
build took, until Ctrl-C. A build that fails keeps the last good outputs.

init writes course.yaml and two short notes into DIR, a course to build
and edit; it never overwrites a file.

SOURCE_DATE_EPOCH, when set, is the date written into the outputs.
GOMEMLIMIT, when set, replaces the 1.2 GiB heap size the build keeps near.
`

// makeUsage writes the parts of the help that come from the registries
// into a help template.
func makeUsage(template string) string {
	var impositions, extras, aidSynopsis strings.Builder
	var extraFlags, aidFlags strings.Builder
	for _, o := range outputs.All() {
		switch o.Kind {
		case outputs.Imposition:
			// The name in a column of its own under --imposition.
			lines := strings.Split(o.Usage, "\n")
			lines[0] = fmt.Sprintf("%-8s NAME%s, %s", o.Name, o.Suffix, lines[0])
			for i := 1; i < len(lines); i++ {
				lines[i] = strings.Repeat(" ", 9) + lines[i]
			}
			flagHelp(&impositions, "", strings.Join(lines, "\n"))
		case outputs.Extra:
			fmt.Fprintf(&extras, " [--%s]", o.Name)
			flagHelp(&extraFlags, "--"+o.Name, "also write NAME"+o.Suffix+", "+o.Usage)
		}
		for _, st := range o.Settings {
			fmt.Fprintf(&extras, " [--%s %s]", st.Name, strings.Join(st.Values, "|"))
			flagHelp(&extraFlags, "--"+st.Name+" "+st.Arg, st.Usage)
		}
	}
	for _, a := range aids.All() {
		if aidSynopsis.Len() > 0 {
			aidSynopsis.WriteString(" ")
		}
		fmt.Fprintf(&aidSynopsis, "[--no-%s]", a.Name)
		flagHelp(&aidFlags, "--no-"+a.Name, "leave out "+a.Adds)
	}
	formats := outputs.Names(outputs.Format)
	every := "all"
	if len(formats) == 2 {
		every = "both"
	}
	return strings.NewReplacer(
		"{{formats}}", strings.Join(formats, ","),
		"{{every format}}", every,
		"{{impositions}}", strings.Join(outputs.Names(outputs.Imposition), ","),
		"{{imposition lines}}", impositions.String(),
		"{{extras}}", wrapSynopsis(extras.String(), synopsisStart+len(strings.Join(outputs.Names(outputs.Imposition), ","))+1),
		"{{extra flags}}", extraFlags.String(),
		"{{aids}}", aidSynopsis.String(),
		"{{aid flags}}", aidFlags.String(),
	).Replace(template)
}

// synopsisIndent is where the lines of the synopsis of build start, and
// synopsisStart how long its line of impositions is before their names.
const (
	synopsisIndent = 19
	synopsisStart  = synopsisIndent + len("[--imposition ")
	synopsisWidth  = 79
)

// wrapSynopsis breaks the synopsis items in s ("[--recap] [--flashcards]")
// onto lines of the synopsis, the first of which already holds used
// characters.
func wrapSynopsis(s string, used int) string {
	var b strings.Builder
	for _, item := range strings.SplitAfter(s, "]") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if used+1+len(item) > synopsisWidth {
			b.WriteString("\n" + strings.Repeat(" ", synopsisIndent-1))
			used = synopsisIndent - 1
		}
		b.WriteString(" " + item)
		used += 1 + len(item)
	}
	return b.String()
}

// flagHelp writes the help of one flag: the flag and its argument, then
// its text in a column of its own, continued on further lines at each
// newline.
func flagHelp(b *strings.Builder, flag, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			flag = ""
		}
		fmt.Fprintf(b, "  %-17s %s\n", flag, line)
	}
}

// run is the whole command with its surroundings passed in, so tests can
// call it. It returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr, getenv)
	case "watch":
		return runWatch(ctx, args[1:], stdout, stderr, getenv)
	case "init":
		return runInit(args[1:], stdout, stderr, getenv)
	case "layouts":
		return runLayouts(stdout, stderr)
	case "version", "--version":
		return runVersion(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage())
		return exitOK
	default:
		fmt.Fprintf(stderr, "studyguide: unknown command %q\n\n%s", args[0], usage())
		return exitUsage
	}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	opts, code := buildOptions("build", args, stderr, getenv)
	if code != exitOK {
		return code
	}
	return report(ctx, opts, stdout, stderr)
}

// buildOptions reads the flags and paths of build (and of watch, which
// takes the same, named by command in messages) into driver options. It
// returns exitOK, or exitUsage once it has said what is wrong.
func buildOptions(command string, args []string, stderr io.Writer, getenv func(string) string) (driver.Options, int) {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var opts driver.Options
	var formats, maxSize, impositions string
	extras := map[string]*bool{}
	var strict bool
	fs.StringVar(&opts.OutDir, "o", driver.DefaultOutDir, "")
	fs.StringVar(&opts.OutDir, "out", driver.DefaultOutDir, "")
	fs.StringVar(&formats, "format", "", "")
	fs.StringVar(&opts.Layout, "layout", layouts.Default, "")
	fs.BoolVar(&strict, "strict", false, "")
	fs.BoolVar(&opts.Chapters, "chapters", false, "")
	leaveOut := map[string]*bool{}
	for _, a := range aids.All() {
		leaveOut[a.Name] = fs.Bool("no-"+a.Name, false, "")
	}
	fs.StringVar(&maxSize, "max-size", "", "")
	fs.Var((*folderList)(&opts.Resources), "resources", "")
	fs.StringVar(&impositions, "imposition", "", "")
	settings := map[string]*string{}
	for _, o := range outputs.All() {
		if o.Kind == outputs.Extra {
			extras[o.Name] = fs.Bool(o.Name, false, "")
		}
		for _, st := range o.Settings {
			settings[st.Name] = fs.String(st.Name, "", "")
		}
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "studyguide %s: %v\n\n%s", command, err, usage())
		return opts, exitUsage
	}
	opts.Paths = paths
	opts.Strict = strict
	for _, a := range aids.All() {
		if *leaveOut[a.Name] {
			opts.LeaveOut = append(opts.LeaveOut, a.Name)
		}
	}
	if err := chooseOutputs(&opts, formats, impositions, extras); err != nil {
		fmt.Fprintf(stderr, "studyguide %s: %v\n", command, err)
		return opts, exitUsage
	}
	if err := chooseSettings(&opts, fs, settings); err != nil {
		fmt.Fprintf(stderr, "studyguide %s: %v\n", command, err)
		return opts, exitUsage
	}
	if maxSize != "" {
		n, err := parseSize(maxSize)
		if err != nil {
			fmt.Fprintf(stderr, "studyguide %s: --max-size: %v\n", command, err)
			return opts, exitUsage
		}
		opts.MaxInputSize = n
	}
	if _, err := layouts.Load(opts.Layout); err != nil {
		fmt.Fprintf(stderr, "studyguide %s: %v\n", command, err)
		return opts, exitUsage
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		secs, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "studyguide %s: SOURCE_DATE_EPOCH=%q is not a number of seconds\n", command, s)
			return opts, exitUsage
		}
		t := time.Unix(secs, 0).UTC()
		opts.SourceDate = &t
	}
	return opts, exitOK
}

// report builds what opts names and reports it: the diagnostics and any
// failure on stderr, the outputs written on stdout. It returns the exit
// status of the build.
func report(ctx context.Context, opts driver.Options, stdout, stderr io.Writer) int {
	prog := newProgress(stderr)
	if prog != nil {
		opts.Progress = prog.update
	}
	res, err := driver.Build(ctx, opts)
	prog.end()
	for _, d := range res.Diagnostics {
		fmt.Fprintln(stderr, d)
	}
	var warned *driver.WarningsError
	if err != nil {
		if errors.As(err, &warned) {
			fmt.Fprintf(stderr, "studyguide build: %s with --strict; nothing was written\n", driver.CountWarnings(warned.Warnings))
		} else if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "studyguide build: interrupted; earlier outputs are untouched")
		} else {
			fmt.Fprintf(stderr, "studyguide build: %v\n", err)
		}
		return exitBuild
	}
	for _, out := range res.Outputs {
		fmt.Fprintf(stdout, "wrote %s\n", out)
	}
	return exitOK
}

// folderList is a flag that may be given more than once, each time with
// a folder.
type folderList []string

func (l *folderList) String() string { return strings.Join(*l, ", ") }

func (l *folderList) Set(dir string) error {
	if dir == "" {
		return errors.New("a folder is needed")
	}
	*l = append(*l, dir)
	return nil
}

// chooseOutputs sets opts.Outputs from the flags: the formats of the
// --format list (every format when it is empty), the impositions of the
// --imposition list and the extra outputs whose flag is set.
func chooseOutputs(opts *driver.Options, formats, impositions string, extras map[string]*bool) error {
	names := outputs.Names(outputs.Format)
	if formats != "" {
		var err error
		if names, err = outputs.Parse(outputs.Format, formats); err != nil {
			return err
		}
	}
	if impositions != "" {
		imposed, err := outputs.Parse(outputs.Imposition, impositions)
		if err != nil {
			return err
		}
		names = append(names, imposed...)
	}
	for _, o := range outputs.All() {
		if o.Kind == outputs.Extra && *extras[o.Name] {
			names = append(names, o.Name)
		}
	}
	checked, err := driver.CheckOutputs(names)
	opts.Outputs = checked
	return err
}

// chooseSettings sets opts.Settings from the flags of the outputs'
// settings that were given. A setting must have one of its values, and
// its output must be written.
func chooseSettings(opts *driver.Options, fs *flag.FlagSet, settings map[string]*string) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		v, ok := settings[f.Name]
		if !ok || err != nil {
			return
		}
		var o outputs.Output
		if o, err = outputs.CheckSetting(f.Name, *v); err != nil {
			return
		}
		if !slices.Contains(opts.Outputs, o.Name) {
			err = fmt.Errorf("--%s is a setting of %s, which is not written: add %s", f.Name, o.Flag(), o.Flag())
			return
		}
		if opts.Settings == nil {
			opts.Settings = map[string]string{}
		}
		opts.Settings[f.Name] = *v
	})
	return err
}

// sizeUnits are the units --max-size accepts, longest first so that
// "MiB" is not read as "B".
var sizeUnits = []struct {
	name string
	size int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30},
	{"B", 1},
}

// parseSize reads a size such as "64MiB", "500 KB" or "1048576" (bytes).
// Units are case-insensitive; KiB, MiB and GiB (and K, M, G) count in
// powers of 1024, KB, MB and GB in powers of 1000.
func parseSize(s string) (int64, error) {
	num := strings.TrimSpace(s)
	unit := int64(1)
	for _, u := range sizeUnits {
		if len(num) > len(u.name) && strings.EqualFold(num[len(num)-len(u.name):], u.name) {
			num, unit = strings.TrimSpace(num[:len(num)-len(u.name)]), u.size
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 || v*float64(unit) > 1<<62 {
		return 0, fmt.Errorf("%q is not a size such as 64MiB or 1048576", s)
	}
	return int64(v * float64(unit)), nil
}

// parseInterspersed parses flags that may stand before, between or after
// the paths, as in "build notes.md -o dist", and returns the paths. A lone
// "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// runLayouts lists the built-in layouts: name, page size, body size, the
// sheet that imposed copies are printed on, and what the layout is for.
func runLayouts(stdout, stderr io.Writer) int {
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tPAGE\tBODY\tSHEET\tFOR")
	for _, name := range layouts.Names() {
		l, err := layouts.Load(name)
		if err != nil {
			fmt.Fprintf(stderr, "studyguide layouts: %v\n", err)
			return exitBuild
		}
		fmt.Fprintf(tw, "%s\t%g × %g mm\t%g pt\t%s\t%s\n", l.Name, l.PageWidth, l.PageHeight, l.BodySize, l.Sheet, l.Description)
	}
	tw.Flush()
	return exitOK
}
