package deflate

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	adler32std "hash/adler32"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// samples are data of the kinds the build compresses: text, a page's
// drawing operators, incompressible bytes, and nothing at all.
func samples() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 200_000)
	for i := range random {
		random[i] = byte(r.IntN(256))
	}
	var ops strings.Builder
	for i := range 5000 {
		ops.WriteString("BT /F1 10.5 Tf 1 0 0 1 ")
		ops.WriteString(strings.Repeat("7", i%7+1))
		ops.WriteString(" 700 Tm (Peacekeeping) Tj ET\n")
	}
	return map[string][]byte{
		"empty":  {},
		"byte":   {'x'},
		"text":   []byte(strings.Repeat("<p>The first NATO-led peace operation, in Bosnia, began in 1995.</p>\n", 2000)),
		"ops":    []byte(ops.String()),
		"random": random,
	}
}

func inflate(t *testing.T, f Format, b []byte) []byte {
	t.Helper()
	var r io.Reader
	if f == Zlib {
		zr, err := zlib.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(b))
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The standard library's readers, which stand for every reader of an
// EPUB, a PDF or a PNG image, read back what was compressed, and the
// zlib wrapper's sum holds.
func TestReadersReadBackTheData(t *testing.T) {
	for name, data := range samples() {
		for _, f := range []Format{Raw, Zlib} {
			b, err := Append(nil, data, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := inflate(t, f, b); !bytes.Equal(got, data) {
				t.Errorf("%s (format %d): read back %d bytes that differ from the %d written", name, f, len(got), len(data))
			}
		}
	}
}

// The same data gives the same bytes whatever a compressor compressed
// before, so that a rebuild is byte for byte the same.
func TestTheSameDataGivesTheSameBytes(t *testing.T) {
	s := samples()
	first, err := Append(nil, s["text"], Raw)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		for _, name := range []string{"random", "ops", "text", "byte"} {
			if _, err := Append(nil, s[name], Raw); err != nil {
				t.Fatal(err)
			}
		}
		again, _ := Append(nil, s["text"], Raw)
		if !bytes.Equal(again, first) {
			t.Fatal("the same text compressed after other data gives other bytes")
		}
	}
	// Written in pieces, as the cover's rows are, the data gives the
	// same bytes as written at once.
	var buf bytes.Buffer
	w := NewWriter(&buf, Raw)
	for p := s["text"]; len(p) > 0; p = p[min(len(p), 1201):] {
		w.Write(p[:min(len(p), 1201)])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), first) {
		t.Error("the text written in pieces gives other bytes than written at once")
	}
}

// Writers on several goroutines at once each give what one alone gives.
func TestWritersSideBySide(t *testing.T) {
	s := samples()
	want := map[string][]byte{}
	for name, data := range s {
		want[name], _ = Append(nil, data, Zlib)
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, data := range s {
			wg.Go(func() {
				if got, _ := Append(nil, data, Zlib); !bytes.Equal(got, want[name]) {
					t.Errorf("%s: compressed beside others, the bytes differ", name)
				}
			})
		}
	}
	wg.Wait()
}

// Text shrinks about as much as the standard library's fastest level
// shrinks it, and incompressible data hardly grows.
func TestSizes(t *testing.T) {
	for name, data := range samples() {
		if len(data) < 1000 {
			continue
		}
		got, _ := Append(nil, data, Raw)
		var std bytes.Buffer
		fw, _ := flate.NewWriter(&std, flate.BestSpeed)
		fw.Write(data)
		fw.Close()
		if name == "random" {
			if len(got) > len(data)+len(data)/100 {
				t.Errorf("random: %d bytes grew to %d", len(data), len(got))
			}
			continue
		}
		if len(got) > std.Len()*11/10 {
			t.Errorf("%s: %d bytes; the standard library's fastest level gives %d", name, len(got), std.Len())
		}
	}
}

func TestWriteAfterClose(t *testing.T) {
	w := NewWriter(io.Discard, Raw)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("late")); err == nil {
		t.Error("a write after Close was taken")
	}
	if err := w.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

