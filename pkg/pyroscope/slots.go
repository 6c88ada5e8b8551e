package pyroscope

import (
	"context"
	"net/http"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
)

// Slots bound how many large answers are read, decoded and converted at
// once, and with it the memory of one request: a query takes a slot when
// its answer starts to arrive, not while it waits for the server, so a hung
// server holds none.
type Slots chan struct{}

// NewSlots makes room for n answers at once.
func NewSlots(n int) Slots { return make(Slots, max(1, n)) }

// Claim is one query's use of a slot: taken by the transport when the
// answer's headers arrive (or by Take), given back by Release.
type Claim struct {
	slots Slots
	mu    sync.Mutex
	held  bool
}

type claimKey struct{}

// NewClaim prepares a claim the client's calls under ctx take when their
// answer arrives. Release it when the answer has been converted.
func (s Slots) NewClaim(ctx context.Context) (context.Context, *Claim) {
	c := &Claim{slots: s}
	return context.WithValue(ctx, claimKey{}, c), c
}

// Take holds a slot, unless one is held already; it gives up when ctx ends.
func (c *Claim) Take(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held {
		return nil
	}
	select {
	case c.slots <- struct{}{}:
		c.held = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Release gives the slot back; it is safe to call without one held.
func (c *Claim) Release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held {
		<-c.slots
		c.held = false
	}
}

// claimMiddleware takes the request's claim once a successful answer's
// headers are in, before its body is read.
func claimMiddleware() httpclient.Middleware {
	return httpclient.NamedMiddlewareFunc("embers-answer-slots", func(_ httpclient.Options, next http.RoundTripper) http.RoundTripper {
		return httpclient.RoundTripperFunc(func(req *http.Request) (*http.Response, error) {
			res, err := next.RoundTrip(req)
			claim, ok := req.Context().Value(claimKey{}).(*Claim)
			if err != nil || !ok || res.StatusCode != http.StatusOK {
				return res, err
			}
			if err := claim.Take(req.Context()); err != nil {
				_ = res.Body.Close()
				return nil, err
			}
			return res, nil
		})
	})
}
