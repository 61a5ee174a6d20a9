package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/internal/golden"
)

// TestGolden reads every testdata/*.md and compares the dump of the guide,
// its images and its diagnostics with testdata/NAME.golden; a note that
// cannot be built dumps only its diagnostics. Run with UPDATE_GOLDEN=1 to
// rewrite the golden files.
func TestGolden(t *testing.T) {
	notes, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 {
		t.Fatal("no test notes in testdata")
	}
	for _, note := range notes {
		name := strings.TrimSuffix(filepath.Base(note), ".md")
		t.Run(name, func(t *testing.T) {
			g, list, size, err := tryNote(t, note, true)
			var b bytes.Buffer
			if err != nil {
				if !errors.Is(err, ErrNothingToRead) || !list.HasErrors() {
					t.Fatalf("Read: %v", err)
				}
				b.WriteString("-- no guide --\n")
			} else {
				checkGuide(t, g, size)
				if err := guide.Dump(&b, g); err != nil {
					t.Fatal(err)
				}
				dumpImages(&b, g)
			}
			b.WriteString("-- diagnostics --\n")
			for _, d := range list {
				b.WriteString(d.String() + "\n")
			}
			golden.Check(t, filepath.Join("testdata", name+".golden"), b.Bytes())
		})
	}
}

// readNote reads the note at path as the command would, with images from
// its folder when withImages is set, and returns the guide and the sorted
// diagnostics. Diagnostics name the file by its base name.
func readNote(t *testing.T, path string, withImages bool) (*guide.Guide, diag.List) {
	t.Helper()
	g, list, _, err := tryNote(t, path, withImages)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return g, list
}

// tryNote reads the note at path like readNote, and also returns the size
// of the text positions point into and Read's error.
func tryNote(t *testing.T, path string, withImages bool) (*guide.Guide, diag.List, int, error) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var list diag.List
	file := diag.NewFile(filepath.Base(path), text, &list)
	opts := Options{Switches: aids.Keys()}
	if withImages {
		opts.Dir = os.DirFS(filepath.Dir(path))
	}
	g, err := Read(file, opts)
	list.Sort()
	return g, list, len(file.Text), err
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dumpImages lists the loaded images in the order of their names.
func dumpImages(b *bytes.Buffer, g *guide.Guide) {
	keys := make([]guide.ImageKey, 0, len(g.Images))
	for k := range g.Images {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, c guide.ImageKey) int { return strings.Compare(g.Images[a].Name, g.Images[c].Name) })
	for _, k := range keys {
		f := g.Images[k]
		fmt.Fprintf(b, "image %q name=%s type=%s size=%dx%d bytes=%d\n", k.Src, f.Name, f.MediaType, f.Width, f.Height, len(f.Data))
	}
}
