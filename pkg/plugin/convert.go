package plugin

import (
	"context"
	"runtime"
)

// conversions bounds the CPU-bound work (decoding and converting answers)
// running at once in the process, and with it the memory those steps take:
// calls that only wait on Pyroscope are not bounded by it.
var conversions = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// converting runs fn once a conversion slot is free, or gives up when the
// request ends first.
func converting[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	select {
	case conversions <- struct{}{}:
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
	defer func() { <-conversions }()
	return fn()
}
