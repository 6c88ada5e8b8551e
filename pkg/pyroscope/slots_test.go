package pyroscope

import (
	"context"
	"errors"
	"testing"

	"github.com/embers/embers/pkg/pyroscopetest"
)

// A successful answer takes its query's slot when it arrives; a failed one
// takes none; a full set of slots makes the next query wait for one.
func TestAnswersTakeASlotWhenTheyArrive(t *testing.T) {
	slots := NewSlots(1)
	ok := newTestClient(t, pyroscopetest.New(t).URL, `{}`, nil)
	ctx, first := slots.NewClaim(context.Background())
	if _, err := ok.LabelNames(ctx, nil, 1, 2); err != nil {
		t.Fatal(err)
	}
	if len(slots) != 1 {
		t.Fatalf("after an answer %d slots are held, want 1", len(slots))
	}

	failing := newTestClient(t, pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Status: 500, Body: "down"})).URL, `{}`, nil)
	ctx2, second := slots.NewClaim(context.Background())
	if _, err := failing.LabelNames(ctx2, nil, 1, 2); err == nil {
		t.Fatal("the 500 answer came back as a success")
	}
	second.Release()

	// All slots are held: the next answer waits, and gives up with its request.
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	ctx3, third := slots.NewClaim(canceled)
	if err := third.Take(ctx3); !errors.Is(err, context.Canceled) {
		t.Errorf("taking a slot while all are held: %v, want the request's cancel", err)
	}
	first.Release()
	if err := third.Take(context.Background()); err != nil || len(slots) != 1 {
		t.Errorf("after a release: %v, %d held", err, len(slots))
	}
	third.Release()
	third.Release() // twice is harmless
	if len(slots) != 0 {
		t.Errorf("%d slots still held", len(slots))
	}
}
