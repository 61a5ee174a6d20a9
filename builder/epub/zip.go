package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"time"
)

// entry is one file of the container: its data, and the data deflated as
// the container holds it (nil until it has been; see deflater).
type entry struct {
	name     string
	data     []byte
	deflated []byte
	// stored is set for data that is compressed already, such as a PNG
	// image, which deflating again would only make slower to write and
	// read: it is stored as it is.
	stored bool
}

// mimetype is the content of the first entry of every EPUB.
const mimetype = "application/epub+zip"

// zipDeflateLevel is the level archive/zip deflates entries at. The
// writer deflates entries itself, several at once, and hands archive/zip
// the result; at this level the bytes are the same as if archive/zip had
// deflated them (a test holds this).
const zipDeflateLevel = 5

// pack writes the container: the mimetype entry first, stored, with no
// extra field and no time, as EPUB requires; then every entry in the order
// given, deflated and stamped with the fixed time mod. The same entries
// give the same bytes. An entry not yet deflated is deflated here.
func pack(w io.Writer, entries []*entry, mod time.Time) error {
	zw := zip.NewWriter(w)
	// Each entry's data goes through archive/zip, which sums and counts
	// it, while its compressor passes on the deflated data instead.
	var next []byte
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return &replay{w: w, data: next}, nil
	})
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
	var fw *flate.Writer
	for _, e := range entries {
		if e.stored {
			f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Store, Modified: mod.UTC()})
			if err == nil {
				_, err = f.Write(e.data)
			}
			if err != nil {
				return fmt.Errorf("zip %s: %w", e.name, err)
			}
			continue
		}
		if e.deflated == nil {
			if fw == nil {
				fw, _ = flate.NewWriter(nil, zipDeflateLevel) // the level is valid
			}
			if e.deflated, err = deflate(fw, e.data); err != nil {
				return fmt.Errorf("zip %s: %w", e.name, err)
			}
		}
		next = e.deflated
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

// deflate returns data deflated by fw, which it resets first.
func deflate(fw *flate.Writer, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	fw.Reset(&buf)
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// replay is the compressor of one entry whose data is already deflated:
// it takes the entry's data and writes the deflated form when closed.
type replay struct {
	w    io.Writer
	data []byte
}

func (r *replay) Write(p []byte) (int, error) { return len(p), nil }

func (r *replay) Close() error {
	_, err := r.w.Write(r.data)
	return err
}
