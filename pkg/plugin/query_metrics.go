package plugin

import (
	"context"
	"fmt"
	"strings"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/models"
)

// queryMetrics answers time series of the samples, as rates or averages per
// the profile type's rule (frames.RuleFor).
func (d *Datasource) queryMetrics(ctx context.Context, q models.Query, pt models.ProfileType, dq backend.DataQuery) (data.Frames, error) {
	step := seriesStep(dq.Interval, d.settings.MinStep, dq.TimeRange)
	rule := frames.RuleFor(pt.SampleType, pt.SampleUnit)
	req := &querierv1.SelectSeriesRequest{
		ProfileTypeID: pt.ID,
		LabelSelector: q.LabelSelector,
		Start:         dq.TimeRange.From.UnixMilli(),
		End:           dq.TimeRange.To.UnixMilli(),
		GroupBy:       q.GroupBy,
		Step:          step.Seconds(),
		Aggregation:   &rule.Aggregation,
	}
	extra := []string{formatStep(step)}
	if len(q.GroupBy) > 0 {
		extra = append(extra, "groupBy="+strings.Join(q.GroupBy, ","))
	}
	if q.Limit != nil && *q.Limit > 0 {
		req.Limit = q.Limit
		extra = append(extra, fmt.Sprintf("limit=%d", *q.Limit))
	}
	executed := describe("metrics", pt.ID, q.LabelSelector, extra...)
	series, err := d.client.SelectSeries(ctx, req)
	if err != nil {
		return executedOnly(executed), err
	}
	out := frames.Series(series, pt.SampleType, rule, step.Seconds())
	if len(out) == 0 {
		// An empty answer still carries the executed query and the hint.
		out = emptyNotice(out, q.LabelSelector)
	}
	annotate(out, executed)
	return out, nil
}
