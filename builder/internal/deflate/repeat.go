package deflate

import (
	"cmp"
	"math/bits"
	"slices"
)

// WriteRepeated writes its copies as a block of DEFLATE data (RFC 1951)
// of its own, of the few symbols they need: matches of the longest
// length at one distance, and a literal or two. The block has codes made
// for those symbols, which take about half the bits of the fixed codes.

const (
	maxDistance = 32768 // the farthest a match reaches back
	minMatch    = 3     // the shortest match
	maxMatch    = 258   // the longest match
	endOfBlock  = 256   // the symbol that ends a block
	numLiterals = 286   // symbols of the literal and length alphabet
)

// lengthBase and distanceBase are the first length and distance of each
// code, from code 257 and code 0; lengthExtra and distanceExtra the number
// of extra bits that follow the code.
var (
	lengthBase    = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra   = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distanceBase  = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distanceExtra = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// codeLengthOrder is the order the code lengths of the code length
// alphabet are stored in.
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// token is a literal, or a match of a length and distance.
type token struct {
	literal          int // the symbol of a literal; -1 for a match
	length, distance int
}

// copies is rest bytes that repeat the len(p) bytes before them over and
// over, as tokens: full matches of the longest length at distance len(p),
// then the tokens of the last few bytes.
type copies struct {
	distance int
	full     int
	tail     []token
}

// copyTokens returns the tokens of rest bytes that repeat p, the len(p)
// bytes before them, over and over.
func copyTokens(p []byte, rest int) copies {
	c := copies{distance: len(p)}
	// Full matches as long as more than two matches' worth is left, so
	// that what is left is never too short for a match.
	if rest > 2*maxMatch {
		c.full = (rest - maxMatch) / maxMatch
	}
	at := c.full * maxMatch
	rest -= at
	var out []token
	for rest > 0 {
		if rest < minMatch {
			out = append(out, token{literal: int(p[at%len(p)])})
			at, rest = at+1, rest-1
			continue
		}
		l := min(rest, maxMatch)
		if r := rest - l; r > 0 && r < minMatch {
			l = rest - minMatch
		}
		out = append(out, token{literal: -1, length: l, distance: len(p)})
		at, rest = at+l, rest-l
	}
	c.tail = out
	return c
}

// each calls f with each token in turn.
func (c copies) each(f func(token)) {
	for range c.full {
		f(token{literal: -1, length: maxMatch, distance: c.distance})
	}
	for _, t := range c.tail {
		f(t)
	}
}

// lengthCode returns the index of the length code of a match length.
func lengthCode(length int) int {
	l := 0
	for l+1 < len(lengthBase) && lengthBase[l+1] <= length {
		l++
	}
	return l
}

// distanceCode returns the distance code of a match distance.
func distanceCode(distance int) int {
	d := 0
	for d+1 < len(distanceBase) && distanceBase[d+1] <= distance {
		d++
	}
	return d
}

// bitWriter packs bits least significant first, as DEFLATE stores them.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

// bits appends the n low bits of v, least significant first.
func (b *bitWriter) bits(v uint64, n uint) {
	b.acc |= v << b.nacc
	b.nacc += n
	for b.nacc >= 8 {
		b.out = append(b.out, byte(b.acc))
		b.acc >>= 8
		b.nacc -= 8
	}
}

// code appends a Huffman code of n bits, which DEFLATE stores most
// significant bit first.
func (b *bitWriter) code(c uint16, n uint8) {
	b.bits(reversed(c, n), uint(n))
}

// reversed returns a Huffman code of n bits in the order bits writes them.
func reversed(c uint16, n uint8) uint64 {
	return uint64(bits.Reverse16(c)) >> (16 - n)
}

// align pads to a whole byte with zero bits.
func (b *bitWriter) align() {
	if b.nacc > 0 {
		b.bits(0, 8-b.nacc)
	}
}

// block appends a block, not the last, of the tokens and the end of the
// block, in codes made for them.
func (b *bitWriter) block(c copies) {
	litFreq := make([]int, numLiterals)
	distFreq := make([]int, len(distanceBase))
	litFreq[endOfBlock] = 1
	if c.full > 0 {
		litFreq[257+lengthCode(maxMatch)] += c.full
		distFreq[distanceCode(c.distance)] += c.full
	}
	for _, t := range c.tail {
		if t.literal >= 0 {
			litFreq[t.literal]++
			continue
		}
		litFreq[257+lengthCode(t.length)]++
		distFreq[distanceCode(t.distance)]++
	}
	litLen, distLen := huffmanLengths(litFreq, 15), huffmanLengths(distFreq, 15)
	if litLen == nil || distLen == nil {
		b.fixedBlock(c)
		return
	}
	if slices.Max(distLen) == 0 {
		distLen[0] = 1 // a block names at least one distance code
	}
	nlit := numLiterals
	for litLen[nlit-1] == 0 {
		nlit--
	}
	ndist := len(distLen)
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}
	// The code lengths, run-length coded: a run of zeros as one symbol
	// (17 or 18) with its length in extra bits.
	type clSym struct{ sym, extra int }
	var cls []clSym
	lengths := slices.Concat(litLen[:nlit], distLen[:ndist])
	for i := 0; i < len(lengths); {
		if lengths[i] != 0 {
			cls = append(cls, clSym{int(lengths[i]), 0})
			i++
			continue
		}
		run := 1
		for i+run < len(lengths) && lengths[i+run] == 0 && run < 138 {
			run++
		}
		switch {
		case run >= 11:
			cls = append(cls, clSym{18, run - 11})
		case run >= 3:
			cls = append(cls, clSym{17, run - 3})
		default:
			run = 1
			cls = append(cls, clSym{0, 0})
		}
		i += run
	}
	clFreq := make([]int, len(codeLengthOrder))
	for _, c := range cls {
		clFreq[c.sym]++
	}
	clLen := huffmanLengths(clFreq, 7)
	if clLen == nil {
		b.fixedBlock(c)
		return
	}
	nclen := len(codeLengthOrder)
	for nclen > 4 && clLen[codeLengthOrder[nclen-1]] == 0 {
		nclen--
	}
	litCode, distCode, clCode := canonical(litLen), canonical(distLen), canonical(clLen)

	b.bits(0, 1) // not the last block
	b.bits(2, 2) // codes of its own
	b.bits(uint64(nlit-257), 5)
	b.bits(uint64(ndist-1), 5)
	b.bits(uint64(nclen-4), 4)
	for _, s := range codeLengthOrder[:nclen] {
		b.bits(uint64(clLen[s]), 3)
	}
	for _, c := range cls {
		b.code(clCode[c.sym], clLen[c.sym])
		switch c.sym {
		case 17:
			b.bits(uint64(c.extra), 3)
		case 18:
			b.bits(uint64(c.extra), 7)
		}
	}
	match := func(length, distance int) (v uint64, n uint) {
		l, d := lengthCode(length), distanceCode(distance)
		add := func(x uint64, k uint) { v, n = v|x<<n, n+k }
		add(reversed(litCode[257+l], litLen[257+l]), uint(litLen[257+l]))
		add(uint64(length-lengthBase[l]), lengthExtra[l])
		add(reversed(distCode[d], distLen[d]), uint(distLen[d]))
		add(uint64(distance-distanceBase[d]), distanceExtra[d])
		return v, n
	}
	// The full matches are all the same bits.
	if c.full > 0 {
		v, n := match(maxMatch, c.distance)
		for range c.full {
			b.bits(v, n)
		}
	}
	for _, t := range c.tail {
		if t.literal >= 0 {
			b.code(litCode[t.literal], litLen[t.literal])
			continue
		}
		b.bits(match(t.length, t.distance))
	}
	b.code(litCode[endOfBlock], litLen[endOfBlock])
}

