package plugin

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// errAlertNeedsMetrics is the answer to an alert rule asking for a flame graph.
var errAlertNeedsMetrics = errors.New("alert rules need a metrics query: set the query type to metrics")

// QueryData answers every query on its own DataResponse; it never fails the
// request for one bad query.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	resp := backend.NewQueryDataResponse()
	alert := fromAlert(req.Headers)
	results := make([]backend.DataResponse, len(req.Queries))
	// Every query waits on Pyroscope at the same time, so one hung server
	// costs a request one timeout; the CPU-bound part is bounded (convert.go).
	var wg sync.WaitGroup
	for i, q := range req.Queries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = d.safeQuery(ctx, q, alert)
		}()
	}
	wg.Wait()
	for i, q := range req.Queries {
		resp.Responses[q.RefID] = results[i]
	}
	return resp, nil
}

// safeQuery keeps a bug in one query from taking the others down.
func (d *Datasource) safeQuery(ctx context.Context, q backend.DataQuery, alert bool) (res backend.DataResponse) {
	logger := log.DefaultLogger.FromContext(ctx)
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			logger.Error("Query panicked", "refId", q.RefID, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			res = backend.ErrDataResponseWithSource(backend.StatusInternal, backend.ErrorSourcePlugin, "internal error while answering this query")
		}
	}()
	res = d.query(withAlert(ctx, alert), q, alert)
	if res.Error != nil {
		// The message can quote the selector: it goes to debug only.
		logger.Warn("Query failed", "refId", q.RefID, "duration", time.Since(start), "status", int(res.Status))
		logger.Debug("Query error", "refId", q.RefID, "error", res.Error.Error())
	} else {
		logger.Debug("Query done", "refId", q.RefID, "duration", time.Since(start), "frames", len(res.Frames))
	}
	return res
}

func (d *Datasource) query(ctx context.Context, dq backend.DataQuery, alert bool) backend.DataResponse {
	if d.settingsErr != nil {
		return badRequest("the data source settings are invalid: " + d.settingsErr.Error())
	}
	q, err := models.ParseQuery(dq.JSON)
	if err != nil {
		return badRequest(err.Error())
	}
	if err := models.CheckTimeRange(dq.TimeRange.From.UnixMilli(), dq.TimeRange.To.UnixMilli()); err != nil {
		return badRequest(err.Error())
	}
	if alert && q.QueryType != models.QueryTypeMetrics {
		return badRequest(errAlertNeedsMetrics.Error())
	}
	pt, _ := models.ParseProfileType(q.ProfileTypeID) // checked by ParseQuery
	log.DefaultLogger.FromContext(ctx).Debug("Query", "refId", dq.RefID, "type", q.QueryType, "profileType", pt.ID, "selector", q.LabelSelector)
	var frames data.Frames
	switch q.QueryType {
	case models.QueryTypeProfile:
		frames, err = d.queryProfile(ctx, q, pt, dq.TimeRange)
	case models.QueryTypeMetrics:
		frames, err = d.queryMetrics(ctx, q, pt, dq)
	case models.QueryTypeDiff:
		frames, err = d.queryDiff(ctx, q, pt, dq.TimeRange)
	default:
		frames, err = d.queryBoth(ctx, q, pt, dq)
	}
	if err != nil {
		res := errorResponse(err)
		res.Frames = frames
		return res
	}
	return backend.DataResponse{Frames: frames}
}

// fromAlert tells whether Grafana's alerting engine sent the request.
func fromAlert(headers map[string]string) bool {
	for k, v := range headers {
		key := strings.TrimPrefix(strings.ToLower(k), "http_")
		if key == strings.ToLower(backend.FromAlertHeaderName) && v != "" && v != "false" {
			return true
		}
		if strings.HasPrefix(key, "x-rule-") {
			return true
		}
	}
	return false
}

func badRequest(msg string) backend.DataResponse {
	return backend.ErrDataResponseWithSource(backend.StatusBadRequest, backend.ErrorSourceDownstream, msg)
}

// errorResponse puts a failure on the query's own response, with the status
// and source of the one table (status.go).
func errorResponse(err error) backend.DataResponse {
	f := describeFailure(err)
	return backend.ErrDataResponseWithSource(f.status, f.source, f.message)
}
