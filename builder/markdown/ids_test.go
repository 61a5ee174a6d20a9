package markdown

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Key NATO Peacekeeping and Humanitarian Missions", "key-nato-peacekeeping-and-humanitarian-missions"},
		{"NATO’s Approach to Peacekeeping", "natos-approach-to-peacekeeping"},
		{"Pétrichor, Straße and Ærø", "petrichor-strasse-and-aero"},
		{"Κύκλος του νερού", "kyklos-toy-neroy"},
		{"Щука и ёж", "shchuka-i-yozh"},
		{"水の循環", ""},
		{"  --Hello,   World!--  ", "hello-world"},
		{"Challenges Facing NATO’s Peacekeeping and Humanitarian Efforts", "challenges-facing-natos-peacekeeping-and"},
		{"Averyveryveryveryveryveryveryveryveryveryveryverylongword", "averyveryveryveryveryveryveryveryveryveryveryver"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := slug(tt.in); len(got) > maxSlug {
			t.Errorf("slug(%q) is %d bytes long", tt.in, len(got))
		}
	}
}

func TestContentIdentifier(t *testing.T) {
	a := contentIdentifier([]byte("# Note\n"))
	if a != contentIdentifier([]byte("# Note\n")) {
		t.Error("identifier differs for the same text")
	}
	if a == contentIdentifier([]byte("# Note!\n")) {
		t.Error("identifier is the same for different texts")
	}
	// urn:uuid:xxxxxxxx-xxxx-5xxx-[89ab]xxx-xxxxxxxxxxxx
	if len(a) != len("urn:uuid:")+36 || a[len("urn:uuid:")+14] != '5' || strings.IndexByte("89ab", a[len("urn:uuid:")+19]) < 0 {
		t.Errorf("identifier %q is not a version 5 style UUID URN", a)
	}
}

// TestIdentifierFromText checks that the reader says when it derived the
// identifier from the text.
func TestIdentifierFromText(t *testing.T) {
	g, _ := readText(t, "# Note\n\nText.\n")
	if !g.Meta.IdentifierFromText || g.Meta.Identifier != contentIdentifier([]byte("# Note\n\nText.\n")) {
		t.Errorf("identifier %q, from text %t; want one derived from the text", g.Meta.Identifier, g.Meta.IdentifierFromText)
	}
	g, _ = readText(t, "---\nidentifier: urn:isbn:0-00-000000-0\n---\n# Note\n")
	if g.Meta.IdentifierFromText || g.Meta.Identifier != "urn:isbn:0-00-000000-0" {
		t.Errorf("identifier %q, from text %t; want the front matter's", g.Meta.Identifier, g.Meta.IdentifierFromText)
	}
}
