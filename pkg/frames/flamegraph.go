package frames

import (
	"context"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// singleWidth is the number of values per node: xDelta, total, self, nameIndex.
const singleWidth = 4

// FlameGraph converts Pyroscope's levels into the nested-set frame named
// "flamegraph" (level, value, self, label) in depth-first pre-order, in one
// pass straight into the frame's columns. sampleUnit becomes the value and
// self fields' unit. A nil or root-only answer is a frame with 0 or 1 rows and
// a notice; levels that break the encoding give ErrUnreadableFlameGraph.
func FlameGraph(fg *querierv1.FlameGraph, sampleUnit string) (*data.Frame, error) {
	return FlameGraphWithin(context.Background(), fg, sampleUnit, 0)
}

// FlameGraphWithin is FlameGraph with bounds: it stops with ctx's error once
// ctx ends, and with maxNodes > 0 it never returns more rows than that,
// folding the smallest nodes into "other" the way Pyroscope truncates.
func FlameGraphWithin(ctx context.Context, fg *querierv1.FlameGraph, sampleUnit string, maxNodes int64) (*data.Frame, error) {
	return flameGraph(ctx, plainLevels(fg.GetLevels()), stringNames(fg.GetNames()), fg.GetTotal(), sampleUnit, maxNodes)
}

// FlameGraphPacked is FlameGraphWithin for an answer whose levels are still
// packed varints.
func FlameGraphPacked(ctx context.Context, fg *PackedFlameGraph, sampleUnit string, maxNodes int64) (*data.Frame, error) {
	if fg == nil {
		return flameGraph(ctx, nil, stringNames(nil), 0, sampleUnit, maxNodes)
	}
	levels, err := packedLevels(fg.Levels)
	if err != nil {
		return nil, err
	}
	return flameGraph(ctx, levels, fg.Names, fg.Total, sampleUnit, maxNodes)
}

func flameGraph(ctx context.Context, levels []level, names nameList, total int64, sampleUnit string, maxNodes int64) (*data.Frame, error) {
	n, err := countNodes(levels, singleWidth)
	if err != nil {
		return nil, err
	}
	fold, names, err := planFold(ctx, levels, singleLayout, readSingle, n, maxNodes, names)
	if err != nil {
		return nil, err
	}
	cols := newFlameColumns(rowsFor(n, fold, maxNodes), names)
	w := walk{ctx: ctx, levels: levels, layout: singleLayout, read: readSingle, fold: fold,
		emit: func(row, depth int, g []int64) error { return cols.set(row, depth, g[1], g[2], g[3]) }}
	rows, err := w.run()
	if err != nil {
		return nil, err
	}
	frame := newFlameFrame(rows, cols.fields(rows, GrafanaUnit(sampleUnit))...)
	noteBounds(frame, n, rows, fold, total)
	return frame, nil
}

func readSingle(g []int64) (xDelta, total, self int64, err error) {
	return g[0], g[1], g[2], checkNode(g[0], g[1], g[2])
}
