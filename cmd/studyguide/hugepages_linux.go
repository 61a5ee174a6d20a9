package main

import (
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// hugeHeap is how much address space preferHugePages gives the heap: more
// than heapGoal, near which the heap of the longest note is held, so that
// every build's heap fits within it.
const hugeHeap = heapGoal + 64<<20

// preferHugePages asks Linux to back the heap with huge pages (2 MiB
// rather than 4 KiB), unless GODEBUG holds disablethp=1, the Go runtime's
// own switch for them. Most systems give huge pages only to memory that
// asks for them, and the Go runtime does not ask for its heap's. A build
// fills fresh memory quickly, and each 4 KiB page of it costs the kernel
// a page fault: on a virtual machine, a 1,000-section note's build spent
// a fifth of its processor time in some 50,000 of them, where with huge
// pages it takes a few thousand.
//
// It marks the heap's first arena, where the runtime started out, and
// makes room for the rest with one large allocation, marked too and given
// back at once: the runtime reuses that space, lowest addresses first,
// for what the build allocates. Its pages were never touched, so giving
// them back costs next to nothing, and the mark stays with the address
// space. It is called before paceGC, so that the collection it forces
// runs before the build's pace and memory limit are set. It reports
// whether it asked.
func preferHugePages(getenv func(string) string) bool {
	if strings.Contains(getenv("GODEBUG"), "disablethp=1") {
		return false
	}
	// No collection starts for the reservation: the one FreeOSMemory
	// forces is the only one it costs.
	pace := debug.SetGCPercent(-1)
	reserve(hugeHeap)
	debug.FreeOSMemory()
	debug.SetGCPercent(pace)
	return true
}

// arenaBytes is the size and alignment of the Go heap's arenas on 64-bit
// Linux: the address space the runtime reserves for its heap at a time.
const arenaBytes = 64 << 20

// reserve marks the arena that holds the heap's first objects for huge
// pages, then allocates n bytes and marks them too; the allocation is
// garbage as soon as it returns. An error (a kernel without huge pages)
// changes nothing, so it is not reported.
func reserve(n int) {
	first := uintptr(unsafe.Pointer(new([16]byte))) &^ (arenaBytes - 1)
	adviseHuge(first, arenaBytes)
	b := make([]byte, n)
	adviseHuge(uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(n))
}

// adviseHuge asks for huge pages for the n bytes at address at. Parts of
// the range that are not mapped are left as they are.
func adviseHuge(at, n uintptr) {
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, at, n, syscall.MADV_HUGEPAGE)
}
