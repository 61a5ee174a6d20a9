package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
)

// docImage is an image the pages draw as an XObject: its name in the
// pages' resources and the object it is written as.
type docImage struct {
	name string // "I1"
	obj  int
	w, h int // pixels
	// What is to be written, while the document has no output yet.
	dict, pixels, alpha []byte
	compress            bool
}

// registerImage reads an image ("png" or "jpg") and writes it to the file
// as an XObject under a name of its own, returning its size in pixels. A
// JPEG's data is written as it is; a PNG is decoded and its pixels
// written compressed, with its alpha channel, if it has one that is not
// opaque throughout, as a soft mask. Without an output (a layout that is
// never drawn) the image is read but not written.
func (d *document) registerImage(key, kind string, data []byte) (w, h int, err error) {
	if im := d.images[key]; im != nil {
		return im.w, im.h, nil
	}
	defer func() {
		if r := recover(); r != nil {
			w, h, err = 0, 0, fmt.Errorf("%v", r)
		}
	}()
	var dict, pixels, alpha []byte
	compress := true
	switch kind {
	case "jpg":
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return 0, 0, err
		}
		cs := "/DeviceRGB"
		switch cfg.ColorModel {
		case color.GrayModel:
			cs = "/DeviceGray"
		case color.CMYKModel:
			cs = "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]"
		}
		w, h = cfg.Width, cfg.Height
		dict = fmt.Appendf(nil, "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", w, h, cs)
		pixels, compress = data, false
	case "png":
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return 0, 0, err
		}
		b := img.Bounds()
		w, h = b.Dx(), b.Dy()
		if w <= 0 || h <= 0 {
			return 0, 0, errors.New("an image of no pixels")
		}
		gray := false
		switch img.ColorModel() {
		case color.GrayModel, color.Gray16Model:
			gray = true
		}
		opaque := true
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, a := img.At(x, y).RGBA()
				if a != 0xFFFF {
					opaque = false
				}
				// Colours are written unpremultiplied, as a soft mask
				// expects.
				if a != 0 && a != 0xFFFF {
					r, g, bl = r*0xFFFF/a, g*0xFFFF/a, bl*0xFFFF/a
				}
				if gray {
					pixels = append(pixels, byte(r>>8))
				} else {
					pixels = append(pixels, byte(r>>8), byte(g>>8), byte(bl>>8))
				}
				alpha = append(alpha, byte(a>>8))
			}
		}
		if opaque {
			alpha = nil
		}
		cs := "/DeviceRGB"
		if gray {
			cs = "/DeviceGray"
		}
		dict = fmt.Appendf(nil, "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8", w, h, cs)
	default:
		return 0, 0, fmt.Errorf("%s images cannot go in a PDF", kind)
	}
	im := &docImage{name: "I" + strconv.Itoa(len(d.imageList)+1), w: w, h: h, dict: dict, pixels: pixels, alpha: alpha, compress: compress}
	d.images[key] = im
	d.imageList = append(d.imageList, im)
	if d.out != nil {
		d.writeImage(im)
	}
	return w, h, nil
}

// writeImage writes an image registered before and lets go of its data.
func (d *document) writeImage(im *docImage) {
	dict := im.dict
	if im.alpha != nil {
		mask := d.out.Alloc()
		d.out.Stream(mask, fmt.Appendf(nil, "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", im.w, im.h), im.alpha, true)
		dict = fmt.Appendf(dict, " /SMask %d 0 R", mask)
	}
	im.obj = d.out.Alloc()
	d.out.Stream(im.obj, dict, im.pixels, im.compress)
	im.dict, im.pixels, im.alpha = nil, nil, nil
}

// drawImage draws the image registered under key in the rectangle at x, y
// (millimetres, from the top left) w by h.
func (d *document) drawImage(key string, x, y, w, h float64) {
	im := d.images[key]
	if im == nil {
		return
	}
	b := append(d.content, "q "...)
	b = appendPt(b, w*d.k)
	b = append(b, " 0 0 "...)
	b = appendPt(b, h*d.k)
	b = append(b, ' ')
	b = d.point(b, x, y+h)
	b = append(b, " cm /"...)
	b = append(b, im.name...)
	d.content = append(b, " Do Q\n"...)
}
