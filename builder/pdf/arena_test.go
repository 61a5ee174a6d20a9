package pdf

import (
	"testing"
	"unsafe"
)

// TestArenaChunksGoBack fills an arena of bytes whose chunks come from a
// pool and hold a set number of bytes, gives back the chunks it retired,
// and checks that it fills them again, emptied, rather than new ones.
func TestArenaChunksGoBack(t *testing.T) {
	var pool chunkPool[byte]
	a := arena[byte]{pool: &pool, items: 8}
	first := a.copy([]byte("abcde"))
	a.copy([]byte("fgh"))
	a.copy([]byte("ij")) // does not fit: the first chunk is retired
	retired := a.takeRetired()
	if len(retired) != 1 || len(retired[0]) != 8 {
		t.Fatalf("retired %d chunks, want one of 8 bytes", len(retired))
	}
	if string(retired[0]) != "abcdefgh" {
		t.Errorf("the retired chunk holds %q", retired[0])
	}
	pool.put(retired)
	a.copy([]byte("klmnop"))
	again := a.copy([]byte("qrs")) // the chunk given back
	if unsafe.SliceData(again) != unsafe.SliceData(first) {
		t.Error("the chunk given back was not filled again")
	}
	if string(first) != "qrs\x00\x00" {
		t.Errorf("the chunk given back holds %q, not what was copied after it was emptied", first)
	}
	if long := a.copy([]byte("0123456789")); string(long) != "0123456789" {
		t.Errorf("a copy longer than a chunk is %q", long)
	}
}
