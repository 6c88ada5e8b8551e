package pyroscope

import (
	"context"

	googlev1 "github.com/grafana/pyroscope/api/gen/proto/go/google/v1"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// SelectMergeProfile returns the merged selection as a pprof profile.
func (c *Client) SelectMergeProfile(ctx context.Context, req *querierv1.SelectMergeProfileRequest) (*googlev1.Profile, error) {
	return call(ctx, c, "SelectMergeProfile", c.rpc.SelectMergeProfile, req)
}
