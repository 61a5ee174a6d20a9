package markdown

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// Image limits. An image file past them is not loaded and its alt text
// is shown: a larger file is no photograph a note needs, and a picture
// past the pixel limits is a decompression bomb (a small file that
// unpacks to gigabytes) or as good as one.
const (
	maxImageBytes  = 32 << 20
	maxImageSide   = 10_000
	maxImagePixels = 50_000_000
)

// imageLoader loads the image files a note refers to from the note's
// folder, or from a resource folder (Options.Resources), into
// Guide.Images, under the note's name and the source (see
// guide.ImageKey). Each source is tried once. A problem is a warning at
// the first place the source is used, and the image then shows its alt
// text; a source that leaves every allowed folder is never read.
//
// A file is packed once however often and however it is written: an
// image written another way ("./a.png" for "a.png"), or another file with
// the same bytes, takes the source first used for it, so that
// Guide.Images holds it under one key.
type imageLoader struct {
	file  *diag.File
	guide *guide.Guide
	// roots are the folders images are read from: the note's folder
	// first, then the resource folders in the order given.
	roots []Resource
	// key maps a source as written to the source it is kept under in
	// Guide.Images, or to "" when it could not be loaded.
	key    map[string]string
	byPath map[imageFile]string
	byData map[[sha256.Size]byte]string
	// prefix starts the names of the note's files: "" for the first note
	// of its file set, "n2-" for the second and so on, so that the notes
	// of one book never name two files alike.
	prefix string
}

// imageFile names a file in one of the loader's roots.
type imageFile struct {
	root int
	name string
}

func newImageLoader(file *diag.File, opts Options, g *guide.Guide) *imageLoader {
	l := &imageLoader{
		file:   file,
		guide:  g,
		key:    make(map[string]string),
		byPath: make(map[imageFile]string),
		byData: make(map[[sha256.Size]byte]string),
	}
	if opts.Dir != nil {
		l.roots = append([]Resource{{Path: opts.DirPath, FS: opts.Dir}}, opts.Resources...)
	}
	if i := slices.Index(file.Set().Files(), file); i > 0 {
		l.prefix = fmt.Sprintf("n%d-", i+1)
	}
	return l
}

// imageProblem is why an image is not loaded; outside marks a source that
// leaves the folders images may come from.
type imageProblem struct {
	msg     string
	outside bool
}

func (p *imageProblem) Error() string { return p.msg }

func problemf(format string, args ...any) *imageProblem {
	return &imageProblem{msg: fmt.Sprintf(format, args...)}
}

func outsidef(format string, args ...any) *imageProblem {
	return &imageProblem{msg: fmt.Sprintf(format, args...), outside: true}
}

// load loads the file of img, and points img at the key its file is
// stored under.
func (l *imageLoader) load(img *guide.Image) {
	if len(l.roots) == 0 {
		return
	}
	if k, seen := l.key[img.Src]; seen {
		if k != "" {
			img.Src = k
		}
		return
	}
	src := img.Src
	k, err := l.loadSource(src)
	l.key[src] = k
	if err != nil {
		if err.outside {
			l.file.Set().Warnf(img.Pos, "%s; it is not read, and its alt text is shown instead (--resources DIR allows images from another folder)", err.msg)
		} else {
			l.file.Set().Warnf(img.Pos, "%s; its alt text is shown instead", err.msg)
		}
		return
	}
	img.Src = k
}

