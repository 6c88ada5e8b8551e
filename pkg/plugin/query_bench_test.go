package plugin

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

// BenchmarkProfileQuery measures a whole profile query (HTTP, decode,
// conversion) and reports the frame's size as Arrow, what Grafana receives.
func BenchmarkProfileQuery(b *testing.B) {
	// The SDK's HTTP client logs at debug on every client it builds; keep that
	// out of the benchmark's output, where it splits result lines.
	quiet := log.NewNullLogger()
	defer func(def, be log.Logger) { log.DefaultLogger, backend.Logger = def, be }(log.DefaultLogger, backend.Logger)
	log.DefaultLogger, backend.Logger = quiet, quiet
	for _, n := range []int{16_384, 100_000, 1_000_000} {
		b.Run(itoa(int64(n))+"_nodes", func(b *testing.B) {
			body, err := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: bigFlameGraph(n - 1)})
			if err != nil {
				b.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/proto")
				_, _ = w.Write(body)
			}))
			defer srv.Close()
			inst, err := NewDatasource(b.Context(), backend.DataSourceInstanceSettings{Type: "embers-pyroscope-datasource", URL: srv.URL, JSONData: []byte(`{"maxNodes":1048576}`)})
			if err != nil {
				b.Fatal(err)
			}
			d := inst.(*Datasource)
			q := dataQuery("A", backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}, queryJSON("profile", cpuType, `{service_name="a"}`, ""))
			req := &backend.QueryDataRequest{Queries: []backend.DataQuery{q}}
			var frameBytes int
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				resp, err := d.QueryData(b.Context(), req)
				if err != nil || resp.Responses["A"].Error != nil {
					b.Fatal(err, resp.Responses["A"].Error)
				}
				if frameBytes == 0 {
					b.StopTimer()
					arrow, _ := resp.Responses["A"].Frames[0].MarshalArrow()
					frameBytes = len(arrow)
					b.StartTimer()
				}
			}
			b.ReportMetric(float64(len(body))/1e6, "MB-protobuf")
			b.ReportMetric(float64(frameBytes)/1e6, "MB-arrow-frame")
		})
	}
}
