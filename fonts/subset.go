package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Subset returns a TrueType font file cut down to what text made of the
// given runes needs, for embedding in an e-book.
//
// It keeps glyph 0 (.notdef), the glyphs the font maps the runes to, every
// glyph that a substitution of a feature shapers apply by default
// (ligatures, contextual and localised forms; see defaultGSUBFeatures) can
// put in their place, and every component of a kept composite glyph. The
// kept glyphs are numbered anew from 0 in their old order, and every table
// that names glyphs is rewritten for them: glyf and loca, hmtx, cmap (the
// given runes the font has, so that a reader sets any other rune in the
// next font of its list rather than as a blank), GSUB, GPOS, GDEF and kern.
// A font with a MATH table keeps its glyph ids, as that table names glyphs
// too; the glyphs it does not keep are emptied. Such a font also keeps
// the larger forms and assembly parts its MATH table gives a kept glyph,
// and the script-size and flattened forms (features ssty and flac), so
// that a reader can grow delimiters, radicals and big operators.
//
// Hinting is dropped (the fpgm, prep and cvt tables and every glyph's
// instructions), as are tables of per-glyph data that readers do without
// (hdmx, LTSH, VDMX), the glyph names (post becomes version 3) and a DSIG
// signature, which no longer holds. Table checksums and the head checksum
// adjustment are recomputed.
//
// The output depends only on the font and the set of runes: their order
// and repeats do not matter. Subset reports an error, and never panics,
// when the font is malformed or is not a single font with TrueType
// outlines.
func Subset(data []byte, runes []rune) ([]byte, error) {
	out, err := subset(data, runes, forBook)
	if err != nil {
		return nil, fmt.Errorf("fonts: subset: %w", err)
	}
	return out, nil
}

// purpose is what a subset is made for.
type purpose int

const (
	// forBook is a subset for an e-book, whose reader shapes text with
	// the font's layout tables: it keeps them, with every glyph a
	// default substitution can put in place of a kept one, and a maths
	// face keeps its glyph ids and the forms a reader grows glyphs with
	// (see addMathVariants and mathGSUBFeatures).
	forBook purpose = iota
	// forPrint is a subset for a PDF, which names each glyph it draws
	// and whose readers apply no layout table: it keeps only the glyphs
	// asked for and their components, numbered anew, and leaves the
	// layout tables out (GSUB, GPOS, GDEF, kern and MATH).
	forPrint
)

// subset does the work of Subset, for a purpose.
func subset(data []byte, runes []rune, p purpose) ([]byte, error) {
	out, _, err := subsetKeeping(data, runes, nil, p)
	return out, err
}

