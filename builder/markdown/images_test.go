package markdown

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// pngHeader returns the start of a PNG file of the given size: enough for
// its dimensions to be read, with no pixels behind them.
func pngHeader(width, height uint32) []byte {
	var ihdr bytes.Buffer
	ihdr.WriteString("IHDR")
	binary.Write(&ihdr, binary.BigEndian, width)
	binary.Write(&ihdr, binary.BigEndian, height)
	ihdr.Write([]byte{8, 2, 0, 0, 0}) // 8-bit RGB, no interlace
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(ihdr.Len()-4))
	b.Write(ihdr.Bytes())
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(ihdr.Bytes()))
	return b.Bytes()
}

// pngChunk writes one PNG chunk: its length, kind, data and checksum.
func pngChunk(b *bytes.Buffer, kind string, data []byte) {
	binary.Write(b, binary.BigEndian, uint32(len(data)))
	c := append([]byte(kind), data...)
	b.Write(c)
	binary.Write(b, binary.BigEndian, crc32.ChecksumIEEE(c))
}

// pngBlank returns a whole PNG file of the given size, one bit of grey a
// pixel, all black: small on disk whatever its size.
func pngBlank(width, height uint32) []byte {
	var ihdr bytes.Buffer
	binary.Write(&ihdr, binary.BigEndian, width)
	binary.Write(&ihdr, binary.BigEndian, height)
	ihdr.Write([]byte{1, 0, 0, 0, 0}) // 1-bit grey, no interlace
	var pixels bytes.Buffer
	zw := zlib.NewWriter(&pixels)
	row := make([]byte, 1+(width+7)/8)
	for range height {
		zw.Write(row)
	}
	zw.Close()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	pngChunk(&b, "IHDR", ihdr.Bytes())
	pngChunk(&b, "IDAT", pixels.Bytes())
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

// readImages reads a note of one image per line from a folder and returns
// the guide and the diagnostics, one string each.
func readImages(t *testing.T, dir fs.FS, srcs ...string) (*guide.Guide, []string) {
	t.Helper()
	var note strings.Builder
	note.WriteString("# Images\n\n")
	for _, s := range srcs {
		note.WriteString("![alt](<" + s + ">)\n")
	}
	var list diag.List
	g, err := Read(diag.NewFile("images.md", []byte(note.String()), &list), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	list.Sort()
	var ds []string
	for _, d := range list {
		ds = append(ds, d.String())
	}
	return g, ds
}

// TestImageLimits checks that pictures past the pixel limits are refused
// from their header, that other files are refused for what they are, and
// that every refusal is a warning.
func TestImageLimits(t *testing.T) {
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	dir := fstest.MapFS{
		"ok.png":     {Data: diagram},
		"wide.png":   {Data: pngHeader(10_001, 10)},
		"bomb.png":   {Data: pngHeader(8000, 8000)},
		"edge.png":   {Data: pngBlank(10_000, 5000)},
		"folder.png": {Mode: fs.ModeDir},
		"gif.png":    {Data: []byte("GIF89a\x01\x00\x01\x00")},
		"cut.png":    {Data: pngHeader(10, 10)[:20]},
	}
	g, ds := readImages(t, dir, "ok.png", "wide.png", "bomb.png", "edge.png", "folder.png", "gif.png", "cut.png")
	want := []string{
		`images.md:4:1: warning: image "wide.png" is 10001×10 pixels; no side may be over 10000; its alt text is shown instead`,
		`images.md:5:1: warning: image "bomb.png" is 8000×8000 pixels, more than 50 megapixels; its alt text is shown instead`,
		`images.md:7:1: warning: image "folder.png" is not a file; its alt text is shown instead`,
		`images.md:8:1: warning: image "gif.png" is not a PNG or JPEG file; its alt text is shown instead`,
		`images.md:9:1: warning: image "cut.png" is damaged (unexpected EOF); its alt text is shown instead`,
	}
	if strings.Join(ds, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(ds, "\n"), strings.Join(want, "\n"))
	}
	if len(g.Images) != 2 || g.Images[imageKey("ok.png")] == nil || g.Images[imageKey("edge.png")] == nil {
		t.Errorf("loaded %v, want ok.png and edge.png", keysOf(g.Images))
	}
}

// TestImagesStayInTheFolder checks that every way out of the note's
// folder is a warning at the image and reads nothing, and that symbolic
// links inside it are followed.
func TestImagesStayInTheFolder(t *testing.T) {
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	dir := fstest.MapFS{
		"pics/a.png":      {Data: diagram},
		"inside.png":      link("pics/a.png"),
		"up.png":          link("../secret.png"),
		"pics/up.png":     link("../../secret.png"),
		"abs.png":         link("/etc/secret.png"),
		"out":             link(".."),
		"loop.png":        link("loop.png"),
		"pics/around.png": link("../pics/./a.png"),
	}
	g, ds := readImages(t, dir,
		"inside.png", "pics/around.png", "up.png", "pics/up.png", "abs.png", "out/x.png",
		"../x.png", "pics/../../x.png", "/etc/passwd", `C:\secret.png`, `..\x.png`, "%2e%2e/x.png",
		"file:///etc/passwd", "loop.png")
	want := []string{
		`images.md:5:1: warning: image "up.png" is a symbolic link that leads out of the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:6:1: warning: image "pics/up.png" is a symbolic link that leads out of the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:7:1: warning: image "abs.png" is a symbolic link to an absolute path, which is never followed; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:8:1: warning: image "out/x.png" is a symbolic link that leads out of the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:9:1: warning: image "../x.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:10:1: warning: image "pics/../../x.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:11:1: warning: image "/etc/passwd" is an absolute path; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:12:1: warning: image "C:\\secret.png" is an absolute path; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:13:1: warning: image "..\\x.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:14:1: warning: image "%2e%2e/x.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:15:1: warning: image "file:///etc/passwd" is a file: address; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:16:1: warning: image "loop.png" goes through too many symbolic links; its alt text is shown instead`,
	}
	if strings.Join(ds, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(ds, "\n"), strings.Join(want, "\n"))
	}
	if len(g.Images) != 1 || g.Images[imageKey("inside.png")] == nil {
		t.Errorf("loaded %v, want only inside.png", keysOf(g.Images))
	}
}

