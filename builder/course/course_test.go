package course

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/diag"
)

// TestNaturalCompare: numbers in names count by value.
func TestNaturalCompare(t *testing.T) {
	names := []string{"10-y.md", "2-x.md", "1-a.md", "b.md", "A.md", "02-z.md", "2-a.md"}
	slices.SortFunc(names, NaturalCompare)
	want := []string{"1-a.md", "2-a.md", "2-x.md", "02-z.md", "10-y.md", "A.md", "b.md"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
}

// TestRead reads a course with every key and a folder entry.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(FileName, "title: Waves\nsubtitle: Sound and light\nauthors: [Ann, Bo]\nlang: fr\ndate: 2026-01-31\nidentifier: urn:x\ndescription: D\nnotes:\n  - intro.md\n  - parts\n")
	write("intro.md", "# I\n")
	write("parts/10-b.md", "# B\n")
	write("parts/9-a.md", "# A\n")
	write("parts/picture.png", "x")
	write("stray.md", "# S\n")
	var diags diag.List
	c, err := Read(dir, &diags)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range c.Notes {
		rel, _ := filepath.Rel(dir, n.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if !slices.Equal(got, []string{"intro.md", "parts/9-a.md", "parts/10-b.md"}) {
		t.Errorf("notes %v", got)
	}
	if c.Title != "Waves" || c.Subtitle != "Sound and light" || !slices.Equal(c.Authors, []string{"Ann", "Bo"}) ||
		c.Lang != "fr" || c.Date.Format("2006-01-02") != "2026-01-31" || c.Identifier != "urn:x" || c.Description != "D" {
		t.Errorf("read %+v", c)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].String(), ":8:1: warning: stray.md is in the course's folder") {
		t.Errorf("diagnostics %v", diags)
	}
}

// FuzzDecode: no course file makes the reader panic, and every error it
// returns names the file.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title: T\nnotes:\n  - a.md\n",
		"title: [a]\nauthors: x\nnotes: {a: b}\n",
		"date: 2026-13-45\nnotes: [a.md]\n",
		"- a\n- b\n",
		"notes:\n  - \n  - ../x\n",
		"&a [*a]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, _, err := decode("course.yaml", data)
		if err != nil && !strings.HasPrefix(err.Error(), "course.yaml:") {
			t.Errorf("the error %q does not name the file", err)
		}
	})
}
