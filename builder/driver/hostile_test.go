package driver

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/markdown"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

// The hostile notes are the inputs teachers feed the builder without
// meaning to (exports from other tools, pasted text, broken images) and
// inputs built to break it. Each case is built with Build as the command
// would, in a folder of its own:
//
//	base/secret.png, base/secret.txt   files beside the notes' folder
//	base/notes/NOTE                    the note, the pictures it uses, and
//	                                   links pointing out to the secrets
//	base/out/                          the output folder
//
// and must give the expected exit status and diagnostic, leave nothing in
// the output folder but finished outputs, and put nothing of the secrets in
// them. Every EPUB page must decode as strict XML and carry no script, and
// every PDF must pass qpdf --check. epubcheck takes seconds a book, so it
// runs on a representative few; STUDYGUIDE_HOSTILE_EPUBCHECK=all runs it on
// every book.

// Markers the secrets beside the notes' folder carry; no output may hold
// them.
const (
	secretMarker = "SECRET-7f3a9c-do-not-ship"
	secretWidth  = 7
	secretHeight = 13
)

// hostileCase is one hostile note.
type hostileCase struct {
	// name names the case; the note is testdata/hostile/NAME.md unless
	// make or write gives it.
	name string
	// as is the file name the note is built under, when not NAME.md.
	as string
	// make makes the note's text, for notes too big to keep in testdata.
	make func() []byte
	// write writes the note file itself (a sparse file, a pipe).
	write func(t *testing.T, path string)
	// fails says the build must fail (exit status 1).
	fails bool
	// want is part of a diagnostic or of the error; empty means that the
	// note must build without any diagnostic.
	want string
	// epubcheck runs epubcheck on the book.
	epubcheck bool
	// outDir makes the output folder in base, when not base/out.
	outDir func(t *testing.T, base string) string
	// resources makes resource folders in base and returns them.
	resources func(base string) ([]string, error)
	// check makes more checks on a book that was built.
	check func(t *testing.T, b hostileBuild)
}

// hostileBuild is what a hostile note built into.
type hostileBuild struct {
	epub  map[string][]byte // the EPUB's entries
	pdf   string            // the PDF's path
	diags diag.List
}

