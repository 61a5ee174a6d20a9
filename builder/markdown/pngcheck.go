package markdown

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// pngSignature opens every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// checkPNG reads a whole PNG file the way a writer will, without keeping
// its pixels: the header must come first, every chunk must be complete
// with a correct checksum, a palette and transparency must fit the colour
// type, the file must end in IEND, and the compressed pixel data must
// unpack to exactly the bytes the header promises. A file cut short or
// damaged is found here, as a warning at the image, rather than by a
// writer that trusts it. Inflating into nothing costs time in proportion
// to the pixels, which the size limits have bounded, and no memory.
func checkPNG(data []byte) error {
	if !bytes.HasPrefix(data, []byte(pngSignature)) {
		return errors.New("no PNG signature")
	}
	rest := data[len(pngSignature):]
	var ihdr []byte
	var idat [][]byte
	palette := 0 // entries in the palette
	for {
		if len(rest) < 12 {
			return errors.New("the file is cut short")
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n) > uint64(len(rest)-12) {
			return errors.New("the file is cut short")
		}
		kind, body := string(rest[4:8]), rest[8:8+n]
		if crc32.ChecksumIEEE(rest[4:8+n]) != binary.BigEndian.Uint32(rest[8+n:]) {
			return errors.New("a chunk's checksum is wrong")
		}
		rest = rest[12+n:]
		if (ihdr == nil) != (kind == "IHDR") {
			return errors.New("the header is missing or repeated")
		}
		switch kind {
		case "IHDR":
			if n != 13 {
				return errors.New("the header is damaged")
			}
			ihdr = body
		case "PLTE":
			if err := checkPalette(ihdr, body, len(idat) > 0); err != nil {
				return err
			}
			palette = len(body) / 3
		case "tRNS":
			if err := checkTransparency(ihdr, body, palette); err != nil {
				return err
			}
		case "IDAT":
			if len(body) > 0 {
				idat = append(idat, body)
			}
		case "IEND":
			switch {
			case len(idat) == 0:
				return errors.New("the file holds no pixels")
			case ihdr[9] == 3 && palette == 0:
				return errors.New("the palette is missing")
			}
			return checkPixelData(ihdr, idat)
		}
	}
}

// checkPalette checks a PLTE chunk: only colour pictures have one, it
// comes before the pixels, and it holds whole colours, no more than the
// bit depth can number.
func checkPalette(ihdr, body []byte, afterPixels bool) error {
	colorType, depth := ihdr[9], ihdr[8]
	n := len(body) / 3
	switch {
	case colorType == 0 || colorType == 4:
		return errors.New("a grey picture has a palette")
	case afterPixels:
		return errors.New("the palette comes after the pixels")
	case len(body)%3 != 0 || n == 0 || n > 256 || colorType == 3 && n > 1<<depth:
		return errors.New("the palette is damaged")
	}
	return nil
}

// checkTransparency checks a tRNS chunk against the colour type: one
// grey level, one colour, or, after the palette, alpha values for at most
// 256 entries; pictures with an alpha channel have none.
func checkTransparency(ihdr, body []byte, palette int) error {
	ok := false
	switch ihdr[9] {
	case 0:
		ok = len(body) == 2
	case 2:
		ok = len(body) == 6
	case 3:
		ok = palette > 0 && len(body) <= 256
	}
	if !ok {
		return errors.New("the transparency does not fit the colours")
	}
	return nil
}

// checkPixelData unpacks the IDAT chunks and checks that they hold the
// number of bytes the IHDR chunk calls for.
func checkPixelData(ihdr []byte, idat [][]byte) error {
	want, err := pngDataSize(ihdr)
	if err != nil {
		return err
	}
	readers := make([]io.Reader, len(idat))
	for i, b := range idat {
		readers[i] = bytes.NewReader(b)
	}
	zr, err := zlib.NewReader(io.MultiReader(readers...))
	if err != nil {
		return errors.New("the pixel data is damaged")
	}
	got, err := io.Copy(io.Discard, io.LimitReader(zr, want+1))
	switch {
	case err != nil && errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the pixel data is cut short")
	case err != nil:
		return errors.New("the pixel data is damaged")
	case got < want:
		return errors.New("the pixel data is cut short")
	case got > want:
		return errors.New("the pixel data is longer than the picture")
	}
	// Reading on to the end checks the stream's own checksum.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return errors.New("the pixel data is damaged")
	}
	return nil
}

// pngDataSize returns how many bytes of pixel data, before compression,
// a PNG's IHDR chunk calls for: each row is a filter byte and the row's
// pixels, and an interlaced picture has the rows of seven smaller ones.
func pngDataSize(ihdr []byte) (int64, error) {
	width := int64(binary.BigEndian.Uint32(ihdr[0:]))
	height := int64(binary.BigEndian.Uint32(ihdr[4:]))
	depth, colorType, interlace := int64(ihdr[8]), ihdr[9], ihdr[12]
	var channels int64
	switch colorType {
	case 0, 3:
		channels = 1
	case 2:
		channels = 3
	case 4:
		channels = 2
	case 6:
		channels = 4
	default:
		return 0, errors.New("the colour type is unknown")
	}
	bits := channels * depth
	rowBytes := func(w int64) int64 { return 1 + (w*bits+7)/8 }
	if interlace != 1 {
		return height * rowBytes(width), nil
	}
	// The seven passes of Adam7: where each starts in an 8×8 block and
	// how far apart its pixels are.
	n := int64(0)
	for _, p := range [7][4]int64{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}} {
		w := (width - p[0] + p[2] - 1) / p[2]
		h := (height - p[1] + p[3] - 1) / p[3]
		if w > 0 && h > 0 {
			n += h * rowBytes(w)
		}
	}
	return n, nil
}
