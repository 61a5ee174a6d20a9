package epub

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"studyguide/builder/internal/deflate"
)

// plainPack packs entries the plain way, archive/zip deflating each with
// the build's compressor: what pack must give byte for byte.
func plainPack(t *testing.T, entries []*entry, mod time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return deflate.NewWriter(w, deflate.Raw), nil
	})
	data := []byte(mimetype)
	f, err := zw.CreateRaw(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data)),
		CreatorVersion: 20, ReaderVersion: 20,
	})
	if err == nil {
		_, err = f.Write(data)
	}
	for _, e := range entries {
		if err != nil {
			break
		}
		f, err = zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mod.UTC()})
		if err == nil {
			_, err = f.Write(e.data)
		}
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPackGivesTheBytesArchiveZipGives(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(r.IntN(256))
	}
	mod := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	files := map[string][]byte{
		"EPUB/empty.txt":    {},
		"EPUB/page.xhtml":   []byte(wellFormedPage),
		"EPUB/long.xhtml":   []byte(wellFormedPage + strings.Repeat("<!-- x -->", 3000)),
		"EPUB/random.bin":   random,
		"EPUB/é-name.xhtml": []byte("<a/>"),
	}
	names := []string{"EPUB/empty.txt", "EPUB/page.xhtml", "EPUB/long.xhtml", "EPUB/random.bin", "EPUB/é-name.xhtml"}
	fresh := func() []*entry {
		var es []*entry
		for _, n := range names {
			es = append(es, &entry{name: n, data: files[n]})
		}
		return es
	}
	want := plainPack(t, fresh(), mod)

	var got bytes.Buffer
	if err := pack(&got, fresh(), mod); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("pack differs from archive/zip")
	}

	// The pages let their data go once deflated: their sums and deflated
	// form are enough.
	es := fresh()
	d := newDeflater()
	for _, e := range es {
		e.page = strings.HasSuffix(e.name, ".xhtml")
		d.add(e)
	}
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.page && e.data != nil {
			t.Errorf("%s: the data of a deflated page is kept", e.name)
		}
	}
	got.Reset()
	if err := pack(&got, es, mod); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("pack of entries deflated in the background differs from archive/zip")
	}
}
