// Package pyroscope is a thin typed client over Pyroscope's generated Connect
// client: one HTTP client from the data source settings, tenant and bearer
// headers, and errors that say what the user should change.
package pyroscope

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/models"
)

// MaxAnswerBytes bounds one answer's size, and with it the memory one query
// can take: a flame graph at the 1,048,576-node cap with long names fits.
// A variable only so tests can lower it.
var MaxAnswerBytes = 128 << 20

// Client calls one Pyroscope server.
type Client struct {
	// shownURL is the server's URL for messages, without any password.
	shownURL string
	tenant   string
	http     *http.Client
	rpc      querierv1connect.QuerierServiceClient
	// merge is SelectMergeStacktraces answering the flame graph with its
	// levels still packed (flamecodec.go).
	merge *connect.Client[querierv1.SelectMergeStacktracesRequest, frames.PackedFlameGraph]
	// diff is Diff with its answer's body read by captureClient.
	diff *connect.Client[querierv1.DiffRequest, querierv1.DiffResponse]
}

// New builds the client from the instance settings: the SDK's HTTP options
// (basic auth, TLS, custom headers, proxy) plus our tenant and bearer headers.
func New(ctx context.Context, ds backend.DataSourceInstanceSettings, s *models.Settings) (*Client, error) {
	opts, err := ds.HTTPClientOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("the HTTP settings could not be used: %w", err)
	}
	if opts.Timeouts == nil {
		t := httpclient.DefaultTimeoutOptions
		opts.Timeouts = &t
	}
	// The SDK ignores a timeout saved as a string; ours is parsed either way.
	opts.Timeouts.Timeout = s.Timeout
	bearer := ""
	if s.AuthType == "bearer" {
		bearer = s.BearerToken
	}
	opts.Middlewares = append(httpclient.DefaultMiddlewares(), headersMiddleware(s.TenantID, bearer), recordingMiddleware(), claimMiddleware())
	hc, err := httpclient.New(opts)
	if err != nil {
		return nil, fmt.Errorf("the HTTP client could not be built: %w", err)
	}
	base := strings.TrimRight(s.URL, "/")
	rpcOpts := []connect.ClientOption{connect.WithReadMaxBytes(MaxAnswerBytes), connect.WithCodec(flameCodec{})}
	return &Client{
		shownURL: models.RedactURL(base), tenant: s.TenantID, http: hc,
		rpc:   querierv1connect.NewQuerierServiceClient(hc, base, rpcOpts...),
		merge: connect.NewClient[querierv1.SelectMergeStacktracesRequest, frames.PackedFlameGraph](captureClient{hc}, base+querierv1connect.QuerierServiceSelectMergeStacktracesProcedure, rpcOpts...),
		diff:  connect.NewClient[querierv1.DiffRequest, querierv1.DiffResponse](captureClient{hc}, base+querierv1connect.QuerierServiceDiffProcedure, rpcOpts...),
	}, nil
}

// Close drops idle connections when the instance is disposed.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// call runs one RPC with a status recorder and turns failures into *Error.
func call[Req, Res any](ctx context.Context, c *Client, method string, fn func(context.Context, *connect.Request[Req]) (*connect.Response[Res], error), req *Req) (*Res, error) {
	return callCapturing(ctx, c, method, fn, req, nil)
}

// callCapturing is call with the answer's body read by captureClient when
// decode is set: decode then fills the message connect decoded as empty,
// and its failure is reported as connect reports a codec's.
func callCapturing[Req, Res any](ctx context.Context, c *Client, method string, fn func(context.Context, *connect.Request[Req]) (*connect.Response[Res], error), req *Req, decode func(*bodyBuffer, *Res) error) (*Res, error) {
	ctx, rec := withRecorder(ctx)
	rec.capture = decode != nil
	start := time.Now()
	res, err := fn(ctx, connect.NewRequest(req))
	if rec.body != nil {
		if err != nil {
			rec.body.release()
		} else if derr := decode(rec.body, res.Msg); derr != nil {
			err = connect.NewError(connect.CodeInvalidArgument, fmt.Errorf("unmarshal message: %w", derr))
		}
	}
	logger := log.DefaultLogger.FromContext(ctx)
	if err != nil {
		perr := classify(method, c.shownURL, c.tenant, err, rec)
		logger.Debug("Pyroscope call failed", "method", method, "status", perr.Status, "kind", int(perr.Kind), "duration", time.Since(start))
		return nil, perr
	}
	logger.Debug("Pyroscope call", "method", method, "duration", time.Since(start))
	return res.Msg, nil
}

// ProfileTypes lists the profile types seen in [start, end] (unix ms).
func (c *Client) ProfileTypes(ctx context.Context, start, end int64) ([]*typesv1.ProfileType, error) {
	res, err := call(ctx, c, "ProfileTypes", c.rpc.ProfileTypes, &querierv1.ProfileTypesRequest{Start: start, End: end})
	if err != nil {
		return nil, err
	}
	return res.ProfileTypes, nil
}

// LabelNames lists label names under the matchers.
func (c *Client) LabelNames(ctx context.Context, matchers []string, start, end int64) ([]string, error) {
	res, err := call(ctx, c, "LabelNames", c.rpc.LabelNames, &typesv1.LabelNamesRequest{Matchers: matchers, Start: start, End: end})
	if err != nil {
		return nil, err
	}
	return res.Names, nil
}

// LabelValues lists the values of one label under the matchers.
func (c *Client) LabelValues(ctx context.Context, name string, matchers []string, start, end int64) ([]string, error) {
	res, err := call(ctx, c, "LabelValues", c.rpc.LabelValues, &typesv1.LabelValuesRequest{Name: name, Matchers: matchers, Start: start, End: end})
	if err != nil {
		return nil, err
	}
	return res.Names, nil
}

// SelectMergeStacktraces returns the merged flame graph, levels still packed;
// empty when the server sent none.
func (c *Client) SelectMergeStacktraces(ctx context.Context, req *querierv1.SelectMergeStacktracesRequest) (*frames.PackedFlameGraph, error) {
	return callCapturing(ctx, c, "SelectMergeStacktraces", c.merge.CallUnary, req, decodeCaptured)
}

// SelectSeries returns the time series of the samples.
func (c *Client) SelectSeries(ctx context.Context, req *querierv1.SelectSeriesRequest) ([]*typesv1.Series, error) {
	res, err := call(ctx, c, "SelectSeries", c.rpc.SelectSeries, req)
	if err != nil {
		return nil, err
	}
	return res.Series, nil
}

// Diff returns the diff flame graph of two selections; nil when none.
func (c *Client) Diff(ctx context.Context, req *querierv1.DiffRequest) (*querierv1.FlameGraphDiff, error) {
	res, err := callCapturing(ctx, c, "Diff", c.diff.CallUnary, req, decodeCapturedDiff)
	if err != nil {
		return nil, err
	}
	return res.Flamegraph, nil
}
