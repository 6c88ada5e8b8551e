package frames

import (
	"bytes"
	"sync"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// Columns are written in place: a frame already handed out must
// never change when later conversions run, alone or concurrently.
func TestFramesDoNotShareColumns(t *testing.T) {
	cpu, heap := loadMerge(t, "merge-embers-workload-process_cpu-cpu"), loadMerge(t, "merge-embers-workload-memory-inuse_space")
	first, err := FlameGraph(cpu, "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	before := frameJSON(t, first)

	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, err := FlameGraph(heap, "bytes"); err != nil {
					t.Error(err)
				}
				if _, err := FlameGraphDiff(smallDiff(), "bytes"); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if !bytes.Equal(before, frameJSON(t, first)) {
		t.Fatal("an earlier frame changed after later conversions")
	}
	again, err := FlameGraph(cpu, "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, frameJSON(t, again)) {
		t.Fatal("converting the same answer twice gave different frames")
	}
}

var smallDiff = sync.OnceValue(func() *querierv1.FlameGraphDiff { return syntheticDiffFrom(generateTree(3000, 1)) })
