package frames

import (
	"context"
	"errors"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// wideAndDeep is a root with children of totals 1..n, each with one child
// holding all of it: 2n+1 nodes, every total distinct per level.
func wideAndDeep(n int) *querierv1.FlameGraph {
	names := []string{"total"}
	var l1, l2 []int64
	var sum int64
	for i := 1; i <= n; i++ {
		names = append(names, "f", "g")
		l1 = append(l1, 0, int64(i), 0, int64(2*i-1))
		l2 = append(l2, 0, int64(i), int64(i), int64(2*i))
		sum += int64(i)
	}
	return &querierv1.FlameGraph{Names: names, Total: sum, MaxSelf: int64(n),
		Levels: []*querierv1.Level{{Values: []int64{0, sum, 0, 0}}, {Values: l1}, {Values: l2}}}
}

func labelAt(f *data.Frame, row int) string {
	fld := f.Fields[3]
	return fld.Config.TypeConfig.Enum.Text[fld.At(row).(data.EnumItemIndex)]
}

func TestFoldKeepsTheLargestAndCountsTheRest(t *testing.T) {
	fg := wideAndDeep(100) // 201 nodes
	frame, err := FlameGraphWithin(context.Background(), fg, "nanoseconds", 21)
	if err != nil {
		t.Fatal(err)
	}
	rows := frame.Rows()
	if rows > 21 {
		t.Fatalf("%d rows, want at most 21", rows)
	}
	value := func(r int) int64 { return frame.Fields[1].At(r).(int64) }
	level := func(r int) int64 { return frame.Fields[0].At(r).(int64) }
	if value(0) != fg.Total {
		t.Errorf("root = %d, want %d", value(0), fg.Total)
	}
	var top, kept int64
	for r := 1; r < rows; r++ {
		if level(r) == 1 {
			top += value(r)
			if labelAt(frame, r) == "f" {
				kept++
				if value(r) < 100-int64(rows) {
					t.Errorf("row %d keeps a small node of %d", r, value(r))
				}
			}
		}
	}
	if top != fg.Total {
		t.Errorf("the root's children add up to %d, want %d", top, fg.Total)
	}
	if labelAt(frame, rows-1) != OtherName || level(rows-1) != 1 {
		t.Errorf("last row is %q at level %d, want other at level 1", labelAt(frame, rows-1), level(rows-1))
	}
	if kept < 5 {
		t.Errorf("only %d of the largest nodes kept in %d rows", kept, rows)
	}
	// Within the bound nothing changes.
	whole, _ := FlameGraphWithin(context.Background(), fg, "nanoseconds", 201)
	if whole.Rows() != 201 {
		t.Errorf("at the bound: %d rows, want 201", whole.Rows())
	}
}

func TestFoldWithRoomForTheRootAlone(t *testing.T) {
	frame, err := FlameGraphWithin(context.Background(), wideAndDeep(10), "nanoseconds", 1)
	if err != nil || frame.Rows() != 1 {
		t.Fatalf("rows %d, err %v; want the root alone", frame.Rows(), err)
	}
}

func TestFoldDiff(t *testing.T) {
	fg := &querierv1.FlameGraphDiff{Names: []string{"total", "a", "b", "c"}, Total: 12, Levels: []*querierv1.Level{
		{Values: []int64{0, 6, 0, 0, 6, 0, 0}},
		{Values: []int64{0, 4, 4, 0, 1, 1, 1, 0, 1, 1, 0, 2, 2, 2, 0, 1, 1, 0, 3, 3, 3}},
	}}
	frame, err := FlameGraphDiffWithin(context.Background(), fg, "count", 3)
	if err != nil {
		t.Fatal(err)
	}
	if frame.Rows() != 3 || labelAt(frame, 1) != "a" || labelAt(frame, 2) != OtherName {
		t.Fatalf("rows %d: %q %q", frame.Rows(), labelAt(frame, 1), labelAt(frame, 2))
	}
	left, right := frame.Fields[1].At(2).(int64), frame.Fields[4].At(2).(int64)
	if left != 2 || right != 5 {
		t.Errorf("other holds %d left, %d right; want 2 and 5", left, right)
	}
}

// A canceled request stops converting instead of finishing a frame no one
// will read.
func TestConversionStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := FlameGraphWithin(ctx, wideAndDeep(cancelCheckEvery), "nanoseconds", 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