func BenchmarkText(b *testing.B) {
	data := samples()["text"]
	b.SetBytes(int64(len(data)))
	var out []byte
	for b.Loop() {
		out, _ = Append(out[:0], data, Raw)
	}
}

// BenchmarkAdler32 sums 64 KB of text, the size of a PDF page's stream
// or more. Run it with
//
//	go test -run '^$' -bench Adler32 ./builder/internal/deflate/
func BenchmarkAdler32(b *testing.B) {
	data := samples()["text"]
	data = data[:min(len(data), 64<<10)]
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		adler32(1, data)
	}
}

func TestAdler32(t *testing.T) {
	data := samples()["random"]
	for _, n := range []int{0, 1, 3, 7, 8, 9, 15, 16, 17, 5551, 5552, 5553, 100_000} {
		if got, want := adler32(1, data[:n]), stdAdler32(data[:n]); got != want {
			t.Errorf("%d bytes: sum %08x; want %08x", n, got, want)
		}
	}
	// Every byte 0xFF, the most each group of eight can add, and a sum
	// carried on from bytes before at every offset.
	ff := bytes.Repeat([]byte{0xFF}, 3*5552+11)
	if got, want := adler32(1, ff), stdAdler32(ff); got != want {
		t.Errorf("%d bytes of 0xff: sum %08x; want %08x", len(ff), got, want)
	}
	for at := range 20 {
		if got, want := adler32(adler32(1, data[:at]), data[at:9000]), stdAdler32(data[:9000]); got != want {
			t.Errorf("sum carried on after %d bytes: %08x; want %08x", at, got, want)
		}
	}
	p := data[:1201]
	if got, want := adler32Repeated(adler32(1, data[:77]), p, 40), stdAdler32(append(data[:77:77], bytes.Repeat(p, 40)...)); got != want {
		t.Errorf("40 copies: sum %08x; want %08x", got, want)
	}
}

// The copies WriteRepeated writes itself read back as the copies, in
// either format, between data compressed as usual, for copies of every
// length the format's matches and literals must cover.
func TestWriteRepeated(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	before, after := samples()["text"][:5000], samples()["ops"][:7000]
	for _, size := range []int{1, 2, 3, 4, 100, 257, 258, 259, 260, 261, 1201, 32768, 40000} {
		p := make([]byte, size)
		for i := range p {
			p[i] = byte(r.IntN(4))
		}
		for _, n := range []int{1, 2, 3, 7, 50} {
			for _, f := range []Format{Raw, Zlib} {
				var buf bytes.Buffer
				w := NewWriter(&buf, f)
				w.Write(before)
				if err := w.WriteRepeated(p, n); err != nil {
					t.Fatal(err)
				}
				w.Write(after)
				if err := w.WriteRepeated(p[:size/2+1], 2); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				want := slices.Concat(before, bytes.Repeat(p, n), after, p[:size/2+1], p[:size/2+1])
				if got := inflate(t, f, buf.Bytes()); !bytes.Equal(got, want) {
					t.Fatalf("%d bytes %d times (format %d): read back %d bytes that differ from the %d written", size, n, f, len(got), len(want))
				}
				if n == 50 && size >= 100 && size <= maxDistance && buf.Len() > len(before)+len(after)+size*3 {
					t.Errorf("%d bytes %d times: %d bytes compressed", size, n, buf.Len())
				}
			}
		}
	}
}

func stdAdler32(p []byte) uint32 { return adler32std.Checksum(p) }

// The block of fixed codes that copies fall back on reads back as the
// copies too.
func TestFixedBlock(t *testing.T) {
	p := []byte("abcdefghij")
	var b bitWriter
	b.fixedBlock(copyTokens(p, 1000))
	b.bits(1, 1) // the last block: stored, empty
	b.bits(0, 2)
	b.align()
	b.out = append(b.out, 0, 0, 0xFF, 0xFF)
	// The copies reach back before the block: the reader is given p
	// first, as a stored block.
	stored := append([]byte{0, byte(len(p)), 0, ^byte(len(p)), 0xFF}, p...)
	got := inflate(t, Raw, append(stored, b.out...))
	if want := bytes.Repeat(p, 101); !bytes.Equal(got, want) {
		t.Errorf("read back %q", got)
	}
}