// TestImagesInARootedFolder checks, on the real file system, that a
// symbolic link out of an os.Root folder is refused with a warning.
func TestImagesInARootedFolder(t *testing.T) {
	base := t.TempDir()
	notes := filepath.Join(base, "notes")
	if err := os.Mkdir(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(base, "secret.png"), diagram, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(notes, "abs.png")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink("../secret.png", filepath.Join(notes, "rel.png")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(notes)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	g, ds := readImages(t, root.FS(), "abs.png", "rel.png")
	if len(ds) != 2 || !strings.Contains(ds[0], "warning: image \"abs.png\"") || !strings.Contains(ds[1], "warning: image \"rel.png\"") {
		t.Errorf("diagnostics:\n%s", strings.Join(ds, "\n"))
	}
	if len(g.Images) != 0 {
		t.Errorf("loaded %v from outside the folder", keysOf(g.Images))
	}
}

// TestImagesPackedOnce checks that one file written several ways, and two
// files with the same bytes, are stored once, with every image pointing
// at the key first used.
func TestImagesPackedOnce(t *testing.T) {
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	dir := fstest.MapFS{"a.png": {Data: diagram}, "pics/copy.png": {Data: diagram}, "a b.png": {Data: diagram}}
	var srcs []string
	for range 50 {
		srcs = append(srcs, "a.png", "./a.png", `pics\copy.png`, "pics/../a.png", "a%20b.png")
	}
	g, ds := readImages(t, dir, srcs...)
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	if len(g.Images) != 1 || g.Images[imageKey("a.png")] == nil {
		t.Fatalf("images %v, want a.png once", keysOf(g.Images))
	}
	walkGuideInlines(g, func(n guide.Inline) {
		if img, ok := n.(*guide.Image); ok && img.Src != "a.png" {
			t.Errorf("image points at %q, want a.png", img.Src)
		}
	})
}

// imageKey is the key of an image of the note readImages reads.
func imageKey(src string) guide.ImageKey {
	return guide.ImageKey{Note: "images.md", Src: src}
}

func keysOf(m map[guide.ImageKey]*guide.ImageFile) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k.Note+":"+k.Src)
	}
	return ks
}

// craftPNG writes a PNG file of the given size and kind whose pixel data,
// all zero bytes, is n bytes long before compression. A paletted picture
// gets a palette as large as its bit depth allows.
func craftPNG(width, height uint32, depth, colorType, interlace byte, n int64) []byte {
	var plte []byte
	if colorType == 3 {
		plte = make([]byte, 3*(1<<min(depth, 8)))
	}
	return craftPNGWith(width, height, depth, colorType, interlace, n, plte, nil)
}

