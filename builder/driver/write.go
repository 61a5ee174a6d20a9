package driver

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"studyguide/builder/epub"
	"studyguide/builder/guide"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

// writer writes one output format of a finished guide, reporting problems
// it meets in the notes (a character no font can draw) through warn.
type writer func(w io.Writer, g *guide.Guide, warn func(guide.Pos, string)) error

// writerFor returns the writer of a format, bound to the layout.
func writerFor(format string, layout *layouts.Layout) writer {
	switch format {
	case "epub":
		return func(w io.Writer, g *guide.Guide, _ func(guide.Pos, string)) error {
			return epub.Write(w, g, epub.Options{})
		}
	case "pdf":
		return func(w io.Writer, g *guide.Guide, warn func(guide.Pos, string)) error {
			return pdf.Write(w, g, pdf.Options{Layout: layout, Warn: warn})
		}
	}
	panic("driver: no writer for format " + format) // CheckFormats keeps this unreachable
}

// writeAll runs the writers of formats concurrently on g, each into a
// temporary file beside its output, and renames the temporary files into
// place only when every writer has succeeded. On failure no output of this
// note is touched and the temporary files are removed.
func writeAll(ctx context.Context, g *guide.Guide, base string, formats []string, layout *layouts.Layout) ([]string, error) {
	temps := make([]string, len(formats))
	errs := make([]error, len(formats))
	warnings := make([][]warning, len(formats)) // one slice per writer: no lock needed
	var wg sync.WaitGroup
	for i, format := range formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			warn := func(pos guide.Pos, msg string) { warnings[i] = append(warnings[i], warning{pos, msg}) }
			temps[i], errs[i] = writeTemp(base+"."+format, g, warn, writerFor(format, layout))
			if errs[i] != nil {
				errs[i] = fmt.Errorf("write %s: %w", format, errs[i])
			}
		}()
	}
	wg.Wait()
	reportWarnings(g, warnings)
	removeTemps := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for _, err := range errs {
		if err != nil {
			removeTemps()
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		removeTemps()
		return nil, err
	}
	var written []string
	for i, format := range formats {
		out := base + "." + format
		if err := os.Rename(temps[i], out); err != nil {
			removeTemps()
			return written, fmt.Errorf("write %s: %w", format, err)
		}
		temps[i] = ""
		written = append(written, out)
	}
	return written, nil
}

// writeTemp writes one output into a new temporary file in the output's
// folder and returns its name. The file is synced and closed on success and
// removed on failure.
func writeTemp(out string, g *guide.Guide, warn func(guide.Pos, string), write writer) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			name = ""
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw, g, warn); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	if err := f.Chmod(0o644); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// warning is a problem a writer met in the notes.
type warning struct {
	pos guide.Pos
	msg string
}

// reportWarnings adds the writers' warnings to the note's diagnostics,
// dropping a message that two writers both reported at the same place.
func reportWarnings(g *guide.Guide, perWriter [][]warning) {
	seen := map[warning]bool{}
	for _, ws := range perWriter {
		for _, w := range ws {
			if seen[w] || g.Source == nil {
				continue
			}
			seen[w] = true
			g.Source.Warnf(int(w.pos), "%s", w.msg)
		}
	}
}
