package plugin

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

const inuseType = "memory:inuse_space:bytes:space:bytes"

// The demo's SDK uploads cpu every 30 s and the data source's min step is
// 15 s: the panel must read the demo's half core, not a core every other step.
func TestCPURateAtMinStepOfRecordedDemo(t *testing.T) {
	rc := replay.Load(t, "series-embers-demo-cpu-step-15")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{"minStep":"15s"}`, nil)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("metrics", cpuType, `{service_name="embers-demo"}`, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	if req := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{}); req.Step != 15 {
		t.Errorf("sent step %v, want 15", req.Step)
	}
	f := res.Frames[0]
	if f.Rows() != 10 {
		t.Fatalf("%d points, want 10 (one per 30 s upload)", f.Rows())
	}
	for i := 0; i < f.Rows(); i++ {
		if cores := f.Fields[1].At(i).(float64); math.Abs(cores-0.5) > 0.06 {
			t.Errorf("point %d: %.3f cores, want about 0.5", i, cores)
		}
	}
	if got := f.Meta.ExecutedQueryString; !strings.Contains(got, "step=15s points=30s (data every 30s)") {
		t.Errorf("executedQueryString %q does not say the points are 30 s apart", got)
	}
	if meta, ok := f.Meta.Custom.(resolutionMeta); !ok || meta.StepSeconds != 30 || meta.QueriedStepSeconds != 15 || meta.UploadPeriodSeconds != 30 {
		t.Errorf("custom meta %#v, want queried 15 s, points 30 s, upload period 30 s", f.Meta.Custom)
	}
}

// In-use memory is asked at the min step, whatever the panel's step, so that
// one point holds one profile: the server sums them even when asked for
// AVERAGE (series-embers-demo-inuse-average equals -inuse-sum).
func TestInstantsAreAskedAtMinStep(t *testing.T) {
	rc := replay.Load(t, "series-embers-demo-inuse-average")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{"minStep":"60s"}`, nil)
	q := dataQuery("A", recordedRange(t, rc), queryJSON("metrics", inuseType, `{service_name="embers-demo"}`, `"groupBy":["service_name"]`))
	q.Interval = 4 * time.Minute
	res := runQueries(t, d, nil, q).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	req := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{})
	if req.Step != 60 || req.GetAggregation() != typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_AVERAGE {
		t.Errorf("sent step %v aggregation %v, want 60 s AVERAGE", req.Step, req.GetAggregation())
	}
	// Points of 4 minutes, each the mean of the 60 s points it holds: the
	// three from start+2m to start+4m first.
	f := res.Frames[0]
	if f.Rows() != 3 {
		t.Fatalf("%d points, want 3", f.Rows())
	}
	if got, want := firstValue(t, f), (1737032.0+16837236+17672815)/3; math.Abs(got-want) > 1e-3 {
		t.Errorf("first point %v bytes, want the mean %v", got, want)
	}
	if iv := f.Fields[0].Config.Interval; iv != (4*time.Minute).Seconds()*1000 {
		t.Errorf("interval %v, want 4 minutes", iv)
	}
	if f.Fields[1].Config.Unit != "bytes" || f.Meta.Type != data.FrameTypeTimeSeriesMulti {
		t.Errorf("unit %q type %v", f.Fields[1].Config.Unit, f.Meta.Type)
	}
}
