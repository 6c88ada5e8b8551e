package frames

import (
	"context"
	"errors"
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// diffWidth is the number of values per diff node:
// xDeltaLeft, totalLeft, selfLeft, xDeltaRight, totalRight, selfRight, nameIndex.
const diffWidth = 7

// FlameGraphDiff converts a Diff answer into the flame graph frame plus
// valueRight and selfRight: value/self hold the left (baseline) side alone and
// valueRight/selfRight the right side alone; a reader adds them for widths.
// Parents are found on the combined node (x, total and self of both sides
// added), since a node missing on one side has no width there to place it.
func FlameGraphDiff(fg *querierv1.FlameGraphDiff, sampleUnit string) (*data.Frame, error) {
	return FlameGraphDiffWithin(context.Background(), fg, sampleUnit, 0)
}

// FlameGraphDiffWithin is FlameGraphDiff with FlameGraphWithin's bounds.
func FlameGraphDiffWithin(ctx context.Context, fg *querierv1.FlameGraphDiff, sampleUnit string, maxNodes int64) (*data.Frame, error) {
	levels, names := plainLevels(fg.GetLevels()), nameList(stringNames(fg.GetNames()))
	n, err := countNodes(levels, diffWidth)
	if err != nil {
		return nil, err
	}
	fold, names, err := planFold(ctx, levels, diffLayout, readDiff, n, maxNodes, names)
	if err != nil {
		return nil, err
	}
	size := rowsFor(n, fold, maxNodes)
	cols := newFlameColumns(size, names)
	valueRight, selfRight := int64Column("valueRight", size), int64Column("selfRight", size)
	// Room left for children in each open node, per side: a side's children
	// must not add up to more than that side's total minus its self.
	roomLeft := make([]int64, len(levels))
	roomRight := make([]int64, len(levels))

	w := walk{ctx: ctx, levels: levels, layout: diffLayout, read: readDiff, fold: fold, emit: func(row, depth int, g []int64) error {
		if depth > 0 {
			roomLeft[depth-1] -= g[1]
			roomRight[depth-1] -= g[4]
			if roomLeft[depth-1] < 0 || roomRight[depth-1] < 0 {
				return errors.New("the children of one side add up to more than their parent")
			}
		}
		roomLeft[depth] = g[1] - g[2]
		roomRight[depth] = g[4] - g[5]
		valueRight.values[row] = g[4]
		selfRight.values[row] = g[5]
		return cols.set(row, depth, g[1], g[2], g[6])
	}}
	rows, err := w.run()
	if err != nil {
		return nil, err
	}
	unit := GrafanaUnit(sampleUnit)
	fields := append(cols.fields(rows, unit),
		valueField(valueRight, rows, unit),
		valueField(selfRight, rows, unit),
	)
	frame := newFlameFrame(rows, fields...)
	noteBounds(frame, n, rows, fold, fg.GetTotal())
	return frame, nil
}

// readDiff checks each side on its own and returns the combined node.
func readDiff(g []int64) (xDelta, total, self int64, err error) {
	if err := checkNode(g[0], g[1], g[2]); err != nil {
		return 0, 0, 0, fmt.Errorf("left side: %w", err)
	}
	if err := checkNode(g[3], g[4], g[5]); err != nil {
		return 0, 0, 0, fmt.Errorf("right side: %w", err)
	}
	xDelta, okX := addNonNegative(g[0], g[3])
	total, okT := addNonNegative(g[1], g[4])
	if !okX || !okT {
		return 0, 0, 0, errors.New("positions overflow")
	}
	return xDelta, total, g[2] + g[5], nil
}
