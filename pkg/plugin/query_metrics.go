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
	panelStep := seriesStep(dq.Interval, d.settings.MinStep, dq.TimeRange)
	rule := frames.RuleFor(pt.SampleType, pt.SampleUnit)
	step := panelStep
	if !rule.PerSecond {
		// Pyroscope v2.0.6 sums instants even when asked for AVERAGE: ask at the
		// data's own period (the min step) and take the mean here.
		step = seriesStep(0, d.settings.MinStep, dq.TimeRange)
	}
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
	series, err := d.selectSeries(ctx, req) // with exemplars (exemplars.go)
	if err != nil {
		return executedOnly(executed), err
	}
	res := frames.ResolutionFor(step, panelStep, frames.UploadPeriod(series, step))
	exemplars := d.exemplarFrame(series, q, pt, rule, res.Step, dq.TimeRange)
	series = frames.Rebucket(series, rule, dq.TimeRange.From, res)
	out := frames.Series(series, pt.SampleType, rule, res.Step.Seconds())
	if len(out) == 0 {
		// An empty answer still carries the executed query and the hint.
		out = emptyNotice(out, q.LabelSelector)
	}
	d.linkSeriesToFlameGraphs(out, q, pt) // series_links.go
	if exemplars != nil {
		out = append(out, exemplars)
	}
	if res.Step != step {
		executed += " " + formatResolution(res)
	}
	annotate(out, executed)
	annotateResolution(out, res)
	return out, nil
}
