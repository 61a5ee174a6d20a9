package epub

import (
	"archive/zip"
	"fmt"
	"hash/crc32"
	"io"
	"time"
)

// entry is one file of the container.
type entry struct {
	name string
	data []byte
}

// mimetype is the content of the first entry of every EPUB.
const mimetype = "application/epub+zip"

// pack writes the container: the mimetype entry first, stored, with no
// extra field and no time, as EPUB requires; then every entry in the order
// given, deflated and stamped with the fixed time mod. The same entries
// give the same bytes.
func pack(w io.Writer, entries []entry, mod time.Time) error {
	zw := zip.NewWriter(w)
	data := []byte(mimetype)
	mh := &zip.FileHeader{
		Name:               "mimetype",
		Method:             zip.Store,
		CRC32:              crc32.ChecksumIEEE(data),
		CompressedSize64:   uint64(len(data)),
		UncompressedSize64: uint64(len(data)),
		CreatorVersion:     20,
		ReaderVersion:      20,
	}
	f, err := zw.CreateRaw(mh)
	if err != nil {
		return fmt.Errorf("zip mimetype: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("zip mimetype: %w", err)
	}
	for _, e := range entries {
		f, err := zw.CreateHeader(&zip.FileHeader{
			Name:     e.name,
			Method:   zip.Deflate,
			Modified: mod.UTC(),
		})
		if err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
		if _, err := f.Write(e.data); err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}
