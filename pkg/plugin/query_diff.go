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

// queryDiff compares the query's selection (left, the baseline) with the
// right-hand selector, whose window moves back by the time shift.
func (d *Datasource) queryDiff(ctx context.Context, q models.Query, pt models.ProfileType, tr backend.TimeRange) (data.Frames, error) {
	shift, _ := q.Right.Shift() // checked by ParseQuery
	maxNodes := q.MaxNodesOr(d.settings.MaxNodes)
	side := func(selector string, from, to int64) *querierv1.SelectMergeStacktracesRequest {
		return &querierv1.SelectMergeStacktracesRequest{ProfileTypeID: pt.ID, LabelSelector: selector, Start: from, End: to, MaxNodes: &maxNodes}
	}
	left := side(q.LabelSelector, tr.From.UnixMilli(), tr.To.UnixMilli())
	right := side(q.Right.LabelSelector, tr.From.Add(-shift).UnixMilli(), tr.To.Add(-shift).UnixMilli())
	extra := []string{"vs", shownSelector(q.Right.LabelSelector)}
	if shift > 0 {
		extra = append(extra, "shifted by "+q.Right.TimeShift)
	}
	executed := describe("diff", pt.ID, q.LabelSelector, append(extra, fmt.Sprintf("maxNodes=%d", maxNodes))...)
	var total int64
	frame, err := fetchAndConvert(ctx, func(ctx context.Context) (*querierv1.FlameGraphDiff, error) {
		return d.client.Diff(ctx, &querierv1.DiffRequest{Left: left, Right: right})
	}, func(fg *querierv1.FlameGraphDiff) (*data.Frame, error) {
		total = fg.GetTotal()
		return frames.FlameGraphDiffWithin(ctx, fg, pt.SampleUnit, maxNodes)
	})
	if err != nil {
		return executedOnly(executed), err
	}
	out := data.Frames{frame}
	annotate(out, executed)
	if total == 0 {
		// Hint about whichever side does not name its service.
		sel := q.LabelSelector
		if !selectorNamesService(q.Right.LabelSelector) {
			sel = q.Right.LabelSelector
		}
		out = emptyNotice(out, sel)
	}
	return out, nil
}
