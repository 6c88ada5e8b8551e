package pyroscopetest

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

func TestSelectSeriesBucketsSumsAveragesAndLimits(t *testing.T) {
	s := New(t)
	start := time.UnixMilli(1_700_000_000_000)
	ingest := func(region string, value int64, at time.Time) {
		t.Helper()
		err := s.IngestAt(syntheticProfile(t, map[string]int64{"main": value}), map[string]string{"service_name": "svc", "region": region}, at)
		if err != nil {
			t.Fatal(err)
		}
	}
	ingest("eu", 2, start.Add(10*time.Second))
	ingest("eu", 6, start.Add(12*time.Second))
	ingest("eu", 1, start.Add(50*time.Second))
	ingest("us", 20, start.Add(10*time.Second))

	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	query := func(agg typesv1.TimeSeriesAggregationType, groupBy []string, limit int64) []*typesv1.Series {
		t.Helper()
		req := &querierv1.SelectSeriesRequest{ProfileTypeID: cpuType, LabelSelector: `{service_name="svc"}`,
			Start: start.UnixMilli(), End: start.Add(time.Minute).UnixMilli(), Step: 15, GroupBy: groupBy, Aggregation: &agg}
		if limit > 0 {
			req.Limit = &limit
		}
		resp, err := client.SelectSeries(context.Background(), connect.NewRequest(req))
		if err != nil {
			t.Fatal(err)
		}
		return resp.Msg.Series
	}
	type point struct {
		ts int64
		v  float64
	}
	points := func(s *typesv1.Series) []point {
		var out []point
		for _, p := range s.Points {
			out = append(out, point{p.Timestamp - start.UnixMilli(), p.Value})
		}
		return out
	}

	sum := query(typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_SUM, []string{"region"}, 0)
	if len(sum) != 2 || sum[0].Labels[0].Value != "eu" {
		t.Fatalf("want eu and us series in label order, got %v", sum)
	}
	// 10 s and 12 s fall in the step ending at 15 s, 50 s in the one at 60 s.
	if got := points(sum[0]); len(got) != 2 || got[0] != (point{15000, 8}) || got[1] != (point{60000, 1}) {
		t.Errorf("eu SUM points %v, want 8 at +15s and 1 at +60s", got)
	}
	// Like Pyroscope v2.0.6, AVERAGE is answered with the sum.
	avg := query(typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_AVERAGE, []string{"region"}, 0)
	if got := points(avg[0]); got[0] != (point{15000, 8}) {
		t.Errorf("eu AVERAGE points %v, want the sum 8 at +15s", got)
	}
	top := query(typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_SUM, []string{"region"}, 1)
	if len(top) != 1 || top[0].Labels[0].Value != "us" {
		t.Errorf("limit 1 kept %v, want only us (total 20 against 9)", top)
	}
	all := query(typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_SUM, nil, 0)
	if len(all) != 1 || len(all[0].Labels) != 0 || points(all[0])[0] != (point{15000, 28}) {
		t.Errorf("no groupBy: %v, want one unlabelled series with 28 at +15s", all)
	}
}

// TestIngestWhileQuerying runs uploads and queries together (run with -race).
func TestIngestWhileQuerying(t *testing.T) {
	s := New(t)
	data := syntheticProfile(t, map[string]int64{"main;work": 1})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := s.Ingest(data, map[string]string{"service_name": "svc"}); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			start, end := lastHour()
			client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
			if _, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
				ProfileTypeID: cpuType, LabelSelector: `{service_name="svc"}`, Start: start, End: end})); err != nil {
				t.Error(err) // not Fatal: this is not the test's goroutine
			}
		}()
	}
	wg.Wait()
	if fg := mergeWorkload(t, s, cpuType); fg.Total != 0 {
		t.Errorf("service workload has no data, total %d", fg.Total)
	}
	start, end := lastHour()
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	resp, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: cpuType, LabelSelector: `{service_name="svc"}`, Start: start, End: end}))
	if err != nil || resp.Msg.Flamegraph.Total != 4 {
		t.Errorf("after 4 uploads of 1: total %d (err %v), want 4", resp.Msg.GetFlamegraph().GetTotal(), err)
	}
}