var hostileCases = []hostileCase{
	// Not text at all: refused, naming the file.
	{name: "empty", fails: true, want: "1:1: error: nothing to build: the note is empty"},
	{name: "blank", fails: true, want: "nothing to build: the note holds only blank lines"},
	{name: "binary-png", fails: true, want: "it is a binary file"},
	{name: "nul-in-text", fails: true, want: "3:10: error: the note holds NUL bytes"},
	{name: "controls", fails: true, want: "mostly control characters"},
	{name: "utf32", fails: true, want: "1:1: error: the note is UTF-32 text"},
	{name: "frontmatter-only", fails: true, want: "nothing to build: the note holds front matter but no text"},
	{name: "too-large", fails: true, want: "more than the 32 MiB a note may have", write: func(t *testing.T, path string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(DefaultMaxInputSize + 1); err != nil { // sparse: costs no disk
			t.Fatal(err)
		}
	}},
	{name: "pipe", fails: true, want: "not a regular file", write: func(t *testing.T, path string) {
		if err := exec.Command("mkfifo", path).Run(); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
	}},
	{name: "output-blocked", fails: true, want: "output folder", outDir: func(t *testing.T, base string) string {
		blocker := filepath.Join(base, "out")
		if err := os.WriteFile(blocker, []byte("a file where the folder should be"), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(blocker, "guides")
	}, make: func() []byte { return []byte("# Notes\n\nFine text.\n") }},
	{name: "output-read-only", fails: true, want: "permission denied", outDir: func(t *testing.T, base string) string {
		if os.Geteuid() == 0 {
			t.Skip("permissions do not bind the superuser")
		}
		dir := filepath.Join(base, "out")
		if err := os.Mkdir(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		return dir
	}, make: func() []byte { return []byte("# Notes\n\nFine text.\n") }},

	// Encodings and line ends: read as the author meant.
	{name: "latin1", want: "1:6: warning: the note is not valid UTF-8 here and in 3 other places"},
	{name: "bom-crlf", want: ""},
	{name: "utf16le", want: `3:1: warning: no embedded font can print some characters: "😀" (U+1F600), at 3:1;`, check: wantText("Ελληνικά, Русский and 😀")},
	{name: "utf16be", want: `3:1: warning: no embedded font can print some characters: "😀" (U+1F600), at 3:1;`, check: wantText("Ελληνικά, Русский")},
	{name: "utf16-no-bom", want: "1:1: warning: the note has no byte order mark but looks like UTF-16 (little-endian)", check: wantText("without a byte order mark")},
	{name: "old-mac", want: "", check: wantText("Lines end in carriage returns")},
	{name: "xml-forbidden", want: "3:5: warning: control characters cannot be shown and are removed and in 7 other places"},

	// Shapes: no headings, only headings, nesting, sizes.
	{name: "headings-only", want: "9:1: warning: heading has no text"},
	{name: "no-headings", want: "", check: wantText("Just text, no headings at all")},
	{name: "mixed-nesting", want: "warning: lists and quotes nested more than 12 levels deep are flattened"},
	{name: "deep-quotes", want: "1:24: warning: lists and quotes nested more than 12 levels deep", make: func() []byte {
		return []byte(strings.Repeat("> ", 5000) + "Deep down.\n")
	}},
	{name: "deep-lists", want: "lists and quotes nested more than 12 levels deep", make: func() []byte {
		var b strings.Builder
		b.WriteString("# Deep lists\n\n")
		for i := range 300 {
			fmt.Fprintf(&b, "%s- level %d\n", strings.Repeat("  ", i), i)
		}
		return []byte(b.String())
	}},
	{name: "long-line", want: "3:1: warning: this paragraph is 256 KiB long; it is cut into 65 paragraphs of about 4 KiB", make: func() []byte {
		var b strings.Builder
		b.WriteString("# One line\n\n")
		for i := 0; b.Len() < 256<<10; i++ {
			fmt.Fprintf(&b, "word%d **bold%d** ", i%977, i%89)
		}
		return []byte(b.String())
	}},
	{name: "long-word", want: "this paragraph is 98 KiB long", make: func() []byte {
		return []byte("# Word\n\nBefore " + strings.Repeat("abcdefghij", 10_000) + " after.\n")
	}},
	{name: "word-3000", want: "", make: func() []byte {
		return []byte("# Word\n\nBefore " + strings.Repeat("abcdefghij", 300) + " after.\n")
	}, check: func(t *testing.T, b hostileBuild) {
		// The word is broken to fit the PDF's lines.
		for _, page := range pdfText(t, b.pdf) {
			for _, line := range strings.Split(page, "\n") {
				if n := utf8.RuneCountInString(line); n > 150 {
					t.Errorf("a PDF line of %d characters: the long word was not broken", n)
				}
			}
		}
	}},
	{name: "many-sections", want: "warning: the mind palace would have 1000 stations; only the first 120 are drawn", make: func() []byte {
		var b strings.Builder
		b.WriteString("# Many sections\n\n")
		for i := range 1000 {
			fmt.Fprintf(&b, "## Section %d\n\n- **Point %d**: the **term %d** in %d.\n\n", i, i, i, 1900+i%100)
		}
		return []byte(b.String())
	}},
	{name: "thousands-of-sections", want: "warning: the mind palace would have 5000 stations", epubcheck: true, make: func() []byte {
		var b strings.Builder
		b.WriteString("# Thousands of sections\n\n")
		for i := range 5000 {
			fmt.Fprintf(&b, "## Section %d\n\nSome **term %d** in %d and a [link](https://example.org/%d).\n\n", i, i, 1900+i%100, i)
		}
		return []byte(b.String())
	}, check: func(t *testing.T, b hostileBuild) {
		// Before, each section was a file and the contents listed each:
		// epubcheck overflowed its stack on the contents, and took a
		// minute a thousand files.
		files := 0
		for name := range b.epub {
			if strings.Contains(name, "/section-") {
				files++
			}
		}
		if files > 500 {
			t.Errorf("5000 sections went into %d files", files)
		}
		if links := strings.Count(string(b.epub["EPUB/nav.xhtml"]), "<a "); links > 1010 {
			t.Errorf("the contents hold %d links", links)
		}
		wantText("Section 4999 Some term 4999 in 1999")(t, b)
	}},
	{name: "chapter-of-thousands", make: func() []byte {
		var b strings.Builder
		b.WriteString("# Title\n\n## One chapter\n\n")
		for i := range 8000 {
			fmt.Fprintf(&b, "### Part %d\n\nText of part %d with the **term %d**.\n\n", i, i, i)
		}
		return []byte(b.String())
	}, check: func(t *testing.T, b hostileBuild) {
		fewIDsAPage(3000)(t, b)
		wantText("Text of part 7999 with the term 7999.")(t, b)
	}},
	{name: "long-heading", want: "3:1: warning: this heading is 5999 characters long"},
	{name: "wide-table", want: "a table of 100 columns and 21 rows is too large to lay out; it is shown as text"},

	// Markdown built to stall a parser: all read in linear time.
	{name: "pathological-emphasis", want: "this paragraph is", make: func() []byte {
		return []byte("# Emphasis\n\n" + strings.Repeat("*a_ ", 50_000) + "\n\n" + strings.Repeat("a**b"+strings.Repeat("c* ", 20), 2000) + "\n")
	}},
	{name: "pathological-links", want: "this paragraph is", make: func() []byte {
		return []byte("# Links\n\n" + strings.Repeat("[a](<b", 30_000) + "\n\n" + strings.Repeat("[", 50_000) + "a" + strings.Repeat("]", 50_000) + "\n")
	}},
	{name: "link-definitions", want: "this paragraph has 20001 lines", make: func() []byte {
		var b strings.Builder
		b.WriteString("# References\n\nSee [the last one][r19999].\n\n")
		for i := range 20_000 {
			fmt.Fprintf(&b, "[r%d]: https://example.org/%d\n", i, i)
		}
		b.WriteString("Text after them.\n")
		return []byte(b.String())
	}},
	{name: "footnote-mess", want: "footnote [^1] is defined more than once"},
	{name: "many-footnotes", want: "this paragraph is", make: func() []byte {
		var b strings.Builder
		b.WriteString("# Footnotes\n\n")
		for i := range 20_000 {
			fmt.Fprintf(&b, "t[^f%d] ", i)
		}
		b.WriteString("\n\n")
		for i := range 20_000 {
			fmt.Fprintf(&b, "[^f%d]: note %d\n", i, i)
		}
		return []byte(b.String())
	}, check: func(t *testing.T, b hostileBuild) {
		wantText("note 19999")(t, b)
		// epubcheck compares the ids of a page with each other: a page of
		// 40,000 ids took it hours.
		fewIDsAPage(3000)(t, b)
	}},
	{name: "raw-html-line", want: "3:6: warning: raw HTML <b> is not supported", make: func() []byte {
		return []byte("# One line\n\n" + strings.Repeat("some <b>bold</b> &amp; ", 40_000) + "\n")
	}, check: func(t *testing.T, b hostileBuild) {
		if len(b.diags) < 80_000 || b.diags[len(b.diags)-1].Line != 3 || b.diags[len(b.diags)-1].Col < 900_000 {
			t.Errorf("%d diagnostics, the last %v: want one for each tag, far along line 3", len(b.diags), b.diags[len(b.diags)-1])
		}
	}},

	// Front matter.
	{name: "yaml-malformed", fails: true, want: "3:1: error: front matter: did not find expected ',' or ']'"},
	{name: "yaml-wrong-types", fails: true, want: `2:1: error: front matter key "title" must be text, not a list`},
	{name: "yaml-alias-bomb", fails: true, want: "front matter: document contains excessive aliasing"},
	{name: "frontmatter-latin1", want: "2:11: warning: the note is not valid UTF-8 here and in 6 other places", check: wantText("Caf\uFFFD notes")},
	{name: "yaml-many-keys", fails: true, want: "10002:1: error: front matter: it sets more than 10000 keys", make: func() []byte {
		var b strings.Builder
		b.WriteString("---\ntitle: Keys\n")
		for i := range 30_000 {
			fmt.Fprintf(&b, "key%d: value %d\n", i, i)
		}
		b.WriteString("---\n# Keys\n\nText.\n")
		return []byte(b.String())
	}},
	{name: "toml-deep", fails: true, want: "front matter: lists or tables are nested more than 64 levels deep", make: func() []byte {
		return []byte("+++\nx = " + strings.Repeat("{a=", 50_000) + "1" + strings.Repeat("}", 50_000) + "\n+++\n# Deep\n\nText.\n")
	}},

	// Images: nothing from outside the notes' folder, nothing from the web.
	{name: "image-missing", want: `3:20: warning: image file "nowhere.png" not found; its alt text is shown instead`, check: wantText("the missing diagram")},
	// A way out of the folder is a warning: the file is never read, the
	// alt text is shown and the build goes on.
	{name: "image-parent", want: `3:15: warning: image "../secret.png" leaves the note's folder; it is not read, and its alt text is shown instead`, check: wantText("Climbing out: secret")},
	{name: "image-absolute", want: `3:1: warning: image "/etc/passwd" is an absolute path; it is not read`, check: func(t *testing.T, b hostileBuild) {
		wantText("passwd and drive")(t, b)
		wantDiagnostics(t, b, `3:28: warning: image "C:\\Windows\\secret.png" is an absolute path; it is not read`)
	}},
	{name: "image-symlink", want: `3:17: warning: image "link.png" is a symbolic link that leads out of the note's folder; it is not read`, check: func(t *testing.T, b hostileBuild) {
		wantText("Through a link: linked and a folder link in folder")(t, b)
		wantDiagnostics(t, b, `3:55: warning: image "up/secret.png" is a symbolic link that leads out of the note's folder; it is not read`)
	}},
	// A resources folder lets images in, and nothing more: its own
	// links out are refused, and so is the secret beside it.
	{name: "image-resources", want: `3:35: warning: image "../res/evil.png" is a symbolic link that leads out of its resources folder; it is not read`, resources: func(base string) ([]string, error) {
		res := filepath.Join(base, "res")
		if err := os.Mkdir(res, 0o755); err != nil {
			return nil, err
		}
		pic, err := os.ReadFile(filepath.Join("testdata", "hostile", "pic.png"))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(res, "ok.png"), pic, 0o644); err != nil {
			return nil, err
		}
		return []string{res}, os.Symlink("../secret.png", filepath.Join(res, "evil.png"))
	}, check: func(t *testing.T, b hostileBuild) {
		wantText(", a linked out one and beside.")(t, b)
		wantDiagnostics(t, b, `3:76: warning: image "../secret.png" leaves the note's folder; it is not read`)
		images := 0
		for name := range b.epub {
			if strings.HasPrefix(name, "EPUB/images/") {
				images++
			}
		}
		if images != 1 {
			t.Errorf("the EPUB holds %d pictures, want 1 (ok.png)", images)
		}
	}},
	{name: "image-remote", want: `is on the web and is never fetched`},
	{name: "image-not-image", want: `image "fake.png" is not a PNG or JPEG file`},
	{name: "image-bomb", want: `image "bomb.png" is 20000×20000 pixels; no side may be over 10000`},
	{name: "image-damaged", want: `3:12: warning: image "truncated.png" is damaged (the file is cut short); its alt text is shown instead`, check: func(t *testing.T, b hostileBuild) {
		wantText("cut picture")(t, b)
		wantDiagnostics(t, b, `3:50: warning: image "zero.png" is not a PNG or JPEG file`,
			`3:100: warning: image "short-trns.png" is damaged (the transparency does not fit the colours)`)
		for _, d := range b.diags {
			if strings.Contains(d.Message, "empty-chunk.png") || strings.Contains(d.Message, "cannot be read for the PDF") {
				t.Errorf("the whole picture is refused: %s", d)
			}
		}
		if n := pdfImageCount(t, b.pdf); n != 1 {
			t.Errorf("the PDF holds %d pictures, want the whole one", n)
		}
	}},
	{name: "image-repeated", want: "", check: func(t *testing.T, b hostileBuild) {
		var images []string
		for name := range b.epub {
			if strings.Contains(name, "/images/") {
				images = append(images, name)
			}
		}
		if len(images) != 1 {
			t.Errorf("the EPUB packs %d picture files, want the one picture once: %v", len(images), images)
		}
	}},

	// Raw HTML and links: escaped or dropped, never live.
	{name: "raw-html", want: "raw HTML <script> element is left out", epubcheck: true, check: wantText("with an event attribute")},
	{name: "unsafe-links", want: "a link to a javascript: address is removed", epubcheck: true, check: wantText("run, spaced, entity")},

	// Characters: the PDF says what it cannot draw, the EPUB keeps them.
	{name: "emoji-scripts", want: "no embedded font can print some characters", epubcheck: true, check: wantText("Smile 😀, family 👩\u200d👩\u200d👧")},
	{name: "odd-name", as: "odd name &<'\">.md", want: "", epubcheck: true, check: wantText("Odd name &<'\">")},
	{name: "long-name", as: strings.Repeat("x", 246) + ".md", want: "", make: func() []byte { return []byte("# Long name\n\nText.\n") }},
	{name: "scripts-once", want: `warning: no embedded font can print some characters: "🦄" (U+1F984), "ไ" (U+0E44)`, make: func() []byte {
		return []byte("# Scripts\n\n- **Key point**: the **🦄 unicorn** in 1999 and **ไทย** too.\n- **Other point**: the **한글 term** in 2001.\n")
	}, check: func(t *testing.T, b hostileBuild) {
		// The study aids repeat the key terms in tables, the palace and
		// the glossary: the characters are still one warning, at the
		// places the notes have them.
		n := 0
		for _, d := range b.diags {
			if strings.Contains(d.Message, "no embedded font") {
				n++
				if !strings.Contains(d.Message, "at 3:") || !strings.Contains(d.Message, "4:") {
					t.Errorf("the warning does not name the places: %s", d)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d warnings about characters no font has, want 1", n)
		}
	}},
}

// wantText checks that the EPUB's pages hold text (as a screen reader
// would read it, white space collapsed).
func wantText(text string) func(t *testing.T, b hostileBuild) {
	return func(t *testing.T, b hostileBuild) {
		t.Helper()
		var all strings.Builder
		for _, name := range sortedKeys(b.epub) {
			if strings.HasSuffix(name, ".xhtml") {
				all.WriteString(xhtmlText(t, b.epub[name]))
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(all.String()), " "), text) {
			t.Errorf("the EPUB does not say %q", text)
		}
	}
}

// fewIDsAPage checks that no page of the EPUB holds more than limit ids.
func fewIDsAPage(limit int) func(t *testing.T, b hostileBuild) {
	return func(t *testing.T, b hostileBuild) {
		t.Helper()
		for _, name := range sortedKeys(b.epub) {
			if n := bytes.Count(b.epub[name], []byte(` id="`)); strings.HasSuffix(name, ".xhtml") && n > limit {
				t.Errorf("%s holds %d ids", name, n)
			}
		}
	}
}

// hostileRun is a hostile note laid out and built as the command would
// build it.
type hostileRun struct {
	// notePath is the note, outDir the output folder, name the name of
	// the outputs in it.
	notePath, outDir, name string
	// res and err are what Build returned.
	res *Result
	err error
	// setupErr says why the files around the note could not be laid out;
	// skip, why they cannot be here.
	setupErr error
	skip     string
}

// sharable reports whether the case's build can be shared between tests:
// it needs no test to lay out its files.
func (c hostileCase) sharable() bool { return c.write == nil && c.outDir == nil }

// allHostileEpubcheck reports whether epubcheck is to run on every hostile
// note that builds.
func allHostileEpubcheck() bool { return os.Getenv("STUDYGUIDE_HOSTILE_EPUBCHECK") == "all" }

// hostileRuns are the sharable hostile cases built so far, by name.
var hostileRuns = struct {
	sync.Mutex
	m map[string]*hostileMemo
}{m: map[string]*hostileMemo{}}

// hostileMemo is one sharable hostile case, built once.
type hostileMemo struct {
	once sync.Once
	run  hostileRun
}

// hostileOnce lays out and builds a sharable hostile case once for all
// the tests of the package, among their shared outputs.
func hostileOnce(c hostileCase) hostileRun {
	hostileRuns.Lock()
	m := hostileRuns.m[c.name]
	if m == nil {
		m = &hostileMemo{}
		hostileRuns.m[c.name] = m
	}
	hostileRuns.Unlock()
	m.once.Do(func() {
		base, err := scratchDir("hostile-" + c.name)
		if err != nil {
			m.run.setupErr = err
			return
		}
		m.run = buildHostile(c, base, nil, nil)
	})
	return m.run
}

// buildHostile lays out a hostile case in base (see the comment at the
// top of this file) and builds it. write writes the note instead of the
// case's text, and outDir makes the output folder, for a case that has
// them.
func buildHostile(c hostileCase, base string, write func(notePath string), outDir func(base string) string) (r hostileRun) {
	assets, err := hostileAssets()
	if err != nil {
		r.setupErr = err
		return r
	}
	notes := filepath.Join(base, "notes")
	if err := os.Mkdir(notes, 0o755); err != nil {
		r.setupErr = err
		return r
	}
	for name, data := range assets.outside {
		if err := os.WriteFile(filepath.Join(base, name), data, 0o644); err != nil {
			r.setupErr = err
			return r
		}
	}
	for name, data := range assets.inside {
		if err := os.WriteFile(filepath.Join(notes, name), data, 0o644); err != nil {
			r.setupErr = err
			return r
		}
	}
	for name, target := range assets.links {
		if err := os.Symlink(target, filepath.Join(notes, name)); err != nil {
			r.skip = fmt.Sprintf("no symbolic links here: %v", err)
			return r
		}
	}
	r.notePath = filepath.Join(notes, c.name+".md")
	if c.as != "" {
		r.notePath = filepath.Join(notes, c.as)
	}
	switch {
	case write != nil:
		write(r.notePath)
	case c.make != nil:
		r.setupErr = os.WriteFile(r.notePath, c.make(), 0o644)
	default:
		data, err := os.ReadFile(filepath.Join("testdata", "hostile", c.name+".md"))
		if err == nil {
			err = os.WriteFile(r.notePath, data, 0o644)
		}
		r.setupErr = err
	}
	if r.setupErr != nil {
		return r
	}
	r.outDir = filepath.Join(base, "out")
	if outDir != nil {
		r.outDir = outDir(base)
	}
	r.name = strings.TrimSuffix(filepath.Base(r.notePath), ".md")
	var resources []string
	if c.resources != nil {
		if resources, r.setupErr = c.resources(base); r.setupErr != nil {
			return r
		}
	}
	r.res, r.err = Build(context.Background(), Options{Paths: []string{r.notePath}, OutDir: r.outDir, Resources: resources})
	return r
}

// TestHostileNotes builds every hostile note and holds it to what the
// builder promises (see the comment at the top of this file).
func TestHostileNotes(t *testing.T) {
	if len(hostileCases) < 30 {
		t.Fatalf("only %d hostile notes", len(hostileCases))
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var r hostileRun
			if c.sharable() {
				r = hostileOnce(c)
			} else {
				var write func(string)
				if c.write != nil {
					write = func(path string) { c.write(t, path) }
				}
				var outDir func(string) string
				if c.outDir != nil {
					outDir = func(base string) string { return c.outDir(t, base) }
				}
				r = buildHostile(c, t.TempDir(), write, outDir)
			}
			if r.setupErr != nil {
				t.Fatal(r.setupErr)
			}
			if r.skip != "" {
				t.Skip(r.skip)
			}
			notePath, outDir, res, err := r.notePath, r.outDir, r.res, r.err
			var said []string
			for _, d := range res.Diagnostics {
				said = append(said, d.String())
			}
			if err != nil {
				said = append(said, err.Error())
			}
			report := strings.Join(said, "\n")
			if len(report) > 4000 {
				report = report[:4000] + "…"
			}
			switch {
			case c.fails && err == nil:
				t.Fatalf("built; want a failure (exit status 1). It said:\n%s", report)
			case !c.fails && err != nil:
				t.Fatalf("failed; want a build (exit status 0). It said:\n%s", report)
			case c.want == "" && len(said) > 0:
				t.Errorf("want no diagnostic; it said:\n%s", report)
			case c.want != "" && !strings.Contains(strings.Join(said, "\n"), c.want):
				t.Errorf("want a message with %q; it said:\n%s", c.want, report)
			}

			if c.fails {
				if c.outDir == nil && !strings.Contains(err.Error(), notePath) {
					t.Errorf("the error does not name the note %s: %v", notePath, err)
				}
				if files := filesIn(t, outDir); len(files) > 0 {
					t.Errorf("a failed build left %v in the output folder", files)
				}
				return
			}

			name := r.name
			if files, want := filesIn(t, outDir), []string{name + ".epub", name + ".pdf"}; !slices.Equal(files, want) {
				t.Errorf("the output folder holds %q, want %q", files, want)
			}
			b := hostileBuild{
				epub:  epubContents(t, filepath.Join(outDir, name+".epub")),
				pdf:   filepath.Join(outDir, name+".pdf"),
				diags: res.Diagnostics,
			}
			checkEPUBPages(t, b.epub)
			checkPDFShape(t, b.pdf)
			checkNoSecrets(t, b)
			if out := qpdfCheck(t, b.pdf); out != "" {
				t.Errorf("qpdf --check:\n%s", out)
			}
			if c.check != nil {
				c.check(t, b)
			}
			if c.epubcheck || allHostileEpubcheck() {
				v := epubcheckVerdict(t, filepath.Join(outDir, name+".epub"))
				if len(v.Errors) > 0 {
					t.Errorf("epubcheck: %d errors:\n%s", len(v.Errors), strings.Join(v.Errors, "\n"))
				}
			}
		})
	}
}

// hostileFiles are the files laid out around each hostile note.
type hostileFiles struct {
	outside map[string][]byte // beside the notes' folder
	inside  map[string][]byte // in it
	links   map[string]string // symbolic links in it, to their targets
}

// hostileAssets returns the files laid out around each hostile note.
func hostileAssets() (hostileFiles, error) {
	assets.once.Do(func() {
		read := func(name string) []byte {
			data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
			assets.err = errors.Join(assets.err, err)
			return data
		}
		pic := read("pic.png")
		assets.files = hostileFiles{
			outside: map[string][]byte{
				"secret.png": secretPNG(),
				"secret.txt": []byte(secretMarker + "\n"),
			},
			inside: map[string][]byte{
				"pic.png":   pic,
				"copy.png":  pic,
				"photo.jpg": read("photo.jpg"),
				"fake.png":  read("fake.png"),
				"bomb.png":  pngHeaderOnly(20_000, 20_000),
				// Damaged and odd pictures: cut short, empty, a transparency
				// chunk too short for its colour type, and a whole picture
				// with an empty chunk among its pixels.
				"truncated.png":   pic[:len(pic)/2],
				"zero.png":        nil,
				"short-trns.png":  rgbPNG(false, []byte{0}),
				"empty-chunk.png": rgbPNG(true, nil),
			},
			links: map[string]string{
				"link.png": "../secret.png",
				"up":       "..",
			},
		}
	})
	return assets.files, assets.err
}

// assets holds the files of hostileAssets, read once.
var assets struct {
	once  sync.Once
	files hostileFiles
	err   error
}

// secretPNG is a picture of a size no other picture here has, with the
// secret marker in a text chunk.
func secretPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, secretWidth, secretHeight))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 37)
	}
	img.Set(0, 0, color.RGBA{1, 2, 3, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an RGBA picture always encodes
	}
	data := b.Bytes()
	const afterIHDR = 8 + 8 + 13 + 4 // signature, IHDR length and type, data, CRC
	return append(append(slices.Clone(data[:afterIHDR]), pngChunk("tEXt", []byte("Comment\x00"+secretMarker))...), data[afterIHDR:]...)
}

