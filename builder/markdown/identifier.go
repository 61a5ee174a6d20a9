package markdown

import (
	"crypto/sha256"
	"fmt"
)

// contentIdentifier derives a stable identifier from the note's bytes: a
// UUID with the version and variant bits of a name-based UUID (version 5)
// taken from the SHA-256 of the text. The same note always gets the same
// identifier; an edited note gets a new one.
func contentIdentifier(text []byte) string {
	sum := sha256.Sum256(text)
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
