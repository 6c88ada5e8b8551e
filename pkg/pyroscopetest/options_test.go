package pyroscopetest

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

const cpuType = "process_cpu:cpu:nanoseconds:cpu:nanoseconds"

func lastHour() (int64, int64) {
	now := time.Now()
	return now.Add(-time.Hour).UnixMilli(), now.Add(time.Minute).UnixMilli()
}

func connectMessage(t *testing.T, err error) (connect.Code, string) {
	t.Helper()
	var ce *connect.Error
	if !errors.As(err, &ce) {
		t.Fatalf("want a Connect error, got %v", err)
	}
	return ce.Code(), ce.Message()
}

func TestTenantHeaderIsRequiredAndScopesData(t *testing.T) {
	s := New(t, WithTenant("team-a"))
	ingestWorkload(t, s)
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	start, end := lastHour()
	ask := func(org string) (*connect.Response[querierv1.ProfileTypesResponse], error) {
		req := connect.NewRequest(&querierv1.ProfileTypesRequest{Start: start, End: end})
		if org != "" {
			req.Header().Set("X-Scope-OrgID", org)
		}
		return client.ProfileTypes(context.Background(), req)
	}
	_, err := ask("")
	if code, msg := connectMessage(t, err); code != connect.CodeUnauthenticated || msg != "invalid_argument: no org id" {
		t.Errorf("no tenant: %v %q, want unauthenticated \"invalid_argument: no org id\"", code, msg)
	}
	other, err := ask("team-b")
	if err != nil || len(other.Msg.ProfileTypes) != 0 {
		t.Errorf("another tenant sees %v (err %v), want nothing", other.Msg.GetProfileTypes(), err)
	}
	own, err := ask("team-a")
	if err != nil || len(own.Msg.ProfileTypes) == 0 {
		t.Errorf("own tenant sees no profile types (err %v)", err)
	}
}

func TestLimitsGiveTheServersMessages(t *testing.T) {
	s := New(t, WithMaxQueryLength(time.Hour), WithMaxNodesCap(100))
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	end := time.Now().UnixMilli()
	merge := func(start int64, maxNodes int64) error {
		_, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
			ProfileTypeID: cpuType, LabelSelector: `{service_name="x"}`, Start: start, End: end, MaxNodes: &maxNodes,
		}))
		return err
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"range over the limit", merge(end-2*time.Hour.Milliseconds(), 10), "the query time range exceeds the limit (max_query_length, actual: 2h0m0s, limit: 1h)"},
		{"maxNodes over the cap", merge(end-1000, 101), "max flamegraph nodes limit 101 is greater than allowed 100"},
		{"negative maxNodes", merge(end-1000, -1), "max flamegraph nodes limit must be set (max allowed 100)"},
	}
	for _, c := range cases {
		if code, msg := connectMessage(t, c.err); code != connect.CodeInvalidArgument || msg != c.want {
			t.Errorf("%s: %v %q, want invalid_argument %q", c.name, code, msg, c.want)
		}
	}
	if err := merge(end-1000, 100); err != nil {
		t.Errorf("maxNodes at the cap refused: %v", err)
	}
}

func TestUnscopedQueriesSeeDataUnlessUncompacted(t *testing.T) {
	start, end := lastHour()
	for _, c := range []struct {
		name        string
		opts        []Option
		wantService bool
	}{{"compacted", nil, true}, {"uncompacted", []Option{WithUncompacted()}, false}} {
		t.Run(c.name, func(t *testing.T) {
			s := New(t, c.opts...)
			ingestWorkload(t, s)
			client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
			resp, err := client.LabelValues(context.Background(), connect.NewRequest(&typesv1.LabelValuesRequest{Name: "service_name", Start: start, End: end}))
			if err != nil {
				t.Fatal(err)
			}
			if got := len(resp.Msg.Names) == 1 && resp.Msg.Names[0] == "workload"; got != c.wantService {
				t.Errorf("service values without a matcher: %v", resp.Msg.Names)
			}
			scoped, err := client.LabelValues(context.Background(), connect.NewRequest(&typesv1.LabelValuesRequest{
				Name: "service_name", Matchers: []string{`{service_name="workload"}`}, Start: start, End: end}))
			if err != nil || len(scoped.Msg.Names) != 1 {
				t.Errorf("with a service matcher: %v (err %v), want [workload]", scoped.Msg.GetNames(), err)
			}
		})
	}
}

func TestLabelNamesIncludeInternalLabelsSorted(t *testing.T) {
	s := New(t)
	ingestWorkload(t, s)
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	start, end := lastHour()
	resp, err := client.LabelNames(context.Background(), connect.NewRequest(&typesv1.LabelNamesRequest{Start: start, End: end}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"__name__", "__period_type__", "__period_unit__", "__profile_type__", "__service_name__", "__type__", "__unit__", "service_name"}
	if len(resp.Msg.Names) != len(want) {
		t.Fatalf("names %v, want %v", resp.Msg.Names, want)
	}
	for i := range want {
		if resp.Msg.Names[i] != want[i] {
			t.Fatalf("names %v, want %v", resp.Msg.Names, want)
		}
	}
}