// subsetKeeping does the work of Subset for runes, keeping the glyphs
// gids as well, and returns the id each of those glyphs has in the
// subset (0 for an id the font does not have).
func subsetKeeping(data []byte, runes []rune, gids []uint16, p purpose) ([]byte, []uint16, error) {
	file, err := parseSFNT(data)
	if err != nil {
		return nil, nil, err
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap"} {
		if file.table(tag) == nil {
			return nil, nil, fmt.Errorf("%w: no %s table", errMalformed, tag)
		}
	}
	glyphs, err := parseGlyphTable(file.table("head"), file.table("maxp"), file.table("loca"), file.table("glyf"))
	if err != nil {
		return nil, nil, err
	}
	numGlyphs := glyphs.numGlyphs()
	if numGlyphs == 0 {
		return nil, nil, fmt.Errorf("%w: the font has no glyphs", errMalformed)
	}

	keep := make([]bool, numGlyphs)
	keep[0] = true
	mapped, err := mapRunes(file.table("cmap"), numGlyphs, runes)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range mapped {
		keep[e.gid] = true
	}
	for _, g := range gids {
		if int(g) < numGlyphs {
			keep[g] = true
		}
	}
	gsub, gpos := file.table("GSUB"), file.table("GPOS")
	var gsubActive, gposActive []bool
	maths := file.table("MATH")
	if p == forPrint {
		gsub, gpos, maths = nil, nil, nil
	}
	if gsub != nil {
		features := defaultGSUBFeatures
		if maths != nil {
			features = append(slices.Clone(features), mathGSUBFeatures...)
		}
		if gsubActive, err = activeLookups(gsub, features, true); err != nil {
			return nil, nil, err
		}
		if err := addActiveSubstitutes(gsub, keep, gsubActive); err != nil {
			return nil, nil, err
		}
	}
	if maths != nil {
		t, err := ParseMathTable(maths)
		if err != nil {
			return nil, nil, err
		}
		addMathVariants(t, keep)
	}
	if err := glyphs.addComponents(keep); err != nil {
		return nil, nil, err
	}
	m := newGlyphMap(keep, p == forPrint || file.table("MATH") == nil)

	glyf, loca, long, err := glyphs.build(m)
	if err != nil {
		return nil, nil, err
	}
	head := bytes.Clone(file.table("head"))
	binary.BigEndian.PutUint16(head[50:], 0)
	if long {
		binary.BigEndian.PutUint16(head[50:], 1)
	}
	file.replace("head", head)
	file.replace("loca", loca)
	file.replace("glyf", glyf)
	hmtx, numLong, err := hmtxOf(file.table("hhea"), file.table("hmtx"), numGlyphs, m)
	if err != nil {
		return nil, nil, err
	}
	hhea := bytes.Clone(file.table("hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(numLong))
	file.replace("hhea", hhea)
	file.replace("hmtx", hmtx)
	file.replace("maxp", maxpOf(file.table("maxp"), m.count()))
	if post := file.table("post"); len(post) >= 32 {
		post = bytes.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		file.replace("post", post)
	}
	for i, e := range mapped {
		mapped[i].gid, _ = m.get(int(e.gid))
	}
	if cmap, ok := buildCmap(mapped); ok {
		file.replace("cmap", cmap)
	} else {
		return nil, nil, fmt.Errorf("too many runes for a character map")
	}

	if gsub != nil {
		t, err := rewriteLayout(gsub, gsubActive, m, 7, gsubSubtable)
		if err := layoutResult(file, "GSUB", t, err); err != nil {
			return nil, nil, err
		}
	}
	if gpos != nil {
		if gposActive, err = activeLookups(gpos, defaultGPOSFeatures, false); err != nil {
			return nil, nil, err
		}
		t, err := rewriteLayout(gpos, gposActive, m, 9, gposSubtable)
		if err := layoutResult(file, "GPOS", t, err); err != nil {
			return nil, nil, err
		}
	}
	if p == forPrint {
		for _, tag := range []string{"GSUB", "GPOS", "GDEF", "kern", "MATH"} {
			file.replace(tag, nil)
		}
	}
	if gdef := file.table("GDEF"); gdef != nil {
		t, err := gdefOf(gdef, m)
		if err := layoutResult(file, "GDEF", t, err); err != nil {
			return nil, nil, err
		}
	}
	if kern := file.table("kern"); kern != nil {
		t, err := kernOf(kern, m)
		if err := layoutResult(file, "kern", t, err); err != nil {
			return nil, nil, err
		}
	}
	for _, tag := range []string{"fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "DSIG"} {
		file.replace(tag, nil)
	}
	newIDs := make([]uint16, len(gids))
	for i, g := range gids {
		if int(g) < numGlyphs {
			newIDs[i], _ = m.get(int(g))
		}
	}
	return file.bytes(), newIDs, nil
}

// mathGSUBFeatures are the features a reader that lays out formulas
// applies besides the default ones: the script-size forms of glyphs set
// in scripts (ssty) and the flattened accents of tall bases (flac).
var mathGSUBFeatures = []string{"ssty", "flac"}

// addMathVariants keeps, for every kept glyph, the larger and wider forms
// its MATH table gives it and the parts of its assemblies: the glyphs a
// reader draws a delimiter, radical or big operator with as it grows.
func addMathVariants(t *MathTable, keep []bool) {
	add := func(c *GlyphConstruction) {
		if c == nil {
			return
		}
		for _, v := range c.Variants {
			if int(v.Glyph) < len(keep) {
				keep[v.Glyph] = true
			}
		}
		if c.Assembly != nil {
			for _, p := range c.Assembly.Parts {
				if int(p.Glyph) < len(keep) {
					keep[p.Glyph] = true
				}
			}
		}
	}
	for g := range keep {
		if !keep[g] {
			continue
		}
		add(t.Vertical[uint16(g)])
		add(t.Horizontal[uint16(g)])
	}
}

// layoutResult puts a rewritten table in place. A table that could not be
// rewritten for a reason other than a malformed font (offsets beyond
// reach, an order of parts the rewriting does not know) is left out, which
// costs only its refinements; a malformed font is an error.
func layoutResult(file *sfntFile, tag string, table []byte, err error) error {
	switch {
	case errors.Is(err, errMalformed):
		return err
	case err != nil || table == nil:
		file.replace(tag, nil)
	default:
		file.replace(tag, table)
	}
	return nil
}
