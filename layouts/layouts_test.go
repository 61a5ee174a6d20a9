package layouts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltInLayoutsLoad(t *testing.T) {
	names := Names()
	if strings.Join(names, ",") != "a4,a5,letter" {
		t.Fatalf("Names() = %v", names)
	}
	for _, n := range names {
		l, err := Load(n)
		if err != nil {
			t.Fatal(err)
		}
		if l.Name != n {
			t.Errorf("%s.yaml says name %q", n, l.Name)
		}
	}
}

func TestUnknownKeyNamesFileAndLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mine.yaml")
	os.WriteFile(p, []byte("name: mine\npage_width: 210\npage_colour: red\n"), 0o644)
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "mine.yaml") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("err = %v; want the file and line 3", err)
	}
}

func TestUnknownLayoutListsBuiltIns(t *testing.T) {
	_, err := Load("tabloid")
	if err == nil || !strings.Contains(err.Error(), "a4, a5, letter") {
		t.Fatalf("err = %v", err)
	}
}
