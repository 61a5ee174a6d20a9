package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// vmaFlags returns the VmFlags of the mapping of this process that holds
// address a, from /proc/self/smaps.
func vmaFlags(t *testing.T, a uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line[:strings.IndexByte(line, ' ')+1], "-") {
			in = lo <= a && a < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.Fields(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping holds %#x", a)
	return nil
}

// thpOffered reports whether the kernel gives huge pages to memory that
// asks for them.
func thpOffered() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && !strings.Contains(string(b), "[never]")
}

func TestPreferHugePagesMarksTheMemoryABuildAllocates(t *testing.T) {
	if !thpOffered() {
		t.Skip("this kernel gives no huge pages")
	}
	if !preferHugePages(func(string) string { return "" }) {
		t.Fatal("preferHugePages did not ask for huge pages")
	}
	// What the build allocates next lands in the space given back.
	b := make([]byte, 8<<20)
	flags := vmaFlags(t, uintptr(unsafe.Pointer(&b[0])))
	if !contains(flags, "hg") {
		t.Errorf("a fresh 8 MiB allocation's mapping has VmFlags %v; want hg (huge pages asked for)", flags)
	}
}

func TestPreferHugePagesHeedsGODEBUG(t *testing.T) {
	asked := preferHugePages(func(k string) string {
		if k == "GODEBUG" {
			return "madvdontneed=1,disablethp=1"
		}
		return ""
	})
	if asked {
		t.Error("preferHugePages asked for huge pages with GODEBUG=disablethp=1")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
