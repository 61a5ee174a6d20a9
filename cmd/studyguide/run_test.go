package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/outputs"
)

func TestParseInterspersed(t *testing.T) {
	cases := []struct {
		args      []string
		out       string
		wantPaths []string
	}{
		{[]string{"a.md", "-o", "dist", "b.md"}, "dist", []string{"a.md", "b.md"}},
		{[]string{"-o", "dist"}, "dist", nil},
		{[]string{"a.md", "--", "-o"}, "out", []string{"a.md", "-o"}},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		out := fs.String("o", "out", "")
		paths, err := parseInterspersed(fs, c.args)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if *out != c.out || !reflect.DeepEqual(paths, c.wantPaths) {
			t.Errorf("%v: out=%q paths=%q; want %q %q", c.args, *out, paths, c.out, c.wantPaths)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"frobnicate"},
		{"build", "--no-such-flag"},
		{"build", "--format", "docx"},
		{"build", "--layout", "tabloid"},
		{"build", "--imposition", "4up"},
		{"build", "--format", "epub", "--imposition", "booklet"},
		{"watch", "--no-such-flag"},
		{"watch", "--layout", "tabloid"},
		{"init", "--no-such-flag"},
	} {
		var stdout, stderr bytes.Buffer
		getenv := func(string) string { return "" }
		if code := run(context.Background(), args, &stdout, &stderr, getenv); code != exitUsage {
			t.Errorf("run(%q) = %d; want %d (stderr %q)", args, code, exitUsage, stderr.String())
		}
		if stderr.Len() == 0 {
			t.Errorf("run(%q) printed nothing on stderr", args)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	var stdout bytes.Buffer
	getenv := func(string) string { return "" }
	if code := run(context.Background(), []string{"help"}, &stdout, io.Discard, getenv); code != exitOK || !strings.Contains(stdout.String(), "studyguide build") {
		t.Errorf("help: code %d, output %q", code, stdout.String())
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"version"}, &stdout, io.Discard, getenv); code != exitOK || !strings.HasPrefix(stdout.String(), "studyguide ") {
		t.Errorf("version: code %d, output %q", code, stdout.String())
	}
}

func TestLayoutsListsSizes(t *testing.T) {
	var stdout bytes.Buffer
	if code := run(context.Background(), []string{"layouts"}, &stdout, io.Discard, func(string) string { return "" }); code != exitOK {
		t.Fatalf("layouts: code %d", code)
	}
	for _, want := range []string{"a4  ", "210 × 297 mm", "large-print", "14 pt", "half-letter", "139.7 × 215.9 mm"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("layouts lacks %q:\n%s", want, stdout.String())
		}
	}
}

// TestUsageNamesTheRegistries checks that the help and the flags of build
// follow the registries of outputs and study aids: every imposition and
// extra output and every --no- flag is in the help, and every such flag
// is accepted.
func TestUsageNamesTheRegistries(t *testing.T) {
	var want []string
	for _, o := range outputs.All() {
		switch o.Kind {
		case outputs.Format:
			want = append(want, o.Name)
		case outputs.Imposition:
			want = append(want, o.Name+" ", "NAME"+o.Suffix)
		case outputs.Extra:
			want = append(want, "[--"+o.Name+"]", "--"+o.Name+" ", "NAME"+o.Suffix)
		}
	}
	for _, a := range aids.All() {
		want = append(want, "[--no-"+a.Name+"]", "--no-"+a.Name+" ", a.Adds)
	}
	for _, w := range want {
		if !strings.Contains(usage(), w) {
			t.Errorf("the help lacks %q", w)
		}
	}
	if strings.Contains(usage(), "{{") {
		t.Errorf("the help keeps a mark:\n%s", usage())
	}
	args := []string{"build", "--imposition", strings.Join(outputs.Names(outputs.Imposition), ",")}
	for _, o := range outputs.All() {
		if o.Kind == outputs.Extra {
			args = append(args, "--"+o.Name)
		}
	}
	for _, a := range aids.All() {
		args = append(args, "--no-"+a.Name)
	}
	args = append(args, "no-such-note.md")
	var stderr bytes.Buffer
	if code := run(context.Background(), args, io.Discard, &stderr, func(string) string { return "" }); code != exitBuild || !strings.Contains(stderr.String(), "no-such-note.md") {
		t.Errorf("run(%q) = %d, %q; want the build to fail on the missing note", args, code, stderr.String())
	}
}

// TestOutputSettings checks the flags of the outputs' settings: each is
// in the help, takes only its values, and needs its output.
func TestOutputSettings(t *testing.T) {
	for _, want := range []string{"[--cards-flip long-edge|short-edge]", "--cards-flip EDGE"} {
		if !strings.Contains(usage(), want) {
			t.Errorf("the help lacks %q", want)
		}
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--flashcards", "--cards-flip", "short-edge"}, exitBuild, "no-such-note.md"},
		{[]string{"--flashcards", "--cards-flip", "sideways"}, exitUsage, `--cards-flip "sideways": the values are long-edge, short-edge`},
		{[]string{"--cards-flip", "short-edge"}, exitUsage, "--cards-flip is a setting of --flashcards, which is not written: add --flashcards"},
	} {
		args := append(append([]string{"build"}, c.args...), "no-such-note.md")
		var stderr bytes.Buffer
		if code := run(context.Background(), args, io.Discard, &stderr, func(string) string { return "" }); code != c.code || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("run(%q) = %d, %q; want %d and %q", args, code, stderr.String(), c.code, c.says)
		}
	}
}
