package fonts

import (
	"bytes"
	"os"
	"testing"
)

func TestEveryFaceIsTrueType(t *testing.T) {
	for _, f := range Faces {
		b, err := Read(f.File)
		if err != nil {
			t.Fatal(err)
		}
		// The PDF embeds TrueType outlines (CIDFontType2): the sfnt
		// version 0x00010000.
		if !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
			t.Errorf("%s is not a TrueType-outline font", f.File)
		}
	}
	for _, l := range Licences {
		if _, err := Read(l); err != nil {
			t.Errorf("licence missing: %v", err)
		}
	}
}

func TestLookupFallsBackToRegular(t *testing.T) {
	f, ok := Lookup("sans", "BI")
	if !ok || f.Style != "" {
		t.Fatalf("Lookup(sans, BI) = %+v, %v; want the regular face", f, ok)
	}
	if _, ok := Lookup("cursive", ""); ok {
		t.Fatal("Lookup found a family that does not exist")
	}
}

func TestPostScriptName(t *testing.T) {
	for file, want := range map[string]string{
		"noto/NotoSerif-BoldItalic.ttf": "NotoSerif-BoldItalic",
		"dejavu/DejaVuSans.ttf":         "DejaVuSans",
	} {
		data, err := Read(file)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := PostScriptName(data); got != want || !ok {
			t.Errorf("PostScriptName(%s) = %q, %v; want %q", file, got, ok, want)
		}
		sub, err := Subset(data, []rune("abc"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := PostScriptName(sub); got != want {
			t.Errorf("the subset of %s is named %q", file, got)
		}
	}
	if _, ok := PostScriptName([]byte("not a font")); ok {
		t.Error("a name was read from bytes that are no font")
	}
}

func TestTablesMatchTheFonts(t *testing.T) {
	want, err := MeasureTables()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(tablesBin, want) {
		t.Fatal("tables.bin does not match the embedded fonts: run go generate ./fonts")
	}
	m, err := readTables(tablesBin)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Faces {
		if m[f.File] == nil {
			t.Errorf("the tables lack %s", f.File)
		}
	}
	for _, n := range []int{1, len(tablesMagic) + 5, len(tablesBin) - 3} {
		if _, err := readTables(tablesBin[:n]); err == nil {
			t.Errorf("tables cut at %d bytes were read", n)
		}
	}
}

func TestEveryFileIsEmbedded(t *testing.T) {
	for _, dir := range []string{"noto", "dejavu", "notomath"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if _, ok := files[dir+"/"+e.Name()]; !ok {
				t.Errorf("%s/%s is not in the embedded files (embed.go)", dir, e.Name())
			}
		}
	}
}
