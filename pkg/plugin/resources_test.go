package plugin

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

// callResource calls a route through CallResource, as Grafana does.
func callResource(t *testing.T, d *Datasource, pathAndQuery string) (int, []byte) {
	t.Helper()
	path, query, _ := strings.Cut(pathAndQuery, "?")
	var got *backend.CallResourceResponse
	err := d.CallResource(context.Background(), &backend.CallResourceRequest{
		Path: path, Method: http.MethodGet, URL: pathAndQuery,
	}, backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error { got = r; return nil }))
	if err != nil {
		t.Fatalf("CallResource(%s): %v", path, err)
	}
	_ = query
	if got == nil {
		t.Fatal("no response sent")
	}
	return got.Status, got.Body
}

func TestProfileTypesResource(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "profile-types"))
	d := newDS(t, srv.URL, `{}`, nil)
	status, body := callResource(t, d, "profileTypes?from=1795586405352&to=1795587210782")
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	var types []profileTypeInfo
	if err := json.Unmarshal(body, &types); err != nil {
		t.Fatal(err)
	}
	if len(types) != 11 {
		t.Errorf("got %d profile types, want the server's 11", len(types))
	}
	var cpu *profileTypeInfo
	for i := range types {
		if types[i].ID == cpuType {
			cpu = &types[i]
		}
	}
	if cpu == nil || cpu.Name != "process_cpu" || cpu.SampleType != "cpu" || cpu.SampleUnit != "nanoseconds" || cpu.PeriodType != "cpu" || cpu.PeriodUnit != "nanoseconds" {
		t.Errorf("cpu type = %+v", cpu)
	}
	if !strings.Contains(string(body), `"sampleType"`) || !strings.Contains(string(body), `"id"`) {
		t.Errorf("field names differ from the contract: %s", body[:min(len(body), 200)])
	}
}

func TestLabelNamesResourceHidesInternalLabels(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "label-names-embers-workload"))
	d := newDS(t, srv.URL, `{}`, nil)
	status, body := callResource(t, d, "labelNames?from=1795586405352&to=1795587210782&profileTypeId="+cpuType+`&selector=%7Bservice_name%3D%22embers-workload%22%7D`)
	if status != 200 || string(body) != `["env","region","service_name"]`+"\n" {
		t.Errorf("status %d body %s", status, body)
	}
	req := sent(t, srv, "LabelNames", 0, &typesv1.LabelNamesRequest{})
	if len(req.Matchers) != 1 || req.Matchers[0] != `{__profile_type__="`+cpuType+`", service_name="embers-workload"}` {
		t.Errorf("matchers sent = %q", req.Matchers)
	}
}

func TestLabelValuesResource(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "label-values-region"))
	d := newDS(t, srv.URL, `{}`, nil)
	status, body := callResource(t, d, `labelValues?label=region&from=1795586405352&to=1795587210782&selector={service_name="embers-workload"}`)
	if status != 200 || string(body) != `["eu-west","us-east"]`+"\n" {
		t.Errorf("status %d body %s", status, body)
	}
	req := sent(t, srv, "LabelValues", 0, &typesv1.LabelValuesRequest{})
	if req.Name != "region" || req.Matchers[0] != `{service_name="embers-workload"}` {
		t.Errorf("sent %v", req)
	}
}

func TestResourcesUseAtMostTheLast24Hours(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "label-values-region"))
	d := newDS(t, srv.URL, `{}`, nil)
	to := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	from := to.Add(-7 * 24 * time.Hour)
	status, _ := callResource(t, d, "labelValues?label=region&from="+itoa(from.UnixMilli())+"&to="+itoa(to.UnixMilli()))
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	req := sent(t, srv, "LabelValues", 0, &typesv1.LabelValuesRequest{})
	if req.End != to.UnixMilli() || req.Start != to.Add(-24*time.Hour).UnixMilli() {
		t.Errorf("sent %v..%v, want the last 24 h of the range", time.UnixMilli(req.Start).UTC(), time.UnixMilli(req.End).UTC())
	}
}

func itoa(v int64) string { b, _ := json.Marshal(v); return string(b) }

func TestResourcesRejectBadInput(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "label-values-region"), replay.Load(t, "error-range-too-long-labelnames"))
	d := newDS(t, srv.URL, `{}`, nil)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"labelValues?from=1&to=2", 400, "the label parameter is required"},
		{"labelValues?label=region&from=yesterday&to=2", 400, `from must be a time in unix milliseconds, got "yesterday"`},
		{"labelValues?label=region&from=5&to=2", 400, "from must be before to"},
		{"labelValues?label=region&from=1&to=2&profileTypeId=cpu", 400, "must look like name:sample_type"},
		{"labelValues?label=region&from=1&to=2&selector=service_name", 400, "must be wrapped in braces"},
		{"labelNames?from=1&to=2", 400, "the time range is longer than Pyroscope allows (1d (max_query_length))"},
		{"nothingHere", 404, ""},
	}
	for _, tt := range tests {
		status, body := callResource(t, d, tt.path)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d (%s)", tt.path, status, tt.status, body)
			continue
		}
		if tt.want == "" {
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal(body, &e); err != nil || !strings.Contains(e.Error, tt.want) {
			t.Errorf("%s: body %s, want error containing %q", tt.path, body, tt.want)
		}
	}
}

func TestResourceUpstreamFailures(t *testing.T) {
	d := newDS(t, closedPortURL(t), `{}`, nil)
	status, body := callResource(t, d, "profileTypes?from=1&to=2")
	if status != 502 || !strings.Contains(string(body), "cannot connect to Pyroscope") {
		t.Errorf("server down: %d %s", status, body)
	}
	bad := newDS(t, "", `{}`, nil)
	status, body = callResource(t, bad, "profileTypes")
	if status != 400 || !strings.Contains(string(body), "Enter the Pyroscope server URL, e.g. http://pyroscope:4040") {
		t.Errorf("bad settings: %d %s", status, body)
	}
}
