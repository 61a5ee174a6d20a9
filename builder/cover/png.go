package cover

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/color"

	"studyguide/builder/internal/deflate"
)

// pngSignature starts every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// encodePNG encodes a picture of width by height pixels of a palette of at
// most 256 opaque colours as a PNG file (ISO/IEC 15948): 8 bits a pixel,
// no interlacing, every row unfiltered, as the standard library's encoder
// writes such a picture, though with a faster compressor. It asks paint
// for each row in turn, to fill in its pixels' indices into the palette,
// so that the picture is never held whole; a row that same reports is
// painted as the row above it is neither painted nor compressed, but
// written as a copy of the row above.
func encodePNG(width, height int, pal color.Palette, paint func(y int, row []uint8), same func(y int) bool) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString(pngSignature)

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8] = 8 // bits a pixel
	ihdr[9] = 3 // colour type: indices into a palette
	// Compression, filter and interlace methods 0: deflate, adaptive
	// filtering (each row names its filter), none.
	writeChunk(&out, "IHDR", ihdr[:])

	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	writeChunk(&out, "PLTE", plte)

	// The image data is one zlib stream of the rows, each after the byte
	// of its filter, 0 for none: a row of a few flat colours compresses
	// as well unfiltered, and a palette's indices are no numbers to
	// predict.
	var idat bytes.Buffer
	zw := deflate.NewWriter(&idat, deflate.Zlib)
	row := make([]uint8, 1+width)
	for y := 0; y < height; {
		paint(y, row[1:])
		n := 1
		for y+n < height && same(y+n) {
			n++
		}
		if err := zw.WriteRepeated(row, n); err != nil {
			zw.Close()
			return nil, err
		}
		y += n
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	writeChunk(&out, "IDAT", idat.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// writeChunk writes a chunk of a PNG file: the length of its data, its
// type, the data and the CRC of type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	out.WriteString(typ)
	out.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
