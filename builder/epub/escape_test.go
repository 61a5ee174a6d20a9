package epub

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkEscape compares escapeText with encoding/xml's EscapeText, which
// it must match byte for byte, and with the writer's old way of keeping
// line feeds: each line escaped on its own.
func checkEscape(t *testing.T, s string) {
	t.Helper()
	var want, got bytes.Buffer
	xml.EscapeText(&want, []byte(s))
	escapeText(&got, s, false)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("escapeText(%q) = %q; want %q", s, got.Bytes(), want.Bytes())
	}
	want.Reset()
	got.Reset()
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			want.WriteByte('\n')
		}
		xml.EscapeText(&want, []byte(line))
	}
	escapeText(&got, s, true)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("escapeText(%q, keep line feeds) = %q; want %q", s, got.Bytes(), want.Bytes())
	}
}

func TestEscapeMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">Tom & Jerry's</a>`, "tab\there\r\nline\n", "\x00\x01\x1f\x7f",
		"é—“ok”", "\xff\xfe", "\xe2\x80", "\uFFFD", "\U0001F600", "\uFFFE\uFFFF", "a\xed\xa0\x80b", "\xef\xbf\xbd\xef"} {
		checkEscape(t, s)
	}
	pieces := []string{"a", " ", "<", ">", "&", `"`, "'", "\t", "\n", "\r", "\x00", "\x1b", "\x7f", "é", "—", "\xff",
		"\xc3", "\uFFFD", "\uFFFE", "\U0001F600", "\xf0\x9f"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkEscape(t, b.String())
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("Tom & <Jerry>\n\t\"quoted\" 'single' é\xff")
	f.Fuzz(func(t *testing.T, s string) { checkEscape(t, s) })
}
