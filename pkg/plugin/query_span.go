package plugin

import (
	"context"
	"fmt"
	"strings"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// spanRangePad widens a span query's range on both sides. A trace's link asks
// for the span's own start and end, but SDKs upload a profile every 10-60 s,
// stamped with the start of its window, so the samples of a short span sit in
// a profile stamped before it began. Grafana pads its core Pyroscope links by
// a minute for this reason, and sends other datasources the bare span. Span
// ids are unique, so the wider range adds no other span's samples.
const spanRangePad = time.Minute

// SpanFrameName is the span answer's frame name: Grafana's trace view embeds
// the flame graph of the frame named so in a span's details.
const SpanFrameName = "response"

// querySpanProfile answers the flame graph of the samples taken inside the
// query's spans (a trace's "profiles for this span" link).
func (d *Datasource) querySpanProfile(ctx context.Context, q models.Query, pt models.ProfileType, tr backend.TimeRange) (data.Frames, error) {
	maxNodes := q.MaxNodesOr(d.settings.MaxNodes)
	spans := q.SpanIDs()
	tr = backend.TimeRange{From: tr.From.Add(-spanRangePad), To: tr.To.Add(spanRangePad)}
	executed := describe("profile", pt.ID, q.LabelSelector, "spans="+strings.Join(spans, ","), "range=±"+spanRangePad.String(), fmt.Sprintf("maxNodes=%d", maxNodes))
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
	frame.Name = SpanFrameName
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
