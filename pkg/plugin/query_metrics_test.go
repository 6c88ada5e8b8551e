package plugin

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscope/replay"
	"github.com/embers/embers/pkg/pyroscopetest"
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

// workloadProfile is one of the project's own pprof files and the sum of one
// of its sample types, read without our code in between.
func workloadProfile(t *testing.T, file, sampleType string) ([]byte, float64) {
	t.Helper()
	b, err := os.ReadFile(testpaths.Repo(t, "testdata", "profiles", file))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.ParseData(b)
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for i, st := range p.SampleType {
		if st.Type == sampleType {
			for _, s := range p.Sample {
				sum += s.Value[i]
			}
		}
	}
	if sum == 0 {
		t.Fatalf("%s has no %s samples", file, sampleType)
	}
	return b, float64(sum)
}

// uploadEvery sends n copies of a workload profile for service "app" to a
// fake, one every period from 5 s after start, and returns a data source on
// it (min step 15 s), start and the profile's sum of sampleType.
func uploadEvery(t *testing.T, file, sampleType, name string, period time.Duration, n int) (*Datasource, time.Time, float64) {
	t.Helper()
	b, sum := workloadProfile(t, file, sampleType)
	fake := pyroscopetest.New(t)
	start := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	for i := range n {
		at := start.Add(5*time.Second + time.Duration(i)*period)
		if err := fake.IngestAt(b, map[string]string{"service_name": "app", "__name__": name}, at); err != nil {
			t.Fatal(err)
		}
	}
	return newDS(t, fake.URL, `{"minStep":"15s"}`, nil), start, sum
}

// Four heap profiles in one 60 s panel step read as one profile's in-use
// bytes, not four times it, on a server that sums what it is asked to average.
func TestInUseIsTheMeanOfTheProfilesInAStep(t *testing.T) {
	d, start, inuse := uploadEvery(t, "workload-heap.pb.gz", "inuse_space", "memory", 15*time.Second, 8)
	q := dataQuery("A", backend.TimeRange{From: start, To: start.Add(2 * time.Minute)}, queryJSON("metrics", inuseType, `{service_name="app"}`, ""))
	q.Interval = time.Minute
	res := runQueries(t, d, nil, q).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	f := res.Frames[0]
	if f.Rows() != 2 {
		t.Fatalf("%d points, want one per minute", f.Rows())
	}
	for i := 0; i < f.Rows(); i++ {
		if got := f.Fields[1].At(i).(float64); math.Abs(got-inuse) > 1e-6*inuse {
			t.Errorf("minute %d reads %v bytes in use, want one profile's %v", i, got, inuse)
		}
	}
}

// A CPU profile every 30 s asked at step 15 s reads its samples over the
// 30 s they cover.
func TestCPURateOfSparseUploadsFromTheFake(t *testing.T) {
	d, start, nanos := uploadEvery(t, "workload-cpu.pb.gz", "cpu", "process_cpu", 30*time.Second, 6)
	tr := backend.TimeRange{From: start, To: start.Add(3 * time.Minute)}
	res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("metrics", cpuType, `{service_name="app"}`, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	f := res.Frames[0]
	if f.Rows() != 6 {
		t.Fatalf("%d points, want one per upload", f.Rows())
	}
	want := nanos / 30 / 1e9
	for i := 0; i < f.Rows(); i++ {
		if got := f.Fields[1].At(i).(float64); math.Abs(got-want) > 1e-9 {
			t.Errorf("point %d reads %v cores, want %v (the profile's CPU over 30 s)", i, got, want)
		}
	}
}
