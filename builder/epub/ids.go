package epub

import "strings"

// xmlID returns s made safe as an XML id: ASCII letters, digits, '-', '_'
// and '.', starting with a letter or '_'. The guide's ids are already of
// this form; the writer applies xmlID to every id and every link fragment
// alike so that a stray character cannot make a page ill-formed or break
// the match between a link and its target.
func xmlID(s string) string {
	if s == "" || isXMLID(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
			b.WriteByte(c)
		case c >= '0' && c <= '9', c == '-', c == '.':
			if i == 0 {
				b.WriteString("x-")
			}
			b.WriteByte(c)
		default:
			if i == 0 {
				b.WriteString("x")
			}
			b.WriteByte('-')
		}
	}
	return b.String()
}

// isXMLID reports whether s is already of the form xmlID gives.
func isXMLID(s string) bool {
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
