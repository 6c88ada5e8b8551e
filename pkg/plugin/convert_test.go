package plugin

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope"
)

// slotLooks is a request context that notes how many answer slots are held
// each time it is looked at once converting has begun.
type slotLooks struct {
	context.Context
	converting atomic.Bool
	mu         sync.Mutex
	held       []int
}

func (s *slotLooks) Err() error {
	if s.converting.Load() {
		s.mu.Lock()
		s.held = append(s.held, len(answerSlots))
		s.mu.Unlock()
	}
	return s.Context.Err()
}

// Every flame graph answer holds one of the process's answer slots, which
// bound the memory of the answers read and converted at once, from its
// arrival until it is converted, and gives it back then. With one slot, the
// slot is held when the call returns its answer and at every look the
// conversion takes at the request.
func TestAnAnswerIsConvertedHoldingASlot(t *testing.T) {
	defer func(prev pyroscope.Slots) { answerSlots = prev }(answerSlots)
	cases := bigAnswerCases(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			answerSlots = pyroscope.NewSlots(1) // one per case: a slot left held fails only its own
			d := newDS(t, c.url, `{}`, nil)
			ctx := &slotLooks{Context: context.Background()}
			atAnswer := -1
			onEachAnswer(t, func() { atAnswer = len(answerSlots); ctx.converting.Store(true) })
			resp, err := d.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", lastHour(), c.query)}})
			if err != nil {
				t.Fatal(err)
			}
			if r := resp.Responses["A"]; r.Error != nil {
				t.Fatal(r.Error)
			}
			if atAnswer != 1 {
				t.Errorf("%d slots held when the answer arrived, want 1", atAnswer)
			}
			if len(ctx.held) == 0 {
				t.Fatal("the conversion never looked at the request's context")
			}
			for i, n := range ctx.held {
				if n != 1 {
					t.Errorf("look %d of %d: %d slots held while converting, want 1", i+1, len(ctx.held), n)
					break
				}
			}
			if n := len(answerSlots); n != 0 {
				t.Errorf("%d slots still held after the query", n)
			}
		})
	}
}
