package plugin

import (
	"context"
	"fmt"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/models"
)

// queryProfile answers a flame graph of the merged stacks in the range.
func (d *Datasource) queryProfile(ctx context.Context, q models.Query, pt models.ProfileType, tr backend.TimeRange) (data.Frames, error) {
	if len(q.SpanSelector) > 0 {
		return d.querySpanProfile(ctx, q, pt, tr)
	}
	maxNodes := q.MaxNodesOr(d.settings.MaxNodes)
	executed := describe("profile", pt.ID, q.LabelSelector, append(profileIDsShown(q), fmt.Sprintf("maxNodes=%d", maxNodes))...)
	var total int64
	frame, err := fetchAndConvert(ctx, func(ctx context.Context) (*frames.PackedFlameGraph, error) {
		return d.client.SelectMergeStacktraces(ctx, &querierv1.SelectMergeStacktracesRequest{
			ProfileTypeID: pt.ID,
			LabelSelector: q.LabelSelector,
			Start:         tr.From.UnixMilli(),
			End:           tr.To.UnixMilli(),
			MaxNodes:      &maxNodes,
			// An exemplar's link asks for exactly its profile (exemplars.go).
			ProfileIdSelector: q.ProfileIDs(),
		})
	}, func(fg *frames.PackedFlameGraph) (*data.Frame, error) {
		total = fg.Total
		return frames.FlameGraphPacked(ctx, fg, pt.SampleUnit, maxNodes)
	})
	if err != nil {
		return executedOnly(executed), err
	}
	out := data.Frames{frame}
	annotate(out, executed)
	d.annotatePprof(frame, q, pt, tr)
	if total == 0 {
		out = emptyNotice(out, q.LabelSelector)
	}
	return out, nil
}

// fetchFlameGraph asks for a flame graph the standard decoder reads (span
// profiles) and converts it, returning its total.
func fetchFlameGraph(ctx context.Context, pt models.ProfileType, maxNodes int64, fetch func(context.Context) (*querierv1.FlameGraph, error)) (*data.Frame, int64, error) {
	var total int64
	frame, err := fetchAndConvert(ctx, fetch, func(fg *querierv1.FlameGraph) (*data.Frame, error) {
		total = fg.GetTotal()
		return frames.FlameGraphWithin(ctx, fg, pt.SampleUnit, maxNodes)
	})
	return frame, total, err
}
