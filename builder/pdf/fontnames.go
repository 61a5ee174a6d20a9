package pdf

import "hash/fnv"

// subsetTag returns six capital letters made from the bytes of a font
// program: the tag that names a subset of a font ("KQWBRT+NotoSerif-Bold"),
// as the PDF specification asks, the same for the same subset and
// different for different ones, so that tools such as pdffonts can tell
// a subset.
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
