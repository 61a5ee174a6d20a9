package guide

import (
	"strings"
	"testing"
)

// lowerCases are texts whose lower case and words are worth comparing
// with the standard library's: ASCII, accents, a capital that grows in
// bytes when lowered (İ), white space beyond ASCII and bytes that are not
// UTF-8.
var lowerCases = []string{
	"", "   ", "NATO in Kosovo", "  Ça  VA\tbien\n", "İSTANBUL ÖZEL", "ΣΟΦΙΑ και Λόγος",
	"a\u00a0B\u2003C", "Mixed\u3000全角 Space", "bad \xff\xfe BYTES", "Straße GROSS",
}

// TestAppendLowerIsToLower checks AppendLower against strings.ToLower.
func TestAppendLowerIsToLower(t *testing.T) {
	for _, s := range lowerCases {
		if got, want := string(AppendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestQuestionIDNormalises checks that a question's id follows the words
// of its text in lower case, whatever their case and spacing, and that
// another text gets another id.
func TestQuestionIDNormalises(t *testing.T) {
	for _, s := range lowerCases {
		want := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if got := string(appendNormal(nil, s)); got != want {
			t.Errorf("appendNormal(%q) = %q, want %q", s, got, want)
		}
	}
	a := QuestionID(Cloze, []string{"Kosovo"}, "NATO  led  KFOR in 1999.", "1999")
	if b := QuestionID(Cloze, []string{"kosovo"}, "nato led\tkfor in 1999.", "1999"); a != b {
		t.Errorf("ids differ by case and spacing alone: %s, %s", a, b)
	}
	if c := QuestionID(Cloze, []string{"Kosovo"}, "NATO led KFOR in 1999.", "KFOR"); a == c {
		t.Errorf("another answer has the same id %s", a)
	}
}
