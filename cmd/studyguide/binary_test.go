package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// built is the studyguide binary the tests that run the command as a
// program share: go build makes it once, in a folder TestMain removes.
var built struct {
	once      sync.Once
	dir, path string
	err       error
	output    []byte
	// unstamped is why the binary was built without version control
	// stamping: go build -buildvcs=true failed (a git that refuses the
	// checkout, say), and a second build without it did not.
	unstamped string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// binary returns the path of a studyguide binary built from this checkout
// with version control stamping on (-buildvcs=true wins over a GOFLAGS
// that turns it off), or off when the stamping build fails (see
// built.unstamped). It skips the test when there is no go command.
func binary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "studyguide-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "studyguide")
		built.output, built.err = exec.Command(gobin, "build", "-buildvcs=true", "-o", built.path, ".").CombinedOutput()
		if built.err != nil {
			built.unstamped = fmt.Sprintf("go build -buildvcs=true: %v\n%s", built.err, built.output)
			built.output, built.err = exec.Command(gobin, "build", "-buildvcs=false", "-o", built.path, ".").CombinedOutput()
		}
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.output)
	}
	return built.path
}

// moduleRoot returns the folder of go.mod above the test's folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
