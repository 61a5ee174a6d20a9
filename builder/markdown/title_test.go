package markdown

import "testing"

func TestFileTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"source/nato-peacekeeping.md", "Nato peacekeeping"},
		{"notes/The_Cold-War.markdown", "The Cold War"},
		{"plain.txt", "Plain"},
		{".md", "Untitled"},
		{"", "Untitled"},
		{"élan-vital.md", "Élan vital"},
	}
	for _, tt := range tests {
		if got := fileTitle(tt.in, "Untitled"); got != tt.want {
			t.Errorf("fileTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameTitle(t *testing.T) {
	if !sameTitle("NATO's Involvement in Peacekeeping", "**NATO’s involvement in  peacekeeping**:") {
		t.Error("titles that differ only in case, quotes and spaces should match")
	}
	if sameTitle("", "") || sameTitle("!!", "??") {
		t.Error("empty titles should not match")
	}
	if sameTitle("Part 1", "Part 2") {
		t.Error("different titles should not match")
	}
}
