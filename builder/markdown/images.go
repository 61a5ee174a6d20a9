package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// imageLoader loads the image files a note refers to from the note's
// folder into Guide.Images. Each source is tried once; problems are
// warnings at the first place the image is used, and the image then shows
// its alt text.
type imageLoader struct {
	file  *diag.File
	dir   fs.FS
	guide *guide.Guide
	tried map[string]bool
}

func newImageLoader(file *diag.File, dir fs.FS, g *guide.Guide) *imageLoader {
	return &imageLoader{file: file, dir: dir, guide: g, tried: make(map[string]bool)}
}

// load loads the file of img unless it was tried before.
func (l *imageLoader) load(img *guide.Image) {
	if l.dir == nil || l.tried[img.Src] {
		return
	}
	l.tried[img.Src] = true
	f, err := l.read(img.Src)
	if err != nil {
		l.file.Warnf(int(img.Pos), "%v", err)
		return
	}
	if l.guide.Images == nil {
		l.guide.Images = make(map[string]*guide.ImageFile)
	}
	f.Name = fmt.Sprintf("img-%d.%s", len(l.guide.Images)+1, fileExtension(f.MediaType))
	l.guide.Images[img.Src] = f
}

// read reads and checks one image file. Its error is the warning to show.
func (l *imageLoader) read(src string) (*guide.ImageFile, error) {
	switch {
	case src == "":
		return nil, errors.New("image has no file name")
	case strings.Contains(src, "://") || strings.HasPrefix(src, "//"):
		return nil, fmt.Errorf("image %q is on the web and is not fetched; put the file beside the note", src)
	case hasScheme(src):
		return nil, fmt.Errorf("image %q is not a file; only PNG and JPEG files beside the note are included", src)
	}
	name, ok := localName(src)
	if !ok {
		return nil, fmt.Errorf("image %q is outside the note's folder and is not included", src)
	}
	data, err := fs.ReadFile(l.dir, name)
	if errors.Is(err, fs.ErrNotExist) && strings.Contains(src, "%") {
		if u, uerr := url.PathUnescape(src); uerr == nil {
			if n, ok := localName(u); ok {
				data, err = fs.ReadFile(l.dir, n)
			}
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("image file %q not found", src)
	case err != nil:
		return nil, fmt.Errorf("image %q cannot be read: %w", src, err)
	}
	f := &guide.ImageFile{Data: data, MediaType: mediaType(data)}
	var cfg image.Config
	switch f.MediaType {
	case "image/png":
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case "image/jpeg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	default:
		return nil, fmt.Errorf("image %q is not a PNG or JPEG file and is not included", src)
	}
	if err != nil {
		return nil, fmt.Errorf("image %q is damaged and is not included: %w", src, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("image %q has no pixels and is not included", src)
	}
	f.Width, f.Height = cfg.Width, cfg.Height
	return f, nil
}

// localName turns an image source into a name inside the note's folder,
// refusing absolute paths and paths that climb out of the folder.
func localName(src string) (string, bool) {
	if strings.HasPrefix(src, "/") || strings.HasPrefix(src, `\`) {
		return "", false
	}
	name := path.Clean(src)
	return name, fs.ValidPath(name) && name != "."
}

// hasScheme reports whether src starts with a URL scheme such as "data:"
// or "mailto:". A single letter is a Windows drive, not a scheme.
func hasScheme(src string) bool {
	i := strings.IndexByte(src, ':')
	if i < 2 {
		return false
	}
	for j, c := range src[:i] {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (j == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// mediaType tells PNG and JPEG apart by their first bytes, whatever the
// file is called.
func mediaType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	}
	return ""
}

func fileExtension(mediaType string) string {
	if mediaType == "image/png" {
		return "png"
	}
	return "jpg"
}
