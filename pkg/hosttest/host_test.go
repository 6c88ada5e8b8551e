// Package hosttest starts the real gpx_embers binary the way Grafana does
// (hashicorp go-plugin handshake, gRPC) and calls it like Grafana would.
package hosttest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscope/replay"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// maxMessage is above the 16 MiB the SDK's own test client allows: a
// 1,000,000-node flame graph frame is about 26 MB.
const maxMessage = 64 << 20

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "embers-host")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "gpx_embers")
	root, err := testpaths.Find()
	if err != nil {
		panic(err)
	}
	build := exec.Command("go", "build", "-o", binary, "./pkg")
	build.Dir = root
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the plugin binary failed:", err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// host is Grafana's side of one running plugin process.
type host struct {
	data        pluginv2.DataClient
	diagnostics pluginv2.DiagnosticsClient
	resource    pluginv2.ResourceClient
}

func startPlugin(t *testing.T) *host {
	t.Helper()
	return startPluginLogging(t, io.Discard, hclog.Error)
}

func startPluginLogging(t *testing.T, logs io.Writer, level hclog.Level) *host {
	t.Helper()
	client := goplugin.NewClient(&goplugin.ClientConfig{
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  grpcplugin.ProtocolVersion,
			MagicCookieKey:   grpcplugin.MagicCookieKey,
			MagicCookieValue: grpcplugin.MagicCookieValue,
		},
		VersionedPlugins: map[int]goplugin.PluginSet{grpcplugin.ProtocolVersion: {
			"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
			"resource":    &grpcplugin.ResourceGRPCPlugin{},
			"data":        &grpcplugin.DataGRPCPlugin{},
		}},
		Cmd:              exec.Command(binary),
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		GRPCDialOptions:  []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessage))},
		Logger:           hclog.New(&hclog.LoggerOptions{Output: logs, Level: level}),
		StartTimeout:     30 * time.Second,
	})
	t.Cleanup(client.Kill)
	rpc, err := client.Client()
	if err != nil {
		t.Fatalf("plugin handshake failed: %v", err)
	}
	dispense := func(name string) any {
		raw, err := rpc.Dispense(name)
		if err != nil {
			t.Fatalf("dispense %s: %v", name, err)
		}
		return raw
	}
	return &host{
		data:        dispense("data").(pluginv2.DataClient),
		diagnostics: dispense("diagnostics").(pluginv2.DiagnosticsClient),
		resource:    dispense("resource").(pluginv2.ResourceClient),
	}
}

// settingsVersion gives every context its own settings version, as Grafana
// does after each save, so the plugin builds a fresh instance for it.
var settingsVersion atomic.Int64

func pluginContext(url, jsonData string) backend.PluginContext {
	return backend.PluginContext{
		OrgID:    1,
		PluginID: "embers-pyroscope-datasource",
		DataSourceInstanceSettings: &backend.DataSourceInstanceSettings{
			ID: 1, UID: "embers", Name: "Pyroscope", Type: "embers-pyroscope-datasource",
			URL: url, JSONData: json.RawMessage(jsonData), Updated: time.Unix(settingsVersion.Add(1), 0),
		},
	}
}

