package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImagesOfEveryKind places a transparent PNG, a paletted PNG, a 16-bit
// PNG with transparency (written with 8 bits a channel) and a file that
// is not an image at all: its alt text stands in, with a warning.
func TestImagesOfEveryKind(t *testing.T) {
	alpha := image.NewNRGBA(image.Rect(0, 0, 50, 40))
	for y := range 40 {
		for x := range 50 {
			alpha.Set(x, y, color.NRGBA{200, 30, 30, uint8(x * 5)})
		}
	}
	pal := image.NewPaletted(image.Rect(0, 0, 50, 40), color.Palette{color.White, color.Black})
	pal.SetColorIndex(10, 10, 1)
	deep := image.NewRGBA64(image.Rect(0, 0, 30, 30))
	deep.Set(3, 3, color.RGBA64{1, 2, 3, 0xffff})
	g := &guide.Guide{
		Meta: guide.Meta{Title: "Images"},
		Images: map[guide.ImageKey]*guide.ImageFile{
			{Src: "alpha.png"}: {Name: "img-1.png", MediaType: "image/png", Data: encodePNG(t, alpha), Width: 50, Height: 40},
			{Src: "pal.png"}:   {Name: "img-2.png", MediaType: "image/png", Data: encodePNG(t, pal), Width: 50, Height: 40},
			{Src: "deep.png"}:  {Name: "img-3.png", MediaType: "image/png", Data: encodePNG(t, deep), Width: 30, Height: 30},
			{Src: "junk.png"}:  {Name: "img-4.png", MediaType: "image/png", Data: []byte("not a png"), Width: 10, Height: 10},
		},
		Sections: []*guide.Section{{ID: "s", Title: "Pictures", Level: 1, Blocks: []guide.Block{
			para(&guide.Image{Src: "alpha.png", Alt: "transparent"}),
			para(&guide.Image{Src: "pal.png", Alt: "paletted"}),
			para(&guide.Image{Src: "deep.png", Alt: "deep colour"}),
			para(&guide.Image{Src: "junk.png", Alt: "broken file"}),
		}}},
	}
	var warns []string
	var b bytes.Buffer
	err := Write(&b, g, Options{Warn: func(_ guide.Pos, m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "img-4.png") {
		t.Errorf("warnings = %q, want one for img-4.png", warns)
	}
	if out, err := toolOn(t, "qpdf", b.Bytes(), "--check"); err != nil {
		t.Error(err)
	} else if strings.Contains(out, "WARNING") {
		t.Error(out)
	}
	out, err := toolOn(t, "pdfimages", b.Bytes(), "-list")
	if err != nil {
		t.Fatal(err)
	}
	// A header of two lines, then one line per image and one per mask:
	// the transparent and the 16-bit image have a mask each.
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) != 5 {
		t.Errorf("pdfimages lists %d images and masks, want 5:\n%s", len(lines), out)
	}
	for _, l := range lines {
		// Fields: page num type width height color comp bpc ...
		if f := strings.Fields(l); len(f) > 7 && f[7] != "8" && f[7] != "1" {
			t.Errorf("an image has %s bits a component, want 8 (or 1): %s", f[7], l)
		}
	}
}
