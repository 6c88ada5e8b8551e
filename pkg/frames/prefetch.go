//go:build amd64 || arm64

package frames

import "unsafe"

// prefetch asks the CPU to start loading p's cache line and returns at once;
// it never faults. The walk reads ~100 levels at once, more streams than the
// hardware prefetcher follows, so each level's cursor asks for its own line
// ahead (prefetch_amd64.s, prefetch_arm64.s).
//
//go:noescape
func prefetch(p unsafe.Pointer)
