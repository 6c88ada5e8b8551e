package plugin

import (
	"context"
	"runtime"

	"github.com/embers/embers/pkg/pyroscope"
)

// answerSlots bounds the flame graph answers being read, decoded and
// converted at once in the process, and with them the memory of a request
// however many queries it holds. Calls that only wait on Pyroscope hold no
// slot, so a hung server does not make the others queue.
var answerSlots = pyroscope.NewSlots(max(2, runtime.GOMAXPROCS(0)))

// fetchAndConvert calls Pyroscope and converts its answer holding one slot
// from the moment the answer arrives until it is converted.
func fetchAndConvert[A, F any](ctx context.Context, fetch func(context.Context) (A, error), convert func(A) (F, error)) (F, error) {
	ctx, claim := answerSlots.NewClaim(ctx)
	defer claim.Release()
	var zero F
	answer, err := fetch(ctx)
	if err != nil {
		return zero, err
	}
	if err := claim.Take(ctx); err != nil { // the transport takes it; a no-op then
		return zero, err
	}
	return convert(answer)
}
