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
		if errors.As(err, &perr) {
			return healthError(perr.UserMessage()), nil
		}
		return healthError(err.Error()), nil
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
