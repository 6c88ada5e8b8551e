package plugin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope"
)

// CheckHealth makes one cheap call (profile types of the last hour) and says
// which thing is wrong when it fails.
func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	if d.settingsErr != nil {
		return healthError(d.settingsErr.Error()), nil
	}
	now := time.Now()
	types, err := d.client.ProfileTypes(ctx, now.Add(-time.Hour).UnixMilli(), now.UnixMilli())
	if err != nil {
		var perr *pyroscope.Error
		if errors.As(err, &perr) && perr.Kind == pyroscope.Timeout {
			// The health check asks for one cheap list: the range is not why.
			return healthError(fmt.Sprintf("Pyroscope at %s did not answer within the timeout (%s): check that the server is running and reachable, or raise the timeout in the data source settings", perr.URL, d.settings.Timeout)), nil
		}
		return healthError(describeFailure(err).message), nil
	}
	if len(types) == 0 {
		return &backend.CheckHealthResult{Status: backend.HealthStatusOk, Message: "Connected to Pyroscope, but no profiles yet: found 0 profile types in the last hour"}, nil
	}
	noun := "profile types"
	if len(types) == 1 {
		noun = "profile type"
	}
	return &backend.CheckHealthResult{Status: backend.HealthStatusOk, Message: fmt.Sprintf("Found %d %s in the last hour", len(types), noun)}, nil
}

func healthError(msg string) *backend.CheckHealthResult {
	return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: msg}
}