// huffmanLengths returns the lengths of a Huffman code for symbols of the
// given frequencies, none longer than limit (symbols of no frequency get
// none), or nil when some code would be longer. A lone symbol gets a code
// of one bit. The lengths depend only on the frequencies: ties go to the
// lower symbol.
func huffmanLengths(freq []int, limit uint8) []uint8 {
	type node struct {
		freq, order int
		syms        []int
	}
	var nodes []node
	for s, f := range freq {
		if f > 0 {
			nodes = append(nodes, node{f, s, []int{s}})
		}
	}
	lengths := make([]uint8, len(freq))
	if len(nodes) == 1 {
		lengths[nodes[0].syms[0]] = 1
		return lengths
	}
	order := len(freq)
	for len(nodes) > 1 {
		slices.SortFunc(nodes, func(a, b node) int {
			return cmp.Or(cmp.Compare(a.freq, b.freq), cmp.Compare(a.order, b.order))
		})
		a, c := nodes[0], nodes[1]
		for _, s := range slices.Concat(a.syms, c.syms) {
			lengths[s]++
		}
		nodes = append(nodes[2:], node{a.freq + c.freq, order, slices.Concat(a.syms, c.syms)})
		order++
	}
	if slices.Max(lengths) > limit {
		return nil
	}
	return lengths
}

// canonical returns the canonical Huffman codes of the lengths (RFC 1951,
// 3.2.2).
func canonical(lengths []uint8) []uint16 {
	var count [16]int
	for _, l := range lengths {
		if l > 0 {
			count[l]++
		}
	}
	var next [16]uint16
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + uint16(count[l-1])) << 1
		if l == 1 {
			code = 0
		}
		next[l] = code
	}
	codes := make([]uint16, len(lengths))
	for s, l := range lengths {
		if l > 0 {
			codes[s] = next[l]
			next[l]++
		}
	}
	return codes
}

// fixedBlock appends a block, not the last, of the tokens and the end of
// the block in the fixed codes (RFC 1951, 3.2.6): what block falls back
// on should the codes made for the tokens grow too long, which the few
// symbols of copies never make them.
func (b *bitWriter) fixedBlock(c copies) {
	literal := func(sym int) {
		switch {
		case sym < 144:
			b.code(uint16(0x30+sym), 8)
		case sym < 256:
			b.code(uint16(0x190+sym-144), 9)
		case sym < 280:
			b.code(uint16(sym-256), 7)
		default:
			b.code(uint16(0xC0+sym-280), 8)
		}
	}
	b.bits(0, 1) // not the last block
	b.bits(1, 2) // the fixed codes
	c.each(func(t token) {
		if t.literal >= 0 {
			literal(t.literal)
			return
		}
		l, d := lengthCode(t.length), distanceCode(t.distance)
		literal(257 + l)
		b.bits(uint64(t.length-lengthBase[l]), lengthExtra[l])
		b.code(uint16(d), 5)
		b.bits(uint64(t.distance-distanceBase[d]), distanceExtra[d])
	})
	literal(endOfBlock)
}
