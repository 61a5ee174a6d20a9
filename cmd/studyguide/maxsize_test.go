package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1048576": 1 << 20, "64MiB": 64 << 20, "64 mib": 64 << 20, "500KB": 500_000,
		"1.5GiB": 3 << 29, "2M": 2 << 20, "10B": 10, "3gb": 3_000_000_000,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "0", "lots", "12 parsecs", "1e30GiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) gave no error", in)
		}
	}
}

// TestMaxSize checks that a note over --max-size fails with exit status 1
// and a message naming it, and that raising the limit builds it.
func TestMaxSize(t *testing.T) {
	dir := t.TempDir()
	note := filepath.Join(dir, "big.md")
	if err := os.WriteFile(note, []byte("# Big\n\n"+strings.Repeat("Some text. ", 200)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "--format", "epub", "--max-size", "1KiB", "-o", out, note}, &stdout, &stderr, func(string) string { return "" })
	if code != exitBuild || !strings.Contains(stderr.String(), note) || !strings.Contains(stderr.String(), "1 KiB") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
	stderr.Reset()
	code = run(context.Background(), []string{"build", "--format", "epub", "--max-size", "64KiB", "-o", out, note}, &stdout, &stderr, func(string) string { return "" })
	if code != exitOK {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
	code = run(context.Background(), []string{"build", "--max-size", "big", note}, &stdout, &stderr, func(string) string { return "" })
	if code != exitUsage {
		t.Errorf("a bad size gave exit %d, want %d", code, exitUsage)
	}
}
