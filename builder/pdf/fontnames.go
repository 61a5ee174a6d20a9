package pdf

import (
	"bytes"
	"compress/zlib"
	"hash/fnv"
	"io"
	"regexp"
	"strconv"
	"sync"

	"studyguide/fonts"
)

// fpdf names each embedded font after its family and style ("utf8serifB")
// although what it embeds is a subset of the font. The PDF specification
// wants a subset named by its font's PostScript name after a tag of six
// capital letters and a plus sign ("KQWBRT+NotoSerif-Bold"), different for
// different subsets, and tools such as pdffonts read the tag to tell a
// subset. tagFontNames gives the fonts such names as the finished PDF is
// written.

// fontDescriptor matches the font descriptor fpdf writes for an embedded
// TrueType font: its name and the object of its font file.
var fontDescriptor = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`/Type /FontDescriptor /FontName /(utf8[^\s/<>\[\]()]*)(?s:.*?)/FontFile2 (\d+) 0 R`)
})

// tagFontNames renames the fonts of the objects of a PDF: each font whose
// descriptor fpdf wrote gets the PostScript name of its font file after a
// tag made from that file's bytes, so that the same subset always has the
// same name, in every object that names it. A font whose file cannot be
// read keeps its name.
func tagFontNames(objs []pdfObject) {
	byNumber := make(map[int]int, len(objs))
	for i, o := range objs {
		byNumber[o.n] = i
	}
	renames := map[string]string{}
	for _, o := range objs {
		if o.data != nil || !bytes.Contains(o.body, []byte("/FontDescriptor /FontName /utf8")) {
			continue
		}
		m := fontDescriptor().FindSubmatch(o.body)
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(string(m[2]))
		i, ok := byNumber[n]
		if err != nil || !ok {
			continue
		}
		program, ok := streamData(objs[i].body)
		if !ok {
			continue
		}
		font, err := inflate(program)
		if err != nil {
			continue
		}
		name, ok := fonts.PostScriptName(font)
		if !ok {
			continue
		}
		renames[string(m[1])] = subsetTag(program) + "+" + name
	}
	if len(renames) == 0 {
		return
	}
	for i := range objs {
		o := &objs[i]
		if o.data != nil || !bytes.Contains(o.body, []byte("/utf8")) {
			continue
		}
		o.body = renameIn(o.body, renames)
	}
}

// renameIn returns body with every name token /old of renames replaced by
// /new.
func renameIn(body []byte, renames map[string]string) []byte {
	var out []byte
	rest := body
	for {
		at := bytes.Index(rest, []byte("/utf8"))
		if at < 0 {
			break
		}
		end := at + 1
		for end < len(rest) && !isNameEnd(rest[end]) {
			end++
		}
		name := string(rest[at+1 : end])
		out = append(out, rest[:at+1]...)
		if n, ok := renames[name]; ok {
			out = append(out, n...)
		} else {
			out = append(out, name...)
		}
		rest = rest[end:]
	}
	if out == nil {
		return body
	}
	return append(out, rest...)
}

// isNameEnd reports whether c ends a name token.
func isNameEnd(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%':
		return true
	}
	return false
}

// subsetTag returns six capital letters made from the bytes of a font
// program.
func subsetTag(program []byte) string {
	h := fnv.New64a()
	h.Write(program)
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// streamData returns the data of a stream object as fpdf writes it: a
// dictionary that starts with the stream's length, then "stream" and the
// data.
func streamData(obj []byte) ([]byte, bool) {
	_, rest, ok := bytes.Cut(obj, []byte("<</Length "))
	if !ok {
		return nil, false
	}
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	length, err := strconv.Atoi(string(rest[:digits]))
	_, data, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	if err != nil || !ok || length > len(data) {
		return nil, false
	}
	return data[:length], true
}

// inflate returns the zlib-decompressed data.
func inflate(data []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
