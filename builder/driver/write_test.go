package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"studyguide/builder/guide"
	"studyguide/builder/outputs"
	"studyguide/layouts"
)

// writeOutput writes the output named name of g to w in memory, as a
// build would write it to a file, dropping the writer's warnings.
func writeOutput(name string, layout *layouts.Layout, w io.Writer, g *guide.Guide) error {
	o, ok := outputs.Lookup(name)
	if !ok {
		return fmt.Errorf("no output %q", name)
	}
	return o.Write(outputs.Input{Guide: g, Layout: layout, Warn: func(guide.Pos, string) {}}, outputs.NewFile("", w))
}

// TestWriteAllReturnsWhenStopped stops writeAll while a writer is stuck
// half way through its temporary file: writeAll must return the
// cancellation without waiting for the writer, having removed the file,
// and the writer, once it goes on, must not start the output derived from
// its own.
func TestWriteAllReturnsWhenStopped(t *testing.T) {
	out := t.TempDir()
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	stuck := func(_ outputs.Input, w *outputs.File) error {
		io.WriteString(w, "half")
		close(started)
		<-release
		_, err := io.WriteString(w, " and the rest")
		return err
	}
	copied := make(chan struct{}, 1)
	jobs := []job{{out: outputs.Output{Name: "slow", Suffix: ".slow", Write: stuck}, derived: []outputs.Output{{
		Name: "copy", Suffix: "-copy.slow", From: "slow",
		Write: func(in outputs.Input, w *outputs.File) error {
			copied <- struct{}{}
			_, err := w.Write(in.From)
			return err
		},
	}}}}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := writeAll(ctx, &guide.Guide{}, nil, filepath.Join(out, "note"), jobs)
		errc <- err
	}()
	<-started
	if files := snapshot(t, out); len(files) != 1 {
		t.Fatalf("the writer's temporary file is not there: %v", keys(files))
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("writeAll returned %v, want the cancellation", err)
	}
	if files := snapshot(t, out); len(files) != 0 {
		t.Errorf("a stopped writeAll left %v", keys(files))
	}
	release <- struct{}{} // the stuck writer goes on
	time.Sleep(100 * time.Millisecond)
	select {
	case <-copied:
		t.Error("the derived output was started after the build was stopped")
	default:
	}
	if files := snapshot(t, out); len(files) != 0 {
		t.Errorf("after the writer went on, the folder holds %v", keys(files))
	}
}

// TestWriteAllByPath writes an output that opens its file by name, as an
// SQLite database would, and one made from it: both are renamed into
// place with what was written, and no temporary file is left.
func TestWriteAllByPath(t *testing.T) {
	out := t.TempDir()
	jobs := []job{{
		out: outputs.Output{Name: "db", Suffix: ".db", Write: func(_ outputs.Input, f *outputs.File) error {
			return os.WriteFile(f.Path(), []byte("written by name"), 0o600)
		}},
		derived: []outputs.Output{{Name: "copy", Suffix: "-copy.db", From: "db", Write: func(in outputs.Input, f *outputs.File) error {
			_, err := f.Write(bytes.ToUpper(in.From))
			return err
		}}},
	}}
	base := filepath.Join(out, "note")
	written, err := writeAll(context.Background(), &guide.Guide{}, nil, base, jobs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{base + ".db", base + "-copy.db"}; !slices.Equal(written, want) {
		t.Errorf("written %q; want %q", written, want)
	}
	for name, want := range map[string]string{"note.db": "written by name", "note-copy.db": "WRITTEN BY NAME"} {
		if got, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(got) != want {
			t.Errorf("%s holds %q (%v); want %q", name, got, err, want)
		}
	}
	if files := snapshot(t, out); len(files) != 2 {
		t.Errorf("the folder holds %v", keys(files))
	}
}
