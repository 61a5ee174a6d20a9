// Package golden compares what a test made with a golden file under
// testdata, the way every package of the project does: the file holds the
// expected bytes, a difference fails the test with the first lines that
// differ, and running the tests with UPDATE_GOLDEN=1 rewrites the files
// instead, so that the change shows in git diff.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxShown is how many differing lines a failure shows.
const maxShown = 10

// Check compares got with the file at path, or writes got there when
// UPDATE_GOLDEN=1.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with UPDATE_GOLDEN=1 to accept):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff shows the first lines, up to maxShown, where want and got part.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < maxShown; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
