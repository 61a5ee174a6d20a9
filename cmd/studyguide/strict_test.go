package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrictSaysHowManyWarnings builds notes with one and with two
// warnings under --strict: the build fails, says "1 warning" or "2
// warnings", and writes nothing.
func TestStrictSaysHowManyWarnings(t *testing.T) {
	for _, c := range []struct {
		note, want string
	}{
		{"# One\n\n![A diagram](missing.png)\n", "1 warning with --strict"},
		{"# Two\n\n![A diagram](missing.png) and ![another](gone.png)\n", "2 warnings with --strict"},
	} {
		dir := t.TempDir()
		note := filepath.Join(dir, "note.md")
		if err := os.WriteFile(note, []byte(c.note), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out")
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"build", "--strict", "-o", out, note}, &stdout, &stderr, func(string) string { return "" })
		if code != exitBuild {
			t.Errorf("%q: exit %d, want %d", c.want, code, exitBuild)
		}
		if !strings.Contains(stderr.String(), "studyguide build: "+c.want+"; nothing was written\n") {
			t.Errorf("stderr lacks %q:\n%s", c.want, stderr.String())
		}
		if stdout.Len() > 0 {
			t.Errorf("a failed strict build printed %q", stdout.String())
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a failed strict build made %s", out)
		}
	}
}
