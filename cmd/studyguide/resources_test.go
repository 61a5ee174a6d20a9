package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResourcesFlag builds a note whose picture is in a sibling folder,
// with --resources given twice (a folder that lacks the picture, then
// the one that holds it): the picture is read, with no warning. A
// --resources folder that does not exist fails the build.
func TestResourcesFlag(t *testing.T) {
	base := t.TempDir()
	for _, d := range []string{"docs", "images", "other"} {
		if err := os.Mkdir(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pic, err := os.ReadFile("../../builder/driver/testdata/hostile/pic.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(base, "images", "x.png"), pic, 0o644); err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(base, "docs", "guide.md")
	if err := os.WriteFile(note, []byte("# Guide\n\n![A picture](../images/x.png) and ![the same](x.png).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	var stdout, stderr bytes.Buffer
	args := []string{"build", "--strict", "--format", "epub", "-o", filepath.Join(base, "out"),
		"--resources", filepath.Join(base, "other"), note, "--resources", filepath.Join(base, "images")}
	if code := run(context.Background(), args, &stdout, &stderr, getenv); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "guide.epub") {
		t.Errorf("stdout: %q", stdout.String())
	}

	stderr.Reset()
	args = []string{"build", "-o", filepath.Join(base, "out"), "--resources", filepath.Join(base, "nowhere"), note}
	if code := run(context.Background(), args, reset(&stdout), &stderr, getenv); code != exitBuild || !strings.Contains(stderr.String(), "resources:") {
		t.Errorf("a missing resources folder: exit %d, stderr %q", code, stderr.String())
	}
}

func reset(b *bytes.Buffer) *bytes.Buffer {
	b.Reset()
	return b
}
