package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// processOrNetwork are the packages that could open a connection or
// start another program.
var processOrNetwork = []string{"net", "net/http", "os/exec", "plugin"}

// libraryRuntime names the packages allowed to import one of
// processOrNetwork, and which: the C runtime under the SQLite library
// (builder/anki's door) has a system() that would start a shell, and the
// UUID package it uses reads the network interfaces' hardware addresses.
// SQLite calls neither; TestNoNetworkOrProcessCode checks that the linker
// left their code out.
var libraryRuntime = map[string][]string{
	"modernc.org/libc":       {"os/exec"},
	"github.com/google/uuid": {"net"},
}

// forbiddenCode are the functions, by the start of their symbol, whose
// presence in the binary would let it start a program or open a
// connection.
var forbiddenCode = []string{
	"os/exec.", "net/http.", "plugin.",
	"os.StartProcess", "syscall.StartProcess", "syscall.forkExec",
	"net.Dial", "net.(*Dialer)", "net.Listen", "net.(*ListenConfig)",
	"net.socket", "net.sysSocket", "net.(*netFD)", "net.interfaceTable",
}

// TestNoNetworkOrProcessCode keeps code that could open a connection or
// start another program out of the binary: a note, however hostile,
// cannot make the build reach the network or run anything. No package of
// the build imports such a package, except the runtime of the SQLite
// library (libraryRuntime), and the linked binary holds none of their
// code.
func TestNoNetworkOrProcessCode(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages with")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 50 {
		t.Fatalf("go list -deps listed only %d packages", len(lines))
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		for _, imp := range fields[1:] {
			for _, p := range processOrNetwork {
				if imp == p && !slices.Contains(libraryRuntime[fields[0]], p) {
					t.Errorf("%s imports %s", fields[0], p)
				}
			}
		}
	}

	syms, err := exec.Command(gobin, "tool", "nm", binary(t)).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(syms), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		n++
		name := f[len(f)-1]
		for _, bad := range forbiddenCode {
			if strings.HasPrefix(name, bad) {
				t.Errorf("the binary holds %s", name)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("go tool nm listed only %d symbols", n)
	}
}
