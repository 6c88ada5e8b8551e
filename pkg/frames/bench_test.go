package frames

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
)

// The generator must give what the benchmarks claim: exactly the node count,
// a deep and wide tree, and a frame that is a valid nested set.
func TestSyntheticFlameGraph(t *testing.T) {
	for _, diff := range []bool{false, true} {
		tree := generateTree(20_000, 7)
		levels := tree.levels(diff)
		width := singleWidth
		if diff {
			width = diffWidth
		}
		if n := countGroups(levels, width); n != 20_000 {
			t.Fatalf("%d nodes, want 20000", n)
		}
		widest := 0
		for _, l := range levels {
			widest = max(widest, len(l.Values)/width)
		}
		if len(levels) < 30 || widest < 500 {
			t.Errorf("tree is %d deep and %d wide at most: want deep and wide", len(levels), widest)
		}
		var rows flameRows
		if diff {
			frame, err := FlameGraphDiff(syntheticDiffFrom(tree), "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			rows = readFlameRows(t, frame)
		} else {
			frame, err := FlameGraph(syntheticFrom(tree), "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			rows = readFlameRows(t, frame)
		}
		if err := checkNestedSet(rows); err != nil {
			t.Fatal(err)
		}
		// Pre-order rows are the generator's own pre-order: same depths.
		for i, d := range tree.depth {
			if rows.level[i] != int64(d) {
				t.Fatalf("row %d at level %d, generated at depth %d", i, rows.level[i], d)
			}
		}
	}
}

var benchSizes = []int{16_384, 100_000, 1_000_000}

func BenchmarkFlameGraph(b *testing.B) {
	for _, n := range benchSizes {
		fg := syntheticFlameGraph(n)
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := FlameGraph(fg, "nanoseconds"); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			frame, err := FlameGraph(fg, "nanoseconds")
			if err != nil {
				b.Fatal(err)
			}
			reportFrameSize(b, frame)
		})
	}
}

// BenchmarkFlameGraphPacked converts the levels as the query path gets
// them: still packed varints, the names in one block.
func BenchmarkFlameGraphPacked(b *testing.B) {
	packed := packFlameGraph(syntheticFlameGraph(1_000_000))
	b.Run("nodes=1000000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := FlameGraphPacked(context.Background(), packed, "nanoseconds", 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkFlameGraphDiff(b *testing.B) {
	fg := syntheticDiff(100_000)
	b.Run("nodes=100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := FlameGraphDiff(fg, "nanoseconds"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// reportFrameSize reports what the frame weighs on the wire: as the SDK's
// JSON and as Arrow (what the plugin sends Grafana over gRPC).
func reportFrameSize(b *testing.B, frame interface {
	MarshalArrow() ([]byte, error)
}) {
	raw, err := json.Marshal(frame)
	if err != nil {
		b.Fatal(err)
	}
	arrow, err := frame.MarshalArrow()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(raw))/1e6, "json-MB")
	b.ReportMetric(float64(len(arrow))/1e6, "arrow-MB")
}
