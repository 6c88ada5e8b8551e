package plugin

import (
	"context"
	"errors"
	"strings"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/models"
	"github.com/embers/embers/pkg/pyroscope"
)

// selectSeries asks for the series with one exemplar per point (its largest
// profile). A server without exemplars ignores the field (an older one) or
// answers "not implemented": then the series are asked for again without
// them, so exemplars never cost the user the series.
func (d *Datasource) selectSeries(ctx context.Context, req *querierv1.SelectSeriesRequest) ([]*typesv1.Series, error) {
	if forAlert(ctx) {
		// Alert rules reduce series; exemplars would only weigh on them.
		return d.client.SelectSeries(ctx, req)
	}
	withExemplars := proto.CloneOf(req)
	withExemplars.ExemplarType = typesv1.ExemplarType_EXEMPLAR_TYPE_INDIVIDUAL
	series, err := d.client.SelectSeries(ctx, withExemplars)
	if err != nil && exemplarsUnsupported(err) {
		return d.client.SelectSeries(ctx, req)
	}
	return series, err
}

// exemplarsUnsupported tells the answer of a server that cannot give
// exemplars (v2.0.6 says "exemplar type span is not implemented" for spans).
func exemplarsUnsupported(err error) bool {
	var cerr *connect.Error
	if errors.As(err, &cerr) && cerr.Code() == connect.CodeUnimplemented {
		return true
	}
	var perr *pyroscope.Error
	if errors.As(err, &perr) {
		msg := strings.ToLower(perr.Message)
		return strings.Contains(msg, "exemplar") && (strings.Contains(msg, "not implemented") || strings.Contains(msg, "unimplemented"))
	}
	return false
}

// exemplarFrame is the exemplars of the series, each linked to the flame
// graph of exactly its profile; nil when there are none.
func (d *Datasource) exemplarFrame(series []*typesv1.Series, q models.Query, pt models.ProfileType, rule frames.SeriesRule, step time.Duration, tr backend.TimeRange) *data.Frame {
	f := frames.Exemplars(series, rule, step.Seconds())
	if f == nil || d.uid == "" {
		return f
	}
	id, _ := f.FieldByName(frames.ProfileIDField)
	id.Config.Links = []data.DataLink{{
		Title: "Flame graph of this profile",
		Internal: &data.InternalDataLink{
			DatasourceUID: d.uid,
			Query: map[string]any{
				"refId":             "profile",
				"queryType":         string(models.QueryTypeProfile),
				"profileTypeId":     pt.ID,
				"labelSelector":     q.LabelSelector,
				"profileIdSelector": []string{"${__value.raw}"},
			},
			// The first point holds profiles from one step before the range.
			Range: &data.TimeRange{From: tr.From.Add(-step), To: tr.To},
		},
	}}
	return f
}

type alertKey struct{}

// withAlert marks a request from Grafana's alerting engine.
func withAlert(ctx context.Context, alert bool) context.Context {
	return context.WithValue(ctx, alertKey{}, alert)
}

func forAlert(ctx context.Context) bool {
	alert, _ := ctx.Value(alertKey{}).(bool)
	return alert
}

// profileIDsShown is what the executed query says of a profile id selector.
func profileIDsShown(q models.Query) []string {
	if len(q.ProfileIDSelector) == 0 {
		return nil
	}
	return []string{"profiles=" + strings.Join(q.ProfileIDs(), ",")}
}
