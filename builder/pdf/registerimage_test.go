package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// pngChunks writes a PNG file of a 4×3 RGB picture whose compressed
// pixels are split into two IDAT chunks with an empty one between them,
// as PNG allows; cut, when above zero, cuts the file to that many bytes.
func pngChunks(t *testing.T, cut int) []byte {
	t.Helper()
	chunk := func(b *bytes.Buffer, kind string, data []byte) {
		binary.Write(b, binary.BigEndian, uint32(len(data)))
		c := append([]byte(kind), data...)
		b.Write(c)
		binary.Write(b, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	var pixels bytes.Buffer
	zw := zlib.NewWriter(&pixels)
	for range 3 {
		zw.Write(append([]byte{0}, bytes.Repeat([]byte{200, 40, 40}, 4)...))
	}
	zw.Close()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk(&b, "IHDR", []byte{0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0})
	z := pixels.Bytes()
	chunk(&b, "IDAT", z[:len(z)/2])
	chunk(&b, "IDAT", nil)
	chunk(&b, "IDAT", z[len(z)/2:])
	chunk(&b, "IEND", nil)
	if cut > 0 {
		return b.Bytes()[:cut]
	}
	return b.Bytes()
}

// TestDamagedImages checks that a PNG with an empty chunk among its
// pixels, which PNG allows, is read whole, and that a file cut short is an
// error of its own that leaves the images after it unharmed.
func TestDamagedImages(t *testing.T) {
	lay, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(&guide.Guide{Meta: guide.Meta{Title: "T", Lang: "en"}}, lay, nil)
	if err != nil {
		t.Fatal(err)
	}
	whole := pngChunks(t, 0)
	if iw, ih, err := w.doc.registerImage("whole", "png", whole); err != nil || iw != 4 || ih != 3 {
		t.Errorf("the picture with an empty chunk: %d×%d, %v", iw, ih, err)
	}
	if _, _, err := w.doc.registerImage("cut", "png", pngChunks(t, 40)); err == nil {
		t.Error("a PNG cut short is registered")
	}
	if _, _, err := w.doc.registerImage("after", "png", whole); err != nil {
		t.Errorf("a picture after the one cut short is refused: %v", err)
	}
	if got := len(w.doc.imageList); got != 2 {
		t.Errorf("%d images registered, want 2", got)
	}
}
