package pyroscopetest

import (
	"context"
	"net/http"
	"testing"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

func TestSpanProfileMergesOnlyTheSpansAskedFor(t *testing.T) {
	const slow, fast = "19e129611805ff6c", "a1b2c3d4e5f60718"
	b, err := SpanProfile(map[string]map[string]int64{
		slow: {"main;slowFunction;work": 40},
		fast: {"main;fastFunction;work": 10},
		"":   {"runtime;gc": 5},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := New(t)
	if err := s.Ingest(b, map[string]string{"service_name": "spans"}); err != nil {
		t.Fatal(err)
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	start, end := lastHour()
	spanTotal := func(ids ...string) (int64, []string) {
		t.Helper()
		resp, err := client.SelectMergeSpanProfile(context.Background(), connect.NewRequest(&querierv1.SelectMergeSpanProfileRequest{
			ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds", LabelSelector: `{service_name="spans"}`,
			SpanSelector: ids, Start: start, End: end}))
		if err != nil {
			t.Fatal(err)
		}
		return resp.Msg.Flamegraph.Total, resp.Msg.Flamegraph.Names
	}
	if total, names := spanTotal(slow); total != 40 || len(names) != 4 || names[2] != "slowFunction" {
		t.Errorf("slow span: total %d names %v, want 40 and only slowFunction's stack", total, names)
	}
	if total, _ := spanTotal(slow, fast); total != 50 {
		t.Errorf("both spans: total %d, want 50 (not the 5 outside any span)", total)
	}
	if total, names := spanTotal("0123456789abcdef"); total != 0 || len(names) != 1 {
		t.Errorf("unknown span: total %d names %v, want the all-zero root", total, names)
	}
	labels, err := client.LabelNames(context.Background(), connect.NewRequest(&typesv1.LabelNamesRequest{Start: start, End: end}))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range labels.Msg.Names {
		if n == "span_id" {
			t.Errorf("span_id became a series label: %v", labels.Msg.Names)
		}
	}
}