// pngHeaderOnly is the start of a PNG file that claims the given size:
// enough to read its dimensions, with no pixels behind them.
func pngHeaderOnly(width, height uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, width)
	ihdr = binary.BigEndian.AppendUint32(ihdr, height)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	return append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
}

// rgbPNG is a whole 6×4 RGB picture, its compressed pixels split in two
// IDAT chunks with an empty one between them when emptyChunk is set, with
// a tRNS chunk when trns is not nil.
func rgbPNG(emptyChunk bool, trns []byte) []byte {
	var pixels bytes.Buffer
	zw := zlib.NewWriter(&pixels)
	for y := range 4 {
		zw.Write([]byte{0})
		for x := range 6 {
			zw.Write([]byte{byte(40 * x), byte(60 * y), 90})
		}
	}
	zw.Close() // writing to memory cannot fail
	out := pngHeaderOnly(6, 4)
	if trns != nil {
		out = append(out, pngChunk("tRNS", trns)...)
	}
	z := pixels.Bytes()
	if emptyChunk {
		out = append(out, pngChunk("IDAT", z[:len(z)/2])...)
		out = append(out, pngChunk("IDAT", nil)...)
		out = append(out, pngChunk("IDAT", z[len(z)/2:])...)
	} else {
		out = append(out, pngChunk("IDAT", z)...)
	}
	return append(out, pngChunk("IEND", nil)...)
}

