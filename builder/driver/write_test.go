package driver

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"studyguide/builder/guide"
)

// TestWriteAllReturnsWhenStopped stops writeAll while a writer is stuck
// half way through its temporary file: writeAll must return the
// cancellation without waiting for the writer, having removed the file,
// and the writer, once it goes on, must not start the output derived from
// its own.
func TestWriteAllReturnsWhenStopped(t *testing.T) {
	out := t.TempDir()
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	stuck := func(w io.Writer, _ *guide.Guide, _ func(guide.Pos, string)) error {
		io.WriteString(w, "half")
		close(started)
		<-release
		_, err := io.WriteString(w, " and the rest")
		return err
	}
	copied := make(chan struct{}, 1)
	jobs := []job{{name: "slow", suffix: ".slow", write: stuck, derived: []derivedJob{{
		name: "copy", suffix: "-copy.slow",
		make: func(w io.Writer, src []byte) error {
			copied <- struct{}{}
			_, err := w.Write(src)
			return err
		},
	}}}}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := writeAll(ctx, &guide.Guide{}, filepath.Join(out, "note"), jobs)
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
