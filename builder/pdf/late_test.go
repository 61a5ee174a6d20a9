package pdf

import (
	"hash/maphash"
	"testing"
)

// TestLateFormsFound checks that a late number's form is found again by
// its key, over several chunks of forms, and that two keys whose hashes
// clash each keep their own form.
func TestLateFormsFound(t *testing.T) {
	ln := &lateNumbers{seed: maphash.MakeSeed(), byHash: map[uint64]int32{}}
	key := func(i int) lateKey { return lateKey{what: lateWhat{link: int32(i)}, size: 9, room: 3} }
	const n = 3*formChunk + 5
	for i := 1; i <= n; i++ {
		k := key(i)
		if got := ln.add(lateForm{key: k}, maphash.Comparable(ln.seed, k)); got != int32(i) {
			t.Fatalf("form %d added as %d", i, got)
		}
	}
	for i := 1; i <= n; i++ {
		k := key(i)
		if got := ln.find(k, maphash.Comparable(ln.seed, k)); got != int32(i) {
			t.Fatalf("form %d found as %d", i, got)
		}
		if f := ln.formAt(int32(i)); f.key != k {
			t.Fatalf("form %d holds %+v", i, f.key)
		}
	}
	if got := ln.find(key(n+1), maphash.Comparable(ln.seed, key(n+1))); got != 0 {
		t.Errorf("a key never added found as form %d", got)
	}
	// Two keys with the same hash.
	a, b := key(n+1), key(n+2)
	na, nb := ln.add(lateForm{key: a}, 42), ln.add(lateForm{key: b}, 42)
	if ln.find(a, 42) != na || ln.find(b, 42) != nb || na == nb {
		t.Errorf("clashing keys found as %d and %d; want %d and %d", ln.find(a, 42), ln.find(b, 42), na, nb)
	}
}

// TestLateTextSays checks that the words of a link are completed with
// its page numbers and the spaces their placeholders carried.
func TestLateTextSays(t *testing.T) {
	pages := map[int]int{3: 12, 4: 0}
	lt := lateText{text: []byte("see page and"), pages: []latePage{{at: 9, page: 3, after: true}, {at: 12, page: 4, before: true}}}
	var held lateTexts
	held.add(lateText{text: []byte("before")})
	held.add(lt)
	lt.text[0] = 'S' // held keeps a copy
	got := held.at(1).say(func(link int) int { return pages[link] })
	if want := "see page 12 and 1"; got != want {
		t.Errorf("say = %q; want %q", got, want)
	}
}