// wantDiagnostics checks that the build said each of wants, in part.
func wantDiagnostics(t *testing.T, b hostileBuild, wants ...string) {
	t.Helper()
	var all []string
	for _, d := range b.diags {
		all = append(all, d.String())
	}
	for _, w := range wants {
		if !strings.Contains(strings.Join(all, "\n"), w) {
			t.Errorf("no diagnostic says %q; they are:\n%s", w, strings.Join(all, "\n"))
		}
	}
}

// pdfImageCount counts the pictures in a PDF (soft masks aside).
func pdfImageCount(t *testing.T, path string) int {
	t.Helper()
	n := 0
	for _, img := range checkers.PDFImages(t, path) {
		if img.Type == "image" {
			n++
		}
	}
	return n
}

func pngChunk(kind string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, kind...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// filesIn lists the names in dir, sorted; a folder that is missing (or
// is not a folder) holds nothing.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkEPUBPages decodes every XML entry of an EPUB strictly and checks
// that nothing in it could run: no script element, no event attribute, no
// link or source with a scheme that runs code or reads local files.
func checkEPUBPages(t *testing.T, files map[string][]byte) {
	t.Helper()
	for _, name := range sortedKeys(files) {
		if !strings.HasSuffix(name, ".xhtml") && !strings.HasSuffix(name, ".opf") &&
			!strings.HasSuffix(name, ".ncx") && !strings.HasSuffix(name, ".svg") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, problem := range unsafeXML(files[name]) {
			t.Errorf("%s: %s", name, problem)
		}
	}
}

// unsafeXML returns what is wrong with an XML document: that it is not
// well-formed, or the live content it holds.
func unsafeXML(doc []byte) []string {
	var problems []string
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return problems
		}
		if err != nil {
			return append(problems, "not well-formed XML: "+err.Error())
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "iframe", "object", "embed":
			problems = append(problems, "a <"+el.Name.Local+"> element")
		}
		for _, a := range el.Attr {
			attr := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(attr, "on") {
				problems = append(problems, "an event attribute "+a.Name.Local)
			}
			if attr == "href" || attr == "src" {
				v := strings.ToLower(strings.Join(strings.Fields(a.Value), ""))
				for _, s := range []string{"javascript:", "vbscript:", "data:", "file:"} {
					if strings.HasPrefix(v, s) {
						problems = append(problems, fmt.Sprintf("%s=%q", a.Name.Local, a.Value))
					}
				}
			}
		}
	}
}

