package plugin

import (
	"context"
	"errors"
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// queryBoth answers the series and the flame graph, fetched in parallel. If
// one side fails the other's frames are still returned beside the error.
func (d *Datasource) queryBoth(ctx context.Context, q models.Query, pt models.ProfileType, dq backend.DataQuery) (data.Frames, error) {
	var (
		series     data.Frames
		seriesErr  error
		done       = make(chan struct{})
		profile    data.Frames
		profileErr error
	)
	go func() {
		defer close(done)
		// safeQuery's recover does not reach this goroutine.
		defer func() {
			if r := recover(); r != nil {
				seriesErr = fmt.Errorf("internal error while reading the series: %v", r)
			}
		}()
		series, seriesErr = d.queryMetrics(ctx, q, pt, dq)
	}()
	profile, profileErr = d.queryProfile(ctx, q, pt, dq.TimeRange)
	<-done
	out := append(series, profile...)
	dedupeNotices(out)
	return out, errors.Join(profileErr, seriesErr)
}
