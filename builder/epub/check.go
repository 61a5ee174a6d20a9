package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// checkXML reads data with a strict XML decoder to the end and returns the
// first error, with the line it is on. Every page and document of the book
// passes through it before it is packed.
func checkXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
}