// checkPDFShape checks that a PDF starts and ends as a PDF does.
func checkPDFShape(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
		t.Errorf("%s does not start with %%PDF- and end with %%%%EOF", path)
	}
}

// checkNoSecrets checks that nothing from beside the notes' folder is in
// the outputs: not the marker in any EPUB entry or in the PDF's bytes, and
// no picture of the secret's size in the PDF.
func checkNoSecrets(t *testing.T, b hostileBuild) {
	t.Helper()
	for name, data := range b.epub {
		if bytes.Contains(data, []byte(secretMarker)) {
			t.Errorf("the EPUB's %s holds the secret from outside the notes' folder", name)
		}
	}
	pdf, err := os.ReadFile(b.pdf)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(pdf, []byte(secretMarker)) {
		t.Error("the PDF holds the secret from outside the notes' folder")
	}
	for _, img := range checkers.PDFImages(t, b.pdf) {
		if img.Width == secretWidth && img.Height == secretHeight {
			t.Errorf("the PDF holds a %d×%d picture, the secret's size: %s", secretWidth, secretHeight, img.Line)
		}
	}
}

// TestHostileSecretIsDetectable checks the secret checks themselves: an
// EPUB that packs the secret picture is caught.
func TestHostileSecretIsDetectable(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("EPUB/img-1.png")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(secretPNG())
	zw.Close()
	path := filepath.Join(t.TempDir(), "leak.epub")
	writeFile(t, path, b.Bytes())
	files := epubContents(t, path)
	if !bytes.Contains(files["EPUB/img-1.png"], []byte(secretMarker)) {
		t.Error("the secret marker is not found in a packed secret")
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(secretPNG())); err != nil || cfg.Width != secretWidth || cfg.Height != secretHeight {
		t.Errorf("the secret picture is not a %d×%d PNG: %v %v", secretWidth, secretHeight, cfg, err)
	}
	if len(unsafeXML([]byte(`<a href=" javascript:x" onclick="y"><script/></a>`))) != 3 {
		t.Error("unsafeXML misses live content")
	}
}

