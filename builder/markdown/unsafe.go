package markdown

import (
	"slices"
	"strings"

	"studyguide/builder/guide"
)

// unsafeSchemes are the URL schemes whose links would run code or open
// the reader's own files when followed. Such a link keeps its text and
// loses its target.
var unsafeSchemes = []string{"javascript", "vbscript", "data", "file"}

// unsafeLink reports whether url, the target of the link at pos, has an
// unsafe scheme, and warns when it does.
func (c *converter) unsafeLink(url string, pos guide.Pos) bool {
	scheme := urlScheme(url)
	if !slices.Contains(unsafeSchemes, scheme) {
		return false
	}
	c.warnf(pos, "a link to a %s: address is removed, since following it could run code or open local files; its text is kept", scheme)
	return true
}

// urlScheme returns the scheme of url in lower case, or "" when it has
// none. It reads the URL the way browsers do: control characters and
// spaces around it are ignored, and tabs and line breaks inside it are
// removed, so "java\tscript:" is a javascript: URL.
func urlScheme(url string) string {
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	var b strings.Builder
	for i := 0; i < len(url); i++ {
		c := url[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			return strings.ToLower(b.String())
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case b.Len() > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
		b.WriteByte(c)
	}
	return ""
}
