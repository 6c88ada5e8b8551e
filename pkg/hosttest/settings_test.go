package hosttest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"

	"github.com/embers/embers/pkg/pyroscopetest"
)

// lockedBuffer collects the plugin's log lines from go-plugin's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// answers is what Grafana shows for one data source: its health check, a
// resource and each query of one request.
type answers struct {
	health   string
	resource string
	queries  map[string]string
}

func askEverything(t *testing.T, h *host, pc backend.PluginContext) answers {
	t.Helper()
	ctx := context.Background()
	proto := backend.ToProto().PluginContext(pc)
	var out answers
	hres, err := h.diagnostics.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: proto})
	if err != nil {
		t.Fatalf("health: %v", err)
	}
	out.health = hres.Message
	now := time.Now()
	path := "labelNames?from=" + itoa(now.Add(-time.Hour).UnixMilli()) + "&to=" + itoa(now.UnixMilli())
	stream, err := h.resource.CallResource(ctx, &pluginv2.CallResourceRequest{PluginContext: proto, Path: "labelNames", Method: http.MethodGet, Url: path})
	if err != nil {
		t.Fatalf("resource: %v", err)
	}
	rres, err := stream.Recv()
	if err != nil {
		t.Fatalf("resource: %v", err)
	}
	var body struct{ Error string }
	_ = json.Unmarshal(rres.Body, &body)
	out.resource = body.Error
	tr := backend.TimeRange{From: now.Add(-time.Hour), To: now}
	req := &backend.QueryDataRequest{PluginContext: pc, Queries: []backend.DataQuery{
		{RefID: "A", TimeRange: tr, JSON: json.RawMessage(`{"queryType":"profile","profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds"}`)},
		{RefID: "B", TimeRange: tr, JSON: json.RawMessage(`{"queryType":"metrics","profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds"}`)},
	}}
	pres, err := h.data.QueryData(ctx, backend.ToProto().QueryDataRequest(req))
	if err != nil {
		t.Fatalf("QueryData failed as a whole: %v", err)
	}
	resp, err := backend.FromProto().QueryDataResponse(pres)
	if err != nil {
		t.Fatal(err)
	}
	out.queries = map[string]string{}
	for ref, r := range resp.Responses {
		if r.Error != nil {
			out.queries[ref] = r.Error.Error()
		}
	}
	return out
}

func itoa(v int64) string { b, _ := json.Marshal(v); return string(b) }

// Settings the SDK would crash on are one settings error naming the field,
// in the health check, a resource and every query, and nothing panics.
func TestHostWrongTypedSettingsNameTheField(t *testing.T) {
	logs := &lockedBuffer{}
	h := startPluginLogging(t, logs, hclog.Debug)
	fake := pyroscopetest.New(t)
	cases := []struct{ jsonData, field string }{
		{`{"access":5}`, "access"},
		{`{"basicAuth":true,"basicAuthUser":1}`, "basicAuthUser"},
		{`{"httpHeaderName1":7}`, "httpHeaderName1"},
		{`{"tlsAuth":true,"serverName":2}`, "serverName"},
		{`{"sigV4Auth":true,"sigV4Region":3}`, "sigV4Region"},
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			got := askEverything(t, h, pluginContext(fake.URL, c.jsonData))
			want := "the setting " + c.field + " must be text, but it holds a number"
			if !strings.HasPrefix(got.health, want) {
				t.Errorf("health: %q, want %q…", got.health, want)
			}
			if !strings.HasPrefix(got.resource, "the data source settings are invalid: "+want) {
				t.Errorf("resource: %q", got.resource)
			}
			for _, ref := range []string{"A", "B"} {
				if !strings.HasPrefix(got.queries[ref], "the data source settings are invalid: "+want) {
					t.Errorf("query %s: %q", ref, got.queries[ref])
				}
			}
		})
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("the plugin logged a panic:\n%s", logs.String())
	}
}

// A URL with a password never reaches a message or a log line whole, valid
// or not.
func TestHostURLPasswordsStaySecret(t *testing.T) {
	logs := &lockedBuffer{}
	h := startPluginLogging(t, logs, hclog.Trace)
	down := pyroscopetest.New(t)
	down.Close()
	host := strings.TrimPrefix(down.URL, "http://")
	for _, raw := range []string{"ftp://bob:secret@" + host, "htp://bob:secret@" + host, "bob:secret@" + host, "http://bob:sec%zzret@" + host, "http://bob:secret@" + host} {
		t.Run(raw, func(t *testing.T) {
			got := askEverything(t, h, pluginContext(raw, `{}`))
			for what, msg := range map[string]string{"health": got.health, "resource": got.resource, "query A": got.queries["A"], "query B": got.queries["B"]} {
				if msg == "" || strings.Contains(msg, "secret") || strings.Contains(msg, "sec%zzret") {
					t.Errorf("%s: %q", what, msg)
				}
				if !strings.Contains(msg, "bob:xxxxx@") {
					t.Errorf("%s does not name the URL with its password hidden: %q", what, msg)
				}
			}
		})
	}
	if strings.Contains(logs.String(), "secret") {
		t.Errorf("a log line holds the password:\n%s", logs.String())
	}
}
