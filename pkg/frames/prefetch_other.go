//go:build !amd64 && !arm64

package frames

import "unsafe"

// prefetch is a hint, so elsewhere it does nothing.
func prefetch(unsafe.Pointer) {}
