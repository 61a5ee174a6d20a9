package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// Subset returns a copy of a TrueType font file in which every glyph that
// text made of the given runes cannot need is emptied, for embedding in an
// e-book. It keeps glyph 0 (.notdef), the glyphs the font maps the runes
// to, every glyph that a GSUB substitution can put in their place
// (ligatures, small capitals, alternate figures) and every component of a
// kept composite glyph. Glyph ids do not change, so the hmtx, kern, GDEF,
// GPOS and GSUB tables stay valid and are copied as they are.
//
// The glyf and loca tables are rebuilt, loca in the short format whenever
// the smaller glyf table allows it. The cmap is rebuilt to map only the
// given runes that the font has glyphs for, so that a reader sets any
// other rune in the next font of its list rather than as a blank (the
// original cmap stays when a new one would exceed the format's limits).
// The post table loses its glyph names (it becomes version 3) and a DSIG
// signature, which no longer holds, is dropped. Table checksums and the
// head checksum adjustment are recomputed.
//
// The output depends only on the font and the set of runes: their order
// and repeats do not matter. Subset reports an error, and never panics,
// when the font is malformed or is not a single font with TrueType
// outlines.
func Subset(data []byte, runes []rune) ([]byte, error) {
	out, err := subset(data, runes)
	if err != nil {
		return nil, fmt.Errorf("fonts: subset: %w", err)
	}
	return out, nil
}

// subset does the work of Subset.
func subset(data []byte, runes []rune) ([]byte, error) {
	file, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "maxp", "loca", "glyf", "cmap"} {
		if file.table(tag) == nil {
			return nil, fmt.Errorf("%w: no %s table", errMalformed, tag)
		}
	}
	glyphs, err := parseGlyphTable(file.table("head"), file.table("maxp"), file.table("loca"), file.table("glyf"))
	if err != nil {
		return nil, err
	}
	if glyphs.numGlyphs() == 0 {
		return nil, fmt.Errorf("%w: the font has no glyphs", errMalformed)
	}

	keep := make([]bool, glyphs.numGlyphs())
	keep[0] = true
	mapped, err := mapRunes(file.table("cmap"), glyphs.numGlyphs(), runes)
	if err != nil {
		return nil, err
	}
	for _, e := range mapped {
		keep[e.gid] = true
	}
	if err := addSubstitutes(file.table("GSUB"), keep); err != nil {
		return nil, err
	}
	if err := glyphs.addComponents(keep); err != nil {
		return nil, err
	}

	glyf, loca, long := glyphs.build(keep)
	head := bytes.Clone(file.table("head"))
	binary.BigEndian.PutUint16(head[50:], 0)
	if long {
		binary.BigEndian.PutUint16(head[50:], 1)
	}
	file.replace("head", head)
	file.replace("loca", loca)
	file.replace("glyf", glyf)
	if post := file.table("post"); len(post) >= 32 {
		post = bytes.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		file.replace("post", post)
	}
	if cmap, ok := buildCmap(mapped); ok {
		file.replace("cmap", cmap)
	}
	file.replace("DSIG", nil)
	return file.bytes(), nil
}
