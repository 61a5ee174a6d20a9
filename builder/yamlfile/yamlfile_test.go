package yamlfile

import (
	"strings"
	"testing"
)

func TestParseKeepsLinesAndOrder(t *testing.T) {
	root, err := Parse("f.yaml", []byte("title: T\nfonts:\n  body: serif\n  code: mono\nnotes:\n  - a.md\n  - b.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	if root.Kind != Mapping || len(root.Keys) != 3 {
		t.Fatalf("root: kind %v, %d keys", root.Kind, len(root.Keys))
	}
	if k, v := root.Get("title"); k.Line != 1 || v.Kind != Scalar || v.Value != "T" {
		t.Errorf("title: line %d, %v %q", k.Line, v.Kind, v.Value)
	}
	if got := root.KeyLine("fonts.code"); got != 4 {
		t.Errorf("KeyLine(fonts.code) = %d, want 4", got)
	}
	if got := root.KeyLine("fonts.heading"); got != 2 {
		t.Errorf("KeyLine of a missing key under fonts = %d, want fonts' line 2", got)
	}
	if got := root.KeyLine("nowhere"); got != 0 {
		t.Errorf("KeyLine(nowhere) = %d, want 0", got)
	}
	_, notes := root.Get("notes")
	if notes.Kind != List || len(notes.Items) != 2 || notes.Items[1].Value != "b.md" || notes.Items[1].Line != 7 {
		t.Errorf("notes: %+v", notes)
	}
}

func TestParseErrorNamesFileAndLine(t *testing.T) {
	_, err := Parse("mine.yaml", []byte("a: 1\nb: [2\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "mine.yaml:") || strings.Contains(err.Error(), "yaml: ") {
		t.Fatalf("err = %v, want a message starting mine.yaml:N: without the library's prefix", err)
	}
}

func TestParseDoesNotFollowAliases(t *testing.T) {
	// Nine levels of nine aliases each would be 9^9 nodes if followed.
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	root, err := Parse("bomb.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, last := root.Get("a8")
	if len(last.Items) != 9 || last.Items[0].Kind != Other {
		t.Fatalf("a8: %d items, first of kind %v; want 9 aliases left unfollowed", len(last.Items), last.Items[0].Kind)
	}
}

type inner struct {
	Body string `yaml:"body"`
}

type outer struct {
	Size  float64 `yaml:"size"`
	Fonts inner   `yaml:"fonts"`
	Skip  Any     `yaml:"skip"`
}

func TestDecodeWordsItsErrors(t *testing.T) {
	words := Words{
		Values:     map[string]string{"float64": "a number"},
		UnknownKey: map[string]string{"yamlfile.inner": "unknown key fonts.%s (fonts has body)"},
	}
	cases := []struct{ text, want string }{
		{"size: big\n", `f.yaml:1: "big" is not a number`},
		{"size: 1\ncolour: red\n", "f.yaml:2: unknown key colour"},
		{"fonts:\n  bdy: serif\n", "f.yaml:2: unknown key fonts.bdy (fonts has body)"},
	}
	for _, c := range cases {
		var v outer
		err := Decode("f.yaml", []byte(c.text), &v, words)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: err = %v, want %q", c.text, err, c.want)
		}
	}
	var v outer
	if err := Decode("f.yaml", []byte("size: 2\nskip: [any, {thing: 1}]\nfonts: {body: sans}\n"), &v, words); err != nil || v.Size != 2 || v.Fonts.Body != "sans" {
		t.Errorf("a good file: %+v, %v", v, err)
	}
}