// loadSource loads the file src names, unless a file already loaded is
// the same, and returns its key in Guide.Images.
func (l *imageLoader) loadSource(src string) (string, *imageProblem) {
	at, err := l.find(src)
	if err != nil {
		return "", err
	}
	if k, ok := l.byPath[at]; ok {
		return k, nil
	}
	f, err := l.readImage(src, l.roots[at.root].FS, at.name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(f.Data)
	if k, ok := l.byData[sum]; ok {
		l.byPath[at] = k
		return k, nil
	}
	if l.guide.Images == nil {
		l.guide.Images = make(map[guide.ImageKey]*guide.ImageFile)
	}
	f.Name = fmt.Sprintf("%simg-%d.%s", l.prefix, len(l.guide.Images)+1, fileExtension(f.MediaType))
	l.guide.Images[guide.ImageKey{Note: l.file.Name, Src: src}] = f
	l.byPath[at] = src
	l.byData[sum] = src
	return src, nil
}

// find turns an image source into an existing file in one of the roots.
// A name inside the note's folder is looked for there, then in each
// resource folder, as pandoc's --resource-path does; a path that leaves
// the note's folder is looked for where it leads, when that is inside a
// resource folder. Symbolic links are followed only while they stay in
// the folder they start in.
func (l *imageLoader) find(src string) (imageFile, *imageProblem) {
	switch {
	case src == "":
		return imageFile{}, problemf("an image has no file name")
	case urlScheme(src) == "file":
		return imageFile{}, outsidef("image %q is a file: address", src)
	case isRemote(src):
		return imageFile{}, problemf("image %q is on the web and is never fetched (put the file beside the note)", src)
	case hasScheme(src):
		return imageFile{}, problemf("image %q is not a file (only PNG and JPEG files beside the note are included)", src)
	}
	candidates := []string{src}
	if strings.Contains(src, "%") {
		if u, err := url.PathUnescape(src); err == nil && u != src {
			candidates = append(candidates, u)
		}
	}
	var missing, outside *imageProblem
	for _, c := range candidates {
		name, err := localName(c)
		var tries []imageFile
		switch {
		case err == nil:
			for i := range l.roots {
				tries = append(tries, imageFile{i, name})
			}
		case err.outside:
			tries = l.outsideTries(c)
			if len(tries) == 0 {
				outside = outsidef("image %q %s", src, err.msg)
				continue
			}
		default:
			return imageFile{}, problemf("image %q %s", src, err.msg)
		}
		for _, at := range tries {
			fsys := l.roots[at.root].FS
			folder := "the note's folder"
			if at.root > 0 {
				folder = "its resources folder"
			}
			name, err := resolveInside(fsys, at.name, folder)
			if err != nil && err.outside {
				return imageFile{}, outsidef("image %q %s", src, err.msg)
			}
			if err != nil {
				return imageFile{}, problemf("image %q %s", src, err.msg)
			}
			info, serr := fs.Stat(fsys, name)
			switch {
			case errors.Is(serr, fs.ErrNotExist):
				missing = problemf("image file %q not found", src)
				continue
			case serr != nil:
				return imageFile{}, problemf("image %q cannot be read (%v)", src, unwrapPath(serr))
			case !info.Mode().IsRegular():
				return imageFile{}, problemf("image %q is not a file", src)
			case info.Size() > maxImageBytes:
				return imageFile{}, problemf("image %q is %d MiB, more than the %d MiB an image may have", src, info.Size()>>20, maxImageBytes>>20)
			}
			return imageFile{at.root, name}, nil
		}
	}
	if outside != nil {
		return imageFile{}, outside
	}
	return imageFile{}, missing
}

// outsideTries returns where a source that leaves the note's folder (a
// path that climbs out of it, or an absolute one) leads in the resource
// folders that hold that place; none when the note's folder has no path
// or no resource folder holds it.
func (l *imageLoader) outsideTries(src string) []imageFile {
	if len(l.roots) < 2 || l.roots[0].Path == "" {
		return nil
	}
	s := strings.ReplaceAll(src, `\`, "/")
	if isDrive(s) {
		return nil
	}
	var target string
	if strings.HasPrefix(s, "/") {
		target = filepath.Clean(filepath.FromSlash(s))
	} else {
		target = filepath.Join(l.roots[0].Path, filepath.FromSlash(s))
	}
	var tries []imageFile
	for i := 1; i < len(l.roots); i++ {
		rel, err := filepath.Rel(l.roots[i].Path, target)
		if err != nil {
			continue
		}
		name := filepath.ToSlash(rel)
		if name == "." || name == ".." || strings.HasPrefix(name, "../") || !fs.ValidPath(name) {
			continue
		}
		tries = append(tries, imageFile{i, name})
	}
	return tries
}

// readImage reads and checks the image file name (written src in the
// note). The size and pixel dimensions are checked before the pixels are
// unpacked, so a decompression bomb costs nothing; a PNG file within the
// limits is then read to its end, so that one cut short or damaged is
// refused here.
func (l *imageLoader) readImage(src string, fsys fs.FS, name string) (*guide.ImageFile, *imageProblem) {
	data, err := readLimited(fsys, name, maxImageBytes)
	if err != nil {
		return nil, problemf("image %q cannot be read (%v)", src, unwrapPath(err))
	}
	f := &guide.ImageFile{Data: data, MediaType: mediaType(data)}
	var cfg image.Config
	switch f.MediaType {
	case "image/png":
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case "image/jpeg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	default:
		return nil, problemf("image %q is not a PNG or JPEG file", src)
	}
	switch {
	case err != nil:
		return nil, problemf("image %q is damaged (%v)", src, err)
	case cfg.Width <= 0 || cfg.Height <= 0:
		return nil, problemf("image %q has no pixels", src)
	case cfg.Width > maxImageSide || cfg.Height > maxImageSide:
		return nil, problemf("image %q is %d×%d pixels; no side may be over %d", src, cfg.Width, cfg.Height, maxImageSide)
	case int64(cfg.Width)*int64(cfg.Height) > maxImagePixels:
		return nil, problemf("image %q is %d×%d pixels, more than %d megapixels", src, cfg.Width, cfg.Height, maxImagePixels/1_000_000)
	}
	if f.MediaType == "image/png" {
		if err := checkPNG(data); err != nil {
			return nil, problemf("image %q is damaged (%v)", src, err)
		}
	}
	f.Width, f.Height = cfg.Width, cfg.Height
	return f, nil
}

// readLimited reads the file name of fsys, failing when it holds more
// than limit bytes (it may have grown since it was looked at).
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("it is more than %d MiB", limit>>20)
	}
	return data, nil
}

// unwrapPath drops the operation and path from a file system error, which
// the message gives in its own words.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// localName turns an image source into a slash-separated name inside the
// note's folder. Backslashes count as separators, as they do for authors
// on Windows. It refuses absolute paths and paths that climb out of the
// folder, saying why.
func localName(src string) (string, *imageProblem) {
	s := strings.ReplaceAll(src, `\`, "/")
	if strings.HasPrefix(s, "/") || isDrive(s) {
		return "", outsidef("is an absolute path")
	}
	name := path.Clean(s)
	if name == ".." || strings.HasPrefix(name, "../") {
		return "", outsidef("leaves the note's folder")
	}
	if !fs.ValidPath(name) || name == "." {
		return "", problemf("is not a file name")
	}
	return name, nil
}

// maxLinkHops is the most symbolic links followed for one image.
const maxLinkHops = 40

// resolveInside follows the symbolic links on the way to name in fsys and
// returns the name they lead to, refusing links that point outside fsys
// (absolute targets, or targets that climb out); folder names fsys in
// the reason. When fsys cannot read
// links, name is returned as it is: the folder itself must then refuse to
// follow links out of it, as an os.Root does.
func resolveInside(fsys fs.FS, name, folder string) (string, *imageProblem) {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return name, nil
	}
	todo := strings.Split(name, "/")
	var done []string
	hops := 0
	for len(todo) > 0 {
		part := todo[0]
		todo = todo[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", outsidef("is a symbolic link that leads out of %s", folder)
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(done, part)...)
		info, err := rl.Lstat(cur)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			// A missing or plain file or folder: opening it will tell.
			done = append(done, part)
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", problemf("goes through too many symbolic links")
		}
		target, err := rl.ReadLink(cur)
		if err != nil {
			return "", problemf("is a symbolic link that cannot be read")
		}
		target = strings.ReplaceAll(target, `\`, "/")
		if strings.HasPrefix(target, "/") || isDrive(target) {
			return "", outsidef("is a symbolic link to an absolute path, which is never followed")
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	if len(done) == 0 {
		return "", problemf("is not a file name")
	}
	return path.Join(done...), nil
}

// isRemote reports whether src is a web address: one with "://" in it,
// one that starts with "//", or one with a web scheme.
func isRemote(src string) bool {
	if strings.Contains(src, "://") || strings.HasPrefix(src, "//") {
		return true
	}
	switch urlScheme(src) {
	case "http", "https", "ftp":
		return true
	}
	return false
}

// isDrive reports whether s starts with a Windows drive letter, as in
// "C:\notes" or "c:/notes".
func isDrive(s string) bool {
	return len(s) >= 2 && s[1] == ':' && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') &&
		(len(s) == 2 || s[2] == '/' || s[2] == '\\')
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
