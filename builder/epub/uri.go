package epub

import "strings"

// validURI returns url with every byte that a URI (RFC 3986) may not hold
// where it stands percent-encoded: spaces, quotes, angle brackets, braces,
// bars, backslashes, carets, backquotes, control characters and every
// byte of a character beyond ASCII; a "%" that does not open an escape; a
// second "#"; and square brackets outside the host, where only an IPv6
// address may use them. Escapes already written are kept, so a valid URI
// comes back as it was.
func validURI(url string) string {
	hostStart, hostEnd := authority(url)
	fragment := false
	var b strings.Builder
	for i := 0; i < len(url); i++ {
		c := url[i]
		keep := false
		switch {
		case c == '%':
			keep = i+2 < len(url) && isHex(url[i+1]) && isHex(url[i+2])
		case c == '#':
			keep = !fragment
			fragment = true
		case c == '[' || c == ']':
			keep = i >= hostStart && i < hostEnd
		default:
			keep = isURIByte(c)
		}
		if keep {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// authority returns where the authority of url ("//host:port") lies, as
// byte offsets; an empty range when it has none.
func authority(url string) (start, end int) {
	colon := strings.IndexByte(url, ':')
	if colon < 0 || !strings.HasPrefix(url[colon+1:], "//") {
		return 0, 0
	}
	start = colon + 3
	end = len(url)
	if i := strings.IndexAny(url[start:], "/?#"); i >= 0 {
		end = start + i
	}
	return start, end
}

// isURIByte reports whether c may stand in a URI as it is: an unreserved
// character or a delimiter, other than "%", "#", "[" and "]", which
// validURI weighs on their own.
func isURIByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?@!$&'()*+,;=", c) >= 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
