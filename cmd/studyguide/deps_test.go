package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkOrProcessCode keeps the packages that could open a
// connection or start another program out of the binary: a note, however
// hostile, cannot make the build reach the network or run anything.
func TestNoNetworkOrProcessCode(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages with")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps listed only %d packages", len(deps))
	}
	for _, p := range deps {
		switch p {
		case "net", "net/http", "os/exec", "plugin":
			t.Errorf("the binary links package %s", p)
		}
	}
}
