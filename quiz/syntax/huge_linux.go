package syntax

// This file asks Linux to back the large arrays of the weight tables with
// huge pages: the tagger and parser look up a few hundred features per
// word, scattered over tens of megabytes, and with 4 KB pages most
// lookups would also miss the processor's address translation cache.

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a huge page on x86-64 and arm64 Linux.
const hugePage = 2 << 20

// hugeUint64s returns a zeroed slice of n words that, when it spans whole
// huge pages, starts on one and is advised to use them. It is called
// before the slice is first written, so that the kernel can back it with
// huge pages as it touches it. The advice is best effort: the slice is an
// ordinary Go slice and works the same without it.
func hugeUint64s(n int) []uint64 {
	if n*8 < 2*hugePage {
		return make([]uint64, n)
	}
	buf := make([]uint64, n+hugePage/8)
	p := uintptr(unsafe.Pointer(&buf[0]))
	skip := int((p+hugePage-1)&^(hugePage-1)-p) / 8
	out := buf[skip : skip+n : skip+n]
	b := unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), (n*8)&^(hugePage-1))
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE; an error leaves small pages
	return out
}
