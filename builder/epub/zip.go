package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"time"

	"studyguide/builder/internal/deflate"
)

// entry is one file of the container: its data, and the data deflated as
// the container holds it (nil until it has been; see deflater) with the
// sum and length of the data, which is all pack needs of a deflated
// entry: a page's data is let go of once it is deflated.
type entry struct {
	name     string
	data     []byte
	deflated []byte
	crc      uint32
	size     uint64
	// stored is set for data that is compressed already, such as a PNG
	// image, which deflating again would only make slower to write and
	// read: it is stored as it is.
	stored bool
	// page is set for an XHTML page, which the deflater checks for
	// well-formedness (err) before it deflates it and lets its data go.
	page bool
	err  error
}

// mimetype is the content of the first entry of every EPUB.
const mimetype = "application/epub+zip"

// pack writes the container: the mimetype entry first, stored, with no
// extra field and no time, as EPUB requires; then every entry in the order
// given, deflated and stamped with the fixed time mod. The same entries
// give the same bytes. An entry not yet deflated is deflated here.
func pack(w io.Writer, entries []*entry, mod time.Time) error {
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
	var scratch []byte
	headers := newHeaderMaker()
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
			if scratch, err = e.deflate(scratch); err != nil {
				return fmt.Errorf("zip %s: %w", e.name, err)
			}
		}
		fh, err := headers.deflated(e, mod.UTC())
		if err == nil {
			f, err = zw.CreateRaw(fh)
		}
		if err == nil {
			_, err = f.Write(e.deflated)
		}
		if err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}

// deflate deflates the entry's data into scratch, keeping an exact copy,
// and sums the data. It returns scratch, or the larger buffer that took
// its place, for the next entry.
func (e *entry) deflate(scratch []byte) ([]byte, error) {
	scratch, err := deflate.Append(scratch[:0], e.data, deflate.Raw)
	if err != nil {
		return scratch, err
	}
	e.deflated = bytes.Clone(scratch)
	if e.deflated == nil {
		e.deflated = []byte{}
	}
	e.crc = crc32.ChecksumIEEE(e.data)
	e.size = uint64(len(e.data))
	return scratch, nil
}

// headerMaker makes the local headers of deflated entries exactly as
// archive/zip's CreateHeader makes them (flags, versions, the time in
// both forms), for CreateRaw to write with the entry's own sums: it lets
// a writer of its own, which writes nowhere, prepare each header.
type headerMaker struct {
	zw *zip.Writer
}

func newHeaderMaker() *headerMaker {
	zw := zip.NewWriter(io.Discard)
	zw.RegisterCompressor(zip.Deflate, func(io.Writer) (io.WriteCloser, error) { return nopCloser{}, nil })
	return &headerMaker{zw: zw}
}

// deflated returns the header of a deflated entry stamped with mod.
func (m *headerMaker) deflated(e *entry, mod time.Time) (*zip.FileHeader, error) {
	if e.size >= 1<<32-1 || uint64(len(e.deflated)) >= 1<<32-1 {
		return nil, fmt.Errorf("the file is too large for the container")
	}
	prepared := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mod}
	if _, err := m.zw.CreateHeader(prepared); err != nil {
		return nil, err
	}
	fh := *prepared // the writer of its own may change its copy later
	fh.CRC32 = e.crc
	fh.CompressedSize64 = uint64(len(e.deflated))
	fh.UncompressedSize64 = e.size
	return &fh, nil
}

// nopCloser takes whatever is written and does nothing.
type nopCloser struct{}

func (nopCloser) Write(p []byte) (int, error) { return len(p), nil }
func (nopCloser) Close() error                { return nil }
