package epub

import "testing"

func TestValidURI(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/a/b?c=d&e=f#g", "https://example.org/a/b?c=d&e=f#g"},
		{`https://cloud.seafile.com/"`, "https://cloud.seafile.com/%22"},
		{"https://example.org/a b", "https://example.org/a%20b"},
		{"https://example.org/%20ok%2", "https://example.org/%20ok%252"},
		{"https://example.org/?q={x}|y^z`w\\v<u>", "https://example.org/?q=%7Bx%7D%7Cy%5Ez%60w%5Cv%3Cu%3E"},
		{"https://example.org/a#b#c", "https://example.org/a#b%23c"},
		{"https://[::1]:8080/[x]", "https://[::1]:8080/%5Bx%5D"},
		{"https://de.wikipedia.org/wiki/Übersetzung", "https://de.wikipedia.org/wiki/%C3%9Cbersetzung"},
		{"mailto:a@b.org?subject=Hi there", "mailto:a@b.org?subject=Hi%20there"},
		{"https://example.org/\x01\x7f", "https://example.org/%01%7F"},
	} {
		if got := validURI(c.in); got != c.want {
			t.Errorf("validURI(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := validURI(c.want); again != c.want {
			t.Errorf("validURI(%q) = %q, want it unchanged", c.want, again)
		}
	}
}