func TestHostCheckHealth(t *testing.T) {
	h := startPlugin(t)
	srv := replay.Serve(t, replay.Load(t, "profile-types"))
	res, err := h.diagnostics.CheckHealth(context.Background(), &pluginv2.CheckHealthRequest{
		PluginContext: backend.ToProto().PluginContext(pluginContext(srv.URL, `{}`)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != pluginv2.CheckHealthResponse_OK || res.Message != "Found 11 profile types in the last hour" {
		t.Errorf("health = %v %q", res.Status, res.Message)
	}

	down := replay.Serve(t)
	down.Close()
	res, err = h.diagnostics.CheckHealth(context.Background(), &pluginv2.CheckHealthRequest{
		PluginContext: backend.ToProto().PluginContext(pluginContext(down.URL, `{}`)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != pluginv2.CheckHealthResponse_ERROR || !strings.Contains(res.Message, "cannot connect to Pyroscope at "+down.URL) {
		t.Errorf("health of a stopped server = %v %q", res.Status, res.Message)
	}
}

func TestHostCallResource(t *testing.T) {
	h := startPlugin(t)
	srv := replay.Serve(t, replay.Load(t, "label-names-embers-workload"))
	call := func(path string) *pluginv2.CallResourceResponse {
		p, _, _ := strings.Cut(path, "?")
		stream, err := h.resource.CallResource(context.Background(), &pluginv2.CallResourceRequest{
			PluginContext: backend.ToProto().PluginContext(pluginContext(srv.URL, `{}`)),
			Path:          p, Method: http.MethodGet, Url: path,
		})
		if err != nil {
			t.Fatal(err)
		}
		res, err := stream.Recv()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := call(`labelNames?from=1795586405352&to=1795587210782&selector={service_name="embers-workload"}`)
	if res.Code != 200 || string(res.Body) != `["env","region","service_name"]`+"\n" {
		t.Errorf("labelNames = %d %s", res.Code, res.Body)
	}
	res = call(`labelValues?from=1795586405352&to=1795587210782`)
	if res.Code != 400 || !strings.Contains(string(res.Body), `"error":"the label parameter is required`) {
		t.Errorf("labelValues without a label = %d %s", res.Code, res.Body)
	}
}

func TestHostQueryData(t *testing.T) {
	h := startPlugin(t)
	fake := pyroscopetest.New(t, pyroscopetest.WithTenant("team-a"))
	profilePath := testpaths.Repo(t, "testdata", "profiles", "workload-cpu.pb.gz")
	for _, region := range []string{"eu-west", "us-east"} {
		if err := fake.IngestFile(profilePath, map[string]string{"service_name": "workload", "region": region}); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	tr := backend.TimeRange{From: now.Add(-time.Hour), To: now.Add(time.Minute)}
	q := func(ref, js string) backend.DataQuery {
		return backend.DataQuery{RefID: ref, TimeRange: tr, Interval: 15 * time.Second, MaxDataPoints: 1000, JSON: json.RawMessage(js)}
	}
	req := &backend.QueryDataRequest{
		PluginContext: pluginContext(fake.URL, `{"timeout":5,"tenantId":"team-a"}`),
		Queries: []backend.DataQuery{
			q("A", `{"queryType":"both","profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds","labelSelector":"{service_name=\"workload\"}","groupBy":["region"]}`),
			q("B", `{"queryType":"profile","profileTypeId":"nonsense"}`),
		},
	}
	pres, err := h.data.QueryData(context.Background(), backend.ToProto().QueryDataRequest(req))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := backend.FromProto().QueryDataResponse(pres)
	if err != nil {
		t.Fatal(err)
	}
	a := resp.Responses["A"]
	if a.Error != nil {
		t.Fatalf("A: %v", a.Error)
	}
	var root int64 = -1
	series := 0
	for _, f := range a.Frames {
		if f.Name == "flamegraph" {
			v, _ := f.FieldByName("value")
			root = v.At(0).(int64)
		} else {
			series++
		}
	}
	// The workload's CPU profile holds 3.13 s of CPU; it was uploaded twice.
	if root != 2*3130000000 || series != 2 {
		t.Errorf("root total %d (want 6260000000 ns), %d series (want 2 regions)", root, series)
	}
	if b := resp.Responses["B"]; b.Error == nil || !strings.Contains(b.Error.Error(), "must look like name:sample_type") {
		t.Errorf("B: %v", b.Error)
	}
}

// A 1,000,000-node flame graph crosses the gRPC boundary whole.
func TestHostMillionNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("large response")
	}
	h := startPlugin(t)
	const n = 1_000_000
	names := make([]string, n)
	names[0] = "total"
	leaves := make([]int64, 0, 4*(n-1))
	for i := 1; i < n; i++ {
		names[i] = fmt.Sprintf("pkg.fn%d", i)
		leaves = append(leaves, 0, 1, 1, int64(i))
	}
	body, _ := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: &querierv1.FlameGraph{
		Names: names, Levels: []*querierv1.Level{{Values: []int64{0, n - 1, 0, 0}}, {Values: leaves}}, Total: n - 1, MaxSelf: 1,
	}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/proto")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	req := &backend.QueryDataRequest{
		PluginContext: pluginContext(srv.URL, `{"maxNodes":1048576}`),
		Queries: []backend.DataQuery{{RefID: "A", TimeRange: backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()},
			JSON: json.RawMessage(`{"queryType":"profile","profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds","labelSelector":"{service_name=\"a\"}"}`)}},
	}
	pres, err := h.data.QueryData(context.Background(), backend.ToProto().QueryDataRequest(req))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("1,000,000-node flame graph over gRPC: %.1f MB", float64(proto.Size(pres))/1e6)
	resp, err := backend.FromProto().QueryDataResponse(pres)
	if err != nil {
		t.Fatal(err)
	}
	a := resp.Responses["A"]
	if a.Error != nil {
		t.Fatal(a.Error)
	}
	if rows, _ := a.Frames[0].RowLen(); rows != n {
		t.Errorf("rows = %d, want %d", rows, n)
	}
}
