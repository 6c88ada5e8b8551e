package plugin

import (
	"context"
	"fmt"
	"strings"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// querySpanProfile answers the flame graph of the samples taken inside the
// query's spans (a trace's "profiles for this span" link).
func (d *Datasource) querySpanProfile(ctx context.Context, q models.Query, pt models.ProfileType, tr backend.TimeRange) (data.Frames, error) {
	maxNodes := q.MaxNodesOr(d.settings.MaxNodes)
	spans := q.SpanIDs()
	executed := describe("profile", pt.ID, q.LabelSelector, "spans="+strings.Join(spans, ","), fmt.Sprintf("maxNodes=%d", maxNodes))
	frame, total, err := fetchFlameGraph(ctx, pt, maxNodes, func(ctx context.Context) (*querierv1.FlameGraph, error) {
		return d.client.SelectMergeSpanProfile(ctx, &querierv1.SelectMergeSpanProfileRequest{
			ProfileTypeID: pt.ID,
			LabelSelector: q.LabelSelector,
			SpanSelector:  spans,
			Start:         tr.From.UnixMilli(),
			End:           tr.To.UnixMilli(),
			MaxNodes:      &maxNodes,
		})
	})
	if err != nil {
		return executedOnly(executed), err
	}
	out := data.Frames{frame}
	annotate(out, executed)
	if total == 0 {
		out = addNotice(out, noSpanSamples(spans, q.LabelSelector))
	}
	return out, nil
}

// noSpanSamples names the spans that matched nothing, so a trace link to a
// span that ran too briefly to be sampled says so instead of looking broken.
func noSpanSamples(spans []string, selector string) string {
	const shown = 5
	what := "span " + spans[0]
	switch {
	case len(spans) > shown:
		what = fmt.Sprintf("spans %s and %d more", strings.Join(spans[:shown], ", "), len(spans)-shown)
	case len(spans) > 1:
		what = "spans " + strings.Join(spans, ", ")
	}
	return fmt.Sprintf("No profile samples for %s under %s in this time range: the span may have been too short to be sampled, or its service does not send span profiles.", what, shownSelector(selector))
}
