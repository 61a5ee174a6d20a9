package markdown

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// readWithResources reads a note of one image per line from the folder
// dir at dirPath, with the resource folders given, and returns the guide
// and the diagnostics, one string each.
func readWithResources(t *testing.T, dir fstest.MapFS, dirPath string, resources []Resource, srcs ...string) (*guide.Guide, []string) {
	t.Helper()
	var note strings.Builder
	note.WriteString("# Images\n\n")
	for _, s := range srcs {
		note.WriteString("![alt](<" + s + ">)\n")
	}
	var list diag.List
	g, err := Read(diag.NewFile("images.md", []byte(note.String()), &list), Options{Dir: dir, DirPath: dirPath, Resources: resources})
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

// TestImagesFromResources checks that an image is read from a resource
// folder when the note's folder does not hold it, or when its path leaves
// the note's folder for a resource folder; and that nothing else outside
// the note's folder is read.
func TestImagesFromResources(t *testing.T) {
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	photo, err := os.ReadFile("testdata/photo.jpg")
	if err != nil {
		t.Fatal(err)
	}
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: 0o777 | os.ModeSymlink}
	}
	docs := fstest.MapFS{"own.png": {Data: diagram}}
	images := fstest.MapFS{
		"x.png":      {Data: photo},
		"own.png":    {Data: photo}, // the note's folder comes first
		"pics/y.png": {Data: pngBlank(2, 2)},
		"evil.png":   link("../secret.png"),
		"abs.png":    link("/base/secret.png"),
	}
	base := filepath.FromSlash("/base")
	res := []Resource{{Path: filepath.Join(base, "images"), FS: images}}
	g, ds := readWithResources(t, docs, filepath.Join(base, "docs"), res,
		"../images/x.png", "x.png", "own.png", "/base/images/pics/y.png", "../images/./pics/../x.png",
		"../images/evil.png", "../images/abs.png", "../other/z.png", "../images/../secret.png", "../images/none.png", "/etc/passwd")
	want := []string{
		`images.md:8:1: warning: image "../images/evil.png" is a symbolic link that leads out of its resources folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:9:1: warning: image "../images/abs.png" is a symbolic link to an absolute path, which is never followed; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:10:1: warning: image "../other/z.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:11:1: warning: image "../images/../secret.png" leaves the note's folder; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
		`images.md:12:1: warning: image file "../images/none.png" not found; its alt text is shown instead`,
		`images.md:13:1: warning: image "/etc/passwd" is an absolute path; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)`,
	}
	if strings.Join(ds, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(ds, "\n"), strings.Join(want, "\n"))
	}
	// x.png is one file, whichever way it is written; own.png comes from
	// the note's folder, y.png from the resource folder.
	keys := keysOf(g.Images)
	slices.Sort(keys)
	if want := []string{"images.md:../images/x.png", "images.md:/base/images/pics/y.png", "images.md:own.png"}; !slices.Equal(keys, want) {
		t.Errorf("loaded %v, want %v", keys, want)
	}
	if f := g.Images[imageKey("../images/x.png")]; f == nil || f.MediaType != "image/jpeg" {
		t.Errorf("x.png is not the photo of the resource folder")
	}
	if f := g.Images[imageKey("own.png")]; f == nil || f.MediaType != "image/png" {
		t.Errorf("own.png is not the picture of the note's folder")
	}
	var srcs []string
	guide.Inspect(g, func(n guide.Node) bool {
		if img, ok := n.(*guide.Image); ok {
			srcs = append(srcs, img.Src)
		}
		return true
	})
	if srcs[1] != "../images/x.png" || srcs[2] != "own.png" || srcs[4] != "../images/x.png" {
		t.Errorf("images point at %q", srcs)
	}
}

// TestImagesFromRootedResources checks, on the real file system, that a
// manual's image in a sibling folder is read through an os.Root on that
// folder, and that a symbolic link out of it is refused.
func TestImagesFromRootedResources(t *testing.T) {
	base := t.TempDir()
	for _, d := range []string{"docs", "images"} {
		if err := os.Mkdir(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	diagram, err := os.ReadFile("testdata/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"images/x.png", "secret.png"} {
		if err := os.WriteFile(filepath.Join(base, name), diagram, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../secret.png", filepath.Join(base, "images", "up.png")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	docs, err := os.OpenRoot(filepath.Join(base, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	images, err := os.OpenRoot(filepath.Join(base, "images"))
	if err != nil {
		t.Fatal(err)
	}
	defer images.Close()
	var list diag.List
	note := "# Manual\n\n![logo](../images/x.png) ![up](../images/up.png)\n"
	g, err := Read(diag.NewFile("guide.md", []byte(note), &list), Options{
		Dir: docs.FS(), DirPath: filepath.Join(base, "docs"),
		Resources: []Resource{{Path: filepath.Join(base, "images"), FS: images.FS()}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !strings.Contains(list[0].String(), `warning: image "../images/up.png" is a symbolic link that leads out of its resources folder`) {
		t.Errorf("diagnostics: %v", list)
	}
	if len(g.Images) != 1 || g.Images[guide.ImageKey{Note: "guide.md", Src: "../images/x.png"}] == nil {
		t.Errorf("loaded %v", keysOf(g.Images))
	}
}