// BenchmarkHostileBuild runs the whole pipeline, in memory, on notes of
// very long lines, very long words and very many key terms, each at two
// sizes: the MB/s of the two sizes of a shape should be about the same.
// Run it with
//
//	go test -run '^$' -bench HostileBuild ./builder/driver/
func BenchmarkHostileBuild(b *testing.B) {
	shapes := []struct {
		name string
		make func(size int) string
	}{
		{"long-line", func(n int) string { return "# Line\n\n" + strings.Repeat("word ", n/5) + "\n" }},
		{"long-word", func(n int) string { return "# Word\n\nA " + strings.Repeat("x", n) + " b.\n" }},
		{"footnotes", func(n int) string {
			var s strings.Builder
			s.WriteString("# Notes\n\n")
			k := n / 40
			for i := range k {
				fmt.Fprintf(&s, "r[^n%d] ", i)
			}
			s.WriteString("\n\n")
			for i := range k {
				fmt.Fprintf(&s, "[^n%d]: note %d\n", i, i)
			}
			return s.String()
		}},
		{"front-matter-keys", func(n int) string {
			var s strings.Builder
			s.WriteString("---\ntitle: Keys\n")
			for i := 0; s.Len() < n && i < 9000; i++ {
				fmt.Fprintf(&s, "key%d: value %d\n", i, i)
			}
			return s.String() + "---\n# Keys\n\nText.\n"
		}},
		{"long-heading", func(n int) string { return "# " + strings.Repeat("Heading", n/7) + "\n\nText.\n" }},
		{"long-words", func(n int) string {
			return "# Words\n\n" + strings.Repeat(strings.Repeat("y", 3000)+" ", n/3001) + "\n"
		}},
		{"key-terms", func(n int) string {
			var s strings.Builder
			s.WriteString("# Terms\n\n")
			for i := 0; s.Len() < n; i++ {
				fmt.Fprintf(&s, "Then **term %d** came. ", i)
			}
			return s.String()
		}},
	}
	layout, err := layouts.Load(layouts.Default)
	if err != nil {
		b.Fatal(err)
	}
	for _, shape := range shapes {
		for _, size := range []int{64 << 10, 256 << 10} {
			text := []byte(shape.make(size))
			b.Run(fmt.Sprintf("%s/%dKiB", shape.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					var list diag.List
					g, err := markdown.Read(diag.NewFile("bench.md", text, &list), markdown.Options{Switches: aids.Keys()})
					if err != nil {
						b.Fatal(err)
					}
					g.Meta.Modified = guide.FixedDate()
					aids.Run(g, nil)
					for _, format := range outputs.Names(outputs.Format) {
						if err := writeOutput(format, layout, io.Discard, g); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