// craftPNGWith is craftPNG with the PLTE and tRNS chunks given (nil for
// none).
func craftPNGWith(width, height uint32, depth, colorType, interlace byte, n int64, plte, trns []byte) []byte {
	var ihdr bytes.Buffer
	binary.Write(&ihdr, binary.BigEndian, width)
	binary.Write(&ihdr, binary.BigEndian, height)
	ihdr.Write([]byte{depth, colorType, 0, 0, interlace})
	var pixels bytes.Buffer
	zw := zlib.NewWriter(&pixels)
	zw.Write(make([]byte, n))
	zw.Close()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	pngChunk(&b, "IHDR", ihdr.Bytes())
	if plte != nil {
		pngChunk(&b, "PLTE", plte)
	}
	if trns != nil {
		pngChunk(&b, "tRNS", trns)
	}
	data := pixels.Bytes()
	pngChunk(&b, "IDAT", data[:len(data)/2])
	pngChunk(&b, "IDAT", nil)
	pngChunk(&b, "IDAT", data[len(data)/2:])
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

// TestCheckPNGAgreesWithDecoder checks checkPNG against image/png on
// pictures of every colour type, bit depth and interlacing: both accept
// pixel data of the length pngDataSize gives, and both refuse a byte more
// or less.
func TestCheckPNGAgreesWithDecoder(t *testing.T) {
	kinds := []struct{ colorType, depth byte }{
		{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16},
		{3, 1}, {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16},
	}
	sizes := [][2]uint32{{1, 1}, {3, 5}, {8, 8}, {9, 17}, {33, 2}, {2, 33}}
	for _, k := range kinds {
		for _, size := range sizes {
			for _, interlace := range []byte{0, 1} {
				ihdr := make([]byte, 13)
				binary.BigEndian.PutUint32(ihdr, size[0])
				binary.BigEndian.PutUint32(ihdr[4:], size[1])
				ihdr[8], ihdr[9], ihdr[12] = k.depth, k.colorType, interlace
				want, err := pngDataSize(ihdr)
				name := fmt.Sprintf("type %d depth %d %dx%d interlace %d", k.colorType, k.depth, size[0], size[1], interlace)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, n := range []int64{want - 1, want, want + 1} {
					data := craftPNG(size[0], size[1], k.depth, k.colorType, interlace, n)
					_, decErr := png.Decode(bytes.NewReader(data))
					err := checkPNG(data)
					if (decErr == nil) != (n == want) || (err == nil) != (n == want) {
						t.Errorf("%s, %d bytes of pixels (%d called for): image/png says %v, checkPNG says %v", name, n, want, decErr, err)
					}
				}
			}
		}
	}
}

// TestCheckPNGRefusesDamage checks that a PNG file cut anywhere, or with
// a byte changed anywhere, is refused.
func TestCheckPNGRefusesDamage(t *testing.T) {
	good, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkPNG(good); err != nil {
		t.Fatalf("the good picture is refused: %v", err)
	}
	for n := range len(good) {
		if err := checkPNG(good[:n]); err == nil {
			t.Errorf("the picture cut to %d of %d bytes is accepted", n, len(good))
		}
		bad := bytes.Clone(good)
		bad[n] ^= 0x20
		if err := checkPNG(bad); err == nil {
			t.Errorf("the picture with byte %d changed is accepted", n)
		}
	}
}

// TestCheckPNGPaletteAndTransparency checks checkPNG against image/png on
// palettes and transparency of every length that matters, for each colour
// type: a writer that trusts them reads past their end.
func TestCheckPNGPaletteAndTransparency(t *testing.T) {
	lengths := func(ns ...int) [][]byte {
		out := [][]byte{nil}
		for _, n := range ns {
			out = append(out, make([]byte, n))
		}
		return out
	}
	for _, colorType := range []byte{0, 2, 3, 4, 6} {
		ihdr := make([]byte, 13)
		binary.BigEndian.PutUint32(ihdr, 3)
		binary.BigEndian.PutUint32(ihdr[4:], 2)
		ihdr[8], ihdr[9] = 8, colorType
		size, err := pngDataSize(ihdr)
		if err != nil {
			t.Fatal(err)
		}
		for _, plte := range lengths(0, 3, 5, 6, 768, 771) {
			for _, trns := range lengths(0, 1, 2, 6, 10, 257) {
				data := craftPNGWith(3, 2, 8, colorType, 0, size, plte, trns)
				_, decErr := png.Decode(bytes.NewReader(data))
				err := checkPNG(data)
				if (decErr == nil) != (err == nil) {
					t.Errorf("colour type %d, PLTE of %d bytes (%v), tRNS of %d bytes (%v): image/png says %v, checkPNG says %v",
						colorType, len(plte), plte != nil, len(trns), trns != nil, decErr, err)
				}
			}
		}
	}
}
