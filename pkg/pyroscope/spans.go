package pyroscope

import (
	"context"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// SelectMergeSpanProfile returns the flame graph of the samples taken inside
// the given spans; nil when the server sent none.
func (c *Client) SelectMergeSpanProfile(ctx context.Context, req *querierv1.SelectMergeSpanProfileRequest) (*querierv1.FlameGraph, error) {
	res, err := call(ctx, c, "SelectMergeSpanProfile", c.rpc.SelectMergeSpanProfile, req)
	if err != nil {
		return nil, err
	}
	return res.Flamegraph, nil
}
