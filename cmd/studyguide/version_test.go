package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "studyguide devel\ngo        " + goVersionForTest() + " linux/amd64\n"},
		{
			"an installed release",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "studyguide", Version: "v1.4.0"}},
			"studyguide v1.4.0\ngo        go1.26.8 linux/amd64\n",
		},
		{
			"a checkout with changes",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "studyguide", Version: "v0.0.0-20261205215900-7a2d36b24580+dirty"}, Settings: []debug.BuildSetting{
				{Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "7a2d36b24580e5bc36de88189223405b6d0dfab0"},
				{Key: "vcs.time", Value: "2026-12-05T21:59:00Z"},
				{Key: "vcs.modified", Value: "true"},
			}},
			"studyguide v0.0.0-20261205215900-7a2d36b24580+dirty\n" +
				"revision  7a2d36b24580e5bc36de88189223405b6d0dfab0 (modified)\n" +
				"committed 2026-12-05T21:59:00Z\n" +
				"go        go1.26.8 linux/amd64\n",
		},
		{
			"a clean checkout of an older Go",
			&debug.BuildInfo{GoVersion: "go1.22.0", Main: debug.Module{Path: "studyguide", Version: "(devel)"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"},
				{Key: "vcs.modified", Value: "false"},
			}},
			"studyguide devel\nrevision  abc123 (clean)\ngo        go1.22.0 linux/amd64\n",
		},
	} {
		if got := versionText(c.info, "linux/amd64"); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"version", "extra"}, io.Discard, &stderr, func(string) string { return "" }); code != exitUsage || stderr.Len() == 0 {
		t.Errorf("version with an argument: exit %d, stderr %q; want %d and a message", code, stderr.String(), exitUsage)
	}
}

// goVersionForTest is the Go release versionText names when the binary
// has no build information: the one running the test.
func goVersionForTest() string {
	info, ok := debug.ReadBuildInfo()
	if ok && info.GoVersion != "" {
		return info.GoVersion
	}
	return "go"
}

// TestVersionNamesRevision builds the command from this checkout and
// checks that "studyguide version" names the commit checked out and says
// whether the tree has changes.
func TestVersionNamesRevision(t *testing.T) {
	root := moduleRoot(t)
	if info, err := os.Stat(filepath.Join(root, ".git")); err != nil || !info.IsDir() {
		// go build finds a git checkout by its .git folder: a linked
		// worktree (whose .git is a file) or an exported tree is not
		// stamped.
		t.Skipf("%s has no .git folder, so go build stamps no revision (a linked worktree's .git is a file)", root)
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git command: go build stamps no revision without it")
	}
	head, err := exec.Command(git, "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("git rev-parse HEAD: %v", err)
	}
	bin := binary(t)
	if built.unstamped != "" {
		t.Skipf("the binary could not be built with version control stamping: %s", built.unstamped)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("studyguide version: %v", err)
	}
	// The state of the tree is read after the build, which changes nothing
	// in it (the binary is made outside the checkout).
	status, err := exec.Command(git, "-C", root, "status", "--porcelain").Output()
	if err != nil {
		t.Skipf("git status: %v", err)
	}
	state := "(clean)"
	if len(bytes.TrimSpace(status)) > 0 {
		state = "(modified)"
	}
	want := "revision  " + strings.TrimSpace(string(head)) + " " + state + "\n"
	if !strings.Contains(string(out), want) {
		t.Errorf("studyguide version printed\n%s\nwhich lacks %q", out, want)
	}
	if !strings.HasPrefix(string(out), "studyguide v") || !strings.Contains(string(out), "\ncommitted ") || !strings.Contains(string(out), "\ngo        go1.") {
		t.Errorf("studyguide version printed\n%s\nwant the module version, the commit time and the Go release", out)
	}
}
