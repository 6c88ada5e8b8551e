package pyroscopetest

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

func TestIngestRefusesWhatTheServerRefuses(t *testing.T) {
	s := New(t)
	good := syntheticProfile(t, map[string]int64{"main": 1})
	cases := []struct {
		name   string
		data   []byte
		labels map[string]string
		want   string
	}{
		{"no service", good, map[string]string{"env": "x"}, "invalid_argument: service_name label is required"},
		{"not pprof", []byte("not a profile"), map[string]string{"service_name": "a"}, "invalid_argument: failed to parse pprof: "},
	}
	for _, c := range cases {
		err := s.Ingest(c.data, c.labels)
		if err == nil || !bytes.HasPrefix([]byte(err.Error()), []byte(c.want)) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestIngestDropsFramesLikeTheServer: a frame with only an address is
// dropped from its stack; a frame with neither address nor line drops its
// whole sample.
func TestIngestDropsFramesLikeTheServer(t *testing.T) {
	fn := &profile.Function{ID: 1, Name: "main"}
	named := &profile.Location{ID: 1, Address: 0x10, Line: []profile.Line{{Function: fn}}}
	addrOnly := &profile.Location{ID: 2, Address: 0x20}
	empty := &profile.Location{ID: 3}
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Function:   []*profile.Function{fn},
		Location:   []*profile.Location{named, addrOnly, empty},
		Sample: []*profile.Sample{
			{Location: []*profile.Location{addrOnly, named}, Value: []int64{5}},
			{Location: []*profile.Location{empty, named}, Value: []int64{7}},
		},
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s := New(t)
	if err := s.Ingest(buf.Bytes(), map[string]string{"service_name": "svc"}); err != nil {
		t.Fatal(err)
	}
	start, end := lastHour()
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	resp, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: cpuType, LabelSelector: `{service_name="svc"}`, Start: start, End: end}))
	if err != nil {
		t.Fatal(err)
	}
	if got := stackSelf(resp.Msg.Flamegraph); len(got) != 1 || got["main"] != 5 {
		t.Errorf("stacks %v, want only main=5", got)
	}
}

func TestNameLabelAndPprofLabelsBecomeSeriesLabels(t *testing.T) {
	p, err := profile.ParseData(syntheticProfile(t, map[string]int64{"main;work": 3, "main": 1}))
	if err != nil {
		t.Fatal(err)
	}
	for i, smp := range p.Sample {
		smp.Label = map[string][]string{"handler": {[]string{"a", "b"}[i%2]}, "profile_id": {"abc"}}
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s := New(t)
	if err := s.Ingest(buf.Bytes(), map[string]string{"service_name": "svc", "__name__": "wall"}); err != nil {
		t.Fatal(err)
	}
	start, end := lastHour()
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	types, err := client.ProfileTypes(context.Background(), connect.NewRequest(&querierv1.ProfileTypesRequest{Start: start, End: end}))
	if err != nil || len(types.Msg.ProfileTypes) != 1 || types.Msg.ProfileTypes[0].ID != "wall:cpu:nanoseconds:cpu:nanoseconds" {
		t.Fatalf("profile types %v (err %v), want the wall:cpu type", types.Msg.GetProfileTypes(), err)
	}
	values, err := client.LabelValues(context.Background(), connect.NewRequest(&typesv1.LabelValuesRequest{
		Name: "handler", Matchers: []string{`{service_name="svc"}`}, Start: start, End: end}))
	if err != nil || len(values.Msg.Names) != 2 {
		t.Errorf("handler values %v (err %v), want [a b]", values.Msg.GetNames(), err)
	}
	names, err := client.LabelNames(context.Background(), connect.NewRequest(&typesv1.LabelNamesRequest{Start: start, End: end}))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names.Msg.Names {
		if n == "profile_id" {
			t.Errorf("profile_id is a span link, not a series label: %v", names.Msg.Names)
		}
	}
	series, err := client.SelectSeries(context.Background(), connect.NewRequest(&querierv1.SelectSeriesRequest{
		ProfileTypeID: "wall:cpu:nanoseconds:cpu:nanoseconds", LabelSelector: `{service_name="svc"}`,
		Start: start, End: end, Step: 60, GroupBy: []string{"handler"}}))
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, s := range series.Msg.Series {
		for _, p := range s.Points {
			sum += p.Value
		}
	}
	if len(series.Msg.Series) != 2 || sum != 4 {
		t.Errorf("series by handler: %d series summing to %v, want 2 summing to 4", len(series.Msg.Series), sum)
	}
}

// FuzzIngest: any upload is stored or refused with an error, never a panic,
// and what is stored can be queried.
func FuzzIngest(f *testing.F) {
	for _, name := range []string{"workload-cpu.pb.gz", "workload-heap.pb.gz"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "profiles", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &Server{cfg: defaultConfig()} // storage only, no HTTP
		if s.Ingest(data, map[string]string{"service_name": "fuzz"}) != nil {
			return
		}
		for _, ref := range s.selectRefs(context.Background(), "", nil, 0, 0) {
			flameGraph(mergeTree([]seriesRef{ref}), 16)
		}
	})
}
