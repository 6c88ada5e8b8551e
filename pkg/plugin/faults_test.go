package plugin

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func fixedServer(t *testing.T, status int, ctype, body string, delay time.Duration) string {
	t.Helper()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		case <-stop:
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	return srv.URL
}

func closedPortURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr
}

func TestFaultsBecomeQueryErrors(t *testing.T) {
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	tests := []struct {
		name     string
		url      string
		settings string
		want     string
		leak     string
	}{
		{"server down", closedPortURL(t), `{}`, "cannot connect to Pyroscope at http://127.0.0.1:", ""},
		{"401 text from a proxy", fixedServer(t, 401, "text/plain", "401 Authorization Required", 0), `{}`, "rejected the credentials (HTTP 401)", "Authorization Required"},
		{"500 with a body", fixedServer(t, 500, "application/json", `{"code":"internal","message":"querier: out of memory"}`, 0), `{}`, "Pyroscope error: querier: out of memory", ""},
		{"500 with a stack", fixedServer(t, 500, "text/plain", "panic: boom\ngoroutine 1 [running]:", 0), `{}`, "Pyroscope answered with HTTP 500", "goroutine"},
		{"garbage 200", fixedServer(t, 200, "application/proto", "\x0a\xff\xff\xff\xff\x0fgarbage", 0), `{}`, "could not be read", "query is"},
		{"slow server past the timeout", fixedServer(t, 200, "application/proto", "", 5*time.Second), `{"timeout":1}`, "timed out", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDS(t, tt.url, tt.settings, nil)
			start := time.Now()
			res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="a"}`, ""))).Responses["A"]
			if time.Since(start) > 4*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if res.Error == nil || !strings.Contains(res.Error.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", res.Error, tt.want)
			}
			if tt.leak != "" && strings.Contains(res.Error.Error(), tt.leak) {
				t.Errorf("error %q shows %q from the body", res.Error, tt.leak)
			}
		})
	}
}

// bigFlameGraph is a root with n leaf children, each 1 sample.
func bigFlameGraph(n int) *querierv1.FlameGraph {
	names := make([]string, n+1)
	names[0] = "total"
	leaves := make([]int64, 0, 4*n)
	for i := 1; i <= n; i++ {
		names[i] = "fn_" + strings.Repeat("x", i%7)
		leaves = append(leaves, 0, 1, 1, int64(i))
	}
	return &querierv1.FlameGraph{
		Names:  names,
		Levels: []*querierv1.Level{{Values: []int64{0, int64(n), 0, 0}}, {Values: leaves}},
		Total:  int64(n), MaxSelf: 1,
	}
}

// bigDiffFlameGraph is bigFlameGraph as a diff: each of the n leaves holds one
// sample on the left and two on the right.
func bigDiffFlameGraph(n int) *querierv1.FlameGraphDiff {
	fg := bigFlameGraph(n)
	leaves := make([]int64, 0, 7*n)
	for i := 1; i <= n; i++ {
		leaves = append(leaves, 0, 1, 1, 0, 2, 2, int64(i))
	}
	return &querierv1.FlameGraphDiff{
		Names:  fg.Names,
		Levels: []*querierv1.Level{{Values: []int64{0, int64(n), 0, 0, int64(2 * n), 0, 0}}, {Values: leaves}},
		Total:  int64(3 * n), MaxSelf: 2, LeftTicks: int64(n), RightTicks: int64(2 * n),
	}
}

func TestMillionNodeFlameGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("large response")
	}
	const n = 1_000_000
	body, err := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: bigFlameGraph(n - 1)})
	if err != nil {
		t.Fatal(err)
	}
	d := newDS(t, fixedServer(t, 200, "application/proto", string(body), 0), `{"maxNodes":1048576}`, nil)
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="a"}`, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	fg := frameByName(t, res.Frames, "flamegraph")
	if rows, _ := fg.RowLen(); rows != n {
		t.Fatalf("frame has %d rows, want %d", rows, n)
	}
	if got := int64At(t, fg, "value", 0); got != n-1 {
		t.Errorf("root total = %d, want %d", got, n-1)
	}
	arrow, err := fg.MarshalArrow()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("1,000,000-node flame graph: response %.1f MB protobuf, frame %.1f MB as Arrow", float64(len(body))/1e6, float64(len(arrow))/1e6)
}

func TestFailedQueriesStillShowWhatWasSent(t *testing.T) {
	tr := backend.TimeRange{From: time.Now().Add(-48 * time.Hour), To: time.Now()}
	url := fixedServer(t, 400, "application/json", `{"code":"invalid_argument","message":"the query time range exceeds the limit (max_query_length, actual: 48h0m0s, limit: 1d)"}`, 0)
	d := newDS(t, url, `{}`, nil)
	for _, qt := range []string{"profile", "metrics", "both", "diff"} {
		extra := ""
		if qt == "diff" {
			extra = `"right":{"labelSelector":"{service_name=\"b\"}"}`
		}
		res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON(qt, cpuType, `{service_name="a"}`, extra))).Responses["A"]
		if res.Error == nil || !strings.Contains(res.Error.Error(), "1d (max_query_length)") {
			t.Fatalf("%s: error = %v", qt, res.Error)
		}
		var executed []string
		for _, f := range res.Frames {
			if f.Meta != nil && f.Meta.ExecutedQueryString != "" {
				executed = append(executed, f.Meta.ExecutedQueryString)
			}
		}
		if want := qt + " " + cpuType + ` {service_name="a"}`; qt != "both" && (len(executed) != 1 || !strings.HasPrefix(executed[0], want)) {
			t.Errorf("%s: the query inspector shows %q, want %q…", qt, executed, want)
		}
		if qt == "both" && len(executed) != 2 {
			t.Errorf("both: the query inspector shows %q, want the series and the flame graph calls", executed)
		}
	}
}
